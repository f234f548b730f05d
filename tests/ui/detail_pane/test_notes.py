"""Notes from the detail pane: add, edit and delete on a real catalogue, then search them."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton
from pytestqt.qtbot import QtBot

from catalog.domain.drafts import RecordDraft
from catalog.services.catalog import CatalogService
from catalog.ui.detail_pane.fields import ADD_NOTE, DELETE_NOTE, EDIT_NOTE
from catalog.ui.detail_pane.widget import DetailPane
from catalog.ui.dialogs.note_dialog import ConfirmDeleteNote, NoteDialog
from catalog.ui.jobs.runner import ImmediateJobRunner
from tests.ui.detail_pane.conftest import LoggingService, PaneFactory, link_point


@pytest.fixture
def catalogue(tmp_path: Path) -> Iterator[CatalogService]:
    service = CatalogService.open(tmp_path / "c.sqlite", cache_dir=tmp_path)
    service.editor.user = "Ann"
    yield service
    service.close()


@pytest.fixture
def record_id(catalogue: CatalogService) -> int:
    rid, _ = catalogue.editor.create_record(RecordDraft("Cable on the harvest", "1957"))
    return rid


@pytest.fixture
def bugs() -> list[BaseException]:
    return []


@pytest.fixture
def pane(
    qtbot: QtBot, catalogue: CatalogService, record_id: int, bugs: list[BaseException]
) -> DetailPane:
    pane = DetailPane(catalogue, ImmediateJobRunner(), bugs.append)
    qtbot.addWidget(pane)
    pane.resize(420, 900)
    pane.show()
    pane.show_record(record_id)
    return pane


def click_link(qtbot: QtBot, pane: DetailPane, text: str) -> None:
    qtbot.mouseClick(
        pane.view.viewport(), Qt.MouseButton.LeftButton, pos=link_point(pane.view, text)
    )


def click(qtbot: QtBot, button: QAbstractButton) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def note_dialog(pane: DetailPane) -> NoteDialog:
    dialog = pane.notes.dialog
    assert isinstance(dialog, NoteDialog)
    assert dialog.isVisible()
    return dialog


def ids(catalogue: CatalogService, query: str) -> list[int]:
    return list(catalogue.search(query).ids)


def test_add_a_note_signed_by_the_user_and_find_it(
    qtbot: QtBot, pane: DetailPane, catalogue: CatalogService, record_id: int
) -> None:
    click_link(qtbot, pane, ADD_NOTE)
    dialog = note_dialog(pane)
    assert dialog.windowTitle() == "Add note"
    qtbot.keyClicks(dialog.edit, "Ask about the zebra harvest")
    with qtbot.waitSignal(pane.changed) as changed:
        click(qtbot, dialog.save_button)
    assert changed.args is not None and record_id in changed.args[0].updated
    [note] = catalogue.detail(record_id).annotations
    assert (note.text, note.author) == ("Ask about the zebra harvest", "Ann")
    assert pane.notes.dialog is None
    assert ids(catalogue, "note:zebra") == [record_id]
    assert ids(catalogue, "zebra") == [record_id]
    assert ids(catalogue, "note:cable") == []
    shown = pane.field_text("annotations")
    assert "Ann · " in shown and "Ask about the zebra harvest" in shown
    assert pane.view.anchor_position(EDIT_NOTE) is not None


def test_the_add_note_action_opens_the_same_dialog(
    qtbot: QtBot, pane: DetailPane, catalogue: CatalogService, record_id: int
) -> None:
    assert pane.add_note_action.isVisible() and pane.add_note_action.isEnabled()
    pane.add_note_action.trigger()
    dialog = note_dialog(pane)
    qtbot.keyClicks(dialog.edit, "Second opinion")
    click(qtbot, dialog.save_button)
    assert [n.text for n in catalogue.detail(record_id).annotations] == ["Second opinion"]


def test_an_empty_note_is_refused_in_the_dialog(
    qtbot: QtBot, pane: DetailPane, catalogue: CatalogService, record_id: int
) -> None:
    click_link(qtbot, pane, ADD_NOTE)
    dialog = note_dialog(pane)
    qtbot.keyClicks(dialog.edit, "   ")
    click(qtbot, dialog.save_button)
    assert dialog.isVisible()
    assert dialog.problem.text() == "A note needs some text."
    assert catalogue.detail(record_id).annotations == ()
    qtbot.keyClicks(dialog.edit, "now")
    assert dialog.problem.text() == ""
    click(qtbot, dialog.cancel_button)
    assert pane.notes.dialog is None
    assert catalogue.detail(record_id).annotations == ()


def test_edit_a_note(
    qtbot: QtBot, pane: DetailPane, catalogue: CatalogService, record_id: int
) -> None:
    catalogue.editor.add_note(record_id, "Check the walrus figures")
    pane.on_changes(catalogue.editor.add_note(record_id, "Another note"))
    click_link(qtbot, pane, EDIT_NOTE)  # the first note's link
    dialog = note_dialog(pane)
    assert dialog.windowTitle() == "Edit note"
    assert dialog.edit.toPlainText() == "Check the walrus figures"
    dialog.edit.selectAll()
    qtbot.keyClicks(dialog.edit, "Check the narwhal figures")
    with qtbot.waitSignal(pane.changed):
        click(qtbot, dialog.save_button)
    first, second = catalogue.detail(record_id).annotations
    assert (first.text, first.author) == ("Check the narwhal figures", "Ann")
    assert first.modified >= first.created
    assert second.text == "Another note"
    assert ids(catalogue, "note:narwhal") == [record_id]
    assert ids(catalogue, "narwhal") == [record_id]
    assert ids(catalogue, "walrus") == []
    assert "Check the narwhal figures" in pane.field_text("annotations")


def test_delete_a_note_after_confirming(
    qtbot: QtBot, pane: DetailPane, catalogue: CatalogService, record_id: int
) -> None:
    pane.on_changes(catalogue.editor.add_note(record_id, "Obsolete okapi remark"))
    click_link(qtbot, pane, DELETE_NOTE)
    confirm = pane.notes.dialog
    assert isinstance(confirm, ConfirmDeleteNote) and confirm.isVisible()
    click(qtbot, confirm.cancel_button)
    assert [n.text for n in catalogue.detail(record_id).annotations] == ["Obsolete okapi remark"]

    click_link(qtbot, pane, DELETE_NOTE)
    confirm = pane.notes.dialog
    assert isinstance(confirm, ConfirmDeleteNote)
    with qtbot.waitSignal(pane.changed):
        click(qtbot, confirm.delete_button)
    assert catalogue.detail(record_id).annotations == ()
    assert ids(catalogue, "note:okapi") == []
    assert ids(catalogue, "okapi") == []
    assert pane.view.anchor_position(DELETE_NOTE) is None
    assert pane.field_text("annotations").startswith(ADD_NOTE)


def test_a_note_gone_meanwhile_is_a_message_not_a_traceback(
    qtbot: QtBot,
    pane: DetailPane,
    catalogue: CatalogService,
    record_id: int,
    bugs: list[BaseException],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(
        "catalog.ui.dialogs.messages.show_error",
        lambda _parent, title, error: shown.append((title, str(error))),
    )
    pane.on_changes(catalogue.editor.add_note(record_id, "Soon gone"))
    [note] = catalogue.detail(record_id).annotations
    catalogue.editor.delete_note(record_id, note.id)  # elsewhere; the pane still shows it
    click_link(qtbot, pane, EDIT_NOTE)
    dialog = note_dialog(pane)
    qtbot.keyClicks(dialog.edit, " and back")
    with qtbot.assertNotEmitted(pane.changed):
        click(qtbot, dialog.save_button)
    assert shown == [("The note was not saved", "That note is no longer in the catalogue.")]
    assert catalogue.detail(record_id).annotations == ()
    assert bugs == []


def test_each_change_is_one_undoable_step(
    qtbot: QtBot, pane: DetailPane, catalogue: CatalogService, record_id: int
) -> None:
    click_link(qtbot, pane, ADD_NOTE)
    dialog = note_dialog(pane)
    qtbot.keyClicks(dialog.edit, "Undo me")
    click(qtbot, dialog.save_button)
    assert catalogue.editor.history.undo_label == "Add note"
    pane.on_changes(catalogue.editor.undo())
    assert catalogue.detail(record_id).annotations == ()
    assert "Undo me" not in pane.field_text("annotations")


def test_a_read_only_catalogue_offers_no_note_controls(
    make_pane: PaneFactory, service: LoggingService
) -> None:
    assert service.editor is None
    pane = make_pane(service)
    pane.show_record(42)
    assert pane.field_text("annotations")  # the notes are shown ...
    for text in (ADD_NOTE, EDIT_NOTE, DELETE_NOTE):  # ... without links to change them
        assert pane.view.anchor_position(text) is None
    assert not pane.add_note_action.isVisible()
    pane.add_note()
    assert pane.notes.dialog is None
