"""Driving the main window as a user does: clicks, typing, reading what it shows."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from catalog.ui.shell.main_window import MainWindow


def click_row(
    qtbot: QtBot, window: MainWindow, row: int, modifier: Any = Qt.KeyboardModifier.NoModifier
) -> None:
    view = window.record_list
    rect = view.visualRect(view.records.index(row, 1))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, modifier, rect.center())


def click_facet(qtbot: QtBot, window: MainWindow, label: str) -> None:
    tree = window.sidebar.tree
    index = window.sidebar.facets.find_value(label)
    assert index.isValid(), label
    tree.scrollTo(index)
    qtbot.mouseClick(
        tree.viewport(), Qt.MouseButton.LeftButton, pos=tree.visualRect(index).center()
    )


def type_query(qtbot: QtBot, window: MainWindow, text: str) -> None:
    edit = window.sidebar.search_box.edit
    qtbot.keyClicks(edit, text)
    qtbot.keyClick(edit, Qt.Key.Key_Return)


def shown_titles(window: MainWindow) -> list[str]:
    model = window.record_list.records
    return [model.index(row, 1).data() for row in range(model.rowCount())]
