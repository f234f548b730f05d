"""The theme preference: light or dark at once, and the system's palette back."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from catalog.ui.palette import ERROR_ON_DARK, ERROR_ON_LIGHT, Theme, apply_theme, error_color
from catalog.ui.palette import is_dark as dark


@pytest.fixture(autouse=True)
def _system_theme_after(qapp: QApplication) -> Iterator[None]:
    yield
    apply_theme(Theme.SYSTEM)


def window_colour() -> str:
    return QApplication.palette().color(QPalette.ColorRole.Window).name()


def test_dark_then_light_then_the_system_again(qtbot: QtBot) -> None:
    system = window_colour()
    label = QLabel("A record")
    qtbot.addWidget(label)
    label.show()
    apply_theme(Theme.DARK)
    assert dark(QApplication.palette()) and error_color() == ERROR_ON_DARK
    qtbot.waitUntil(lambda: dark(label.palette()))  # widgets follow the application
    apply_theme(Theme.LIGHT)
    assert not dark(QApplication.palette()) and error_color() == ERROR_ON_LIGHT
    qtbot.waitUntil(lambda: not dark(label.palette()))
    apply_theme(Theme.SYSTEM)
    assert window_colour() == system


def test_disabled_text_is_dimmed_in_the_dark(qtbot: QtBot) -> None:
    apply_theme(Theme.DARK)
    palette = QApplication.palette()
    normal = palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.Text)
    disabled = palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
    assert disabled.lightness() < normal.lightness()
