"""Chips: one small button per clause of the query, each removing its clause.

They show what is applied at a glance (and let a clause be undone with one click, or
with Delete from the keyboard) without editing the text by hand. They wrap onto as many
lines as the sidebar's width needs.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLayout, QLayoutItem, QPushButton, QSizePolicy, QWidget

from catalog.domain.query_clauses import Clause
from catalog.ui.text import safe_tooltip

CHIP_CHARS = 40
"""Longer clauses are cut on the chip (the tooltip and accessible name hold them whole)."""
REMOVE_KEYS = (Qt.Key.Key_Delete, Qt.Key.Key_Backspace)


class FlowLayout(QLayout):
    """Lays its items out left to right, wrapping onto new lines like words."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 4) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._spacing = spacing
        self.setContentsMargins(0, 0, 0, 0)

    def addItem(self, item: QLayoutItem) -> None:  # noqa: N802
        """Append an item (Qt calls this from addWidget)."""
        self._items.append(item)

    def count(self) -> int:
        """How many items there are."""
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:  # noqa: N802
        """The item at ``index``, or None."""
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:  # noqa: N802
        """Remove and return the item at ``index``, or None."""
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:  # noqa: N802
        """It never asks for more than its lines need."""
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:  # noqa: N802
        """Its height depends on its width: narrower means more lines."""
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802
        """The height the items need at this width."""
        return self._arrange(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:  # noqa: N802
        """Place the items within ``rect``."""
        super().setGeometry(rect)
        self._arrange(rect, move=True)

    def sizeHint(self) -> QSize:  # noqa: N802
        """As wide as the widest item, as tall as one line."""
        return self.minimumSize()

    def minimumSize(self) -> QSize:  # noqa: N802
        """Room for the largest item."""
        size = QSize()
        for item in self._items:
            size = size.expandedTo(item.minimumSize())
        margins = self.contentsMargins()
        return size + QSize(margins.left() + margins.right(), margins.top() + margins.bottom())

    def _arrange(self, rect: QRect, *, move: bool) -> int:
        margins = self.contentsMargins()
        area = rect.adjusted(margins.left(), margins.top(), -margins.right(), -margins.bottom())
        x, y, line_height = area.x(), area.y(), 0
        for item in self._items:
            if item.isEmpty():
                continue
            hint = item.sizeHint()
            if x > area.x() and x + hint.width() > area.right() + 1:
                x, y, line_height = area.x(), y + line_height + self._spacing, 0
            if move:
                item.setGeometry(QRect(QPoint(x, y), hint))
            x += hint.width() + self._spacing
            line_height = max(line_height, hint.height())
        return y + line_height - rect.y() + margins.bottom()


class ChipBar(QWidget):
    """The clauses of the query as chips; activating one asks to remove its clause.

    Signals:
        remove_requested(Clause): the user clicked a chip, or pressed Delete on it.
    """

    remove_requested = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("queryChips")
        self.setAccessibleName(self.tr("Applied filters"))
        self.setAccessibleDescription(self.tr("Each button removes its clause from the search"))
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self._layout = FlowLayout(self)
        self.chips: list[QPushButton] = []
        self._clauses: list[Clause] = []
        self.hide()

    @property
    def clauses(self) -> list[Clause]:
        """The clauses shown, one per chip."""
        return list(self._clauses)

    def set_clauses(self, clauses: Sequence[Clause]) -> None:
        """Show a chip per clause (none: the bar hides)."""
        if [c.text for c in clauses] == [c.text for c in self._clauses]:
            self._clauses = list(clauses)  # the same chips; only the spans moved
            return
        for chip in self.chips:
            self._layout.removeWidget(chip)
            chip.hide()
            chip.deleteLater()  # it may be the chip whose click brought us here
        self._clauses = list(clauses)
        self.chips = [self._chip(clause) for clause in self._clauses]
        for chip in self.chips:
            self._layout.addWidget(chip)
            chip.show()  # now, not when the layout gets round to it: it may take the focus
        self.setVisible(bool(self.chips))
        self.updateGeometry()

    def has_focus_within(self) -> bool:
        """True when one of the chips has the keyboard focus."""
        return any(chip.hasFocus() for chip in self.chips)

    def focus_chip(self, index: int) -> bool:
        """Focus the chip at ``index`` (or the last); False when there are none."""
        if not self.chips:
            return False
        self.chips[max(0, min(index, len(self.chips) - 1))].setFocus(Qt.FocusReason.TabFocusReason)
        return True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        """Delete or Backspace on a chip removes its clause, as a click does."""
        if event.type() == QEvent.Type.KeyPress and watched in self.chips:
            assert isinstance(event, QKeyEvent)
            if event.key() in REMOVE_KEYS:
                self._request(watched)
                return True
        return super().eventFilter(watched, event)

    def _chip(self, clause: Clause) -> QPushButton:
        shown = clause.text if len(clause.text) <= CHIP_CHARS else clause.text[: CHIP_CHARS - 1]
        shown = shown if shown == clause.text else shown + "…"
        chip = QPushButton(f"{shown.replace('&', '&&')}  ×", self)
        chip.setObjectName("queryChip")
        chip.setAccessibleName(self.tr("Remove filter {0}").format(clause.text))
        chip.setAccessibleDescription(
            self.tr("Removes this clause from the search and searches again")
        )
        chip.setToolTip(
            safe_tooltip(self.tr("{0}\nClick or press Delete to remove it").format(clause.text))
        )
        chip.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        chip.setAutoDefault(False)
        chip.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        chip.setStyleSheet(
            "QPushButton { border: 1px solid palette(mid); border-radius: 9px;"
            " padding: 1px 7px; background: palette(alternate-base); }"
            "QPushButton:focus { border: 2px solid palette(highlight); }"
        )
        chip.clicked.connect(lambda: self._request(chip))
        chip.installEventFilter(self)
        return chip

    def _request(self, chip: QObject) -> None:
        if chip in self.chips:
            self.remove_requested.emit(self._clauses[self.chips.index(chip)])
