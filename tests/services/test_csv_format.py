"""CSV: round trips of every CSV field, formula neutralising, and errors that name lines."""

from __future__ import annotations

import contextlib
import csv
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from catalog.domain.dates import parse_date
from catalog.domain.errors import ExportError, ImportFileError
from catalog.domain.records import (
    AuthorityKind,
    RecordDetail,
    RecordInput,
    RelationInput,
    RelationType,
    Role,
)
from catalog.services.transfer.csv_export import CsvExporter
from catalog.services.transfer.csv_format import (
    COLUMNS,
    join_values,
    neutralise,
    split_values,
    unneutralise,
)
from catalog.services.transfer.csv_import import CsvImporter

from .factories import link, make_record, plain_record, uid

TMP = settings(suppress_health_check=[HealthCheck.function_scoped_fixture])
HEADER = ",".join(COLUMNS)


def export(records: list[RecordDetail], out: Path, bom: bool = False) -> Path:
    assert CsvExporter(bom=bom).write(records, out) == len(records)
    return out


def read(path: Path) -> list[RecordInput]:
    return list(CsvImporter().read(path))


def write_text(tmp_path: Path, text: str, name: str = "in.csv") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode("utf-8"))
    return path


def names(item: RecordInput, kind: AuthorityKind, role: Role | None = None) -> list[str]:
    return [n.name for n in item.names if n.kind is kind and (role is None or n.role is role)]


def detail_names(record: RecordDetail, kind: AuthorityKind, *roles: Role) -> list[str]:
    return [a.name for a in record.names_of(kind) if not roles or a.role in roles]


def assert_same(item: RecordInput, record: RecordDetail) -> None:
    """Every field that CSV holds came back exactly."""
    assert item.uid == record.uid
    assert item.title == record.title
    assert item.date_text == record.date.text
    assert item.edtf == record.date.edtf
    assert item.summary == record.summary
    assert item.doc_type == record.doc_type
    assert item.languages == record.languages
    assert item.archive == record.archive
    assert item.source_ref == record.source_ref
    assert item.classification == record.classification
    assert item.collections == record.collections
    person = AuthorityKind.PERSON
    assert names(item, person, Role.AUTHOR) == detail_names(record, person, Role.AUTHOR)
    assert names(item, person, Role.RECIPIENT) == detail_names(record, person, Role.RECIPIENT)
    others = (Role.MENTIONED, Role.SUBJECT, Role.ARCHIVE)
    assert names(item, person, Role.MENTIONED) == detail_names(record, person, *others)
    for kind in (AuthorityKind.ORGANISATION, AuthorityKind.PLACE, AuthorityKind.SUBJECT):
        assert names(item, kind) == detail_names(record, kind)
    assert item.tags == record.tags
    assert [n.text for n in item.notes] == [a.text for a in record.annotations]
    assert item.relations == tuple(
        RelationInput(r.type, r.other_uid) for r in record.relations if r.outgoing
    )
    assert item.created == record.created
    assert item.modified == record.modified


# ----------------------------------------------------------------------------- round trip


def test_every_csv_field_survives_a_round_trip(tmp_path: Path) -> None:
    records = [
        make_record(1),
        make_record(2, date=parse_date("January 1, 2015 - December 31, 2016")),
        make_record(3, title='=HYPERLINK("http://evil")', summary="-1+1", doc_type="@cmd"),
        make_record(
            4, tags=("+tag", "'=quoted", "\ttab", "a|b", "c\\d", " padded "), date=parse_date("?")
        ),
        plain_record(5),
    ]
    got = read(export(records, tmp_path / "out.csv"))
    assert len(got) == len(records)
    for item, record in zip(got, records, strict=True):
        assert_same(item, record)


def test_the_file_opens_as_a_spreadsheet_would_read_it(tmp_path: Path) -> None:
    path = export([make_record(1), make_record(2)], tmp_path / "out.csv")
    data = path.read_bytes()
    assert data.startswith(b"uid,title,date,edtf,summary,type,languages,archive,source_ref,")
    assert data.endswith(b"\r\n")
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == list(COLUMNS)
    row = dict(zip(COLUMNS, rows[1], strict=True))
    assert row["languages"] == "Russian|Korean|Chinese"
    assert row["collections"] == "Soviet Koreans|Korean War \\| aftermath"
    assert row["authors"] == "Ivanov, V. I."
    assert row["recipients"] == "Molotov, V. M."
    assert row["people"] == "Kim Il Sung|Huang Yugui"
    assert row["organisations"] == "Korean Workers' Party|Ministry of Foreign Affairs, USSR"
    assert row["places"] == "Pyongyang"
    assert row["subjects"] == "Citizenship|Soviet Koreans"
    assert row["relations"] == f"reply_to:{uid(9)}|translation_of:{uid(8)}"
    assert row["date"] == "October, 1959" and row["edtf"] == "1959-10"
    assert row["created"] == "2024-01-02T03:04:05.123456Z"
    assert row["modified"] == "2024-03-04T06:16:17Z"


def test_formula_starts_are_neutralised(tmp_path: Path) -> None:
    record = make_record(
        title="=1+1", summary="+SUM(A1)", doc_type="-2", archive="@A1", source_ref="\tx",
        classification="\rx", tags=("=a", "b"),
    )  # fmt: skip
    path = export([record], tmp_path / "out.csv")
    with path.open(encoding="utf-8", newline="") as handle:
        row = dict(zip(COLUMNS, list(csv.reader(handle))[1], strict=True))
    for column in ("title", "summary", "type", "archive", "source_ref", "classification"):
        assert row[column].startswith("'"), column
    assert row["tags"] == "'=a|b"
    assert all(not cell.startswith(("=", "+", "-", "@", "\t", "\r")) for cell in row.values())
    (item,) = read(path)
    assert_same(item, record)


@pytest.mark.parametrize(
    "value", ["", "x", "=x", "'=x", "''+x", "'x", "''", "-", "'", "a=b", "\r\n", "'\t"]
)
def test_neutralising_is_undone_exactly(value: str) -> None:
    cell = neutralise(value)
    assert not cell.startswith(("=", "+", "-", "@", "\t", "\r"))
    assert unneutralise(cell) == value


@pytest.mark.parametrize(
    ("values", "cell"),
    [
        ((), ""),
        (("a", "b"), "a|b"),
        (("a|b", "c\\d"), "a\\|b|c\\\\d"),
        ((" a ", "b"), "\\ a\\ |b"),
        (("C:\\path",), "C:\\\\path"),
    ],
)
def test_multi_values_are_joined_and_split(values: tuple[str, ...], cell: str) -> None:
    assert join_values(values) == cell
    assert split_values(cell) == values


def test_hand_written_multi_values_are_trimmed() -> None:
    assert split_values(" Russian | Korean |  | ") == ("Russian", "Korean")
    assert split_values("C:\\path | x\\") == ("C:\\path", "x\\")


def test_a_byte_order_mark_is_written_on_request_and_read_either_way(tmp_path: Path) -> None:
    with_bom = export([make_record()], tmp_path / "bom.csv", bom=True)
    without = export([make_record()], tmp_path / "plain.csv")
    assert with_bom.read_bytes().startswith(b"\xef\xbb\xbfuid,")
    assert without.read_bytes().startswith(b"uid,")
    for path in (with_bom, without):
        (item,) = read(path)
        assert_same(item, make_record())


def test_records_carry_the_line_where_their_row_starts(tmp_path: Path) -> None:
    text = f'{HEADER}\r\n,A\r\n,"B\r\nsecond line"\r\n\r\n,C\r\n'
    got = read(write_text(tmp_path, text))
    assert [(r.title, r.line) for r in got] == [("A", 2), ("B\r\nsecond line", 3), ("C", 6)]


def test_columns_match_in_any_case_and_order_and_unknown_ones_are_listed(tmp_path: Path) -> None:
    path = write_text(tmp_path, "Colour,TITLE, Tags ,Date\nred,A,x|y,1959\n")
    importer = CsvImporter()
    (item,) = importer.read(path)
    assert (item.title, item.tags, item.date_text, item.uid) == ("A", ("x", "y"), "1959", None)
    assert importer.ignored_columns == ["Colour"]


def test_a_mapping_renames_columns(tmp_path: Path) -> None:
    path = write_text(tmp_path, "Titel;x,Datum\nA,1959\n")
    (item,) = CsvImporter(mapping={"titel;x": "title", "datum": "date"}).read(path)
    assert (item.title, item.date_text) == ("A", "1959")


def test_cr_only_and_lf_only_line_ends(tmp_path: Path) -> None:
    for end in ("\r", "\n"):
        path = write_text(tmp_path, f"title,tags{end}A,x{end}B,y{end}")
        assert [(r.title, r.tags, r.line) for r in read(path)] == [
            ("A", ("x",), 2),
            ("B", ("y",), 3),
        ]


def test_short_rows_are_padded_and_blank_rows_skipped(tmp_path: Path) -> None:
    path = write_text(tmp_path, "\r\ntitle,summary,tags\r\nA\r\n,,\r\nB,s\r\n")
    assert [(r.title, r.summary, r.line) for r in read(path)] == [("A", "", 3), ("B", "s", 5)]


def test_relation_types_may_be_written_as_words(tmp_path: Path) -> None:
    path = write_text(tmp_path, "title,relations\nA,Reply to:u1|same-as: u2\n")
    (item,) = read(path)
    assert item.relations == (
        RelationInput(RelationType.REPLY_TO, "u1"),
        RelationInput(RelationType.SAME_AS, "u2"),
    )


# ----------------------------------------------------------------------------- bad input


@pytest.mark.parametrize(
    ("text", "message", "line"),
    [
        ("", "the file is empty", 1),
        ("\r\n\r\n", "the file is empty", 1),
        ("uid,summary\r\nx,y\r\n", "no 'title' column", 1),
        ("title,Title\r\nA,B\r\n", "the column 'Title' appears twice", 1),
        ("\r\ntitle,x,x\r\nA,B,C\r\n", "the column 'x' appears twice", 2),
        ("title,tags\r\nA,x\r\nB,y,z\r\n", "the row has 3 cells but the header 2", 3),
        ('title,tags\r\nA,x\r\n"B,y\r\nC,z\r\n', "a quoted cell is never closed", 3),
        ('title,tags\r\n"A"x,y\r\n', "not valid CSV", 2),
        ("title,tags\r\nA,x\r\n,y\r\n", "record 2 has no title", 3),
        ("title,tags\r\nA,x\r\n  ,y\r\n", "record 2 has no title", 3),
        ("title\r\n" + "x" * 2001 + "\r\n", "longer than 2000 characters", 2),
        ("title,created\r\nA,yesterday\r\n", "the created cell is not an ISO 8601 timestamp", 2),
        ("title,relations\r\nA,x\r\n", "is not written as type:uid", 2),
        ("title,relations\r\nA,boss:u\r\n", "unknown relation type 'boss'", 2),
        ("title,summary\r\nA,x\x00y\r\n", "NUL character", 2),
    ],
)
def test_bad_input_gets_a_clear_error(
    tmp_path: Path, text: str, message: str, line: int | None
) -> None:
    path = write_text(tmp_path, text)
    with pytest.raises(ImportFileError) as caught:
        read(path)
    assert message in caught.value.reason
    assert caught.value.line == line
    assert caught.value.path == str(path)


def test_bytes_that_are_not_utf8_name_their_line(tmp_path: Path) -> None:
    path = tmp_path / "in.csv"
    path.write_bytes(b"title,summary\r\nA,ok\r\nB,caf\xe9\r\n")
    with pytest.raises(ImportFileError, match="not UTF-8") as caught:
        read(path)
    assert caught.value.line == 3


def test_utf16_gets_its_own_message(tmp_path: Path) -> None:
    path = tmp_path / "in.csv"
    path.write_bytes("title\r\nA\r\n".encode("utf-16"))
    with pytest.raises(ImportFileError, match="UTF-16"):
        read(path)


def test_an_unwritable_target_is_an_export_error(tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="cannot write"):
        CsvExporter().write([make_record()], tmp_path / "no" / "such" / "dir.csv")


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (b"uid,title,date\r\n", True),
        (b"\xef\xbb\xbfUID,Title,Summary\n", True),
        (b'"title","uid"\n', True),
        # Other systems' spreadsheets go to the mapped importer.
        (b"\xef\xbb\xbfTitle,Summary\n", False),
        (b"id,doc_id,date,title\n", False),
        (b"uid,name\r\ntitle\r\n", False),
        (b'{"format": "catalog", "title": 1}', False),
        (b'[{"title": "A"}]', False),
        (b"", False),
    ],
)
def test_sniff(head: bytes, expected: bool) -> None:
    assert CsvImporter().sniff(head, Path("x.csv")) is expected


# ----------------------------------------------------------------------------- properties

CHARS = st.characters(codec="utf-8", exclude_characters="\x00")
TEXT = st.text(CHARS)
VALUES = st.lists(st.text(CHARS, min_size=1), max_size=3).map(tuple)
TITLE = st.text(CHARS, min_size=1).filter(str.strip)
TRICKY = st.text(st.sampled_from("=+-@\t\r\n'|\\\" ,;ab"), min_size=1).filter(str.strip)


@TMP
@given(
    title=TITLE | TRICKY,
    texts=st.lists(TEXT | TRICKY, min_size=6, max_size=6),
    values=st.lists(VALUES | st.lists(TRICKY, max_size=3).map(tuple), min_size=5, max_size=5),
)
def test_arbitrary_text_survives_a_round_trip(
    tmp_path: Path, title: str, texts: list[str], values: list[tuple[str, ...]]
) -> None:
    base = make_record()
    record = replace(
        base,
        title=title,
        date=replace(base.date, text=texts[0]),
        summary=texts[1],
        doc_type=texts[2],
        archive=texts[3],
        source_ref=texts[4],
        classification=texts[5],
        languages=values[0],
        collections=values[1],
        tags=values[2],
        annotations=tuple(replace(base.annotations[0], text=v) for v in values[3]),
        authorities=tuple(link(AuthorityKind.PLACE, v) for v in values[4]),
    )
    (item,) = read(export([record], tmp_path / "out.csv"))
    assert_same(item, record)


@TMP
@given(
    data=st.binary(max_size=300)
    | st.text(st.sampled_from('title,x"\r\n\x00é|\\'), max_size=60).map(str.encode)
)
def test_arbitrary_bytes_parse_or_fail_cleanly(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "in.csv"
    path.write_bytes(data)
    with contextlib.suppress(ImportFileError):
        read(path)
