"""XLSX: the CSV export's table as an Excel workbook.

One sheet, "Records", with a header row and one row per record: the columns, their
order and their cells are exactly the CSV exporter's (``csv_format.COLUMNS`` and
``record_row``): multi-valued cells joined with ``|`` (a ``|`` or backslash inside a
value escaped with a backslash), dates as text and EDTF, timestamps as ISO 8601 text.
Every cell is a text cell, so a spreadsheet never turns ``1959-10`` into a date or
``0102`` into a number. The header row is bold and frozen (``A2``) and the data range
has an auto filter.

Formulas: openpyxl writes any text starting with ``=`` as a formula, and spreadsheets
run cells starting with ``+``, ``-``, ``@``, a tab or a carriage return when they are
edited or saved as CSV. Such cells get a leading apostrophe, exactly as in the CSV
export (``csv_format.neutralise``); ``csv_format.unneutralise`` gives the value back.

Characters that XML 1.0 cannot hold (control characters other than tab, line feed and
carriage return) are removed. The workbook is written streaming (openpyxl's write-only
mode), so memory stays flat whatever the number of records.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, cast

from catalog.domain.errors import ExportError
from catalog.domain.records import RecordDetail
from catalog.domain.wording import QT_TRANSLATE_NOOP
from catalog.services.transfer.csv_export import column_picker, record_row
from catalog.services.transfer.csv_format import COLUMNS, neutralise
from catalog.services.transfer.export_options import ExportOptions, Extra

if TYPE_CHECKING:
    from openpyxl import Workbook
    from openpyxl.worksheet._write_only import WriteOnlyWorksheet
    from openpyxl.worksheet.worksheet import Worksheet

SHEET_TITLE = "Records"
CELL_LIMIT = 32_767
"""The most characters an Excel cell holds; Excel "repairs" a workbook with longer ones."""
_WIDTHS = {"uid": 38, "title": 60, "summary": 60, "date": 18, "source_ref": 30, "archive": 30}


def cell_text(value: str) -> str:
    """The text written for a cell: neutralised, without characters XML cannot hold."""
    if not value.isprintable():
        from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

        value = ILLEGAL_CHARACTERS_RE.sub("", value)
    return neutralise(value)


class XlsxExporter:
    """Writes records as one sheet of an XLSX workbook, streaming."""

    name = "xlsx"
    label = QT_TRANSLATE_NOOP("Formats", "Excel workbook (XLSX)")
    suffix = ".xlsx"
    carries: frozenset[Extra] = frozenset({Extra.NOTES, Extra.RELATIONS})

    def __init__(self, columns: tuple[str, ...] = COLUMNS) -> None:
        self.columns = columns

    def configured(self, options: ExportOptions) -> XlsxExporter:
        """An exporter writing the chosen columns, in the chosen order."""
        return XlsxExporter(options.columns_from(COLUMNS))

    def write(self, records: Iterable[RecordDetail], out: Path) -> int:
        """Write every record to ``out``; return how many were written."""
        # openpyxl is imported here, not with the module: it takes 70 ms, and the window
        # loads every format's module before its first page.
        from openpyxl import Workbook
        from openpyxl.utils import get_column_letter

        count = 0
        uid = ""
        too_long: ExportError | None = None
        columns = self.columns
        pick = column_picker(columns)
        try:
            with out.open("wb") as handle:  # opened first: a bad path fails before any work
                book = Workbook(write_only=True)
                sheet = _sheet(book, columns)
                for record in records:
                    uid = record.uid
                    cells = [cell_text(c) if c else None for c in pick(record_row(record))]
                    too_long = _too_long(uid, columns, cells)
                    if too_long is not None:  # stop here; the sheet is still closed properly below
                        break
                    sheet.append(cells)
                    count += 1
                last = get_column_letter(len(columns))
                _settings(sheet).auto_filter.ref = f"A1:{last}{count + 1}"
                book.save(handle)
        except UnicodeEncodeError:
            raise ExportError.not_unicode(uid) from None
        except OSError as error:
            raise ExportError.cannot_write(out, error) from None
        if too_long is not None:
            raise too_long
        return count


def _too_long(uid: str, columns: tuple[str, ...], cells: list[str | None]) -> ExportError | None:
    """Why a cell is longer than Excel holds (None if none is): cutting would lose text."""
    for column, cell in zip(columns, cells, strict=True):
        if cell is not None and len(cell) > CELL_LIMIT:
            return ExportError(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "record {uid}: its {column} has {count} characters and an Excel cell "
                    "holds at most {limit}; export it to CSV or JSON, or leave the "
                    "{column} column out",
                ),
                uid=uid,
                column=column,
                count=f"{len(cell):,}",
                limit=f"{CELL_LIMIT:,}",
            )
    return None


def _sheet(book: Workbook, columns: tuple[str, ...]) -> WriteOnlyWorksheet:
    """The workbook's one sheet, its columns sized, the header row written and frozen."""
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet._write_only import WriteOnlyWorksheet

    sheet = book.create_sheet(SHEET_TITLE)
    assert isinstance(sheet, WriteOnlyWorksheet)
    for index, column in enumerate(columns, start=1):
        _settings(sheet).column_dimensions[get_column_letter(index)].width = _WIDTHS.get(column, 16)
    sheet.freeze_panes = "A2"
    bold = Font(bold=True)
    header = []
    for column in columns:
        cell = WriteOnlyCell(sheet, value=column)
        cell.font = bold
        header.append(cell)
    sheet.append(header)
    return sheet


def _settings(sheet: WriteOnlyWorksheet) -> Worksheet:
    """The sheet for its settings: a write-only sheet has a normal sheet's auto filter and
    column sizes (openpyxl lends them), but the type stubs leave them out."""
    return cast("Worksheet", sheet)
