"""SearchesModel: saved searches and recent searches as two foldable groups.

Each entry carries its query, so the sidebar applies one by putting its query in the box.
A group with no entries is left out.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from catalog.ui.filter_sidebar.saved_searches import SavedSearches
from catalog.ui.text import safe_tooltip

QUERY_ROLE = Qt.ItemDataRole.UserRole + 11
"""The query of an entry ("" for a group)."""
KIND_ROLE = Qt.ItemDataRole.UserRole + 12
"""SAVED or RECENT, for entries and groups alike."""
SAVED = "saved"
RECENT = "recent"

Index = QModelIndex | QPersistentModelIndex


@dataclass(eq=False)
class _Node:
    label: str
    kind: str
    query: str = ""
    group: _Node | None = None
    entries: list[_Node] = field(default_factory=list)


class SearchesModel(QAbstractItemModel):
    """A read-only two-level tree: the groups, then their searches (one column)."""

    def __init__(self, searches: SavedSearches, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._searches = searches
        self._groups = self._build()
        searches.changed.connect(self.reload)

    def reload(self) -> None:
        """Show the searches as they are now.

        Each search run reorders the recent ones. While the groups keep their sizes, the
        new text goes into the rows in place: a reset would lay out the view and the
        sidebar again, repainting the whole window after every search.
        """
        groups = self._build()
        if _shape(groups) != _shape(self._groups):
            self.beginResetModel()
            self._groups = groups
            self.endResetModel()
            return
        for row, (was, now) in enumerate(zip(self._groups, groups, strict=True)):
            was.label = now.label
            for entry, new in zip(was.entries, now.entries, strict=True):
                entry.label, entry.query = new.label, new.query
            if was.entries:
                self.dataChanged.emit(
                    self.createIndex(0, 0, was.entries[0]),
                    self.createIndex(len(was.entries) - 1, 0, was.entries[-1]),
                )
            self.dataChanged.emit(self.createIndex(row, 0, was), self.createIndex(row, 0, was))

    def group_index(self, kind: str) -> QModelIndex:
        """The index of the SAVED or RECENT group (invalid when it has no entries)."""
        for row, group in enumerate(self._groups):
            if group.kind == kind:
                return self.createIndex(row, 0, group)
        return QModelIndex()

    def find(self, kind: str, label: str) -> QModelIndex:
        """The entry of a group with this label (a saved name or a recent query)."""
        group = self.group_index(kind)
        for row in range(self.rowCount(group)):
            entry = self.index(row, 0, group)
            if entry.data() == label:
                return entry
        return QModelIndex()

    # ------------------------------------------------------------------ Qt model

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        """The index of a group or of an entry of ``parent``."""
        siblings = self._children(parent)
        if column != 0 or not 0 <= row < len(siblings):
            return QModelIndex()
        return self.createIndex(row, 0, siblings[row])

    def parent(self, child: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        """The group above an entry."""
        node = self._node(child)
        if node is None or node.group is None:
            return QModelIndex()
        return self.createIndex(self._groups.index(node.group), 0, node.group)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        """Groups at the top, entries below them."""
        if parent.isValid() and parent.column() != 0:
            return 0
        return len(self._children(parent))

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        """One column: the name or the query."""
        return 1

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Label, query, kind, tooltip and the heading font."""
        node = self._node(index)
        if node is None:
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return node.label
        if role == QUERY_ROLE:
            return node.query
        if role == KIND_ROLE:
            return node.kind
        if role == Qt.ItemDataRole.ToolTipRole and node.group is not None:
            return safe_tooltip(node.query)
        if role == Qt.ItemDataRole.AccessibleDescriptionRole and node.group is not None:
            return self.tr("Search for {0}").format(node.query)
        if role == Qt.ItemDataRole.FontRole and node.group is None:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        """Entries can be selected; groups only fold."""
        node = self._node(index)
        if node is None:
            return Qt.ItemFlag.NoItemFlags
        if node.group is None:
            return Qt.ItemFlag.ItemIsEnabled
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    # ------------------------------------------------------------------ helpers

    def _build(self) -> list[_Node]:
        saved = _Node(self.tr("Saved searches"), SAVED)
        for search in self._searches.saved:
            saved.entries.append(_Node(search.name, SAVED, search.query, saved))
        recent = _Node(self.tr("Recent searches"), RECENT)
        for query in self._searches.recent:
            recent.entries.append(_Node(query, RECENT, query, recent))
        return [group for group in (saved, recent) if group.entries]

    def _node(self, index: Index) -> _Node | None:
        if not index.isValid():
            return None
        node = index.internalPointer()
        return node if isinstance(node, _Node) else None

    def _children(self, parent: Index) -> list[_Node]:
        node = self._node(parent)
        return self._groups if node is None else node.entries


def _shape(groups: list[_Node]) -> list[tuple[str, int]]:
    """Each group's kind and number of entries: what the view's layout depends on."""
    return [(group.kind, len(group.entries)) for group in groups]
