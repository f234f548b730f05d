"""The Trash dialog, driven by clicking, on a real catalogue."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QAbstractButton, QLabel, QMessageBox, QPushButton, QTreeWidget
from pytestqt.qtbot import QtBot

from catalog.domain.changes import ChangeSet
from catalog.domain.drafts import RecordDraft
from catalog.services.catalog import CatalogService
from catalog.ui.dialogs.trash import TrashDialog
from catalog.ui.jobs.runner import ImmediateJobRunner
from tests.ui.conftest import open_message_boxes


@pytest.fixture
def catalogue(tmp_path: Path) -> Iterator[CatalogService]:
    """Four records, the last three in the trash (deleted one by one, Cable 3 last)."""
    service = CatalogService.open(tmp_path / "c.sqlite", user="tester", cache_dir=tmp_path)
    ids = [
        service.editor.create_record(RecordDraft(title=title, date_text=date))[0]
        for title, date in (
            ("Kept", "1950"),
            ("Cable 1", "October, 1959"),
            ("Cable 2", "1960"),
            ("Cable 3", ""),
        )
    ]
    for rid in ids[1:]:
        service.editor.trash([rid])
    service.editor.history.clear()
    try:
        yield service
    finally:
        service.close()


def make_dialog(
    qtbot: QtBot, service: CatalogService, runner: ImmediateJobRunner | None = None
) -> TrashDialog:
    dialog = TrashDialog(service, None, runner)
    qtbot.addWidget(dialog)
    with qtbot.waitExposed(dialog):
        dialog.show()
    return dialog


def listed(dialog: TrashDialog) -> list[tuple[str, str]]:
    tree = dialog.findChild(QTreeWidget, "trashRecords")
    assert tree is not None
    return [
        (tree.topLevelItem(i).text(0), tree.topLevelItem(i).text(1))  # type: ignore[union-attr]
        for i in range(tree.topLevelItemCount())
    ]


def click_row(qtbot: QtBot, dialog: TrashDialog, row: int, ctrl: bool = False) -> None:
    tree = dialog.findChild(QTreeWidget, "trashRecords")
    assert tree is not None
    item = tree.topLevelItem(row)
    assert item is not None
    where = tree.visualItemRect(item).center()
    modifier = Qt.KeyboardModifier.ControlModifier if ctrl else Qt.KeyboardModifier.NoModifier
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, modifier, where)


def click(qtbot: QtBot, dialog: TrashDialog, name: str) -> None:
    button = dialog.findChild(QAbstractButton, name)
    assert button is not None, name
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=button.rect().center())


def live_titles(service: CatalogService) -> list[str]:
    return sorted(s.title for s in service.summaries(list(service.search("").ids)))


def test_lists_the_trash_newest_first_with_dates(qtbot: QtBot, catalogue: CatalogService) -> None:
    dialog = make_dialog(qtbot, catalogue)
    assert listed(dialog) == [("", "Cable 3"), ("1960", "Cable 2"), ("October, 1959", "Cable 1")]
    summary = dialog.findChild(QLabel, "trashSummary")
    assert summary is not None and summary.text() == "3 record(s) in the trash."
    restore = dialog.findChild(QPushButton, "trashRestore")
    assert restore is not None and not restore.isEnabled()


@pytest.mark.parametrize("threaded", [False, True])
def test_restore_brings_the_selected_records_back(
    qtbot: QtBot, catalogue: CatalogService, runner: ImmediateJobRunner, threaded: bool
) -> None:
    dialog = make_dialog(qtbot, catalogue, runner if threaded else None)
    click_row(qtbot, dialog, 0)
    click_row(qtbot, dialog, 2, ctrl=True)

    with qtbot.waitSignal(dialog.changed) as emitted:
        click(qtbot, dialog, "trashRestore")

    assert isinstance(emitted.args[0], ChangeSet)
    assert live_titles(catalogue) == ["Cable 1", "Cable 3", "Kept"]
    assert listed(dialog) == [("1960", "Cable 2")]
    assert catalogue.editor.history.undo_label == "Restore 2 records"


def test_empty_trash_asks_first_and_cancel_keeps_everything(
    qtbot: QtBot, catalogue: CatalogService
) -> None:
    dialog = make_dialog(qtbot, catalogue)
    click(qtbot, dialog, "trashEmpty")

    [box] = open_message_boxes()
    assert box.text() == "Delete the 3 record(s) in the trash for good?"
    cancel = box.button(QMessageBox.StandardButton.Cancel)
    qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton, pos=QPoint(4, 4))

    assert len(catalogue.editor.trashed()) == 3
    assert len(listed(dialog)) == 3

    click(qtbot, dialog, "trashEmpty")  # asked again: the same question, answered yes
    [again] = open_message_boxes()
    yes = again.findChild(QPushButton, "confirmEmptyTrashYes")
    assert yes is not None
    qtbot.mouseClick(yes, Qt.MouseButton.LeftButton, pos=yes.rect().center())
    assert catalogue.editor.trashed() == []


def test_empty_trash_once_confirmed_deletes_for_good_and_can_be_undone(
    qtbot: QtBot, catalogue: CatalogService, runner: ImmediateJobRunner
) -> None:
    dialog = make_dialog(qtbot, catalogue, runner)
    click(qtbot, dialog, "trashEmpty")
    [box] = open_message_boxes()
    yes = box.findChild(QPushButton, "confirmEmptyTrashYes")
    assert yes is not None

    with qtbot.waitSignal(dialog.changed):
        qtbot.mouseClick(yes, Qt.MouseButton.LeftButton, pos=yes.rect().center())

    assert catalogue.editor.trashed() == []
    assert listed(dialog) == []
    summary = dialog.findChild(QLabel, "trashSummary")
    assert summary is not None and summary.text() == "The trash is empty."
    empty = dialog.findChild(QPushButton, "trashEmpty")
    assert empty is not None and not empty.isEnabled()
    catalogue.editor.undo()
    assert [s.title for s in catalogue.editor.trashed()] == ["Cable 3", "Cable 2", "Cable 1"]


def test_every_control_has_an_accessible_name(qtbot: QtBot, catalogue: CatalogService) -> None:
    dialog = make_dialog(qtbot, catalogue)
    for widget in dialog.findChildren(QAbstractButton) + dialog.findChildren(QTreeWidget):
        if widget.objectName().startswith("trash"):
            assert widget.accessibleName(), widget.objectName()
