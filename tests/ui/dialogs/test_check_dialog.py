"""Tools → Check catalogue: faults listed with their repairs; Repair fixes what it can."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from catalog.domain.changes import ChangeSet
from catalog.services.catalog import CatalogService
from catalog.services.checking import Fault
from catalog.ui.dialogs.check_dialog import CheckDialog, check_catalogue
from catalog.ui.jobs.runner import ImmediateJobRunner
from tests.ui.conftest import open_message_boxes


@pytest.fixture
def damaged(tmp_path: Path, sample_listing: Path) -> Path:
    """A catalogue missing two search-index rows and holding an orphaned tag link."""
    path = tmp_path / "c.sqlite"
    service = CatalogService.open(path, cache_dir=tmp_path)
    service.import_file(sample_listing)
    service.close()
    with closing(sqlite3.connect(path)) as raw:
        raw.execute("DELETE FROM record_fts WHERE rowid IN (1, 2)")
        raw.execute("INSERT INTO record_tags (record_id, tag_id) VALUES (999999, 1)")
        raw.commit()
    return path


@pytest.fixture
def service(damaged: Path, tmp_path: Path) -> Iterator[CatalogService]:
    opened = CatalogService.open(damaged, cache_dir=tmp_path, lock=True)
    yield opened
    opened.close()


@pytest.fixture
def parent(qtbot: QtBot) -> QWidget:
    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


def rows(dialog: CheckDialog) -> list[tuple[str, str]]:
    items = (dialog.list.topLevelItem(i) for i in range(dialog.list.topLevelItemCount()))
    return [(item.text(0), item.text(1)) for item in items if item is not None]


def test_the_faults_are_listed_and_repair_fixes_them(
    qtbot: QtBot, parent: QWidget, service: CatalogService
) -> None:
    announced: list[ChangeSet] = []
    dialog = check_catalogue(
        parent, service, ImmediateJobRunner(), announced.append, lambda e, d: None
    )
    assert dialog is not None and dialog.isVisible()
    assert [repair for _, repair in rows(dialog)] == [
        "Remove 1 orphaned link",
        "Rebuild the search index",
    ]
    assert "1 tag link" in rows(dialog)[0][0]
    assert dialog.summary.text() == "2 problems found. Repair fixes them all."
    assert dialog.repair_button.isEnabled()
    qtbot.mouseClick(dialog.repair_button, Qt.MouseButton.LeftButton)
    assert rows(dialog) == []
    assert dialog.summary.text() == (
        "Removed 1 orphaned link. Rebuilt the search index (15 records)."
        " No problems found: the catalogue is sound."
    )
    assert not dialog.repair_button.isEnabled()
    assert len(announced) == 1 and announced[0].bulk
    assert service.check() == []
    dialog.close()


def test_a_catalogue_open_elsewhere_is_checked_but_not_repaired(
    qtbot: QtBot, parent: QWidget, service: CatalogService, damaged: Path, tmp_path: Path
) -> None:
    second = CatalogService.open(damaged, cache_dir=tmp_path, lock=True)
    try:
        dialog = check_catalogue(
            parent, second, ImmediateJobRunner(), lambda c: None, lambda e, d: None
        )
        assert dialog is not None and len(rows(dialog)) == 2
        assert not dialog.repair_button.isEnabled()
        assert "Another Catalog is using" in dialog.summary.text()
        dialog.close()
    finally:
        second.close()


def test_faults_that_need_a_person_say_so_and_disable_repair(
    qtbot: QtBot, parent: QWidget, service: CatalogService
) -> None:
    dialog = CheckDialog(service, ImmediateJobRunner(), lambda e, d: None, parent)
    qtbot.addWidget(dialog)
    dialog.show_faults([Fault("attached files", "1 attached file is missing", "Put it back")])
    assert rows(dialog) == [("1 attached file is missing", "You: Put it back")]
    assert dialog.summary.text() == "1 problem found."
    assert not dialog.repair_button.isEnabled()
    dialog.show_faults([])
    assert dialog.summary.text() == "No problems found: the catalogue is sound."


def test_a_failed_check_is_a_message_not_a_crash(
    qtbot: QtBot, parent: QWidget, service: CatalogService, monkeypatch: pytest.MonkeyPatch
) -> None:
    from catalog.domain.errors import StorageUnavailable

    def fail(_progress: object = None) -> list[Fault]:
        raise StorageUnavailable("The disk holding the catalogue went away.")

    monkeypatch.setattr(service, "check", fail)
    dialog = check_catalogue(
        parent, service, ImmediateJobRunner(), lambda c: None, lambda e, d: None
    )
    assert dialog is not None
    assert dialog.summary.text() == "The disk holding the catalogue went away."
    boxes = open_message_boxes()
    assert boxes and boxes[-1].text() == "The disk holding the catalogue went away."
    dialog.close()


def test_a_catalogue_that_cannot_be_checked_is_told_so(qtbot: QtBot, parent: QWidget) -> None:
    assert (
        check_catalogue(parent, object(), ImmediateJobRunner(), lambda c: None, lambda e, d: None)
        is None
    )
    boxes = open_message_boxes()
    assert boxes and boxes[-1].text() == "This catalogue cannot be checked here."
