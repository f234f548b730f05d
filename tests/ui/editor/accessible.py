"""What assistive technology hears of a window's controls: each needs a name and a
description (Qt reads them from accessibleName/Description, the text, a buddy label or
the tooltip)."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTranslator
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QProgressBar,
    QScrollBar,
    QTabBar,
    QToolButton,
    QWidget,
)


def _qt_internal(widget: QWidget) -> bool:
    """Parts Qt builds itself: scroll bars, a combo box's pop-up, a tab bar's arrows."""
    if isinstance(widget, QScrollBar):
        return True
    if isinstance(widget, QToolButton) and isinstance(widget.parent(), QTabBar):
        return True
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QComboBox) and isinstance(widget, QAbstractItemView):
            return True
        parent = parent.parentWidget()
    return False


def speechless(root: QWidget) -> list[str]:
    """``class objectName: what is missing`` for each control that says too little."""
    found: list[str] = []
    for widget in [root, *root.findChildren(QWidget)]:
        focusable = widget.focusPolicy() != Qt.FocusPolicy.NoFocus
        if _qt_internal(widget) or not (focusable or isinstance(widget, QProgressBar)):
            continue
        about = QAccessible.queryAccessibleInterface(widget)
        name = about.text(QAccessible.Text.Name)
        description = about.text(QAccessible.Text.Description)
        if isinstance(widget, QComboBox | QTabBar):  # Qt names these by their current text
            name = widget.accessibleName()
        if isinstance(widget, QTabBar):  # a tab bar describes each tab (its tooltip)
            tabs = [about.child(i) for i in range(widget.count())]
            description = (
                "" if any(not t.text(QAccessible.Text.Description) for t in tabs) else "tabs"
            )
        missing = [
            what for what, text in (("name", name), ("description", description)) if not text
        ]
        if missing:
            found.append(f"{type(widget).__name__} {widget.objectName()}: {', '.join(missing)}")
    return found


class Words(QTranslator):
    """A translator that knows a few words, whatever the context."""

    def __init__(self, words: dict[str, str]) -> None:
        super().__init__()
        self.words = words

    def translate(  # type: ignore[override]
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str | None:
        return self.words.get(source)  # None (a null string): not translated here

    def isEmpty(self) -> bool:
        return False
