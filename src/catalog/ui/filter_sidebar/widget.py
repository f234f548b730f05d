"""The filter sidebar: search box above, facets of the current result below.

Clicking a facet value appends its clause to the query text, so the box always shows
everything that is applied; the sidebar never filters by itself.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from catalog.domain.errors import QueryError
from catalog.domain.records import Facet
from catalog.ui.filter_sidebar.model import CLAUSE_ROLE, KEY_ROLE, FacetTreeModel
from catalog.ui.filter_sidebar.search_box import SearchBox


def with_clause(query: str, clause: str) -> str:
    """The query with ``clause`` added at the end, unless it is already a term of it."""
    if re.search(rf"(?<!\S){re.escape(clause)}(?!\S)", query):
        return query
    return f"{query.rstrip()} {clause}".strip()


COUNTING = "Counting values… (preparing the search index for this large catalogue)"


class FilterSidebar(QWidget):
    """Search box and facet tree.

    Signals:
        query_changed(str): the query to search for.
    """

    query_changed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("filterSidebar")
        self.search_box = SearchBox()
        self.facets = FacetTreeModel(self)
        self.tree = QTreeView()
        self.tree.setObjectName("facetTree")
        self.tree.setModel(self.facets)
        self.tree.setHeaderHidden(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.tree.setExpandsOnDoubleClick(False)
        self.tree.setAnimated(False)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.status = QLabel()
        self.status.setObjectName("facetStatus")
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setWordWrap(True)
        self.status.setEnabled(False)
        self.status.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 0, 6)
        layout.addWidget(self.search_box)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.status)
        self._collapsed: set[str] = set()
        self._expanded_decades: set[str] = set()
        self.search_box.query_submitted.connect(self.query_changed)
        self.tree.clicked.connect(self._on_clicked)
        self.tree.installEventFilter(self)
        self.tree.collapsed.connect(self._on_collapsed)
        self.tree.expanded.connect(self._on_expanded)

    # ------------------------------------------------------------------ public

    @property
    def query(self) -> str:
        """The query text in the box."""
        return self.search_box.text

    def set_query(self, text: str) -> None:
        """Put a query in the box and search for it."""
        self.search_box.set_query(text)

    def add_clause(self, clause: str) -> None:
        """Add a clause to the query (if it is not there already) and search."""
        self.search_box.set_query(with_clause(self.query, clause))

    def focus_search(self) -> None:
        """Move the keyboard focus to the search box, text selected."""
        self.search_box.edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_box.edit.selectAll()

    def show_query_error(self, query: str, error: QueryError | None) -> None:
        """Explain a malformed query under the box (None: the query is fine)."""
        self.search_box.show_error(query, error)

    def set_facets(self, facets: Sequence[Facet], pending: bool = False) -> None:
        """Show the facets of the current result, keeping what the user expanded.

        ``pending``: the result is large and its values are still being counted.
        """
        self.facets.set_facets(facets)
        for row in range(self.facets.rowCount()):
            group = self.facets.index(row, 0)
            key = str(group.data(KEY_ROLE))
            self.tree.setExpanded(group, key not in self._collapsed)
            for child_row in range(self.facets.rowCount(group)):
                child = self.facets.index(child_row, 0, group)
                if self.facets.rowCount(child):
                    self.tree.setExpanded(child, str(child.data()) in self._expanded_decades)
        if pending:
            self.status.setText(COUNTING)
        else:
            self.status.setText("No facets for this result." if facets else "")
        self.status.setVisible(pending or not facets or self.facets.rowCount() == 0)

    # ------------------------------------------------------------------ slots

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        """Enter on a facet value applies it, as a click does."""
        if watched is self.tree and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                current = self.tree.currentIndex()
                if current.isValid():
                    self._on_clicked(current)
                    return True
        return super().eventFilter(watched, event)

    def _on_clicked(self, index: QModelIndex) -> None:
        clause = index.siblingAtColumn(0).data(CLAUSE_ROLE)
        if clause:
            self.add_clause(str(clause))
        elif index.isValid():
            group = index.siblingAtColumn(0)
            self.tree.setExpanded(group, not self.tree.isExpanded(group))

    def _on_collapsed(self, index: QModelIndex) -> None:
        key = index.data(KEY_ROLE)
        if key:
            self._collapsed.add(str(key))
        else:
            self._expanded_decades.discard(str(index.data()))

    def _on_expanded(self, index: QModelIndex) -> None:
        key = index.data(KEY_ROLE)
        if key:
            self._collapsed.discard(str(key))
        else:
            self._expanded_decades.add(str(index.data()))
