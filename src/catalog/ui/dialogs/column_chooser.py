"""Which columns a tabular export writes, and in what order: a checkable, reorderable list.

Columns are ticked to include them and moved with drag and drop or, from the keyboard,
with the Up and Down buttons (Alt+Up, Alt+Down). "Default" restores every column in the
format's own order.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)


class ColumnChooser(QWidget):
    """A list of columns to tick and reorder.

    Signals:
        changed(): a column was ticked, unticked or moved.
    """

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._default: tuple[str, ...] = ()
        self.list = QListWidget()
        self.list.setObjectName("exportColumns")
        self.list.setAccessibleName(self.tr("Columns to export"))
        self.list.setAccessibleDescription(
            self.tr(
                "Tick the columns to write with Space; drag them, or use Move up and "
                "Move down, to order them"
            )
        )
        self.list.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.list.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.list.itemChanged.connect(lambda _item: self.changed.emit())
        self.list.model().rowsMoved.connect(lambda *_args: self.changed.emit())
        buttons = QVBoxLayout()
        for name, text, accessible, description, shortcut, slot in (
            (
                "columnUp",
                self.tr("Move &up"),
                self.tr("Move up"),
                self.tr("Move the current column up one place (Alt+Up)"),
                "Alt+Up",
                lambda: self._move(-1),
            ),
            (
                "columnDown",
                self.tr("Move &down"),
                self.tr("Move down"),
                self.tr("Move the current column down one place (Alt+Down)"),
                "Alt+Down",
                lambda: self._move(1),
            ),
            (
                "columnsDefault",
                self.tr("De&fault"),
                self.tr("Default"),
                self.tr("Tick every column, in the format's own order"),
                "",
                self.reset,
            ),
        ):
            button = QPushButton(text)
            button.setObjectName(name)
            button.setAccessibleName(accessible)
            button.setAccessibleDescription(description)
            if shortcut:
                button.setShortcut(QKeySequence(shortcut))
                button.setToolTip(
                    QKeySequence(shortcut).toString(QKeySequence.SequenceFormat.NativeText)
                )
            button.clicked.connect(slot)
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)

    def set_columns(self, every: Sequence[str], chosen: Sequence[str] = ()) -> None:
        """Show ``every`` column: the ``chosen`` ones first, ticked, in their order."""
        self._default = tuple(every)
        picked = [c for c in chosen if c in every] or list(every)
        rest = [c for c in every if c not in picked]
        self.list.blockSignals(True)
        self.list.clear()
        for column in [*picked, *rest]:
            item = QListWidgetItem(column)
            item.setFlags(
                Qt.ItemFlag.ItemIsEnabled
                | Qt.ItemFlag.ItemIsSelectable
                | Qt.ItemFlag.ItemIsUserCheckable
                | Qt.ItemFlag.ItemIsDragEnabled
            )
            ticked = column in picked
            item.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)
            self.list.addItem(item)
        self.list.blockSignals(False)
        self.list.setCurrentRow(0)
        self.changed.emit()

    def chosen(self) -> tuple[str, ...]:
        """The ticked columns, in the order shown."""
        items = (self.list.item(row) for row in range(self.list.count()))
        return tuple(i.text() for i in items if i.checkState() == Qt.CheckState.Checked)

    def reset(self) -> None:
        """Every column, in the format's own order."""
        self.set_columns(self._default)

    def _move(self, step: int) -> None:
        row = self.list.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.list.count():
            return
        item = self.list.takeItem(row)
        self.list.insertItem(target, item)
        self.list.setCurrentRow(target)
        self.changed.emit()
