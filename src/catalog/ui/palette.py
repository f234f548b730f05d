"""Colours that follow the system's light or dark palette, and the theme the user chose.

The light and dark palettes meet WCAG 2.2 AA (tests/accessibility/test_contrast.py):
every text role reads at 4.5:1 or more on the backgrounds it is drawn on, and the
Highlight colour (selected rows, the focus outline the style draws, the focus frames
below) stands out at 3:1 or more from Window, Base, AlternateBase and Button.
The dark palette's selection therefore carries dark text on a light blue: no blue is
both dark enough under white text and light enough beside the dark window.
"""

from __future__ import annotations

from enum import StrEnum

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

ERROR_ON_LIGHT = "#b00020"
ERROR_ON_DARK = "#ff8a80"
WARNING_ON_LIGHT = "#8a4500"  # 6.2:1 on the light window; the dark one 8.0:1
WARNING_ON_DARK = "#ffb74d"


class Theme(StrEnum):
    """The colours of the window: the system's, or light or dark whatever the system says."""

    SYSTEM = "system"
    LIGHT = "light"
    DARK = "dark"


def is_dark(palette: QPalette | None = None) -> bool:
    """True when the window background is darker than its text."""
    palette = palette or QGuiApplication.palette()
    window = palette.color(QPalette.ColorRole.Window)
    text = palette.color(QPalette.ColorRole.WindowText)
    return window.lightness() < text.lightness()


def error_color(palette: QPalette | None = None) -> str:
    """A red that reads on the current background."""
    return ERROR_ON_DARK if is_dark(palette) else ERROR_ON_LIGHT


def warning_color(palette: QPalette | None = None) -> str:
    """An amber that reads on the current background."""
    return WARNING_ON_DARK if is_dark(palette) else WARNING_ON_LIGHT


_R = QPalette.ColorRole
_DISABLED = QPalette.ColorGroup.Disabled
_LIGHT = {
    _R.Window: "#efefef",
    _R.WindowText: "#000000",
    _R.Base: "#ffffff",
    _R.AlternateBase: "#f7f7f7",
    _R.ToolTipBase: "#ffffdc",
    _R.ToolTipText: "#000000",
    _R.PlaceholderText: "#696969",
    _R.Text: "#000000",
    _R.Button: "#efefef",
    _R.ButtonText: "#000000",
    _R.BrightText: "#ffffff",
    _R.Light: "#ffffff",
    _R.Midlight: "#cacaca",
    _R.Mid: "#b8b8b8",
    _R.Dark: "#9f9f9f",
    _R.Shadow: "#767676",
    _R.Highlight: "#1d6aa8",
    _R.HighlightedText: "#ffffff",
    _R.Link: "#0000ff",
    _R.LinkVisited: "#7b1fa2",
}
_DARK = {
    _R.Window: "#2d2d2d",
    _R.WindowText: "#e8e8e8",
    _R.Base: "#1e1e1e",
    _R.AlternateBase: "#262626",
    _R.ToolTipBase: "#3c3c3c",
    _R.ToolTipText: "#e8e8e8",
    _R.PlaceholderText: "#a0a0a0",
    _R.Text: "#e8e8e8",
    _R.Button: "#353535",
    _R.ButtonText: "#e8e8e8",
    _R.BrightText: "#ff5555",
    _R.Light: "#505050",
    _R.Midlight: "#424242",
    _R.Mid: "#303030",
    _R.Dark: "#1a1a1a",
    _R.Shadow: "#000000",
    _R.Highlight: "#58a6ff",
    _R.HighlightedText: "#000000",
    _R.Link: "#7cb8ff",
    _R.LinkVisited: "#c89bff",
}
_DIMMED = (_R.WindowText, _R.Text, _R.ButtonText)

FOCUS_FRAMES = """
QListView:focus, QTreeView:focus, QTableView:focus, QTextEdit:focus, QPlainTextEdit:focus {
    border: 2px solid palette(highlight);
}
QCheckBox:focus, QRadioButton:focus, QToolButton:focus {
    border: 1px solid palette(highlight);
    border-radius: 2px;
}
"""
"""A frame in the Highlight colour around the widget with the keyboard focus, where the
style's own sign of focus is faint: Fusion shows a focused list, table, tree or text view
with no change of its frame (or a translucent dotted rectangle round the current item), a
check box or radio button with a translucent rectangle, an auto-raised tool button not at
all. Line edits, combo and spin boxes and push buttons keep the style's own outline (the
Highlight colour, darkened). Only focused widgets match, so the rest keep their look."""


def theme_palette(theme: Theme) -> QPalette:
    """A complete light or dark palette (the system's own for :attr:`Theme.SYSTEM`)."""
    if theme is Theme.SYSTEM:
        return QPalette()
    colours = _DARK if theme is Theme.DARK else _LIGHT
    palette = QPalette()
    for role, colour in colours.items():
        palette.setColor(role, QColor(colour))
    for role in _DIMMED:
        palette.setColor(_DISABLED, role, QColor(colours[_R.PlaceholderText]))
    return palette


def apply_theme(theme: Theme, app: QGuiApplication | None = None) -> None:
    """Show the application in ``theme`` at once.

    Qt 6.8 and later ask the platform for the colour scheme; where the platform cannot
    switch (an older desktop, the offscreen platform), a light or dark palette stands in.
    The system theme gives the platform back its own palette. Every theme gets the
    focus frames (:data:`FOCUS_FRAMES`).
    """
    found = app or QGuiApplication.instance()
    if not isinstance(found, QGuiApplication):
        return
    hints = found.styleHints()
    wanted = {Theme.LIGHT: Qt.ColorScheme.Light, Theme.DARK: Qt.ColorScheme.Dark}.get(theme)
    if hasattr(hints, "setColorScheme"):  # Qt 6.8+
        if wanted is None:
            hints.unsetColorScheme()
        else:
            hints.setColorScheme(wanted)
    if wanted is None or hints.colorScheme() == wanted:
        found.setPalette(QPalette())  # the platform's palette, which follows its scheme
    else:
        found.setPalette(theme_palette(theme))
    show_focus_frames(found)


def show_focus_frames(app: QGuiApplication) -> None:
    """Add :data:`FOCUS_FRAMES` to the application's style sheet (once)."""
    if isinstance(app, QApplication) and FOCUS_FRAMES not in app.styleSheet():
        app.setStyleSheet(app.styleSheet() + FOCUS_FRAMES)
