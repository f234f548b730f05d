"""The record list: header clicks ask for a sorted search; selection is by id."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from catalog.domain.views import SortKey, SortOrder
from tests.ui.fakes import FakeCatalogService
from tests.ui.record_list.driving import click_header, click_row, make_list
from tests.ui.record_list.services import MillionService

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def test_clicking_headers_asks_for_a_primary_and_a_secondary_key(
    qtbot: QtBot, fake_service: FakeCatalogService
) -> None:
    view = make_list(qtbot, fake_service)
    assert view.sort_orders() == (SortOrder(SortKey.DATE),)
    with qtbot.waitSignal(view.sort_changed) as blocker:
        click_header(qtbot, view, 1)
    assert blocker.args == [(SortOrder(SortKey.TITLE), SortOrder(SortKey.DATE))]
    with qtbot.waitSignal(view.sort_changed) as blocker:
        click_header(qtbot, view, 1)
    assert blocker.args == [(SortOrder(SortKey.TITLE, True), SortOrder(SortKey.DATE))]
    header = view.horizontalHeader()
    assert header.sortIndicatorSection() == 1
    assert header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
    with qtbot.waitSignal(view.sort_changed) as blocker:
        click_header(qtbot, view, 2)
    assert blocker.args == [(SortOrder(SortKey.TYPE), SortOrder(SortKey.TITLE, True))]
    assert view.sort_orders() == blocker.args[0]
    assert header.sortIndicatorSection() == 2
    assert header.toolTip() == "Sorted by Type (ascending), then Title (descending)."
    assert header.accessibleDescription().startswith(header.toolTip())


def test_clicking_people_does_nothing_visible(
    qtbot: QtBot, fake_service: FakeCatalogService
) -> None:
    view = make_list(qtbot, fake_service)
    header = view.horizontalHeader()
    header.setSectionHidden(5, False)
    click_header(qtbot, view, 1)
    sorts: list[object] = []
    view.sort_changed.connect(sorts.append)
    click_header(qtbot, view, 5)
    assert sorts == []
    assert header.sortIndicatorSection() == 1
    assert header.sortIndicatorOrder() == Qt.SortOrder.AscendingOrder
    assert view.sort_orders() == (SortOrder(SortKey.TITLE), SortOrder(SortKey.DATE))


def test_show_sort_moves_the_indicator_without_asking(
    qtbot: QtBot, fake_service: FakeCatalogService
) -> None:
    view = make_list(qtbot, fake_service)
    sorts: list[object] = []
    view.sort_changed.connect(sorts.append)
    orders = (SortOrder(SortKey.ARCHIVE, True), SortOrder(SortKey.TITLE))
    view.show_sort(orders)
    header = view.horizontalHeader()
    assert (header.sortIndicatorSection(), header.sortIndicatorOrder()) == (
        3,
        Qt.SortOrder.DescendingOrder,
    )
    assert view.sort_orders() == orders and sorts == []
    with qtbot.waitSignal(view.sort_changed) as blocker:
        click_header(qtbot, view, 3)
    assert blocker.args == [(SortOrder(SortKey.ARCHIVE), SortOrder(SortKey.TITLE))]


def test_the_view_never_sorts_by_itself(qtbot: QtBot, fake_service: FakeCatalogService) -> None:
    view = make_list(qtbot, fake_service)
    before = view.records.ids
    click_header(qtbot, view, 1)
    assert view.records.ids == before  # only a new search reorders rows
    assert not view.isSortingEnabled()
    assert view.model() is view.records  # no proxy in between


def test_clicks_shift_and_ctrl_clicks_and_select_all_count_the_selection(
    qtbot: QtBot, fake_service: FakeCatalogService
) -> None:
    view = make_list(qtbot, fake_service)
    ids = list(view.records.ids)
    counts: list[int] = []
    view.selection_count_changed.connect(counts.append)
    with qtbot.waitSignal(view.selection_changed) as blocker:
        click_row(qtbot, view, 2)
    assert blocker.args == [[ids[2]]]
    with qtbot.waitSignal(view.selection_changed) as blocker:
        click_row(qtbot, view, 0, CTRL)
    assert blocker.args == [[ids[0], ids[2]]]
    click_row(qtbot, view, 1)
    click_row(qtbot, view, 4, SHIFT)
    assert view.selected_ids() == ids[1:5] and view.selected_count() == 4
    click_row(qtbot, view, 6, CTRL)
    click_row(qtbot, view, 2, CTRL)  # toggles one off inside the range
    assert view.selected_ids() == [ids[1], ids[3], ids[4], ids[6]]
    qtbot.keyClick(view, Qt.Key.Key_A, CTRL)
    assert view.selected_ids() == ids
    assert counts == [1, 2, 1, 4, 5, 4, 7]


def test_a_new_result_keeps_the_selected_records_that_remain(
    qtbot: QtBot, fake_service: FakeCatalogService
) -> None:
    view = make_list(qtbot, fake_service)
    click_row(qtbot, view, 4)
    kept = list(view.selected_ids())
    with qtbot.waitSignal(view.selection_changed) as blocker:
        view.show_result(fake_service.search("cable").ids)
    assert blocker.args == [kept]
    assert view.current_id() == kept[0]
    with qtbot.waitSignal(view.selection_changed) as blocker:
        view.show_result(fake_service.search("journal").ids)
    assert blocker.args == [[]]
    assert view.current_id() is None


def test_a_reordered_result_keeps_the_selection_and_the_current_record(
    qtbot: QtBot, fake_service: FakeCatalogService
) -> None:
    view = make_list(qtbot, fake_service)
    ids = list(view.records.ids)
    click_row(qtbot, view, 1)
    click_row(qtbot, view, 3, SHIFT)
    click_row(qtbot, view, 5, CTRL)
    view.show_result(ids[::-1])
    assert view.selected_ids() == [ids[5], ids[3], ids[2], ids[1]]
    assert view.current_id() == ids[5]
    assert view.currentIndex().row() == len(ids) - 1 - 5
    qtbot.keyClick(view, Qt.Key.Key_Up, SHIFT)  # the shift anchor survived the new result
    assert view.current_id() == ids[6]


def test_a_scattered_selection_keeps_only_the_current_record(
    qtbot: QtBot,
) -> None:
    view = make_list(qtbot, MillionService(size=20_000), show_result=False)
    view.show_result(np.arange(1, 20_001, dtype=np.int64))
    click_row(qtbot, view, 0)
    view.scrollTo(view.records.index(9_999, 1))
    click_row(qtbot, view, 9_999, SHIFT)
    assert view.selected_count() == 10_000
    interleaved = np.arange(1, 20_001, dtype=np.int64).reshape(2, -1).T.ravel()
    view.show_result(interleaved)  # 1, 10001, 2, 10002, ...
    assert view.selected_ids() == [10_000]  # 10,000 runs would be too many to carry
    assert view.current_id() == 10_000


def test_keyboard_moves_the_selection(qtbot: QtBot, fake_service: FakeCatalogService) -> None:
    view = make_list(qtbot, fake_service)
    click_row(qtbot, view, 0)
    with qtbot.waitSignal(view.selection_changed) as blocker:
        qtbot.keyClick(view, Qt.Key.Key_Down)
    assert blocker.args == [[view.records.ids[1]]]


def test_typing_letters_does_not_search_the_rows(
    qtbot: QtBot, fake_service: FakeCatalogService
) -> None:
    view = make_list(qtbot, fake_service)
    click_row(qtbot, view, 0)
    reads = len(fake_service.called("summaries"))
    qtbot.keyClicks(view, "rec")
    assert view.currentIndex().row() == 0
    assert len(fake_service.called("summaries")) == reads


def test_an_empty_result_says_why(qtbot: QtBot, fake_service: FakeCatalogService) -> None:
    view = make_list(qtbot, fake_service)
    view.show_result([], "No records match.")
    assert view.records.rowCount() == 0
    image = view.viewport().grab().toImage()
    colours = {image.pixel(x, y) for x in range(0, image.width(), 4) for y in range(30, 60)}
    assert len(colours) > 1  # the placeholder line is drawn


def test_controls_have_accessible_names(qtbot: QtBot, fake_service: FakeCatalogService) -> None:
    view = make_list(qtbot, fake_service)
    menu = view.column_menu()
    for widget in (view, view.horizontalHeader(), menu):
        assert widget.accessibleName() and widget.accessibleDescription()


def test_counts_stay_right_with_moved_and_hidden_columns(
    qtbot: QtBot, fake_service: FakeCatalogService
) -> None:
    view = make_list(qtbot, fake_service)
    header = view.horizontalHeader()
    header.moveSection(header.visualIndex(2), 0)
    header.setSectionHidden(0, True)
    ids = list(view.records.ids)
    click_row(qtbot, view, 1)
    click_row(qtbot, view, 5, SHIFT)  # Qt selects one range per column, then whole rows
    assert view.selected_count() == 5 and view.selected_ids() == ids[1:6]
    view.show_result(ids[::-1])
    assert view.currentIndex().column() == 2  # the first column on screen: Type
