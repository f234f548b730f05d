"""Helpers for the switching tests: catalogue files, a patched Connect dialog, waiting."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from catalog.domain.drafts import RecordDraft
from catalog.services.catalog import CatalogService
from catalog.ui.dialogs.connect_dialog import ConnectDialog, Connection
from catalog.ui.shell.main_window import MainWindow
from tests.ui.shell.driving import shown_titles

TIMEOUT = 10_000


def catalogue(target: Path | str, *titles: str, cache: Path) -> None:
    """Put records with these titles into the catalogue at a path or URL."""
    service = CatalogService.open(target, user="tester", cache_dir=cache)
    try:
        for title in titles:
            service.editor.create_record(RecordDraft(title=title))
    finally:
        service.close()


Answers = list[Connection | None]


def answer_dialog(monkeypatch: pytest.MonkeyPatch, answers: Answers) -> list[tuple[str, str]]:
    """Patch ConnectDialog.ask to give ``answers`` in turn; returns (initial, problem) asked."""
    asked: list[tuple[str, str]] = []

    def ask(
        _cls: type,
        _parent: object,
        _settings: object = None,
        initial: str = "",
        problem: str = "",
        _runner: object = None,
    ) -> Connection | None:
        asked.append((initial, problem))
        return answers.pop(0)

    monkeypatch.setattr(ConnectDialog, "ask", classmethod(ask))
    return asked


def showing(qtbot: QtBot, window: MainWindow | None, titles: list[str]) -> MainWindow:
    assert window is not None
    qtbot.waitUntil(lambda: sorted(shown_titles(window)) == sorted(titles), timeout=TIMEOUT)
    return window
