"""Native JSON: lossless round trips, streaming, and a clear error for each bad input."""

from __future__ import annotations

import contextlib
import json
from dataclasses import fields, replace
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from catalog.domain.dates import parse_date, parse_edtf
from catalog.domain.errors import ExportError, ImportFileError
from catalog.domain.records import RecordDetail, RecordInput
from catalog.services.transfer import native_json_import
from catalog.services.transfer.native_json import NativeJsonExporter, NativeJsonImporter

from .factories import expected_input, make_record, plain_record, uid

TMP = settings(suppress_health_check=[HealthCheck.function_scoped_fixture])


def export(records: list[RecordDetail], out: Path) -> Path:
    assert NativeJsonExporter().write(records, out) == len(records)
    return out


def read(path: Path) -> list[RecordInput]:
    return list(NativeJsonImporter().read(path))


def write_text(tmp_path: Path, text: str, name: str = "in.json") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def assert_same(got: RecordInput, record: RecordDetail) -> None:
    want = expected_input(record)
    for field in fields(RecordInput):
        if field.name != "line":
            assert getattr(got, field.name) == getattr(want, field.name), field.name


# ----------------------------------------------------------------------------- round trip


def test_every_field_survives_a_round_trip(tmp_path: Path) -> None:
    records = [
        make_record(1),
        make_record(
            2, date=parse_date("c. 1950"), title="Cable from the Chinese Interior Ministry"
        ),
        make_record(3, date=parse_date("January 1, 2015 - December 31, 2016")),
        make_record(4, date=parse_date("some day in spring"), summary="Корейцы 고려인 朝鲜族"),
        plain_record(5),
    ]
    got = read(export(records, tmp_path / "out.json"))
    assert len(got) == len(records)
    for item, record in zip(got, records, strict=True):
        assert_same(item, record)
        assert parse_edtf(item.edtf or "", item.date_text) == record.date or not item.edtf


def test_the_stated_date_and_its_derived_bounds_come_back(tmp_path: Path) -> None:
    record = make_record(date=parse_date("1961?"))
    (item,) = read(export([record], tmp_path / "out.json"))
    assert item.edtf == "1961?"
    assert parse_edtf(item.edtf, item.date_text) == record.date


def test_incoming_relations_are_left_to_the_other_record(tmp_path: Path) -> None:
    (item,) = read(export([make_record()], tmp_path / "out.json"))
    assert [r.target_uid for r in item.relations] == [uid(9), uid(8)]


def test_the_file_has_a_header_and_one_record_per_line(tmp_path: Path) -> None:
    records = [make_record(n) for n in range(1, 4)]
    path = export(records, tmp_path / "out.json")
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith('{"format": "catalog", "version": 1, "exported": "')
    assert lines[0].endswith('"records": [')
    assert lines[-1] == "]}"
    assert len(lines) == 2 + len(records)
    assert json.loads(lines[1].rstrip(","))["uid"] == uid(1)
    document = json.loads(path.read_text(encoding="utf-8"))
    assert document["format"] == "catalog" and document["version"] == 1
    assert datetime.fromisoformat(document["exported"]).tzinfo is not None
    assert "김일성" in path.read_text(encoding="utf-8")  # not escaped


def test_records_carry_the_line_where_they_start(tmp_path: Path) -> None:
    got = read(export([plain_record(n) for n in range(1, 4)], tmp_path / "out.json"))
    assert [item.line for item in got] == [2, 3, 4]


def test_an_empty_export_reads_back_empty(tmp_path: Path) -> None:
    assert read(export([], tmp_path / "out.json")) == []


def test_a_bare_array_of_records_is_read(tmp_path: Path) -> None:
    path = write_text(
        tmp_path, '[\n  {"title": "A", "date": "October, 1959"},\n  {"title": "B"}\n]'
    )
    got = read(path)
    assert [(r.title, r.date_text, r.edtf, r.line) for r in got] == [
        ("A", "October, 1959", None, 2),
        ("B", "", None, 3),
    ]


def test_timestamps_with_offsets_and_naive_ones(tmp_path: Path) -> None:
    path = write_text(
        tmp_path,
        '[{"title": "A", "created": "2024-01-02T03:04:05+09:00",'
        ' "modified": "2024-01-02T03:04:05"}]',
    )
    (item,) = read(path)
    assert item.created == datetime(2024, 1, 2, 3, 4, 5, tzinfo=timezone(timedelta(hours=9)))
    assert item.modified == datetime(2024, 1, 2, 3, 4, 5, tzinfo=UTC)


def test_unknown_fields_are_ignored_and_listed(tmp_path: Path) -> None:
    path = write_text(
        tmp_path, '[{"title": "A", "colour": "red", "notes": [{"text": "n", "x": 1}]}]'
    )
    importer = NativeJsonImporter()
    assert [r.title for r in importer.read(path)] == ["A"]
    assert importer.ignored_fields == ["colour", "notes.x"]


def test_reading_streams_record_by_record(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(native_json_import, "_CHUNK", 7)  # every value crosses a chunk boundary
    records = [make_record(n) for n in range(1, 30)]
    path = export(records, tmp_path / "out.json")
    with path.open("ab") as handle:  # damage after the last record
        handle.write(b"garbage")
    reader = NativeJsonImporter().read(path)
    first = next(reader)  # read before the damage is seen
    assert first.uid == uid(1) and first.line == 2
    got = [first]
    with pytest.raises(ImportFileError, match="more data after the end"):
        got.extend(reader)
    for item, record in zip(got, records, strict=True):
        assert_same(item, record)
    assert [item.line for item in got] == list(range(2, 2 + len(records)))


def test_a_big_number_split_across_chunks(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(native_json_import, "_CHUNK", 3)
    path = write_text(tmp_path, '{"format": "catalog", "version": 000001, "records": []}')
    with pytest.raises(ImportFileError, match="not valid JSON"):
        read(path)  # leading zeros are not JSON, even across chunks
    path = write_text(
        tmp_path, '{"format": "catalog", "other": 1234567, "records": [{"title": "A"}]}'
    )
    assert [r.title for r in read(path)] == ["A"]


@pytest.mark.parametrize("chunk", [3, 7, 16, 33])
def test_a_nul_escape_is_refused_wherever_the_chunks_fall(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, chunk: int
) -> None:
    monkeypatch.setattr(native_json_import, "_CHUNK", chunk)
    padding = ", ".join(f'{{"title": "record number {n}"}}' for n in range(40))
    text = f'[{padding}, {{"title": "\\u0000 at the start of a long title that goes on"}}]'
    path = write_text(tmp_path, text)
    with pytest.raises(ImportFileError, match="NUL"):
        read(path)


def test_a_runaway_value_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(native_json_import, "_CHUNK", 16)
    monkeypatch.setattr(native_json_import, "MAX_RECORD_CHARS", 1000)
    path = write_text(tmp_path, '[{"title": "A"},\n{"title": "' + "x" * 5000 + '"}]')
    with pytest.raises(ImportFileError, match="record 2: a value larger than") as caught:
        read(path)
    assert caught.value.line == 2


# ----------------------------------------------------------------------------- bad input

HEAD = '{"format": "catalog", "version": 1, "records": [\n'


@pytest.mark.parametrize(
    ("text", "message", "line"),
    [
        ("", "the file is empty", None),
        ("   \n", "the file is empty", None),
        ("hello", "not a Catalog JSON file", 1),
        ("\n\n[{]", "record 1: not valid JSON", 3),
        (HEAD + '{"title": "A"},\n{"title": "B"', "unexpected end of file", 3),
        (HEAD + '{"title": "A"},\n{"title": "B', "unexpected end of file", 3),
        (HEAD + '{"title": "A"}', "unexpected end of file", 2),
        ('{"format": "catalog", "vers', "unexpected end of file", 1),
        (HEAD + '{"title": "A"},\n7\n]}', "record 2 is a number, not an object", 3),
        (HEAD + '{"title": "A"},\n{"summary": "x"}\n]}', "record 2 has no title", 3),
        (HEAD + '{"title": "  "}\n]}', "record 1 has no title", 2),
        (HEAD + '{"title": 5}\n]}', "record 1: title must be a string, not a number", 2),
        (HEAD + '{"title": "A", "languages": "Russian"}\n]}', "languages must be a list of", 2),
        (HEAD + '{"title": "A", "languages": [1]}\n]}', "languages must be a list of strings", 2),
        (HEAD + '{"title": "A", "title": "B"}\n]}', "record 1: duplicate key 'title'", 2),
        (HEAD + '{"title": "A", "date": {"text": "x", "text": "y"}}]}', "duplicate key", 2),
        ('{"format": "catalog", "format": "catalog", "records": []}', "duplicate key", 1),
        (HEAD + '{"title": "A", "n": NaN}\n]}', "NaN is not a number JSON allows", 2),
        (HEAD + '{"title": "A", "n": -Infinity}\n]}', "-Infinity is not a number", 2),
        (HEAD + '{"title": "A", "x": ' + "[" * 100_000 + "]" * 100_000 + "}]}", "nested too", 2),
        (HEAD + '{"title": "A\\ud800"}\n]}', "title holds a lone surrogate", 2),
        (HEAD + '{"title": "A", "tags": ["\\udfff"]}\n]}', "tags holds a lone surrogate", 2),
        (HEAD + '{"title": "A\\u0000"}\n]}', "title holds a NUL character", 2),
        (HEAD + '{"title": "' + "x" * 2001 + '"}\n]}', "longer than 2000 characters", 2),
        ('{"format": "catalog", "version": 2, "records": []}', "written by a newer Catalog", 1),
        ('{"version": 7, "format": "catalog", "records": []}', "written by a newer Catalog", 1),
        ('{"format": "catalog", "version": "1", "records": []}', "unknown format version", 1),
        ('{"format": "zotero", "records": []}', "not a Catalog file", 1),
        ('{"records": []}', 'no "format": "catalog"', None),
        ('{"format": "catalog", "version": 1}', 'no "records" list', None),
        ('{"format": "catalog", "records": {}}', '"records" must be a list', 1),
        (HEAD + '{"title": "A"},\n]}', "a ',' before ']'", 3),
        (HEAD + '{"title": "A"} {"title": "B"}]}', "expected ',' or ']' after record 1", 2),
        (HEAD + "]} []", "more data after the end", 2),
        (HEAD + '{"title": "A", "uid": "u"},\n{"title": "B", "uid": "u"}]}', "repeats the uid", 3),
        (
            HEAD + '{"title": "A", "relations": [{"type": "x", "target": "u"}]}]}',
            "relations.type is 'x'",
            2,
        ),
        (HEAD + '{"title": "A", "relations": [{"type": "same_as"}]}]}', "target is empty", 2),
        (
            HEAD + '{"title": "A", "names": [{"kind": "person", "name": "N", "role": "boss"}]}]}',
            "names.role is 'boss' (known: author,",
            2,
        ),
        (HEAD + '{"title": "A", "names": [{"kind": "person"}]}]}', "names.name is empty", 2),
        (HEAD + '{"title": "A", "names": [{"name": "N"}]}]}', "names.kind is missing", 2),
        (HEAD + '{"title": "A", "names": [{"name": "N", "kind": 3}]}]}', "must be a string", 2),
        (HEAD + '{"title": "A", "tags": ["a\\u0000"]}]}', "tags holds a NUL", 2),
        (HEAD + '{"title": "A", "x\\udc00": 1}]}', "the key 'x\\udc00' holds a lone", 2),
        (
            HEAD
            + '{"title": "A", "names": [{"name": "N","kind": "place", "variants": ["\\ud800"]}]}]}',
            "names.variants holds a lone surrogate",
            2,
        ),
        (HEAD + '{"title": "A", "created": "yesterday"}]}', "created is not an ISO 8601", 2),
        (HEAD + '{"title": "A", "notes": [{"text": "n", "created": 5}]}]}', "must be a string", 2),
        (HEAD + '{"title": "A", "date": {"approximate": "yes"}}]}', "must be true or false", 2),
        (HEAD + '{"title": "A", "date": 1959}]}', "date must be an object, not a number", 2),
        (HEAD + '{"title": "A", "notes": {}}]}', "notes must be a list, not an object", 2),
        (HEAD + '{"title": "A", "n": 1' + "0" * 5000 + "}]}", "not valid JSON", 2),
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
    path = tmp_path / "in.json"
    path.write_bytes(HEAD.encode() + b'{"title": "A"},\n{"title": "caf\xe9"}\n]}')
    with pytest.raises(ImportFileError, match="not UTF-8") as caught:
        read(path)
    assert caught.value.line == 3


def test_an_encoded_surrogate_is_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "in.json"
    path.write_bytes(HEAD.encode() + b'{"title": "\xed\xa0\x80"}\n]}')
    with pytest.raises(ImportFileError, match="not UTF-8"):
        read(path)


def test_a_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "in.json"
    path.write_bytes(b"\xef\xbb\xbf" + HEAD.encode() + b'{"title": "A"}\n]}')
    assert [r.title for r in read(path)] == ["A"]


def test_a_missing_file_is_an_import_error(tmp_path: Path) -> None:
    with pytest.raises(ImportFileError, match="cannot read the file"):
        read(tmp_path / "missing.json")


def test_an_unwritable_target_is_an_export_error(tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="cannot write"):
        NativeJsonExporter().write([make_record()], tmp_path / "no" / "such" / "dir.json")


def test_a_lone_surrogate_is_an_export_error(tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="not valid Unicode"):
        NativeJsonExporter().write([make_record(summary="\ud800")], tmp_path / "out.json")


# ----------------------------------------------------------------------------- sniffing


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (b'{"format": "catalog", "version": 1, "records": [', True),
        (b'\xef\xbb\xbf  {"version": 1, "format" : "catalog"}', True),
        (b'[\n{"title": "A", "date": "1959"}]', True),
        (b'[{"summary": "x", "title": "A' + b"x" * 100, True),  # cut off by the sniff size
        (b'{"generated": "2025", "documents": [{"title": "A"}]}', False),
        (b'[{"id": "ITEM-1", "type": "book"}]', False),
        (b"uid,title,date\r\n", False),
        (b"", False),
    ],
)
def test_sniff(head: bytes, expected: bool) -> None:
    assert NativeJsonImporter().sniff(head, Path("x.json")) is expected


# ----------------------------------------------------------------------------- properties

# NUL is refused on import by design (PostgreSQL cannot store it); surrogates cannot be UTF-8.
NO_NUL = st.characters(codec="utf-8", exclude_characters="\x00")
TEXT = st.text(NO_NUL)
VALUES = st.lists(TEXT, max_size=3).map(tuple)
TITLE = st.text(NO_NUL, min_size=1, max_size=200).filter(str.strip)


@TMP
@given(
    title=TITLE,
    texts=st.lists(TEXT, min_size=7, max_size=7),
    values=st.lists(VALUES, min_size=3, max_size=3),
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
        annotations=(replace(base.annotations[0], text=texts[6], author=texts[6]),),
        languages=values[0],
        collections=values[1],
        tags=values[2],
    )
    (item,) = read(export([record], tmp_path / "out.json"))
    assert_same(item, record)


@TMP
@given(data=st.binary(max_size=300))
def test_arbitrary_bytes_parse_or_fail_cleanly(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "in.json"
    path.write_bytes(data)
    with contextlib.suppress(ImportFileError):
        read(path)


@TMP
@given(
    data=st.recursive(
        st.none() | st.booleans() | st.integers() | st.floats() | st.text(),
        lambda children: (
            st.lists(children, max_size=3)
            | st.dictionaries(
                st.sampled_from(["title", "date", "names", "notes", "tags"]), children
            )
        ),
        max_leaves=12,
    )
)
def test_arbitrary_json_parses_or_fails_cleanly(tmp_path: Path, data: object) -> None:
    path = tmp_path / "in.json"
    path.write_text(json.dumps([data]), encoding="utf-8")
    with contextlib.suppress(ImportFileError):
        read(path)
