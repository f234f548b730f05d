"""View → Next pane (F6) and Previous pane (Shift+F6) move the focus pane by pane."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from catalog.ui.shell.actions import ActionId
from catalog.ui.shell.main_window import MainWindow
from tests.ui.conftest import WindowFactory
from tests.ui.fakes import FakeCatalogService


def pane_of_focus(window: MainWindow) -> QWidget | None:
    focus = QApplication.focusWidget()
    panes = (window.sidebar, window.timeline, window.record_list, window.detail)
    return next((p for p in panes if focus is p or (focus and p.isAncestorOf(focus))), None)


def press(qtbot: QtBot, key: Qt.Key, modifier: Qt.KeyboardModifier) -> None:
    focused = QApplication.focusWidget()
    assert focused is not None
    qtbot.keyClick(focused, key, modifier)


def test_f6_goes_round_the_panes_and_shift_f6_back(
    qtbot: QtBot, make_window: WindowFactory, fake_service: FakeCatalogService
) -> None:
    window = make_window(fake_service)
    qtbot.waitUntil(lambda: window.record_list.records.rowCount() > 0)
    window.record_list.selectRow(0)
    qtbot.waitUntil(lambda: window.detail.shown_id is not None)
    window.record_list.setFocus()
    assert pane_of_focus(window) is window.record_list
    no = Qt.KeyboardModifier.NoModifier
    visited = []
    for _ in range(4):
        press(qtbot, Qt.Key.Key_F6, no)
        visited.append(pane_of_focus(window))
    assert visited == [window.detail, window.sidebar, window.timeline, window.record_list]
    press(qtbot, Qt.Key.Key_F6, Qt.KeyboardModifier.ShiftModifier)
    assert pane_of_focus(window) is window.timeline


def test_a_hidden_pane_is_passed_by(
    qtbot: QtBot, make_window: WindowFactory, fake_service: FakeCatalogService
) -> None:
    window = make_window(fake_service)
    window.window_actions[ActionId.SHOW_TIMELINE].setChecked(False)
    window.sidebar.focus_search()
    window.window_actions[ActionId.NEXT_PANE].trigger()
    assert pane_of_focus(window) is window.record_list
    assert window.window_actions[ActionId.NEXT_PANE].shortcut().toString() == "F6"
