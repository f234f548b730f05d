"""The record list's columns: header, the sort order a click asks for, and cell text."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from catalog.domain.dates import describe
from catalog.domain.records import RecordSummary
from catalog.domain.views import SortKey


@dataclass(frozen=True)
class Column:
    """One column of the record list.

    Attributes:
        key: a stable name.
        header: the header text.
        sort: the order a click on the header asks the service for.
        display: the cell's text.
        tooltip: the cell's tooltip ("" for none).
        width: a starting width in pixels (0: stretch).
    """

    key: str
    header: str
    sort: SortKey
    display: Callable[[RecordSummary], str]
    tooltip: Callable[[RecordSummary], str]
    width: int = 0


def _date_tooltip(row: RecordSummary) -> str:
    return f"{row.date.text or 'No date'}\nUnderstood as: {describe(row.date)}"


def _no_tooltip(_row: RecordSummary) -> str:
    return ""


COLUMNS: tuple[Column, ...] = (
    Column("date", "Date", SortKey.DATE, lambda r: r.date.display(), _date_tooltip, 150),
    Column("title", "Title", SortKey.TITLE, lambda r: r.title, lambda r: r.title, 0),
    Column("type", "Type", SortKey.TYPE, lambda r: r.doc_type, _no_tooltip, 170),
)
