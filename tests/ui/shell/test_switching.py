"""Switching catalogues: File → Connect and File → Open recent replace the window on success
and leave the open catalogue alone on failure; passwords go to the keyring, never the settings.

A "server" here is a stand-in opener that checks the password in the URL and opens a
SQLite file, so the whole flow runs without PostgreSQL (test_switching_postgres.py uses
a real one).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from catalog.domain.errors import StorageUnavailable
from catalog.services.catalog import CatalogService
from catalog.services.locations import password_in, public_target
from catalog.ui import credentials
from catalog.ui import recent_catalogues as recent
from catalog.ui.dialogs.connect_dialog import Connection
from catalog.ui.jobs.runner import JobRunner
from catalog.ui.shell.actions import ActionId
from catalog.ui.shell.switching import ALREADY_OPEN, NOT_KEPT, CatalogueSwitcher
from tests.ui.conftest import open_message_boxes
from tests.ui.keyrings import LockedKeyring, MemoryKeyring, installed
from tests.ui.shell.switching_helpers import answer_dialog, catalogue, showing

SERVER = "postgresql+psycopg://archivist@db.example.org/team"
PASSWORD = "Zq-93!pw/@"


@dataclass
class Opener:
    """Opens files as they are, and the one "server" as a SQLite file behind a password."""

    server_file: Path
    cache: Path
    opened: list[CatalogService] = field(default_factory=list)
    closed: list[CatalogService] = field(default_factory=list)

    def __call__(self, target: str) -> CatalogService:
        if public_target(target) == SERVER:
            if password_in(target) != PASSWORD:
                raise StorageUnavailable(
                    f"The catalogue server {SERVER} cannot be reached: "
                    'password authentication failed for user "archivist"'
                )
            target = str(self.server_file)
        service = CatalogService.open(target, user="tester", cache_dir=self.cache)
        original = service.close
        service.close = lambda: (self.closed.append(service), original())[-1]  # type: ignore[method-assign]
        self.opened.append(service)
        return service


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "catalog.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def opener(tmp_path: Path) -> Opener:
    server = tmp_path / "server.sqlite"
    catalogue(server, "Minutes of the team meeting", cache=tmp_path / "cache")
    return Opener(server, tmp_path / "cache")


@pytest.fixture
def switcher(qtbot: QtBot, opener: Opener, settings: QSettings) -> Iterator[CatalogueSwitcher]:
    made = CatalogueSwitcher(opener, JobRunner, settings)
    yield made
    made.close()
    for service in opener.opened:
        if service not in opener.closed:
            service.close()


@pytest.fixture
def first(tmp_path: Path) -> Path:
    path = tmp_path / "first.sqlite"
    catalogue(path, "Cable from Pyongyang", "Letter to Moscow", cache=tmp_path / "cache")
    return path


@pytest.fixture
def second(tmp_path: Path) -> Path:
    path = tmp_path / "second.sqlite"
    catalogue(path, "Journal of the ambassador", cache=tmp_path / "cache")
    return path


def test_a_file_opens_and_is_remembered(
    qtbot: QtBot, switcher: CatalogueSwitcher, first: Path, settings: QSettings
) -> None:
    assert switcher.start(str(first))
    window = showing(qtbot, switcher.window, ["Cable from Pyongyang", "Letter to Moscow"])
    assert window.isVisible() and window.windowTitle() == "Catalog — first.sqlite"
    assert recent.recent(settings) == [str(first)]


def test_open_recent_replaces_the_window(
    qtbot: QtBot,
    switcher: CatalogueSwitcher,
    opener: Opener,
    first: Path,
    second: Path,
    settings: QSettings,
) -> None:
    recent.remember(settings, str(second))
    assert switcher.start(str(first))
    old = showing(qtbot, switcher.window, ["Cable from Pyongyang", "Letter to Moscow"])
    old.recent_menu.aboutToShow.emit()
    entry = next(a for a in old.recent_menu.actions() if a.toolTip() == str(second))
    entry.trigger()
    assert not old.isVisible()
    new = showing(qtbot, switcher.window, ["Journal of the ambassador"])
    assert new is not old and new.isVisible()
    qtbot.waitUntil(lambda: not shiboken6.isValid(old))  # the old window is deleted
    assert new.windowTitle() == "Catalog — second.sqlite"
    assert opener.closed == [opener.opened[0]]  # the first catalogue was let go
    assert recent.recent(settings) == [str(second), str(first)]
    new.recent_menu.aboutToShow.emit()
    again = next(a for a in new.recent_menu.actions() if a.toolTip() == str(second))
    again.trigger()  # the open one: nothing to do
    assert switcher.window is new
    assert new.statusBar().currentMessage() == ALREADY_OPEN


def test_connect_asks_and_keeps_the_password_in_the_keyring_only(
    qtbot: QtBot,
    switcher: CatalogueSwitcher,
    first: Path,
    tmp_path: Path,
    settings: QSettings,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    asked = answer_dialog(monkeypatch, [Connection(SERVER, PASSWORD, remember=True)])
    assert switcher.start(str(first))
    old = showing(qtbot, switcher.window, ["Cable from Pyongyang", "Letter to Moscow"])
    with installed(MemoryKeyring()) as memory:
        old.window_actions[ActionId.CONNECT].trigger()
        showing(qtbot, switcher.window, ["Minutes of the team meeting"])
        assert memory.passwords == {("Catalog", SERVER): PASSWORD}
    assert asked == [("", "")]
    assert switcher.target == SERVER
    assert recent.recent(settings) == [SERVER, str(first)]
    settings.sync()
    stored = (tmp_path / "catalog.ini").read_bytes()
    assert SERVER.encode() in stored
    assert PASSWORD.encode() not in stored and b"Zq-93" not in stored


def test_a_server_in_the_recent_list_uses_the_saved_password(
    qtbot: QtBot, switcher: CatalogueSwitcher, first: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked = answer_dialog(monkeypatch, [])
    assert switcher.start(str(first))
    with installed(MemoryKeyring()):
        credentials.save_password(SERVER, PASSWORD)
        assert switcher.open_catalogue(SERVER)
    showing(qtbot, switcher.window, ["Minutes of the team meeting"])
    assert asked == []  # the keyring knew it


def test_without_a_saved_password_the_dialog_asks(
    qtbot: QtBot, switcher: CatalogueSwitcher, first: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked = answer_dialog(monkeypatch, [Connection(SERVER, PASSWORD, remember=True)])
    assert switcher.start(str(first))
    assert switcher.open_catalogue(SERVER)  # no keyring: nothing saved, and the user is told
    assert asked == [(SERVER, "")]
    window = showing(qtbot, switcher.window, ["Minutes of the team meeting"])
    assert window.statusBar().currentMessage() == NOT_KEPT


def test_a_failed_connection_leaves_the_open_catalogue_alone(
    qtbot: QtBot,
    switcher: CatalogueSwitcher,
    opener: Opener,
    first: Path,
    settings: QSettings,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    answer_dialog(monkeypatch, [Connection(SERVER, "wrong", remember=True)])
    assert switcher.start(str(first))
    window = showing(qtbot, switcher.window, ["Cable from Pyongyang", "Letter to Moscow"])
    with installed(MemoryKeyring()) as memory:
        window.window_actions[ActionId.CONNECT].trigger()
        assert memory.passwords == {}  # a password that failed is not kept
    (box,) = open_message_boxes()
    assert box.icon() == QMessageBox.Icon.Warning
    assert "password authentication failed" in box.text()
    assert switcher.window is window and window.isVisible()
    assert opener.closed == []
    assert recent.recent(settings) == [str(first)]
    box.close()
    # The open catalogue still works: a search runs and finds its records.
    window.sidebar.set_query("Cable")
    showing(qtbot, window, ["Cable from Pyongyang"])


def test_a_recent_file_that_is_gone_is_taken_off_the_list(
    qtbot: QtBot, switcher: CatalogueSwitcher, first: Path, tmp_path: Path, settings: QSettings
) -> None:
    gone = tmp_path / "gone.sqlite"
    recent.remember(settings, str(gone))
    assert switcher.start(str(first))
    window = switcher.window
    assert not switcher.open_catalogue(str(gone))
    (box,) = open_message_boxes()
    assert "is no longer there" in box.text()
    assert not gone.exists()  # not created empty
    assert switcher.window is window
    assert recent.recent(settings) == [str(first)]


def test_start_with_a_server_url_asks_for_the_password_and_again_after_a_failure(
    switcher: CatalogueSwitcher, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked = answer_dialog(monkeypatch, [Connection(SERVER, "wrong"), None])
    assert not switcher.start(SERVER)
    assert asked[0] == (SERVER, "")
    assert asked[1][0] == SERVER and "password authentication failed" in asked[1][1]
    assert switcher.window is None


def test_start_with_the_saved_password_needs_no_dialog(
    qtbot: QtBot, switcher: CatalogueSwitcher, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked = answer_dialog(monkeypatch, [])
    with installed(MemoryKeyring()):
        credentials.save_password(SERVER, PASSWORD)
        assert switcher.start(SERVER)
    showing(qtbot, switcher.window, ["Minutes of the team meeting"])
    assert asked == []


def test_a_keyring_that_fails_is_a_note_not_an_error(
    qtbot: QtBot, switcher: CatalogueSwitcher, monkeypatch: pytest.MonkeyPatch
) -> None:
    answer_dialog(monkeypatch, [Connection(SERVER, PASSWORD, remember=True)])
    with installed(LockedKeyring()):
        assert switcher.start(SERVER)
    window = showing(qtbot, switcher.window, ["Minutes of the team meeting"])
    assert window.statusBar().currentMessage() == NOT_KEPT
    assert open_message_boxes() == []
