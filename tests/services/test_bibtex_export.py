"""BibTeX export: entries bibtexparser parses without a failed block, unique ASCII keys,
balanced braces whatever the text, and a round trip through Catalog's BibTeX importer."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from bibtexparser import middlewares
from bibtexparser.entrypoint import parse_string
from bibtexparser.library import Library
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from catalog.domain.dates import parse_date
from catalog.domain.errors import ExportError
from catalog.domain.records import AuthorityKind, RecordDetail, Role
from catalog.services.catalog import CatalogService
from catalog.services.transfer.bibtex import BibtexImporter
from catalog.services.transfer.bibtex_export import (
    BibtexExporter,
    KeyMaker,
    date_fields,
    entry,
    escape,
    key_base,
    suffix,
)
from catalog.services.transfer.reference_fields import source_uid

from .factories import link, make_record, plain_record, uid

TMP = settings(suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None)
SPECIALS = "{odd brace} 100% & $5 #1 a_b ~x C:\\dir `q` it''s"


def edge_records() -> list[RecordDetail]:
    """Empty fields, undated, approximate and unreadable dates, LaTeX's special characters."""
    return [
        make_record(1),
        plain_record(2),
        make_record(3, date=parse_date(""), title="Undated, ER  - not the end"),
        make_record(4, date=parse_date("circa 1959"), summary="line one\n@misc{x,\n}"),
        make_record(5, date=parse_date("1955-1957"), title=SPECIALS, summary="}}} {{"),
        make_record(6, title="=SUM(A1)", tags=("=x", "a, b", "c")),
        make_record(7, date=parse_date("not a date"), doc_type="Letter"),
        make_record(8, date=parse_date("1959-10-03"), languages=("Chinese, Classical",)),
        plain_record(9, date=parse_date("Spring 1955"), title="Отчёт посольства"),
        plain_record(10, title="김일성 회담"),
        make_record(11),  # the same author, year and title word as record 1
    ]


def parse(text: str) -> Library:
    """The file as bibtexparser 2 reads it (names split, LaTeX left as written)."""
    library = parse_string(
        text, append_middleware=[middlewares.SeparateCoAuthors(name_fields=("author",))]
    )
    assert library.failed_blocks == []
    keys = [e.key for e in library.entries]
    assert len(keys) == len(set(keys))
    assert all(key.isascii() and key.isalnum() for key in keys)
    return library


def export(records: list[RecordDetail], out: Path) -> Library:
    assert BibtexExporter().write(records, out) == len(records)
    return parse(out.read_text(encoding="utf-8"))


def braces_balance(text: str) -> bool:
    depth = 0
    for char in text:
        depth += {"{": 1, "}": -1}.get(char, 0)
        if depth < 0:
            return False
    return depth == 0


# ----------------------------------------------------------------------------- bibtexparser


def test_make_record_is_an_unpublished_entry_with_every_field(tmp_path: Path) -> None:
    library = export([make_record()], tmp_path / "a.bib")
    [item] = library.entries
    assert (item.entry_type, item.key) == ("unpublished", "ivanov1959journal")
    fields = {f.key: f.value for f in item.fields}
    record = make_record()
    assert fields == {
        "title": record.title,
        "author": ["Ivanov, V. I."],
        "recipient": "Molotov, V. M.",
        "date": "1959-10",
        "year": "1959",
        "month": "oct",
        "abstract": record.summary.replace("\\", "\\textbackslash{}").replace("\n", " "),
        "type": "Journal/Diary",
        "language": "Russian, Korean, Chinese",
        "archive": record.archive,
        "archive_location": record.source_ref,
        "keywords": "todo, check: translation",
        "note": "Compare with the Chinese copy (中文).\n\nЕщё одна заметка | with a pipe",
        "ids": uid(1),
    }
    assert "김일성, 金日成, Ким Ир Сен" in str(fields["abstract"])  # UTF-8, not escaped


def test_every_edge_record_parses_with_unique_ascii_keys(tmp_path: Path) -> None:
    out = tmp_path / "a.bib"
    library = export(edge_records() * 3, out)
    assert len(library.entries) == 33
    keys = [e.key for e in library.entries]
    assert keys[:11] == [
        "ivanov1959journal",
        "record",
        "ivanovundated",
        "ivanov1959journala",
        "ivanov1955odd",
        "ivanov1959sum",
        "ivanovjournal",
        "ivanov1959journalb",
        "1955otchet",  # Cyrillic transliterated
        "recorda",  # Korean has no ASCII letters
        "ivanov1959journalc",
    ]
    assert braces_balance(out.read_text(encoding="utf-8"))


def test_special_characters_are_escaped() -> None:
    assert escape(SPECIALS) == (
        r"\textbraceleft{}odd brace\textbraceright{} 100\% \& \$5 \#1 a\_b "
        r"\textasciitilde{}x C:\textbackslash{}dir {`}q{`} it'{}'s"
    )
    assert escape("x^2\n\r\x00y") == r"x\textasciicircum{}2 y"
    assert escape("김일성 Иванов") == "김일성 Иванов"


def test_a_name_holding_and_is_one_name() -> None:
    record = plain_record(
        1, authorities=(link(AuthorityKind.PERSON, "Smith and Sons", Role.AUTHOR),)
    )
    assert "author = {{Smith and Sons}}" in entry(record, "k")


@pytest.mark.parametrize(
    ("text", "fields"),
    [
        ("October, 1959", [("date", "{1959-10}"), ("year", "{1959}"), ("month", "oct")]),
        ("circa 1959", [("date", "{1959~}"), ("year", "{1959}")]),
        ("1955-1957", [("date", "{1955/1957}"), ("year", "{1955}")]),
        ("not a date", [("year", "{not a date}")]),
        ("", []),
    ],
)
def test_dates(text: str, fields: list[tuple[str, str]]) -> None:
    assert date_fields(parse_date(text)) == fields


def test_keys_are_unique_even_when_a_suffixed_key_is_taken() -> None:
    keys = KeyMaker()
    first = make_record(1)
    taken = make_record(2, title="Journala")  # its base is the first's with an "a"
    assert key_base(taken) == key_base(first) + "a"
    made = [keys.key(r) for r in (first, taken, first, first)]
    assert made == [
        "ivanov1959journal",
        "ivanov1959journala",
        "ivanov1959journalb",
        "ivanov1959journalc",
    ]


def test_suffixes_run_on_past_z() -> None:
    assert [suffix(n) for n in (0, 1, 25, 26, 27, 51, 52, 701, 702)] == [
        "a", "b", "z", "aa", "ab", "az", "ba", "zz", "aaa",
    ]  # fmt: skip
    keys = KeyMaker()
    made = [keys.key(make_record(n)) for n in range(1000)]
    assert len(set(made)) == 1000
    assert made[-1] == "ivanov1959journal" + suffix(998)


def test_an_unwritable_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="cannot write"):
        BibtexExporter().write([make_record()], tmp_path / "missing" / "a.bib")


@TMP
@given(text=st.text(max_size=40))
def test_any_text_parses_with_balanced_braces(tmp_path: Path, text: str) -> None:
    out = tmp_path / "h.bib"
    library = export([make_record(1, title=text, summary=text), plain_record(2, title=text)], out)
    assert len(library.entries) == 2
    assert braces_balance(out.read_text(encoding="utf-8"))


# ----------------------------------------------------------------------------- round trip


def flat(text: str) -> str:
    """Text as the importer gives it back: white space runs as one space, braces gone."""
    return " ".join(text.replace("{", "").replace("}", "").split())


def carried(record: RecordDetail) -> dict[str, Any]:
    """The fields BibTeX carries (the uid excepted), as Catalog's importer gives them back."""

    def persons(role: Role) -> list[str]:
        return [
            flat(a.name)
            for a in record.authorities
            if a.kind is AuthorityKind.PERSON and a.role is role
        ]

    notes = " ".join(a.text for a in record.annotations)
    return {
        "title": flat(record.title),
        "edtf": record.date.edtf,
        "approximate": record.date.approximate,
        "summary": flat(record.summary),
        "doc_type": record.doc_type,
        "languages": sorted(record.languages),  # the store keeps vocabularies sorted
        "archive": record.archive,
        "source_ref": record.source_ref,
        "authors": persons(Role.AUTHOR),
        "recipients": persons(Role.RECIPIENT),
        "tags": sorted(record.tags),
        "notes": [flat(notes)] if notes.strip() else [],
    }


def test_export_then_import_into_an_empty_catalogue(tmp_path: Path) -> None:
    records = [r for r in edge_records() if not r.date.approximate]  # see the next test
    out = tmp_path / "out.bib"
    BibtexExporter().write(records, out)
    assert BibtexImporter().sniff(out.read_bytes()[:65536], out)
    keys = [e.key for e in parse(out.read_text(encoding="utf-8")).entries]
    service = CatalogService.open(tmp_path / "c.sqlite", cache_dir=tmp_path)
    try:
        report, _ = service.import_file(out, "bibtex")
        assert report.records == len(records)
        back = service.details(list(report.record_ids))
    finally:
        service.close()
    assert [carried(r) for r in back] == [carried(r) for r in records]
    # the key, not the uid, is the entry's name: the uid comes back as the key's uuid5
    assert [r.uid for r in back] == [source_uid("bibtex", key) for key in keys]


def test_an_approximate_date_comes_back(tmp_path: Path) -> None:
    out = tmp_path / "out.bib"
    BibtexExporter().write([plain_record(1, date=parse_date("circa 1959"))], out)
    assert "date = {1959~}" in out.read_text(encoding="utf-8")  # biblatex's EDTF circa
    [read] = BibtexImporter().read(out)
    assert parse_date(read.date_text).edtf == "1959~"


def test_a_caret_comes_back(tmp_path: Path) -> None:
    out = tmp_path / "out.bib"
    BibtexExporter().write([plain_record(1, title="x^2")], out)
    [read] = BibtexImporter().read(out)
    assert read.title == "x^2"
