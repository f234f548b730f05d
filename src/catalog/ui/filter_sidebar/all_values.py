"""Every value of one facet, with a filter box: for facets too long for the sidebar.

The sidebar shows a long facet's top values; this window lists them all (a person facet
may hold thousands) and narrows them as the user types, ignoring case and accents, so
"Tet" finds "Têt". It does not block the main window, and closes once a value is
applied, since its counts belong to the query it was opened for.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from catalog.domain.names import fold
from catalog.domain.records import Facet, FacetValue
from catalog.ui.filter_sidebar.item import facet_title
from catalog.ui.filter_sidebar.model import CLAUSE_ROLE, gestures
from catalog.ui.filter_sidebar.value_view import ENTER_KEYS, ValueView, value_menu

Index = QModelIndex | QPersistentModelIndex


class FacetValuesModel(QAbstractTableModel):
    """A facet's values (label, count) that contain the filter text, folded."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._values: list[FacetValue] = []
        self._folded: list[str] = []
        self._shown: list[int] = []
        self._filter = ""

    def set_values(self, values: Sequence[FacetValue]) -> None:
        """Show these values (those with no records left out), filtered as before."""
        self.beginResetModel()
        self._values = [value for value in values if value.count > 0]
        self._folded = [fold(value.label) for value in self._values]
        self._shown = self._matching(self._filter)
        self.endResetModel()

    def set_filter(self, text: str) -> None:
        """Show only the values whose label contains ``text`` (case and accents ignored)."""
        self._filter = fold(text.strip())
        self.beginResetModel()
        self._shown = self._matching(self._filter)
        self.endResetModel()

    @property
    def total(self) -> int:
        """How many values there are, shown or not."""
        return len(self._values)

    def value(self, index: Index) -> FacetValue | None:
        """The value at an index (None when invalid)."""
        if not index.isValid() or not 0 <= index.row() < len(self._shown):
            return None
        return self._values[self._shown[index.row()]]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        """The values that match the filter."""
        return 0 if parent.isValid() else len(self._shown)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        """Label and count."""
        return 0 if parent.isValid() else 2

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Label, count, clause, alignment and accessible text."""
        value = self.value(index)
        if value is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return value.label if index.column() == 0 else f"{value.count:,}"
        if role == CLAUSE_ROLE:
            return value.clause
        if role == Qt.ItemDataRole.AccessibleTextRole and index.column() == 0:
            n = value.count
            text = (
                self.tr("{0}, {1} record", "", n) if n == 1 else self.tr("{0}, {1} records", "", n)
            )
            return text.format(value.label, f"{n:,}")
        if role == Qt.ItemDataRole.AccessibleDescriptionRole:
            return gestures()
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 1:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """ "Value" and "Records"."""
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("Value"), self.tr("Records"))[section] if section in (0, 1) else None
        return None

    def _matching(self, needle: str) -> list[int]:
        if not needle:
            return list(range(len(self._values)))
        return [row for row, folded in enumerate(self._folded) if needle in folded]


class AllValuesDialog(QDialog):
    """A non-modal window listing every value of a facet, to include or exclude one.

    Signals:
        value_chosen(str, bool): the clause of the chosen value; True to exclude it.
    """

    value_chosen = Signal(str, bool)

    def __init__(self, facet: Facet, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("allValuesDialog")
        self.facet_name = facet.name
        title = facet_title(facet)
        self.setWindowTitle(self.tr("All values: {0}").format(title))
        self.setAccessibleName(self.tr("All values of {0}").format(title))
        self.setModal(False)
        self.filter = QLineEdit()
        self.filter.setObjectName("allValuesFilter")
        self.filter.setPlaceholderText(self.tr("Filter values…"))
        self.filter.setClearButtonEnabled(True)
        self.filter.setAccessibleName(self.tr("Filter {0} values").format(title))
        self.filter.setAccessibleDescription(
            self.tr(
                "Lists only the values containing this text, ignoring case and accents. "
                "Enter includes the highlighted value, Shift+Enter excludes it."
            )
        )
        self.values = FacetValuesModel(self)
        self.values.set_values(facet.values)
        self.list = ValueView()
        self.list.setObjectName("allValuesList")
        self.list.setModel(self.values)
        self.list.setRootIsDecorated(False)
        self.list.setAccessibleName(self.tr("{0} values", "name of the list").format(title))
        self.list.setAccessibleDescription(gestures())
        header = self.list.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.summary = QLabel()
        self.summary.setObjectName("allValuesSummary")
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setAccessibleDescription(self.tr("Closes this window without changing the search"))
        self.include_button = self._button(
            buttons,
            self.tr("&Include"),
            self.tr("Include value"),
            self.tr("Add the value to the search"),
        )
        self.exclude_button = self._button(
            buttons,
            self.tr("&Exclude"),
            self.tr("Exclude value"),
            self.tr("Leave out the records with the value"),
        )
        self.include_button.clicked.connect(lambda: self._choose(self.list.currentIndex(), False))
        self.exclude_button.clicked.connect(lambda: self._choose(self.list.currentIndex(), True))
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.filter)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.summary)
        layout.addWidget(buttons)
        self.menu: QMenu | None = None
        self.filter.textChanged.connect(self._on_filter)
        self.filter.installEventFilter(self)
        self.list.chosen.connect(self._choose)
        self.list.menu_requested.connect(self._show_menu)
        self.resize(420, 520)
        self._on_filter("")

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        """In the filter box, Enter chooses the highlighted value and Down moves to the list."""
        if watched is self.filter and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            shift = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
            if event.key() in ENTER_KEYS:
                self._choose(self.list.currentIndex(), shift)
                return True
            if event.key() == Qt.Key.Key_Down and self.values.rowCount():
                self.list.setFocus(Qt.FocusReason.TabFocusReason)
                return True
        return super().eventFilter(watched, event)

    def _button(self, box: QDialogButtonBox, text: str, name: str, tip: str) -> QPushButton:
        button = box.addButton(text, QDialogButtonBox.ButtonRole.ActionRole)
        button.setAccessibleName(name)
        button.setAccessibleDescription(tip)
        button.setToolTip(tip)
        button.setAutoDefault(False)
        return button

    def _on_filter(self, text: str) -> None:
        self.values.set_filter(text)
        shown, total = self.values.rowCount(), self.values.total
        if shown == total:
            summary = self.tr("{0} values", "", total).format(f"{total:,}")
        else:
            summary = self.tr("{0} of {1} values", "", total).format(f"{shown:,}", f"{total:,}")
        self.summary.setText(summary)
        first = self.values.index(0, 0)
        self.list.setCurrentIndex(first)
        self.include_button.setEnabled(first.isValid())
        self.exclude_button.setEnabled(first.isValid())

    def _choose(self, index: QModelIndex, exclude: bool) -> None:
        value = self.values.value(index)
        if value is not None:
            self._apply(value.clause, exclude)

    def _apply(self, clause: str, exclude: bool) -> None:
        self.value_chosen.emit(clause, exclude)
        self.close()

    def _show_menu(self, index: QModelIndex, where: QPoint) -> None:
        value = self.values.value(index)
        if value is None:
            return
        if self.menu is not None:
            self.menu.deleteLater()
        clause = value.clause
        self.menu = value_menu(self, clause, lambda exclude: self._apply(clause, exclude))
        self.menu.popup(where)
