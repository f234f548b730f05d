"""RIS export: files rispy reads back record for record, that Catalog imports back."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import rispy
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from catalog.domain.dates import parse_date
from catalog.domain.errors import ExportError
from catalog.domain.records import AuthorityKind, RecordDetail, Role
from catalog.services.catalog import CatalogService
from catalog.services.transfer.ris import RisImporter
from catalog.services.transfer.ris_export import (
    RisExporter,
    clean,
    languages,
    ris_dates,
    type_for,
)

from .factories import link, make_record, plain_record, uid

TMP = settings(suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None)


def edge_records() -> list[RecordDetail]:
    """Empty fields, undated, approximate and unreadable dates, values that look like tags."""
    return [
        make_record(1),
        plain_record(2),
        make_record(3, date=parse_date(""), title="Undated: ER  - not the end"),
        make_record(4, date=parse_date("circa 1959"), summary="line one\nER  - \nTY  - JOUR"),
        make_record(5, date=parse_date("1955-1957"), title="{odd brace 100% & $5 #1 a_b ~ ^"),
        make_record(6, title="=SUM(A1)", summary="=SUM(A1)\r\n+1", tags=("=x", "-y", "@z")),
        make_record(7, date=parse_date("not a date"), doc_type="Letter"),
        make_record(8, date=parse_date("1959-10-03"), doc_type="E-mail"),
        plain_record(9, date=parse_date("Spring 1955"), doc_type="Report"),
        plain_record(10, languages=("Chinese, Classical",), tags=("a; b",)),
    ]


def persons(record: RecordDetail, role: Role) -> list[str]:
    return [a.name for a in record.authorities if a.kind is AuthorityKind.PERSON and a.role is role]


def expected_entry(record: RecordDetail) -> dict[str, Any]:
    """What rispy should read for ``record``, built from the record, not the exporter."""
    ris_type = type_for(record)
    entry: dict[str, Any] = {
        "type_of_reference": ris_type,
        "id": record.uid,
        "title": clean(record.title),
        "abstract": clean(record.summary),
        "authors": persons(record, Role.AUTHOR),
        "secondary_authors": persons(record, Role.RECIPIENT)
        if ris_type in ("PCOMM", "ICOMM")
        else [],
        "name_of_database": record.archive,
        "accession_number": record.source_ref,
        "language": languages(record.languages),
        "type_of_work": record.doc_type,
        "keywords": list(record.tags),
        "notes": [clean(note.text) for note in record.annotations],
    }
    for tag, value in ris_dates(record.date):
        entry[{"DA": "date", "PY": "year"}[tag]] = value
    return {key: value for key, value in entry.items() if value}


def export(records: list[RecordDetail], out: Path) -> list[dict[str, Any]]:
    assert RisExporter().write(records, out) == len(records)
    entries: list[dict[str, Any]] = rispy.load(out, encoding="utf-8")
    return entries


# ----------------------------------------------------------------------------- rispy


def test_make_record_is_read_by_rispy_with_every_field(tmp_path: Path) -> None:
    record = make_record()
    [entry] = export([record], tmp_path / "a.ris")
    assert entry == {
        "type_of_reference": "PCOMM",  # it has a recipient
        "id": uid(1),
        "title": record.title,
        "date": "1959/10//",
        "year": "1959",
        "abstract": record.summary.replace("\n", " "),
        "authors": ["Ivanov, V. I."],
        "secondary_authors": ["Molotov, V. M."],
        "name_of_database": record.archive,
        "accession_number": record.source_ref,
        "language": "Russian; Korean; Chinese",
        "type_of_work": "Journal/Diary",
        "keywords": ["todo", "check: translation"],
        "notes": ["Compare with the Chinese copy (中文).", "Ещё одна заметка | with a pipe"],
    }


def test_rispy_reads_exactly_the_records_written_with_the_same_fields(tmp_path: Path) -> None:
    copies = enumerate(edge_records() * 3, start=100)
    records = [make_record(n, title=r.title, summary=r.summary, date=r.date) for n, r in copies]
    records += edge_records()
    entries = export(records, tmp_path / "a.ris")
    assert len(entries) == len(records)
    assert entries == [expected_entry(r) for r in records]


def test_a_summary_line_that_looks_like_the_end_tag_cannot_end_the_record(tmp_path: Path) -> None:
    out = tmp_path / "a.ris"
    summary = "first\nER  - \nTY  - JOUR\nTI  - injected\r\nER  -\n\u2028last"
    entries = export([make_record(1, summary=summary), plain_record(2)], out)
    assert [e["id"] for e in entries] == [uid(1), uid(2)]
    assert entries[0]["abstract"] == "first ER  - TY  - JOUR TI  - injected ER  - last"
    lines = out.read_text(encoding="utf-8").splitlines()
    assert [line for line in lines if line.startswith(("TY  -", "ER  -"))] == [
        "TY  - PCOMM",
        "ER  - ",
        "TY  - GEN",
        "ER  - ",
    ]


@pytest.mark.parametrize(
    ("text", "lines"),
    [
        ("October, 1959", [("DA", "1959/10//"), ("PY", "1959")]),
        ("1959-10-03", [("DA", "1959/10/03/"), ("PY", "1959")]),
        ("1955", [("DA", "1955///"), ("PY", "1955")]),
        ("circa 1959", [("DA", "circa 1959"), ("PY", "1959")]),
        ("1955-1957", [("DA", "1955-1957"), ("PY", "1955")]),
        ("Spring 1955", [("DA", "Spring 1955"), ("PY", "1955")]),  # EDTF 1955-21: no month
        ("not a date", [("DA", "not a date")]),
        ("", []),
    ],
)
def test_dates(text: str, lines: list[tuple[str, str]]) -> None:
    assert ris_dates(parse_date(text)) == lines


def test_types() -> None:
    assert type_for(make_record()) == "PCOMM"
    assert type_for(plain_record(1, doc_type="Memorandum")) == "MANSCPT"
    assert type_for(plain_record(1, doc_type="Cable")) == "PCOMM"
    assert type_for(plain_record(1, doc_type="E-mail")) == "ICOMM"
    assert type_for(plain_record(1, doc_type="Report")) == "RPRT"
    assert type_for(plain_record(1)) == "GEN"


def test_an_unwritable_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="cannot write"):
        RisExporter().write([make_record()], tmp_path / "missing" / "a.ris")


@TMP
@given(text=st.text(max_size=40))
def test_any_text_stays_in_its_record(tmp_path: Path, text: str) -> None:
    records = [make_record(1, title=text or "x", summary=text), plain_record(2, title=text or "y")]
    entries = export(records, tmp_path / "h.ris")
    assert [e["id"] for e in entries] == [uid(1), uid(2)]
    assert entries == [expected_entry(r) for r in records]


# ----------------------------------------------------------------------------- round trip


def carried(record: RecordDetail) -> dict[str, Any]:
    """The fields RIS carries, as Catalog's importer gives them back."""
    recipients = persons(record, Role.RECIPIENT) if type_for(record) in ("PCOMM", "ICOMM") else []
    return {
        "uid": record.uid,
        "title": clean(record.title),
        "edtf": record.date.edtf,
        "approximate": record.date.approximate,
        "summary": clean(record.summary),
        "doc_type": record.doc_type,
        "languages": sorted(record.languages),  # the store keeps vocabularies sorted
        "archive": record.archive,
        "source_ref": record.source_ref,
        "authors": persons(record, Role.AUTHOR),
        "recipients": recipients,
        # a KW line is one tag, but the importer splits it on ";" (Zotero's habit)
        "tags": sorted({p.strip() for t in record.tags for p in t.split(";") if p.strip()}),
        "notes": sorted(clean(a.text) for a in record.annotations),
    }


def test_export_then_import_into_an_empty_catalogue(tmp_path: Path) -> None:
    records = edge_records()
    out = tmp_path / "out.ris"
    RisExporter().write(records, out)
    assert RisImporter().sniff(out.read_bytes()[:65536], out)
    service = CatalogService.open(tmp_path / "c.sqlite", cache_dir=tmp_path)
    try:
        report, _ = service.import_file(out, "ris")
        assert report.records == len(records)
        back = service.details(list(report.record_ids))
    finally:
        service.close()
    assert [carried(r) for r in back] == [carried(r) for r in records]


def test_a_letter_without_a_type_comes_back_as_a_letter(tmp_path: Path) -> None:
    """The one type RIS cannot leave empty: recipients need PCOMM, which reads as Letter."""
    record = plain_record(1, authorities=(link(AuthorityKind.PERSON, "B", Role.RECIPIENT),))
    out = tmp_path / "out.ris"
    RisExporter().write([record], out)
    [read] = RisImporter().read(out)
    assert (read.doc_type, [n.name for n in read.names]) == ("Letter", ["B"])
