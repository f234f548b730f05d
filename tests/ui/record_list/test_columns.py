"""Columns: shown and hidden from the header's menu, moved, resized, saved and restored."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings
from pytestqt.qtbot import QtBot

from catalog.domain.views import SortKey, SortOrder
from catalog.ui.record_list.widget import RecordList
from tests.ui.fakes import FakeCatalogService
from tests.ui.record_list.driving import make_list

DEFAULT = ["date", "title", "type", "archive"]


def menu_entries(view: RecordList) -> list[tuple[str, bool, bool]]:
    """(text, checked, enabled) of each column entry of the header's menu."""
    menu = view.column_menu()
    return [(a.text(), a.isChecked(), a.isEnabled()) for a in menu.actions() if a.isCheckable()]


def trigger(view: RecordList, text: str) -> None:
    menu = view.column_menu()
    action = next(a for a in menu.actions() if a.text() == text)
    assert action.isEnabled()
    action.trigger()


def test_date_title_type_and_archive_show_at_first(
    qtbot: QtBot, fake_service: FakeCatalogService
) -> None:
    view = make_list(qtbot, fake_service)
    assert view.header.visible_keys() == DEFAULT
    assert menu_entries(view) == [
        ("Date", True, True),
        ("Title", True, True),
        ("Type", True, True),
        ("Archive", True, True),
        ("Language", False, True),
        ("People", False, True),
        ("Id", False, True),
    ]
    header = view.horizontalHeader()
    assert header.sectionsMovable() and header.sectionsClickable()


def test_the_menu_shows_and_hides_columns(qtbot: QtBot, fake_service: FakeCatalogService) -> None:
    view = make_list(qtbot, fake_service)
    trigger(view, "People")
    trigger(view, "Type")
    assert view.header.visible_keys() == ["date", "title", "archive", "people"]
    assert view.columnWidth(5) > 0 and view.isColumnHidden(2)
    trigger(view, "Type")
    assert view.header.visible_keys() == ["date", "title", "type", "archive", "people"]


def test_the_last_visible_column_cannot_be_hidden(
    qtbot: QtBot, fake_service: FakeCatalogService
) -> None:
    view = make_list(qtbot, fake_service)
    for text in ("Date", "Type", "Archive"):
        trigger(view, text)
    assert view.header.visible_keys() == ["title"]
    assert ("Title", True, False) in menu_entries(view)


def test_the_menu_lists_columns_in_their_shown_order_and_resets_them(
    qtbot: QtBot, fake_service: FakeCatalogService
) -> None:
    view = make_list(qtbot, fake_service)
    header = view.horizontalHeader()
    header.moveSection(header.visualIndex(3), 0)  # drag Archive to the front
    trigger(view, "Id")
    assert [text for text, _c, _e in menu_entries(view)][:3] == ["Archive", "Date", "Title"]
    assert view.header.visible_keys() == ["archive", "date", "title", "type", "id"]
    trigger(view, "Reset Columns")
    assert view.header.visible_keys() == DEFAULT


def test_moved_resized_and_hidden_columns_survive_save_and_restore(
    qtbot: QtBot, fake_service: FakeCatalogService
) -> None:
    view = make_list(qtbot, fake_service)
    header = view.horizontalHeader()
    header.moveSection(header.visualIndex(2), 0)  # Type first
    trigger(view, "Language")
    trigger(view, "Archive")
    header.resizeSection(0, 222)
    state = view.save_state()
    shown = view.header.visible_keys()
    assert shown == ["type", "date", "title", "language"]

    again = make_list(qtbot, fake_service)
    assert again.restore_state(state) is True
    assert again.header.visible_keys() == shown
    assert again.columnWidth(0) == 222
    assert again.horizontalHeader().sectionsMovable()
    assert again.save_state() == state
    assert make_list(qtbot, fake_service).restore_state(bytes(state.data())) is True


def test_restoring_garbage_keeps_the_defaults(
    qtbot: QtBot, fake_service: FakeCatalogService
) -> None:
    view = make_list(qtbot, fake_service)
    width = view.columnWidth(0)
    for garbage in (
        QByteArray(),
        QByteArray(b"\x00\xff garbage"),
        QByteArray(b"[1, 2]"),
        QByteArray(json.dumps({"format": "other", "version": 1, "header": ""}).encode()),
        view.horizontalHeader().saveState(),  # Qt's own state, without ours around it
        None,  # what empty settings give
        "text",
    ):
        assert view.restore_state(garbage) is False
        assert view.header.visible_keys() == DEFAULT
        assert view.columnWidth(0) == width


def test_a_state_for_other_columns_or_with_a_broken_header_is_refused(
    qtbot: QtBot, fake_service: FakeCatalogService
) -> None:
    view = make_list(qtbot, fake_service)
    saved = json.loads(bytes(view.save_state().data()))
    other = dict(saved, columns=["date", "title"])
    assert view.restore_state(QByteArray(json.dumps(other).encode())) is False
    broken = dict(saved, header="bm90IGEgaGVhZGVy")  # base64 of "not a header"
    trigger(view, "Id")
    assert view.restore_state(QByteArray(json.dumps(broken).encode())) is False
    assert view.header.visible_keys() == [*DEFAULT, "id"]  # nothing was applied


def test_restoring_keeps_the_sort_shown(qtbot: QtBot, fake_service: FakeCatalogService) -> None:
    view = make_list(qtbot, fake_service)
    header = view.horizontalHeader()
    state = view.save_state()  # sorted by date
    trigger(view, "Id")
    view.show_sort((SortOrder(SortKey.ID, True),))
    assert view.restore_state(state)
    assert header.sortIndicatorSection() == 6  # the window's sort, not the saved one
    assert view.sort_orders() == (SortOrder(SortKey.ID, True),)


def test_the_state_round_trips_through_settings(
    qtbot: QtBot, fake_service: FakeCatalogService, tmp_path: Path
) -> None:
    view = make_list(qtbot, fake_service)
    trigger(view, "People")
    settings = QSettings(str(tmp_path / "catalog.ini"), QSettings.Format.IniFormat)
    settings.setValue("recordList/columns", view.save_state())
    settings.sync()
    again = make_list(qtbot, fake_service)
    stored = QSettings(str(tmp_path / "catalog.ini"), QSettings.Format.IniFormat)
    assert again.restore_state(stored.value("recordList/columns")) is True
    assert again.header.visible_keys() == [*DEFAULT, "people"]
    assert again.restore_state(stored.value("recordList/missing")) is False
