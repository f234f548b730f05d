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

import json
import re
from collections.abc import Iterable, Iterator, Mapping
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from catalog.domain.errors import ExportError, ImportFileError
from catalog.domain.records import RecordDetail, RecordInput
from catalog.domain.wording import QT_TRANSLATE_NOOP
from catalog.services.transfer.export_options import EVERY_EXTRA, Extra
from catalog.services.transfer.json_stream import (
    CHUNK_SIZE,
    JsonArrayReader,
    short_repr,
    skip_whitespace,
)
from catalog.services.transfer.native_json_fields import (
    MAX_TITLE,
    RecordContext,
    bad_text,
    parse_timestamp,
    record_input,
)

__all__ = [
    "FORMAT",
    "MAX_RECORD_CHARS",
    "MAX_TITLE",
    "VERSION",
    "NativeJsonExporter",
    "NativeJsonImporter",
    "bad_text",
    "format_timestamp",
    "parse_timestamp",
    "record_input",
    "record_object",
]

FORMAT = "catalog"
VERSION = 1

MAX_RECORD_CHARS = 64 * 1024 * 1024
"""The largest single record (or header value), in characters, that the reader buffers."""

_CHUNK = CHUNK_SIZE  # how many bytes the importer reads at a time (tests shrink it)
_FORMAT_KEY = re.compile(r'"format"\s*:\s*"catalog"')
_TITLE_KEY = re.compile(r'^\[\s*\{[^\[\]{}]*?"title"\s*:')


# ----------------------------------------------------------------------------- helpers


def format_timestamp(moment: datetime) -> str:
    """An ISO 8601 UTC timestamp (``2024-05-01T12:00:00.5Z``); a naive time counts as UTC."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).isoformat().replace("+00:00", "Z")


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
    label = QT_TRANSLATE_NOOP("Formats", "Catalog JSON (native, lossless)")
    suffix = ".json"
    carries: frozenset[Extra] = EVERY_EXTRA

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


def _check_header(header: Mapping[str, Any], final: bool) -> str | None:
    """What is wrong with the members of a file's header object read so far, or None."""
    if "format" in header and header["format"] != FORMAT:
        return f'not a Catalog file ("format" is {short_repr(header["format"])})'
    if final and "format" not in header:
        return 'not a Catalog file (no "format": "catalog")'
    version = header.get("version", VERSION)
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        return f"unknown format version {short_repr(version)}"
    if version > VERSION:
        return (
            f"written by a newer Catalog (format version {version}; this Catalog reads "
            f"version {VERSION}): update Catalog to import it"
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
        uids: set[str] = set()
        try:
            handle = path.open("rb")
        except OSError as error:
            raise ImportFileError(name, f"cannot read the file: {error.strerror}") from None
        with handle:
            reader = JsonArrayReader(
                handle,
                name,
                max_value_chars=MAX_RECORD_CHARS,
                chunk_size=_CHUNK,
                check_header=_check_header,
                file_kind="Catalog JSON file",
            )
            for number, line, value, careful in reader.items():
                record = record_input(value, RecordContext(name, number, line, ignored, careful))
                if record.uid is not None:
                    if record.uid in uids:
                        message = (
                            f"record {number} repeats the uid {record.uid} of an earlier record"
                        )
                        raise ImportFileError(name, message, line)
                    uids.add(record.uid)
                yield record
        self.ignored_fields = sorted(ignored)
