"""The name manager and its prompts speak to assistive technology and work from the
keyboard; the suggestions' fixed words go through the translator."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QDialog, QWidget
from pytestqt.qtbot import QtBot

from catalog.domain.drafts import NameChoice, RecordDraft
from catalog.domain.records import AuthorityKind, Role
from catalog.services.catalog import CatalogService
from catalog.services.editing.authorities import AuthorityEditor
from catalog.ui.dialogs.authorities import AuthoritiesDialog, SuggestionsDialog
from catalog.ui.dialogs.authorities import dialog as manager
from catalog.ui.dialogs.authorities.prompts import (
    MergeDialog,
    NameDialog,
    SplitDialog,
    VariantsDialog,
)
from tests.ui.editor.accessible import Words, speechless

PERSON = AuthorityKind.PERSON
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


@pytest.fixture
def service(tmp_path: Path) -> Iterator[CatalogService]:
    opened = CatalogService.open(tmp_path / "c.sqlite", cache_dir=tmp_path)
    for title in ("Cable from Kim Il Sung", "Letter on Kim Il Sung"):
        names = (NameChoice(PERSON, "Kim Il Sung", Role.AUTHOR),) if "Cable" in title else ()
        opened.editor.create_record(RecordDraft(title=title, summary="Kim Il Sung", names=names))
    opened.editor.create_record(
        RecordDraft(title="Memo", names=(NameChoice(PERSON, "Pak", Role.AUTHOR),))
    )
    try:
        yield opened
    finally:
        opened.close()


def shown(qtbot: QtBot, widget: QWidget) -> QWidget:
    """Shown and active, as a user has it (a shortcut works only in the active window)."""
    qtbot.addWidget(widget)
    with qtbot.waitActive(widget):
        widget.show()
        widget.activateWindow()
    return widget


def test_every_control_has_a_name_and_a_description(qtbot: QtBot, service: CatalogService) -> None:
    rows = AuthorityEditor(service.editor).list(PERSON)
    for dialog in (
        AuthoritiesDialog(service),
        SuggestionsDialog(service, [1, 2]),
        NameDialog("New name", "Authorised form of the name:", "Kim"),
        VariantsDialog("Kim Il Sung", ["Kim"]),
        MergeDialog(rows[0], lambda _text: rows),
        SplitDialog(rows[0], [(1, "Cable")]),
    ):
        assert speechless(shown(qtbot, dialog)) == [], type(dialog).__name__


def test_enter_on_a_name_edits_its_variants(
    qtbot: QtBot, service: CatalogService, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[str] = []

    class Variants(QDialog):
        def __init__(self, name: str, _variants: object, parent: QWidget) -> None:
            super().__init__(parent)
            opened.append(name)

        def exec(self) -> int:
            return int(QDialog.DialogCode.Rejected)

    monkeypatch.setattr(manager, "VariantsDialog", Variants)
    dialog = shown(qtbot, AuthoritiesDialog(service))
    assert isinstance(dialog, AuthoritiesDialog)
    dialog.table.setFocus()
    qtbot.keyClick(dialog.table, Qt.Key.Key_Down)
    assert dialog.current() is not None
    qtbot.keyClick(dialog.table, Qt.Key.Key_Return)
    assert opened == [dialog.current().name]  # type: ignore[union-attr]
    assert dialog.isVisible()


def test_enter_in_the_merge_list_merges_into_the_name_selected(
    qtbot: QtBot, service: CatalogService
) -> None:
    rows = AuthorityEditor(service.editor).list(PERSON)
    dialog = shown(qtbot, MergeDialog(rows[0], lambda _text: rows))
    assert isinstance(dialog, MergeDialog)
    dialog.list.setFocus()  # the first name is current, not selected yet
    assert not dialog.list.selectedItems() and not dialog.ok.isEnabled()
    with qtbot.waitSignal(dialog.accepted, timeout=1000):
        qtbot.keyClick(dialog.list, Qt.Key.Key_Return)
    assert dialog.chosen() == rows[1]


def test_space_unchecks_a_suggestion(qtbot: QtBot, service: CatalogService) -> None:
    dialog = shown(qtbot, SuggestionsDialog(service, [1, 2]))
    assert isinstance(dialog, SuggestionsDialog)
    before = len(dialog.model.checked())
    dialog.table.setFocus()
    dialog.table.setCurrentIndex(dialog.model.index(0, 0))
    qtbot.keyClick(dialog.table, Qt.Key.Key_Space)
    assert len(dialog.model.checked()) == before - 1


def test_the_kind_of_a_suggestion_is_translated(qtbot: QtBot, service: CatalogService) -> None:
    words = Words({"person": "лицо"})
    QCoreApplication.installTranslator(words)
    try:
        dialog = shown(qtbot, SuggestionsDialog(service, [1, 2]))
        assert isinstance(dialog, SuggestionsDialog)
        assert dialog.model.index(0, 3).data() == "лицо"
    finally:
        QCoreApplication.removeTranslator(words)
