"""A whole session by keyboard alone: add a record, annotate it, filter, export.

Every step is a key pressed in the widget that has the focus (or a shortcut): no mouse,
no method called on a widget to change it. The test reads the widgets' state to know
where it is and to check the outcome, as the user reads the screen. A modal dialog is
answered with keys from a timer while it waits.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from catalog.services.catalog import CatalogService
from catalog.ui.dialogs.export_dialog import ExportDialog
from catalog.ui.dialogs.go_to_record import GoToRecordDialog
from catalog.ui.dialogs.note_dialog import NoteDialog
from catalog.ui.editor import RecordEditorDialog
from catalog.ui.filter_sidebar.model import CLAUSE_ROLE
from catalog.ui.jobs.runner import JobRunner
from catalog.ui.shell.main_window import MainWindow
from tests.accessibility.conftest import OpenWindow

TIMEOUT = 10_000
TITLE = "Keyboard only letter"
DATE = "1952-04-03"
NOTE = "Typed without a mouse"
QUERY = "keyboard"

Key = Qt.Key
Mod = Qt.KeyboardModifier


def focused() -> QWidget:
    """The widget the keys go to."""
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    return widget


def press(qtbot: QtBot, key: Key, modifier: Mod = Mod.NoModifier) -> None:
    """Press a key (or a shortcut) in the focused widget."""
    qtbot.keyClick(focused(), key, modifier)


def type_text(qtbot: QtBot, text: str) -> None:
    """Type ASCII text into the focused widget."""
    assert text.isascii()
    qtbot.keyClicks(focused(), text)


def tab_to(qtbot: QtBot, wanted: Callable[[QWidget], bool], limit: int = 40) -> QWidget:
    """Press Tab until the focus reaches a widget ``wanted`` accepts."""
    for _ in range(limit):
        if wanted(focused()):
            return focused()
        press(qtbot, Key.Key_Tab)
    pytest.fail(f"Tab never reached the widget (focus ends on {focused().objectName()!r})")


def when_modal(kind: type[QWidget], answer: Callable[[QWidget], None], errors: list[str]) -> None:
    """Answer the modal dialog ``kind`` with keys once it has the focus (it may block)."""
    deadline = time.monotonic() + TIMEOUT / 1000

    def look() -> None:
        modal = QApplication.activeModalWidget()
        focus = QApplication.focusWidget()
        ready = isinstance(modal, kind) and focus is not None and focus.window() is modal
        if not ready:
            if time.monotonic() < deadline:
                QTimer.singleShot(20, look)
            else:
                errors.append(f"{kind.__name__} never came up with the focus")
            return
        assert modal is not None
        try:
            answer(modal)
        except BaseException as error:  # never leave a blocking dialog open
            errors.append(f"{kind.__name__}: {error!r}")
            modal.close()

    QTimer.singleShot(0, look)


def back_to(qtbot: QtBot, window: QWidget) -> None:
    """A dialog closed: its parent window is active again.

    On a desktop the window manager activates the dialog's parent when the dialog
    closes; the offscreen platform has no window manager, so the test does it.
    """
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None, timeout=TIMEOUT)
    if not window.isActiveWindow():
        with qtbot.waitActive(window):
            window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None, timeout=TIMEOUT)


def is_in(parent: QWidget) -> Callable[[QWidget], bool]:
    return lambda widget: widget is parent or parent.isAncestorOf(widget)


@pytest.fixture
def window(open_window: OpenWindow, qtbot: QtBot) -> MainWindow:
    main = open_window(JobRunner())
    qtbot.waitUntil(lambda: main.record_list.records.rowCount() == 15, timeout=TIMEOUT)
    return main


def test_add_annotate_filter_and_export_by_keyboard(
    qtbot: QtBot, window: MainWindow, catalogue: CatalogService, tmp_path: Path
) -> None:
    errors: list[str] = []
    assert focused() is window.sidebar.search_box.edit  # the window opens in the search box

    # ---- Add: Ctrl+N opens the editor in the title; Tab to the date; Ctrl+Return saves.
    press(qtbot, Key.Key_N, Mod.ControlModifier)
    qtbot.waitUntil(lambda: isinstance(focused().window(), RecordEditorDialog), timeout=TIMEOUT)
    editor = focused().window()
    assert isinstance(editor, RecordEditorDialog)
    assert focused() is editor.form.title
    type_text(qtbot, TITLE)
    tab_to(qtbot, lambda w: w is editor.form.date.edit)
    type_text(qtbot, DATE)
    press(qtbot, Key.Key_Return, Mod.ControlModifier)  # Save and close
    qtbot.waitUntil(lambda: not editor.isVisible(), timeout=TIMEOUT)
    found = catalogue.search(f'"{TITLE}"')
    assert found.total == 1, "the new record was not saved"
    (record_id,) = found.ids
    assert catalogue.detail(record_id).date.text == DATE
    qtbot.waitUntil(lambda: window.record_list.records.rowCount() == 16, timeout=TIMEOUT)
    back_to(qtbot, window)

    # ---- Annotate: Ctrl+G and its number show it; Tab into the detail pane; Ctrl+Alt+N.
    def go_to(dialog: QWidget) -> None:
        type_text(qtbot, f"#{record_id}")
        press(qtbot, Key.Key_Return)

    when_modal(GoToRecordDialog, go_to, errors)
    press(qtbot, Key.Key_G, Mod.ControlModifier)
    assert errors == []
    qtbot.waitUntil(lambda: window.detail.shown_id == record_id, timeout=TIMEOUT)
    back_to(qtbot, window)
    tab_to(qtbot, is_in(window.detail))
    press(qtbot, Key.Key_N, Mod.ControlModifier | Mod.AltModifier)
    qtbot.waitUntil(lambda: isinstance(focused().window(), NoteDialog), timeout=TIMEOUT)
    note_dialog = focused().window()
    assert isinstance(note_dialog, NoteDialog)
    type_text(qtbot, NOTE)
    tab_to(qtbot, lambda w: w is note_dialog.save_button)
    press(qtbot, Key.Key_Space)
    qtbot.waitUntil(
        lambda: [n.text for n in catalogue.detail(record_id).annotations] == [NOTE],
        timeout=TIMEOUT,
    )

    # ---- Filter: Ctrl+F, a query, Enter; then a facet value from the keyboard.
    qtbot.waitUntil(lambda: not note_dialog.isVisible(), timeout=TIMEOUT)
    back_to(qtbot, window)
    press(qtbot, Key.Key_F, Mod.ControlModifier)
    assert focused() is window.sidebar.search_box.edit
    type_text(qtbot, QUERY)
    press(qtbot, Key.Key_Return)
    qtbot.waitUntil(lambda: window.record_list.records.ids == [record_id], timeout=TIMEOUT)
    tree = window.sidebar.tree
    tab_to(qtbot, lambda w: w is tree)
    decade = window.sidebar.facets.find_value("1950s")
    assert decade.isValid(), "no decade facet for the record"
    for _ in range(200):  # arrow down to the value, as the user reads the list
        if tree.currentIndex() == decade:
            break
        press(qtbot, Key.Key_Down)
    assert tree.currentIndex() == decade
    clause = str(decade.data(CLAUSE_ROLE))
    press(qtbot, Key.Key_Return)
    qtbot.waitUntil(lambda: clause in window.sidebar.query, timeout=TIMEOUT)
    qtbot.waitUntil(lambda: window.record_list.records.ids == [record_id], timeout=TIMEOUT)

    # ---- Export: Ctrl+E; the file name typed into the file field (Alt+I); Enter.
    target = tmp_path / "exported" / "keyboard.json"
    target.parent.mkdir()

    def export(dialog: QWidget) -> None:
        press(qtbot, Key.Key_I, Mod.AltModifier)  # F&ile:
        field = focused()
        assert field.objectName() == "exportPath", field.objectName()
        press(qtbot, Key.Key_A, Mod.ControlModifier)
        type_text(qtbot, str(target))
        press(qtbot, Key.Key_Return)  # Export is the default button

    when_modal(ExportDialog, export, errors)
    press(qtbot, Key.Key_E, Mod.ControlModifier)
    assert errors == []
    qtbot.waitUntil(target.exists, timeout=TIMEOUT)
    qtbot.waitUntil(lambda: window.statusBar().currentMessage().startswith("Exported"))
    exported = json.loads(target.read_text(encoding="utf-8"))
    text = json.dumps(exported)
    assert TITLE in text and NOTE in text
    others = [catalogue.detail(i).title for i in catalogue.search("").ids if i != record_id]
    assert not any(title in text for title in others), "more than the filtered record"
