"""A catalogue whose sort keys another collation made (an older Catalog's, another ICU)
gets new keys as a job once the window shows; a cancel leaves the old ones."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from catalog.domain.collation import collation as collation_of
from catalog.domain.collation import sort_key
from catalog.services.catalog import CatalogService
from catalog.services.jobs import JobCancelled, Progress, ProgressCallback, no_progress
from catalog.ui.jobs.runner import JobRunner
from catalog.ui.shell.switching import CatalogueSwitcher
from tests.ui.shell.switching_helpers import TIMEOUT, catalogue, showing

TITLES = ["北京 cable", "서울 report", "Telegram 10", "Telegram 9"]


def _keys(path: Path) -> tuple[bool, str]:
    """(every title's key is this collation's, the collation the catalogue names)."""
    with closing(sqlite3.connect(path)) as connection:
        rows = connection.execute("SELECT title, title_key FROM records").fetchall()
        named = connection.execute("SELECT sort_collation FROM catalog_info").fetchone()[0]
    return all(sort_key(title) == key for title, key in rows), named


@pytest.fixture
def stale(tmp_path: Path) -> Path:
    path = tmp_path / "old.sqlite"
    catalogue(path, *TITLES, cache=tmp_path / "cache")
    with closing(sqlite3.connect(path)) as connection, connection:
        connection.execute("UPDATE records SET title_key = 'zz' || title")
        connection.execute("UPDATE catalog_info SET sort_collation = 'folded r1'")
    assert _keys(path) == (False, "folded r1")
    return path


@pytest.fixture
def switcher(qtbot: QtBot, tmp_path: Path) -> Iterator[CatalogueSwitcher]:
    settings = QSettings(str(tmp_path / "catalog.ini"), QSettings.Format.IniFormat)

    def open_service(target: str) -> CatalogService:
        # As the application opens it: the keys are left to the window's job.
        return CatalogService.open(target, cache_dir=tmp_path / "cache", sort_keys_now=False)

    made = CatalogueSwitcher(open_service, JobRunner, settings)
    yield made
    made.close()


def test_the_window_updates_the_sort_order_once_it_shows(
    qtbot: QtBot, switcher: CatalogueSwitcher, stale: Path
) -> None:
    assert switcher.start(str(stale))
    window = showing(qtbot, switcher.window, TITLES)
    qtbot.waitUntil(lambda: _keys(stale) == (True, collation_of().name), timeout=TIMEOUT)
    qtbot.waitUntil(
        lambda: (
            window.statusBar().currentMessage() == "Titles and names now sort in the new order."
        ),
        timeout=TIMEOUT,
    )
    assert not window.operations.busy


def test_a_cancelled_update_leaves_the_old_keys_until_the_next_start(
    qtbot: QtBot, switcher: CatalogueSwitcher, stale: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    original = CatalogService.remake_sort_keys

    def cancelled_at_once(self: CatalogService, progress: ProgressCallback = no_progress):  # type: ignore[no-untyped-def]
        def cancel(_progress: Progress) -> None:
            raise JobCancelled  # as the progress dialog's Cancel button makes it do

        return original(self, cancel)

    monkeypatch.setattr(CatalogService, "remake_sort_keys", cancelled_at_once)
    assert switcher.start(str(stale))
    window = showing(qtbot, switcher.window, TITLES)
    qtbot.waitUntil(
        lambda: (
            window.statusBar().currentMessage()
            == "The sort order was not updated; it will be at the next start."
        ),
        timeout=TIMEOUT,
    )
    assert _keys(stale) == (False, "folded r1")  # rolled back whole
    assert not window.operations.busy
