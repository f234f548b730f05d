"""The record list's columns: header, the sort key a click asks for, and cell text."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

from PySide6.QtCore import QCoreApplication

from catalog.domain.dates import PartialDate, describe
from catalog.domain.records import RecordSummary
from catalog.domain.views import SortKey
from catalog.ui.translation import QT_TRANSLATE_NOOP

CONTEXT = "RecordListColumns"
"""The translation context of the columns' headers (lupdate needs it written out)."""


@dataclass(frozen=True)
class Column:
    """One column of the record list.

    Attributes:
        key: a stable name (saved window states refer to columns by it).
        header: the header text in English, marked for translation (``title`` shows it).
        sort: the key a click on the header sorts by (None: not sortable).
        display: the cell's text.
        tooltip: the cell's tooltip ("" for none).
        width: a starting width in pixels.
        visible: whether the column shows until the user chooses otherwise.
        numeric: right-aligned, as numbers are.
    """

    key: str
    header: str
    sort: SortKey | None
    display: Callable[[RecordSummary], str]
    tooltip: Callable[[RecordSummary], str]
    width: int
    visible: bool = True
    numeric: bool = False

    @property
    def title(self) -> str:
        """The header text in the interface's language."""
        return QCoreApplication.translate(CONTEXT, self.header)


class DateDisplay(StrEnum):
    """How the Date column shows a date (the Preferences' "Dates in the list")."""

    AS_WRITTEN = "as_written"
    """The archive's own wording ("October, 1959"), the normalised form when there is none."""
    ISO = "iso"
    """The normalised form ("1959-10"), the wording when the date was not understood."""


_date_display = [DateDisplay.AS_WRITTEN]


def set_date_display(display: DateDisplay) -> None:
    """Show every list's dates this way from now on (views repaint to show it)."""
    _date_display[0] = display


def date_display() -> DateDisplay:
    """How the Date column shows dates now."""
    return _date_display[0]


def date_text(date: PartialDate) -> str:
    """A date as the Date column shows it now."""
    if _date_display[0] is DateDisplay.ISO:
        return date.edtf or date.text
    return date.display()


def _date_tooltip(row: RecordSummary) -> str:
    written = row.date.text or QCoreApplication.translate("RecordListColumns", "No date")
    understood = QCoreApplication.translate("RecordListColumns", "Understood as: {0}").format(
        describe(row.date)
    )
    return f"{written}\n{understood}"


def _no_tooltip(_row: RecordSummary) -> str:
    return ""


COLUMNS: tuple[Column, ...] = (
    Column(
        "date",
        QT_TRANSLATE_NOOP("RecordListColumns", "Date"),
        SortKey.DATE,
        lambda r: date_text(r.date),
        _date_tooltip,
        125,
    ),
    Column(
        "title",
        QT_TRANSLATE_NOOP("RecordListColumns", "Title"),
        SortKey.TITLE,
        lambda r: r.title,
        lambda r: r.title,
        250,
    ),
    Column(
        "type",
        QT_TRANSLATE_NOOP("RecordListColumns", "Type"),
        SortKey.TYPE,
        lambda r: r.doc_type,
        _no_tooltip,
        140,
    ),
    Column(
        "archive",
        QT_TRANSLATE_NOOP("RecordListColumns", "Archive"),
        SortKey.ARCHIVE,
        lambda r: r.archive,
        lambda r: r.archive,
        100,
    ),
    Column(
        "language",
        QT_TRANSLATE_NOOP("RecordListColumns", "Language"),
        SortKey.LANGUAGE,
        lambda r: r.language,
        _no_tooltip,
        110,
        False,
    ),
    Column(
        "people",
        QT_TRANSLATE_NOOP("RecordListColumns", "People"),
        None,
        lambda r: "; ".join(r.people),
        lambda r: "\n".join(r.people),
        240,
        False,
    ),
    Column(
        "id",
        QT_TRANSLATE_NOOP("RecordListColumns", "Id"),
        SortKey.ID,
        lambda r: str(r.id),
        _no_tooltip,
        80,
        False,
        numeric=True,
    ),
)
"""Every column, in their default order."""

TITLE_KEY = "title"
"""The column that says when a row's record could not be shown."""
