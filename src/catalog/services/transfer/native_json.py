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
from collections.abc import Callable, Iterable, Sequence
from datetime import UTC, datetime
from pathlib import Path

from catalog.domain.errors import ExportError
from catalog.domain.records import RecordDetail
from catalog.domain.wording import QT_TRANSLATE_NOOP
from catalog.services.transfer.export_options import EVERY_EXTRA, Extra
from catalog.services.transfer.native_json_fields import (
    MAX_TITLE,
    bad_text,
    parse_timestamp,
    record_input,
)
from catalog.services.transfer.native_json_import import (
    FORMAT,
    MAX_RECORD_CHARS,
    VERSION,
    NativeJsonImporter,
)
from catalog.store.export_reads import (
    EVERY_PART,
    Attachment,
    ExportRecord,
    Link,
    Note,
    Part,
    iso_stored,
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


# ----------------------------------------------------------------------------- fast export

# How json.dumps(..., ensure_ascii=False) writes a string: the very function it calls.
_encode: Callable[[str], str] = json.encoder.encode_basestring
_CACHED = 100_000  # authority links whose JSON text a writer keeps


def _text(value: object) -> str:
    """A value as json.dumps writes it (strings the quick way)."""
    if value.__class__ is str:
        return _encode(value)
    return json.dumps(value, ensure_ascii=False, allow_nan=False)


def _texts(values: Sequence[str]) -> str:
    """A list of strings as json.dumps writes it."""
    return "[" + ", ".join(map(_text, values)) + "]" if values else "[]"


class _FastLines:
    """Writes the text ``json.dumps(record_object(record), ...)`` would, from an
    ``ExportRecord``, piece by piece: json.dumps writes a dict's items in order as
    ``"key": value`` joined by ", ", a list's as its values joined by ", ", and strings as
    ``encode_basestring`` writes them. A linked authority's text is kept, for the same
    authorities come back record after record.

    The record's own text columns are never NULL (the schema says so), so they go
    straight to ``encode_basestring``.
    """

    def __init__(self) -> None:
        self._names: dict[Link, str] = {}

    def _name_texts(self, names: Sequence[Link]) -> str:
        """The texts of ``names``, joined: what ``line`` writes when one is not kept yet."""
        cache = self._names
        if len(cache) >= _CACHED:
            cache.clear()
        for link in names:
            if link not in cache:
                kind, name, role, variants = link
                cache[link] = (
                    f'{{"kind": {_text(kind)}, "name": {_text(name)}, "role": {_text(role)},'
                    f' "variants": {_texts(variants)}}}'
                )
        return ", ".join(map(cache.__getitem__, names))

    def line(self, record: ExportRecord) -> str:
        """The record's line of the file (without the separator)."""
        enc = _encode
        edtf = record.date_edtf
        languages = record.languages
        collections = record.collections
        names = record.names
        tags = record.tags
        notes = record.notes
        relations = record.relations
        attachments = record.attachments
        created = iso_stored(record.created)
        modified = created if record.modified == record.created else iso_stored(record.modified)
        if names:
            try:
                names_text = ", ".join(map(self._names.__getitem__, names))
            except KeyError:
                names_text = self._name_texts(names)
        else:
            names_text = ""
        return (
            f'{{"uid": {enc(record.uid)}, "title": {enc(record.title)},'
            f' "date": {{"text": {enc(record.date_text)},'
            f' "edtf": {"null" if edtf is None else enc(edtf)},'
            f' "approximate": {"true" if record.date_approximate else "false"},'
            f' "uncertain": {"true" if record.date_uncertain else "false"}}},'
            f' "summary": {enc(record.summary)}, "doc_type": {enc(record.doc_type)},'
            f' "languages": [{", ".join(map(enc, languages)) if languages else ""}],'
            f' "archive": {enc(record.archive)}, "source_ref": {enc(record.source_ref)},'
            f' "classification": {enc(record.classification)},'
            f' "collections": [{", ".join(map(enc, collections)) if collections else ""}],'
            f' "names": [{names_text}],'
            f' "tags": [{", ".join(map(enc, tags)) if tags else ""}],'
            f' "notes": [{_notes(notes) if notes else ""}],'
            f' "relations": [{_relations(relations) if relations else ""}],'
            f' "attachments": [{_attachments(attachments) if attachments else ""}],'
            f' "created": {enc(created)}, "modified": {enc(modified)}}}'
        )


def _notes(notes: Sequence[Note]) -> str:
    return ", ".join(
        f'{{"text": {_text(text)}, "author": {_text(author)},'
        f' "created": {_text(iso_stored(created))}, "modified": {_text(iso_stored(modified))}}}'
        for text, author, created, modified in notes
    )


def _relations(relations: Sequence[tuple[str, str]]) -> str:
    return ", ".join(
        f'{{"type": {_text(kind)}, "target": {_text(uid)}}}' for kind, uid in relations
    )


def _attachments(attachments: Sequence[Attachment]) -> str:
    return ", ".join(
        f'{{"path": {_text(path)}, "role": {_text(role)},'
        f' "language": {_text(language)}, "sha256": {_text(sha256)}}}'
        for path, role, language, sha256 in attachments
    )


def first_unencodable(batch: Sequence[ExportRecord], lines: Sequence[str]) -> str:
    """The uid of the first record whose line UTF-8 cannot write ("" if none)."""
    for record, line in zip(batch, lines, strict=True):
        try:
            line.encode("utf-8")
        except UnicodeEncodeError:
            return record.uid
    return ""


def _header() -> str:
    now = format_timestamp(datetime.now(UTC))
    header = {"format": FORMAT, "version": VERSION, "exported": now}
    return json.dumps(header, ensure_ascii=False)[:-1] + ', "records": ['


class NativeJsonExporter:
    """Writes records as native JSON, one record object per line."""

    name = "json"
    label = QT_TRANSLATE_NOOP("Formats", "Catalog JSON (native, lossless)")
    suffix = ".json"
    carries: frozenset[Extra] = EVERY_EXTRA
    reads: frozenset[Part] = EVERY_PART

    def write_batches(self, batches: Iterable[Sequence[ExportRecord]], out: Path) -> int:
        """Write every record to ``out``, a batch at a time; return how many were written.

        The file is byte for byte what ``write`` makes of the same records as
        ``RecordDetail``s (but for the time in ``exported``).
        """
        count = 0
        lines = _FastLines()
        try:
            with out.open("w", encoding="utf-8", newline="\n") as handle:
                handle.write(_header())
                for batch in batches:
                    texts = [lines.line(record) for record in batch]
                    if not texts:
                        continue
                    chunk = ("\n" if count == 0 else ",\n") + ",\n".join(texts)
                    try:
                        handle.write(chunk)
                    except UnicodeEncodeError:
                        uid = first_unencodable(batch, texts)
                        raise ExportError.not_unicode(uid) from None
                    count += len(texts)
                handle.write("\n]}\n")
        except OSError as error:
            raise ExportError.cannot_write(out, error) from None
        return count

    def write(self, records: Iterable[RecordDetail], out: Path) -> int:
        """Write every record to ``out``; return how many were written."""
        count = 0
        uid = ""
        try:
            with out.open("w", encoding="utf-8", newline="\n") as handle:
                handle.write(_header())
                for record in records:
                    uid = record.uid
                    line = json.dumps(record_object(record), ensure_ascii=False, allow_nan=False)
                    handle.write(("\n" if count == 0 else ",\n") + line)
                    count += 1
                handle.write("\n]}\n")
        except UnicodeEncodeError:
            raise ExportError.not_unicode(uid) from None
        except OSError as error:
            raise ExportError.cannot_write(out, error) from None
        return count
