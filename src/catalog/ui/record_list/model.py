"""RecordTableModel: the ids a search found, with rows read in pages on demand.

The model holds only the result's ids, in order; ``rowCount`` is their number. A cell
asks a row cache; on a miss the page of ids around that row is read with
``service.summaries`` (one short read), so a result of a million records costs a list of
ids and the rows the user actually scrolls past. Sorting is a new search, never a proxy.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from catalog.domain.errors import CatalogError
from catalog.domain.records import RecordSummary
from catalog.ui.ports import CatalogPort
from catalog.ui.record_list.columns import COLUMNS, Column
from catalog.ui.text import safe_tooltip

PAGE_SIZE = 200
ID_ROLE = Qt.ItemDataRole.UserRole + 1
"""The record id of a row, from any of its cells."""

Index = QModelIndex | QPersistentModelIndex

log = logging.getLogger(__name__)


class RecordTableModel(QAbstractTableModel):
    """A table over record ids; rows are fetched from the service a page at a time.

    Attributes:
        columns: the columns shown.
        page_size: how many rows one read fetches.
    """

    def __init__(
        self,
        service: CatalogPort,
        parent: Any = None,
        columns: Sequence[Column] = COLUMNS,
        page_size: int = PAGE_SIZE,
    ) -> None:
        super().__init__(parent)
        self._service = service
        self.columns = tuple(columns)
        self.page_size = page_size
        self._ids: list[int] = []
        self._rows: dict[int, RecordSummary | None] = {}  # None: the record is gone
        self._unreadable: set[int] = set()

    # ------------------------------------------------------------------ the ids

    def set_ids(self, ids: Sequence[int]) -> None:
        """Show a new result; the cache is kept for ids that remain."""
        self.beginResetModel()
        self._ids = [int(i) for i in ids]
        kept = set(self._ids)
        self._rows = {i: row for i, row in self._rows.items() if i in kept and row is not None}
        self._unreadable.clear()
        self.endResetModel()

    @property
    def ids(self) -> list[int]:
        """The ids shown, in order (a copy)."""
        return list(self._ids)

    def record_id(self, row: int) -> int:
        """The id of the record in a row."""
        return self._ids[row]

    def row_of(self, record_id: int) -> int | None:
        """The row of a record, or None when it is not in the result."""
        try:
            return self._ids.index(record_id)
        except ValueError:
            return None

    def forget(self, record_ids: Iterable[int] | None = None) -> None:
        """Drop cached rows (all of them by default) so they are read again."""
        if record_ids is None:
            self._rows.clear()
            self._unreadable.clear()
        else:
            for record_id in record_ids:
                self._rows.pop(record_id, None)
                self._unreadable.discard(record_id)
        if self._ids:
            last = self.index(len(self._ids) - 1, len(self.columns) - 1)
            self.dataChanged.emit(self.index(0, 0), last)

    # ------------------------------------------------------------------ Qt model

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        """Rows: one per id (none under a cell: this is a flat table)."""
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        """Columns of the column registry."""
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """A cell's text, tooltip, or the row's record id (ID_ROLE)."""
        if not index.isValid() or index.row() >= len(self._ids):
            return None
        if role == ID_ROLE:
            return self._ids[index.row()]
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        row = self._row(index.row())
        column = self.columns[index.column()]
        if row is None:
            if index.column() != 1 or role != Qt.ItemDataRole.DisplayRole:
                return ""
            gone = self._ids[index.row()] not in self._unreadable
            return "(no longer in the catalogue)" if gone else "(could not be read)"
        if role == Qt.ItemDataRole.DisplayRole:
            return _one_line(column.display(row))
        return safe_tooltip(column.tooltip(row))

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Column headers; rows have none."""
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self.columns)
        ):
            return self.columns[section].header
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        """Rows can be selected, not edited."""
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    # ------------------------------------------------------------------ the cache

    def _row(self, row: int) -> RecordSummary | None:
        record_id = self._ids[row]
        if record_id not in self._rows:
            self._fill_page(row)
        return self._rows.get(record_id)

    def _fill_page(self, row: int) -> None:
        start = row - row % self.page_size
        page = [i for i in self._ids[start : start + self.page_size] if i not in self._rows]
        try:
            found = {summary.id: summary for summary in self._service.summaries(page)}
        except CatalogError as error:  # e.g. the catalogue went away: say so, do not crash
            log.warning("could not read rows: %s", error)
            self._unreadable.update(page)
            found = {}
        for record_id in page:
            self._rows[record_id] = found.get(record_id)


def _one_line(text: str) -> str:
    """Cell text on one line: line breaks in a title would hide the rest of the row."""
    return " ".join(text.split()) if ("\n" in text or "\r" in text) else text
