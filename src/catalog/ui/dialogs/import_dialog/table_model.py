"""A read-only table over a list of frozen rows, one getter per column.

The import dialog's three tables (preview, validation report, duplicates) differ only in
their columns; this base holds the Qt plumbing once.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

Row = TypeVar("Row")
Index = QModelIndex | QPersistentModelIndex


class Column(Generic[Row]):
    """A header and how to read its cell from a row."""

    def __init__(self, title: str, value: Callable[[Row], object]) -> None:
        self.title = title
        self.value = value


class RowsModel(QAbstractTableModel, Generic[Row]):
    """Rows shown as they are; subclasses name the columns."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Row] = []
        self.columns: list[Column[Row]] = []

    @property
    def rows(self) -> list[Row]:
        """The rows shown, in order."""
        return list(self._rows)

    def set_rows(self, rows: Sequence[Row]) -> None:
        """Show other rows."""
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        """Rows of the top level (a table has no children)."""
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        """The columns named by the subclass."""
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """The cell's text (and its full text as a tooltip, for long cells)."""
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            value = self.columns[index.column()].value(self._rows[index.row()])
            return "" if value is None else str(value)
        return self.style(self._rows[index.row()], role)

    def style(self, row: Row, role: int) -> Any:
        """Other roles of a row's cells (a colour, say); None by default."""
        return None

    def headerData(  # noqa: N802
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        """Column titles; rows are numbered."""
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self.columns[section].title if 0 <= section < len(self.columns) else None
        return str(section + 1)
