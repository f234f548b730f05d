"""Native JSON: Catalog's own lossless format, one record object per line.

A file is one object whose ``records`` array holds one record per line, so files diff
well and a reader can stream them::

    {"format": "catalog", "version": 1, "exported": "2024-05-01T12:00:00Z", "records": [
    {"uid": "...", "title": "...", "date": {"text": "October, 1959", "edtf": "1959-10", ...}, ...},
    {"uid": "...", "title": "...", ...}
    ]}

A record holds ``uid``, ``title``, ``date`` (``text``, ``edtf``, ``approximate``,
``uncertain``; the bounds are derived from the EDTF, not stored), ``summary``, ``doc_type``,
``languages``, ``archive``, ``source_ref``, ``classification``, ``collections``, ``names``
(``kind``, ``name``, ``role``, ``variants``), ``tags``, ``notes`` (``text``, ``author``,
``created``, ``modified``), ``relations`` (``type``, ``target`` uid; outgoing links only,
so each link is stored once), ``attachments`` (``path``, ``role``, ``language``,
``sha256``), ``created`` and ``modified``. Timestamps are ISO 8601; the exporter writes
UTC (``...Z``), the importer accepts any offset and reads a naive time as UTC.

The importer also reads a bare array of record objects, takes a string as a date's text,
ignores fields it does not know (listed in ``ignored_fields`` after a read) and never
holds more than a few records in memory.
"""

from __future__ import annotations

import codecs
import json
import re
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, BinaryIO, NoReturn, TypeVar

from catalog.domain.errors import ExportError, ImportFileError
from catalog.domain.records import (
    AnnotationInput,
    AttachmentInput,
    AuthorityKind,
    NameLink,
    RecordDetail,
    RecordInput,
    RelationInput,
    RelationType,
    Role,
)

FORMAT = "catalog"
VERSION = 1
MAX_TITLE = 2000
"""The longest title, in characters, that an import accepts."""

MAX_RECORD_CHARS = 64 * 1024 * 1024
"""The largest single record (or header value), in characters, that the reader buffers."""

_E = TypeVar("_E", AuthorityKind, Role, RelationType)
_CHUNK = 1024 * 1024
_TAIL = 16  # a token cut at the end of the buffer makes the decoder fail this close to it
_WS = re.compile(r"[ \t\n\r]*")
_BAD_CHARS = re.compile(r"[\x00\ud800-\udfff]")
_ESCAPES = re.compile(r"\\u(?:0000|[dD][89a-fA-F])")  # how JSON writes a NUL or a surrogate
_FORMAT_KEY = re.compile(r'"format"\s*:\s*"catalog"')
_TITLE_KEY = re.compile(r'^\[\s*\{[^\[\]{}]*?"title"\s*:')


# ----------------------------------------------------------------------------- helpers


def format_timestamp(moment: datetime) -> str:
    """An ISO 8601 UTC timestamp (``2024-05-01T12:00:00.5Z``); a naive time counts as UTC."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).isoformat().replace("+00:00", "Z")


def parse_timestamp(text: str) -> datetime | None:
    """An aware datetime read from ISO 8601 text (naive means UTC); None when not one."""
    try:
        moment = datetime.fromisoformat(text.strip())
    except ValueError:
        return None
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment


def bad_text(text: str) -> str | None:
    """What makes a string unfit to store (a NUL or a lone surrogate), or None."""
    found = _BAD_CHARS.search(text)
    if found is None:
        return None
    return "a NUL character" if found.group() == "\x00" else "a lone surrogate"


def _skip(text: str, index: int) -> int:
    """The index of the first character at or after ``index`` that is not JSON white space."""
    found = _WS.match(text, index)
    return index if found is None else found.end()


def _short(value: object) -> str:
    shown = repr(value)
    return shown if len(shown) <= 40 else shown[:37] + "..."


# ----------------------------------------------------------------------------- export


def record_object(record: RecordDetail) -> dict[str, object]:
    """A record as its native JSON object."""
    date = record.date
    return {
        "uid": record.uid,
        "title": record.title,
        "date": {
            "text": date.text,
            "edtf": date.edtf,
            "approximate": date.approximate,
            "uncertain": date.uncertain,
        },
        "summary": record.summary,
        "doc_type": record.doc_type,
        "languages": list(record.languages),
        "archive": record.archive,
        "source_ref": record.source_ref,
        "classification": record.classification,
        "collections": list(record.collections),
        "names": [
            {"kind": a.kind.value, "name": a.name, "role": a.role.value, "variants": [*a.variants]}
            for a in record.authorities
        ],
        "tags": list(record.tags),
        "notes": [
            {
                "text": n.text,
                "author": n.author,
                "created": format_timestamp(n.created),
                "modified": format_timestamp(n.modified),
            }
            for n in record.annotations
        ],
        "relations": [
            {"type": r.type.value, "target": r.other_uid} for r in record.relations if r.outgoing
        ],
        "attachments": [
            {"path": a.path, "role": a.role, "language": a.language, "sha256": a.sha256}
            for a in record.attachments
        ],
        "created": format_timestamp(record.created),
        "modified": format_timestamp(record.modified),
    }


class NativeJsonExporter:
    """Writes records as native JSON, one record object per line."""

    name = "json"
    label = "Catalog JSON (native, lossless)"
    suffix = ".json"

    def write(self, records: Iterable[RecordDetail], out: Path) -> int:
        """Write every record to ``out``; return how many were written."""
        now = format_timestamp(datetime.now(UTC))
        header = {"format": FORMAT, "version": VERSION, "exported": now}
        count = 0
        uid = ""
        try:
            with out.open("w", encoding="utf-8", newline="\n") as handle:
                handle.write(json.dumps(header, ensure_ascii=False)[:-1] + ', "records": [')
                for record in records:
                    uid = record.uid
                    line = json.dumps(record_object(record), ensure_ascii=False, allow_nan=False)
                    handle.write(("\n" if count == 0 else ",\n") + line)
                    count += 1
                handle.write("\n]}\n")
        except UnicodeEncodeError:
            raise ExportError(f"record {uid} holds text that is not valid Unicode") from None
        except OSError as error:
            raise ExportError(f"cannot write {out}: {error.strerror or error}") from None
        return count


# ----------------------------------------------------------------------------- reading


class _RejectedError(Exception):
    """Something the JSON decoder's hooks refuse."""


def _unique_object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) < len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise _RejectedError(f"duplicate key {_short(key)} in an object")
            seen.add(key)
    return result


def _reject_constant(name: str) -> NoReturn:
    raise _RejectedError(f"{name} is not a number JSON allows")


class _Reader:
    """Reads a JSON file piece by piece, tracking lines, never holding it whole."""

    def __init__(self, handle: BinaryIO, path: str) -> None:
        self._handle = handle
        self._path = path
        self._utf8 = codecs.getincrementaldecoder("utf-8")()
        self._json = json.JSONDecoder(
            object_pairs_hook=_unique_object, parse_constant=_reject_constant
        )
        self.buf = ""
        self.pos = 0
        self.eof = False
        self._line = 1  # the line of buf[_mark]
        self._mark = 0
        self._byte_lines = 0
        self._started = False

    def fail(self, message: str, index: int | None = None) -> NoReturn:
        line = None if index is None else self._line + self.buf.count("\n", self._mark, index)
        raise ImportFileError(self._path, message, line)

    def _advance(self, index: int) -> int:
        self._line += self.buf.count("\n", self._mark, index)
        self._mark = index
        return self._line

    def _fill(self) -> None:
        self._advance(self.pos)
        self.buf, self._mark, self.pos = self.buf[self.pos :], 0, 0
        try:  # a value that goes on and on is read in growing pieces: linear time
            chunk = self._handle.read(max(_CHUNK, len(self.buf)))
        except OSError as error:
            raise ImportFileError(self._path, f"cannot read the file: {error.strerror}") from None
        try:
            text = self._utf8.decode(chunk, final=not chunk)
        except UnicodeDecodeError as error:
            line = self._byte_lines + error.object[: error.start].count(b"\n") + 1
            raise ImportFileError(self._path, "the file is not UTF-8 text", line) from None
        self._byte_lines += chunk.count(b"\n")
        if not self._started and text:
            self._started = True
            text = text.removeprefix("\ufeff")
        self.buf += text
        self.eof = not chunk

    def peek(self) -> str:
        """Skip white space; the next character, or "" at the end of the file."""
        while True:
            self.pos = _skip(self.buf, self.pos)
            if self.pos < len(self.buf):
                return self.buf[self.pos]
            if self.eof:
                return ""
            self._fill()

    def expect(self, wanted: str, what: str) -> None:
        found = self.peek()
        if found != wanted:
            self.fail(_unexpected(found, f"expected {what}"), self.pos)
        self.pos += 1

    def value(self, where: str = "") -> Any:
        """Decode the JSON value at the current position."""
        self.peek()
        prefix = f"{where}: " if where else ""
        while True:
            try:
                value, end = self._json.raw_decode(self.buf, self.pos)
            except json.JSONDecodeError as error:
                cut = error.msg.startswith("Unterminated string")
                if not self.eof and (cut or error.pos >= len(self.buf) - _TAIL):
                    self._more(prefix)
                    continue
                if cut or error.pos >= len(self.buf.rstrip()):
                    self.fail("unexpected end of file (is the file cut short?)", len(self.buf))
                self.fail(f"{prefix}not valid JSON: {error.msg}", error.pos)
            except _RejectedError as error:
                self.fail(f"{prefix}{error}", self.pos)
            except RecursionError:
                self.fail(f"{prefix}the JSON is nested too deeply", self.pos)
            except ValueError as error:  # a number too long to convert, for instance
                self.fail(f"{prefix}not valid JSON: {error}", self.pos)
            if end >= len(self.buf) and not self.eof:
                self._more(prefix)  # a number may go on in the next chunk
                continue
            self.pos = end
            return value

    def _more(self, prefix: str) -> None:
        if len(self.buf) - self.pos > MAX_RECORD_CHARS:
            self.fail(f"{prefix}a value larger than {MAX_RECORD_CHARS // 2**20} MB", self.pos)
        self._fill()

    def items(self) -> Iterator[tuple[int, int, Any, bool]]:
        """(number, line, value, careful) of each record, whichever layout the file has."""
        first = self.peek()
        if not first:
            self.fail("the file is empty")
        if first == "[":
            yield from self._array()
        elif first == "{":
            yield from self._object()
        else:
            self.fail("not a Catalog JSON file (expected '{' or '[')", self.pos)
        if self.peek():
            self.fail("not valid JSON: more data after the end", self.pos)

    def _object(self) -> Iterator[tuple[int, int, Any, bool]]:
        self.pos += 1
        header: dict[str, Any] = {}
        found = self.peek()
        while found != "}":
            if found != '"':
                self.fail(_unexpected(found, "expected a key in double quotes"), self.pos)
            at = self.pos
            key = self.value()
            if key in header:
                self.fail(f"duplicate key {_short(key)} in an object", at)
            self.expect(":", "':'")
            if key == "records":
                header[key] = None
                _check_header(self, header, at, final=False)
                if self.peek() != "[":
                    self.fail('"records" must be a list', self.pos)
                yield from self._array()
            else:
                header[key] = self.value()
            found = self.peek()
            if found == ",":
                self.pos += 1
                found = self.peek()
            elif found != "}":
                self.fail(_unexpected(found, "expected ',' or '}'"), self.pos)
        self.pos += 1
        _check_header(self, header, None, final=True)
        if "records" not in header:
            self.fail('no "records" list in the file')

    def _array(self) -> Iterator[tuple[int, int, Any, bool]]:
        self.pos += 1
        number = 0
        found = self.peek()
        while found != "]":
            number += 1
            start, line = self.pos, self._advance(self.pos)
            value = self.value(f"record {number}")
            yield number, line, value, _ESCAPES.search(self.buf, start, self.pos) is not None
            found = self.peek()
            if found == ",":
                self.pos += 1
                found = self.peek()
                if found == "]":
                    self.fail("not valid JSON: a ',' before ']'", self.pos)
            elif found != "]":
                self.fail(
                    _unexpected(found, f"expected ',' or ']' after record {number}"), self.pos
                )
        self.pos += 1


def _unexpected(found: str, expected: str) -> str:
    return "unexpected end of file" if not found else f"not valid JSON: {expected}"


def _check_header(reader: _Reader, header: dict[str, Any], at: int | None, final: bool) -> None:
    if "format" in header and header["format"] != FORMAT:
        reader.fail(f'not a Catalog file ("format" is {_short(header["format"])})', at)
    if final and "format" not in header:
        reader.fail('not a Catalog file (no "format": "catalog")', at)
    version = header.get("version", VERSION)
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        reader.fail(f"unknown format version {_short(version)}", at)
    if version > VERSION:
        reader.fail(
            f"written by a newer Catalog (format version {version}; this Catalog reads "
            f"version {VERSION}): update Catalog to import it",
            at,
        )


class _Obj:
    """One JSON object of a record, read field by field; errors name the record.

    Values of the expected type are taken as they are unless the record is ``careful``
    (its text holds escapes that may hide a NUL or a lone surrogate); everything else
    goes through ``_Context.text``, which checks it and fails with a message.
    """

    def __init__(self, value: object, what: str, known: frozenset[str], ctx: _Context) -> None:
        self.what, self.ctx = what, ctx
        if not isinstance(value, dict):
            ctx.fail(f"{what} must be an object, not {_kind(value)}")
        self.data: dict[str, Any] = value
        if not known.issuperset(value):
            prefix = "" if what == "record" else f"{what}."
            ctx.ignored.update(prefix + key for key in value if key not in known)
        if ctx.careful:
            for key in value:
                ctx.text(key, f"the key {_short(key)}")

    def _name(self, key: str) -> str:
        return key if self.what == "record" else f"{self.what}.{key}"

    def text(self, key: str, required: bool = False) -> str:
        value = self.data.get(key)
        if type(value) is str and not self.ctx.careful and (not required or value.strip()):
            return value
        return self.ctx.text(value, self._name(key), required)

    def texts(self, key: str) -> tuple[str, ...]:
        value = self.data.get(key)
        if value is None:
            return ()
        if type(value) is not list or not all(type(v) is str for v in value):
            self.ctx.fail(f"{self._name(key)} must be a list of strings")
        if self.ctx.careful:
            return tuple(self.ctx.text(v, self._name(key)) for v in value)
        return tuple(value)

    def objects(self, key: str, known: frozenset[str]) -> list[_Obj]:
        value = self.data.get(key)
        if value is None:
            return []
        if not isinstance(value, list):
            self.ctx.fail(f"{key} must be a list, not {_kind(value)}")
        return [_Obj(v, key, known, self.ctx) for v in value]

    def time(self, key: str) -> datetime | None:
        value = self.data.get(key)
        if value is None or value == "":
            return None
        moment = parse_timestamp(self.text(key))
        if moment is None:
            self.ctx.fail(f"{self._name(key)} is not an ISO 8601 timestamp: {_short(value)}")
        return moment

    def choice(self, key: str, kind: type[_E], default: str = "") -> _E:
        value = self.text(key) if key in self.data else default
        try:
            return kind(value)
        except ValueError:
            known = ", ".join(m.value for m in kind)
            shown = _short(value) if value else "missing"
            self.ctx.fail(f"{self._name(key)} is {shown} (known: {known})")


class _Context:
    """Where a record stands in its file, and what the read has ignored so far."""

    def __init__(self, path: str, number: int, line: int, ignored: set[str], careful: bool) -> None:
        self.path, self.number, self.line = path, number, line
        self.ignored, self.careful = ignored, careful

    def fail(self, message: str) -> NoReturn:
        raise ImportFileError(self.path, f"record {self.number}: {message}", self.line)

    def text(self, value: object, what: str, required: bool = False) -> str:
        if value is None:
            value = ""
        if not isinstance(value, str):
            self.fail(f"{what} must be a string, not {_kind(value)}")
        problem = bad_text(value)
        if problem:
            self.fail(f"{what} holds {problem}")
        if required and not value.strip():
            self.fail(f"{what} is empty")
        return value


def _kind(value: object) -> str:
    names = {dict: "an object", list: "a list", str: "a string", bool: "true or false"}
    return "null" if value is None else names.get(type(value), "a number")


_RECORD = frozenset((
    "uid", "title", "date", "summary", "doc_type", "languages", "archive", "source_ref",
    "classification", "collections", "names", "tags", "notes", "relations", "attachments",
    "created", "modified",
))  # fmt: skip
_DATE = frozenset(("text", "edtf", "approximate", "uncertain"))
_NAME = frozenset(("kind", "name", "role", "variants"))
_NOTE = frozenset(("text", "author", "created", "modified"))
_RELATION = frozenset(("type", "target"))
_ATTACHMENT = frozenset(("path", "role", "language", "sha256"))


def record_input(value: object, ctx: _Context) -> RecordInput:
    """A record object read into a RecordInput (raising for anything wrong)."""
    if not isinstance(value, dict):
        message = f"record {ctx.number} is {_kind(value)}, not an object"
        raise ImportFileError(ctx.path, message, ctx.line)
    r = _Obj(value, "record", _RECORD, ctx)
    title = r.data.get("title")
    if title is None or (isinstance(title, str) and not title.strip()):
        raise ImportFileError(ctx.path, f"record {ctx.number} has no title", ctx.line)
    title = r.text("title")
    if len(title) > MAX_TITLE:
        ctx.fail(f"the title is longer than {MAX_TITLE} characters ({len(title)})")
    date_text, edtf = "", None
    if isinstance(r.data.get("date"), str):
        date_text = r.text("date")
    elif r.data.get("date") is not None:
        date = _Obj(r.data["date"], "date", _DATE, ctx)
        date_text, edtf = date.text("text"), date.text("edtf").strip() or None
        if not all(isinstance(date.data.get(k, False), bool) for k in ("approximate", "uncertain")):
            ctx.fail("date.approximate and date.uncertain must be true or false")
    return RecordInput(
        title=title,
        date_text=date_text,
        summary=r.text("summary"),
        doc_type=r.text("doc_type"),
        languages=r.texts("languages"),
        archive=r.text("archive"),
        source_ref=r.text("source_ref"),
        classification=r.text("classification"),
        collections=r.texts("collections"),
        names=tuple(
            NameLink(
                n.choice("kind", AuthorityKind),
                n.text("name", required=True),
                n.choice("role", Role, Role.MENTIONED.value),
                n.texts("variants"),
            )
            for n in r.objects("names", _NAME)
        ),
        tags=r.texts("tags"),
        notes=tuple(
            AnnotationInput(n.text("text"), n.text("author"), n.time("created"), n.time("modified"))
            for n in r.objects("notes", _NOTE)
        ),
        relations=tuple(
            RelationInput(n.choice("type", RelationType), n.text("target", required=True))
            for n in r.objects("relations", _RELATION)
        ),
        attachments=tuple(
            AttachmentInput(
                n.text("path", required=True), n.text("role"), n.text("language"), n.text("sha256")
            )
            for n in r.objects("attachments", _ATTACHMENT)
        ),
        uid=r.text("uid").strip() or None,
        edtf=edtf,
        created=r.time("created"),
        modified=r.time("modified"),
        line=ctx.line,
    )


class NativeJsonImporter:
    """Reads native JSON (or a bare array of record objects), streaming.

    Attributes:
        ignored_fields: after a read, the fields found in records that Catalog does not
            know (nested ones as ``notes.colour``), sorted.
    """

    name = "json"
    label = "Catalog JSON (native, lossless)"

    def __init__(self) -> None:
        self.ignored_fields: list[str] = []

    def sniff(self, head: bytes, path: Path) -> bool:
        """True for an object with ``"format": "catalog"`` or an array of titled objects."""
        text = head.decode("utf-8", errors="ignore").lstrip("\ufeff \t\r\n")
        if text.startswith("{"):
            return _FORMAT_KEY.search(text) is not None
        if not text.startswith("["):
            return False
        try:
            first, _ = json.JSONDecoder().raw_decode(text, _skip(text, 1))
        except (ValueError, RecursionError):
            return _TITLE_KEY.match(text) is not None
        return isinstance(first, dict) and "title" in first

    def read(self, path: Path) -> Iterator[RecordInput]:
        """Parse the file, yielding records in file order."""
        self.ignored_fields = []
        name = str(path)
        ignored: set[str] = set()
        uids: set[str] = set()
        try:
            handle = path.open("rb")
        except OSError as error:
            raise ImportFileError(name, f"cannot read the file: {error.strerror}") from None
        with handle:
            for number, line, value, careful in _Reader(handle, name).items():
                record = record_input(value, _Context(name, number, line, ignored, careful))
                if record.uid is not None:
                    if record.uid in uids:
                        message = (
                            f"record {number} repeats the uid {record.uid} of an earlier record"
                        )
                        raise ImportFileError(name, message, line)
                    uids.add(record.uid)
                yield record
        self.ignored_fields = sorted(ignored)
