"""RIS import: Zotero's tags for archival items, files written by rispy, bad files."""

from __future__ import annotations

import contextlib
import uuid
from pathlib import Path
from typing import Any

import pytest
import rispy
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from catalog.domain.dates import parse_date
from catalog.domain.errors import ImportFileError
from catalog.domain.records import AuthorityKind, RecordInput, Role
from catalog.services.catalog import CatalogService
from catalog.services.importing import run_import
from catalog.services.transfer.reference_fields import REFERENCE_NAMESPACE
from catalog.services.transfer.registry import Importer, Registry
from catalog.services.transfer.ris import RisImporter, ris_date

from .test_csl_json_import import zotero_items

TMP = settings(suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None)
BAD = Path(__file__).resolve().parent.parent / "data" / "bad" / "ris"

HANDMADE = """\
Provider: a database that writes a header
Content: text/plain; charset="utf-8"

TY  - PCOMM
ID  - zotero-KR1
TI  - 김일성이 스탈린에게 보낸 편지
AU  - 김일성
AU  - Kim Il Sung
A2  - Сталин, И. В.
DA  - 1950/06//
PY  - 1950
AB  - Письмо о положении на фронте.
  Вторая строка.
DB  - РГАСПИ
AN  - ф. 558, оп. 11, д. 346
LA  - Korean; Russian
KW  - Korean War
KW  - 朝鲜战争; Война в Корее
N1  - Translated by the archive.
N1  - Second note.
UR  - https://example.org/1
ER  - \r
\r
TY  - RPRT\r
TI  - 毛泽东致斯大林电\r
AU  - 毛泽东\r
A2  - Series Editor, Not A Recipient\r
M3  - Telegram\r
PY  - 1950///\r
CN  - AVPRF f. 059a\r
ER  - \r
2.
TY  - MANSCPT
T1  - Record of a conversation
DA  - 1955/00/00
ER  -
TY  - GEN
TI  - Undated, with a text date
DA  - undated, 1955
ER  - \n"""


def registry() -> Registry:
    return Registry(importers={"ris": RisImporter()}, exporters={})


def write(tmp_path: Path, text: str, name: str = "refs.ris") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode("utf-8"))
    return path


def read(path: Path) -> list[RecordInput]:
    return list(RisImporter().read(path))


def people(record: RecordInput, role: Role) -> list[str]:
    return [n.name for n in record.names if n.role is role and n.kind is AuthorityKind.PERSON]


def test_handmade_records_in_several_scripts(tmp_path: Path) -> None:
    importer = RisImporter()
    letter, telegram, conversation, undated = importer.read(write(tmp_path, HANDMADE))
    assert letter.title == "김일성이 스탈린에게 보낸 편지"
    assert (letter.date_text, letter.doc_type, letter.line) == ("1950-06", "Letter", 4)
    assert people(letter, Role.AUTHOR) == ["김일성", "Kim Il Sung"]
    assert people(letter, Role.RECIPIENT) == ["Сталин, И. В."]
    assert letter.summary == "Письмо о положении на фронте. Вторая строка."
    assert (letter.archive, letter.source_ref) == ("РГАСПИ", "ф. 558, оп. 11, д. 346")
    assert letter.languages == ("Korean", "Russian")
    assert letter.tags == ("Korean War", "朝鲜战争", "Война в Корее")
    assert [n.text for n in letter.notes] == ["Translated by the archive.", "Second note."]
    assert letter.uid == str(uuid.uuid5(REFERENCE_NAMESPACE, "ris:zotero-KR1"))
    assert telegram.title == "毛泽东致斯大林电"
    assert (telegram.doc_type, telegram.date_text, telegram.source_ref) == (
        "Telegram", "1950", "AVPRF f. 059a"
    )  # fmt: skip
    assert people(telegram, Role.RECIPIENT) == []  # A2 is a recipient for letters only
    assert (telegram.uid, telegram.line) == (None, 24)
    assert (conversation.title, conversation.date_text) == ("Record of a conversation", "1955")
    assert conversation.line == 33  # after a line "2." that is skipped
    assert conversation.doc_type == "Manuscript"
    assert (undated.date_text, undated.doc_type) == ("undated, 1955", "")
    assert importer.ignored_tags == ["UR"]


@pytest.mark.parametrize(
    ("text", "expected", "edtf"),
    [
        ("1959/10//", "1959-10", "1959-10"),
        ("1959/10/05/", "1959-10-05", "1959-10-05"),
        ("1959///", "1959", "1959"),
        ("1959", "1959", "1959"),
        ("1959/00/00", "1959", "1959"),
        ("1959/10/00/Spring", "1959-10", "1959-10"),
        ("1959-10-05", "1959-10-05", "1959-10-05"),
        ("October, 1959", "October, 1959", "1959-10"),
        ("0000/00/00", "0000/00/00", None),
        ("1959/13//", "1959-13", None),  # kept as text, never fatal
    ],
)
def test_ris_dates(text: str, expected: str, edtf: str | None) -> None:
    assert ris_date(text) == expected
    assert parse_date(expected).edtf == edtf


def test_detection(tmp_path: Path) -> None:
    importer: Importer = RisImporter()
    assert (importer.name, importer.label) == ("ris", "RIS (reference managers)")
    path = write(tmp_path, HANDMADE)
    assert registry().detect(path).name == "ris"
    for other in (b'[{"type": "manuscript"}]', b"title,date\n", b"@misc{x, title={TY  - }}"):
        assert not importer.sniff(other, path)


def test_a_second_import_of_the_same_file_skips_records_with_an_id(
    tmp_path: Path, service: CatalogService
) -> None:
    path = write(tmp_path, HANDMADE)
    assert run_import(service.db, registry(), path).report.records == 4
    again = run_import(service.db, registry(), path).report
    assert again.records == 3  # the letter has an ID; the others come in again
    assert service.count() == 7


# ----------------------------------------------------------------------------- round trip


def zotero_entry(item: dict[str, Any]) -> dict[str, Any]:
    """A Zotero manuscript item as Zotero's RIS export writes it (rispy's keys)."""
    entry: dict[str, Any] = {"type_of_reference": "MANSCPT", "title": item["title"]}
    parts = [*item["date"].split("-"), "", ""]
    entry["date"] = "/".join(parts[:3]) + "/"
    entry["authors"] = [
        c["lastName"] if c.get("fieldMode") == 1 else f"{c['lastName']}, {c['firstName']}"
        for c in item["creators"]
    ]
    for zotero, key in (
        ("abstractNote", "abstract"),
        ("archive", "name_of_database"),
        ("archiveLocation", "accession_number"),
        ("language", "language"),
        ("manuscriptType", "type_of_work"),
    ):
        if item.get(zotero):
            entry[key] = item[zotero]
    entry["keywords"] = [tag["tag"] for tag in item["tags"]]
    return {k: v for k, v in entry.items() if v}


def test_zotero_items_written_by_rispy_come_back(
    corpus: Path, tmp_path: Path, service: CatalogService
) -> None:
    items = zotero_items(corpus)
    path = write(tmp_path, rispy.dumps([zotero_entry(item) for item in items]))
    records = read(path)
    assert [r.title for r in records] == [item["title"] for item in items]
    assert [r.date_text for r in records] == ["1958", "1944-05-19", "1989-12-06", "1945-10-16"]
    assert [r.doc_type for r in records] == ["Manuscript", "Manuscript", "Report", "Manuscript"]
    assert [r.summary for r in records] == [item.get("abstractNote", "") for item in items]
    assert [r.languages for r in records] == [(item["language"],) for item in items]
    assert [r.source_ref for r in records] == [item["archiveLocation"] for item in items]
    assert [r.tags for r in records] == [tuple(t["tag"] for t in item["tags"]) for item in items]
    assert people(records[1], Role.AUTHOR) == [
        "Djilas, Milovan", "Stalin, Joseph", "Molotov, Vyacheslav Mikhaylovich"
    ]  # fmt: skip
    assert people(records[3], Role.AUTHOR) == ["Telegraph Agency of the Soviet Union (TASS)"]
    assert run_import(service.db, registry(), path).report.records == 4


# ----------------------------------------------------------------------------- bad files

BAD_FILES = [
    ("empty.ris", "the file is empty", None),
    ("utf16_no_bom.ris", "not UTF-8 text (it looks like UTF-16 text without a byte-order", 1),
    ("utf16_bom.ris", "the file is not UTF-8 text (it is UTF-16 text); save it as UTF-8", 1),
    ("cp1251.ris", "the file is not UTF-8 text (byte 7 of the line", 2),
    ("nul.ris", "the line holds a NUL character", 7),
    ("truncated.ris", "the record at line 6 has no 'ER  - ' end line (is the file cut short?)", 6),
    ("no_title.ris", "record 2 (TY at line 7) has no title (no TI or T1 line)", 7),
    ("duplicate_ids.ris", "record 2 (TY at line 6) repeats the ID 'avprf-1' of the record at", 6),
    ("tag_outside.ris", "the TI line is not inside a record (expected 'TY  - ')", 1),
    ("not_ris.ris", "no RIS record in the file (no line starts with 'TY  - ')", None),
]


@pytest.mark.parametrize(("name", "message", "line"), BAD_FILES)
def test_bad_input_gets_a_clear_error_and_leaves_nothing(
    service: CatalogService, tmp_path: Path, name: str, message: str, line: int | None
) -> None:
    run_import(service.db, registry(), write(tmp_path, "TY  - GEN\nTI  - ok\nER  - \n"))
    before = service.count()
    path = BAD / name
    with pytest.raises(ImportFileError) as caught:
        run_import(service.db, registry(), path, format_name="ris")
    assert message in caught.value.reason
    assert caught.value.line == line
    assert caught.value.path == str(path)
    assert service.count() == before


# ----------------------------------------------------------------------------- properties

TAGS = st.sampled_from(["TY", "TI", "T1", "AU", "A2", "DA", "PY", "KW", "LA", "N1", "ID", "ER"])
LINES = st.one_of(
    st.builds(lambda tag, value: f"{tag}  - {value}", TAGS, st.text(max_size=12)),
    st.text(max_size=12),
    st.just(""),
)


@TMP
@given(lines=st.lists(LINES, max_size=12), end=st.sampled_from(["\n", "\r\n", "\r"]))
def test_generated_lines_import_or_fail_clearly(tmp_path: Path, lines: list[str], end: str) -> None:
    path = tmp_path / "gen.ris"
    path.write_bytes(end.join(lines).encode("utf-8", errors="surrogatepass"))
    with contextlib.suppress(ImportFileError):
        read(path)


@TMP
@given(data=st.binary(max_size=300))
def test_generated_bytes_import_or_fail_clearly(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "gen.ris"
    path.write_bytes(b"TY  - GEN\n" + data)
    with contextlib.suppress(ImportFileError):
        read(path)
