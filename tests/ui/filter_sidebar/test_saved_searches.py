"""Saved searches are named queries kept in the settings; recent searches the last ten run."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QInputDialog, QWidget
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from catalog.ui.filter_sidebar.saved_searches import (
    RECENT_LIMIT,
    TYPING_SECONDS,
    SavedSearch,
    SavedSearches,
)
from catalog.ui.filter_sidebar.searches_model import QUERY_ROLE, RECENT, SAVED, SearchesModel
from catalog.ui.filter_sidebar.widget import FilterSidebar
from tests.ui.conftest import open_message_boxes
from tests.ui.filter_sidebar.helpers import click, make_sidebar, right_click, trigger

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support grabbing the keyboard")


class Clock:
    """Time that moves only when told: searches are a minute apart unless a test says so."""

    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        self.now += 60
        return self.now


def settings_at(path: Path) -> QSettings:
    return QSettings(str(path), QSettings.Format.IniFormat)


def store_at(path: Path) -> SavedSearches:
    return SavedSearches(settings_at(path), clock=Clock())


class Answers:
    """Stands in for QInputDialog.getText: gives the next answer and notes the prefill."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, *answers: tuple[str, bool]) -> None:
        self.answers = list(answers)
        self.asked: list[tuple[str, str]] = []
        monkeypatch.setattr(QInputDialog, "getText", self.get_text)

    def get_text(
        self, _parent: QWidget, title: str, _label: str, _mode: object, text: str
    ) -> tuple[str, bool]:
        self.asked.append((title, text))
        return self.answers.pop(0)


def saved_names(sidebar: FilterSidebar) -> list[str]:
    model = sidebar.searches_panel.model
    group = model.group_index(SAVED)
    return [model.index(row, 0, group).data() for row in range(model.rowCount(group))]


def test_saved_and_recent_searches_persist_in_the_settings_file(tmp_path: Path) -> None:
    path = tmp_path / "catalog.ini"
    store = store_at(path)
    store.save("Citizenship files", 'citizenship date:1955..1957 person:"Kim Il Sung"')
    store.save("Cables", "type:Cable")
    store.record("a, b")
    store.record("first\\second")
    again = store_at(path)
    assert again.saved == [
        SavedSearch("Citizenship files", 'citizenship date:1955..1957 person:"Kim Il Sung"'),
        SavedSearch("Cables", "type:Cable"),
    ]
    assert again.recent == ["first\\second", "a, b"]
    keys = settings_at(path).allKeys()
    assert "search/saved/size" in keys and "search/recent/size" in keys


def test_saving_a_name_again_replaces_it_in_place(tmp_path: Path) -> None:
    store = store_at(tmp_path / "s.ini")
    store.save("A", "a")
    store.save("B", "b")
    store.save(" A ", "a2")
    assert store.saved == [SavedSearch("A", "a2"), SavedSearch("B", "b")]
    assert store.name_for("a2 ") == "A"
    with pytest.raises(ValueError, match="needs a name"):
        store.save("C", "  ")


def test_renaming_refuses_a_taken_name(tmp_path: Path) -> None:
    store = store_at(tmp_path / "s.ini")
    store.save("A", "a")
    store.save("B", "b")
    assert not store.rename("A", "B")
    assert not store.rename("missing", "C")
    assert store.rename("A", "C")
    assert [s.name for s in store_at(tmp_path / "s.ini").saved] == ["C", "B"]


def test_recent_searches_are_distinct_newest_first_and_at_most_ten(tmp_path: Path) -> None:
    store = store_at(tmp_path / "s.ini")
    for n in range(RECENT_LIMIT + 3):
        store.record(f"query {n}")
    store.record("query 5")
    store.record("   ")
    expected = ["query 5", *(f"query {n}" for n in range(12, 2, -1) if n != 5)]
    assert store.recent == expected
    assert len(store.recent) == RECENT_LIMIT
    assert store_at(tmp_path / "s.ini").recent == expected


def test_typing_that_refines_the_newest_search_replaces_it(tmp_path: Path) -> None:
    now = [100.0]
    store = SavedSearches(settings_at(tmp_path / "s.ini"), clock=lambda: now[0])
    store.record("type:Memo")
    now[0] += TYPING_SECONDS * 2
    for text in ("cit", "citizen", "citizenship"):
        now[0] += 0.5
        store.record(text)
    assert store.recent == ["citizenship", "type:Memo"]
    now[0] += TYPING_SECONDS * 2
    store.record("citizenship type:Cable")  # a while later: a search of its own
    assert store.recent == ["citizenship type:Cable", "citizenship", "type:Memo"]


def test_the_model_lists_both_groups_and_passes_the_model_tester(
    qtmodeltester: ModelTester, tmp_path: Path
) -> None:
    store = store_at(tmp_path / "s.ini")
    model = SearchesModel(store)
    qtmodeltester.check(model)
    assert model.rowCount() == 0
    store.record("cable")
    store.save("Memos", "type:Memo")
    qtmodeltester.check(model)
    assert [model.index(r, 0).data() for r in range(2)] == ["Saved searches", "Recent searches"]
    memos = model.find(SAVED, "Memos")
    assert memos.data(QUERY_ROLE) == "type:Memo"
    assert model.find(RECENT, "cable").data(QUERY_ROLE) == "cable"
    assert memos.data(Qt.ItemDataRole.AccessibleDescriptionRole) == "Search for type:Memo"
    store.delete("Memos")
    assert model.rowCount() == 1


def test_a_search_run_again_reorders_the_rows_without_a_reset(
    qtmodeltester: ModelTester, tmp_path: Path
) -> None:
    # A reset lays the list and the sidebar out again: after every search, while the
    # list keeps its length, the rows take their new text in place instead.
    store = store_at(tmp_path / "s.ini")
    model = SearchesModel(store)
    for query in ("cable", "memo", "letter"):
        store.record(query)
    resets: list[None] = []
    changed: list[tuple[int, int]] = []
    model.modelReset.connect(lambda: resets.append(None))
    model.dataChanged.connect(lambda first, last: changed.append((first.row(), last.row())))
    store.record("cable")
    recent = model.group_index(RECENT)
    texts = [model.index(row, 0, recent).data(QUERY_ROLE) for row in range(3)]
    assert texts == ["cable", "letter", "memo"]
    assert (resets, (0, 2) in changed) == ([], True)
    qtmodeltester.check(model)
    store.record("telegram")  # one more row: laid out again
    assert len(resets) == 1
    assert model.rowCount(model.group_index(RECENT)) == 4
    qtmodeltester.check(model)


def test_save_search_asks_a_name_prefilled_and_lists_it(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sidebar = make_sidebar(qtbot, store_at(tmp_path / "s.ini"))
    assert not sidebar.save_button.isEnabled()  # nothing to save yet
    assert not sidebar.searches_panel.isVisible()
    answers = Answers(monkeypatch, ("Citizenship cables", True), ("", False))
    qtbot.keyClicks(sidebar.search_box.edit, "citizenship type:Cable")
    qtbot.mouseClick(sidebar.save_button, Qt.MouseButton.LeftButton)
    assert answers.asked == [("Save search", "citizenship type:Cable")]
    assert saved_names(sidebar) == ["Citizenship cables"]
    assert sidebar.searches_panel.isVisible()
    sidebar.save_current()  # the window's Ctrl+Shift+S; cancelled this time
    assert answers.asked[-1] == ("Save search", "Citizenship cables")  # its saved name
    assert saved_names(sidebar) == ["Citizenship cables"]
    assert store_at(tmp_path / "s.ini").saved == [
        SavedSearch("Citizenship cables", "citizenship type:Cable")
    ]


def test_activating_a_saved_search_puts_it_in_the_box_and_searches(
    qtbot: QtBot, tmp_path: Path
) -> None:
    store = store_at(tmp_path / "s.ini")
    store.save("Cables", "type:Cable")
    store.save("Memos", "type:Memo")
    sidebar = make_sidebar(qtbot, store)
    view, model = sidebar.searches_panel.view, sidebar.searches_panel.model
    with qtbot.waitSignal(sidebar.query_changed, timeout=100) as blocker:
        click(qtbot, view, model.find(SAVED, "Memos"))
    assert blocker.args == ["type:Memo"]
    view.setFocus()
    view.setCurrentIndex(model.find(SAVED, "Cables"))
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert sidebar.query == "type:Cable"


def test_rename_and_delete_from_the_context_menu(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = store_at(tmp_path / "s.ini")
    store.save("Cables", "type:Cable")
    store.save("Memos", "type:Memo")
    sidebar = make_sidebar(qtbot, store)
    panel = sidebar.searches_panel
    answers = Answers(monkeypatch, ("Telegrams", True))
    right_click(panel.view, panel.model.find(SAVED, "Cables"))
    trigger(panel.menu, "Rename…")
    assert answers.asked == [("Rename saved search", "Cables")]
    assert saved_names(sidebar) == ["Telegrams", "Memos"]
    right_click(panel.view, panel.model.find(SAVED, "Memos"))
    trigger(panel.menu, "Delete")
    assert saved_names(sidebar) == ["Telegrams"]
    assert [s.name for s in store_at(tmp_path / "s.ini").saved] == ["Telegrams"]


def test_f2_renames_and_delete_deletes_from_the_keyboard(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = store_at(tmp_path / "s.ini")
    store.save("Cables", "type:Cable")
    store.save("Memos", "type:Memo")
    sidebar = make_sidebar(qtbot, store)
    panel = sidebar.searches_panel
    Answers(monkeypatch, ("Memos", True))
    panel.view.setFocus()
    panel.view.setCurrentIndex(panel.model.find(SAVED, "Cables"))
    qtbot.keyClick(panel.view, Qt.Key.Key_F2)
    assert saved_names(sidebar) == ["Cables", "Memos"]  # the name is taken: nothing changed
    (box,) = open_message_boxes()
    assert "already a saved search" in box.text()
    box.close()
    panel.view.setCurrentIndex(panel.model.find(SAVED, "Memos"))
    qtbot.keyClick(panel.view, Qt.Key.Key_Delete)
    assert saved_names(sidebar) == ["Cables"]


def test_recent_searches_follow_the_searches_run(qtbot: QtBot, tmp_path: Path) -> None:
    sidebar = make_sidebar(qtbot, store_at(tmp_path / "s.ini"))
    for query in ("cable", "type:Memo", "cable"):
        sidebar.record_query_run(query)
    panel = sidebar.searches_panel
    group = panel.model.group_index(RECENT)
    recent = [panel.model.index(r, 0, group).data() for r in range(panel.model.rowCount(group))]
    assert recent == ["cable", "type:Memo"]
    assert panel.isVisible()
    click(qtbot, panel.view, panel.model.find(RECENT, "type:Memo"))
    assert sidebar.query == "type:Memo"
    right_click(panel.view, panel.model.find(RECENT, "cable"))
    trigger(panel.menu, "Clear recent searches")
    assert not panel.isVisible()


def test_folding_a_group_is_kept_when_the_list_changes(qtbot: QtBot, tmp_path: Path) -> None:
    sidebar = make_sidebar(qtbot, store_at(tmp_path / "s.ini"))
    sidebar.record_query_run("cable")
    panel = sidebar.searches_panel
    tall = panel.view.height()
    click(qtbot, panel.view, panel.model.group_index(RECENT))
    assert not panel.view.isExpanded(panel.model.group_index(RECENT))
    assert panel.view.height() < tall  # only as tall as its rows
    sidebar.record_query_run("memo")
    assert not panel.view.isExpanded(panel.model.group_index(RECENT))
