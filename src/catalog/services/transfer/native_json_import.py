"""Reading native JSON (see ``native_json``), in a module of its own: an import read in a
second process loads this and the record checks, not the exporter's database reads.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from catalog.domain.errors import CatalogError, ImportFileError
from catalog.domain.records import RecordInput
from catalog.domain.wording import QT_TRANSLATE_NOOP
from catalog.services.transfer.json_stream import (
    CHUNK_SIZE,
    ArrayItem,
    JsonArrayReader,
    short_repr,
    skip_whitespace,
)
from catalog.services.transfer.native_json_fields import RecordContext, record_input
from catalog.services.transfer.repeated_uids import RepeatedUids, first_repeat

FORMAT = "catalog"
VERSION = 1

MAX_RECORD_CHARS = 64 * 1024 * 1024
"""The largest single record (or header value), in characters, that the reader buffers."""

_CHUNK = CHUNK_SIZE  # how many bytes the importer reads at a time (tests shrink it)
_FORMAT_KEY = re.compile(r'"format"\s*:\s*"catalog"')
_TITLE_KEY = re.compile(r'^\[\s*\{[^\[\]{}]*?"title"\s*:')


# ----------------------------------------------------------------------------- reading


def _check_header(header: Mapping[str, Any], final: bool) -> CatalogError | None:
    """What is wrong with the members of a file's header object read so far, or None."""
    if "format" in header and header["format"] != FORMAT:
        return CatalogError(
            QT_TRANSLATE_NOOP("Errors", 'not a Catalog file ("format" is {format})'),
            format=short_repr(header["format"]),
        )
    if final and "format" not in header:
        return CatalogError(
            QT_TRANSLATE_NOOP("Errors", 'not a Catalog file (no "format": "catalog")')
        )
    version = header.get("version", VERSION)
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        return CatalogError(
            QT_TRANSLATE_NOOP("Errors", "unknown format version {version}"),
            version=short_repr(version),
        )
    if version > VERSION:
        return CatalogError(
            QT_TRANSLATE_NOOP(
                "Errors",
                "written by a newer Catalog (format version {version}; this Catalog reads "
                "version {ours}): update Catalog to import it",
            ),
            version=version,
            ours=VERSION,
        )
    return None


class NativeJsonImporter:
    """Reads native JSON (or a bare array of record objects), streaming.

    Attributes:
        ignored_fields: after a read, the fields found in records that Catalog does not
            know (nested ones as ``notes.colour``), sorted.
    """

    name = "json"
    label = QT_TRANSLATE_NOOP("Formats", "Catalog JSON (native, lossless)")

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
            first, _ = json.JSONDecoder().raw_decode(text, skip_whitespace(text, 1))
        except (ValueError, RecursionError):
            return _TITLE_KEY.match(text) is not None
        return isinstance(first, dict) and "title" in first

    def read(self, path: Path) -> Iterator[RecordInput]:
        """Parse the file, yielding records in file order."""
        self.ignored_fields = []
        name = str(path)
        ignored: set[str] = set()
        uids = RepeatedUids()
        for number, line, value, careful in _values(path):
            record = record_input(value, RecordContext(name, number, line, ignored, careful))
            uids.add(record.uid)
            yield record
        self.ignored_fields = sorted(ignored)
        suspects = uids.suspects()
        if not suspects:
            return
        # Read the suspects' uids again: refuse only a uid given twice.
        lines: dict[int, int] = {}
        again: list[tuple[int, str | None]] = []
        for number, line, value, careful in _values(path):
            if number in suspects:
                lines[number] = line
                context = RecordContext(name, number, line, set(), careful)
                again.append((number, record_input(value, context).uid))
        repeat = first_repeat(again)
        if repeat is not None:
            number, uid = repeat
            raise ImportFileError(
                name,
                QT_TRANSLATE_NOOP(
                    "Errors", "record {number} repeats the uid {uid} of an earlier record"
                ),
                lines[number],
                number=number,
                uid=uid,
            )


def _values(path: Path) -> Iterator[ArrayItem]:
    """The file's records as JSON values: (number, line, value, careful)."""
    try:
        handle = path.open("rb")
    except OSError as error:
        raise ImportFileError.unreadable(str(path), error) from None
    with handle:
        reader = JsonArrayReader(
            handle,
            str(path),
            max_value_chars=MAX_RECORD_CHARS,
            chunk_size=_CHUNK,
            check_header=_check_header,
            file_kind=QT_TRANSLATE_NOOP("Errors", "Catalog JSON file"),
        )
        yield from reader.items()
