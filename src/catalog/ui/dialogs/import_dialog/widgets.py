"""Small widget helpers shared by the Import dialog's pages."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QPushButton


def push_button(
    name: str, text: str, slot: Callable[[], object], description: str = ""
) -> QPushButton:
    """A button named for tests and screen readers (its text without ``&`` or ``…``),
    described by ``description``, that never becomes the default by taking focus."""
    button = QPushButton(text)
    button.setObjectName(name)
    button.setAccessibleName(text.replace("&", "").rstrip("…"))
    button.setAccessibleDescription(description)
    button.setAutoDefault(False)
    button.clicked.connect(slot)
    return button
