"""Export options: extras left out, tabular columns chosen and ordered, CSV byte-order mark."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from openpyxl import load_workbook

from catalog.domain.errors import ExportError
from catalog.services.exporting import configured_exporter
from catalog.services.transfer.csv_format import COLUMNS
from catalog.services.transfer.csv_import import CsvImporter
from catalog.services.transfer.export_options import EVERYTHING, ExportOptions, Extra
from catalog.services.transfer.formats import default_registry
from tests.services.factories import make_record

REGISTRY = default_registry()


def write(format_name: str, options: ExportOptions, out: Path) -> Path:
    exporter = configured_exporter(REGISTRY, format_name, options)
    exporter.write([options.trimmed(make_record(1)), options.trimmed(make_record(2))], out)
    return out


def test_everything_leaves_the_record_as_it_is() -> None:
    record = make_record()
    assert EVERYTHING.trimmed(record) is record


def test_each_extra_left_out_is_taken_out_of_the_record() -> None:
    record = make_record()
    no_notes = ExportOptions(frozenset({Extra.RELATIONS, Extra.VARIANTS})).trimmed(record)
    assert no_notes.annotations == () and no_notes.relations == record.relations
    no_relations = ExportOptions(frozenset({Extra.NOTES, Extra.VARIANTS})).trimmed(record)
    assert no_relations.relations == () and no_relations.annotations == record.annotations
    no_variants = ExportOptions(frozenset({Extra.NOTES, Extra.RELATIONS})).trimmed(record)
    assert all(link.variants == () for link in no_variants.authorities)
    assert [a.name for a in no_variants.authorities] == [a.name for a in record.authorities]


def test_native_json_without_notes_and_variants(tmp_path: Path) -> None:
    out = write("json", ExportOptions(frozenset({Extra.RELATIONS})), tmp_path / "x.json")
    records = json.loads(out.read_text(encoding="utf-8"))["records"]
    assert all(r["notes"] == [] for r in records)
    assert all(n["variants"] == [] for r in records for n in r["names"])
    assert all(r["relations"] for r in records)


def test_csv_writes_the_chosen_columns_in_the_chosen_order(tmp_path: Path) -> None:
    options = ExportOptions(columns=("date", "title", "people"), bom=True)
    out = write("csv", options, tmp_path / "x.csv")
    assert out.read_bytes().startswith(b"\xef\xbb\xbfdate,title,people\r\n")
    with out.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[1][:2] == ["October, 1959", make_record(1).title]
    # A file with some of the columns imports back: the importer reads columns by name.
    (first, _second) = list(CsvImporter().read(out))
    assert first.title == make_record(1).title and first.date_text == "October, 1959"


def test_leaving_out_notes_leaves_out_the_notes_column(tmp_path: Path) -> None:
    options = ExportOptions(frozenset({Extra.RELATIONS}))
    out = write("csv", options, tmp_path / "x.csv")
    header = out.read_text(encoding="utf-8").splitlines()[0].split(",")
    assert header == [c for c in COLUMNS if c != "notes"]


def test_xlsx_header_and_filter_follow_the_chosen_columns(tmp_path: Path) -> None:
    options = ExportOptions(columns=("title", "uid", "summary"))
    out = write("xlsx", options, tmp_path / "x.xlsx")
    sheet = load_workbook(out).active
    assert sheet is not None
    assert [c.value for c in sheet[1]] == ["title", "uid", "summary"]
    assert sheet.auto_filter.ref == "A1:C3"
    assert sheet.freeze_panes == "A2"


@pytest.mark.parametrize(
    ("columns", "message"),
    [
        (("title", "colour"), "Unknown column 'colour'"),
        (("title", "title"), "chosen twice"),
        (("notes",), "at least one column"),
    ],
)
def test_bad_columns_are_clear_errors(columns: tuple[str, ...], message: str) -> None:
    options = ExportOptions(frozenset({Extra.RELATIONS}), columns)
    with pytest.raises(ExportError, match=message):
        configured_exporter(REGISTRY, "csv", options)


def test_columns_are_refused_for_a_format_without_columns() -> None:
    with pytest.raises(ExportError, match="no columns to choose"):
        configured_exporter(REGISTRY, "ris", ExportOptions(columns=("title",)))


def test_every_exporter_says_what_it_carries() -> None:
    carries = {name: exporter.carries for name, exporter in REGISTRY.exporters.items()}
    assert carries["json"] == frozenset(Extra) == carries["html"]
    assert carries["csl-json"] == frozenset()
    assert Extra.NOTES in carries["ris"] and Extra.RELATIONS in carries["dc"]
