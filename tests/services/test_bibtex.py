"""BibTeX import: entries in several scripts, LaTeX, macros, bibtexparser's own files, bad files."""

from __future__ import annotations

import contextlib
import uuid
from pathlib import Path
from typing import Any

import pytest
from bibtexparser.entrypoint import write_string
from bibtexparser.library import Library
from bibtexparser.model import Entry, Field
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from catalog.domain.dates import parse_date
from catalog.domain.errors import ImportFileError
from catalog.domain.records import AuthorityKind, RecordInput, Role
from catalog.services.catalog import CatalogService
from catalog.services.importing import run_import
from catalog.services.transfer.bibtex import BibtexImporter, bibtex_date
from catalog.services.transfer.reference_fields import REFERENCE_NAMESPACE
from catalog.services.transfer.registry import Importer, Registry

from .test_csl_json_import import zotero_items

TMP = settings(suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None)
BAD = Path(__file__).resolve().parent.parent / "data" / "bad" / "bibtex"

HANDMADE = r"""% Encoding: UTF-8
@string{rgaspi = "Russian State Archive of Socio-Political History (RGASPI)"}

@comment{jabref-meta: databaseType:bibtex;}

@misc{kim1950,
  title = {김일성이 스탈린에게 보낸 편지},
  author = {김일성 and Kim Il Sung and {Ministry of Foreign Affairs, DPRK}},
  recipient = {Сталин, И. В.},
  year = 1950, month = jun,
  type = {Letter},
  abstract = {Письмо о положении на фронте \& о {Корее}.},
  archive = rgaspi,
  archive_location = {ф. 558, оп. 11, д. 346},
  language = {Korean, Russian},
  keywords = {Korean War; 朝鲜战争; Война в Корее},
  note = {Translated by the archive.},
  annote = {Second note.},
  url = {https://example.org/1},
}

@techreport{mao1950,
  TITLE = {毛泽东致斯大林电},
  Author = {毛泽东},
  date = {1950-10-02},
  callnumber = {AVPRF f. 059a},
}

@unpublished(gaulle1955,
  title = "Record of a conversation with {\'E}mile {\"O}zdemir",
  author = "de Gaulle, Charles",
  year = "1955",
  month = "13"
)
@book{book1, title = {A book}, year = {undated}}
"""


def registry() -> Registry:
    return Registry(importers={"bibtex": BibtexImporter()}, exporters={})


def write(tmp_path: Path, text: str, name: str = "refs.bib") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode("utf-8"))
    return path


def read(path: Path) -> list[RecordInput]:
    return list(BibtexImporter().read(path))


def people(record: RecordInput, role: Role) -> list[str]:
    return [n.name for n in record.names if n.role is role and n.kind is AuthorityKind.PERSON]


def test_handmade_entries_in_several_scripts(tmp_path: Path) -> None:
    letter, telegram, conversation, book = read(write(tmp_path, HANDMADE))
    assert letter.title == "김일성이 스탈린에게 보낸 편지"
    assert (letter.date_text, letter.doc_type, letter.line) == ("1950-06", "Letter", 6)
    assert people(letter, Role.AUTHOR) == [
        "김일성", "Kim Il Sung", "Ministry of Foreign Affairs, DPRK"
    ]  # fmt: skip
    assert people(letter, Role.RECIPIENT) == ["Сталин, И. В."]
    assert letter.summary == "Письмо о положении на фронте & о Корее."
    assert letter.archive == "Russian State Archive of Socio-Political History (RGASPI)"
    assert letter.source_ref == "ф. 558, оп. 11, д. 346"
    assert letter.languages == ("Korean", "Russian")
    assert letter.tags == ("Korean War", "朝鲜战争", "Война в Корее")
    assert [n.text for n in letter.notes] == ["Translated by the archive.", "Second note."]
    assert letter.uid == str(uuid.uuid5(REFERENCE_NAMESPACE, "bibtex:kim1950"))
    assert (telegram.title, telegram.doc_type, telegram.line) == ("毛泽东致斯大林电", "Report", 22)
    assert (telegram.date_text, telegram.source_ref) == ("1950-10-02", "AVPRF f. 059a")
    assert people(telegram, Role.AUTHOR) == ["毛泽东"]
    assert conversation.title == "Record of a conversation with Émile Özdemir"
    assert people(conversation, Role.AUTHOR) == ["de Gaulle, Charles"]
    assert (conversation.doc_type, conversation.date_text) == ("Manuscript", "13 1955")
    assert (book.doc_type, book.date_text, book.line) == ("Book", "undated", 35)


@pytest.mark.parametrize(
    ("fields", "expected", "edtf"),
    [
        ({"year": "1959", "month": "10"}, "1959-10", "1959-10"),
        ({"year": "1959", "month": "October"}, "1959-10", "1959-10"),
        ({"year": "1959", "month": "sept."}, "1959-09", "1959-09"),
        ({"year": "1959"}, "1959", "1959"),
        ({"date": "1955/1957", "year": "1955"}, "1955/1957", "1955/1957"),
        ({"year": "1959", "month": "Spring"}, "Spring 1959", "1959-21"),
        ({"year": "c. 1950"}, "c. 1950", "1950~"),
        ({}, "", None),
    ],
)
def test_bibtex_dates(fields: dict[str, str], expected: str, edtf: str | None) -> None:
    assert bibtex_date(fields) == expected
    assert parse_date(expected).edtf == edtf


def test_detection(tmp_path: Path) -> None:
    importer: Importer = BibtexImporter()
    assert (importer.name, importer.label) == ("bibtex", "BibTeX")
    path = write(tmp_path, HANDMADE)
    assert registry().detect(path).name == "bibtex"
    for other in (b'[{"type": "manuscript", "note": "@misc{"}]', b"TY  - GEN\n", b"a@b.org\n"):
        assert not importer.sniff(other, path)


def test_a_second_import_of_the_same_file_skips_every_entry(
    tmp_path: Path, service: CatalogService
) -> None:
    path = write(tmp_path, HANDMADE)
    assert run_import(service.db, registry(), path).report.records == 4
    assert run_import(service.db, registry(), path).report.records == 0
    assert service.count() == 4


# ----------------------------------------------------------------------------- round trip


def zotero_entry(item: dict[str, Any], number: int) -> Entry:
    """A Zotero manuscript item as an @unpublished entry, the way Zotero maps fields."""
    fields = {"title": item["title"], "date": item["date"]}
    names = [
        "{" + c["lastName"] + "}"
        if c.get("fieldMode") == 1
        else f"{c['lastName']}, {c['firstName']}"
        for c in item["creators"]
    ]
    if names:
        fields["author"] = " and ".join(names)
    for zotero, key in (
        ("abstractNote", "abstract"),
        ("archive", "archive"),
        ("archiveLocation", "archive_location"),
        ("language", "language"),
        ("manuscriptType", "type"),
    ):
        if item.get(zotero):
            fields[key] = item[zotero]
    fields["keywords"] = "; ".join(tag["tag"] for tag in item["tags"])
    return Entry("unpublished", f"wilson{number}", [Field(k, v) for k, v in fields.items()])


def test_zotero_items_written_by_bibtexparser_come_back(
    corpus: Path, tmp_path: Path, service: CatalogService
) -> None:
    items = zotero_items(corpus)
    library = Library([zotero_entry(item, n) for n, item in enumerate(items, 1)])
    path = write(tmp_path, write_string(library))
    records = read(path)
    assert [r.title for r in records] == [item["title"] for item in items]
    assert [r.date_text for r in records] == ["1958", "1944-05-19", "1989-12-06", "1945-10-16"]
    assert [r.doc_type for r in records] == ["Manuscript", "Manuscript", "Report", "Manuscript"]
    assert [r.summary for r in records] == [item.get("abstractNote", "") for item in items]
    assert [r.languages for r in records] == [(item["language"],) for item in items]
    assert [r.source_ref for r in records] == [item["archiveLocation"] for item in items]
    tags = [tuple(t["tag"] for t in item["tags"]) for item in items]
    assert [r.tags for r in records[:3]] == tags[:3]
    # one "keywords" field: a lone heading with commas cannot be told from three tags
    assert records[3].tags == ("Stalin", "Joseph", "1879-1953")
    assert people(records[1], Role.AUTHOR) == [
        "Djilas, Milovan", "Stalin, Joseph", "Molotov, Vyacheslav Mikhaylovich"
    ]  # fmt: skip
    assert people(records[3], Role.AUTHOR) == ["Telegraph Agency of the Soviet Union (TASS)"]
    assert run_import(service.db, registry(), path).report.records == 4


# ----------------------------------------------------------------------------- bad files

BAD_FILES = [
    ("empty.bib", "the file is empty", None),
    ("utf16_no_bom.bib", "not UTF-8 text (it looks like UTF-16 text without a byte-order", 1),
    ("cp1251.bib", "not UTF-8 text (byte 12 of the line; it looks like cp1251 text)", 2),
    ("nul.bib", "the line holds a NUL character", 7),
    ("truncated.bib", "the entry is never closed (a '}' is missing, or the file is cut", 7),
    ("failed_block.bib", "not valid BibTeX: Expected a `=` after entry key, but found `{`", 7),
    ("duplicate_field.bib", "the entry gives the field title more than once", 7),
    ("no_title.bib", "the entry 'kim1950' has no title", 7),
    ("duplicate_keys.bib", "the entry 'ivanov1959' repeats the key of the entry at line 1", 7),
    ("not_bibtex.bib", "no BibTeX entry in the file (no line starts with '@')", None),
]


@pytest.mark.parametrize(("name", "message", "line"), BAD_FILES)
def test_bad_input_gets_a_clear_error_and_leaves_nothing(
    service: CatalogService, tmp_path: Path, name: str, message: str, line: int | None
) -> None:
    run_import(service.db, registry(), write(tmp_path, "@misc{ok, title = {ok}}\n"))
    before = service.count()
    path = BAD / name
    with pytest.raises(ImportFileError) as caught:
        run_import(service.db, registry(), path, format_name="bibtex")
    assert message in caught.value.reason
    assert caught.value.line == line
    assert caught.value.path == str(path)
    assert service.count() == before


# ----------------------------------------------------------------------------- properties

VALUES = st.one_of(
    st.text(max_size=12).map(lambda t: "{" + t + "}"),
    st.text(max_size=12).map(lambda t: '"' + t + '"'),
    st.from_regex(r"[a-z0-9]{0,6}", fullmatch=True),
    st.text(alphabet='{}\\"@,=# and\n', max_size=12),
)
FIELDS = st.sampled_from(["title", "author", "year", "month", "date", "keywords", "note", "Title"])
ENTRIES = st.builds(
    lambda kind, key, fields: (
        f"@{kind}{{{key},\n" + "".join(f"  {name} = {value},\n" for name, value in fields) + "}\n"
    ),
    st.sampled_from(["misc", "unpublished", "string", "comment", "preamble", "x"]),
    st.from_regex(r"[a-z0-9:_-]{0,6}", fullmatch=True),
    st.lists(st.tuples(FIELDS, VALUES), max_size=4),
)


@TMP
@given(entries=st.lists(st.one_of(ENTRIES, st.text(max_size=20)), max_size=4))
def test_generated_entries_import_or_fail_clearly(tmp_path: Path, entries: list[str]) -> None:
    path = tmp_path / "gen.bib"
    path.write_bytes("\n".join(entries).encode("utf-8", errors="surrogatepass"))
    with contextlib.suppress(ImportFileError):
        read(path)


@TMP
@given(data=st.binary(max_size=300))
def test_generated_bytes_import_or_fail_clearly(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "gen.bib"
    path.write_bytes(b"@misc{a,\n title = {" + data)
    with contextlib.suppress(ImportFileError):
        read(path)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("China--Foreign relations--Soviet Union", "China--Foreign relations--Soviet Union"),
        ("50% of the {USSR} budget", "50% of the USSR budget"),
        ("Bush & Gorbachev", "Bush & Gorbachev"),
        (r"{\"O}zdemir \& {\'E}mile", "Özdemir & Émile"),
        ("``quoted'' ~ tied", "“quoted” tied"),
    ],
)
def test_latex_is_decoded_but_the_data_is_kept(tmp_path: Path, value: str, expected: str) -> None:
    (record,) = read(write(tmp_path, f"@misc{{a, title = {{{value}}}}}\n"))
    assert record.title == expected
