"""CSV: one row per record, the format spreadsheets open.

The header names these columns, in this order::

    uid, title, date, edtf, summary, type, languages, archive, source_ref, classification,
    collections, authors, recipients, people, organisations, places, subjects, tags, notes,
    relations, created, modified

``date`` is the verbatim text and ``edtf`` its normalised form; ``created`` and
``modified`` are ISO 8601 UTC timestamps. ``authors`` and ``recipients`` are the persons
with those roles, ``people`` every other person; ``organisations``, ``places`` and
``subjects`` are those authorities whatever their role (read back as mentioned, and
subjects as subject). ``notes`` holds the notes' texts, ``relations`` the outgoing links
as ``type:uid``. Variant names, note authors and times, and attachments are not in CSV
(use native JSON for a lossless copy).

Multi-valued cells join their values with ``|``. Inside a value a backslash escapes a
``|``, a backslash, or white space at either end of the value (which the reader would
otherwise trim): ``a\\|b`` is one value ``a|b``. Any other backslash is kept as it is.

Cells that a spreadsheet would run as a formula (starting with ``=``, ``+``, ``-``, ``@``,
a tab or a carriage return) are written with a leading ``'``. So that a round trip is
exact, a value that starts with apostrophes followed by one of those characters gets one
more, and the reader takes exactly one off such cells.

The exporter writes UTF-8 (with a byte-order mark when asked), ``\\r\\n`` line ends and
minimal quoting. The importer reads UTF-8 with or without a byte-order mark and any line
ends; matches column names case-insensitively (through an optional mapping of the
file's names to Catalog's); lists the columns it does not know in ``ignored_columns``
after a read; and rejects, naming the line: a file that is not UTF-8, NUL bytes, a
missing ``title`` column, duplicate columns, rows with more cells than the header, an
unterminated quote, and rows with no title. Blank rows are skipped; short rows are
padded with empty cells.
"""

from __future__ import annotations

import codecs
import csv
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from datetime import datetime
from pathlib import Path
from typing import BinaryIO, NoReturn

from catalog.domain.errors import ExportError, ImportFileError
from catalog.domain.records import (
    AnnotationInput,
    AuthorityKind,
    NameLink,
    RecordDetail,
    RecordInput,
    RelationInput,
    RelationType,
    Role,
)
from catalog.domain.wording import QT_TRANSLATE_NOOP
from catalog.services.transfer.export_options import ExportOptions, Extra
from catalog.services.transfer.native_json import MAX_TITLE, format_timestamp, parse_timestamp
from catalog.store.export_reads import ExportRecord, Link, Part, iso_stored

COLUMNS = (
    "uid", "title", "date", "edtf", "summary", "type", "languages", "archive", "source_ref",
    "classification", "collections", "authors", "recipients", "people", "organisations",
    "places", "subjects", "tags", "notes", "relations", "created", "modified",
)  # fmt: skip
"""The columns the exporter writes, in order, and the ones the importer knows."""

SEPARATOR = "|"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
FIELD_LIMIT = 64 * 1024 * 1024
"""The longest cell, in characters, that the importer reads."""

# Which authorities go in which column, and the kind and role they are read back as.
_NAME_COLUMNS: dict[str, tuple[AuthorityKind, Role]] = {
    "authors": (AuthorityKind.PERSON, Role.AUTHOR),
    "recipients": (AuthorityKind.PERSON, Role.RECIPIENT),
    "people": (AuthorityKind.PERSON, Role.MENTIONED),
    "organisations": (AuthorityKind.ORGANISATION, Role.MENTIONED),
    "places": (AuthorityKind.PLACE, Role.MENTIONED),
    "subjects": (AuthorityKind.SUBJECT, Role.SUBJECT),
}
_LONE_CR = re.compile(rb"(?<=\r)(?!\n)")


# ----------------------------------------------------------------------------- cells


def _needs_guard(value: str) -> bool:
    """True when a spreadsheet would run the cell (or the cell only looks guarded)."""
    return value.lstrip("'").startswith(FORMULA_STARTS)


def neutralise(value: str) -> str:
    """The cell to write for ``value``: formula starts get a leading apostrophe."""
    return "'" + value if _needs_guard(value) else value


def unneutralise(cell: str) -> str:
    """The value a cell written by ``neutralise`` holds."""
    return cell[1:] if cell.startswith("'") and _needs_guard(cell) else cell


def _escape(value: str) -> str:
    body = value.replace("\\", "\\\\").replace(SEPARATOR, "\\" + SEPARATOR)
    core = body.strip()
    if core == body:
        return body
    start = body.index(core) if core else len(body)
    lead, trail = body[:start], body[start + len(core) :]
    return "".join("\\" + c for c in lead) + core + "".join("\\" + c for c in trail)


def join_values(values: Iterable[str]) -> str:
    """Values joined into one cell (empty values are left out)."""
    return SEPARATOR.join(_escape(v) for v in values if v)


def split_values(cell: str) -> tuple[str, ...]:
    """The values of a multi-valued cell (see the module's description)."""
    if "\\" not in cell:
        return tuple(v for v in (part.strip() for part in cell.split(SEPARATOR)) if v)
    items: list[list[tuple[str, bool]]] = [[]]  # characters, and whether escaped
    i = 0
    while i < len(cell):
        char, following = cell[i], cell[i + 1 : i + 2]
        if char == "\\" and following and (following in "\\|" or following.isspace()):
            items[-1].append((following, True))
            i += 2
            continue
        if char == SEPARATOR:
            items.append([])
        else:
            items[-1].append((char, False))
        i += 1
    values = []
    for item in items:
        start, end = 0, len(item)
        while start < end and not item[start][1] and item[start][0].isspace():
            start += 1
        while end > start and not item[end - 1][1] and item[end - 1][0].isspace():
            end -= 1
        value = "".join(char for char, _ in item[start:end])
        if value:
            values.append(value)
    return tuple(values)


# ----------------------------------------------------------------------------- export


def record_row(record: RecordDetail) -> list[str]:
    """A record as its CSV cells, in the order of ``COLUMNS`` (not yet neutralised)."""
    names: dict[str, list[str]] = {column: [] for column in _NAME_COLUMNS}
    for link in record.authorities:
        if link.kind is AuthorityKind.PERSON:
            column = {Role.AUTHOR: "authors", Role.RECIPIENT: "recipients"}.get(link.role, "people")
        else:
            column = {
                AuthorityKind.ORGANISATION: "organisations",
                AuthorityKind.PLACE: "places",
                AuthorityKind.SUBJECT: "subjects",
            }.get(link.kind, "")
        if column:
            names[column].append(link.name)
    relations = (f"{r.type.value}:{r.other_uid}" for r in record.relations if r.outgoing)
    return [
        record.uid,
        record.title,
        record.date.text,
        record.date.edtf or "",
        record.summary,
        record.doc_type,
        join_values(record.languages),
        record.archive,
        record.source_ref,
        record.classification,
        join_values(record.collections),
        *(join_values(names[column]) for column in _NAME_COLUMNS),
        join_values(record.tags),
        join_values(note.text for note in record.annotations),
        join_values(relations),
        format_timestamp(record.created),
        format_timestamp(record.modified),
    ]


# ----------------------------------------------------------------------------- fast rows

# What each column needs read beyond the record's own columns.
_COLUMN_PARTS = {
    "languages": Part.LANGUAGES,
    "collections": Part.COLLECTIONS,
    "tags": Part.TAGS,
    "notes": Part.NOTES,
    "relations": Part.RELATIONS,
    **{column: Part.NAMES for column in _NAME_COLUMNS},
}
_NAME_INDEX = {column: i for i, column in enumerate(_NAME_COLUMNS)}
_GUARDED = frozenset("'" + "".join(FORMULA_STARTS))  # first characters neutralise may change
_CACHED = 100_000  # values whose escaped form a writer keeps (names, vocabulary)


def _link_column(kind: str, role: str) -> int:
    """The name column (an index into ``_NAME_COLUMNS``) of a link, -1 for none: as
    ``record_row`` sorts them."""
    if kind == AuthorityKind.PERSON.value:
        column = {Role.AUTHOR.value: "authors", Role.RECIPIENT.value: "recipients"}.get(
            role, "people"
        )
    else:
        column = {
            AuthorityKind.ORGANISATION.value: "organisations",
            AuthorityKind.PLACE.value: "places",
            AuthorityKind.SUBJECT.value: "subjects",
        }.get(kind, "")
    return _NAME_INDEX.get(column, -1)


class _FastRows:
    """Builds the rows ``record_row`` and ``neutralise`` would, from ``ExportRecord``s.

    The same names and vocabulary values come back record after record, so their
    escaped forms are kept (up to ``_CACHED`` of them); everything else is computed as
    ``record_row`` computes it.
    """

    def __init__(self) -> None:
        self._escaped: dict[str, str] = {}
        # A link's name column (6: none) and escaped name ("" names go to column 6 too).
        self._links: dict[Link, tuple[int, str]] = {}

    def _join(self, values: Sequence[str]) -> str:
        """``join_values(values)``, escaping through the cache."""
        if not values:
            return ""
        cache = self._escaped
        try:
            return SEPARATOR.join([cache[value] for value in values if value])
        except KeyError:
            if len(cache) >= _CACHED:
                cache.clear()
            for value in values:
                if value not in cache:
                    cache[value] = _escape(value)
            return SEPARATOR.join([cache[value] for value in values if value])

    def _names(self, names: Sequence[Link]) -> list[str]:
        """The six name cells of ``record_row``."""
        if not names:
            return ["", "", "", "", "", ""]
        cache = self._links
        try:
            found = list(map(cache.__getitem__, names))
        except KeyError:
            if len(cache) >= _CACHED:
                cache.clear()
            for link in names:
                if link not in cache:
                    column = _link_column(link[0], link[2])
                    escaped = _escape(link[1])
                    cache[link] = (column if column >= 0 and escaped else 6, escaped)
            found = list(map(cache.__getitem__, names))
        cells = ["", "", "", "", "", "", ""]  # a column's values joined as they come
        for column, escaped in found:
            cells[column] = cells[column] + SEPARATOR + escaped if cells[column] else escaped
        return cells[:6]

    def row(self, record: ExportRecord) -> list[str]:
        """The record's cells in the order of ``COLUMNS``, neutralised."""
        notes = record.notes
        relations = record.relations
        created = iso_stored(record.created)
        modified = created if record.modified == record.created else iso_stored(record.modified)
        cells = [
            record.uid,
            record.title,
            record.date_text,
            record.date_edtf or "",
            record.summary,
            record.doc_type,
            self._join(record.languages),
            record.archive,
            record.source_ref,
            record.classification,
            self._join(record.collections),
            *self._names(record.names),
            self._join(record.tags),
            join_values([note[0] for note in notes]) if notes else "",
            join_values([f"{kind}:{uid}" for kind, uid in relations]) if relations else "",
            created,
            modified,
        ]
        return [
            "'" + cell if cell and cell[0] in _GUARDED and _needs_guard(cell) else cell
            for cell in cells
        ]


def column_picker(columns: Sequence[str]) -> Callable[[list[str]], list[str]]:
    """A function taking a full row (in ``COLUMNS`` order) to the cells of ``columns``."""
    if tuple(columns) == COLUMNS:
        return lambda row: row
    positions = [COLUMNS.index(column) for column in columns]
    return lambda row: [row[i] for i in positions]


class CsvExporter:
    """Writes one CSV row per record, formula starts neutralised."""

    name = "csv"
    label = QT_TRANSLATE_NOOP("Formats", "CSV (spreadsheet)")
    suffix = ".csv"
    carries: frozenset[Extra] = frozenset({Extra.NOTES, Extra.RELATIONS})

    def __init__(self, bom: bool = False, columns: tuple[str, ...] = COLUMNS) -> None:
        self.bom = bom
        self.columns = columns

    def configured(self, options: ExportOptions) -> CsvExporter:
        """An exporter writing the chosen columns, with a byte-order mark if asked."""
        return CsvExporter(options.bom, options.columns_from(COLUMNS))

    def write(self, records: Iterable[RecordDetail], out: Path) -> int:
        """Write every record to ``out``; return how many were written."""
        count = 0
        uid = ""
        try:
            encoding = "utf-8-sig" if self.bom else "utf-8"
            with out.open("w", encoding=encoding, newline="") as handle:
                writer = csv.writer(handle, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
                writer.writerow(self.columns)
                pick = column_picker(self.columns)
                for record in records:
                    uid = record.uid
                    writer.writerow([neutralise(cell) for cell in pick(record_row(record))])
                    count += 1
        except UnicodeEncodeError:
            raise ExportError(f"record {uid} holds text that is not valid Unicode") from None
        except OSError as error:
            raise ExportError(f"cannot write {out}: {error.strerror or error}") from None
        return count

    @property
    def reads(self) -> frozenset[Part]:
        """What ``write_batches`` needs read of each record for the chosen columns."""
        return frozenset(_COLUMN_PARTS[c] for c in self.columns if c in _COLUMN_PARTS)

    def write_batches(self, batches: Iterable[Sequence[ExportRecord]], out: Path) -> int:
        """Write every record to ``out``, a batch at a time; return how many were written.

        The file is byte for byte what ``write`` makes of the same records as
        ``RecordDetail``s; each batch is formatted in memory and written in one piece.
        """
        count = 0
        encoding = "utf-8-sig" if self.bom else "utf-8"
        rows = _FastRows()
        pick = column_picker(self.columns)
        try:
            with out.open("w", encoding=encoding, newline="") as handle:
                handle.write(csv_line(list(self.columns)))
                for batch in batches:
                    lines = [csv_line(pick(rows.row(record))) for record in batch]
                    try:
                        handle.write("".join(lines))
                    except UnicodeEncodeError:
                        uid = _first_unencodable(batch, lines, encoding)
                        message = f"record {uid} holds text that is not valid Unicode"
                        raise ExportError(message) from None
                    count += len(lines)
        except OSError as error:
            raise ExportError(f"cannot write {out}: {error.strerror or error}") from None
        return count


def csv_line(cells: list[str]) -> str:
    """The line ``csv.writer(lineterminator="\\r\\n")`` writes for ``cells`` (minimal
    quoting): a cell holding a comma, a double quote, a CR or an LF is quoted, its double
    quotes doubled; a row of one empty cell is written ``""``."""
    if len(cells) == 1 and not cells[0]:
        return '""\r\n'
    return (
        ",".join(
            [
                '"' + cell.replace('"', '""') + '"'
                if "," in cell or '"' in cell or "\n" in cell or "\r" in cell
                else cell
                for cell in cells
            ]
        )
        + "\r\n"
    )


def _first_unencodable(batch: Sequence[ExportRecord], lines: list[str], encoding: str) -> str:
    """The uid of the first record whose line ``encoding`` cannot write."""
    for record, line in zip(batch, lines, strict=True):
        try:
            line.encode(encoding)
        except UnicodeEncodeError:
            return record.uid
    return ""


# ----------------------------------------------------------------------------- import


def _lines(handle: BinaryIO, path: str) -> Iterator[str]:
    """The file's lines as text, any line ends kept, failing on what is not UTF-8 text."""
    number = 0
    for raw in handle:
        for part in _LONE_CR.split(raw) if b"\r" in raw else (raw,):
            if not part:
                continue
            number += 1
            if number == 1 and part.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
                raise ImportFileError(path, "the file is UTF-16 text; save it as UTF-8 CSV", 1)
            try:
                text = part.decode("utf-8")
            except UnicodeDecodeError as error:
                message = f"not UTF-8 text (byte {error.start + 1} of the line)"
                raise ImportFileError(path, message, number) from None
            if "\x00" in text:
                raise ImportFileError(path, "the line holds a NUL character", number)
            yield text.removeprefix("\ufeff") if number == 1 else text


class _Rows:
    """The header and rows of a CSV file with the line where each row starts."""

    def __init__(self, handle: BinaryIO, path: str) -> None:
        self.path = path
        self._reader = csv.reader(_lines(handle, path), strict=True)

    def __iter__(self) -> Iterator[tuple[int, list[str]]]:
        while True:
            line = self._reader.line_num + 1
            try:
                row = next(self._reader)
            except StopIteration:
                return
            except csv.Error as error:
                if "unexpected end of data" in str(error):
                    message = "a quoted cell is never closed (a '\"' is missing)"
                else:
                    message = f"not valid CSV: {error}"
                raise ImportFileError(self.path, message, line) from None
            except OSError as error:
                message = f"cannot read the file: {error.strerror}"
                raise ImportFileError(self.path, message) from None
            yield line, row


class CsvImporter:
    """Reads one record per CSV row, streaming.

    Args:
        mapping: the file's column names (any case) mapped to Catalog's (``COLUMNS``),
            for files whose header uses other names.

    Attributes:
        ignored_columns: after a read, the header names that were not used, in file order.
    """

    name = "csv"
    label = QT_TRANSLATE_NOOP("Formats", "CSV (spreadsheet)")

    def __init__(self, mapping: Mapping[str, str] | None = None) -> None:
        self.mapping = {k.strip().casefold(): v for k, v in (mapping or {}).items()}
        self.ignored_columns: list[str] = []

    def _column(self, name: str) -> str:
        key = name.strip().casefold()
        return self.mapping.get(key, key)

    def sniff(self, head: bytes, path: Path) -> bool:
        """True when the first line is the header of Catalog's own CSV (``uid`` and
        ``title`` columns); other systems' spreadsheets go through a column mapping."""
        text = head.removeprefix(codecs.BOM_UTF8).decode("utf-8", errors="replace")
        first = text.splitlines()[0] if text.strip() else ""
        try:
            cells = {self._column(cell) for cell in next(csv.reader([first]), [])}
        except csv.Error:
            return False
        return {"uid", "title"} <= cells

    def read(self, path: Path) -> Iterator[RecordInput]:
        """Parse the file, yielding records in file order."""
        self.ignored_columns = []
        name = str(path)
        csv.field_size_limit(max(csv.field_size_limit(), FIELD_LIMIT))
        try:
            handle = path.open("rb")
        except OSError as error:
            raise ImportFileError(name, f"cannot read the file: {error.strerror}") from None
        with handle:
            rows = iter(_Rows(handle, name))
            # The first row with text is the header: white space alone is as empty as nothing.
            filled = ((n, r) for n, r in rows if any(cell.strip() for cell in r))
            header_line, header = next(filled, (1, []))
            if not header:
                raise ImportFileError(name, "the file is empty (no header row)", 1)
            index = self._header(header, name, header_line)
            uids: set[str] = set()
            number = 0
            for line, row in rows:
                if not any(cell.strip() for cell in row):
                    continue
                number += 1
                if len(row) > len(header):
                    message = f"the row has {len(row)} cells but the header {len(header)}"
                    raise ImportFileError(name, message, line)
                cells = {
                    column: unneutralise(row[i]) if i < len(row) else ""
                    for column, i in index.items()
                }
                record = _record(cells, _Where(name, number, line))
                if record.uid is not None:
                    if record.uid in uids:
                        message = f"record {number} repeats the uid {record.uid} of an earlier row"
                        raise ImportFileError(name, message, line)
                    uids.add(record.uid)
                yield record

    def _header(self, header: list[str], path: str, line: int) -> dict[str, int]:
        index: dict[str, int] = {}
        seen: set[str] = set()
        for i, cell in enumerate(header):
            column = self._column(cell)
            if column in seen and column:
                raise ImportFileError(path, f"the column {cell.strip()!r} appears twice", line)
            seen.add(column)
            if column in COLUMNS:
                index[column] = i
            elif cell.strip():
                self.ignored_columns.append(cell.strip())
        if "title" not in index:
            raise ImportFileError(path, "no 'title' column in the header", line)
        return index


class _Where:
    """A row's place in its file, for error messages."""

    def __init__(self, path: str, number: int, line: int) -> None:
        self.path, self.number, self.line = path, number, line

    def fail(self, message: str) -> NoReturn:
        raise ImportFileError(self.path, f"record {self.number}: {message}", self.line)


def _record(cells: dict[str, str], where: _Where) -> RecordInput:
    title = cells["title"]
    if not title.strip():
        raise ImportFileError(where.path, f"record {where.number} has no title", where.line)
    if len(title) > MAX_TITLE:
        where.fail(f"the title is longer than {MAX_TITLE} characters ({len(title)})")
    names: list[NameLink] = []
    for column, (kind, role) in _NAME_COLUMNS.items():
        names.extend(NameLink(kind, name, role) for name in split_values(cells.get(column, "")))
    return RecordInput(
        title=title,
        date_text=cells.get("date", ""),
        summary=cells.get("summary", ""),
        doc_type=cells.get("type", ""),
        languages=split_values(cells.get("languages", "")),
        archive=cells.get("archive", ""),
        source_ref=cells.get("source_ref", ""),
        classification=cells.get("classification", ""),
        collections=split_values(cells.get("collections", "")),
        names=tuple(names),
        tags=split_values(cells.get("tags", "")),
        notes=tuple(AnnotationInput(text) for text in split_values(cells.get("notes", ""))),
        relations=tuple(
            _relation(item, where) for item in split_values(cells.get("relations", ""))
        ),
        uid=cells.get("uid", "").strip() or None,
        edtf=cells.get("edtf", "").strip() or None,
        created=_time(cells, "created", where),
        modified=_time(cells, "modified", where),
        line=where.line,
    )


def _relation(item: str, where: _Where) -> RelationInput:
    kind, colon, uid = item.partition(":")
    if not colon or not uid.strip():
        where.fail(f"the relation {item[:60]!r} is not written as type:uid")
    key = kind.strip().casefold().replace(" ", "_").replace("-", "_")
    try:
        return RelationInput(RelationType(key), uid.strip())
    except ValueError:
        known = ", ".join(t.value for t in RelationType)
        where.fail(f"unknown relation type {kind.strip()[:40]!r} (known: {known})")


def _time(cells: dict[str, str], column: str, where: _Where) -> datetime | None:
    text = cells.get(column, "").strip()
    if not text:
        return None
    moment = parse_timestamp(text)
    if moment is None:
        where.fail(f"the {column} cell is not an ISO 8601 timestamp: {text[:40]!r}")
    return moment
