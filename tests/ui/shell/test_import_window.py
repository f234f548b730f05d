"""Importing from the window on a real catalogue: File → Import…, dropped files, the
new records selected, one step to undo."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from catalog.services.catalog import CatalogService
from catalog.ui.dialogs import file_pickers
from catalog.ui.dialogs.import_dialog import ImportDialog
from catalog.ui.jobs.runner import ImmediateJobRunner
from catalog.ui.shell.actions import ActionId
from catalog.ui.shell.main_window import MainWindow
from tests.ui.dialogs.import_helpers import click, open_catalogue, titles, write_csv

ROWS = ("Cable to Moscow,1962,A cable", "Letter from Pyongyang,4 March 1961,A letter")


@pytest.fixture
def catalogue(tmp_path: Path) -> Iterator[CatalogService]:
    yield from open_catalogue(tmp_path)


@pytest.fixture
def window(qtbot: QtBot, catalogue: CatalogService, tmp_path: Path) -> MainWindow:
    catalogue.import_file(write_csv(tmp_path / "old.csv", "An older record,1950,Old"))
    shown = MainWindow(catalogue, ImmediateJobRunner())
    qtbot.addWidget(shown)
    shown.show()
    return shown


def _dialog(window: MainWindow) -> ImportDialog:
    dialog = window.findChild(ImportDialog, "importDialog")
    assert isinstance(dialog, ImportDialog) and dialog.isVisible()
    return dialog


def test_file_import_reviews_imports_and_selects_the_new_records(
    qtbot: QtBot,
    window: MainWindow,
    catalogue: CatalogService,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    path = write_csv(tmp_path / "new.csv", *ROWS)
    monkeypatch.setattr(file_pickers, "ask_import_files", lambda parent, folder: [path])
    window.window_actions[ActionId.IMPORT].trigger()
    dialog = _dialog(window)
    assert titles(catalogue) == ["An older record"]  # the review writes nothing
    click(qtbot, dialog.import_button)
    assert titles(catalogue) == ["An older record", "Cable to Moscow", "Letter from Pyongyang"]
    assert window.record_list.records.rowCount() == 3
    selected = list(window.record_list.selected_ids())
    assert sorted(catalogue.detail(i).title for i in selected) == [
        "Cable to Moscow",
        "Letter from Pyongyang",
    ]
    assert window.status_line == "3 records · 2 selected"
    assert "Records: 2 added, 0 updated, 0 skipped." in dialog.summary.text()
    click(qtbot, dialog.close_button)
    assert window.window_actions[ActionId.UNDO].text() == "&Undo Import new.csv"
    window.window_actions[ActionId.UNDO].trigger()
    assert titles(catalogue) == ["An older record"]


def _mime(*paths: Path) -> QMimeData:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    return mime


def test_dropping_files_on_the_window_opens_the_import_dialog(
    qtbot: QtBot, window: MainWindow, catalogue: CatalogService, tmp_path: Path
) -> None:
    a = write_csv(tmp_path / "a.csv", ROWS[0])
    b = write_csv(tmp_path / "b.csv", ROWS[1])
    mime = _mime(a, b)
    where = QPoint(window.width() // 2, window.height() // 2)
    action = Qt.DropAction.CopyAction
    buttons, keys = Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(where, action, mime, buttons, keys)
    QApplication.sendEvent(window, enter)
    assert enter.isAccepted()
    drop = QDropEvent(where.toPointF(), action, mime, buttons, keys)
    QApplication.sendEvent(window, drop)
    assert drop.isAccepted()
    dialog = _dialog(window)
    assert dialog.path == a
    click(qtbot, dialog.import_button)
    click(qtbot, dialog.import_button)
    assert dialog.finished_all
    assert titles(catalogue) == ["An older record", "Cable to Moscow", "Letter from Pyongyang"]
    assert len(window.record_list.selected_ids()) == 2


def test_dragging_something_other_than_files_is_refused(window: MainWindow, tmp_path: Path) -> None:
    mime = QMimeData()
    mime.setText("just text")
    for data in (mime, _mime(tmp_path)):  # text, then a folder
        enter = QDragEnterEvent(
            QPoint(10, 10),
            Qt.DropAction.CopyAction,
            data,
            Qt.MouseButton.NoButton,
            Qt.KeyboardModifier.NoModifier,
        )
        enter.ignore()
        QApplication.sendEvent(window, enter)
        assert not enter.isAccepted()
    assert window.findChild(ImportDialog) is None
