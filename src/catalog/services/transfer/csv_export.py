"""Writing CSV, one row per record (the format is described in ``csv_format``).

The exporter writes UTF-8 (with a byte-order mark when asked), ``\\r\\n`` line ends and
minimal quoting. Two paths make the same bytes: ``write`` from ``RecordDetail``s, as every
exporter does, and ``write_batches`` from the ``ExportRecord``s of the fast export.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from catalog.domain.errors import ExportError
from catalog.domain.records import AuthorityKind, RecordDetail, Role
from catalog.domain.wording import QT_TRANSLATE_NOOP
from catalog.services.transfer.csv_format import (
    COLUMNS,
    FORMULA_STARTS,
    NAME_COLUMNS,
    SEPARATOR,
    escape_value,
    join_values,
    needs_guard,
    neutralise,
)
from catalog.services.transfer.export_options import ExportOptions, Extra
from catalog.services.transfer.native_json import format_timestamp
from catalog.store.export_reads import ExportRecord, Link, Part, iso_stored


def record_row(record: RecordDetail) -> list[str]:
    """A record as its CSV cells, in the order of ``COLUMNS`` (not yet neutralised)."""
    names: dict[str, list[str]] = {column: [] for column in NAME_COLUMNS}
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
        *(join_values(names[column]) for column in NAME_COLUMNS),
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
    **{column: Part.NAMES for column in NAME_COLUMNS},
}
_NAME_INDEX = {column: i for i, column in enumerate(NAME_COLUMNS)}
_GUARDED = frozenset("'" + "".join(FORMULA_STARTS))  # first characters neutralise may change
_CACHED = 100_000  # values whose escaped form a writer keeps (names, vocabulary)


def _link_column(kind: str, role: str) -> int:
    """The name column (an index into ``NAME_COLUMNS``) of a link, -1 for none: as
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
                    cache[value] = escape_value(value)
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
                    escaped = escape_value(link[1])
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
            "'" + cell if cell and cell[0] in _GUARDED and needs_guard(cell) else cell
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
            raise ExportError.not_unicode(uid) from None
        except OSError as error:
            raise ExportError.cannot_write(out, error) from None
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
                        raise ExportError.not_unicode(uid) from None
                    count += len(lines)
        except OSError as error:
            raise ExportError.cannot_write(out, error) from None
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
