"""Saving from the keyboard, the duplicate warning and the guard on unsaved changes."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from catalog.domain.drafts import RecordDraft
from catalog.domain.records import AuthorityKind, RecordSummary
from catalog.services.catalog import CatalogService
from catalog.ui.editor import questions
from tests.ui.editor.conftest import OpenEditor, type_into


def answer_next_box(qtbot: QtBot, button: QMessageBox.StandardButton, seen: list[str]) -> None:
    """Click ``button`` on the next question box that opens (it blocks while open)."""

    def answer() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(10, answer)
            return
        seen.append(f"{box.text()}\n{box.informativeText()}")
        qtbot.mouseClick(box.button(button), Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, answer)


def titles(catalogue: CatalogService) -> list[str]:
    return sorted(s.title for s in catalogue.summaries(list(catalogue.search("").ids)))


def test_ctrl_s_saves_and_keeps_editing_the_new_version(
    qtbot: QtBot, open_editor: OpenEditor, catalogue: CatalogService
) -> None:
    dialog = open_editor(None)
    type_into(qtbot, dialog.form.title, "Draft minutes")
    qtbot.keyClick(dialog.form.title, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    rid = dialog.record_id
    assert rid is not None and dialog.isVisible()
    first = catalogue.detail(rid).version
    type_into(qtbot, dialog.form.title, ", revised")
    qtbot.keyClick(dialog.form.title, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert dialog.record_id == rid  # the same record, not a second one
    detail = catalogue.detail(rid)
    assert detail.title == "Draft minutes, revised"
    assert dialog.version == detail.version > first
    assert titles(catalogue) == ["Draft minutes, revised"]


def test_ctrl_return_saves_and_closes(
    qtbot: QtBot, open_editor: OpenEditor, catalogue: CatalogService
) -> None:
    dialog = open_editor(None)
    type_into(qtbot, dialog.form.title, "Telegram 12")
    qtbot.keyClick(dialog.form.title, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert not dialog.isVisible()
    assert titles(catalogue) == ["Telegram 12"]


def test_plain_return_in_a_field_does_not_save(
    qtbot: QtBot, open_editor: OpenEditor, catalogue: CatalogService
) -> None:
    dialog = open_editor(None)
    type_into(qtbot, dialog.form.title, "Not yet", enter=True)
    assert dialog.isVisible() and titles(catalogue) == []


def test_similar_record_asks_before_saving(
    qtbot: QtBot,
    open_editor: OpenEditor,
    catalogue: CatalogService,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    old, _ = catalogue.editor.create_record(
        RecordDraft("Report on the harvest", date_text="1956-09-12")
    )
    asked: list[list[RecordSummary]] = []
    answers = [False, True]

    def ask(parent: object, similar: list[RecordSummary]) -> bool:
        asked.append(similar)
        return answers.pop(0)

    monkeypatch.setattr(questions, "ask_save_anyway", ask)
    dialog = open_editor(None)
    type_into(qtbot, dialog.form.title, "Report on the Harvest.")
    type_into(qtbot, dialog.form.date.edit, "1956-09-12")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert [[s.id for s in found] for found in asked] == [[old]]
    assert dialog.record_id is None and len(titles(catalogue)) == 1
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.record_id is not None and len(titles(catalogue)) == 2
    # Editing something else than title or date does not ask again.
    type_into(qtbot, dialog.form.summary, "Good year.")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert len(asked) == 2
    assert catalogue.detail(dialog.record_id).summary == "Good year."


def test_similar_record_question_lists_them(
    qtbot: QtBot, open_editor: OpenEditor, catalogue: CatalogService
) -> None:
    old, _ = catalogue.editor.create_record(RecordDraft("Cable 45", date_text="1950"))
    dialog = open_editor(None)
    type_into(qtbot, dialog.form.title, "Cable 45")
    type_into(qtbot, dialog.form.date.edit, "1950")
    seen: list[str] = []
    answer_next_box(qtbot, QMessageBox.StandardButton.Cancel, seen)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert seen and f"#{old} Cable 45 (1950)" in seen[0]
    assert dialog.record_id is None and titles(catalogue) == ["Cable 45"]


@pytest.mark.parametrize(
    ("answer", "open_after", "stored"),
    [
        (questions.Unsaved.CANCEL, True, []),
        (questions.Unsaved.DISCARD, False, []),
        (questions.Unsaved.SAVE, False, ["Unsaved letter"]),
    ],
)
def test_escape_with_unsaved_changes_asks(
    qtbot: QtBot,
    open_editor: OpenEditor,
    catalogue: CatalogService,
    monkeypatch: pytest.MonkeyPatch,
    answer: questions.Unsaved,
    open_after: bool,
    stored: list[str],
) -> None:
    asked: list[bool] = []
    monkeypatch.setattr(questions, "ask_unsaved", lambda parent: asked.append(True) or answer)
    dialog = open_editor(None)
    type_into(qtbot, dialog.form.title, "Unsaved letter")
    qtbot.keyClick(dialog.form.title, Qt.Key.Key_Escape)
    assert asked == [True]
    assert dialog.isVisible() is open_after
    assert titles(catalogue) == stored


def test_closing_unchanged_does_not_ask(
    qtbot: QtBot,
    open_editor: OpenEditor,
    catalogue: CatalogService,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    rid, _ = catalogue.editor.create_record(RecordDraft("Seen only", date_text="c. 1950"))
    monkeypatch.setattr(questions, "ask_unsaved", lambda parent: pytest.fail("asked"))
    dialog = open_editor(rid)
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()


def test_window_close_with_changes_asks_in_a_real_box(
    qtbot: QtBot, open_editor: OpenEditor, catalogue: CatalogService
) -> None:
    rid, _ = catalogue.editor.create_record(RecordDraft("Memo"))
    dialog = open_editor(rid)
    type_into(qtbot, dialog.form.source_ref, "f. 5")
    seen: list[str] = []
    answer_next_box(qtbot, QMessageBox.StandardButton.Cancel, seen)
    dialog.close()
    assert seen and dialog.isVisible()
    answer_next_box(qtbot, QMessageBox.StandardButton.Save, seen)
    dialog.close()
    assert not dialog.isVisible()
    assert catalogue.detail(rid).source_ref == "f. 5"


def test_names_and_tags_typed_but_not_added_are_saved(
    qtbot: QtBot, open_editor: OpenEditor, catalogue: CatalogService
) -> None:
    dialog = open_editor(None)
    type_into(qtbot, dialog.form.title, "Note")
    type_into(qtbot, dialog.form.tags.edit, "famine")
    type_into(qtbot, dialog.form.names[AuthorityKind.PLACE].edit, "Hamhung")
    qtbot.keyClick(dialog.form.title, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    (rid,) = catalogue.search("").ids
    detail = catalogue.detail(rid)
    assert detail.tags == ("famine",)
    assert [a.name for a in detail.authorities] == ["Hamhung"]
