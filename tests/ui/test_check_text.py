"""In a Russian window Tools → Check lists its findings, their repairs and what a repair
did in Russian; ``catalog check`` prints the same findings in English."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from catalog.cli import main
from catalog.domain.drafts import RecordDraft
from catalog.services.catalog import CatalogService
from catalog.services.editing.attachments import AttachmentStore
from catalog.ui.dialogs.check_dialog import CheckDialog, check_catalogue, fault_texts
from catalog.ui.jobs.runner import ImmediateJobRunner


@pytest.fixture
def parent(qtbot: QtBot) -> QWidget:
    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


def _attachment_gone(tmp_path: Path) -> tuple[Path, str, Path]:
    """A catalogue whose one record's attached file was deleted behind its back: the
    catalogue, the file's stored name and the attachment folder."""
    path = tmp_path / "c.sqlite"
    service = CatalogService.open(path, cache_dir=tmp_path)
    try:
        assert service.editor is not None
        scan = tmp_path / "scan.pdf"
        scan.write_bytes(b"a scan of the cable")
        store = AttachmentStore(service.attachment_folder)
        choice = store.store(scan)
        service.editor.create_record(RecordDraft("Cable with a scan", attachments=(choice,)))
        assert service.check() == []
        store.resolve(choice).unlink()
        return path, Path(choice.path).name, store.root
    finally:
        service.close()


def _open(path: Path, tmp_path: Path) -> Iterator[CatalogService]:
    service = CatalogService.open(path, cache_dir=tmp_path, lock=True)
    try:
        yield service
    finally:
        service.close()


def _rows(dialog: CheckDialog) -> list[tuple[str, str]]:
    items = (dialog.list.topLevelItem(i) for i in range(dialog.list.topLevelItemCount()))
    return [(item.text(0), item.text(1)) for item in items if item is not None]


def test_a_missing_attached_file_is_russian_in_the_window_and_english_in_the_cli(
    russian: None,
    qtbot: QtBot,
    parent: QWidget,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    path, name, folder = _attachment_gone(tmp_path)
    for service in _open(path, tmp_path):
        dialog = check_catalogue(
            parent, service, ImmediateJobRunner(), lambda c: None, lambda e, d: None
        )
        assert dialog is not None
        assert _rows(dialog) == [
            (
                f"1 вложенный файл отсутствует в {folder}: {name} (запись 1)",
                "Вы: Верните файлы в папку вложений или вложите их заново",
            )
        ]
        assert fault_texts(dialog.faults[0])[0] == "вложенные файлы"
        dialog.close()
    assert main(["--db", str(path), "check"]) == 1
    out = capsys.readouterr().out
    assert out == (
        f"attached files: 1 attached file is missing from {folder}: {name} (record 1)"
        " — repair: Put the files back in the attachment folder, or attach them again\n"
    )


@pytest.fixture
def damaged(tmp_path: Path, sample_listing: Path) -> Path:
    """A catalogue missing two search-index rows and holding two orphaned tag links."""
    path = tmp_path / "c.sqlite"
    service = CatalogService.open(path, cache_dir=tmp_path)
    service.import_file(sample_listing)
    service.close()
    with closing(sqlite3.connect(path)) as raw:
        raw.execute("DELETE FROM record_fts WHERE rowid IN (1, 2)")
        raw.execute("INSERT INTO record_tags (record_id, tag_id) VALUES (999999, 1)")
        raw.execute("INSERT INTO record_tags (record_id, tag_id) VALUES (999998, 1)")
        raw.commit()
    return path


def test_links_the_search_index_and_repairs_read_in_russian(
    russian: None, qtbot: QtBot, parent: QWidget, damaged: Path, tmp_path: Path
) -> None:
    for service in _open(damaged, tmp_path):
        english = service.check()
        assert [(f.problem, f.repair) for f in english] == [
            (
                "2 links point at a record or name that is gone (2 tag links)",
                "Remove 2 orphaned links",
            ),
            (
                "The search index disagrees with the records: 2 records are missing from it",
                "Rebuild the search index",
            ),
        ]
        dialog = check_catalogue(
            parent, service, ImmediateJobRunner(), lambda c: None, lambda e, d: None
        )
        assert dialog is not None
        assert _rows(dialog) == [
            (
                "Связей, ведущих к исчезнувшей записи или имени: 2 (связей с метками: 2)",
                "Удалить осиротевшие связи: 2",
            ),
            (
                "Поисковый индекс расходится с записями: записей, которых в нём нет: 2",
                "Перестроить поисковый индекс",
            ),
        ]
        qtbot.mouseClick(dialog.repair_button, Qt.MouseButton.LeftButton)
        assert dialog.summary.text().startswith(
            "Удалено осиротевших связей: 2. Поисковый индекс перестроен (записей: 15)."
        )
        dialog.close()
