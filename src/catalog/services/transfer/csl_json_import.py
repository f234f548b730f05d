"""CSL-JSON import: the items Zotero (and other citation tools) export, as records.

The reverse of the ``csl_json`` exporter's mapping, widened to what Zotero writes:

=========================================  ============================================
``title``                                  the title (required)
``issued``                                 the date: ``date-parts`` as ``1959-10``, an
                                           interval as ``1955/1957``, ``circa`` as
                                           ``~``; else ``raw`` or ``literal`` as written
``abstract``                               the summary
``genre``, else ``type``                   the document type (``personal_communication``
                                           reads as "Letter")
``archive``                                the archive
``archive_location``, else
``call-number``                            the source reference
``language``                               the languages (split on ``,`` or ``;``)
``author``, ``recipient``                  persons with those roles ("Family, Given",
                                           or the literal name)
``keyword`` (or ``tags``)                  the tags (split on ``;``, else on ``,``)
``note``                                   a note (Zotero puts its "Extra" field here)
``id``                                     the uid (see ``reference_fields.source_uid``)
=========================================  ============================================

The file is read as a stream (one item in memory at a time) through ``JsonArrayReader``,
which refuses duplicate keys, ``NaN``, nesting too deep and text that is not UTF-8. Fields
Catalog has no place for are listed in ``ignored_fields`` after a read.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any, BinaryIO, NoReturn

from catalog.domain.errors import CatalogError, ImportFileError
from catalog.domain.records import AnnotationInput, AuthorityKind, NameLink, RecordInput, Role
from catalog.domain.wording import QT_TRANSLATE_NOOP
from catalog.services.transfer.json_stream import (
    CHUNK_SIZE,
    JsonArrayReader,
    short_repr,
    skip_whitespace,
)
from catalog.services.transfer.native_json_fields import bad_text, json_kind
from catalog.services.transfer.reference_fields import (
    date_text,
    not_utf8,
    source_uid,
    split_list,
    type_label,
    unique,
    utf16_hint,
)

MAX_ITEM_CHARS = 64 * 1024 * 1024
"""The largest single item, in characters, that the reader buffers."""

KNOWN_FIELDS = frozenset(
    {
        "id", "type", "title", "issued", "abstract", "genre", "archive", "archive_location",
        "archive-location", "call-number", "language", "author", "recipient", "keyword",
        "tags", "note",
    }
)  # fmt: skip
_NATIVE_FIELDS = ("uid", "doc_type", "source_ref", "names")  # only Catalog's own JSON has these
CSL_TYPES = frozenset(
    {
        "article", "article-journal", "article-magazine", "article-newspaper", "bill", "book",
        "broadcast", "chapter", "classic", "collection", "dataset", "document", "entry",
        "entry-dictionary", "entry-encyclopedia", "event", "figure", "graphic", "hearing",
        "interview", "legal_case", "legislation", "manuscript", "map", "motion_picture",
        "musical_score", "pamphlet", "paper-conference", "patent", "performance", "periodical",
        "personal_communication", "post", "post-weblog", "regulation", "report", "review",
        "review-book", "software", "song", "speech", "standard", "thesis", "treaty", "webpage",
    }
)  # fmt: skip
"""The item types of CSL 1.0.2: a first item of another type is not taken for CSL-JSON."""
_CHUNK = CHUNK_SIZE
_KEY = re.compile(r'"([a-z_-]+)"\s*:')
_TYPE = re.compile(r'"type"\s*:\s*"([a-z_-]+)"')


def _not_a_list(header: Mapping[str, Any], final: bool) -> CatalogError:
    return CatalogError(
        QT_TRANSLATE_NOOP("Errors", "not CSL-JSON: the file is an object, not a list of items")
    )


_kind = json_kind


class _Item:
    """One CSL item read field by field; every error names the item and its line."""

    def __init__(self, value: object, path: str, number: int, line: int) -> None:
        self.path, self.number, self.line = path, number, line
        if not isinstance(value, dict):
            self.fail(
                QT_TRANSLATE_NOOP("Errors", "must be an object, not {kind}"), kind=_kind(value)
            )
        self.data: dict[str, Any] = value
        for key in value:
            self.check(
                key, CatalogError(QT_TRANSLATE_NOOP("Errors", "the key {key}"), key=short_repr(key))
            )

    def fail(self, template: str, **values: object) -> NoReturn:
        """Refuse the item: ``template`` (marked in "Errors") and its values say why."""
        raise ImportFileError(
            self.path,
            QT_TRANSLATE_NOOP("Errors", "item {number}: {problem}"),
            self.line,
            number=self.number,
            problem=CatalogError(template, **values),
        )

    def check(self, value: str, what: object) -> str:
        problem = bad_text(value)
        if problem:
            self.fail(
                QT_TRANSLATE_NOOP("Errors", "{what} holds {problem}"), what=what, problem=problem
            )
        return value

    def text(self, key: str) -> str:
        value = self.data.get(key)
        if value is None:
            return ""
        if isinstance(value, bool) or not isinstance(value, str | int | float):
            self.fail(
                QT_TRANSLATE_NOOP("Errors", '"{key}" must be a string, not {kind}'),
                key=key,
                kind=_kind(value),
            )
        return self.check(str(value), f'"{key}"')

    def strings(self, key: str) -> list[str]:
        """A field written as one string, or as a list of strings (or ``{"tag": ...}``)."""
        value = self.data.get(key)
        if value is None:
            return []
        if isinstance(value, str):
            return list(split_list(self.check(value, f'"{key}"')))
        if not isinstance(value, list):
            self.fail(
                QT_TRANSLATE_NOOP("Errors", '"{key}" must be a string or a list, not {kind}'),
                key=key,
                kind=_kind(value),
            )
        found = []
        for entry in value:
            if isinstance(entry, dict) and isinstance(entry.get("tag"), str):
                entry = entry["tag"]
            if not isinstance(entry, str):
                self.fail(
                    QT_TRANSLATE_NOOP("Errors", '"{key}" must hold strings, not {kind}'),
                    key=key,
                    kind=_kind(entry),
                )
            found.append(self.check(entry, f'"{key}"').strip())
        return unique(found)

    def names(self, key: str) -> list[str]:
        value = self.data.get(key)
        if value is None:
            return []
        if not isinstance(value, list):
            self.fail(
                QT_TRANSLATE_NOOP("Errors", '"{key}" must be a list of names, not {kind}'),
                key=key,
                kind=_kind(value),
            )
        return unique(self._name(key, entry) for entry in value)

    def _name(self, key: str, entry: object) -> str:
        if isinstance(entry, str):
            return self.check(entry, f'"{key}"').strip()
        if not isinstance(entry, dict):
            self.fail(
                QT_TRANSLATE_NOOP("Errors", '"{key}" must hold name objects, not {kind}'),
                key=key,
                kind=_kind(entry),
            )
        part = {k: v for k, v in entry.items() if isinstance(v, str)}
        for text in part.values():
            self.check(
                text, CatalogError(QT_TRANSLATE_NOOP("Errors", 'a name in "{key}"'), key=key)
            )
        if part.get("literal", "").strip():
            return part["literal"].strip()
        family = " ".join(
            p.strip()
            for p in (part.get("non-dropping-particle", ""), part.get("family", ""))
            if p.strip()
        )
        given = " ".join(
            p.strip()
            for p in (part.get("given", ""), part.get("dropping-particle", ""))
            if p.strip()
        )
        suffix = part.get("suffix", "").strip()
        name = ", ".join(p for p in (family, given, suffix) if p)
        return name

    def date(self) -> str:
        """The date as text ``parse_date`` reads; a form it does not know is kept as written."""
        value = self.data.get("issued")
        if value is None or isinstance(value, str | int):
            return self.text("issued").strip()
        if not isinstance(value, dict):
            self.fail(
                QT_TRANSLATE_NOOP("Errors", '"issued" must be a date object, not {kind}'),
                kind=_kind(value),
            )
        parts = value.get("date-parts")
        text = _date_parts(parts, value.get("circa")) if parts is not None else None
        if text:
            return text
        for key in ("raw", "literal"):
            raw = value.get(key)
            if isinstance(raw, str | int) and not isinstance(raw, bool) and str(raw).strip():
                return self.check(str(raw), f'"issued" {key}').strip()
        if parts is not None:  # date-parts that are not numbers: keep what they say
            flat = [p for d in _listed(parts) for p in _listed(d)]
            return self.check(" ".join(str(p) for p in flat), '"issued"').strip()[:200]
        return ""


def _listed(value: object) -> list[object]:
    return value if isinstance(value, list) else [value]


def _date_parts(parts: object, circa: object) -> str | None:
    """``[[1959, 10]]`` as ``1959-10``, ``[[1955], [1957]]`` as ``1955/1957``; None when
    the parts are not one or two lists of up to three numbers."""
    if not isinstance(parts, list) or not 1 <= len(parts) <= 2:
        return None
    texts = []
    for date in parts:
        if not isinstance(date, list) or not 1 <= len(date) <= 3:
            return None
        numbers = []
        for part in date:
            if isinstance(part, str) and part.strip().lstrip("-").isdigit():
                part = int(part)
            if isinstance(part, bool) or not isinstance(part, int) or abs(part) > 9999:
                return None
            numbers.append(part)
        texts.append(date_text(numbers))
    if texts[1:] == texts[:1]:
        texts = texts[:1]  # a "range" from a day to itself
    mark = "~" if circa not in (None, False, 0, "") else ""
    return "/".join(text + mark for text in texts)


def item_record(value: object, path: str, number: int, line: int) -> RecordInput:
    """One CSL-JSON item as a record (see the module's description)."""
    item = _Item(value, path, number, line)
    title = item.text("title").strip()
    if not title:
        item.fail(QT_TRANSLATE_NOOP("Errors", 'has no title (a "title" is needed to catalogue it)'))
    names = [NameLink(AuthorityKind.PERSON, n, Role.AUTHOR) for n in item.names("author") if n]
    names += [
        NameLink(AuthorityKind.PERSON, n, Role.RECIPIENT) for n in item.names("recipient") if n
    ]
    location = item.text("archive_location") or item.text("archive-location")
    note = item.text("note").strip()
    source_id = item.text("id")
    return RecordInput(
        title=title,
        date_text=item.date(),
        summary=item.text("abstract").strip(),
        doc_type=item.text("genre").strip() or type_label(item.text("type")),
        languages=split_list(item.text("language")),
        archive=item.text("archive").strip(),
        source_ref=(location or item.text("call-number")).strip(),
        names=tuple(names),
        tags=tuple(unique([*item.strings("keyword"), *item.strings("tags")])),
        notes=(AnnotationInput(note),) if note else (),
        uid=source_uid("csl-json", source_id),
        line=line,
    )


class CslJsonImporter:
    """Reads a CSL-JSON array of items (a Zotero export), streaming.

    Attributes:
        ignored_fields: after a read, the item fields Catalog has no place for, sorted.
    """

    name = "csl-json"
    label = QT_TRANSLATE_NOOP("Formats", "CSL-JSON (Zotero)")

    def __init__(self) -> None:
        self.ignored_fields: list[str] = []

    def sniff(self, head: bytes, path: Path) -> bool:
        """True for an array whose first object has a CSL ``type`` and a ``title`` or ``id``.

        Catalog's own JSON (an object with ``"format": "catalog"``, or records with a
        ``uid`` or ``doc_type``) and other systems' JSON (``"type": "CABLE"``) are left
        to their importers.
        """
        text = head.decode("utf-8", errors="ignore").lstrip("\ufeff \t\r\n")
        if not text.startswith("["):
            return False
        start = skip_whitespace(text, 1)
        try:
            first, _ = json.JSONDecoder().raw_decode(text, start)
        except (ValueError, RecursionError):
            first = _first_keys(text[start:])
        if not isinstance(first, dict) or first.get("type") not in CSL_TYPES:
            return False
        if any(key in first for key in _NATIVE_FIELDS):
            return False
        return "title" in first or "id" in first

    def read(self, path: Path) -> Iterator[RecordInput]:
        """Parse the file, yielding records in file order."""
        self.ignored_fields = []
        name = str(path)
        ignored: set[str] = set()
        ids: dict[str, int] = {}
        try:
            handle = path.open("rb")
        except OSError as error:
            raise ImportFileError.unreadable(name, error) from None
        with handle:
            head = handle.read(4096)
            if utf16_hint(head):
                not_utf8(name, head, 1, "CSL-JSON")
            handle.seek(0)
            reader = JsonArrayReader(
                handle,
                name,
                max_value_chars=MAX_ITEM_CHARS,
                chunk_size=_CHUNK,
                check_header=_not_a_list,
                file_kind=QT_TRANSLATE_NOOP("Errors", "CSL-JSON file (a list of items)"),
            )
            for number, line, value in _items(reader, name, handle):
                record = item_record(value, name, number, line)
                ignored.update(key for key in value if key not in KNOWN_FIELDS)
                source = str(value.get("id", "")).strip()
                if source:
                    if source in ids:
                        raise ImportFileError(
                            name,
                            QT_TRANSLATE_NOOP(
                                "Errors", "item {number} repeats the id {id} of item {first}"
                            ),
                            line,
                            number=number,
                            id=short_repr(source),
                            first=ids[source],
                        )
                    ids[source] = number
                yield record
        self.ignored_fields = sorted(ignored)


def _items(reader: JsonArrayReader, path: str, handle: BinaryIO) -> Iterator[tuple[int, int, Any]]:
    """The reader's items; a file that is not UTF-8 gets a hint at what it is."""
    try:
        for number, line, value, _ in reader.items():
            yield number, line, value
    except ImportFileError as error:
        if not error.reason.startswith("the file is not UTF-8"):
            raise
        handle.seek(0)
        not_utf8(path, handle.read(65536), error.line, "CSL-JSON")


def _first_keys(text: str) -> dict[str, object]:
    """The keys (and the type) that a first object cut short by the sniffing limit has."""
    if not text.startswith("{"):
        return {}
    keys: dict[str, object] = {key: None for key in _KEY.findall(text[:4096])}
    found = _TYPE.search(text[:4096])
    if found:
        keys["type"] = found.group(1)
    return keys
