"""Edit → Preferences → Language switches the interface at once: the window is rebuilt in
the chosen language on the same open catalogue, its search kept; back to English too."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from catalog.services.catalog import CatalogService
from catalog.ui import preferences, startup
from catalog.ui.dialogs.preferences import PreferencesDialog
from catalog.ui.jobs.runner import JobRunner
from catalog.ui.preferences import Preferences
from catalog.ui.shell.actions import ActionId
from catalog.ui.shell.main_window import MainWindow
from catalog.ui.shell.switching import CatalogueSwitcher
from tests.ui.conftest import open_message_boxes
from tests.ui.shell.switching_helpers import catalogue, showing

RUSSIAN_TS = Path(__file__).resolve().parents[3] / "resources" / "translations" / "catalog_ru.ts"


@pytest.fixture
def translations(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """The Russian translation compiled into a folder the program looks in; English again
    afterwards (the translators are the application's, shared by every test)."""
    folder = tmp_path / "translations"
    folder.mkdir()
    lrelease = Path(sys.executable).parent / "pyside6-lrelease"
    subprocess.run(
        [str(lrelease), "-silent", str(RUSSIAN_TS), "-qm", str(folder / "catalog_ru.qm")],
        check=True,
    )
    monkeypatch.setattr(preferences, "translations_folder", lambda: folder)
    yield folder
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    startup.use_language(app, preferences.ENGLISH)


@pytest.fixture
def switcher(qtbot: QtBot, tmp_path: Path) -> Iterator[CatalogueSwitcher]:
    path = tmp_path / "c.sqlite"
    catalogue(path, "Cable from Pyongyang", "Letter to Moscow", cache=tmp_path / "cache")
    settings = QSettings(str(tmp_path / "catalog.ini"), QSettings.Format.IniFormat)

    def open_service(target: str) -> CatalogService:
        return CatalogService.open(target, user="tester", cache_dir=tmp_path / "cache")

    made = CatalogueSwitcher(open_service, JobRunner, settings)
    assert made.start(str(path))
    yield made
    made.close()


def choose_language(monkeypatch: pytest.MonkeyPatch, window: MainWindow, code: str) -> None:
    def ask(cls: Any, parent: Any, current: Preferences, *_: Any) -> Preferences:
        return Preferences(language=code)

    monkeypatch.setattr(PreferencesDialog, "ask", classmethod(ask))
    window.window_actions[ActionId.PREFERENCES].trigger()


def menu_titles(window: MainWindow) -> list[str]:
    return [action.text() for action in window.menuBar().actions()]


def test_choosing_russian_rebuilds_the_window_in_russian(
    qtbot: QtBot,
    switcher: CatalogueSwitcher,
    translations: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    english = showing(qtbot, switcher.window, ["Cable from Pyongyang", "Letter to Moscow"])
    assert menu_titles(english)[0] == "&File"
    service = switcher.service
    english.search.search("Pyongyang")
    showing(qtbot, english, ["Cable from Pyongyang"])

    choose_language(monkeypatch, english, "ru")

    russian = switcher.window
    assert russian is not None and russian is not english
    assert switcher.service is service  # the same catalogue, still open
    assert service is not None and service.count() == 2
    assert menu_titles(russian)[0] == "&Файл"
    assert russian.window_actions[ActionId.EXPORT].text().startswith("&Экспорт")
    showing(qtbot, russian, ["Cable from Pyongyang"])  # the search kept, the values untouched
    assert russian.status_counts.text().startswith("1 из 2 записей")
    assert open_message_boxes() == []

    choose_language(monkeypatch, russian, preferences.ENGLISH)

    again = switcher.window
    assert again is not None and again is not russian
    assert menu_titles(again)[0] == "&File"
