"""A million records: keys, scroll-bar jumps and select-all read only the rows on screen."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from catalog.store.ids import IdList
from catalog.ui.record_list.model import PAGE_SIZE, Index, RecordTableModel
from catalog.ui.record_list.widget import RecordList
from tests.ui.record_list.driving import click_row, make_list, visible_rows
from tests.ui.record_list.services import MillionService

N = 1_000_000
CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def service() -> MillionService:
    return MillionService(size=N)


@pytest.fixture
def view(qtbot: QtBot, service: MillionService) -> RecordList:
    view = make_list(qtbot, service, show_result=False)
    view.show_result(IdList(np.arange(1, N + 1, dtype=np.int64)))
    settle(view)
    return view


def settle(view: RecordList) -> None:
    """Let the view lay out and paint, as the event loop would between key presses."""
    QApplication.processEvents()
    view.viewport().repaint()


def shows_the_right_rows(view: RecordList) -> bool:
    rows = visible_rows(view)
    assert len(rows) > 5
    return all(view.records.index(r, 1).data() == f"Record {r + 1}" for r in rows)


def page_of(call: list[int]) -> int:
    return (call[0] - 1) // PAGE_SIZE


def test_end_page_up_and_home_read_a_handful_of_pages(
    qtbot: QtBot, view: RecordList, service: MillionService
) -> None:
    click_row(qtbot, view, 0)
    service.calls.clear()
    qtbot.keyClick(view, Qt.Key.Key_End)
    settle(view)
    assert view.current_id() == N and N - 1 in visible_rows(view)
    assert shows_the_right_rows(view)
    qtbot.keyClick(view, Qt.Key.Key_PageUp)
    settle(view)
    current = view.current_id()
    assert current is not None and N - 40 < current < N
    assert shows_the_right_rows(view)
    qtbot.keyClick(view, Qt.Key.Key_Home)
    settle(view)
    assert view.current_id() == 1 and 0 in visible_rows(view)
    assert shows_the_right_rows(view)
    calls = service.called("summaries")
    assert 1 <= len(calls) <= 4
    assert all(len(call) <= PAGE_SIZE for call in calls)
    assert {page_of(call) for call in calls} <= {0, N // PAGE_SIZE - 1}


def test_a_scroll_bar_jump_to_the_middle_reads_the_rows_on_screen(
    view: RecordList, service: MillionService
) -> None:
    service.calls.clear()
    bar = view.verticalScrollBar()
    bar.setValue(bar.maximum() // 2)
    settle(view)
    rows = visible_rows(view)
    assert abs(rows.start - N // 2) < 100
    assert shows_the_right_rows(view)
    pages = {page_of(call) for call in service.called("summaries")}
    assert pages == {row // PAGE_SIZE for row in rows}


def test_scrolling_everywhere_keeps_the_cache_bounded(
    view: RecordList, service: MillionService
) -> None:
    bar = view.verticalScrollBar()
    for step in range(0, 101):
        bar.setValue(bar.maximum() * step // 100)
        settle(view)
    assert view.records.cached_rows <= view.records.max_pages * PAGE_SIZE
    assert len(service.called("summaries")) < 250


def test_select_all_of_a_million_is_counted_without_reading_rows(
    qtbot: QtBot, view: RecordList, service: MillionService
) -> None:
    click_row(qtbot, view, 3)
    service.calls.clear()
    with qtbot.waitSignal(view.selection_count_changed) as blocker:
        qtbot.keyClick(view, Qt.Key.Key_A, CTRL)
    assert blocker.args == [N]
    selected = view.selected_ids()
    assert len(selected) == N and selected[0] == 1 and selected[-1] == N
    assert np.shares_memory(selected.array, view.records.id_array)
    click_row(qtbot, view, 2, CTRL)  # one off: two runs
    assert view.selected_count() == N - 1 and 3 not in view.selected_ids()
    settle(view)
    assert len(service.called("summaries")) <= 1


def test_a_new_result_of_a_million_keeps_the_current_record_in_place(
    qtbot: QtBot, view: RecordList
) -> None:
    bar = view.verticalScrollBar()
    bar.setValue(400_000)
    settle(view)
    click_row(qtbot, view, 400_003)
    click_row(qtbot, view, 400_005, Qt.KeyboardModifier.ShiftModifier)
    offset = view.rowViewportPosition(400_005)
    newest_first = IdList(np.arange(N, 0, -1, dtype=np.int64))
    view.show_result(newest_first)
    settle(view)
    assert view.current_id() == 400_006
    assert view.selected_ids() == [400_006, 400_005, 400_004]
    assert view.rowViewportPosition(N - 400_006) == offset


def test_the_current_record_stays_in_view_when_a_small_result_grows(
    qtbot: QtBot, view: RecordList
) -> None:
    view.show_result(np.arange(1, 101, dtype=np.int64))
    view.scrollTo(view.records.index(60, 1))
    click_row(qtbot, view, 60)
    offset = view.rowViewportPosition(60)
    ids = np.arange(1, N + 1, dtype=np.int64)
    ids[[60, 900_000]] = ids[[900_000, 60]]  # record 61 moves far down
    view.show_result(ids)
    settle(view)
    assert view.current_id() == 61
    assert view.rowViewportPosition(900_000) == offset


def test_painting_a_selection_of_a_million_asks_about_the_rows_on_screen_only(
    qtbot: QtBot, service: MillionService, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[int] = []
    flags = RecordTableModel.flags

    def counted(model: RecordTableModel, index: Index) -> Qt.ItemFlag:
        asked.append(index.row())
        return flags(model, index)

    monkeypatch.setattr(RecordTableModel, "flags", counted)  # before Qt caches the method
    view = make_list(qtbot, service, show_result=False)
    view.show_result(np.arange(1, N + 1, dtype=np.int64))
    qtbot.keyClick(view, Qt.Key.Key_A, CTRL)
    settle(view)
    view.horizontalHeader().viewport().repaint()
    assert view.selected_count() == N
    assert 0 < len(asked) < 1000  # a header asking "is this column selected?" asked millions
