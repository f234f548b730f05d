"""The bulk edit dialog, driven by typing and clicking, on a real catalogue."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TypeVar

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QAbstractButton, QCheckBox, QComboBox, QLabel, QLineEdit, QTableView
from pytestqt.qtbot import QtBot

from catalog.domain.changes import ChangeSet
from catalog.domain.drafts import NameChoice, RecordDraft
from catalog.domain.records import AuthorityKind, Role
from catalog.services.catalog import CatalogService
from catalog.ui.dialogs.bulk_edit import BulkEditDialog
from catalog.ui.jobs.runner import ImmediateJobRunner

T = TypeVar("T")
# Completion pop-ups grab the keyboard, which the offscreen platform cannot do.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support grabbing the keyboard")


@pytest.fixture
def catalogue(tmp_path: Path) -> Iterator[CatalogService]:
    """A catalogue of three records; the first two are cables."""
    service = CatalogService.open(tmp_path / "c.sqlite", user="tester", cache_dir=tmp_path)
    editor = service.editor
    for title, doc_type in (("Cable one", "Cable"), ("Cable two", "Cable"), ("Memo", "Memo")):
        editor.create_record(
            RecordDraft(
                title=title,
                doc_type=doc_type,
                tags=("citizenship",),
                names=(NameChoice(AuthorityKind.PERSON, "Kim Il Sung", Role.AUTHOR),),
            )
        )
    editor.history.clear()
    try:
        yield service
    finally:
        service.close()


def ids_of(service: CatalogService) -> list[int]:
    return sorted(service.search("").ids)


def make_dialog(
    qtbot: QtBot, service: CatalogService, runner: ImmediateJobRunner, ids: list[int]
) -> BulkEditDialog:
    dialog = BulkEditDialog(service, ids, runner)
    qtbot.addWidget(dialog)
    with qtbot.waitExposed(dialog):
        dialog.show()
    return dialog


def child(dialog: BulkEditDialog, kind: type[T], name: str) -> T:
    found = dialog.findChild(kind, name)
    assert found is not None, name
    return found


def choose(qtbot: QtBot, dialog: BulkEditDialog, combo_name: str, text: str) -> None:
    """Pick an entry of a combo box with the keyboard."""
    combo = child(dialog, QComboBox, combo_name)
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Home)
    for _ in range(combo.count()):
        if combo.currentText() == text:
            return
        qtbot.keyClick(combo, Qt.Key.Key_Down)
    raise AssertionError(f"{text} is not offered")


def click(qtbot: QtBot, dialog: BulkEditDialog, name: str) -> None:
    """Click a button (a check box on its box, at the left end of its row)."""
    button = child(dialog, QAbstractButton, name)
    where = (
        QPoint(8, button.height() // 2) if isinstance(button, QCheckBox) else button.rect().center()
    )
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=where)


def type_into(qtbot: QtBot, dialog: BulkEditDialog, name: str, text: str) -> None:
    line = child(dialog, QLineEdit, name)
    line.setFocus()
    qtbot.keyClicks(line, text)


def rows(dialog: BulkEditDialog) -> list[tuple[str, ...]]:
    model = child(dialog, QTableView, "bulkChanges").model()
    return [
        tuple(str(model.index(r, c).data()) for c in range(model.columnCount()))
        for r in range(model.rowCount())
    ]


def test_add_a_tag_previews_every_change_then_applies_one_undo_step(
    qtbot: QtBot, catalogue: CatalogService, runner: ImmediateJobRunner
) -> None:
    ids = ids_of(catalogue)
    dialog = make_dialog(qtbot, catalogue, runner, ids[:2])
    type_into(qtbot, dialog, "bulkValue", "korea")
    assert not child(dialog, QAbstractButton, "bulkApply").isEnabled()

    click(qtbot, dialog, "bulkPreview")

    assert rows(dialog) == [
        (f"#{ids[0]} Cable one", "Tags", "citizenship", "citizenship; korea"),
        (f"#{ids[1]} Cable two", "Tags", "citizenship", "citizenship; korea"),
    ]
    assert child(dialog, QLabel, "bulkSummary").text().startswith("2 of 2 records")
    assert catalogue.detail(ids[0]).tags == ("citizenship",)  # nothing written yet

    with qtbot.waitSignal(dialog.changed) as emitted:
        click(qtbot, dialog, "bulkApply")

    assert isinstance(emitted.args[0], ChangeSet)
    assert emitted.args[0].updated == set(ids[:2])
    assert [catalogue.detail(rid).tags for rid in ids] == [
        ("citizenship", "korea"),
        ("citizenship", "korea"),
        ("citizenship",),
    ]
    assert catalogue.editor.history.undo_label == "Add tag “korea” to 2 records"
    assert not dialog.isVisible()
    catalogue.editor.undo()
    assert [catalogue.detail(rid).tags for rid in ids] == [("citizenship",)] * 3


def test_set_type_completes_from_the_vocabulary(
    qtbot: QtBot, catalogue: CatalogService, runner: ImmediateJobRunner
) -> None:
    ids = ids_of(catalogue)
    dialog = make_dialog(qtbot, catalogue, runner, ids)
    choose(qtbot, dialog, "bulkOperation", "Set type")
    completer = child(dialog, QLineEdit, "bulkValue").completer()
    assert completer.model().data(completer.model().index(0, 0)) == "Cable"

    type_into(qtbot, dialog, "bulkValue", "memo")
    click(qtbot, dialog, "bulkPreview")
    assert [r[2:] for r in rows(dialog)] == [("Cable", "Memo"), ("Cable", "Memo")]
    click(qtbot, dialog, "bulkApply")

    assert {catalogue.detail(rid).doc_type for rid in ids} == {"Memo"}


def test_add_a_person_with_a_role(
    qtbot: QtBot, catalogue: CatalogService, runner: ImmediateJobRunner
) -> None:
    ids = ids_of(catalogue)
    dialog = make_dialog(qtbot, catalogue, runner, ids[:1])
    choose(qtbot, dialog, "bulkOperation", "Add person")
    choose(qtbot, dialog, "bulkRole", "Recipient")
    type_into(qtbot, dialog, "bulkValue", "Nam Il")
    click(qtbot, dialog, "bulkPreview")
    click(qtbot, dialog, "bulkApply")

    names = [(a.name, a.role) for a in catalogue.detail(ids[0]).authorities]
    assert names == [("Kim Il Sung", Role.AUTHOR), ("Nam Il", Role.RECIPIENT)]


def test_person_names_complete_from_any_variant(
    qtbot: QtBot, catalogue: CatalogService, runner: ImmediateJobRunner
) -> None:
    dialog = make_dialog(qtbot, catalogue, runner, ids_of(catalogue))
    choose(qtbot, dialog, "bulkOperation", "Remove person")
    type_into(qtbot, dialog, "bulkValue", "kim il")

    completer = child(dialog, QLineEdit, "bulkValue").completer()
    assert completer.model().data(completer.model().index(0, 0)) == "Kim Il Sung"


def test_a_regular_expression_replace_with_groups(
    qtbot: QtBot, catalogue: CatalogService, runner: ImmediateJobRunner
) -> None:
    ids = ids_of(catalogue)
    dialog = make_dialog(qtbot, catalogue, runner, ids)
    choose(qtbot, dialog, "bulkOperation", "Find and replace")
    assert not child(dialog, QLineEdit, "bulkValue").isVisible()
    type_into(qtbot, dialog, "bulkFind", r"^Cable (\w+)$")
    type_into(qtbot, dialog, "bulkReplace", r"Telegram \1")
    click(qtbot, dialog, "bulkRegex")

    click(qtbot, dialog, "bulkPreview")
    assert [r[1:] for r in rows(dialog)] == [
        ("Title", "Cable one", "Telegram one"),
        ("Title", "Cable two", "Telegram two"),
    ]
    click(qtbot, dialog, "bulkApply")

    assert [catalogue.detail(rid).title for rid in ids] == ["Telegram one", "Telegram two", "Memo"]


def test_a_bad_regular_expression_is_explained_and_nothing_runs(
    qtbot: QtBot, catalogue: CatalogService, runner: ImmediateJobRunner
) -> None:
    dialog = make_dialog(qtbot, catalogue, runner, ids_of(catalogue))
    choose(qtbot, dialog, "bulkOperation", "Find and replace")
    type_into(qtbot, dialog, "bulkFind", "(cable")
    click(qtbot, dialog, "bulkRegex")
    jobs = runner.jobs

    click(qtbot, dialog, "bulkPreview")

    assert "missing )" in child(dialog, QLabel, "bulkProblem").text()
    assert runner.jobs == jobs
    assert not child(dialog, QAbstractButton, "bulkApply").isEnabled()


def test_changing_the_form_drops_the_preview(
    qtbot: QtBot, catalogue: CatalogService, runner: ImmediateJobRunner
) -> None:
    dialog = make_dialog(qtbot, catalogue, runner, ids_of(catalogue))
    type_into(qtbot, dialog, "bulkValue", "korea")
    click(qtbot, dialog, "bulkPreview")
    assert len(rows(dialog)) == 3

    type_into(qtbot, dialog, "bulkValue", "n")

    assert rows(dialog) == []
    assert not child(dialog, QAbstractButton, "bulkApply").isEnabled()


def test_nothing_to_change_says_so(
    qtbot: QtBot, catalogue: CatalogService, runner: ImmediateJobRunner
) -> None:
    dialog = make_dialog(qtbot, catalogue, runner, ids_of(catalogue))
    choose(qtbot, dialog, "bulkOperation", "Remove tag")
    type_into(qtbot, dialog, "bulkValue", "absent")
    click(qtbot, dialog, "bulkPreview")

    assert child(dialog, QLabel, "bulkSummary").text() == "No selected record would change."
    assert not child(dialog, QAbstractButton, "bulkApply").isEnabled()


def test_a_record_changed_since_the_preview_is_not_overwritten(
    qtbot: QtBot, catalogue: CatalogService, runner: ImmediateJobRunner
) -> None:
    ids = ids_of(catalogue)
    dialog = make_dialog(qtbot, catalogue, runner, ids)
    type_into(qtbot, dialog, "bulkValue", "korea")
    click(qtbot, dialog, "bulkPreview")
    catalogue.editor.add_note(ids[2], "Edited meanwhile.")

    click(qtbot, dialog, "bulkApply")

    assert "changed since the preview" in child(dialog, QLabel, "bulkProblem").text()
    assert [catalogue.detail(rid).tags for rid in ids] == [("citizenship",)] * 3
    assert rows(dialog) == []
    assert dialog.isVisible()


def test_every_control_has_an_accessible_name(
    qtbot: QtBot, catalogue: CatalogService, runner: ImmediateJobRunner
) -> None:
    dialog = make_dialog(qtbot, catalogue, runner, ids_of(catalogue))
    for kind in (QComboBox, QLineEdit, QAbstractButton, QTableView):
        for widget in dialog.findChildren(kind):
            if widget.objectName().startswith("bulk"):
                assert widget.accessibleName(), widget.objectName()
