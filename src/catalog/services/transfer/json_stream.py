"""Streaming JSON array reader: one element at a time, with line numbers, never the whole file.

The file is either a bare array or an object whose ``array_key`` member holds the array
(the object's other members form a header, checked by a caller's ``HeaderCheck``)::

    reader = JsonArrayReader(handle, "in.json", max_value_chars=2**26, check_header=check)
    for item in reader.items():
        ...  # item.number, item.line, item.value, item.risky_escapes

Every problem raises ``ImportFileError`` naming the file and, where it can, the line.
"""

from __future__ import annotations

import codecs
import json
import re
from collections.abc import Callable, Iterator, Mapping
from typing import Any, BinaryIO, NamedTuple, NoReturn

from catalog.domain.errors import CatalogError, ImportFileError, Word
from catalog.domain.wording import QT_TRANSLATE_NOOP

CHUNK_SIZE = 1024 * 1024
"""How many bytes the reader asks the file for at a time, unless told otherwise."""

HeaderCheck = Callable[[Mapping[str, Any], bool], CatalogError | None]
"""Checks the header members read so far: ``(header, final)`` to an error message or None.

It is called once when the array starts (``final`` False; the array's key maps to None)
and once after the closing ``}`` (``final`` True).
"""

_TAIL = 16  # a token cut at the end of the buffer makes the decoder fail this close to it
_WS = re.compile(r"[ \t\n\r]*")
# The json module's messages that do not say what is wrong on their own.
_PLAIN = {
    "Invalid control character at": QT_TRANSLATE_NOOP(
        "Errors",
        "a control character (a line break, tab or NUL) inside a string, where JSON needs an"
        " escape such as \\n (or a quote is missing)",
    ),
}
_ESCAPES = re.compile(r"\\u(?:0000|[dD][89a-fA-F])")  # how JSON writes a NUL or a surrogate


class ArrayItem(NamedTuple):
    """One element of the array and where it stands in the file."""

    number: int
    """Its position in the array, from 1."""
    line: int
    """The line its text starts on, from 1."""
    value: Any
    """The decoded value (objects with duplicate keys, NaN and Infinity are refused)."""
    risky_escapes: bool
    """Its text holds a ``\\u0000`` or surrogate escape, so a string may hide a NUL or a
    lone surrogate."""


def skip_whitespace(text: str, index: int) -> int:
    """The index of the first character at or after ``index`` that is not JSON white space."""
    found = _WS.match(text, index)
    return index if found is None else found.end()


def short_repr(value: object) -> str:
    """``repr(value)`` cut to at most 40 characters, for error messages."""
    shown = repr(value)
    return shown if len(shown) <= 40 else shown[:37] + "..."


class _RejectedError(CatalogError):
    """Something the JSON decoder's hooks refuse (a template and its values)."""


def _unique_object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) < len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise _RejectedError(
                    QT_TRANSLATE_NOOP("Errors", "duplicate key {key} in an object"),
                    key=short_repr(key),
                )
            seen.add(key)
    return result


def plain_message(message: str) -> str | Word:
    """The json module's message for a decoding error, said so that it stands on its own
    (a message of our own is a :class:`Word`, translated in the window)."""
    plain = _PLAIN.get(message)
    return message if plain is None else Word("Errors", plain)


def _reject_constant(name: str) -> NoReturn:
    raise _RejectedError(
        QT_TRANSLATE_NOOP("Errors", "{name} is not a number JSON allows"), name=name
    )


class JsonArrayReader:
    """Reads a JSON array from a binary file piece by piece, tracking lines.

    Args:
        handle: the file, opened in binary mode; read as UTF-8 (a leading BOM is skipped).
        path: the file's name, for error messages.
        max_value_chars: the largest single value, in characters, the reader buffers; a
            longer one is refused rather than read into memory.
        chunk_size: how many bytes to read at a time (a longer value is read in growing
            pieces, so reading stays linear).
        array_key: the header object's member that holds the array.
        check_header: checks the header object's other members; None accepts any.
        file_kind: what the file should be, for the message when it starts with neither
            ``{`` nor ``[`` (marked in "Errors": the window shows it translated).
    """

    def __init__(
        self,
        handle: BinaryIO,
        path: str,
        *,
        max_value_chars: int,
        chunk_size: int = CHUNK_SIZE,
        array_key: str = "records",
        check_header: HeaderCheck | None = None,
        file_kind: str = QT_TRANSLATE_NOOP("Errors", "JSON file"),
    ) -> None:
        self._handle = handle
        self._path = path
        self._max_value_chars = max_value_chars
        self._chunk_size = chunk_size
        self._array_key = array_key
        self._check_header = check_header
        self._file_kind = file_kind
        self._utf8 = codecs.getincrementaldecoder("utf-8")()
        self._json = json.JSONDecoder(
            object_pairs_hook=_unique_object, parse_constant=_reject_constant
        )
        self._buf = ""
        self._pos = 0
        self._eof = False
        self._line = 1  # the line of _buf[_mark]
        self._mark = 0
        self._byte_lines = 0
        self._started = False
        self._fills = 0  # refills shift the buffer: positions taken before one are stale

    def items(self) -> Iterator[ArrayItem]:
        """Each element of the array in file order, whichever layout the file has.

        Raises ``ImportFileError`` for anything wrong, when the reading gets there: the
        elements before a problem are yielded first.
        """
        first = self._peek()
        if not first:
            self._fail(QT_TRANSLATE_NOOP("Errors", "the file is empty"))
        if first == "[":
            yield from self._array()
        elif first == "{":
            yield from self._object()
        else:
            self._fail(
                QT_TRANSLATE_NOOP("Errors", "not a {kind} (expected '{{' or '[')"),
                self._pos,
                kind=Word("Errors", self._file_kind),
            )
        if self._peek():
            self._fail(
                QT_TRANSLATE_NOOP("Errors", "not valid JSON: more data after the end"), self._pos
            )

    def _fail(self, template: str, index: int | None = None, **values: object) -> NoReturn:
        """Refuse the file at ``index``: ``template`` (marked in "Errors") says why."""
        line = None if index is None else self._line + self._buf.count("\n", self._mark, index)
        raise ImportFileError(self._path, template, line, **values)

    def _fail_in(
        self, number: int | None, index: int | None, template: str, **values: object
    ) -> NoReturn:
        """Refuse the file, naming record ``number`` when the problem is in one."""
        if number is None:
            self._fail(template, index, **values)
        self._fail(
            QT_TRANSLATE_NOOP("Errors", "record {number}: {problem}"),
            index,
            number=number,
            problem=CatalogError(template, **values),
        )

    def _unexpected(self, found: str, template: str, **values: object) -> NoReturn:
        """Refuse what was ``found`` where ``template`` (marked) says what was expected."""
        if not found:
            self._fail(QT_TRANSLATE_NOOP("Errors", "unexpected end of file"), self._pos)
        self._fail(
            QT_TRANSLATE_NOOP("Errors", "not valid JSON: {expected}"),
            self._pos,
            expected=CatalogError(template, **values),
        )

    def _advance(self, index: int) -> int:
        self._line += self._buf.count("\n", self._mark, index)
        self._mark = index
        return self._line

    def _fill(self) -> None:
        self._fills += 1
        self._advance(self._pos)
        self._buf, self._mark, self._pos = self._buf[self._pos :], 0, 0
        try:  # a value that goes on and on is read in growing pieces: linear time
            chunk = self._handle.read(max(self._chunk_size, len(self._buf)))
        except OSError as error:
            raise ImportFileError.unreadable(self._path, error) from None
        try:
            text = self._utf8.decode(chunk, final=not chunk)
        except UnicodeDecodeError as error:
            line = self._byte_lines + error.object[: error.start].count(b"\n") + 1
            raise ImportFileError(
                self._path, QT_TRANSLATE_NOOP("Errors", "the file is not UTF-8 text"), line
            ) from None
        self._byte_lines += chunk.count(b"\n")
        if not self._started and text:
            self._started = True
            text = text.removeprefix("\ufeff")
        self._buf += text
        self._eof = not chunk

    def _peek(self) -> str:
        """Skip white space; the next character, or "" at the end of the file."""
        while True:
            self._pos = skip_whitespace(self._buf, self._pos)
            if self._pos < len(self._buf):
                return self._buf[self._pos]
            if self._eof:
                return ""
            self._fill()

    def _expect(self, wanted: str, what: str) -> None:
        found = self._peek()
        if found != wanted:
            self._unexpected(found, QT_TRANSLATE_NOOP("Errors", "expected {what}"), what=what)
        self._pos += 1

    def _value(self, number: int | None = None) -> Any:
        """Decode the JSON value at the current position (record ``number``, if one)."""
        self._peek()
        while True:
            try:
                value, end = self._json.raw_decode(self._buf, self._pos)
            except json.JSONDecodeError as error:
                cut = error.msg.startswith("Unterminated string")
                if not self._eof and (cut or error.pos >= len(self._buf) - _TAIL):
                    self._more(number)
                    continue
                if cut or error.pos >= len(self._buf.rstrip()):
                    self._fail(
                        QT_TRANSLATE_NOOP(
                            "Errors", "unexpected end of file (is the file cut short?)"
                        ),
                        len(self._buf),
                    )
                self._fail_in(
                    number,
                    error.pos,
                    QT_TRANSLATE_NOOP("Errors", "not valid JSON: {reason}"),
                    reason=plain_message(error.msg),
                )
            except _RejectedError as error:
                self._fail_in(number, self._pos, error.template, **error.values)
            except RecursionError:
                self._fail_in(
                    number, self._pos, QT_TRANSLATE_NOOP("Errors", "the JSON is nested too deeply")
                )
            except ValueError as error:  # a number too long to convert, for instance
                self._fail_in(
                    number,
                    self._pos,
                    QT_TRANSLATE_NOOP("Errors", "not valid JSON: {reason}"),
                    reason=error,
                )
            if end >= len(self._buf) and not self._eof:
                self._more(number)  # a number may go on in the next chunk
                continue
            self._pos = end
            return value

    def _more(self, number: int | None) -> None:
        limit = self._max_value_chars
        if len(self._buf) - self._pos > limit:
            self._fail_in(
                number,
                self._pos,
                QT_TRANSLATE_NOOP("Errors", "a value larger than {limit} MB"),
                limit=limit // 2**20,
            )
        self._fill()

    def _header(self, header: Mapping[str, Any], at: int | None, final: bool) -> None:
        if self._check_header is not None:
            problem = self._check_header(header, final)
            if problem is not None:
                self._fail(problem.template, at, **problem.values)

    def _object(self) -> Iterator[ArrayItem]:
        self._pos += 1
        key_name = self._array_key
        header: dict[str, Any] = {}
        found = self._peek()
        while found != "}":
            if found != '"':
                self._unexpected(
                    found, QT_TRANSLATE_NOOP("Errors", "expected a key in double quotes")
                )
            at = self._pos
            key = self._value()
            if key in header:
                self._fail(
                    QT_TRANSLATE_NOOP("Errors", "duplicate key {key} in an object"),
                    at,
                    key=short_repr(key),
                )
            self._expect(":", "':'")
            if key == key_name:
                header[key] = None
                self._header(header, at, final=False)
                if self._peek() != "[":
                    self._fail(
                        QT_TRANSLATE_NOOP("Errors", '"{key}" must be a list'),
                        self._pos,
                        key=key_name,
                    )
                yield from self._array()
            else:
                header[key] = self._value()
            found = self._peek()
            if found == ",":
                self._pos += 1
                found = self._peek()
            elif found != "}":
                self._unexpected(found, QT_TRANSLATE_NOOP("Errors", "expected ',' or '}'"))
        self._pos += 1
        self._header(header, None, final=True)
        if key_name not in header:
            self._fail(QT_TRANSLATE_NOOP("Errors", 'no "{key}" list in the file'), key=key_name)

    def _array(self) -> Iterator[ArrayItem]:
        self._pos += 1
        number = 0
        found = self._peek()
        while found != "]":
            number += 1
            start, line, fills = self._pos, self._advance(self._pos), self._fills
            value = self._value(number)
            if fills != self._fills:  # the buffer now begins where this record began
                start = 0
            risky = _ESCAPES.search(self._buf, start, self._pos) is not None
            yield ArrayItem(number, line, value, risky)
            found = self._peek()
            if found == ",":
                self._pos += 1
                found = self._peek()
                if found == "]":
                    self._fail(
                        QT_TRANSLATE_NOOP("Errors", "not valid JSON: a ',' before ']'"), self._pos
                    )
            elif found != "]":
                self._unexpected(
                    found,
                    QT_TRANSLATE_NOOP("Errors", "expected ',' or ']' after record {number}"),
                    number=number,
                )
        self._pos += 1
