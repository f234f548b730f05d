"""CSL-JSON: records as citation items, for Zotero and other citation tools.

The file is a JSON array with one item per line. Every item has the CSL type
``manuscript`` (the type Zotero and CSL styles use for archival documents, and one every
style cites in its bibliography; the document type goes into ``genre`` instead, because
``personal_communication``, the obvious type for a letter, is left out of the
bibliography by author-date styles such as APA). Fields:

=====================  ==================================================================
``id``                 the record's uid
``title``              the title
``issued``             ``date-parts`` as far as the date is known (``[[1959, 10]]``; an
                       interval has its start and end), ``"circa": true`` for an
                       approximate date; a date known less exactly than a year, or not
                       understood, as ``{"literal": text}``; left out when undated
``abstract``           the summary
``genre``              the document type
``archive``            the original archive
``archive_location``   the source reference (fond, opis, delo, list ...)
``language``           the languages, joined with ", "
``author``             persons and organisations with the role author, as literal names
``recipient``          persons and organisations with the role recipient
``keyword``            subjects, then tags, joined with ", "
``note``               the classification
=====================  ==================================================================

Empty fields are left out. The output validates against the CSL ``csl-data.json`` schema.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from catalog.domain.dates import PartialDate, Precision, date_parts, parse_edtf
from catalog.domain.errors import ExportError
from catalog.domain.records import AuthorityKind, RecordDetail, Role
from catalog.domain.wording import QT_TRANSLATE_NOOP
from catalog.services.transfer.export_options import Extra
from catalog.services.transfer.native_json import first_unencodable
from catalog.store.export_reads import ExportRecord, Link, Part

CSL_TYPE = "manuscript"
_OPEN_ENDS = ("", "..")
_NAMED = (AuthorityKind.PERSON, AuthorityKind.ORGANISATION)


def issued(date: PartialDate) -> dict[str, object] | None:
    """The CSL date of a record's date, or None when there is nothing to say."""
    start = date_parts(date)
    if start is None:
        literal = date.text.strip() or (date.edtf or "")
        if not any(char.isalnum() and char != "X" for char in literal):
            return None  # no text, and an EDTF such as XXXX that says nothing
        return {"literal": literal}
    parts: list[list[int]] = [start]
    if date.edtf is not None and "/" in date.edtf:
        end_edtf = date.edtf.split("/", 1)[1]
        end = None if end_edtf in _OPEN_ENDS else date_parts(parse_edtf(end_edtf))
        if end is not None:
            parts.append(end)
    result: dict[str, object] = {"date-parts": parts}
    if date.approximate:
        result["circa"] = True
    return result


def csl_item(record: RecordDetail) -> dict[str, object]:
    """A record as one CSL-JSON item."""
    item: dict[str, object] = {"id": record.uid, "type": CSL_TYPE, "title": record.title}
    date = issued(record.date)
    if date is not None:
        item["issued"] = date
    subjects = [a.name for a in record.authorities if a.kind is AuthorityKind.SUBJECT]
    texts = {
        "abstract": record.summary,
        "genre": record.doc_type,
        "archive": record.archive,
        "archive_location": record.source_ref,
        "language": ", ".join(v for v in record.languages if v.strip()),
        "keyword": ", ".join(v for v in (*subjects, *record.tags) if v.strip()),
        "note": record.classification,
    }
    item.update((key, value) for key, value in texts.items() if value.strip())
    for key, role in (("author", Role.AUTHOR), ("recipient", Role.RECIPIENT)):
        names = [
            {"literal": a.name}
            for a in record.authorities
            if a.role is role and a.kind in _NAMED and a.name.strip()
        ]
        if names:
            item[key] = names
    return item


# ----------------------------------------------------------------------------- fast export

_CACHED = 65_536  # dates, and links, whose CSL text a writer keeps
_SUBJECT = AuthorityKind.SUBJECT.value
_NAMED_KINDS = frozenset(kind.value for kind in _NAMED)
_NOTHING, _SUBJECT_NAME, _AUTHOR, _RECIPIENT = range(4)
_ROLE_PARTS = {Role.AUTHOR.value: _AUTHOR, Role.RECIPIENT.value: _RECIPIENT}
# What json.dumps(..., ensure_ascii=False, allow_nan=False) writes, and how it writes a string.
_dumps = json.JSONEncoder(ensure_ascii=False, allow_nan=False).encode
_encode: Callable[[str], str] = json.encoder.encode_basestring
_TYPE = ', "type": ' + _encode(CSL_TYPE) + ', "title": '

DateColumns = tuple[str, str | None, int | None, int | None, int, bool, bool]


class _FastItems:
    """Writes the text ``json.dumps(csl_item(record), ...)`` would, from ``ExportRecord``s.

    The item is written piece by piece as json.dumps writes a dict (``"key": value``
    joined by ", ", strings as ``encode_basestring`` writes them). A date's CSL form
    depends on its columns alone and a linked authority's part on the link alone, and
    both come back often, so their texts are kept (up to ``_CACHED`` of each).
    """

    def __init__(self) -> None:
        self._dates: dict[DateColumns, str] = {}
        # A link's part in the item (_SUBJECT_NAME, _AUTHOR, _RECIPIENT or _NOTHING) and
        # its text there (the name for a keyword, the JSON of a name object for the rest).
        self._links: dict[Link, tuple[int, str]] = {}

    def _issued(self, record: ExportRecord) -> str:
        """``, "issued": ...`` for the record's date, or "" when it has none."""
        key = (
            record.date_text,
            record.date_edtf,
            record.date_lower,
            record.date_upper,
            record.date_precision,
            bool(record.date_approximate),
            bool(record.date_uncertain),
        )
        text = self._dates.get(key)
        if text is None:
            if len(self._dates) >= _CACHED:
                self._dates.clear()
            date = issued(PartialDate(key[0], key[1], key[2], key[3], Precision(key[4]), *key[5:]))
            text = "" if date is None else ', "issued": ' + _dumps(date)
            self._dates[key] = text
        return text

    def _link(self, link: Link) -> tuple[int, str]:
        kind, name, role, _ = link
        if kind == _SUBJECT:
            return _SUBJECT_NAME, name
        if kind in _NAMED_KINDS and name.strip() and role in _ROLE_PARTS:
            return _ROLE_PARTS[role], '{"literal": ' + _encode(name) + "}"
        return _NOTHING, ""

    def item(self, record: ExportRecord) -> str:
        """The record's CSL-JSON item, as json.dumps writes ``csl_item``'s."""
        enc = _encode
        parts = ['{"id": ', enc(record.uid), _TYPE, enc(record.title), self._issued(record)]
        subjects: list[str] = []
        authors: list[str] = []
        recipients: list[str] = []
        names = record.names
        if names:
            cache = self._links
            try:
                found = list(map(cache.__getitem__, names))
            except KeyError:
                if len(cache) >= _CACHED:
                    cache.clear()
                for link in names:
                    if link not in cache:
                        cache[link] = self._link(link)
                found = list(map(cache.__getitem__, names))
            for part, text in found:
                if part == _SUBJECT_NAME:
                    subjects.append(text)
                elif part == _AUTHOR:
                    authors.append(text)
                elif part == _RECIPIENT:
                    recipients.append(text)
        tags = record.tags
        for key, value in (
            (', "abstract": ', record.summary),
            (', "genre": ', record.doc_type),
            (', "archive": ', record.archive),
            (', "archive_location": ', record.source_ref),
            (', "language": ', ", ".join([v for v in record.languages if v.strip()])),
            (
                ', "keyword": ',
                ", ".join([v for v in (*subjects, *tags) if v.strip()]) if subjects or tags else "",
            ),
            (', "note": ', record.classification),
        ):
            if value and value.strip():
                parts += (key, enc(value))
        if authors:
            parts += (', "author": [', ", ".join(authors), "]")
        if recipients:
            parts += (', "recipient": [', ", ".join(recipients), "]")
        parts.append("}")
        return "".join(parts)


class CslJsonExporter:
    """Writes records as a CSL-JSON array of ``manuscript`` items."""

    name = "csl-json"
    label = QT_TRANSLATE_NOOP("Formats", "CSL-JSON (Zotero, citation tools)")
    suffix = ".json"
    carries: frozenset[Extra] = frozenset()
    reads: frozenset[Part] = frozenset({Part.LANGUAGES, Part.TAGS, Part.NAMES})

    def write_batches(self, batches: Iterable[Sequence[ExportRecord]], out: Path) -> int:
        """Write every record to ``out``, a batch at a time; return how many were written.

        The file is byte for byte what ``write`` makes of the same records as
        ``RecordDetail``s.
        """
        count = 0
        items = _FastItems()
        try:
            with out.open("w", encoding="utf-8", newline="\n") as handle:
                handle.write("[")
                for batch in batches:
                    texts = [items.item(record) for record in batch]
                    if not texts:
                        continue
                    chunk = ("\n" if count == 0 else ",\n") + ",\n".join(texts)
                    try:
                        handle.write(chunk)
                    except UnicodeEncodeError:
                        uid = first_unencodable(batch, texts)
                        raise ExportError.not_unicode(uid) from None
                    count += len(texts)
                handle.write("\n]\n" if count else "]\n")
        except OSError as error:
            raise ExportError.cannot_write(out, error) from None
        return count

    def write(self, records: Iterable[RecordDetail], out: Path) -> int:
        """Write every record to ``out``; return how many were written."""
        count = 0
        uid = ""
        try:
            with out.open("w", encoding="utf-8", newline="\n") as handle:
                handle.write("[")
                for record in records:
                    uid = record.uid
                    line = json.dumps(csl_item(record), ensure_ascii=False, allow_nan=False)
                    handle.write(("\n" if count == 0 else ",\n") + line)
                    count += 1
                handle.write("\n]\n" if count else "]\n")
        except UnicodeEncodeError:
            raise ExportError.not_unicode(uid) from None
        except OSError as error:
            raise ExportError.cannot_write(out, error) from None
        return count
