"""An exception nothing caught: a dialog with Copy details, a log entry, a usable window."""

from __future__ import annotations

import logging
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from catalog import __version__, logs
from catalog.ui.dialogs import messages
from catalog.ui.shell.bugs import BugReporter, ExceptionHooks
from tests.ui.conftest import WindowFactory, open_message_boxes
from tests.ui.fakes import FakeCatalogService
from tests.ui.shell.driving import type_query


@pytest.fixture
def log_file(tmp_path: Path) -> Iterator[Path]:
    level = logging.getLogger().level
    path = logs.setup_logging(folder=tmp_path / "logs")
    assert path is not None
    yield path
    logs.stop_logging()
    logging.getLogger().setLevel(level)


@pytest.fixture
def hooks() -> Iterator[ExceptionHooks]:
    installed = ExceptionHooks(BugReporter())
    installed.install()
    yield installed
    installed.uninstall()


def copy_button(box: QMessageBox) -> QPushButton:
    button = box.findChild(QPushButton, "copyDetailsButton")
    assert button is not None
    return button


def failing_slot() -> None:
    raise ZeroDivisionError("the slot divided by zero")


@pytest.mark.qt_no_exception_capture  # the program's own hook, not pytest-qt's
def test_a_slot_that_raises_shows_the_box_writes_the_log_and_the_window_goes_on(
    qtbot: QtBot,
    make_window: WindowFactory,
    fake_service: FakeCatalogService,
    log_file: Path,
    hooks: ExceptionHooks,
) -> None:
    window = make_window(fake_service)
    action = QAction("Fail", window)
    action.triggered.connect(failing_slot)
    action.trigger()
    (box,) = open_message_boxes()
    assert box.windowTitle() == messages.BUG_TITLE
    assert str(log_file) in box.informativeText()
    assert "ZeroDivisionError: the slot divided by zero" in box.detailedText()
    text = log_file.read_text(encoding="utf-8")
    assert "ERROR catalog.ui.shell.bugs" in text and "ZeroDivisionError" in text
    assert "failing_slot" in text  # the traceback
    qtbot.mouseClick(copy_button(box), Qt.MouseButton.LeftButton)
    clipboard = QGuiApplication.clipboard().text()
    assert clipboard == box.detailedText()
    assert clipboard.startswith(f"Catalog {__version__}\nPython ")
    assert "failing_slot" in clipboard
    assert box.isVisible()  # copying leaves the box open
    box.close()
    assert not box.isVisible()  # and closing it still closes it
    type_query(qtbot, window, "cable")  # the window still works
    assert window.status_line.startswith("3 of 7 records")


@pytest.mark.qt_no_exception_capture
def test_an_exception_in_a_thread_reaches_the_box_on_the_ui_thread(
    qtbot: QtBot, log_file: Path, hooks: ExceptionHooks
) -> None:
    def work() -> None:
        raise RuntimeError("a worker thread failed")

    thread = threading.Thread(target=work, name="worker")
    thread.start()
    thread.join()
    qtbot.waitUntil(lambda: len(open_message_boxes()) == 1)
    (box,) = open_message_boxes()
    assert "RuntimeError: a worker thread failed" in box.detailedText()
    assert "a worker thread failed" in log_file.read_text(encoding="utf-8")


def test_uninstall_gives_the_previous_hooks_back() -> None:
    before = (sys.excepthook, threading.excepthook)
    hooks = ExceptionHooks(BugReporter())
    hooks.install()
    assert sys.excepthook == hooks.excepthook
    hooks.uninstall()
    assert (sys.excepthook, threading.excepthook) == before


def test_a_bug_box_without_a_log_file_says_nothing_of_one(qtbot: QtBot) -> None:
    logs.stop_logging()
    box = messages.show_bug(None, ValueError("x"), "the export")
    assert "log file" not in box.informativeText()
    assert "carry on working" in box.informativeText()
    box.close()
