"""The record list view: header clicks ask for a new sorted search; selection is by id."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QItemSelection, QItemSelectionModel, Qt, Signal
from PySide6.QtGui import QPainter, QPaintEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from catalog.domain.views import SortKey
from catalog.ui.ports import CatalogPort
from catalog.ui.record_list.model import RecordTableModel


class RecordList(QTableView):
    """The table of records found by the current search.

    Signals:
        selection_changed(list): ids of the selected records, in list order.
        sort_requested(SortKey, bool): the user clicked a header (key, descending).
    """

    selection_changed = Signal(list)
    sort_requested = Signal(object, bool)

    def __init__(self, service: CatalogPort, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("recordList")
        self.records = RecordTableModel(service, self)
        self.setModel(self.records)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setAlternatingRowColors(True)
        self.setShowGrid(False)
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.verticalHeader().hide()
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionsClickable(True)
        header.setSortIndicatorShown(True)
        header.setStretchLastSection(False)
        for section, column in enumerate(self.records.columns):
            if column.width:
                header.setSectionResizeMode(section, QHeaderView.ResizeMode.Interactive)
                header.resizeSection(section, column.width)
            else:
                header.setSectionResizeMode(section, QHeaderView.ResizeMode.Stretch)
        self._placeholder = ""
        self._sort = (SortKey.DATE, False)
        self.show_sort(SortKey.DATE, descending=False)
        header.sortIndicatorChanged.connect(self._on_sort_indicator_changed)
        self.selectionModel().selectionChanged.connect(self._on_selection_changed)

    # ------------------------------------------------------------------ result

    def show_result(self, ids: Sequence[int], placeholder: str = "") -> None:
        """Show new ids, keeping the selected records that are still there selected."""
        kept = self.selected_ids()
        current = self.currentIndex()
        current_id = self.records.record_id(current.row()) if current.isValid() else None
        scroll = self.verticalScrollBar().value()
        self._placeholder = placeholder
        self.selectionModel().blockSignals(True)
        try:
            self.records.set_ids(ids)
            self._reselect(kept, current_id)
        finally:
            self.selectionModel().blockSignals(False)
        if kept:
            self.verticalScrollBar().setValue(scroll)
        self.viewport().update()
        self.selection_changed.emit(self.selected_ids())

    def refresh_rows(self, record_ids: Sequence[int] | None = None) -> None:
        """Read rows again (all, or those of some records) the next time they are shown."""
        self.records.forget(record_ids)

    def selected_ids(self) -> list[int]:
        """Ids of the selected records, in list order."""
        rows = sorted(index.row() for index in self.selectionModel().selectedRows())
        return [self.records.record_id(row) for row in rows]

    @property
    def sort(self) -> tuple[SortKey, bool]:
        """The order shown: the sort key and whether it is descending."""
        return self._sort

    def show_sort(self, key: SortKey, descending: bool) -> None:
        """Show a sort order in the header without asking for a search."""
        section = next(
            (n for n, column in enumerate(self.records.columns) if column.sort is key), -1
        )
        order = Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder
        header = self.horizontalHeader()
        header.blockSignals(True)
        try:
            header.setSortIndicator(section, order)
        finally:
            header.blockSignals(False)
        self._sort = (key, descending)

    # ------------------------------------------------------------------ painting

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

    # ------------------------------------------------------------------ slots

    def _reselect(self, record_ids: Sequence[int], current_id: int | None) -> None:
        selection = QItemSelection()
        last = self.records.columnCount() - 1
        wanted = set(record_ids)
        for row, record_id in enumerate(self.records.ids if wanted else ()):
            if record_id in wanted:
                selection.select(self.records.index(row, 0), self.records.index(row, last))
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect
        self.selectionModel().select(selection, flags)
        current_row = self.records.row_of(current_id) if current_id is not None else None
        if current_row is not None:
            self.selectionModel().setCurrentIndex(
                self.records.index(current_row, 0), QItemSelectionModel.SelectionFlag.NoUpdate
            )

    def _on_sort_indicator_changed(self, section: int, order: Qt.SortOrder) -> None:
        if not 0 <= section < len(self.records.columns):
            return
        key = self.records.columns[section].sort
        descending = order == Qt.SortOrder.DescendingOrder
        self._sort = (key, descending)
        self.sort_requested.emit(key, descending)

    def _on_selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self.selection_changed.emit(self.selected_ids())
