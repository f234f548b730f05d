"""The table of authorities the manager shows: name, other forms, record count."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from catalog.services.editing.authorities import AuthorityRow
from catalog.ui.text import safe_tooltip

NAME, VARIANTS, RECORDS = range(3)
Index = QModelIndex | QPersistentModelIndex


class AuthorityTableModel(QAbstractTableModel):
    """Rows of ``AuthorityEditor.list``; read-only (changes go through the dialog)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[AuthorityRow] = []
        self._headers = (self.tr("Name"), self.tr("Other forms"), self.tr("Records"))

    def set_rows(self, rows: Sequence[AuthorityRow]) -> None:
        """Show a new list (after a filter or a change)."""
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> AuthorityRow | None:
        """The authority shown on ``row``, if any."""
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, authority_id: int) -> int:
        """The row showing an authority, or -1."""
        return next((i for i, r in enumerate(self._rows) if r.id == authority_id), -1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else 3

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        item = self._rows[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            text = ""
            if column == NAME:
                text = item.name
            elif column == VARIANTS:
                text = "; ".join(item.variants)
            elif column == RECORDS:
                text = str(item.records)
            # Qt takes a tooltip that looks like markup for rich text: names are not markup.
            return text if role == Qt.ItemDataRole.DisplayRole else safe_tooltip(text)
        if role == Qt.ItemDataRole.AccessibleTextRole and column == RECORDS:
            return self.tr("%n record(s)", "", item.records)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == RECORDS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.UserRole:
            return item.id
        return None

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(self._headers)
        ):
            return self._headers[section]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
