"""Switching to and from a real PostgreSQL catalogue (CATALOG_TEST_PG_URL)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from catalog.services.catalog import CatalogService
from catalog.services.locations import password_in, public_target
from catalog.ui import recent_catalogues as recent
from catalog.ui.dialogs.connect_dialog import Connection
from catalog.ui.jobs.runner import JobRunner
from catalog.ui.shell.actions import ActionId
from catalog.ui.shell.switching import CatalogueSwitcher
from tests import databases
from tests.ui.conftest import open_message_boxes
from tests.ui.keyrings import MemoryKeyring, installed
from tests.ui.shell.switching_helpers import answer_dialog, catalogue, showing

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(
        not databases.PG_URL, reason="CATALOG_TEST_PG_URL is not set (.ci/postgres.sh starts one)"
    ),
]


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "catalog.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def first(tmp_path: Path) -> Path:
    path = tmp_path / "first.sqlite"
    catalogue(path, "Cable from Pyongyang", "Letter to Moscow", cache=tmp_path / "cache")
    return path


@pytest.fixture
def real_switcher(qtbot: QtBot, settings: QSettings, tmp_path: Path) -> Iterator[CatalogueSwitcher]:
    def open_service(target: str) -> CatalogService:
        return CatalogService.open(target, user="tester", cache_dir=tmp_path / "cache")

    made = CatalogueSwitcher(open_service, JobRunner, settings)
    yield made
    made.close()


def test_switching_to_a_postgresql_catalogue_and_back(
    qtbot: QtBot,
    real_switcher: CatalogueSwitcher,
    first: Path,
    tmp_path: Path,
    settings: QSettings,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    with databases.postgres_catalogue() as url:
        catalogue(url, "Shared record on the server", cache=tmp_path / "cache")
        public, password = public_target(url), password_in(url) or ""
        assert public is not None
        answer_dialog(monkeypatch, [Connection(public, password, remember=True)])
        assert real_switcher.start(str(first))
        old = showing(qtbot, real_switcher.window, ["Cable from Pyongyang", "Letter to Moscow"])
        with installed(MemoryKeyring()) as memory:
            old.window_actions[ActionId.CONNECT].trigger()
            window = showing(qtbot, real_switcher.window, ["Shared record on the server"])
            assert window.windowTitle().startswith("Catalog — postgresql+psycopg://")
            assert memory.passwords == {("Catalog", public): password}
            assert recent.recent(settings) == [public, str(first)]
            settings.sync()
            assert f":{password}@".encode() not in (tmp_path / "catalog.ini").read_bytes()
            assert real_switcher.open_catalogue(str(first))
            showing(qtbot, real_switcher.window, ["Cable from Pyongyang", "Letter to Moscow"])
            assert real_switcher.open_catalogue(public)  # the keyring's password, no dialog
            showing(qtbot, real_switcher.window, ["Shared record on the server"])
        real_switcher.close()  # before the database is dropped


def test_a_database_that_is_not_a_catalogue_is_refused(
    qtbot: QtBot, real_switcher: CatalogueSwitcher, first: Path
) -> None:
    with databases.postgres_catalogue(empty=True) as url:
        dsn = url.replace("postgresql+psycopg://", "postgresql://")
        with psycopg.connect(dsn, autocommit=True) as connection:
            connection.execute("CREATE TABLE invoices (id integer)")
        assert real_switcher.start(str(first))
        window = real_switcher.window
        assert not real_switcher.open_catalogue(url)
        (box,) = open_message_boxes()
        assert "is not a Catalog catalogue" in box.text()
        assert "catalog:catalog@" not in box.text()  # no password in the message
        assert real_switcher.window is window
        showing(qtbot, window, ["Cable from Pyongyang", "Letter to Moscow"])
