"""In a Russian window the progress dialog says what a job is doing in Russian; the
progress the services report keeps its English message (the command line prints it)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from catalog.services.catalog import CatalogService
from catalog.services.jobs import Progress
from catalog.ui.jobs.progress import JobProgress, run_with_progress
from tests.ui.fakes import ManualRunner


@pytest.fixture
def catalogue(tmp_path: Path, sample_listing: Path) -> Iterator[CatalogService]:
    service = CatalogService.open(tmp_path / "c.sqlite", cache_dir=tmp_path)
    service.import_file(sample_listing)
    try:
        yield service
    finally:
        service.close()


@pytest.fixture
def bar(qtbot: QtBot) -> Iterator[JobProgress]:
    """A job's progress dialog (its parent kept alive while the test runs)."""
    parent = QWidget()
    qtbot.addWidget(parent)
    yield run_with_progress(ManualRunner(), parent, "Job", lambda p: 0, print, print)


def _labels(bar: JobProgress, reports: list[Progress]) -> list[str]:
    shown = []
    for report in reports:
        if report.message:
            bar.report(report)
            shown.append(bar.dialog.labelText())
    return shown


def test_an_export_and_a_check_report_progress_in_russian(
    russian: None, bar: JobProgress, catalogue: CatalogService, tmp_path: Path
) -> None:
    seen: list[Progress] = []
    ids = [int(i) for i in catalogue.search("").ids]
    catalogue.export(ids, "csv", tmp_path / "out.csv", seen.append)
    assert [p.message for p in seen if p.message] == [
        "Exporting 15 records as CSV (spreadsheet)",
        "Done",
    ]
    assert _labels(bar, seen) == [
        "Экспорт в формат CSV (электронная таблица) (записей: 15)",
        "Готово",
    ]
    seen.clear()
    catalogue.check(seen.append)
    shown = _labels(bar, seen)
    assert "Проверка целостности файла…" in shown
    assert "Проверка поискового индекса: 15 из 15" in shown
    assert "Checking the search index: 15 of 15" in {p.message for p in seen}


def test_a_message_without_a_translation_shows_as_it_stands(
    russian: None, bar: JobProgress
) -> None:
    bar.report(Progress(3, 10, "Exporting 10 records"))
    assert bar.dialog.labelText() == "Exporting 10 records"


def test_an_export_of_one_record_says_record(
    russian: None, bar: JobProgress, catalogue: CatalogService, tmp_path: Path
) -> None:
    seen: list[Progress] = []
    first = int(catalogue.search("").ids[0])
    catalogue.export([first], "csv", tmp_path / "one.csv", seen.append)
    assert seen[0].message == "Exporting 1 record as CSV (spreadsheet)"
    assert _labels(bar, seen[:1]) == ["Экспорт в формат CSV (электронная таблица) (записей: 1)"]
