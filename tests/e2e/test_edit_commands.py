"""The Edit menu end to end: delete, undo and redo from the keyboard, on a real catalogue."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from catalog.domain.changes import ChangeSet
from catalog.domain.drafts import RecordDraft
from catalog.services.catalog import CatalogService
from catalog.ui.jobs.runner import JobRunner
from catalog.ui.shell.actions import ActionId
from catalog.ui.shell.main_window import MainWindow
from tests.ui.fakes import FakeCatalogService

TIMEOUT = 10_000


@pytest.fixture
def service(tmp_path: Path) -> Iterator[CatalogService]:
    opened = CatalogService.open(tmp_path / "edit.sqlite", user="tester", cache_dir=tmp_path)
    yield opened
    opened.close()


@pytest.fixture
def window(qtbot: QtBot, service: CatalogService) -> Iterator[MainWindow]:
    for title in ("Cable from Pyongyang", "Letter to Moscow", "Memo on citizenship"):
        service.editor.create_record(RecordDraft(title, "1957"))
    service.editor.history.clear()
    runner = JobRunner()
    main = MainWindow(service, runner)
    qtbot.addWidget(main)
    with qtbot.waitExposed(main):
        main.show()
    qtbot.waitUntil(lambda: main.record_list.records.rowCount() == 3, timeout=TIMEOUT)
    yield main
    main.close()
    runner.shutdown()


def test_delete_undo_and_redo_from_the_keyboard(
    qtbot: QtBot, window: MainWindow, service: CatalogService
) -> None:
    actions = window.window_actions
    assert not actions[ActionId.UNDO].isEnabled()
    window.record_list.setFocus()
    window.record_list.selectRow(0)
    doomed = window.record_list.selected_ids()[0]

    QTest.keyClick(window.record_list, Qt.Key.Key_Delete)

    qtbot.waitUntil(lambda: window.record_list.records.rowCount() == 2, timeout=TIMEOUT)
    assert service.detail(doomed).deleted
    assert actions[ActionId.UNDO].text() == "&Undo Delete 1 record"
    assert "trash" in window.statusBar().currentMessage()

    QTest.keyClick(window.record_list, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.record_list.records.rowCount() == 3, timeout=TIMEOUT)
    assert not service.detail(doomed).deleted
    assert actions[ActionId.REDO].text() == "&Redo Delete 1 record"
    assert not actions[ActionId.UNDO].isEnabled()

    redo = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    QTest.keyClick(window.record_list, Qt.Key.Key_Z, redo)
    qtbot.waitUntil(lambda: window.record_list.records.rowCount() == 2, timeout=TIMEOUT)
    assert service.detail(doomed).deleted


def test_delete_in_the_search_box_edits_the_text_not_the_catalogue(
    qtbot: QtBot, window: MainWindow, service: CatalogService
) -> None:
    window.record_list.selectRow(0)
    box = window.sidebar.search_box.edit
    box.setFocus()
    qtbot.keyClicks(box, "memo")
    box.setCursorPosition(0)

    QTest.keyClick(box, Qt.Key.Key_Delete)
    QTest.keyClick(box, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)

    assert box.text() == "memo"
    assert service.count() == 3
    assert service.editor.history.undo_label is None


def test_a_read_only_catalogue_offers_no_editing(qtbot: QtBot) -> None:
    window = MainWindow(FakeCatalogService.with_sample(), JobRunner())
    qtbot.addWidget(window)
    for action_id in (ActionId.NEW_RECORD, ActionId.DELETE_RECORDS, ActionId.UNDO):
        assert not window.window_actions[action_id].isEnabled(), action_id
    window.close()


def test_suggested_names_are_linked_from_the_edit_menu(
    qtbot: QtBot, window: MainWindow, service: CatalogService
) -> None:
    from catalog.domain.drafts import NameChoice
    from catalog.domain.records import AuthorityKind
    from catalog.ui.dialogs.authorities import SuggestionsDialog

    service.editor.create_record(
        RecordDraft(
            "Letter from Nam Il", "1958", names=(NameChoice(AuthorityKind.PERSON, "Nam Il"),)
        )
    )
    mention, _ = service.editor.create_record(RecordDraft("Nam Il on the Moscow talks", "1958"))
    window.editing.announce(ChangeSet(added=frozenset({mention})))
    qtbot.waitUntil(lambda: window.record_list.records.row_of(mention) is not None, timeout=TIMEOUT)
    window.record_list.selectRow(window.record_list.records.row_of(mention) or 0)

    window.window_actions[ActionId.SUGGEST_NAMES].trigger()

    dialog = window.findChild(SuggestionsDialog)
    assert dialog is not None and dialog.isVisible()
    with qtbot.waitSignal(window.hub.changes_applied, timeout=TIMEOUT):
        qtbot.mouseClick(dialog.link_button, Qt.MouseButton.LeftButton)
    assert [a.name for a in service.detail(mention).authorities] == ["Nam Il"]
    assert service.editor.history.undo_label is not None


def test_the_authorities_manager_opens_from_the_keyboard(qtbot: QtBot, window: MainWindow) -> None:
    from catalog.ui.dialogs.authorities import AuthoritiesDialog

    window.record_list.setFocus()
    QTest.keyClick(
        window.record_list,
        Qt.Key.Key_A,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )

    dialog = window.findChild(AuthoritiesDialog)
    assert dialog is not None and dialog.isVisible()
    dialog.close()


def test_bulk_edit_of_the_selection_then_undo(
    qtbot: QtBot, window: MainWindow, service: CatalogService
) -> None:
    from PySide6.QtWidgets import QAbstractButton, QLineEdit

    from catalog.ui.dialogs.bulk_edit import BulkEditDialog

    window.record_list.setFocus()
    window.record_list.selectAll()
    window.window_actions[ActionId.BULK_EDIT].trigger()
    dialog = window.findChild(BulkEditDialog)
    assert dialog is not None
    value = dialog.findChild(QLineEdit, "bulkValue")
    preview = dialog.findChild(QAbstractButton, "bulkPreview")
    apply = dialog.findChild(QAbstractButton, "bulkApply")
    assert value is not None and preview is not None and apply is not None
    qtbot.keyClicks(value, "checked")
    qtbot.mouseClick(preview, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(apply.isEnabled, timeout=TIMEOUT)

    with qtbot.waitSignal(window.hub.changes_applied, timeout=TIMEOUT):
        qtbot.mouseClick(apply, Qt.MouseButton.LeftButton)

    assert len(service.search("tag:checked").ids) == 3
    assert window.window_actions[ActionId.UNDO].text() == "&Undo Add tag “checked” to 3 records"
    window.window_actions[ActionId.UNDO].trigger()
    qtbot.waitUntil(lambda: not service.search("tag:checked").ids, timeout=TIMEOUT)


def test_the_trash_restores_what_was_deleted(
    qtbot: QtBot, window: MainWindow, service: CatalogService
) -> None:
    from PySide6.QtWidgets import QAbstractButton

    from catalog.ui.dialogs.trash import TrashDialog

    window.record_list.setFocus()
    window.record_list.selectRow(0)
    QTest.keyClick(window.record_list, Qt.Key.Key_Delete)
    show_trash = window.window_actions[ActionId.SHOW_TRASH]
    qtbot.waitUntil(show_trash.isEnabled, timeout=TIMEOUT)  # the delete has finished
    assert service.count() == 2

    show_trash.trigger()
    dialog = window.findChild(TrashDialog)
    assert dialog is not None
    dialog.records.selectAll()
    restore = dialog.findChild(QAbstractButton, "trashRestore")
    assert restore is not None
    with qtbot.waitSignal(window.hub.changes_applied, timeout=TIMEOUT):
        qtbot.mouseClick(restore, Qt.MouseButton.LeftButton)

    qtbot.waitUntil(lambda: window.record_list.records.rowCount() == 3, timeout=TIMEOUT)


def test_a_note_added_in_the_detail_pane_is_the_step_undo_names(
    qtbot: QtBot, window: MainWindow, service: CatalogService
) -> None:
    window.record_list.selectRow(0)
    shown = window.record_list.selected_ids()[0]
    qtbot.waitUntil(window.detail.add_note_action.isEnabled, timeout=TIMEOUT)
    window.detail.add_note_action.trigger()
    dialog = window.detail.notes.dialog
    assert dialog is not None
    qtbot.keyClicks(dialog.edit, "Check the Russian original")

    with qtbot.waitSignal(window.hub.changes_applied, timeout=TIMEOUT):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    assert [n.text for n in service.detail(shown).annotations] == ["Check the Russian original"]
    assert window.window_actions[ActionId.UNDO].text() == "&Undo Add note"


def test_new_and_edit_record_from_the_keyboard(
    qtbot: QtBot, window: MainWindow, service: CatalogService
) -> None:
    from catalog.ui.editor import RecordEditorDialog

    ctrl = Qt.KeyboardModifier.ControlModifier
    window.record_list.setFocus()
    QTest.keyClick(window.record_list, Qt.Key.Key_N, ctrl)
    editor = window.findChild(RecordEditorDialog)
    assert editor is not None and editor.record_id is None
    qtbot.waitUntil(editor.isActiveWindow, timeout=TIMEOUT)  # the editor takes the focus
    qtbot.keyClicks(editor.form.title, "Telegram on the Geneva conference")
    with qtbot.waitSignal(window.hub.changes_applied, timeout=TIMEOUT):
        QTest.keyClick(editor.form.title, Qt.Key.Key_Return, ctrl)
    qtbot.waitUntil(lambda: window.record_list.records.rowCount() == 4, timeout=TIMEOUT)
    [new] = service.search("geneva").ids
    qtbot.waitUntil(lambda: window.findChild(RecordEditorDialog) is None, timeout=TIMEOUT)

    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=TIMEOUT)
    window.record_list.setFocus()
    window.record_list.selectRow(window.record_list.records.row_of(new) or 0)
    QTest.keyClick(window.record_list, Qt.Key.Key_F2)
    editor = window.findChild(RecordEditorDialog)
    assert editor is not None and editor.record_id == new
    qtbot.waitUntil(editor.isActiveWindow, timeout=TIMEOUT)
    editor.form.title.selectAll()
    qtbot.keyClicks(editor.form.title, "Telegram on the Geneva talks")
    with qtbot.waitSignal(window.hub.changes_applied, timeout=TIMEOUT):
        QTest.keyClick(editor.form.title, Qt.Key.Key_S, ctrl)

    assert service.detail(new).title == "Telegram on the Geneva talks"
    assert (
        window.window_actions[ActionId.UNDO].text() == "&Undo Edit “Telegram on the Geneva talks”"
    )
    editor.close()


def test_the_archivist_name_signs_notes_and_is_remembered(
    qtbot: QtBot,
    service: CatalogService,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from PySide6.QtCore import QSettings

    from catalog.ui.dialogs import archivist_name

    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    runner = JobRunner()
    window = MainWindow(service, runner, settings=settings)
    qtbot.addWidget(window)
    monkeypatch.setattr(archivist_name, "ask_name", lambda _parent, current: "Ann Archivist")

    window.window_actions[ActionId.ARCHIVIST_NAME].trigger()

    rid, _ = service.editor.create_record(RecordDraft("Signed record"))
    service.editor.add_note(rid, "signed note")
    assert service.detail(rid).annotations[0].author == "Ann Archivist"
    assert archivist_name.saved_name(settings) == "Ann Archivist"
    window.close()
    runner.shutdown()
