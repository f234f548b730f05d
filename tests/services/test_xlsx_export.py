"""XLSX export: the CSV table as a workbook openpyxl reads back, header frozen, filters on,
no cell a formula, and a round trip through Catalog's mapped XLSX importer."""

from __future__ import annotations

import csv
from dataclasses import replace
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from catalog.domain.dates import parse_date
from catalog.domain.errors import ExportError
from catalog.domain.records import AuthorityKind, RecordDetail
from catalog.services.catalog import CatalogService
from catalog.services.transfer.csv_export import CsvExporter, record_row
from catalog.services.transfer.csv_format import COLUMNS, FORMULA_STARTS, unneutralise
from catalog.services.transfer.xlsx_export import XlsxExporter

from .factories import make_record, plain_record

TMP = settings(suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None)


def edge_records() -> list[RecordDetail]:
    """Empty fields, undated and approximate dates, values a spreadsheet would run."""
    return [
        make_record(1),
        plain_record(2),
        make_record(3, date=parse_date(""), title="Undated: ER  - not the end"),
        make_record(4, date=parse_date("circa 1959"), summary="line one\nline two"),
        make_record(5, title="{odd brace} 100% & $5", summary="=SUM(A1)", doc_type="@cmd"),
        make_record(6, title="=SUM(A1)", tags=("+1", "-2", "'=3", "\tx"), archive="-archive"),
        make_record(7, date=parse_date("not a date"), source_ref="0102"),
        plain_record(8, title="Bell \x07 and escape \x1b removed", summary="\r\nstarts with CR"),
    ]


def read_rows(out: Path) -> tuple[Any, list[list[Any]]]:
    book = openpyxl.load_workbook(out)
    assert len(book.worksheets) == 1
    sheet = book.worksheets[0]
    rows = [["" if v is None else v for v in row] for row in sheet.iter_rows(values_only=True)]
    return sheet, rows


# ----------------------------------------------------------------------------- openpyxl


def test_a_sheet_with_a_frozen_header_and_filters_over_the_data(tmp_path: Path) -> None:
    out = tmp_path / "a.xlsx"
    records = edge_records()
    assert XlsxExporter().write(records, out) == len(records)
    sheet, rows = read_rows(out)
    assert rows[0] == list(COLUMNS)
    assert len(rows) == len(records) + 1
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == f"A1:V{len(records) + 1}"
    assert sheet["A1"].font.bold


def test_the_cells_are_the_csv_exports_cells(tmp_path: Path) -> None:
    records = edge_records()
    XlsxExporter().write(records, tmp_path / "a.xlsx")
    CsvExporter().write(records, tmp_path / "a.csv")
    _, rows = read_rows(tmp_path / "a.xlsx")
    with (tmp_path / "a.csv").open(encoding="utf-8", newline="") as handle:
        table = list(csv.reader(handle))
    control = str.maketrans("", "", "\x07\x1b")  # XML cannot hold these: removed
    assert rows == [[cell.translate(control) for cell in row] for row in table]


def test_no_cell_is_a_formula_and_every_value_comes_back(tmp_path: Path) -> None:
    out = tmp_path / "a.xlsx"
    records = edge_records()
    XlsxExporter().write(records, out)
    book = openpyxl.load_workbook(out)
    cells = [cell for row in book.worksheets[0].iter_rows(min_row=2) for cell in row]
    assert all(cell.data_type in ("s", "n") for cell in cells)  # text, or empty
    assert not any(str(cell.value or "").startswith(FORMULA_STARTS) for cell in cells)
    values = [["" if c.value is None else unneutralise(str(c.value)) for c in row] for row in
              book.worksheets[0].iter_rows(min_row=2)]  # fmt: skip
    control = str.maketrans("", "", "\x07\x1b")
    assert values == [[c.translate(control) for c in record_row(r)] for r in records]


def test_an_empty_export_is_a_header(tmp_path: Path) -> None:
    out = tmp_path / "a.xlsx"
    assert XlsxExporter().write([], out) == 0
    sheet, rows = read_rows(out)
    assert rows == [list(COLUMNS)]
    assert sheet.auto_filter.ref == "A1:V1"


def test_an_unwritable_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="cannot write"):
        XlsxExporter().write([make_record()], tmp_path / "missing" / "a.xlsx")


@TMP
@given(text=st.text(max_size=30))
def test_any_text_is_a_text_cell_that_comes_back(tmp_path: Path, text: str) -> None:
    out = tmp_path / "h.xlsx"
    XlsxExporter().write([plain_record(1, title=text or "x", summary=text)], out)
    book = openpyxl.load_workbook(out)
    cell = book.worksheets[0]["E2"]
    assert cell.data_type != "f"
    value = unneutralise(str(cell.value or ""))
    kept = "".join(c for c in text if c in "\t\n\r" or c >= " ")  # XML 1.0's characters
    assert value == kept or value == kept.replace("\r\n", "\n")


# ----------------------------------------------------------------------------- round trip


def carried(record: RecordDetail) -> dict[str, Any]:
    """The fields the mapped XLSX import reads back (every CSV column but the EDTF,
    relations and timestamps, which its automatic mapping does not know)."""
    names = {
        (a.kind, a.role if a.kind is AuthorityKind.PERSON else None, a.name)
        for a in record.authorities
    }
    return {
        "uid": record.uid,
        "title": record.title.strip(),
        "date": record.date.text.strip(),
        "edtf": record.date.edtf,
        "summary": record.summary.strip(),
        "doc_type": record.doc_type,
        "languages": sorted(record.languages),
        "archive": record.archive,
        "source_ref": record.source_ref,
        "classification": record.classification,
        "collections": sorted(record.collections),
        "names": sorted(names, key=str),
        "tags": sorted(record.tags),
        "notes": sorted(a.text for a in record.annotations),
    }


def round_trip(records: list[RecordDetail], tmp_path: Path) -> list[RecordDetail]:
    out = tmp_path / "out.xlsx"
    XlsxExporter().write(records, out)
    service = CatalogService.open(tmp_path / "c.sqlite", cache_dir=tmp_path)
    try:
        report, _ = service.import_file(out, "xlsx")
        assert report.records == len(records)
        return service.details(list(report.record_ids))
    finally:
        service.close()


def test_export_then_import_into_an_empty_catalogue(tmp_path: Path) -> None:
    """Values holding ``|`` or ``\\`` in list cells are left out: the mapped importer
    splits on ``|`` without reading the CSV export's backslash escapes."""
    records = [
        make_record(1, collections=("Soviet Koreans", "Korean War"), annotations=()),
        plain_record(2),
        make_record(3, date=parse_date(""), title="Undated", collections=(), annotations=()),
        make_record(4, date=parse_date("circa 1959"), collections=(), annotations=()),
        make_record(5, title="{odd brace} 100% & $5 ER  - ", collections=(), annotations=()),
        make_record(7, date=parse_date("not a date"), source_ref="0102", collections=()),
    ]
    records[-1] = replace(records[-1], annotations=records[0].annotations[:1])
    back = round_trip(records, tmp_path)
    assert [carried(r) for r in back] == [carried(r) for r in records]


def test_formula_looking_values_come_back(tmp_path: Path) -> None:
    records = [plain_record(1, title="=SUM(A1)", summary="-1", doc_type="@cmd", tags=("+1",))]
    [back] = round_trip(records, tmp_path)
    assert carried(back) == carried(records[0])


def test_a_value_longer_than_an_excel_cell_is_refused_not_cut(tmp_path: Path) -> None:
    out = tmp_path / "out.xlsx"
    fits = plain_record(1, summary="x" * 32_767)
    longer = plain_record(2, summary="y" * 32_768)
    XlsxExporter().write([fits], out)
    assert openpyxl.load_workbook(out).active is not None
    with pytest.raises(ExportError, match=r"summary has 32,768 characters.*32,767"):
        XlsxExporter().write([fits, longer], tmp_path / "refused.xlsx")
