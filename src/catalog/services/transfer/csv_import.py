"""Reading CSV, one record per row (the format is described in ``csv_format``).

The importer reads UTF-8 with or without a byte-order mark and any line ends; matches
column names case-insensitively (through an optional mapping of the file's names to
Catalog's); lists the columns it does not know in ``ignored_columns`` after a read; and
rejects, naming the line: a file that is not UTF-8, NUL bytes, a missing ``title``
column, duplicate columns, rows with more cells than the header, an unterminated quote,
and rows with no title. Blank rows are skipped; short rows are padded with empty cells.
"""

from __future__ import annotations

import codecs
import csv
import re
from collections.abc import Iterator, Mapping
from datetime import datetime
from pathlib import Path
from typing import BinaryIO, NoReturn

from catalog.domain.errors import CatalogError, ImportFileError
from catalog.domain.records import (
    AnnotationInput,
    NameLink,
    RecordInput,
    RelationInput,
    RelationType,
)
from catalog.domain.wording import QT_TRANSLATE_NOOP
from catalog.services.transfer.csv_format import COLUMNS, NAME_COLUMNS, split_values, unneutralise
from catalog.services.transfer.native_json_fields import MAX_TITLE, parse_timestamp

FIELD_LIMIT = 64 * 1024 * 1024
"""The longest cell, in characters, that the importer reads."""

_LONE_CR = re.compile(rb"(?<=\r)(?!\n)")


def _lines(handle: BinaryIO, path: str) -> Iterator[str]:
    """The file's lines as text, any line ends kept, failing on what is not UTF-8 text."""
    number = 0
    for raw in handle:
        for part in _LONE_CR.split(raw) if b"\r" in raw else (raw,):
            if not part:
                continue
            number += 1
            if number == 1 and part.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
                raise ImportFileError(
                    path,
                    QT_TRANSLATE_NOOP("Errors", "the file is UTF-16 text; save it as UTF-8 CSV"),
                    1,
                )
            try:
                text = part.decode("utf-8")
            except UnicodeDecodeError as error:
                raise ImportFileError(
                    path,
                    QT_TRANSLATE_NOOP("Errors", "not UTF-8 text (byte {byte} of the line)"),
                    number,
                    byte=error.start + 1,
                ) from None
            if "\x00" in text:
                raise ImportFileError(
                    path, QT_TRANSLATE_NOOP("Errors", "the line holds a NUL character"), number
                )
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
                    raise ImportFileError(
                        self.path,
                        QT_TRANSLATE_NOOP(
                            "Errors", "a quoted cell is never closed (a '\"' is missing)"
                        ),
                        line,
                    ) from None
                raise ImportFileError(
                    self.path,
                    QT_TRANSLATE_NOOP("Errors", "not valid CSV: {reason}"),
                    line,
                    reason=error,
                ) from None
            except OSError as error:
                raise ImportFileError.unreadable(self.path, error) from None
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
            raise ImportFileError.unreadable(name, error) from None
        with handle:
            rows = iter(_Rows(handle, name))
            # The first row with text is the header: white space alone is as empty as nothing.
            filled = ((n, r) for n, r in rows if any(cell.strip() for cell in r))
            header_line, header = next(filled, (1, []))
            if not header:
                raise ImportFileError(
                    name, QT_TRANSLATE_NOOP("Errors", "the file is empty (no header row)"), 1
                )
            index = self._header(header, name, header_line)
            number = 0
            for line, row in rows:
                if not any(cell.strip() for cell in row):
                    continue
                number += 1
                if len(row) > len(header):
                    raise ImportFileError(
                        name,
                        QT_TRANSLATE_NOOP(
                            "Errors", "the row has {cells} cells but the header {header}"
                        ),
                        line,
                        cells=len(row),
                        header=len(header),
                    )
                cells = {
                    column: unneutralise(row[i]) if i < len(row) else ""
                    for column, i in index.items()
                }
                # A uid given twice is refused by the import (importing.checked).
                yield _record(cells, _Where(name, number, line))

    def _header(self, header: list[str], path: str, line: int) -> dict[str, int]:
        index: dict[str, int] = {}
        seen: set[str] = set()
        for i, cell in enumerate(header):
            column = self._column(cell)
            if column in seen and column:
                raise ImportFileError(
                    path,
                    QT_TRANSLATE_NOOP("Errors", "the column {column} appears twice"),
                    line,
                    column=repr(cell.strip()),
                )
            seen.add(column)
            if column in COLUMNS:
                index[column] = i
            elif cell.strip():
                self.ignored_columns.append(cell.strip())
        if "title" not in index:
            raise ImportFileError(
                path, QT_TRANSLATE_NOOP("Errors", "no 'title' column in the header"), line
            )
        return index


class _Where:
    """A row's place in its file, for error messages."""

    def __init__(self, path: str, number: int, line: int) -> None:
        self.path, self.number, self.line = path, number, line

    def fail(self, template: str, **values: object) -> NoReturn:
        """Refuse the row: ``template`` (marked in "Errors") and its values say why."""
        raise ImportFileError(
            self.path,
            QT_TRANSLATE_NOOP("Errors", "record {number}: {problem}"),
            self.line,
            number=self.number,
            problem=CatalogError(template, **values),
        )


def _record(cells: dict[str, str], where: _Where) -> RecordInput:
    title = cells["title"]
    if not title.strip():
        raise ImportFileError(
            where.path,
            QT_TRANSLATE_NOOP("Errors", "record {number} has no title"),
            where.line,
            number=where.number,
        )
    if len(title) > MAX_TITLE:
        where.fail(
            QT_TRANSLATE_NOOP("Errors", "the title is longer than {limit} characters ({count})"),
            limit=MAX_TITLE,
            count=len(title),
        )
    names: list[NameLink] = []
    for column, (kind, role) in NAME_COLUMNS.items():
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
        where.fail(
            QT_TRANSLATE_NOOP("Errors", "the relation {relation} is not written as type:uid"),
            relation=repr(item[:60]),
        )
    key = kind.strip().casefold().replace(" ", "_").replace("-", "_")
    try:
        return RelationInput(RelationType(key), uid.strip())
    except ValueError:
        known = ", ".join(t.value for t in RelationType)
        where.fail(
            QT_TRANSLATE_NOOP("Errors", "unknown relation type {kind} (known: {known})"),
            kind=repr(kind.strip()[:40]),
            known=known,
        )


def _time(cells: dict[str, str], column: str, where: _Where) -> datetime | None:
    text = cells.get(column, "").strip()
    if not text:
        return None
    moment = parse_timestamp(text)
    if moment is None:
        where.fail(
            QT_TRANSLATE_NOOP("Errors", "the {column} cell is not an ISO 8601 timestamp: {text}"),
            column=column,
            text=repr(text[:40]),
        )
    return moment
