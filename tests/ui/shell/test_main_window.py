"""The main window's wiring, driven as a user drives it (with a fake catalogue)."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QPushButton, QWidget
from pytestqt.qtbot import QtBot

from catalog.domain.views import SortKey, SortOrder
from catalog.ui.dialogs import file_pickers
from catalog.ui.shell.actions import ActionId
from catalog.ui.shell.main_window import MainWindow
from tests.ui.conftest import WindowFactory, open_message_boxes
from tests.ui.fakes import FakeCatalogService, ManualRunner
from tests.ui.shell.driving import click_facet, click_row, shown_titles, type_query

# ---------------------------------------------------------------------- layout


def test_title_three_panes_and_menus(
    make_window: WindowFactory, fake_service: FakeCatalogService
) -> None:
    window = make_window(fake_service)
    assert window.windowTitle() == "Catalog — Soviet Koreans.catalog"
    assert [window.splitter.widget(i) for i in range(3)] == [
        window.sidebar,
        window.centre,
        window.detail,
    ]
    menus = [action.text() for action in window.menuBar().actions()]
    assert menus == ["&File", "&Edit", "&View", "&Go", "&Tools", "&Help"]
    assert window.centre.currentWidget() is window.list_pane
    assert window.status_line == "7 records"


def test_an_empty_catalogue_shows_the_welcome_page(
    make_window: WindowFactory, empty_service: FakeCatalogService
) -> None:
    window = make_window(empty_service)
    assert window.centre.currentWidget() is window.welcome
    assert (
        "stored in /home/archivist/Soviet Koreans.catalog"
        in window.welcome.findChild(QWidget, "welcomeLocation").text()
    )
    assert not window.window_actions[ActionId.EXPORT].isEnabled()


def test_loading_the_sample_switches_to_the_list(
    qtbot: QtBot, make_window: WindowFactory, empty_service: FakeCatalogService
) -> None:
    window = make_window(empty_service)
    button = window.welcome.findChild(QPushButton, "loadSampleButton")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert window.centre.currentWidget() is window.list_pane
    assert window.record_list.records.rowCount() == 7
    assert window.statusBar().currentMessage() == "Imported 7 records from sample-listing.txt."
    assert window.sidebar.facets.find_value("Cable").isValid()
    assert window.window_actions[ActionId.EXPORT].isEnabled()


# ---------------------------------------------------------------------- searching


def test_typing_a_query_updates_list_status_and_facets(
    qtbot: QtBot, make_window: WindowFactory, fake_service: FakeCatalogService
) -> None:
    window = make_window(fake_service)
    expected = fake_service.search("citizenship").total
    with qtbot.waitSignal(window.search.results_ready, timeout=2000):
        qtbot.keyClicks(window.sidebar.search_box.edit, "citizenship")
    assert window.record_list.records.rowCount() == expected
    assert window.status_line == f"{expected} of 7 records · citizenship"
    assert fake_service.called("refresh")[-1][0] == "citizenship"
    click_facet(qtbot, window, "Cable")
    assert window.sidebar.query == "citizenship type:Cable"
    assert all("Cable" in title for title in shown_titles(window))
    assert window.status_line.endswith("· citizenship type:Cable")


def test_a_query_error_shows_under_the_box_and_keeps_the_list(
    qtbot: QtBot, make_window: WindowFactory, fake_service: FakeCatalogService
) -> None:
    window = make_window(fake_service)
    type_query(qtbot, window, "cable")
    before = window.record_list.records.ids
    type_query(qtbot, window, " person:")
    assert "needs a value" in window.sidebar.search_box.error_text
    assert window.sidebar.search_box.error_text.startswith("At position 14:")
    assert window.record_list.records.ids == before
    assert open_message_boxes() == []
    qtbot.keyClicks(window.sidebar.search_box.edit, "Nam")
    qtbot.keyClick(window.sidebar.search_box.edit, Qt.Key.Key_Return)
    assert window.sidebar.search_box.error_text == ""


def test_a_stale_search_never_replaces_a_newer_one(
    qtbot: QtBot, fake_service: FakeCatalogService
) -> None:
    window, runner = _window_run_by_hand(qtbot, fake_service)
    runner.finish_all()
    window.sidebar.set_query("journal")
    window.sidebar.set_query("cable")
    searches = [job for job in runner.pending]
    assert len(searches) == 2  # one refresh (list, counts, total) per query
    runner.finish(1)  # "cable" answers first
    runner.finish(0)  # then the stale "journal"
    runner.finish_all()
    assert window.status_line.endswith("· cable")
    assert all("Cable" in title for title in shown_titles(window))


def test_clicking_a_header_runs_a_sorted_search(
    qtbot: QtBot, make_window: WindowFactory, fake_service: FakeCatalogService
) -> None:
    window = make_window(fake_service)
    header = window.record_list.horizontalHeader()
    x = header.sectionViewportPosition(1) + 10
    qtbot.mouseClick(
        header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2)
    )
    assert fake_service.called("search")[-1] == ("", SortKey.TITLE, False)
    titles = shown_titles(window)
    assert titles == sorted(titles, key=str.casefold)


def test_a_second_header_click_keeps_the_first_sort_as_tie_breaker(
    qtbot: QtBot, make_window: WindowFactory, fake_service: FakeCatalogService
) -> None:
    window = make_window(fake_service)
    header = window.record_list.horizontalHeader()
    for section in (1, 2):  # Title, then Type
        x = header.sectionViewportPosition(section) + 10
        qtbot.mouseClick(
            header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2)
        )
    _query, sort, descending, then = fake_service.called("refresh")[-1]
    assert (sort, descending, then) == (SortKey.TYPE, False, (SortOrder(SortKey.TITLE),))
    assert window.search.orders == (SortOrder(SortKey.TYPE), SortOrder(SortKey.TITLE))


def test_selecting_rows_fills_the_detail_pane_and_status(
    qtbot: QtBot, make_window: WindowFactory, fake_service: FakeCatalogService
) -> None:
    window = make_window(fake_service)
    click_row(qtbot, window, 4)
    record_id = window.record_list.records.record_id(4)
    assert window.detail.field_text("title") == fake_service.records[record_id].title
    assert window.detail.field_text("date").startswith("October, 1959")
    assert window.status_line == "7 records · 1 selected"
    click_row(qtbot, window, 5, Qt.KeyboardModifier.ShiftModifier)
    assert window.status_line == "7 records · 2 selected"
    assert window.detail.shown_id is None


# ---------------------------------------------------------------------- keyboard


def test_keyboard_shortcuts(
    qtbot: QtBot,
    make_window: WindowFactory,
    fake_service: FakeCatalogService,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window = make_window(fake_service)
    click_row(qtbot, window, 0)
    assert window.record_list.hasFocus()
    qtbot.keyClick(window.record_list, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.sidebar.search_box.edit.hasFocus()
    type_query(qtbot, window, "cable")
    assert window.record_list.records.rowCount() == 3
    click_row(qtbot, window, 0)
    qtbot.keyClick(window.record_list, Qt.Key.Key_Escape)  # Esc outside the box clears too
    assert window.sidebar.query == ""
    assert window.record_list.records.rowCount() == 7
    asked: list[Path] = []
    monkeypatch.setattr(
        file_pickers, "ask_import_files", lambda parent, folder: asked.append(folder) or []
    )
    qtbot.keyClick(window.record_list, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    assert len(asked) == 1
    qtbot.keyClick(window.record_list, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    assert not window.isVisible()


# ---------------------------------------------------------------------- help


def test_help_menu(make_window: WindowFactory, fake_service: FakeCatalogService) -> None:
    window = make_window(fake_service)
    window.window_actions[ActionId.CHEAT_SHEET].trigger()
    sheet = window.findChild(QWidget, "cheatSheet")
    assert sheet is not None and sheet.isVisible()
    window.window_actions[ActionId.ABOUT].trigger()
    assert window.help.about is not None and window.help.about.windowTitle() == "About Catalog"
    assert window.help.about.isVisible()


def test_a_failing_search_is_reported_once_and_the_window_stays_usable(
    qtbot: QtBot, make_window: WindowFactory, fake_service: FakeCatalogService
) -> None:
    window = make_window(fake_service)
    type_query(qtbot, window, "cable")
    before = window.record_list.records.ids
    fake_service.fail["refresh"] = ValueError("invalid literal for int()")
    type_query(qtbot, window, " journal")
    assert window.statusBar().currentMessage() == "The search could not be run."
    assert window.record_list.records.ids == before
    assert [box.windowTitle() for box in open_message_boxes()] == ["Something went wrong"]
    del fake_service.fail["refresh"]
    type_query(qtbot, window, " report")
    assert window.status_line.endswith("· cable journal report")


def _window_run_by_hand(
    qtbot: QtBot, fake_service: FakeCatalogService
) -> tuple[MainWindow, ManualRunner]:
    """A window whose background work runs only when the test says (``runner.finish``)."""
    runner = ManualRunner()
    window = MainWindow(fake_service, runner)
    qtbot.addWidget(window)
    return window, runner


def test_facets_of_a_large_result_come_once_the_index_is_ready(
    qtbot: QtBot, fake_service: FakeCatalogService
) -> None:
    fake_service.index_ready = False
    window, runner = _window_run_by_hand(qtbot, fake_service)
    runner.finish(0)  # the first rows, before every id is read
    assert window.record_list.records.rowCount() == 7
    runner.finish(0)  # the first refresh: records, but the values are not counted yet
    assert window.record_list.records.rowCount() == 7
    assert "Counting values" in window.sidebar.status.text()
    assert not window.sidebar.facets.find_value("Cable").isValid()
    runner.finish_all()  # the index is built, and the sidebar asks again
    assert window.sidebar.facets.find_value("Cable").isValid()
    assert not window.sidebar.status.isVisibleTo(window)


def test_what_lives_while_the_catalogue_is_open_is_frozen_once_the_index_is_ready(
    qtbot: QtBot, fake_service: FakeCatalogService
) -> None:
    _window, runner = _window_run_by_hand(qtbot, fake_service)
    runner.finish(0)
    runner.finish(0)
    assert gc.get_freeze_count() == 0  # the index is not ready yet
    runner.finish_all()
    assert fake_service.called("prepare_index")
    assert gc.get_freeze_count() > 0  # full collections no longer walk it


def test_the_first_rows_show_before_every_id_is_read(
    qtbot: QtBot, fake_service: FakeCatalogService
) -> None:
    window, runner = _window_run_by_hand(qtbot, fake_service)
    runner.finish(0)
    assert [args for args in fake_service.called("search")] == [("", SortKey.DATE, False)]
    assert window.record_list.records.rowCount() == 7
    assert window.status_line.startswith("7 records")
    runner.finish_all()
    assert window.record_list.records.rowCount() == 7  # the full answer replaced it


def test_first_rows_arriving_late_never_replace_the_full_answer(
    qtbot: QtBot, fake_service: FakeCatalogService
) -> None:
    window, runner = _window_run_by_hand(qtbot, fake_service)
    runner.finish(1)  # the full refresh first
    fake_service.records.clear()  # were the first rows delivered now, the list would empty
    runner.finish(0)
    assert window.record_list.records.rowCount() == 7


def test_the_search_index_is_prepared_after_the_first_results(
    qtbot: QtBot, make_window: WindowFactory, fake_service: FakeCatalogService
) -> None:
    make_window(fake_service)
    assert len(fake_service.called("prepare_index")) == 1


def test_view_menu_hides_and_shows_the_side_panes(
    make_window: WindowFactory, fake_service: FakeCatalogService
) -> None:
    window = make_window(fake_service)
    window.window_actions[ActionId.SHOW_SIDEBAR].trigger()
    window.window_actions[ActionId.SHOW_DETAILS].trigger()
    assert not window.sidebar.isVisible() and not window.detail.isVisible()
    window.window_actions[ActionId.FIND].trigger()  # Ctrl+F brings the search box back
    assert window.sidebar.isVisible()
    assert window.sidebar.search_box.edit.hasFocus()


def test_a_new_result_does_not_read_the_shown_record_again(
    qtbot: QtBot, make_window: WindowFactory, fake_service: FakeCatalogService
) -> None:
    window = make_window(fake_service)
    click_row(qtbot, window, 0)
    reads = len(fake_service.called("detail"))
    window.sidebar.set_query("journal")
    assert window.detail.shown_id == window.record_list.selected_ids()[0]
    assert len(fake_service.called("detail")) == reads


def test_the_rows_a_search_shows_first_are_read_with_it_not_on_the_ui_thread(
    qtbot: QtBot, fake_service: FakeCatalogService
) -> None:
    window, runner = _window_run_by_hand(qtbot, fake_service)  # jobs: the worker threads
    runner.finish_all()
    window.sidebar.set_query("cable")
    runner.finish_all()
    reads = len(fake_service.called("summaries"))

    titles = shown_titles(window)  # what painting the list asks of the model

    assert titles and all("Cable" in title for title in titles)
    assert len(fake_service.called("summaries")) == reads
