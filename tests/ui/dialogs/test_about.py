"""Help → About Catalog: versions of everything, this catalogue, its schema, and Copy."""

from __future__ import annotations

import platform
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import PySide6
import pytest
import sqlalchemy
from PySide6.QtCore import Qt, qVersion
from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot

from catalog import __version__
from catalog.domain.collation import collation
from catalog.domain.errors import StorageUnavailable
from catalog.services.catalog import CatalogService
from catalog.store.schema import HEAD_REVISION
from catalog.ui.dialogs.about import ASKING, NOT_KNOWN, AboutDialog, show_about
from catalog.ui.jobs.runner import ImmediateJobRunner
from catalog.ui.shell.actions import ActionId
from tests.ui.conftest import WindowFactory
from tests.ui.fakes import FakeCatalogService


@pytest.fixture
def real_service(tmp_path: Path) -> Iterator[CatalogService]:
    service = CatalogService.open(tmp_path / "about.sqlite", user="tester", cache_dir=tmp_path)
    yield service
    service.close()


def values(dialog: AboutDialog) -> dict[str, str]:
    return {name: label.text() for name, label in dialog.rows.items()}


def test_every_version_and_the_catalogue(qtbot: QtBot, real_service: CatalogService) -> None:
    bugs: list[BaseException] = []
    dialog = show_about(None, real_service, ImmediateJobRunner(), lambda e, _: bugs.append(e))
    qtbot.addWidget(dialog)
    shown = values(dialog)
    assert shown["This catalogue"] == real_service.location
    assert shown["Database"] == f"SQLite {sqlite3.sqlite_version}"
    assert shown["Schema"].startswith(f"revision {HEAD_REVISION} (major version 1)")
    assert shown["Sort order"] == f"root ({collation().name})"
    assert shown["Qt"] == qVersion()
    assert shown["PySide6"] == PySide6.__version__
    assert shown["SQLAlchemy"] == sqlalchemy.__version__
    assert shown["Python"].split()[0] == platform.python_version()
    assert bugs == []


def test_copy_puts_every_line_on_the_clipboard(qtbot: QtBot, real_service: CatalogService) -> None:
    dialog = show_about(None, real_service, ImmediateJobRunner(), lambda e, _: None)
    qtbot.addWidget(dialog)
    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    copied = QGuiApplication.clipboard().text()
    assert copied.startswith(f"Catalog {__version__}\n")
    assert f"Qt: {qVersion()}" in copied
    assert f"Database: SQLite {sqlite3.sqlite_version}" in copied
    assert f"This catalogue: {real_service.location}" in copied


def test_a_database_that_cannot_answer_says_so(qtbot: QtBot, real_service: CatalogService) -> None:
    dialog = AboutDialog(real_service.location)
    qtbot.addWidget(dialog)
    assert values(dialog)["Database"] == ASKING
    dialog.set_database_error(str(StorageUnavailable("The connection was lost.")))
    assert values(dialog)["Database"] == f"{NOT_KNOWN} (The connection was lost.)"


def test_help_about_in_the_window(
    qtbot: QtBot, make_window: WindowFactory, fake_service: FakeCatalogService
) -> None:
    window = make_window(fake_service)
    window.window_actions[ActionId.ABOUT].trigger()
    dialog = window.help.about
    assert dialog is not None and dialog.isVisible()
    shown = values(dialog)
    assert shown["This catalogue"] == "/home/archivist/Soviet Koreans.catalog"
    assert shown["Database"] == NOT_KNOWN  # a fake service has no database to ask
    assert shown["Qt"] == qVersion()
    window.window_actions[ActionId.ABOUT].trigger()
    assert window.help.about is dialog  # one at a time
    dialog.close()
    qtbot.waitUntil(lambda: window.help.about is None)
