"""Copy citation from the window: the selection, in the style chosen, as text and HTML."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot

from catalog.ui.shell.actions import ActionId
from catalog.ui.shell.citing import release_clipboard
from tests.ui.conftest import WindowFactory
from tests.ui.fakes import FakeCatalogService


def test_chicago_notes_of_the_selection_go_to_the_clipboard(
    qtbot: QtBot, make_window: WindowFactory, fake_service: FakeCatalogService
) -> None:
    window = make_window(fake_service)
    qtbot.waitUntil(lambda: window.record_list.records.rowCount() > 1)
    ids = [window.record_list.records.index(row, 0) for row in (0, 1)]
    selection = window.record_list.selectionModel()
    for index in ids:
        selection.select(index, selection.SelectionFlag.Select | selection.SelectionFlag.Rows)
    chosen = window.record_list.selected_ids()
    assert len(chosen) == 2

    window.window_actions[ActionId.COPY_CITATION_NOTE].trigger()

    clipboard = QGuiApplication.clipboard()
    text, markup = clipboard.text(), clipboard.mimeData().html()
    titles = [fake_service.detail(i).title for i in chosen]
    assert all(title in text for title in titles)
    assert markup.count("<p>") == 2
    assert "2 citations (Chicago (note))" in window.statusBar().currentMessage()


def test_the_archive_citation_of_the_shown_record(
    qtbot: QtBot, make_window: WindowFactory, fake_service: FakeCatalogService
) -> None:
    window = make_window(fake_service)
    shown = min(fake_service.records)
    window.detail.show_record(shown)

    window.window_actions[ActionId.COPY_CITATION].trigger()

    text = QGuiApplication.clipboard().text()
    assert text.startswith(f'"{fake_service.detail(shown).title}')


@pytest.fixture(autouse=True)
def _release_clipboard() -> Iterator[None]:
    """What the application does as it quits (the test process does not quit Qt)."""
    yield
    release_clipboard()
