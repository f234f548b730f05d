"""The record list: a header click asks for a new sorted search; selection is by id."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from pytestqt.qtbot import QtBot

from catalog.domain.views import SortKey
from catalog.ui.record_list.widget import RecordList
from tests.ui.fakes import FakeCatalogService


def make_list(qtbot: QtBot, service: FakeCatalogService) -> RecordList:
    view = RecordList(service)
    qtbot.addWidget(view)
    view.resize(800, 400)
    with qtbot.waitExposed(view):
        view.show()
    view.show_result(service.search("").ids)
    return view


def click_header(qtbot: QtBot, view: RecordList, section: int) -> None:
    header = view.horizontalHeader()
    x = header.sectionViewportPosition(section) + header.sectionSize(section) // 2
    qtbot.mouseClick(
        header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2)
    )


def click_row(
    qtbot: QtBot,
    view: RecordList,
    row: int,
    modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier,
) -> None:
    rect = view.visualRect(view.records.index(row, 1))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, modifier, rect.center())


def test_clicking_a_header_asks_for_a_sorted_search(
    qtbot: QtBot, fake_service: FakeCatalogService
) -> None:
    view = make_list(qtbot, fake_service)
    with qtbot.waitSignal(view.sort_requested) as blocker:
        click_header(qtbot, view, 1)
    assert blocker.args == [SortKey.TITLE, False]
    with qtbot.waitSignal(view.sort_requested) as blocker:
        click_header(qtbot, view, 1)
    assert blocker.args == [SortKey.TITLE, True]
    assert view.sort == (SortKey.TITLE, True)
    with qtbot.waitSignal(view.sort_requested) as blocker:
        click_header(qtbot, view, 2)
    assert blocker.args[0] is SortKey.TYPE


def test_the_view_never_sorts_by_itself(qtbot: QtBot, fake_service: FakeCatalogService) -> None:
    view = make_list(qtbot, fake_service)
    before = view.records.ids
    click_header(qtbot, view, 1)
    assert view.records.ids == before  # only a new search reorders rows
    assert not view.isSortingEnabled()


def test_selection_reports_ids_in_list_order(
    qtbot: QtBot, fake_service: FakeCatalogService
) -> None:
    view = make_list(qtbot, fake_service)
    ids = view.records.ids
    with qtbot.waitSignal(view.selection_changed) as blocker:
        click_row(qtbot, view, 2)
    assert blocker.args == [[ids[2]]]
    with qtbot.waitSignal(view.selection_changed) as blocker:
        click_row(qtbot, view, 0, Qt.KeyboardModifier.ControlModifier)
    assert blocker.args == [[ids[0], ids[2]]]


def test_a_new_result_keeps_the_selected_records_that_remain(
    qtbot: QtBot, fake_service: FakeCatalogService
) -> None:
    view = make_list(qtbot, fake_service)
    click_row(qtbot, view, 4)
    kept = view.selected_ids()
    with qtbot.waitSignal(view.selection_changed) as blocker:
        view.show_result(fake_service.search("cable").ids)
    assert blocker.args == [kept]
    with qtbot.waitSignal(view.selection_changed) as blocker:
        view.show_result(fake_service.search("journal").ids)
    assert blocker.args == [[]]


def test_keyboard_moves_the_selection(qtbot: QtBot, fake_service: FakeCatalogService) -> None:
    view = make_list(qtbot, fake_service)
    click_row(qtbot, view, 0)
    with qtbot.waitSignal(view.selection_changed) as blocker:
        qtbot.keyClick(view, Qt.Key.Key_Down)
    assert blocker.args == [[view.records.ids[1]]]
