"""A long facet's "Show all…" asks for every value; the window lists and filters them."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from catalog.domain.records import Facet, FacetValue
from catalog.ui.filter_sidebar.all_values import AllValuesDialog, FacetValuesModel
from catalog.ui.filter_sidebar.item import SHOW_ALL
from catalog.ui.filter_sidebar.model import CLAUSE_ROLE
from catalog.ui.filter_sidebar.widget import FilterSidebar
from tests.ui.filter_sidebar.helpers import (
    FACETS,
    SUBJECTS,
    click,
    make_sidebar,
    right_click,
    trigger,
)

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support grabbing the keyboard")

(SUBJECT,) = [facet for facet in FACETS if facet.name == "subject"]
ALL_SUBJECTS = Facet(
    "subject",
    "Subject",
    (*SUBJECT.values, FacetValue("Tết", 1, "subject:Tết"), FacetValue("Unused", 0, "subject:U")),
)


def shown(dialog: AllValuesDialog) -> list[str]:
    model = dialog.values
    return [model.index(row, 0).data() for row in range(model.rowCount())]


def open_all(qtbot: QtBot, sidebar: FilterSidebar) -> AllValuesDialog:
    show_all = sidebar.facets.find_value(SHOW_ALL)
    with qtbot.waitSignal(sidebar.all_values_requested, timeout=100) as blocker:
        click(qtbot, sidebar.tree, show_all)
    assert blocker.args == ["subject"]
    sidebar.show_all_values(ALL_SUBJECTS)  # what the window does with the service's answer
    dialog = sidebar.all_values
    assert dialog is not None
    qtbot.waitUntil(dialog.isActiveWindow, timeout=1000)
    return dialog


def test_the_model_filters_folded_and_passes_the_model_tester(
    qtmodeltester: ModelTester,
) -> None:
    model = FacetValuesModel()
    qtmodeltester.check(model)
    model.set_values(ALL_SUBJECTS.values)
    qtmodeltester.check(model)
    assert model.rowCount() == len(SUBJECTS) + 1  # the zero count is left out
    model.set_filter("  TET ")
    qtmodeltester.check(model)
    labels = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert labels == ["Têt Offensive", "Tetanus", "Tết"]
    assert model.index(1, 1).data() == "8"
    assert model.index(0, 0).data(CLAUSE_ROLE) == 'subject:"Têt Offensive"'
    model.set_values([FacetValue("Tết Nguyên Đán", 2, "subject:x")])  # the filter stays
    assert model.rowCount() == 1
    model.set_filter("")
    assert model.rowCount() == model.total == 1


def test_a_long_facet_shows_all_its_values_in_a_window_that_does_not_block(
    qtbot: QtBot,
) -> None:
    sidebar = make_sidebar(qtbot)
    subjects = sidebar.facets.group_index("subject")
    assert sidebar.facets.rowCount(subjects) == 11  # ten values and "Show all…"
    dialog = open_all(qtbot, sidebar)
    assert not dialog.isModal()
    assert dialog.windowTitle() == "All values: Subject"
    assert dialog.filter.hasFocus()
    assert len(shown(dialog)) == len(SUBJECTS) + 1
    assert dialog.summary.text() == f"{len(SUBJECTS) + 1} values"


def test_typing_in_the_filter_box_matches_without_accents(qtbot: QtBot) -> None:
    sidebar = make_sidebar(qtbot)
    dialog = open_all(qtbot, sidebar)
    qtbot.keyClicks(dialog.filter, "Tet")
    assert shown(dialog) == ["Têt Offensive", "Tetanus", "Tết"]
    assert dialog.summary.text() == f"3 of {len(SUBJECTS) + 1} values"
    qtbot.keyClicks(dialog.filter, "zzz")
    assert shown(dialog) == []
    assert not dialog.include_button.isEnabled()


def test_enter_in_the_filter_box_includes_the_first_match_and_closes(qtbot: QtBot) -> None:
    sidebar = make_sidebar(qtbot)
    sidebar.set_query("citizenship")
    dialog = open_all(qtbot, sidebar)
    qtbot.keyClicks(dialog.filter, "tetan")
    with qtbot.waitSignal(sidebar.query_changed, timeout=100) as blocker:
        qtbot.keyClick(dialog.filter, Qt.Key.Key_Return)
    assert blocker.args == ["citizenship subject:Tetanus"]
    assert not dialog.isVisible()


def test_down_then_shift_enter_excludes_from_the_list(qtbot: QtBot) -> None:
    sidebar = make_sidebar(qtbot)
    dialog = open_all(qtbot, sidebar)
    qtbot.keyClicks(dialog.filter, "tet")
    qtbot.keyClick(dialog.filter, Qt.Key.Key_Down)
    assert dialog.list.hasFocus()
    qtbot.keyClick(dialog.list, Qt.Key.Key_Down)
    qtbot.keyClick(dialog.list, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert sidebar.query == "-subject:Tetanus"


def test_click_includes_and_alt_click_excludes(qtbot: QtBot) -> None:
    sidebar = make_sidebar(qtbot)
    dialog = open_all(qtbot, sidebar)
    click(qtbot, dialog.list, dialog.values.index(len(SUBJECTS), 0))
    assert sidebar.query == "subject:Tết"
    dialog = open_all(qtbot, sidebar)
    click(qtbot, dialog.list, dialog.values.index(0, 1), Qt.KeyboardModifier.AltModifier)
    assert sidebar.query == "subject:Tết -subject:Citizenship"


def test_the_menu_and_the_buttons_include_or_exclude(qtbot: QtBot) -> None:
    sidebar = make_sidebar(qtbot)
    dialog = open_all(qtbot, sidebar)
    right_click(dialog.list, dialog.values.index(2, 0))
    trigger(dialog.menu, "Exclude")
    assert sidebar.query == "-subject:Repatriation"
    dialog = open_all(qtbot, sidebar)
    qtbot.keyClicks(dialog.filter, "labour")
    qtbot.mouseClick(dialog.include_button, Qt.MouseButton.LeftButton)
    assert sidebar.query == "-subject:Repatriation subject:Labour"
    assert dialog.include_button.accessibleName() == "Include value"
    assert dialog.exclude_button.accessibleName() == "Exclude value"
    assert dialog.filter.accessibleName() == "Filter Subject values"


def test_showing_another_facet_replaces_the_open_window(qtbot: QtBot) -> None:
    sidebar = make_sidebar(qtbot)
    first = open_all(qtbot, sidebar)
    sidebar.show_all_values(Facet("person", "Person", (FacetValue("Nam Il", 1, "person:x"),)))
    assert not first.isVisible()
    assert sidebar.all_values is not None and sidebar.all_values.facet_name == "person"
