"""RecordTableModel: the ids a search found, with rows read in pages on demand.

The model holds only the result's ids, as one numpy int64 array; ``rowCount`` is their
number. A cell asks a cache of pages; on a miss the page of ids around that row is read
with one ``service.summaries`` call. The cache keeps the most recently shown pages only,
so scrolling through a million records keeps memory flat: the list costs 8 bytes an id
plus the pages the user recently looked at. A new result starts with the rows of the
previous one at hand, so a refresh re-reads only what changed. Sorting is a new search,
never a proxy.
"""

from __future__ import annotations

import logging
from collections import OrderedDict
from collections.abc import Iterable, Sequence
from typing import Any

import numpy as np
from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from catalog.domain.errors import CatalogError
from catalog.domain.records import RecordSummary
from catalog.ui.ports import CatalogPort
from catalog.ui.record_list.columns import COLUMNS, CONTEXT, TITLE_KEY, Column
from catalog.ui.record_list.ids import IdArray, RecordIds, id_array
from catalog.ui.text import safe_tooltip

PAGE_SIZE = 200
MAX_PAGES = 50
"""Pages' worth of rows the cache keeps: 10,000 rows, a few MB."""

SCANS_BEFORE_INDEX = 8
"""Look-ups of a row by id that scan the ids before an index is built for the rest."""

ID_ROLE = Qt.ItemDataRole.UserRole + 1
"""The record id of a row, from any of its cells."""

Index = QModelIndex | QPersistentModelIndex

_EMPTY = id_array(())
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter

log = logging.getLogger(__name__)


class RecordTableModel(QAbstractTableModel):
    """A table over record ids; rows are fetched from the service a page at a time.

    Attributes:
        columns: the columns, in model order (the header may show them in another).
        page_size: how many rows one read fetches.
        max_pages: how many pages the cache keeps before dropping the least recently shown.
    """

    def __init__(
        self,
        service: CatalogPort,
        parent: Any = None,
        columns: Sequence[Column] = COLUMNS,
        page_size: int = PAGE_SIZE,
        max_pages: int = MAX_PAGES,
    ) -> None:
        super().__init__(parent)
        self._service = service
        self.columns = tuple(columns)
        self.page_size = page_size
        self.max_pages = max(1, max_pages)
        self._title = next((n for n, c in enumerate(self.columns) if c.key == TITLE_KEY), 0)
        self._ids: IdArray = _EMPTY
        self._pages: OrderedDict[int, dict[int, RecordSummary | None]] = OrderedDict()
        self._previous: dict[int, RecordSummary] = {}  # rows of the last result, by id
        self._unreadable: set[int] = set()
        self._index: tuple[IdArray, IdArray] | None = None  # sorted ids, their rows
        self._lookups = 0

    # ------------------------------------------------------------------ the ids

    def set_ids(self, ids: Sequence[int] | IdArray, rows: Iterable[RecordSummary] = ()) -> None:
        """Show a new result (an IdList or array is kept as is); cached rows stay at
        hand, with ``rows`` (read with the result) in place of any older copy."""
        self.beginResetModel()
        self._ids = id_array(ids)
        self._index = None
        self._lookups = 0
        previous = {  # gone or unreadable rows are asked again
            i: row for page in self._pages.values() for i, row in page.items() if row is not None
        }
        for record_id, row in self._previous.items():  # two results in a row, unshown
            if len(previous) >= self.max_pages * self.page_size:
                break
            previous.setdefault(record_id, row)
        previous.update((row.id, row) for row in rows)
        self._previous = previous
        self._pages.clear()
        self._unreadable.clear()
        self.endResetModel()

    @property
    def ids(self) -> RecordIds:
        """The ids shown, in order (compares equal to a list of the same ids)."""
        return RecordIds(self._ids)

    @property
    def id_array(self) -> IdArray:
        """The ids shown, as a read-only int64 array."""
        return self._ids

    def record_id(self, row: int) -> int:
        """The id of the record in a row."""
        return int(self._ids[row])

    def row_of(self, record_id: int) -> int | None:
        """The row of a record, or None when it is not in the result.

        The first few look-ups in a result scan the array (about a millisecond at a
        million rows); later ones binary-search an index sorted once (about 80 ms).
        """
        self._lookups += 1
        if self._index is None and self._lookups > SCANS_BEFORE_INDEX:
            order = np.argsort(self._ids, kind="stable")
            self._index = (self._ids[order], order)
        if self._index is None:
            found = np.flatnonzero(self._ids == record_id)
            return int(found[0]) if len(found) else None
        ordered, rows = self._index
        at = int(np.searchsorted(ordered, record_id))
        return int(rows[at]) if at < len(ordered) and ordered[at] == record_id else None

    def forget(self, record_ids: Iterable[int] | None = None) -> None:
        """Drop cached rows (all of them by default) so they are read again."""
        if record_ids is None:
            self._pages.clear()
            self._previous.clear()
            self._unreadable.clear()
        else:
            for record_id in record_ids:
                for page in self._pages.values():
                    page.pop(record_id, None)
                self._previous.pop(record_id, None)
                self._unreadable.discard(record_id)
        if len(self._ids):
            last = self.index(len(self._ids) - 1, len(self.columns) - 1)
            self.dataChanged.emit(self.index(0, 0), last)

    @property
    def cached_rows(self) -> int:
        """How many rows the cache holds now."""
        return sum(map(len, self._pages.values())) + len(self._previous)

    # ------------------------------------------------------------------ Qt model

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        """Rows: one per id (none under a cell: this is a flat table)."""
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        """Columns of the column registry."""
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """A cell's text, tooltip, alignment, or the row's record id (ID_ROLE)."""
        if not index.isValid() or index.row() >= len(self._ids):
            return None
        if role == ID_ROLE:
            return int(self._ids[index.row()])
        column = self.columns[index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT if column.numeric else None
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        row = self._row(index.row())
        if row is None:
            if index.column() != self._title or role != Qt.ItemDataRole.DisplayRole:
                return ""
            gone = int(self._ids[index.row()]) not in self._unreadable
            return (
                self.tr("(no longer in the catalogue)") if gone else self.tr("(could not be read)")
            )
        if role == Qt.ItemDataRole.DisplayRole:
            return _one_line(column.display(row))
        return safe_tooltip(column.tooltip(row))

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Column headers; rows have none."""
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.columns):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate(CONTEXT, self.columns[section].header)
        if role == Qt.ItemDataRole.ToolTipRole and self.columns[section].sort is None:
            return self.tr("This column cannot be sorted by.")
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        """Rows can be selected, not edited."""
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    # ------------------------------------------------------------------ the cache

    def _row(self, row: int) -> RecordSummary | None:
        record_id = int(self._ids[row])
        start = row - row % self.page_size
        page = self._pages.get(start)
        if page is None or record_id not in page:
            page = self._fill_page(start, page or {})
        else:
            self._pages.move_to_end(start)
        return page[record_id]

    def _fill_page(
        self, start: int, page: dict[int, RecordSummary | None]
    ) -> dict[int, RecordSummary | None]:
        """Complete a page: rows of the last result as they are, the rest in one read."""
        wanted = []
        for record_id in self._ids[start : start + self.page_size].tolist():
            if record_id in page:
                continue
            if record_id in self._previous:
                page[record_id] = self._previous[record_id]
            else:
                wanted.append(record_id)
        if wanted:
            try:
                found = {summary.id: summary for summary in self._service.summaries(wanted)}
            except CatalogError as error:  # e.g. the catalogue went away: say so, do not crash
                log.warning("could not read rows: %s", error)
                self._unreadable.update(wanted)
                found = {}
            for record_id in wanted:
                page[record_id] = found.get(record_id)
        self._pages[start] = page
        self._pages.move_to_end(start)
        while len(self._pages) > self.max_pages:
            _start, dropped = self._pages.popitem(last=False)
            self._unreadable.difference_update(dropped)
        return page


def _one_line(text: str) -> str:
    """Cell text on one line: line breaks in a title would hide the rest of the row."""
    return " ".join(text.split()) if ("\n" in text or "\r" in text) else text
