"""Colours that follow the system's light or dark palette."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication, QPalette

ERROR_ON_LIGHT = "#b00020"
ERROR_ON_DARK = "#ff8a80"


def is_dark(palette: QPalette | None = None) -> bool:
    """True when the window background is darker than its text."""
    palette = palette or QGuiApplication.palette()
    window = palette.color(QPalette.ColorRole.Window)
    text = palette.color(QPalette.ColorRole.WindowText)
    return window.lightness() < text.lightness()


def error_color(palette: QPalette | None = None) -> str:
    """A red that reads on the current background."""
    return ERROR_ON_DARK if is_dark(palette) else ERROR_ON_LIGHT
