"""A tree view whose rows are chosen to include or to exclude, by mouse or keyboard.

The facet tree and the "all values" list share the gestures, so they are learnt once:
click or Enter includes; Alt+click or Shift+Enter excludes; the context menu (right
click, the menu key or Shift+F10) offers both.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QModelIndex, QPoint, Qt, Signal
from PySide6.QtGui import QAction, QContextMenuEvent, QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QAbstractItemView, QMenu, QTreeView, QWidget

from catalog.ui.text import safe_tooltip

ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class ValueView(QTreeView):
    """A read-only tree that reports a chosen row and whether to exclude it.

    Signals:
        chosen(QModelIndex, bool): a row was clicked or entered; True to exclude it.
        menu_requested(QModelIndex, QPoint): a context menu for a row (global position).
    """

    chosen = Signal(QModelIndex, bool)
    menu_requested = Signal(QModelIndex, QPoint)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setUniformRowHeights(True)
        self.setExpandsOnDoubleClick(False)
        self.setAnimated(False)
        self._modifiers = Qt.KeyboardModifier.NoModifier
        self.clicked.connect(self._on_clicked)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        """Remember the modifiers of the click that ``clicked`` is about to report."""
        self._modifiers = event.modifiers()
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        """Enter chooses the current row (Shift+Enter to exclude); Shift+F10 opens the menu."""
        current = self.currentIndex()
        shift = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
        if event.key() in ENTER_KEYS and current.isValid():
            event.accept()
            self.chosen.emit(current, shift)
            return
        if event.key() == Qt.Key.Key_F10 and shift and current.isValid():
            event.accept()
            self.menu_requested.emit(current, self._below(current))
            return
        super().keyPressEvent(event)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:  # noqa: N802
        """A right click asks for a menu for the row under it; the menu key for the current."""
        if event.reason() == QContextMenuEvent.Reason.Keyboard:
            index = self.currentIndex()
            where = self._below(index)
        else:
            index = self.indexAt(event.pos())
            where = event.globalPos()
        if index.isValid():
            event.accept()
            self.menu_requested.emit(index, where)

    def _below(self, index: QModelIndex) -> QPoint:
        return self.viewport().mapToGlobal(self.visualRect(index).bottomLeft())

    def _on_clicked(self, index: QModelIndex) -> None:
        exclude = bool(self._modifiers & Qt.KeyboardModifier.AltModifier)
        self._modifiers = Qt.KeyboardModifier.NoModifier
        self.chosen.emit(index, exclude)


def value_menu(parent: QWidget, clause: str, choose: Callable[[bool], None]) -> QMenu:
    """A menu to include or exclude a clause; ``choose(exclude)`` runs on a choice."""
    menu = QMenu(parent)
    menu.setObjectName("valueMenu")
    menu.setAccessibleName(QCoreApplication.translate("ValueMenu", "Filter by {0}").format(clause))
    menu.setToolTipsVisible(True)
    include = _action(
        menu,
        QCoreApplication.translate("ValueMenu", "&Include"),
        QCoreApplication.translate("ValueMenu", "Add {0} to the search").format(clause),
    )
    include.triggered.connect(lambda: choose(False))
    exclude = _action(
        menu,
        QCoreApplication.translate("ValueMenu", "&Exclude"),
        QCoreApplication.translate(
            "ValueMenu", "Add -{0} to the search: leave these records out"
        ).format(clause),
    )
    exclude.triggered.connect(lambda: choose(True))
    return menu


def _action(menu: QMenu, text: str, tip: str) -> QAction:
    action = menu.addAction(text)
    action.setToolTip(safe_tooltip(tip))
    action.setStatusTip(tip)
    return action
