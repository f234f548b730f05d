"""Importing other systems' files (CSV, XLSX, JSON, XML) through a column mapping.

Catalog's own CSV and JSON have importers of their own, tried first; these read what
other systems export. With no mapping, the file's names map themselves (``auto_mapping``)
and a file whose names include nothing like a title is refused with the list of its
columns, so the user can map them. After a read, ``ignored`` lists the source names no
field used and ``warnings`` what was read only in part. NUL characters and lone
surrogates inside values (damage in real exports, never meaning) are removed with a
warning; a header holding NUL bytes is not text and is refused.

Memory: CSV, XLSX (openpyxl read-only), XML and JSON arrays stream; a JSON file that is
one record object is read whole (up to ``mapped_sources.MAX_JSON_BYTES``).
"""

from __future__ import annotations

import codecs
import csv
import re
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Literal

from catalog.domain.errors import ImportFileError, Notice, Word
from catalog.domain.records import (
    AnnotationInput,
    AuthorityKind,
    NameLink,
    RecordInput,
    RelationInput,
    RelationType,
    Role,
)
from catalog.domain.wording import QT_TRANSLATE_NOOP
from catalog.services.transfer import mapped_sources as sources
from catalog.services.transfer.mapping import LIST_FIELDS, Mapping, auto_mapping

Kind = Literal["csv", "xlsx", "json", "xml"]
NAMES: dict[Kind, str] = {
    "csv": "mapped-csv",
    "xlsx": "xlsx",
    "json": "mapped-json",
    "xml": "mapped-xml",
}
LABELS: dict[Kind, str] = {
    "csv": QT_TRANSLATE_NOOP("Formats", "CSV from another system (mapped columns)"),
    "xlsx": QT_TRANSLATE_NOOP("Formats", "Excel workbook (XLSX, mapped columns)"),
    "json": QT_TRANSLATE_NOOP("Formats", "JSON from another system (mapped keys)"),
    "xml": QT_TRANSLATE_NOOP("Formats", "XML from another system (one element per record)"),
}
_UID_ROOT = uuid.UUID("6f1d3a52-8c1e-5b7a-9d0e-2f4c6b8a1e37")  # Catalog's mapped-id space
_NAME_FIELDS: dict[str, tuple[AuthorityKind, Role]] = {
    "authors": (AuthorityKind.PERSON, Role.AUTHOR),
    "recipients": (AuthorityKind.PERSON, Role.RECIPIENT),
    "people": (AuthorityKind.PERSON, Role.MENTIONED),
    "organisations": (AuthorityKind.ORGANISATION, Role.MENTIONED),
    "places": (AuthorityKind.PLACE, Role.MENTIONED),
    "subjects": (AuthorityKind.SUBJECT, Role.SUBJECT),
}
_XML_TAG = re.compile(rb"<([A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)")
_JSON_KEY = re.compile(rb'"([^"\\]{1,100})"\s*:')


def uid_for(value: str, namespace: str) -> str:
    """The stable uid of a source id: the id itself when it is a UUID, else a uuid5."""
    try:
        return str(uuid.UUID(value))
    except ValueError:
        return str(uuid.uuid5(uuid.uuid5(_UID_ROOT, namespace), value))


def guess_kind(head: bytes) -> Kind:
    """The mapped kind a file's first bytes suggest (XLSX, JSON, XML, else CSV)."""
    if head.startswith(b"PK\x03\x04"):
        return "xlsx"
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if text.startswith((b"{", b"[")):
        return "json"
    if text.startswith(b"<"):
        return "xml"
    return "csv"


def kind_for(path: Path, format_name: str | None = None) -> Kind:
    """The kind to read ``path`` as: from a format name (``xlsx``, ``mapped-csv``, ``csv``
    ...) when given, else from the file's first bytes."""
    if format_name:
        for kind, name in NAMES.items():
            if format_name in (kind, name):
                return kind
        known = ", ".join(NAMES.values())
        raise ImportFileError(
            str(path),
            QT_TRANSLATE_NOOP("Errors", "a mapping reads only these formats: {known}"),
            known=known,
        )
    try:
        with path.open("rb") as handle:
            return guess_kind(handle.read(64))
    except OSError as error:
        raise ImportFileError.unreadable(str(path), error) from None


class MappedImporter:
    """Reads another system's file of one kind, through a mapping or an automatic one.

    Attributes:
        ignored: after a read, the source names no field used, in file order.
        warnings: after a read, what was read only in part (several values where one is
            kept, mapped sources missing from the file).
    """

    def __init__(self, mapping: Mapping | None = None, kind: Kind = "csv") -> None:
        self.mapping = mapping
        self.kind: Kind = kind
        self.name = NAMES[kind]
        self.label = LABELS[kind]
        self.ignored: list[str] = []
        self.warnings: list[str] = []

    def sniff(self, head: bytes, path: Path) -> bool:
        """True when the file is of this kind and (unless mapped) names a title."""
        if self.kind == "xlsx":
            return head.startswith(b"PK\x03\x04") and b"[Content_Types].xml" in head
        if guess_kind(head) != self.kind:
            return False
        if self.mapping is not None:
            return True
        return auto_mapping(_head_names(head, self.kind)).has_title()

    def read(self, path: Path) -> Iterator[RecordInput]:
        """Parse the file, yielding records in file order."""
        self.ignored, self.warnings = [], []
        mapping = self.mapping
        seen: list[str] = []
        warned: set[str] = set()
        namespace = (mapping.id_namespace if mapping else None) or path.stem
        for number, row in enumerate(self._rows(path, mapping), 1):
            new = [n for n in row.names if n not in seen]
            if new:
                seen.extend(new)
                if self.mapping is None:
                    mapping = auto_mapping(seen)
            if mapping is None or not mapping.has_title():
                none = Word("Errors", QT_TRANSLATE_NOOP("Errors", "none"))
                raise ImportFileError(
                    str(path),
                    QT_TRANSLATE_NOOP(
                        "Errors",
                        "no column, key or element is named like a title (found: {columns}); "
                        "choose a mapping",
                    ),
                    row.header_line or row.line,
                    columns=", ".join(seen) or none,
                )
            if number == 1 and self.mapping is not None:
                self._check_sources(mapping, row, path)
            yield _record(mapping, row, _Where(path, number, row.line, namespace), warned)
            for source in warned - set(self.warnings):
                self.warnings.append(source)
        if mapping is not None:
            self.ignored = mapping.unmapped(seen)

    def _rows(self, path: Path, mapping: Mapping | None) -> Iterator[sources.SourceRow]:
        record_path = mapping.record_path if mapping else None
        if self.kind == "csv":
            return sources.csv_rows(path, mapping.encoding if mapping else None)
        if self.kind == "xlsx":
            return sources.xlsx_rows(path)
        if self.kind == "json":
            return sources.json_rows(path, record_path)
        return sources.xml_rows(path, record_path)

    def _check_sources(self, mapping: Mapping, row: sources.SourceRow, path: Path) -> None:
        """Columns a saved mapping names that a CSV or XLSX header lacks: warned, or fatal
        for the title."""
        if self.kind not in ("csv", "xlsx"):
            return
        missing = [s for s in mapping.sources if s not in row.cells]
        titles = [f.source for f in mapping.fields if f.field == "title"]
        if all(s in missing for s in titles):
            raise ImportFileError(
                str(path),
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "the mapping's title column {column} is not in the file (columns: {columns})",
                ),
                row.header_line,
                column=repr(titles[0]),
                columns=", ".join(row.names),
            )
        if missing:
            absent = QT_TRANSLATE_NOOP(
                "Errors", "columns of the mapping not in the file: {columns}"
            )
            self.warnings.append(Notice(absent, columns=", ".join(missing)))


class _Where:
    """A record's place in its file, and the namespace of its ids."""

    def __init__(self, path: Path, number: int, line: int | None, namespace: str) -> None:
        self.path, self.number, self.line, self.namespace = path, number, line, namespace


def _record(
    mapping: Mapping, row: sources.SourceRow, where: _Where, warned: set[str]
) -> RecordInput:
    empty = set(mapping.empty_values)
    values: dict[str, list[list[str]]] = {}  # each source's values, by field
    for f in mapping.fields:
        found: list[str] = []
        for cell in row.cells.get(f.source, []):
            if "\x00" in cell or not cell.isascii():
                cell = _clean(cell, f.source, warned)
            parts = cell.split(f.separator) if f.separator else [cell]
            found.extend(p.strip() for p in parts if p.strip() and p.strip() not in empty)
        if not found:
            continue
        if f.field not in LIST_FIELDS and len(found) > 1:
            first = QT_TRANSLATE_NOOP(
                "Errors", "{column}: only the first of several values is kept as the {field}"
            )
            warned.add(Notice(first, column=f.source, field=f.field))
            found = found[:1]
        values.setdefault(f.field, []).append([f.prefix + v for v in found])
    title = one(values, "title")
    if not title:
        sources_ = ", ".join(repr(f.source) for f in mapping.fields if f.field == "title")
        raise ImportFileError(
            str(where.path),
            QT_TRANSLATE_NOOP("Errors", "record {number} has no title ({sources} empty)"),
            where.line,
            number=where.number,
            sources=sources_,
        )

    def many(name: str) -> tuple[str, ...]:
        return tuple(dict.fromkeys(v for group in values.get(name, []) for v in group))

    names = [
        NameLink(kind, name, role)
        for column, (kind, role) in _NAME_FIELDS.items()
        for name in many(column)
    ]
    ids = one(values, "id")
    return RecordInput(
        title=title,
        date_text="/".join(dict.fromkeys(group[0] for group in values.get("date", [])[:2])),
        summary=one(values, "summary"),
        doc_type=one(values, "type"),
        languages=many("languages"),
        archive=one(values, "archive"),
        source_ref=one(values, "source_ref"),
        classification=one(values, "classification"),
        collections=many("collections"),
        names=tuple(names),
        tags=many("tags"),
        notes=tuple(AnnotationInput(text) for group in values.get("notes", []) for text in group),
        relations=tuple(
            RelationInput(RelationType.PART_OF, uid_for(p, where.namespace)) for p in many("parent")
        ),
        uid=uid_for(ids, where.namespace) if ids else None,
        line=where.line,
    )


def _clean(value: str, source: str, warned: set[str]) -> str:
    """The value without NUL characters or lone surrogates (damage, never meaning)."""
    if "\x00" in value:
        warned.add(
            Notice(
                QT_TRANSLATE_NOOP("Errors", "{column}: NUL characters were removed"), column=source
            )
        )
        value = value.replace("\x00", "")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        replaced = QT_TRANSLATE_NOOP(
            "Errors", "{column}: invalid characters (lone surrogates) were replaced"
        )
        warned.add(Notice(replaced, column=source))
        value = value.encode("utf-8", "replace").decode("utf-8")
    return value


def one(values: dict[str, list[list[str]]], name: str) -> str:
    """A single field's value: the first value of the first source that has one."""
    groups = values.get(name, [])
    return groups[0][0] if groups else ""


def _head_names(head: bytes, kind: Kind) -> list[str]:
    """The names the first bytes of a file offer: header cells, JSON keys, XML tags."""
    if kind == "json":
        return [m.group(1).decode("utf-8", "replace") for m in _JSON_KEY.finditer(head)]
    if kind == "xml":
        return [m.group(2).decode("utf-8", "replace") for m in _XML_TAG.finditer(head)]
    for mark, codec in ((codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if head.startswith(mark):
            text = head[: len(head) // 2 * 2].decode(codec, errors="replace")
            break
    else:
        text = head.removeprefix(codecs.BOM_UTF8).decode("utf-8", errors="replace")
    first = text.splitlines()[0] if text.strip() else ""
    try:
        return next(csv.reader([first], delimiter=sources.delimiter(first)), [])
    except csv.Error:
        return []


def source_names(
    path: Path,
    kind: Kind,
    encoding: str | None = None,
    record_path: str | None = None,
    rows: int = 200,
) -> list[str]:
    """The sources a mapping can use, in file order: CSV and XLSX columns, JSON keys and
    dotted paths, XML child elements and ``child/@attr`` paths of the record element.

    Read from the first ``rows`` records (later ones rarely add names); a record that
    cannot be read ends the list (the plan reports it). ImportFileError when no name can
    be read (a CSV whose encoding is unsure and not given, a file of another kind).
    """
    names: dict[str, None] = {}
    reader = MappedImporter(Mapping((), encoding=encoding, record_path=record_path), kind)
    try:
        for number, row in enumerate(reader._rows(path, reader.mapping), 1):
            names.update(dict.fromkeys(row.names))
            names.update(dict.fromkeys(row.cells))
            if number >= rows:
                break
    except ImportFileError:
        if not names:
            raise
    return list(names)


def importers() -> list[MappedImporter]:
    """The mapped importers, in the order detection should try them (after the native ones)."""
    return [MappedImporter(None, kind) for kind in ("xlsx", "csv", "json", "xml")]
