"""Error text stays readable in light and dark themes."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette

from catalog.ui.palette import ERROR_ON_DARK, ERROR_ON_LIGHT, error_color, is_dark


def _palette(window: str, text: str) -> QPalette:
    palette = QPalette()
    palette.setColor(QPalette.ColorRole.Window, QColor(window))
    palette.setColor(QPalette.ColorRole.WindowText, QColor(text))
    return palette


def test_a_dark_theme_gets_a_light_red() -> None:
    dark = _palette("#202020", "#f0f0f0")
    assert is_dark(dark) and error_color(dark) == ERROR_ON_DARK


def test_a_light_theme_gets_a_deep_red() -> None:
    light = _palette("#f6f6f6", "#101010")
    assert not is_dark(light) and error_color(light) == ERROR_ON_LIGHT
