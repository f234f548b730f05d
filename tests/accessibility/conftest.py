"""A real catalogue holding the sample records, and the real window over it."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from catalog.services.catalog import CatalogService
from catalog.ui.jobs.runner import Runner
from catalog.ui.shell.main_window import MainWindow


@pytest.fixture
def catalogue(tmp_path: Path) -> Iterator[CatalogService]:
    """A SQLite catalogue in a temporary folder, with the 15 sample records."""
    service = CatalogService.open(tmp_path / "a11y.sqlite", user="tester", cache_dir=tmp_path)
    try:
        service.load_sample()
        yield service
    finally:
        service.close()


OpenWindow = Callable[[Runner], MainWindow]


@pytest.fixture
def open_window(qtbot: QtBot, catalogue: CatalogService) -> Iterator[OpenWindow]:
    """Builds, shows and activates the main window over ``catalogue`` with a runner."""
    opened: list[tuple[MainWindow, Runner]] = []

    def open_(runner: Runner) -> MainWindow:
        window = MainWindow(catalogue, runner)
        qtbot.addWidget(window)
        opened.append((window, runner))
        with qtbot.waitActive(window):
            window.show()
            window.activateWindow()
        return window

    yield open_
    for window, runner in opened:
        window.close()  # cancels and waits for the workers before the catalogue closes
        runner.shutdown()
