"""The filter sidebar: search box, chips, saved and recent searches, facets.

Every gesture edits the query text, so the box always shows everything that is applied
and the sidebar never filters by itself: a facet value adds its clause (or ``-clause`` to
exclude it), a chip's × removes exactly its clause, a saved or recent search replaces the
text. The chips and the facets' marks follow the text however it changed.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QModelIndex, QPoint, Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QMenu,
    QStyle,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from catalog.domain.errors import QueryError
from catalog.domain.query_clauses import (
    Clause,
    apply_clause,
    clauses,
    remove_clause,
    replace_field,
    required,
)
from catalog.domain.records import Facet
from catalog.ui.filter_sidebar.all_values import AllValuesDialog
from catalog.ui.filter_sidebar.chips import ChipBar
from catalog.ui.filter_sidebar.model import (
    CLAUSE_ROLE,
    KEY_ROLE,
    MORE_ROLE,
    FacetTreeModel,
    gestures,
)
from catalog.ui.filter_sidebar.saved_searches import SavedSearches
from catalog.ui.filter_sidebar.search_box import SearchBox
from catalog.ui.filter_sidebar.searches_panel import SearchesPanel
from catalog.ui.filter_sidebar.value_view import ValueView, value_menu
from catalog.ui.translation import QT_TRANSLATE_NOOP

COUNTING = QT_TRANSLATE_NOOP(
    "FilterSidebar", "Counting values… (preparing the search index for this large catalogue)"
)
SAVE_SHORTCUT = "Ctrl+Shift+S"


class FilterSidebar(QWidget):
    """Search box, chips, searches and facet tree.

    Signals:
        query_changed(str): the query to search for.
        all_values_requested(str): the user asked for every value of this facet (its name);
            answer with :meth:`show_all_values`.
    """

    query_changed = Signal(str)
    all_values_requested = Signal(str)

    def __init__(
        self, searches: SavedSearches | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("filterSidebar")
        self.searches = searches if searches is not None else SavedSearches(parent=self)
        self.search_box = SearchBox()
        self.save_button = QToolButton()
        self.save_button.setObjectName("saveSearchButton")
        self.save_button.setText(self.tr("Save…"))
        self.save_button.setAccessibleName(self.tr("Save search"))
        self.save_button.setAccessibleDescription(
            self.tr("Save the query under a name, to run it again from the list ({0})").format(
                SAVE_SHORTCUT
            )
        )
        self.save_button.setToolTip(
            self.tr("Save this search under a name ({0})").format(SAVE_SHORTCUT)
        )
        self.save_button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.save_button.setEnabled(False)
        self.search_box.add_button(self.save_button)
        self.chips = ChipBar()
        self.searches_panel = SearchesPanel(self.searches, self)
        self.facets = FacetTreeModel(self)
        self.tree = self._facet_tree()
        self.status = QLabel()
        self.status.setObjectName("facetStatus")
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setWordWrap(True)
        self.status.setEnabled(False)
        self.status.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 0, 6)
        for widget in (self.search_box, self.chips, self.searches_panel):
            layout.addWidget(widget)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.status)
        self.menu: QMenu | None = None
        self.all_values: AllValuesDialog | None = None
        self._collapsed: set[str] = set()
        self._expanded_decades: set[str] = set()
        self.search_box.query_submitted.connect(self.query_changed)
        self.search_box.edit.textChanged.connect(self._on_text_changed)
        self.save_button.clicked.connect(self.save_current)
        self.chips.remove_requested.connect(self.remove_clause)
        self.searches_panel.query_chosen.connect(self.set_query)
        self.tree.chosen.connect(self._on_value_chosen)
        self.tree.menu_requested.connect(self._show_value_menu)
        self.tree.collapsed.connect(self._on_collapsed)
        self.tree.expanded.connect(self._on_expanded)
        self._chain_tab_order()

    def _facet_tree(self) -> ValueView:
        tree = ValueView()
        tree.setObjectName("facetTree")
        tree.setModel(self.facets)
        tree.setHeaderHidden(True)
        tree.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)  # the text says
        tree.setAccessibleName(self.tr("Facets"))
        tree.setAccessibleDescription(gestures())
        header = tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        # Sized by _fit_count_column: ResizeToContents asks every row for its size on
        # each update, which cost more than the rest of the update together.
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Fixed)
        return tree

    # ------------------------------------------------------------------ public

    @property
    def query(self) -> str:
        """The query text in the box."""
        return self.search_box.text

    def set_query(self, text: str) -> None:
        """Put a query in the box and search for it."""
        self.search_box.set_query(text)

    def add_clause(self, clause: str, exclude: bool = False) -> None:
        """Include a clause in the query (or exclude it as ``-clause``) and search."""
        self.search_box.set_query(apply_clause(self.query, clause, exclude=exclude))

    def set_range(self, clause: str) -> None:
        """Search within a date range, replacing the range chosen before (the timeline)."""
        self.search_box.set_query(replace_field(self.query, clause))

    def remove_clause(self, clause: Clause) -> None:
        """Take one clause out of the query and search; a chip keeps the keyboard focus."""
        focused = self.chips.has_focus_within()
        position = next((i for i, c in enumerate(self.chips.clauses) if c == clause), 0)
        self.search_box.set_query(remove_clause(self.query, clause))
        if focused and not self.chips.focus_chip(position):
            self.search_box.edit.setFocus(Qt.FocusReason.OtherFocusReason)

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
        self._fit_count_column()
        for row in range(self.facets.rowCount()):
            group = self.facets.index(row, 0)
            key = str(group.data(KEY_ROLE))
            self.tree.setExpanded(group, key not in self._collapsed)
            for child_row in range(self.facets.rowCount(group)):
                child = self.facets.index(child_row, 0, group)
                if self.facets.rowCount(child):
                    self.tree.setExpanded(child, str(child.data()) in self._expanded_decades)
        if pending:
            self.status.setText(QCoreApplication.translate("FilterSidebar", COUNTING))
        else:
            self.status.setText(self.tr("No facets for this result.") if facets else "")
        self.status.setVisible(pending or not facets or self.facets.rowCount() == 0)

    def _fit_count_column(self) -> None:
        """Make the count column as wide as its widest count, in bold (included values)."""
        bold = QFont(self.tree.font())
        bold.setBold(True)
        metrics = QFontMetrics(bold)
        widest = max((metrics.horizontalAdvance(t) for t in self.facets.count_texts()), default=0)
        style = self.tree.style()
        frame = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, self.tree)
        self.tree.header().resizeSection(1, widest + 2 * (frame + 1))

    def show_all_values(self, facet: Facet) -> None:
        """Open the window listing every value of a facet (replacing one already open)."""
        if self.all_values is not None:
            self.all_values.close()
            self.all_values.deleteLater()
        dialog = self.all_values = AllValuesDialog(facet, self)
        dialog.value_chosen.connect(lambda clause, exclude: self.add_clause(clause, exclude))
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()
        dialog.filter.setFocus(Qt.FocusReason.OtherFocusReason)

    def record_query_run(self, query: str) -> None:
        """Note a query the window searched successfully, for the recent searches."""
        self.searches.record(query)

    def save_current(self) -> None:
        """Ask for a name and save the query in the box (nothing to do when it is blank)."""
        self.searches_panel.save(self.query)

    # ------------------------------------------------------------------ slots

    def _on_text_changed(self, text: str) -> None:
        self.chips.set_clauses(clauses(text))
        applied = required(text)
        self.facets.set_applied(
            [c.body for c in applied if not c.negated], [c.body for c in applied if c.negated]
        )
        self.save_button.setEnabled(bool(text.strip()))
        self._chain_tab_order()

    def _chain_tab_order(self) -> None:
        """Box, Save, the chips left to right, the searches, the facets: as they are seen."""
        chain: list[QWidget] = [
            self.search_box.edit,
            self.save_button,
            *self.chips.chips,
            self.searches_panel.view,
            self.tree,
        ]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    def _on_value_chosen(self, index: QModelIndex, exclude: bool) -> None:
        first = index.siblingAtColumn(0)
        clause, more = first.data(CLAUSE_ROLE), first.data(MORE_ROLE)
        if clause:
            self.add_clause(str(clause), exclude)
        elif more:
            self.all_values_requested.emit(str(more))
        elif first.isValid():
            self.tree.setExpanded(first, not self.tree.isExpanded(first))

    def _show_value_menu(self, index: QModelIndex, where: QPoint) -> None:
        clause = str(index.siblingAtColumn(0).data(CLAUSE_ROLE) or "")
        if not clause:
            return
        if self.menu is not None:
            self.menu.deleteLater()
        self.menu = value_menu(self, clause, lambda exclude: self.add_clause(clause, exclude))
        self.menu.popup(where)

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
