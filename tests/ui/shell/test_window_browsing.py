"""The window's browsing wiring: remembered state, saved searches, show-all, keys, status."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QInputDialog
from pytestqt.qtbot import QtBot

from catalog.ui.jobs.runner import ImmediateJobRunner
from catalog.ui.shell.actions import ActionId
from catalog.ui.shell.main_window import MainWindow
from tests.ui.fakes import FakeCatalogService
from tests.ui.shell.driving import click_row, type_query


def _window(qtbot: QtBot, service: FakeCatalogService, settings: QSettings) -> MainWindow:
    window = MainWindow(service, ImmediateJobRunner(), settings=settings)
    qtbot.addWidget(window)
    window.show()
    return window


def test_columns_panes_and_last_query_come_back_next_time(
    qtbot: QtBot, fake_service: FakeCatalogService, tmp_path: Path
) -> None:
    settings = QSettings(str(tmp_path / "catalog.ini"), QSettings.Format.IniFormat)
    first = _window(qtbot, fake_service, settings)
    type_query(qtbot, first, "cable")
    first.record_list.horizontalHeader().moveSection(1, 0)  # title first
    first.splitter.setSizes([200, 700, 300])
    sizes = first.splitter.sizes()
    first.close()

    again = _window(qtbot, fake_service, settings)
    assert again.sidebar.query == "cable"
    assert again.search.query == "cable"
    assert again.record_list.horizontalHeader().logicalIndex(0) == 1
    # The side panes keep their widths; the list takes whatever the window has left.
    assert again.splitter.sizes()[0::2] == sizes[0::2]


def test_damaged_settings_leave_the_defaults(
    qtbot: QtBot, fake_service: FakeCatalogService, tmp_path: Path
) -> None:
    settings = QSettings(str(tmp_path / "catalog.ini"), QSettings.Format.IniFormat)
    settings.setValue("recordList/columns", "not a state")
    settings.setValue("window/splitter", 42)
    settings.setValue("search/last", ["not", "text"])
    window = _window(qtbot, fake_service, settings)
    assert window.search.query == ""
    assert window.record_list.records.rowCount() == len(fake_service.records)


def test_save_search_is_one_action(
    qtbot: QtBot,
    fake_service: FakeCatalogService,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    settings = QSettings(str(tmp_path / "catalog.ini"), QSettings.Format.IniFormat)
    window = _window(qtbot, fake_service, settings)
    type_query(qtbot, window, "type:Cable")
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Cables", True))
    window.window_actions[ActionId.SAVE_SEARCH].trigger()
    assert window.sidebar.searches.find("Cables") is not None


def test_show_all_values_lists_every_value_of_a_facet(
    qtbot: QtBot, make_window, fake_service: FakeCatalogService
) -> None:
    window = make_window(fake_service)
    window.sidebar.all_values_requested.emit("type")
    dialog = window.sidebar.all_values
    assert dialog is not None and dialog.facet_name == "type"
    asked = fake_service.called("facets")[-1]
    assert asked == ("", ("type",))
    assert dialog.values.rowCount() == len({d.doc_type for d in fake_service.records.values()})


def test_next_and_previous_record_move_the_selection(
    qtbot: QtBot, make_window, fake_service: FakeCatalogService
) -> None:
    window = make_window(fake_service)
    click_row(qtbot, window, 0)
    window.window_actions[ActionId.NEXT_RECORD].trigger()
    assert window.record_list.currentIndex().row() == 1
    window.window_actions[ActionId.PREVIOUS_RECORD].trigger()
    window.window_actions[ActionId.PREVIOUS_RECORD].trigger()  # stays on the first
    assert window.record_list.currentIndex().row() == 0


def test_status_bar_counts_a_select_all(
    qtbot: QtBot, make_window, fake_service: FakeCatalogService
) -> None:
    window = make_window(fake_service)
    window.record_list.setFocus()
    qtbot.keyClick(window.record_list, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    assert f"{len(fake_service.records)} selected" in window.status_line


def test_keyboard_shortcuts_page_lists_the_menus_and_the_list_keys(
    qtbot: QtBot, make_window, fake_service: FakeCatalogService
) -> None:
    window = make_window(fake_service)
    window.window_actions[ActionId.SHORTCUTS].trigger()
    table = window._shortcuts.table if window._shortcuts else None
    assert table is not None
    rows = {table.item(r, 1).text(): table.item(r, 0).text() for r in range(table.rowCount())}
    assert rows["Search"] == "Ctrl+F"
    assert rows["Back"] == "Alt+Left"
    assert any("Home" in keys for keys in rows.values())


def test_tab_walks_the_panes_left_to_right_and_leaves_the_list(
    qtbot: QtBot, make_window, fake_service: FakeCatalogService
) -> None:
    window = make_window(fake_service)
    click_row(qtbot, window, 0)
    window.sidebar.search_box.edit.setFocus()
    order = []
    for _ in range(8):
        focused = QApplication.focusWidget()
        order.append(focused.objectName())
        qtbot.keyClick(focused, Qt.Key.Key_Tab)
    first = order.index("searchBox")
    walk = order[first:]
    assert walk.index("facetTree") < walk.index("recordList") < walk.index("detailRecord")
    assert walk.count("recordList") == 1  # Tab leaves the list instead of walking its cells


def test_enter_on_a_record_opens_it_in_the_detail_pane(
    qtbot: QtBot, make_window, fake_service: FakeCatalogService
) -> None:
    window = make_window(fake_service)
    click_row(qtbot, window, 2)
    record_id = window.record_list.records.record_id(2)
    window.window_actions[ActionId.SHOW_DETAILS].setChecked(False)
    window.record_list.activated.emit(window.record_list.currentIndex())  # what Enter does
    assert window.detail.isVisibleTo(window)
    assert window.detail.shown is not None and window.detail.shown.detail.id == record_id
    assert window.detail.view.hasFocus()
