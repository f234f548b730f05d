"""Typing every field of a new record and saving it; the date field's feedback."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from catalog.domain.drafts import NameChoice, RecordDraft
from catalog.domain.records import AuthorityKind, Role
from catalog.services.catalog import CatalogService
from catalog.services.editing.lookups import VocabularyName
from tests.ui.editor.conftest import OpenEditor, type_into


def test_new_record_saved_with_every_field(
    qtbot: QtBot, open_editor: OpenEditor, catalogue: CatalogService, tmp_path: Path
) -> None:
    dialog = open_editor(None)
    form = dialog.form
    saved: list[tuple[int, object]] = []
    dialog.saved.connect(lambda rid, changes: saved.append((rid, changes)))
    type_into(qtbot, form.title, "Letter on the armistice talks")
    type_into(qtbot, form.date.edit, "October, 1959")
    type_into(qtbot, form.summary, "Asks for news of the talks.")
    type_into(qtbot, form.doc_type.lineEdit(), "Telegram")
    type_into(qtbot, form.languages.edit, "Korean", enter=True)
    type_into(qtbot, form.languages.edit, "Russian", enter=True)
    type_into(qtbot, form.archive, "AVPRF")
    type_into(qtbot, form.source_ref, "f. 0102, op. 15")
    type_into(qtbot, form.classification, "Secret")
    type_into(qtbot, form.collections.edit, "Korean War", enter=True)
    type_into(qtbot, form.tags.edit, "armistice", enter=True)
    people = form.names[AuthorityKind.PERSON]
    people.role.setCurrentIndex(people.role.findData(Role.AUTHOR))
    type_into(qtbot, people.edit, "Pak Hon Yong", enter=True)
    type_into(qtbot, form.names[AuthorityKind.ORGANISATION].edit, "Politburo", enter=True)
    type_into(qtbot, form.names[AuthorityKind.PLACE].edit, "Kaesong", enter=True)
    type_into(qtbot, form.names[AuthorityKind.SUBJECT].edit, "Ceasefire", enter=True)
    assert dialog.isWindowModified()

    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    assert len(saved) == 1
    rid = saved[0][0]
    detail = catalogue.detail(rid)
    assert detail.title == "Letter on the armistice talks"
    assert detail.date.edtf == "1959-10" and detail.date.text == "October, 1959"
    assert detail.summary == "Asks for news of the talks."
    assert detail.doc_type == "Telegram"
    assert detail.languages == ("Korean", "Russian")
    assert detail.archive == "AVPRF"
    assert (detail.source_ref, detail.classification) == ("f. 0102, op. 15", "Secret")
    assert detail.collections == ("Korean War",) and detail.tags == ("armistice",)
    assert {(a.kind, a.name, a.role) for a in detail.authorities} == {
        (AuthorityKind.PERSON, "Pak Hon Yong", Role.AUTHOR),
        (AuthorityKind.ORGANISATION, "Politburo", Role.MENTIONED),
        (AuthorityKind.PLACE, "Kaesong", Role.MENTIONED),
        (AuthorityKind.SUBJECT, "Ceasefire", Role.SUBJECT),
    }
    # A new document type typed is added to the controlled list.
    assert "Telegram" in catalogue.editor.vocabulary(VocabularyName.DOC_TYPE)
    # The dialog now edits the saved record, unchanged.
    assert dialog.record_id == rid and dialog.version == detail.version
    assert not dialog.isWindowModified()


def test_doc_type_offered_from_the_controlled_list(
    open_editor: OpenEditor, catalogue: CatalogService
) -> None:
    catalogue.editor.create_record(RecordDraft("Old", doc_type="Memorandum"))
    dialog = open_editor(None)
    combo = dialog.form.doc_type
    assert combo.findText("Memorandum") >= 0


def test_date_feedback_for_a_month(qtbot: QtBot, open_editor: OpenEditor) -> None:
    dialog = open_editor(None)
    type_into(qtbot, dialog.form.date.edit, "October, 1959")
    assert dialog.form.date.feedback.text() == ("Understood as 1959-10 (1959-10-01 to 1959-10-31)")


def test_unparsed_date_warns_but_saves(
    qtbot: QtBot, open_editor: OpenEditor, catalogue: CatalogService
) -> None:
    dialog = open_editor(None)
    type_into(qtbot, dialog.form.title, "Undated scrap")
    type_into(qtbot, dialog.form.date.edit, "the day after the storm")
    assert dialog.form.date.feedback.text().startswith("Warning: this date was not understood")
    assert dialog.save_button.isEnabled()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.record_id is not None
    stored = catalogue.detail(dialog.record_id).date
    assert stored.text == "the day after the storm" and stored.edtf is None


def test_approximate_toggle_changes_the_stored_edtf(
    qtbot: QtBot, open_editor: OpenEditor, catalogue: CatalogService
) -> None:
    rid, _ = catalogue.editor.create_record(RecordDraft("Report", date_text="1959"))
    dialog = open_editor(rid)
    assert not dialog.isWindowModified()
    qtbot.mouseClick(dialog.form.date.approximate, Qt.MouseButton.LeftButton)
    assert dialog.form.date.feedback.text() == (
        "Understood as circa 1959 (1959-01-01 to 1959-12-31)"
    )
    qtbot.keyClick(dialog.form.title, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert catalogue.detail(rid).date.edtf == "1959~"


def test_title_required_blocks_save(
    qtbot: QtBot, open_editor: OpenEditor, catalogue: CatalogService
) -> None:
    rid, _ = catalogue.editor.create_record(RecordDraft("Keep me", summary="s"))
    dialog = open_editor(rid)
    dialog.form.title.selectAll()
    qtbot.keyClick(dialog.form.title, Qt.Key.Key_Delete)
    assert dialog.form.title_problem.text() == "A title is required."
    assert dialog.form.title_problem.isVisible()
    assert not dialog.save_button.isEnabled() and not dialog.save_close_button.isEnabled()
    qtbot.keyClick(dialog.form.title, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert catalogue.detail(rid).title == "Keep me"
    type_into(qtbot, dialog.form.title, "Kept")
    assert dialog.form.title_problem.text() == "" and dialog.save_button.isEnabled()


def test_names_keep_their_role_when_reopened(
    open_editor: OpenEditor, catalogue: CatalogService
) -> None:
    draft = RecordDraft(
        "Cable",
        names=(NameChoice(AuthorityKind.PERSON, "Zhou Enlai", Role.RECIPIENT),),
    )
    rid, _ = catalogue.editor.create_record(draft)
    dialog = open_editor(rid)
    (choice,) = dialog.form.names[AuthorityKind.PERSON].choices()
    assert (choice.name, choice.role) == ("Zhou Enlai", Role.RECIPIENT)
    assert not dialog.is_dirty()
