"""Mapped imports end to end: real files from other systems, bad files, generated input."""

from __future__ import annotations

import csv
import json
import tempfile
from datetime import date, datetime
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from catalog.domain.dates import Precision
from catalog.domain.errors import ImportFileError
from catalog.domain.names import name_key
from catalog.domain.records import AuthorityKind, ImportReport, RecordDetail, RelationType, Role
from catalog.services.catalog import CatalogService
from catalog.services.importing import run_import
from catalog.services.transfer.mapped import Kind, MappedImporter, importers, kind_for, uid_for
from catalog.services.transfer.mapping import ATOM_ISAD_PRESET, FieldMapping, Mapping, auto_mapping
from catalog.services.transfer.registry import Registry

BAD = Path(__file__).resolve().parent.parent / "data" / "bad" / "mapped"
CHILE_COLUMNS = "id,doc_id,date,year,classification,type,title,summary,pages,keywords,people"
# Chile's 381 untitled documents take their document number as title.
CHILE = Mapping((*auto_mapping(CHILE_COLUMNS.split(",")).fields, FieldMapping("doc_id", "title")))
VISITS = Mapping(
    (
        FieldMapping("visitor", "title", prefix="Visit of "),
        FieldMapping("id", "id"),
        FieldMapping("start-date", "date"),
        FieldMapping("end-date", "date"),
        FieldMapping("visitor", "people"),
        FieldMapping("from", "places"),
        FieldMapping("description", "summary"),
    ),
    record_path="visit",
    id_namespace="state-dept-visits",
)
VISITS_CSV = Mapping(
    tuple(
        FieldMapping(f.source.replace("-", "_").replace("from", "country"), f.field, f.separator,
                     f.prefix)
        for f in VISITS.fields
    ),
    id_namespace="state-dept-visits",
)  # fmt: skip


def run(
    service: CatalogService, path: Path, mapping: Mapping | None, kind: Kind = "csv"
) -> tuple[ImportReport, MappedImporter]:
    importer = MappedImporter(mapping, kind)
    registry = Registry(importers={importer.name: importer}, exporters={})
    return run_import(service.db, registry, path, format_name=importer.name).report, importer


def details(service: CatalogService, report: ImportReport) -> list[RecordDetail]:
    ids = list(report.record_ids)
    return [d for i in range(0, len(ids), 500) for d in service.details(ids[i : i + 500])]


def names(detail: RecordDetail, kind: AuthorityKind) -> list[str]:
    return [a.name for a in detail.names_of(kind)]


# ----------------------------------------------------------------------------- real files


def test_chile_json_then_csv(service: CatalogService, corpus: Path) -> None:
    folder = corpus / "chile_declassified"
    source = json.loads((folder / "chile_documents.json").read_text())["documents"]
    report, importer = run(service, folder / "chile_documents.json", CHILE, "json")
    assert report.records == 7781 == service.count()
    assert importer.ignored == ["year", "pages"]
    imported = details(service, report)
    by_date = {}
    for item, detail in zip(source, imported, strict=True):
        assert detail.uid == uid_for(item["id"], "chile_documents")
        assert detail.title == (item["title"] or item["doc_id"]).replace("\x00", "").strip()
        # Authorities match by name whatever the punctuation (PAZ-ROMERO is PAZ ROMERO).
        assert _keys(names(detail, AuthorityKind.PERSON)) == _keys(item["people"])
        by_date.setdefault(_shape(item["date"]), detail)
    assert by_date["YYYY-00-00"].date.precision is Precision.YEAR
    assert by_date["YYYY-MM-00"].date.precision is Precision.MONTH
    undated = by_date["0000-00-00"].date
    assert undated.edtf == "XXXX" and undated.lower is None
    # doc_id repeats (1,138 times) are source references, not the same record.
    assert len({d.source_ref for d in imported}) < len(imported) == len({d.uid for d in imported})

    # The CSV flattened from the JSON holds the same records: every one is already there.
    rows = list(MappedImporter(CHILE, "csv").read(folder / "chile_documents.csv"))
    assert len(rows) == 7781
    assert [r.uid for r in rows] == [d.uid for d in imported]
    assert [_keys([n.name for n in r.names]) for r in rows] == [
        _keys(names(d, AuthorityKind.PERSON)) for d in imported
    ]
    again, _ = run(service, folder / "chile_documents.csv", CHILE)
    assert again.records == 0 and service.count() == 7781


def _keys(people: list[str]) -> set[str]:
    return {name_key(name) for name in people}


def _shape(text: str) -> str:
    if text == "0000-00-00":
        return text
    if text.endswith("-00-00"):
        return "YYYY-00-00"
    return "YYYY-MM-00" if text.endswith("-00") else "other"


def test_state_department_visits_xml_and_csv(service: CatalogService, corpus: Path) -> None:
    folder = corpus / "state_dept_visits"
    files = sorted(folder.glob("visits_*.xml"))
    assert len(files) == 16
    total = 0
    for path in files:
        report, importer = run(service, path, VISITS, "xml")
        total += report.records
        assert "created-by" in importer.ignored
        if path.name == "visits_1950s.xml":
            visit = details(service, report)[1]
    assert total == 3264 == service.count()
    assert visit.title == "Visit of President Gonzales Videla"
    assert visit.date.edtf == "1950-04-12/1950-04-15"
    assert names(visit, AuthorityKind.PLACE) == ["Chile"]
    assert names(visit, AuthorityKind.PERSON) == ["President Gonzales Videla"]
    rows = list(MappedImporter(VISITS_CSV, "csv").read(folder / "visits_all.csv"))
    assert len(rows) == 3264
    again, _ = run(service, folder / "visits_all.csv", VISITS_CSV)
    assert again.records == 0 and service.count() == 3264  # same ids, same uids


def test_wilson_center_items_and_collection(service: CatalogService, corpus: Path) -> None:
    folder = corpus / "wilson_center"
    items = json.loads((folder / "zotero_translator_items.json").read_text())
    if not (isinstance(items, list) and all(isinstance(i, dict) for i in items)):
        pytest.skip("the Zotero items are not JSON objects in a list")
    zotero = Mapping(
        (
            FieldMapping("title", "title"),
            FieldMapping("date", "date"),
            FieldMapping("creators", "authors"),
            FieldMapping("abstractNote", "summary"),
            FieldMapping("archive", "archive"),
            FieldMapping("archiveLocation", "source_ref"),
            FieldMapping("language", "languages"),
            FieldMapping("tags", "subjects"),
            FieldMapping("url", "id"),
        ),
        record_path="items",
    )
    report, _ = run(service, folder / "zotero_translator_items.json", zotero, "json")
    letter, djilas, *_ = details(service, report)
    assert report.records == 4
    assert letter.date.edtf == "1958" and letter.date.precision is Precision.YEAR
    assert letter.languages == ("Russian",) and "Taiwan--International status" in names(
        letter, AuthorityKind.SUBJECT
    )
    authors = [a.name for a in djilas.authorities if a.role is Role.AUTHOR]
    assert authors == ["Djilas, Milovan", "Stalin, Joseph", "Molotov, Vyacheslav Mikhaylovich"]
    collection = Mapping(
        (
            FieldMapping("name", "title"),
            FieldMapping("short_description", "summary"),
            FieldMapping("description", "notes"),
            FieldMapping("id", "id"),
        ),
        id_namespace="wilson-collection",
    )
    report, importer = run(service, folder / "collection_491.json", collection, "json")
    (record,) = details(service, report)
    assert record.title.startswith("\u201cLocal Nationalism")
    assert "slug" in importer.ignored and record.annotations[0].text.startswith("<p>At the end")


def test_atom_isad_template_with_the_preset(service: CatalogService, corpus: Path) -> None:
    path = corpus / "atom" / "example_information_objects_isad.csv"
    report, importer = run(service, path, ATOM_ISAD_PRESET)
    fonds, item = details(service, report)
    assert report.records == 2
    assert fonds.title == "Example fonds" and fonds.doc_type == "Fonds"
    assert fonds.date.text == "January 1, 2015 - December 31, 2016"
    assert fonds.date.edtf == "2015-01-01/2016-12-31"
    assert fonds.languages == ("en", "fr") and fonds.source_ref == "F1"
    assert names(fonds, AuthorityKind.SUBJECT) == [
        "Subject access point 1",
        "Subject access point 2",
    ]
    assert "Archival history: Example fonds Archival history (ISAD 3.2.3)" in [
        n.text for n in fonds.annotations
    ]
    assert [(r.type, r.other_uid) for r in item.relations] == [(RelationType.PART_OF, fonds.uid)]
    assert [a.name for a in item.authorities if a.role is Role.AUTHOR] == []  # "NULL" dropped
    assert "culture" in importer.ignored
    assert importer.warnings == ["eventDates: only the first of several values is kept as the date"]
    # The accumulation event's partial date, mapped on its own.
    dates = Mapping((FieldMapping("title", "title"), FieldMapping("eventEndDates", "date", ";")))
    rows = list(MappedImporter(dates, "csv").read(path))
    assert rows[0].date_text == "2016-12-31|2016-00-00"


def test_xlsx_first_sheet(service: CatalogService, tmp_path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append([None])
    sheet.append(["Title", "Date", "Pages", "Persons"])
    sheet.append(["Cable from Santiago", datetime(1973, 9, 11), 3.0, "ALLENDE, SALVADOR|KISSINGER"])
    sheet.append(["Memo", date(1974, 1, 2), None, None])
    path = tmp_path / "book.xlsx"
    book.save(path)
    head = path.read_bytes()[:65536]
    assert kind_for(path) == "xlsx" and MappedImporter(None, "xlsx").sniff(head, path)
    report, importer = run(service, path, None, "xlsx")
    cable, memo = details(service, report)
    assert cable.date.edtf == "1973-09-11" and memo.date.edtf == "1974-01-02"
    assert names(cable, AuthorityKind.PERSON) == ["ALLENDE, SALVADOR", "KISSINGER"]
    assert importer.ignored == ["Pages"]


def test_sniffing_leaves_native_files_alone(tmp_path: Path) -> None:
    by_kind = {i.kind: i for i in importers()}
    cases = {
        "csv": b"Title;Date\r\nx;1\r\n",
        "json": b'{"documents": [{"title": "x"}]}',
        "xml": b"<records><record><title>x</title></record></records>",
    }
    for kind, head in cases.items():
        assert by_kind[kind].sniff(head.replace(b";", b","), tmp_path)
    assert not by_kind["csv"].sniff(b"reference,when\nA,1\n", tmp_path)
    assert not by_kind["json"].sniff(b'[{"ref": 1}]', tmp_path)
    assert not by_kind["csv"].sniff(cases["json"], tmp_path)
    assert not by_kind["xlsx"].sniff(b"PK\x03\x04 other zip", tmp_path)


# ----------------------------------------------------------------------------- bad files

BAD_CASES = [
    ("empty.csv", "the file is empty", 1),
    ("blank_lines.csv", "the file is empty (no header row)", 1),
    ("mixed_encodings.csv", "the encoding could not be determined with confidence; choose it",
     None),
    ("nul_bytes.csv", "the header holds NUL bytes", 1),
    ("unterminated_quote.csv", "a quoted cell is never closed", 3),
    ("ragged_rows.csv", "the row has 4 cells but the header 2", 3),
    ("duplicate_columns.csv", "the column 'date' appears twice", 1),
    ("no_title_column.csv", "named like a title (found: reference, when, who)", 1),
    ("missing_title.csv", "record 2 has no title ('title' empty)", 3),
    ("missing_title.json", "record 2 has no title", 3),
    ("missing_title.xml", "record 2 has no title", 3),
    ("duplicate_keys.json", "duplicate key 'title' in an object", 2),
    ("nan.json", "NaN is not a number JSON allows", 1),
    ("deep_nesting.json", "the JSON is nested too deeply", 1),
    ("truncated.xml", "the XML is malformed", 5),
    ("damaged.xlsx", "not a readable XLSX workbook (BadZipFile)", None),
]  # fmt: skip


@pytest.mark.parametrize(("name", "message", "line"), BAD_CASES)
def test_bad_files_are_clear_errors_and_leave_nothing(
    service: CatalogService, name: str, message: str, line: int | None
) -> None:
    run(service, BAD / "cr_only.csv", None)
    before = service.count()
    path = BAD / name
    kind = "xml" if path.suffix == ".xml" else kind_for(path) if path.stat().st_size else "csv"
    with pytest.raises(ImportFileError) as caught:
        run(service, path, None, kind)
    assert message in caught.value.reason and caught.value.line == line
    assert service.count() == before


@pytest.mark.parametrize(
    ("name", "titles", "people"),
    [
        ("cp1251_russian.csv", ["Телеграмма посла в Москве о переговорах",
                                "Письмо министра иностранных дел СССР"],
         ["Хрущёв, Никита", "Громыко, Андрей"]),
        ("utf16_bom.csv", ["Télégramme de Genève", "Note über die Konferenz"], []),
        ("cr_only.csv", ["Cable one", "Cable two"], []),
    ],
)  # fmt: skip
def test_other_encodings_and_line_ends_read_correctly(
    service: CatalogService, name: str, titles: list[str], people: list[str]
) -> None:
    report, _ = run(service, BAD / name, None)
    imported = details(service, report)
    assert [d.title for d in imported] == titles
    assert names(imported[0], AuthorityKind.PERSON) == people


def test_nul_characters_inside_values_are_removed_with_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "nul.csv"
    path.write_bytes(b"title,summary\nCable one,bombs in Vi\x00...\n")
    importer = MappedImporter(None, "csv")
    (record,) = importer.read(path)
    assert record.summary == "bombs in Vi..."
    assert importer.warnings == ["summary: NUL characters were removed"]


# ----------------------------------------------------------------------------- generated

_TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=30)


def _read(data: bytes, suffix: str, kind: Kind) -> list[object]:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"in{suffix}"
        path.write_bytes(data)
        try:
            return list(MappedImporter(None, kind).read(path))
        except ImportFileError:
            return []


@given(st.lists(st.tuples(_TEXT, _TEXT, _TEXT), max_size=8))
def test_generated_csv_imports_or_fails_cleanly(rows: list[tuple[str, str, str]]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "in.csv"
        with path.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(["Title", "Date", "People"])
            writer.writerows(rows)
        try:
            records = list(MappedImporter(None, "csv").read(path))
        except ImportFileError as error:
            assert "has no title" in error.reason, error
            return
    kept = [r for r in rows if any(c.strip() for c in r)]
    assert [r.title for r in records] == [t.replace("\x00", "").strip() for t, _, _ in kept]


@given(st.binary(max_size=300))
def test_arbitrary_bytes_never_escape_as_other_errors(data: bytes) -> None:
    _read(data, ".csv", "csv")
    _read(data, ".json", "json")


_JSON = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | _TEXT,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(_TEXT, inner, max_size=4),
    max_leaves=20,
)


@given(st.lists(st.dictionaries(st.sampled_from(["title", "date", "tags", "x"]), _JSON)))
def test_generated_json_imports_or_fails_cleanly(objects: list[dict[str, object]]) -> None:
    data = json.dumps(objects).encode()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "in.json"
        path.write_bytes(data)
        try:
            records = list(MappedImporter(None, "json").read(path))
        except ImportFileError as error:
            assert "title" in error.reason, error
            return
    assert len(records) == len(objects)
