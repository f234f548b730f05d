"""Menus of this issue: Edit → Preferences, the Help menu, F1 from the search box."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMenu, QWidget
from pytestqt.qtbot import QtBot

from catalog.ui.dialogs.export_dialog import ExportDialog
from catalog.ui.shell.actions import ActionId
from catalog.ui.shell.main_window import MainWindow
from tests.ui.conftest import WindowFactory, open_message_boxes
from tests.ui.fakes import FakeCatalogService


def menu(window: MainWindow, title: str) -> QMenu:
    found = next(a.menu() for a in window.menuBar().actions() if a.text() == title)
    assert isinstance(found, QMenu)
    return found


def test_preferences_in_the_edit_menu_and_the_help_menu(
    make_window: WindowFactory, fake_service: FakeCatalogService
) -> None:
    window = make_window(fake_service)
    a = window.window_actions
    assert a[ActionId.PREFERENCES] in menu(window, "&Edit").actions()
    assert a[ActionId.PREFERENCES].shortcut().toString() == "Ctrl+,"
    assert [x for x in menu(window, "&Help").actions() if not x.isSeparator()] == [
        a[ActionId.USER_GUIDE],
        a[ActionId.CHEAT_SHEET],
        a[ActionId.SHORTCUTS],
        a[ActionId.ABOUT],
    ]


def test_f1_in_the_search_box_opens_the_cheat_sheet(
    qtbot: QtBot, make_window: WindowFactory, fake_service: FakeCatalogService
) -> None:
    window = make_window(fake_service)
    edit = window.sidebar.search_box.edit
    window.sidebar.focus_search()
    qtbot.keyClicks(edit, "type:")
    qtbot.keyClick(edit, Qt.Key.Key_F1)
    sheet = window.findChild(QWidget, "cheatSheet")
    assert sheet is not None and sheet.isVisible()
    assert edit.text() == "type:"  # the half-typed query stays


def test_next_and_previous_record_keys(
    qtbot: QtBot, make_window: WindowFactory, fake_service: FakeCatalogService
) -> None:
    window = make_window(fake_service)
    view = window.record_list
    view.setFocus()
    start = max(view.currentIndex().row(), 0)
    with qtbot.waitSignal(window.window_actions[ActionId.NEXT_RECORD].triggered):
        qtbot.keyClick(view, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert view.currentIndex().row() == start + 1
    assert view.selectedIndexes()[0].row() == start + 1
    with qtbot.waitSignal(window.window_actions[ActionId.PREVIOUS_RECORD].triggered):
        qtbot.keyClick(view, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert view.currentIndex().row() == start


def test_file_export_opens_the_real_dialog(
    make_window: WindowFactory, fake_service: FakeCatalogService, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[ExportDialog] = []

    def cancel(dialog: ExportDialog) -> int:
        shown.append(dialog)
        return 0  # Rejected

    monkeypatch.setattr(ExportDialog, "exec", cancel)
    window = make_window(fake_service)
    window.window_actions[ActionId.EXPORT].trigger()  # triggered(False) is not a scope
    assert len(shown) == 1 and open_message_boxes() == []
