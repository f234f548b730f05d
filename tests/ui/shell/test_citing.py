"""Copy citation from the window: the selection, in the style chosen, as text and HTML."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot

from catalog.ui.shell.actions import ActionId
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

    data = QGuiApplication.clipboard().mimeData()
    titles = [fake_service.detail(i).title for i in chosen]
    assert all(title in data.text() for title in titles)
    assert data.html().count("<p>") == 2
    assert "2 citations (Chicago (note))" in window.statusBar().currentMessage()


def test_with_nothing_selected_the_shown_record_is_cited(
    qtbot: QtBot, make_window: WindowFactory, fake_service: FakeCatalogService
) -> None:
    window = make_window(fake_service)
    qtbot.waitUntil(lambda: window.record_list.records.rowCount() > 0)
    window.record_list.selectRow(0)
    shown = window.record_list.selected_ids()[0]
    window.record_list.clearSelection()
    window.detail.show_record(shown)

    window.window_actions[ActionId.COPY_CITATION].trigger()

    text = QGuiApplication.clipboard().text()
    assert text.startswith(f'"{fake_service.detail(shown).title}')
