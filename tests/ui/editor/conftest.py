"""A real catalogue on disk and an editor dialog over it, shown as a user would see it."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot
from shiboken6 import isValid

from catalog.services.catalog import CatalogService
from catalog.ui.editor import RecordEditorDialog


@pytest.fixture
def catalogue(tmp_path: Path) -> Iterator[CatalogService]:
    """An empty SQLite catalogue."""
    opened = CatalogService.open(tmp_path / "c.sqlite", user="tester", cache_dir=tmp_path)
    try:
        yield opened
    finally:
        opened.close()


OpenEditor = Callable[[int | None], RecordEditorDialog]


@pytest.fixture
def open_editor(qtbot: QtBot, catalogue: CatalogService) -> Iterator[OpenEditor]:
    """Opens (shows and activates) the editor on a record, or on a new one with None."""
    opened: list[RecordEditorDialog] = []

    def open_(record_id: int | None) -> RecordEditorDialog:
        dialog = RecordEditorDialog(catalogue, record_id)
        opened.append(dialog)  # closed below, not by qtbot: it closes before this teardown
        with qtbot.waitActive(dialog):
            dialog.show()
            dialog.activateWindow()
        return dialog

    yield open_
    # A test that stopped half way leaves changes: closing must not ask (it would block).
    for dialog in opened:
        if isValid(dialog):
            dialog.baseline = dialog.draft()
            dialog.close()
            dialog.deleteLater()


def type_into(qtbot: QtBot, widget: QWidget, text: str, enter: bool = False) -> None:
    """Click into a field and type, as the archivist does."""
    widget.setFocus()
    if text.isascii():
        qtbot.keyClicks(widget, text)
    else:  # QTest types ASCII only: other scripts arrive as an input method commits them
        for char in text:
            event = QInputMethodEvent()
            event.setCommitString(char)
            QApplication.sendEvent(widget, event)
    if enter:
        qtbot.keyClick(widget, Qt.Key.Key_Return)
