"""The real window: Tools → Check catalogue repairs a damaged index off the UI thread, and a
second window on the same file opens for reading only."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from catalog.services.catalog import CatalogService
from catalog.ui.dialogs.check_dialog import CheckDialog
from catalog.ui.jobs.runner import JobRunner
from catalog.ui.shell.actions import ActionId
from catalog.ui.shell.main_window import MainWindow


def catalogue(tmp_path: Path, sample_listing: Path) -> Path:
    path = tmp_path / "c.sqlite"
    service = CatalogService.open(path, cache_dir=tmp_path)
    service.import_file(sample_listing)
    service.close()
    return path


def open_window(qtbot: QtBot, path: Path, tmp_path: Path) -> tuple[MainWindow, CatalogService]:
    service = CatalogService.open(path, cache_dir=tmp_path, lock=True, keep_backups=3)
    window = MainWindow(service, JobRunner())
    qtbot.addWidget(window)
    with qtbot.waitExposed(window):
        window.show()
    qtbot.waitUntil(lambda: window.record_list.records.rowCount() == 15, timeout=10_000)
    return window, service


def test_tools_check_catalogue_finds_and_repairs_the_search_index(
    qtbot: QtBot, tmp_path: Path, sample_listing: Path
) -> None:
    path = catalogue(tmp_path, sample_listing)
    with closing(sqlite3.connect(path)) as raw:
        raw.execute("DELETE FROM record_fts WHERE rowid = 3")
        raw.commit()
    window, service = open_window(qtbot, path, tmp_path)
    try:
        tools = next(
            action.menu()
            for action in window.menuBar().actions()
            if action.text() == "&Tools" and action.menu() is not None
        )
        check = window.window_actions[ActionId.CHECK_CATALOGUE]
        assert check in tools.actions() and check.isEnabled()  # type: ignore[union-attr]
        check.trigger()
        dialog = window.findChild(CheckDialog, "checkDialog")
        assert dialog is not None
        qtbot.waitUntil(lambda: dialog.list.topLevelItemCount() == 1, timeout=10_000)
        item = dialog.list.topLevelItem(0)
        assert item is not None and item.text(1) == "Rebuild the search index"
        qtbot.mouseClick(dialog.repair_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(
            lambda: "No problems found" in dialog.summary.text() and not dialog.busy,
            timeout=10_000,
        )
        assert dialog.list.topLevelItemCount() == 0
        dialog.close()
    finally:
        window.close()
        service.close()
    assert service.keeper is not None


def test_a_second_window_on_the_same_file_reads_only(
    qtbot: QtBot, tmp_path: Path, sample_listing: Path
) -> None:
    path = catalogue(tmp_path, sample_listing)
    first, first_service = open_window(qtbot, path, tmp_path)
    second, second_service = open_window(qtbot, path, tmp_path)
    try:
        label = second.statusBar().findChild(QLabel, "readOnlyLabel")
        assert label is not None and not label.isHidden()
        assert label.accessibleDescription() == (
            f"Another Catalog is using {path}; it is open here for reading only."
        )
        assert str(path) in label.toolTip()
        assert not second.window_actions[ActionId.NEW_RECORD].isEnabled()
        assert not second.window_actions[ActionId.IMPORT].isEnabled()
        first_label = first.statusBar().findChild(QLabel, "readOnlyLabel")
        assert first_label is None or first_label.isHidden()
        assert first.window_actions[ActionId.NEW_RECORD].isEnabled()
    finally:
        for window, service in ((second, second_service), (first, first_service)):
            window.close()
            service.close()
