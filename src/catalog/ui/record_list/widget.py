"""The record list view: header clicks ask for a new sorted search; selection is by id.

Built for a million rows: rows have one fixed height (no per-row size hints), cells are
read only for the rows on screen, type-to-find is off (it would read every row), and
the selection is handled as runs of rows rather than one object per selected row.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from PySide6.QtCore import (
    QByteArray,
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QAction, QKeySequence, QPainter, QPaintEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QMenu, QTableView, QWidget

from catalog.domain.records import RecordSummary
from catalog.domain.views import SortKey, SortOrder
from catalog.ui.ports import CatalogPort
from catalog.ui.record_list.header import ColumnHeader
from catalog.ui.record_list.ids import IdArray, RecordIds
from catalog.ui.record_list.model import RecordTableModel
from catalog.ui.record_list.selection import kept_runs, selected_runs, selection_of
from catalog.ui.record_list.sorting import DEFAULT_SORT, after_click, describe

COLUMNS_SHORTCUT = "Ctrl+Shift+H"
"""Opens the columns and sorting menu while the list has the focus."""


class RecordList(QTableView):
    """The table of records found by the current search.

    Signals:
        selection_changed(RecordIds): the selected records' ids in list order, a
            numpy-backed Sequence[int] (``len`` and ``[0]`` are cheap at any size;
            iterating it makes Python ints).
        selection_count_changed(int): how many records are selected, when it changes.
        sort_changed(tuple[SortOrder, ...]): the user clicked a sortable header; the
            new sort, primary key first. The list is not reordered until
            ``show_result`` brings the new search's ids.
    """

    selection_changed = Signal(object)
    selection_count_changed = Signal(int)
    sort_changed = Signal(object)

    def __init__(self, service: CatalogPort, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("recordList")
        self.setAccessibleName(self.tr("Records"))
        self.setAccessibleDescription(
            self.tr(
                "The records the search found. Click a column header to sort by it; "
                "right-click a header to choose the columns. From the keyboard, "
                "Ctrl+Shift+H opens the columns and sorting menu."
            )
        )
        self.records = RecordTableModel(service, self)
        self.setModel(self.records)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setAlternatingRowColors(True)
        self.setShowGrid(False)
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerItem)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setTabKeyNavigation(False)  # Tab moves on to the detail pane, not cell to cell
        rows = self.verticalHeader()
        rows.hide()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.header = ColumnHeader(self.records.columns, self)
        self.setHorizontalHeader(self.header)
        self.header.apply_defaults()
        # A header asks its selection model whether each column is wholly selected, one
        # row at a time, on every repaint: with a million rows selected that took
        # seconds. Columns are never selected here, so it gets an empty one of its own.
        self.header.setSelectionModel(QItemSelectionModel(self.records, self.header))
        self._placeholder = ""
        self._orders: tuple[SortOrder, ...] = DEFAULT_SORT
        self._count = 0
        self.show_sort(DEFAULT_SORT)
        self.header.sectionClicked.connect(self._on_section_clicked)
        # The header takes no focus: the keyboard reaches its menu (and sorting) from here.
        self.columns_action = QAction(self.tr("Columns and Sorting"), self)
        self.columns_action.setObjectName("recordListColumnsAndSorting")
        self.columns_action.setShortcut(QKeySequence(COLUMNS_SHORTCUT))
        self.columns_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.columns_action.triggered.connect(self.show_column_menu)
        self.addAction(self.columns_action)
        self.selectionModel().selectionChanged.connect(self._on_selection_changed)

    # ------------------------------------------------------------------ result

    def show_result(
        self,
        ids: Sequence[int] | IdArray,
        placeholder: str = "",
        rows: Iterable[RecordSummary] = (),
    ) -> None:
        """Show new ids; selected records still there stay selected, and the current one
        stays current at the same height in the view. ``rows``, read with the ids, are
        shown without reading them again."""
        model = self.records
        old_ids = model.id_array
        kept = self.selected_ids()
        current_id = self.current_id()
        top = self.rowAt(0)  # the anchor: the current row if on screen, else the top row
        anchor_row = self.currentIndex().row()
        if not top <= anchor_row <= top + self._rows_on_screen():
            anchor_row = top
        anchor_id = model.record_id(anchor_row) if anchor_row >= 0 else None
        self._placeholder = placeholder
        self.selectionModel().blockSignals(True)
        try:
            model.set_ids(ids, rows)
            self._reselect(old_ids, kept, current_id)
        finally:
            self.selectionModel().blockSignals(False)
        self._scroll_back(anchor_id, anchor_row - top)
        self.viewport().update()
        self._announce_selection()

    def refresh_rows(self, record_ids: Sequence[int] | None = None) -> None:
        """Read rows again (all, or those of some records) the next time they are shown."""
        self.records.forget(record_ids)

    def selected_ids(self) -> RecordIds:
        """Ids of the selected records, in list order (cheap for any selection size)."""
        starts, stops = selected_runs(self.selectionModel().selection())
        return RecordIds(self.records.id_array, starts, stops)

    def selected_count(self) -> int:
        """How many records are selected."""
        return self._count

    def current_id(self) -> int | None:
        """The record of the current (focused) row, if any."""
        current = self.currentIndex()
        return self.records.record_id(current.row()) if current.isValid() else None

    # ------------------------------------------------------------------ sorting

    def sort_orders(self) -> tuple[SortOrder, ...]:
        """The sort shown, primary key first."""
        return self._orders

    def show_sort(self, orders: Sequence[SortOrder]) -> None:
        """Show a sort in the header without asking for a search."""
        self._orders = tuple(orders)
        primary = self._orders[0] if self._orders else None
        section = self._section_of(primary.key) if primary else -1
        descending = primary is not None and primary.descending
        order = Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder
        self.header.blockSignals(True)
        try:
            self.header.setSortIndicator(section, order)
        finally:
            self.header.blockSignals(False)
        headers = {c.sort: c.title for c in self.records.columns if c.sort is not None}
        self.header.show_sort_text(describe(self._orders, headers))

    # ------------------------------------------------------------------ columns

    def column_menu(self) -> QMenu:
        """The header's context menu: a checkable action per column, and a reset."""
        return self.header.column_menu(self)

    def sort_menu(self, parent: QWidget | None = None) -> QMenu:
        """A menu of the sortable columns shown: choosing one does what a click on its
        header does (sorts by it, or reverses the order when it already sorts)."""
        menu = QMenu(self.tr("&Sort By"), parent or self)
        menu.setObjectName("recordListSortMenu")
        menu.setAccessibleName(self.tr("Sort by"))
        menu.setAccessibleDescription(
            self.tr("Sort the records by a column; choose the sorting column again to reverse.")
        )
        primary = self._orders[0].key if self._orders else None
        for visual in range(self.header.count()):
            section = self.header.logicalIndex(visual)
            column = self.records.columns[section]
            if column.sort is None or self.header.isSectionHidden(section):
                continue
            action = menu.addAction(column.title)
            action.setObjectName(f"sortBy_{column.key}")
            action.setCheckable(True)
            action.setChecked(column.sort is primary)
            action.setStatusTip(self.tr("Sort the records by {0}.").format(column.title))
            action.setData(section)
        # The menu's signal, not a lambda per action: PySide crashed deleting the menu
        # when each action's lambda held the list.
        menu.triggered.connect(self._on_sort_chosen)
        return menu

    def show_column_menu(self) -> QMenu:
        """The columns and sorting menu, under the header (Ctrl+Shift+H): the keyboard's
        way to what the header's clicks do."""
        menu = self.column_menu()
        menu.insertMenu(menu.actions()[0], self.sort_menu(menu))
        menu.insertSeparator(menu.actions()[1])
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.popup(self.mapToGlobal(self.header.geometry().bottomLeft()))
        return menu

    def save_state(self) -> QByteArray:
        """Column order, widths and visibility, for the window's settings."""
        return self.header.save_state()

    def restore_state(self, state: object) -> bool:
        """Restore ``save_state``'s bytes; anything else is ignored and returns False."""
        restored = self.header.restore_state(state)
        self.show_sort(self._orders)  # the saved header carried its own indicator
        return restored

    # ------------------------------------------------------------------ Qt overrides

    def moveCursor(  # noqa: N802
        self, action: QAbstractItemView.CursorAction, modifiers: Qt.KeyboardModifier
    ) -> QModelIndex:
        """Home and End go to the first and last record (a table's default is the row's
        first and last cell, meaningless when whole rows are selected)."""
        if action in (
            QAbstractItemView.CursorAction.MoveHome,
            QAbstractItemView.CursorAction.MoveEnd,
        ):
            modifiers |= Qt.KeyboardModifier.ControlModifier
        return super().moveCursor(action, modifiers)

    def keyboardSearch(self, search: str) -> None:  # noqa: N802
        """Type-to-find is off: matching typed text would read every row of the result."""

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        """Draw the table, or a line saying why it is empty."""
        super().paintEvent(event)
        if self.records.rowCount() or not self._placeholder:
            return
        painter = QPainter(self.viewport())
        painter.setPen(self.palette().placeholderText().color())
        area = self.viewport().rect().adjusted(24, 32, -24, -24)
        flags = Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop
        painter.drawText(area, int(flags) | int(Qt.TextFlag.TextWordWrap), self._placeholder)
        painter.end()

    # ------------------------------------------------------------------ helpers

    def _section_of(self, key: SortKey) -> int:
        columns = self.records.columns
        return next((n for n, column in enumerate(columns) if column.sort is key), -1)

    def _first_visible_column(self) -> int:
        for visual in range(self.header.count()):
            logical = self.header.logicalIndex(visual)
            if not self.header.isSectionHidden(logical):
                return logical
        return 0

    def _rows_on_screen(self) -> int:
        return max(
            1, self.viewport().height() // max(1, self.verticalHeader().defaultSectionSize())
        )

    def _reselect(self, old_ids: IdArray, kept: RecordIds, current_id: int | None) -> None:
        model = self.records
        current_row = model.row_of(current_id) if current_id is not None else None
        found = kept_runs(old_ids, model.id_array, kept)
        starts: list[int] = []
        stops: list[int] = []
        if found is not None:
            starts, stops = found[0].tolist(), found[1].tolist()
        elif current_row is not None and current_id in kept:  # too scattered: keep current
            starts, stops = [current_row], [current_row + 1]
        if starts:
            selection = selection_of(model, starts, stops, model.columnCount())
            self.selectionModel().select(selection, QItemSelectionModel.SelectionFlag.Select)
        if current_row is not None:
            index = model.index(current_row, self._first_visible_column())
            self.selectionModel().setCurrentIndex(index, QItemSelectionModel.SelectionFlag.NoUpdate)

    def _scroll_back(self, anchor_id: int | None, offset: int) -> None:
        """Put the record that was current (or at the top) back at the same height."""
        row = self.records.row_of(anchor_id) if anchor_id is not None else None
        self.updateGeometries()  # the scroll range still fits the previous result
        bar = self.verticalScrollBar()
        bar.setValue(max(0, row - offset) if row is not None else 0)

    def _on_section_clicked(self, section: int) -> None:
        if not 0 <= section < len(self.records.columns):
            return
        key = self.records.columns[section].sort
        if key is None:  # not sortable: put back the indicator the click moved
            self.show_sort(self._orders)
            return
        self.show_sort(after_click(self._orders, key))
        self.sort_changed.emit(self._orders)

    def _on_sort_chosen(self, action: QAction) -> None:
        section = action.data()
        if isinstance(section, int):
            self._on_section_clicked(section)

    def _on_selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self._announce_selection()

    def _announce_selection(self) -> None:
        selected = self.selected_ids()
        self.selection_changed.emit(selected)
        if len(selected) != self._count:
            self._count = len(selected)
            self.selection_count_changed.emit(self._count)
