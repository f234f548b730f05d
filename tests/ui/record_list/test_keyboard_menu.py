"""The keyboard reaches what the header's clicks do: Ctrl+Shift+H opens the columns and
sorting menu, whose Sort By entries sort as a click on a header does."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QMenu
from pytestqt.qtbot import QtBot

from catalog.domain.views import SortKey, SortOrder
from tests.ui.fakes import FakeCatalogService
from tests.ui.record_list.driving import make_list

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support grabbing the keyboard")


def open_menus() -> list[QMenu]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, QMenu) and w.isVisible()]


def test_ctrl_shift_h_opens_the_columns_and_sorting_menu(
    qtbot: QtBot, fake_service: FakeCatalogService
) -> None:
    view = make_list(qtbot, fake_service)
    view.setFocus()
    qtbot.keyClick(
        view, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    menus = open_menus()
    assert [m.objectName() for m in menus] == ["recordListColumnMenu"]
    menu = menus[0]
    first = menu.actions()[0]
    assert first.menu() is not None and first.text() == "&Sort By"
    texts = [a.text() for a in menu.actions() if a.isCheckable()]
    assert texts == ["Date", "Title", "Type", "Archive", "Language", "People", "Id"]
    menu.close()  # it deletes itself (and its Sort By menu) without harm
    qtbot.wait(10)


def test_sort_by_sorts_as_a_header_click_does(
    qtbot: QtBot, fake_service: FakeCatalogService
) -> None:
    view = make_list(qtbot, fake_service)
    menu = view.sort_menu()
    entries = {a.text(): a for a in menu.actions()}
    assert list(entries) == ["Date", "Title", "Type", "Archive"]  # the sortable ones shown
    assert entries["Date"].isChecked() and not entries["Title"].isChecked()
    with qtbot.waitSignal(view.sort_changed) as blocker:
        entries["Title"].trigger()
    assert blocker.args == [(SortOrder(SortKey.TITLE), SortOrder(SortKey.DATE))]
    again = {a.text(): a for a in view.sort_menu().actions()}
    assert again["Title"].isChecked()
    with qtbot.waitSignal(view.sort_changed) as blocker:
        again["Title"].trigger()
    assert blocker.args == [(SortOrder(SortKey.TITLE, True), SortOrder(SortKey.DATE))]


def test_the_keyboard_menus_are_named_for_screen_readers(
    qtbot: QtBot, fake_service: FakeCatalogService
) -> None:
    view = make_list(qtbot, fake_service)
    menu = view.sort_menu()
    assert menu.accessibleName() and menu.accessibleDescription()
    action = view.findChild(QAction, "recordListColumnsAndSorting")
    assert action is not None and action.shortcut().toString() == "Ctrl+Shift+H"
    assert "Ctrl+Shift+H" in view.accessibleDescription()
