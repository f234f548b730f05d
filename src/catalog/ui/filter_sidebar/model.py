"""FacetTreeModel: facets of the current result, each value carrying its query clause.

Top-level rows are facets (Person, ..., Decade, Has); below them their values with
counts; years sit below their decade; a long facet ends with a "Show all…" row. Column 0
is the label, column 1 the count. Values applied in the query are shown as such (bold when
included, struck out when excluded), so editing the text shows in the tree.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QFont

from catalog.domain.records import Facet
from catalog.ui.filter_sidebar.item import FacetItem, build_groups
from catalog.ui.text import safe_tooltip
from catalog.ui.translation import QT_TRANSLATE_NOOP

CLAUSE_ROLE = Qt.ItemDataRole.UserRole + 1
"""The query clause of a value ("" for a facet heading)."""
KEY_ROLE = Qt.ItemDataRole.UserRole + 2
"""The facet name of a heading ("" for a value)."""
MORE_ROLE = Qt.ItemDataRole.UserRole + 3
"""The facet name of a "Show all…" row ("" for any other row)."""
APPLIED_ROLE = Qt.ItemDataRole.UserRole + 4
"""How the query uses a value: "include", "exclude" or ""."""
GESTURES = QT_TRANSLATE_NOOP(
    "FacetGestures", "Click or Enter to include; Alt+click, Shift+Enter or the menu to exclude."
)
"""How a value is included or excluded (shown translated by :func:`gestures`)."""

Index = QModelIndex | QPersistentModelIndex

_DISPLAY = Qt.ItemDataRole.DisplayRole
_FONT = Qt.ItemDataRole.FontRole
_ALIGNMENT = Qt.ItemDataRole.TextAlignmentRole
_ACCESSIBLE_TEXT = Qt.ItemDataRole.AccessibleTextRole
_DESCRIPTIONS = (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleDescriptionRole)
_ROLES = frozenset(
    {
        _DISPLAY,
        _FONT,
        _ALIGNMENT,
        _ACCESSIBLE_TEXT,
        *_DESCRIPTIONS,
        CLAUSE_ROLE,
        KEY_ROLE,
        MORE_ROLE,
        APPLIED_ROLE,
    }
)
"""The roles data() answers. A repaint asks every visible cell for a dozen roles; the
others are turned away before any work."""
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


def gestures() -> str:
    """:data:`GESTURES` in the user's language."""
    return QCoreApplication.translate("FacetGestures", GESTURES)


class FacetTreeModel(QAbstractItemModel):
    """A read-only tree of facet headings and values."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._groups: list[FacetItem] = []
        self._included: frozenset[str] = frozenset()
        self._excluded: frozenset[str] = frozenset()

    def set_facets(self, facets: Sequence[Facet]) -> None:
        """Show new facets (values with no records are left out)."""
        self.beginResetModel()
        self._groups = build_groups(facets)
        self.endResetModel()

    def set_applied(self, included: Collection[str], excluded: Collection[str]) -> None:
        """Mark the values whose clauses the query includes or excludes."""
        self._included, self._excluded = frozenset(included), frozenset(excluded)
        pending = list(self._groups)
        while pending:
            item = pending.pop()
            if item.children:
                first, last = item.children[0], item.children[-1]
                self.dataChanged.emit(
                    self.createIndex(0, 0, first), self.createIndex(last.row(), 1, last)
                )
                pending.extend(item.children)

    def applied(self, item: FacetItem) -> str:
        """ "include", "exclude" or "" for how the query uses a value."""
        if not item.clause:
            return ""
        if item.clause in self._included:
            return "include"
        return "exclude" if item.clause in self._excluded else ""

    def item(self, index: Index) -> FacetItem | None:
        """The item at an index (None for the invisible root)."""
        if not index.isValid():
            return None
        item = index.internalPointer()
        return item if isinstance(item, FacetItem) else None

    def group_index(self, key: str) -> QModelIndex:
        """The index of a facet heading by facet name (invalid when not shown)."""
        for row, group in enumerate(self._groups):
            if group.key == key:
                return self.createIndex(row, 0, group)
        return QModelIndex()

    def count_texts(self) -> list[str]:
        """The count column's text of every value, folded away or not."""
        texts = []
        pending = list(self._groups)
        while pending:
            item = pending.pop()
            if item.count is not None:
                texts.append(f"{item.count:,}")
            pending.extend(item.children)
        return texts

    def find_value(self, label: str) -> QModelIndex:
        """The first value (at any depth) with this label; invalid when there is none."""
        pending = [(row, group) for row, group in enumerate(self._groups)]
        while pending:
            row, item = pending.pop(0)
            if not item.is_group and item.label == label:
                return self.createIndex(row, 0, item)
            pending.extend(enumerate(item.children))
        return QModelIndex()

    # ------------------------------------------------------------------ Qt model

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        """The index of a child of ``parent``."""
        if column not in (0, 1) or row < 0:
            return QModelIndex()
        siblings = self._children(parent)
        if row >= len(siblings):
            return QModelIndex()
        return self.createIndex(row, column, siblings[row])

    def parent(self, child: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        """The index of the item above ``child``."""
        item = self.item(child)
        if item is None or item.parent is None:
            return QModelIndex()
        above = item.parent
        return self.createIndex(self._row_of(above), 0, above)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        """Children of an item (only column 0 has children)."""
        if parent.isValid() and parent.column() != 0:
            return 0
        return len(self._children(parent))

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        """Label and count."""
        return 2

    def data(self, index: Index, role: int = _DISPLAY) -> Any:
        """Label, count, clause, tooltip, alignment and heading font."""
        if role not in _ROLES:
            return None
        item = self.item(index)
        if item is None:
            return None
        column = index.column()
        if role == _DISPLAY:
            if column == 0:
                return item.label
            return "" if item.count is None else f"{item.count:,}"
        if role == CLAUSE_ROLE:
            return item.clause
        if role == KEY_ROLE:
            return item.key
        if role == MORE_ROLE:
            return item.more_of
        if role == APPLIED_ROLE:
            return self.applied(item)
        if role in _DESCRIPTIONS:
            return self._description(item, role)
        if role == _ACCESSIBLE_TEXT and column == 0:
            if item.count is None:
                return item.label
            n = item.count
            text = (
                self.tr("{0}, {1} record", "", n) if n == 1 else self.tr("{0}, {1} records", "", n)
            )
            return text.format(item.label, f"{n:,}")
        if role == _ALIGNMENT and column == 1:
            return _RIGHT
        if role == _FONT:
            return self._font(item)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        """Everything is enabled; only values can be selected."""
        item = self.item(index)
        if item is None:
            return Qt.ItemFlag.NoItemFlags
        if item.is_group:
            return Qt.ItemFlag.ItemIsEnabled
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """ "Facet" and "Records"."""
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("Facet"), self.tr("Records"))[section] if section in (0, 1) else None
        return None

    # ------------------------------------------------------------------ helpers

    def _description(self, item: FacetItem, role: int) -> str | None:
        if item.more_of:
            return self.tr("Every value of this facet, with a filter box")
        if not item.clause:
            return self.tr("Click or Enter to fold or unfold") if item.is_group else None
        applied = self.applied(item)
        if applied == "include":
            text = self.tr("{0} is in the search").format(item.clause)
        elif applied == "exclude":
            text = self.tr("-{0} is in the search: excluded").format(item.clause)
        else:
            text = self.tr("Add {0} to the search").format(item.clause)
        if role == Qt.ItemDataRole.AccessibleDescriptionRole:
            return f"{text}. {gestures()}"
        return safe_tooltip(text)

    def _font(self, item: FacetItem) -> QFont | None:
        applied = self.applied(item)
        if not (item.is_group or item.more_of or applied):
            return None
        font = QFont()
        font.setBold(item.is_group or applied == "include")
        font.setItalic(bool(item.more_of) or applied == "exclude")
        font.setStrikeOut(applied == "exclude")
        return font

    def _children(self, parent: Index) -> list[FacetItem]:
        item = self.item(parent)
        return self._groups if item is None else item.children

    def _row_of(self, item: FacetItem) -> int:
        siblings = self._groups if item.parent is None else item.parent.children
        return siblings.index(item)
