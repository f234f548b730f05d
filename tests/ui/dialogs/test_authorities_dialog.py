"""The name manager and the suggestions dialog, driven by typing and clicking on a real
catalogue; every test checks what the store holds afterwards."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, TypeVar

import pytest
from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit, QTableView, QWidget
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from catalog.domain.changes import ChangeSet
from catalog.domain.drafts import NameChoice, RecordDraft
from catalog.domain.errors import CatalogError
from catalog.domain.records import AuthorityKind, Role
from catalog.services.catalog import CatalogService
from catalog.services.editing.authorities import AuthorityEditor, AuthorityRow
from catalog.ui.dialogs.authorities import AuthoritiesDialog, SuggestionsDialog
from catalog.ui.dialogs.authorities.model import AuthorityTableModel
from catalog.ui.dialogs.authorities.prompts import (
    MergeDialog,
    NameDialog,
    SplitDialog,
    VariantsDialog,
)

PERSON = AuthorityKind.PERSON
D = TypeVar("D", bound=QDialog)


@pytest.fixture
def service(tmp_path: Path) -> Iterator[CatalogService]:
    opened = CatalogService.open(tmp_path / "c.sqlite", cache_dir=tmp_path)
    try:
        yield opened
    finally:
        opened.close()


@pytest.fixture
def errors(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    shown: list[str] = []

    def record(parent: QWidget | None, title: str, error: CatalogError | str) -> None:
        shown.append(str(error))

    monkeypatch.setattr("catalog.ui.dialogs.messages.show_error", record)
    return shown


def add(service: CatalogService, title: str, *names: str, summary: str = "") -> int:
    choices = tuple(NameChoice(PERSON, n, Role.MENTIONED) for n in names)
    rid, _ = service.editor.create_record(RecordDraft(title=title, summary=summary, names=choices))
    return rid


def persons(service: CatalogService) -> dict[str, AuthorityRow]:
    return {r.name: r for r in AuthorityEditor(service.editor).list(PERSON)}


def open_manager(qtbot: QtBot, service: CatalogService) -> tuple[AuthoritiesDialog, list[Any]]:
    dialog = AuthoritiesDialog(service)
    qtbot.addWidget(dialog)
    dialog.show()
    emitted: list[ChangeSet] = []
    dialog.changed.connect(emitted.append)
    return dialog, emitted


def answer(qtbot: QtBot, kind: type[D], act: Callable[[D], None]) -> None:
    """Act on the dialog ``kind`` once it opens; it never stays open (no test hangs)."""

    def run() -> None:
        dialog = next(
            w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()
        )
        try:
            act(dialog)
        finally:
            if dialog.isVisible():
                dialog.reject()

    QTimer.singleShot(0, run)


def type_text(qtbot: QtBot, edit: QLineEdit, text: str) -> None:
    """Type ``text``; QTest has no keys for other scripts, so those are pasted (an IME's way)."""
    if text.isascii():
        qtbot.keyClicks(edit, text)
    else:
        edit.insert(text)


def click_row(qtbot: QtBot, table: QTableView, row: int, column: int = 0) -> None:
    rect = table.visualRect(table.model().index(row, column))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def select(qtbot: QtBot, dialog: AuthoritiesDialog, name: str) -> None:
    row = next(
        i
        for i in range(dialog.model.rowCount())
        if dialog.model.row_at(i).name == name  # type: ignore[union-attr]
    )
    click_row(qtbot, dialog.table, row)
    assert dialog.current() is not None and dialog.current().name == name  # type: ignore[union-attr]


def names_shown(dialog: AuthoritiesDialog) -> list[str]:
    return [dialog.model.index(i, 0).data() for i in range(dialog.model.rowCount())]


def test_the_models_pass_the_model_tester(
    qtmodeltester: ModelTester, qtbot: QtBot, service: CatalogService
) -> None:
    add(service, "Cable", "Kim Il Sung", "Nam Il", summary="Pak Hon Yong met Kim.")
    AuthorityEditor(service.editor).create(PERSON, "Pak Hon Yong", ["박헌영"])
    model = AuthorityTableModel()
    model.set_rows(AuthorityEditor(service.editor).list(PERSON))
    qtmodeltester.check(model)
    dialog = SuggestionsDialog(service, [1])
    qtbot.addWidget(dialog)
    assert dialog.model.rowCount() == 1
    qtmodeltester.check(dialog.model)


def test_tabs_and_filter_choose_what_is_listed(qtbot: QtBot, service: CatalogService) -> None:
    add(service, "Cable", "Kim Il Sung", "Nam Il")
    AuthorityEditor(service.editor).create(AuthorityKind.PLACE, "Pyongyang", ["평양"])
    dialog, _ = open_manager(qtbot, service)
    assert names_shown(dialog) == ["Kim Il Sung", "Nam Il"]
    assert dialog.model.index(0, 2).data() == "1"

    qtbot.keyClicks(dialog.filter, "KIM IL-SUNG")
    assert names_shown(dialog) == ["Kim Il Sung"]
    tabs = dialog.tabs
    qtbot.mouseClick(tabs, Qt.MouseButton.LeftButton, pos=tabs.tabRect(2).center())
    assert names_shown(dialog) == []
    dialog.filter.clear()
    type_text(qtbot, dialog.filter, "평양")
    assert names_shown(dialog) == ["Pyongyang"]


def test_new_and_rename(qtbot: QtBot, service: CatalogService) -> None:
    rid = add(service, "Cable", "Huang Yugui")
    dialog, emitted = open_manager(qtbot, service)

    def type_name(text: str) -> Callable[[NameDialog], None]:
        def act(prompt: NameDialog) -> None:
            prompt.edit.clear()
            qtbot.keyClicks(prompt.edit, text)
            qtbot.mouseClick(prompt.ok, Qt.MouseButton.LeftButton)

        return act

    answer(qtbot, NameDialog, type_name("Pak Hon Yong"))
    qtbot.mouseClick(dialog.new_button, Qt.MouseButton.LeftButton)
    assert set(persons(service)) == {"Huang Yugui", "Pak Hon Yong"}
    assert dialog.current().name == "Pak Hon Yong"  # type: ignore[union-attr]

    select(qtbot, dialog, "Huang Yugui")
    answer(qtbot, NameDialog, type_name("Hwang Yu-gwi"))
    qtbot.mouseClick(dialog.rename_button, Qt.MouseButton.LeftButton)

    assert persons(service)["Hwang Yu-gwi"].variants == ("Huang Yugui",)
    assert [a.name for a in service.detail(rid).authorities] == ["Hwang Yu-gwi"]
    assert len(emitted) == 2 and all(c.authorities for c in emitted)
    assert names_shown(dialog) == ["Hwang Yu-gwi", "Pak Hon Yong"]


def test_variants_are_added_and_removed(qtbot: QtBot, service: CatalogService) -> None:
    add(service, "Cable", "Kim Il Sung")
    AuthorityEditor(service.editor).set_variants(persons(service)["Kim Il Sung"].id, ["Kim"], 1)
    dialog, _ = open_manager(qtbot, service)
    select(qtbot, dialog, "Kim Il Sung")

    def act(prompt: VariantsDialog) -> None:
        type_text(qtbot, prompt.edit, "김일성")
        qtbot.keyClick(prompt.edit, Qt.Key.Key_Return)
        type_text(qtbot, prompt.edit, "金日成")
        qtbot.mouseClick(prompt.add_button, Qt.MouseButton.LeftButton)
        first = prompt.list.visualItemRect(prompt.list.item(0)).center()
        qtbot.mouseClick(prompt.list.viewport(), Qt.MouseButton.LeftButton, pos=first)
        qtbot.mouseClick(prompt.remove_button, Qt.MouseButton.LeftButton)
        qtbot.mouseClick(prompt.ok, Qt.MouseButton.LeftButton)

    answer(qtbot, VariantsDialog, act)
    qtbot.mouseClick(dialog.variants_button, Qt.MouseButton.LeftButton)

    assert persons(service)["Kim Il Sung"].variants == ("김일성", "金日成")
    assert set(service.search("person:金日成").ids) == {1}


def test_merge_into_another_name(qtbot: QtBot, service: CatalogService) -> None:
    first = add(service, "First", "Huang Yugui")
    second = add(service, "Second", "Hong Yugui")
    dialog, emitted = open_manager(qtbot, service)
    select(qtbot, dialog, "Hong Yugui")

    def act(prompt: MergeDialog) -> None:
        qtbot.keyClicks(prompt.filter, "huang")
        assert prompt.list.count() == 1 and not prompt.ok.isEnabled()
        rect = prompt.list.visualItemRect(prompt.list.item(0))
        qtbot.mouseClick(prompt.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseClick(prompt.ok, Qt.MouseButton.LeftButton)

    answer(qtbot, MergeDialog, act)
    qtbot.mouseClick(dialog.merge_button, Qt.MouseButton.LeftButton)

    assert list(persons(service)) == ["Huang Yugui"]
    assert set(service.search('person:"Hong Yugui"').ids) == {first, second}
    assert emitted[-1].updated == {second}
    assert names_shown(dialog) == ["Huang Yugui"] and dialog.model.index(0, 2).data() == "2"


def test_split_off_a_new_name(qtbot: QtBot, service: CatalogService) -> None:
    father = add(service, "Father", "Kim")
    son = add(service, "Son", "Kim")
    editor = AuthorityEditor(service.editor)
    editor.set_variants(persons(service)["Kim"].id, ["김정일", "Kim Il Sung"], 1)
    dialog, _ = open_manager(qtbot, service)
    select(qtbot, dialog, "Kim")

    def act(prompt: SplitDialog) -> None:
        qtbot.keyClicks(prompt.edit, "Kim Jong Il")
        for widget, text in ((prompt.variants, "김정일"), (prompt.records, f"#{son} Son")):
            item = widget.findItems(text, Qt.MatchFlag.MatchExactly)[0]
            widget.setCurrentItem(item)
            qtbot.keyClick(widget, Qt.Key.Key_Space)
        qtbot.mouseClick(prompt.ok, Qt.MouseButton.LeftButton)

    answer(qtbot, SplitDialog, act)
    qtbot.mouseClick(dialog.split_button, Qt.MouseButton.LeftButton)

    assert persons(service)["Kim Jong Il"].variants == ("김정일",)
    assert persons(service)["Kim"].variants == ("Kim Il Sung",)
    assert set(service.search("person:김정일").ids) == {son}
    assert set(service.search("person:Kim").ids) == {father}
    assert dialog.current().name == "Kim Jong Il"  # type: ignore[union-attr]


def test_delete_is_offered_only_for_unused_names(qtbot: QtBot, service: CatalogService) -> None:
    add(service, "Cable", "Kim Il Sung")
    AuthorityEditor(service.editor).create(PERSON, "Nobody")
    dialog, _ = open_manager(qtbot, service)
    assert not dialog.delete_button.isEnabled()
    select(qtbot, dialog, "Kim Il Sung")
    assert not dialog.delete_button.isEnabled() and dialog.split_button.isEnabled()
    select(qtbot, dialog, "Nobody")
    assert dialog.delete_button.isEnabled()
    qtbot.mouseClick(dialog.delete_button, Qt.MouseButton.LeftButton)
    assert list(persons(service)) == ["Kim Il Sung"]
    service.editor.undo()
    assert set(persons(service)) == {"Kim Il Sung", "Nobody"}


def test_a_name_changed_meanwhile_is_refused_with_a_message(
    qtbot: QtBot, service: CatalogService, errors: list[str]
) -> None:
    add(service, "Cable", "Kim Il Sung")
    dialog, emitted = open_manager(qtbot, service)
    select(qtbot, dialog, "Kim Il Sung")
    AuthorityEditor(service.editor).set_variants(dialog.current().id, ["김일성"], 1)  # type: ignore[union-attr]

    def act(prompt: NameDialog) -> None:
        prompt.edit.clear()
        qtbot.keyClicks(prompt.edit, "Kim Song Ju")
        qtbot.mouseClick(prompt.ok, Qt.MouseButton.LeftButton)

    answer(qtbot, NameDialog, act)
    qtbot.mouseClick(dialog.rename_button, Qt.MouseButton.LeftButton)

    assert len(errors) == 1 and "changed by someone else" in errors[0]
    assert list(persons(service)) == ["Kim Il Sung"] and emitted == []
    assert dialog.model.index(0, 1).data() == "김일성"  # the list was read again


def test_suggestions_are_linked_in_one_click_except_those_unchecked(
    qtbot: QtBot, service: CatalogService
) -> None:
    editor = AuthorityEditor(service.editor)
    editor.create(PERSON, "Kim Il Sung", ["김일성"])
    editor.create(AuthorityKind.PLACE, "Pyongyang")
    editor.create(AuthorityKind.SUBJECT, "Citizenship")
    first = add(service, "김일성 in Pyongyang")
    second = add(service, "On citizenship")
    dialog = SuggestionsDialog(service, [first, second])
    qtbot.addWidget(dialog)
    dialog.show()
    emitted: list[ChangeSet] = []
    dialog.changed.connect(emitted.append)
    assert dialog.model.rowCount() == 3 and dialog.link_button.isEnabled()

    dialog.table.setCurrentIndex(dialog.model.index(1, 0))  # Pyongyang
    qtbot.keyClick(dialog.table, Qt.Key.Key_Space)
    assert [s.name for s in dialog.model.checked()] == ["Kim Il Sung", "Citizenship"]
    qtbot.mouseClick(dialog.link_button, Qt.MouseButton.LeftButton)

    assert [a.name for a in service.detail(first).authorities] == ["Kim Il Sung"]
    assert [(a.name, a.role) for a in service.detail(second).authorities] == [
        ("Citizenship", Role.SUBJECT)
    ]
    assert emitted[0].updated == {first, second} and not dialog.isVisible()
    service.editor.undo()
    assert service.detail(first).authorities == ()


def test_nothing_found_says_so(qtbot: QtBot, service: CatalogService) -> None:
    rid = add(service, "A letter")
    dialog = SuggestionsDialog(service, [rid])
    qtbot.addWidget(dialog)
    assert dialog.model.rowCount() == 0 and not dialog.link_button.isEnabled()
    assert "No known name" in dialog.summary.text()
    assert dialog.model.index(0, 0, QModelIndex()).isValid() is False
