"""The editor speaks to assistive technology and works from the keyboard, and its fixed
words go through the translator (record values and stored keys do not)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from pytestqt.qtbot import QtBot

from catalog.domain.drafts import NameChoice, RecordDraft
from catalog.domain.records import AuthorityKind, RelationType, Role
from catalog.services.catalog import CatalogService
from catalog.ui.editor import attachments_tab
from catalog.ui.editor.conflict_dialog import ConflictDialog
from tests.ui.editor.accessible import Words, speechless
from tests.ui.editor.conftest import OpenEditor, type_into

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


@pytest.fixture
def russian_words() -> Iterator[Words]:
    words = Words(
        {
            "scan": "скан",
            "author": "автор",
            "person": "лицо",
            "reply to": "ответ на",
            "Title": "Заголовок",
            "yes": "да",
        }
    )
    QCoreApplication.installTranslator(words)
    try:
        yield words
    finally:
        QCoreApplication.removeTranslator(words)


def test_every_control_of_the_editor_has_a_name_and_a_description(
    open_editor: OpenEditor, catalogue: CatalogService
) -> None:
    rid, _ = catalogue.editor.create_record(RecordDraft("Cable"))
    dialog = open_editor(rid)
    assert speechless(dialog) == []


def test_every_control_of_the_conflict_dialog_has_a_name_and_a_description(
    qtbot: QtBot,
) -> None:
    mine = RecordDraft("Mine", tags=("a",), approximate=True)
    theirs = RecordDraft("Theirs")
    dialog = ConflictDialog(mine, theirs)
    qtbot.addWidget(dialog)
    dialog.show()
    assert speechless(dialog) == []


def test_enter_in_the_records_found_links_the_one_selected(
    qtbot: QtBot, open_editor: OpenEditor, catalogue: CatalogService
) -> None:
    other, _ = catalogue.editor.create_record(RecordDraft("Letter from Moscow"))
    dialog = open_editor(None)
    tab = dialog.form.relations
    dialog.form.setCurrentWidget(tab)
    type_into(qtbot, tab.find_edit, "Moscow", enter=True)
    tab.found.setFocus()
    qtbot.keyClick(tab.found, Qt.Key.Key_Return)
    assert [c.target_id for c in tab.choices()] == [other]
    assert dialog.isVisible()  # Enter linked; it neither saved nor closed


def test_fixed_words_are_translated_and_stored_keys_are_not(
    qtbot: QtBot,
    open_editor: OpenEditor,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    russian_words: Words,
) -> None:
    dialog = open_editor(None)
    tab = dialog.form.attachments
    assert tab.role.itemText(0) == "скан"
    page = tmp_path / "page.jpg"
    page.write_bytes(b"scan")
    monkeypatch.setattr(attachments_tab, "ask_attachment_file", lambda parent: page)
    tab.role.setCurrentIndex(0)
    qtbot.mouseClick(tab.add_button, Qt.MouseButton.LeftButton)
    (choice,) = tab.choices()
    assert choice.role == "scan"  # the key is stored, the label only shown
    assert tab.list.item(0).text().endswith("(скан)")

    people = dialog.form.names[AuthorityKind.PERSON]
    people.set_choices((NameChoice(AuthorityKind.PERSON, "Kim", Role.AUTHOR, 1),))
    assert people.list.item(0).text() == "Kim — автор"
    relation = dialog.form.relations.type
    assert relation.itemText(relation.findData(RelationType.REPLY_TO)) == "ответ на"


def test_the_conflict_dialog_translates_its_labels_and_words(
    qtbot: QtBot, russian_words: Words
) -> None:
    dialog = ConflictDialog(RecordDraft("Mine", approximate=True), RecordDraft("Theirs"))
    qtbot.addWidget(dialog)
    assert dialog.groups["approximate"].button(1).text() == "да"
    assert dialog.groups["title"].button(1).accessibleName() == "Заголовок: Mine"
