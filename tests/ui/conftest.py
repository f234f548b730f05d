"""Fixtures for widget tests: fake services, an immediate runner, and message boxes."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from catalog.ui import preferences, startup
from catalog.ui.jobs.runner import ImmediateJobRunner
from catalog.ui.shell.main_window import MainWindow
from tests.ui.fakes import FakeCatalogService


def open_message_boxes() -> list[QMessageBox]:
    """The message boxes on screen, oldest first."""
    return [
        w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()
    ]


@pytest.fixture(autouse=True)
def _close_message_boxes(qapp: QApplication) -> Iterator[None]:
    """Close any message box a test left open (they are non-blocking)."""
    yield
    for box in open_message_boxes():
        box.close()


@pytest.fixture
def fake_service() -> FakeCatalogService:
    """A fake catalogue with seven records."""
    return FakeCatalogService.with_sample()


@pytest.fixture
def empty_service() -> FakeCatalogService:
    """A fake catalogue with no records."""
    return FakeCatalogService()


@pytest.fixture
def runner() -> ImmediateJobRunner:
    """Runs every job at once."""
    return ImmediateJobRunner()


WindowFactory = Callable[[FakeCatalogService], MainWindow]


@pytest.fixture
def make_window(qtbot: QtBot, runner: ImmediateJobRunner) -> WindowFactory:
    """Builds and shows a main window over a fake service."""

    def make(service: FakeCatalogService) -> MainWindow:
        window = MainWindow(service, runner)
        qtbot.addWidget(window)
        with qtbot.waitActive(window):
            window.show()
            window.activateWindow()
        return window

    return make


RUSSIAN_TS = Path(__file__).resolve().parents[2] / "resources" / "translations" / "catalog_ru.ts"


@pytest.fixture
def russian(qapp: QApplication, tmp_path: Path) -> Iterator[None]:
    """The Russian translation, compiled from the source, installed; English again after."""
    lrelease = Path(sys.executable).parent / "pyside6-lrelease"
    compiled = tmp_path / "catalog_ru.qm"
    subprocess.run([str(lrelease), "-silent", str(RUSSIAN_TS), "-qm", str(compiled)], check=True)
    startup.use_language(qapp, "ru", tmp_path)
    yield
    startup.use_language(qapp, preferences.ENGLISH)
