"""Relations found by title words or id (the inverse shows on the other record) and files."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from catalog.domain.drafts import AttachmentChoice, RecordDraft
from catalog.domain.records import AttachmentInput, RelationType
from catalog.services.catalog import CatalogService
from catalog.ui.dialogs import messages
from catalog.ui.editor import attachments_tab
from catalog.ui.editor.relations_tab import RelationsTab
from tests.factories import record
from tests.store.helpers import insert
from tests.ui.editor.conftest import OpenEditor, type_into


def choose_type(tab: RelationsTab, relation: RelationType) -> None:
    tab.type.setCurrentIndex(tab.type.findData(relation))


def test_relation_found_by_title_shows_the_inverse_on_the_other_record(
    qtbot: QtBot, open_editor: OpenEditor, catalogue: CatalogService
) -> None:
    original, _ = catalogue.editor.create_record(RecordDraft("Letter from Moscow"))
    catalogue.editor.create_record(RecordDraft("Unrelated note"))
    dialog = open_editor(None)
    tab = dialog.form.relations
    type_into(qtbot, dialog.form.title, "Translation of the letter")
    type_into(qtbot, tab.find_edit, "Moscow", enter=True)
    assert [tab.found.item(i).text() for i in range(tab.found.count())] == [
        f"#{original} Letter from Moscow"
    ]
    choose_type(tab, RelationType.TRANSLATION_OF)
    qtbot.mouseClick(tab.add_button, Qt.MouseButton.LeftButton)
    assert tab.list.item(0).text() == f"translation of: #{original} Letter from Moscow"
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    assert dialog.record_id is not None
    (mine,) = catalogue.detail(dialog.record_id).relations
    assert (mine.other_id, mine.label) == (original, "translation of")
    (theirs,) = catalogue.detail(original).relations
    assert (theirs.other_id, theirs.outgoing, theirs.label) == (
        dialog.record_id,
        False,
        "has translation",
    )


def test_relation_found_by_date(
    qtbot: QtBot, open_editor: OpenEditor, catalogue: CatalogService
) -> None:
    october, _ = catalogue.editor.create_record(RecordDraft("Cable", "1959-10-02"))
    catalogue.editor.create_record(RecordDraft("Cable", "1960-10-02"))
    dialog = open_editor(None)
    tab = dialog.form.relations

    type_into(qtbot, tab.find_edit, "October 1959", enter=True)

    assert [tab.found.item(i).data(Qt.ItemDataRole.UserRole) for i in range(tab.found.count())] == [
        october
    ]


def test_relation_found_by_record_number_and_removed(
    qtbot: QtBot, open_editor: OpenEditor, catalogue: CatalogService
) -> None:
    other, _ = catalogue.editor.create_record(RecordDraft("Reply"))
    rid, _ = catalogue.editor.create_record(RecordDraft("Question"))
    dialog = open_editor(rid)
    tab = dialog.form.relations
    type_into(qtbot, tab.find_edit, str(rid), enter=True)  # itself: not offered
    assert tab.found.count() == 0 and tab.message.text() == "No other record matches."
    tab.find_edit.clear()
    type_into(qtbot, tab.find_edit, "999", enter=True)
    assert "999" in tab.message.text()
    tab.find_edit.clear()
    type_into(qtbot, tab.find_edit, f"#{other}", enter=True)
    choose_type(tab, RelationType.REPLY_TO)
    qtbot.mouseClick(tab.add_button, Qt.MouseButton.LeftButton)
    qtbot.keyClick(dialog.form.title, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert [r.label for r in catalogue.detail(other).relations] == ["answered by"]

    tab.list.setCurrentRow(0)
    qtbot.mouseClick(tab.remove_button, Qt.MouseButton.LeftButton)
    qtbot.keyClick(dialog.form.title, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert catalogue.detail(other).relations == () and catalogue.detail(rid).relations == ()


def test_attachment_stored_under_the_root_with_its_hash(
    qtbot: QtBot,
    open_editor: OpenEditor,
    catalogue: CatalogService,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    scan = tmp_path / "incoming" / "Scan 1.jpg"
    scan.parent.mkdir()
    scan.write_bytes(b"\xff\xd8 a scanned page")
    sha = hashlib.sha256(scan.read_bytes()).hexdigest()
    monkeypatch.setattr(attachments_tab, "ask_attachment_file", lambda parent: scan)
    dialog = open_editor(None)
    tab = dialog.form.attachments
    type_into(qtbot, dialog.form.title, "Scanned letter")
    tab.role.setCurrentText("scan")
    type_into(qtbot, tab.language, "Korean")
    qtbot.mouseClick(tab.add_button, Qt.MouseButton.LeftButton)
    qtbot.keyClick(dialog.form.title, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)

    assert dialog.record_id is not None
    (stored,) = catalogue.detail(dialog.record_id).attachments
    assert (stored.path, stored.sha256, stored.role, stored.language) == (
        f"{sha[:2]}/{sha}.jpg",
        sha,
        "scan",
        "Korean",
    )
    copy = tmp_path / "c-files" / sha[:2] / f"{sha}.jpg"
    assert copy.read_bytes() == scan.read_bytes()
    assert tab.store.verify(AttachmentChoice(stored.path, stored.sha256))


def test_attachment_path_outside_the_root_is_refused(
    qtbot: QtBot,
    open_editor: OpenEditor,
    catalogue: CatalogService,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    errors: list[str] = []
    monkeypatch.setattr(
        messages, "show_error", lambda parent, title, error: errors.append(str(error))
    )
    dialog = open_editor(None)
    type_into(qtbot, dialog.form.title, "Sneaky")
    dialog.form.attachments.add_choice(AttachmentChoice("../../etc/passwd", "0" * 64))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert errors and "outside the catalogue's folder" in errors[0]
    assert dialog.record_id is None
    assert list(catalogue.search("").ids) == []


def test_a_stored_outside_path_does_not_block_other_edits(
    qtbot: QtBot, open_editor: OpenEditor, catalogue: CatalogService
) -> None:
    legacy = AttachmentInput("/old/scans/a.pdf", "scan", sha256="ab" * 32)
    [rid] = insert(catalogue.db, [record("Imported", attachments=(legacy,))])  # as imported
    dialog = open_editor(rid)
    type_into(qtbot, dialog.form.summary, "Checked.")
    qtbot.keyClick(dialog.form.title, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    detail = catalogue.detail(rid)
    assert detail.summary == "Checked."
    assert [a.path for a in detail.attachments] == ["/old/scans/a.pdf"]
