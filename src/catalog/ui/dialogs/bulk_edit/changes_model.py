"""The preview table's model: one row per field a bulk edit would change.

A model, not a QTableWidget: a preview of 10,000 records builds no item per cell, and the
view asks only for the rows on screen.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from catalog.services.editing.bulk import FieldChange
from catalog.ui.dialogs.bulk_edit.choices import field_label
from catalog.ui.text import safe_tooltip
from catalog.ui.translation import QT_TRANSLATE_NOOP

_Index = QModelIndex | QPersistentModelIndex
_HEADERS = (
    QT_TRANSLATE_NOOP("ChangesModel", "Record"),
    QT_TRANSLATE_NOOP("ChangesModel", "Field"),
    QT_TRANSLATE_NOOP("ChangesModel", "Before"),
    QT_TRANSLATE_NOOP("ChangesModel", "After"),
)
_SHOWN = 300
"""Characters of a value shown in a cell (the tooltip holds all of it)."""


class ChangesModel(QAbstractTableModel):
    """The changes of one preview (record, field, before, after)."""

    def __init__(self) -> None:
        super().__init__()
        self._changes: list[FieldChange] = []

    def set_changes(self, changes: list[FieldChange]) -> None:
        """Show these changes instead of the ones shown."""
        self.beginResetModel()
        self._changes = list(changes)
        self.endResetModel()

    def change(self, row: int) -> FieldChange:
        """The change a row shows."""
        return self._changes[row]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        """One row per change (none under a parent: the table is flat)."""
        return 0 if parent.isValid() else len(self._changes)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        """Record, field, before, after."""
        return 0 if parent.isValid() else len(_HEADERS)

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        """Column names; rows are not numbered."""
        if orientation is Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("ChangesModel", _HEADERS[section])
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        """A cell's text (shortened), or all of it as the tooltip."""
        if not index.isValid() or role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
        ):
            return None
        change = self._changes[index.row()]
        column = index.column()
        if column == 0:
            text = f"#{change.record_id} {change.title}"
        elif column == 1:
            text = field_label(change.field)
        else:
            text = change.old if column == 2 else change.new
        if role == Qt.ItemDataRole.DisplayRole:
            text = " ".join(text.split())
            return text if len(text) <= _SHOWN else text[: _SHOWN - 1] + "…"
        return safe_tooltip(text)  # shown literally, never as markup
