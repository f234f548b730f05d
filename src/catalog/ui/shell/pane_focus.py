"""F6 and Shift+F6: the keyboard's way from pane to pane.

Tab walks every control in turn; a keyboard user who wants the detail pane from the
search box would press it a dozen times. View → Next pane (F6) puts the focus in the
next shown pane (sidebar, timeline, list, details, in that order, round again), on its
first control; Shift+F6 goes back.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from catalog.ui.shell.actions import ActionId, Actions


def first_control(pane: QWidget) -> QWidget | None:
    """The first control of ``pane`` that Tab would reach, or None."""
    widget = pane
    for _ in range(len(pane.findChildren(QWidget)) + 1):
        if (
            (widget is pane or pane.isAncestorOf(widget))
            and widget.isVisible()
            and widget.isEnabled()
            and widget.focusPolicy() & Qt.FocusPolicy.TabFocus
        ):
            return widget
        following = widget.nextInFocusChain()
        if following is None or following is pane:
            break
        widget = following
    return None


class PaneFocus:
    """Moves the focus between ``panes`` (in their order)."""

    def __init__(self, panes: Sequence[QWidget]) -> None:
        self._panes = list(panes)

    def step(self, by: int) -> None:
        """Focus the next (``by`` = 1) or previous (-1) shown pane that has a control."""
        shown = [pane for pane in self._panes if pane.isVisible()]
        focus = QApplication.focusWidget()
        current = next(
            (
                n
                for n, pane in enumerate(shown)
                if focus and (focus is pane or pane.isAncestorOf(focus))
            ),
            -1 if by > 0 else 0,
        )
        for k in range(1, len(shown) + 1):
            target = first_control(shown[(current + by * k) % len(shown)])
            if target is not None:
                target.setFocus(Qt.FocusReason.TabFocusReason)
                return


def install(actions: Actions, panes: Sequence[QWidget]) -> PaneFocus:
    """Connect View → Next pane and Previous pane to a :class:`PaneFocus` over ``panes``."""
    moves = PaneFocus(panes)
    actions[ActionId.NEXT_PANE].triggered.connect(lambda: moves.step(1))
    actions[ActionId.PREVIOUS_PANE].triggered.connect(lambda: moves.step(-1))
    return moves
