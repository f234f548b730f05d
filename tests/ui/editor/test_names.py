"""Names completed from the authorities over every variant; new names created on save."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy.orm import Session

from catalog.domain.records import AuthorityKind, Role
from catalog.services.catalog import CatalogService
from catalog.services.editing.resolve import NewIds
from catalog.store import tables as t
from catalog.store.snapshots import AuthorityState, Snapshot
from tests.ui.editor.conftest import OpenEditor, type_into

# Completion popups ask for the keyboard, which the offscreen platform cannot grab.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support grabbing the keyboard")


def add_person(catalogue: CatalogService, name: str, *variants: str) -> int:
    """An authority with variant names, written through the editor."""
    made: list[int] = []

    def change(session: Session, current: Snapshot) -> Snapshot:
        aid = NewIds(session).take(t.Authority)
        made.append(aid)
        state = AuthorityState(aid, t.new_uid(), AuthorityKind.PERSON.value, name,
                               (name, *variants))  # fmt: skip
        return Snapshot(authorities={aid: state})

    catalogue.editor.edit(f"Add {name}", (), change)
    return made[0]


def person_ids(catalogue: CatalogService) -> list[int]:
    return [o.authority_id for o in catalogue.editor.name_options(AuthorityKind.PERSON, "")]


def test_variant_in_another_script_links_the_existing_authority(
    qtbot: QtBot, open_editor: OpenEditor, catalogue: CatalogService
) -> None:
    kim = add_person(catalogue, "Kim Il Sung", "김일성", "Kim Ir Sen")
    dialog = open_editor(None)
    people = dialog.form.names[AuthorityKind.PERSON]
    type_into(qtbot, dialog.form.title, "Speech")
    type_into(qtbot, people.edit, "김일")
    popup = people.completer.popup()
    qtbot.waitUntil(popup.isVisible)
    assert [popup.model().index(r, 0).data() for r in range(popup.model().rowCount())] == [
        "Kim Il Sung (김일성)"
    ]
    people.role.setCurrentIndex(people.role.findData(Role.AUTHOR))
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert people.edit.text() == "Kim Il Sung (김일성)"
    qtbot.mouseClick(people.add_button, Qt.MouseButton.LeftButton)
    assert [c.authority_id for c in people.choices()] == [kim]

    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    assert dialog.record_id is not None
    (link,) = catalogue.detail(dialog.record_id).authorities
    assert (link.authority_id, link.name, link.role) == (kim, "Kim Il Sung", Role.AUTHOR)
    assert person_ids(catalogue) == [kim]  # no duplicate made


def test_a_variant_typed_in_full_links_without_picking(
    qtbot: QtBot, open_editor: OpenEditor, catalogue: CatalogService
) -> None:
    kim = add_person(catalogue, "Kim Il Sung", "김일성")
    dialog = open_editor(None)
    people = dialog.form.names[AuthorityKind.PERSON]
    type_into(qtbot, dialog.form.title, "Speech")
    type_into(qtbot, people.edit, "김일성")
    people.completer.popup().hide()
    qtbot.mouseClick(people.add_button, Qt.MouseButton.LeftButton)
    assert [(c.name, c.authority_id) for c in people.choices()] == [("Kim Il Sung", kim)]


def test_a_name_matching_nothing_is_created_in_place(
    qtbot: QtBot, open_editor: OpenEditor, catalogue: CatalogService
) -> None:
    add_person(catalogue, "Kim Il Sung", "김일성")
    dialog = open_editor(None)
    places = dialog.form.names[AuthorityKind.PLACE]
    people = dialog.form.names[AuthorityKind.PERSON]
    type_into(qtbot, dialog.form.title, "Visit")
    type_into(qtbot, people.edit, "Choe Yong Gon", enter=True)
    type_into(qtbot, places.edit, "Wonsan", enter=True)
    assert people.list.item(0).text() == "Choe Yong Gon (new) — mentioned"
    assert people.choices()[0].authority_id is None

    qtbot.keyClick(dialog.form.title, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)

    assert dialog.record_id is not None
    detail = catalogue.detail(dialog.record_id)
    assert {(a.kind, a.name) for a in detail.authorities} == {
        (AuthorityKind.PERSON, "Choe Yong Gon"),
        (AuthorityKind.PLACE, "Wonsan"),
    }
    assert len(person_ids(catalogue)) == 2
    # Reopened, the new name is now an existing authority.
    assert all(c.authority_id is not None for c in people.choices())


def test_archive_completed_from_repositories(
    qtbot: QtBot, open_editor: OpenEditor, catalogue: CatalogService
) -> None:
    first = open_editor(None)
    type_into(qtbot, first.form.title, "One")
    type_into(qtbot, first.form.archive, "Wilson Center Digital Archive")
    qtbot.keyClick(first.form.title, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert first.result() == first.DialogCode.Accepted
    second = open_editor(None)
    type_into(qtbot, second.form.title, "Two")
    type_into(qtbot, second.form.archive, "wilson")
    popup = second.form.archive_completer.popup()
    qtbot.waitUntil(popup.isVisible)
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    qtbot.keyClick(second.form.title, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert second.record_id is not None
    assert catalogue.detail(second.record_id).archive == "Wilson Center Digital Archive"
    options = catalogue.editor.name_options(AuthorityKind.REPOSITORY, "")
    assert len(options) == 1
