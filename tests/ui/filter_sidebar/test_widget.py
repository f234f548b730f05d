"""Facet values include on a click and exclude on a second gesture; the text says which."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetrics
from pytestqt.qtbot import QtBot

from catalog.domain.records import Facet, FacetValue
from catalog.ui.filter_sidebar.model import APPLIED_ROLE
from tests.ui.filter_sidebar.helpers import (
    FACETS,
    click,
    make_sidebar,
    menu_key,
    right_click,
    trigger,
)

# Menus pop up for real; the offscreen platform cannot grab the keyboard for them.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support grabbing the keyboard")


def test_facets_follow_the_sidebar_order_without_the_month(qtbot: QtBot) -> None:
    sidebar = make_sidebar(qtbot)
    model = sidebar.facets
    headings = [model.index(row, 0).data() for row in range(model.rowCount())]
    assert headings == ["Person", "Subject", "Document type", "Decade", "Has"]


def test_clicking_a_value_appends_its_clause(qtbot: QtBot) -> None:
    sidebar = make_sidebar(qtbot)
    qtbot.keyClicks(sidebar.search_box.edit, "citizenship")
    with qtbot.waitSignal(sidebar.query_changed, timeout=100) as blocker:
        click(qtbot, sidebar.tree, sidebar.facets.find_value("Cable"))
    assert blocker.args == ["citizenship type:Cable"]
    assert sidebar.query == "citizenship type:Cable"


def test_clicking_twice_does_not_repeat_the_clause(qtbot: QtBot) -> None:
    sidebar = make_sidebar(qtbot)
    click(qtbot, sidebar.tree, sidebar.facets.find_value("Cable"))
    click(qtbot, sidebar.tree, sidebar.facets.find_value("Cable"), double=True)
    assert sidebar.query == "type:Cable"


def test_alt_click_excludes_a_value(qtbot: QtBot) -> None:
    sidebar = make_sidebar(qtbot)
    qtbot.keyClicks(sidebar.search_box.edit, "citizenship")
    with qtbot.waitSignal(sidebar.query_changed, timeout=100) as blocker:
        click(
            qtbot, sidebar.tree, sidebar.facets.find_value("Cable"), Qt.KeyboardModifier.AltModifier
        )
    assert blocker.args == ["citizenship -type:Cable"]


def test_the_context_menu_includes_or_excludes(qtbot: QtBot) -> None:
    sidebar = make_sidebar(qtbot)
    right_click(sidebar.tree, sidebar.facets.find_value("Cable"))
    trigger(sidebar.menu, "Exclude")
    assert sidebar.query == "-type:Cable"
    right_click(sidebar.tree, sidebar.facets.find_value("Cable"))
    trigger(sidebar.menu, "Include")
    assert sidebar.query == "type:Cable"  # flipped in place, not added twice


def test_a_heading_has_no_value_menu(qtbot: QtBot) -> None:
    sidebar = make_sidebar(qtbot)
    right_click(sidebar.tree, sidebar.facets.group_index("type"))
    assert sidebar.menu is None


def test_excluding_a_quoted_value_from_the_keyboard(qtbot: QtBot) -> None:
    sidebar = make_sidebar(qtbot)
    sidebar.tree.setFocus()
    sidebar.tree.setCurrentIndex(sidebar.facets.find_value("Record of Conversation"))
    qtbot.keyClick(sidebar.tree, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert sidebar.query == '-type:"Record of Conversation"'


def test_the_menu_key_opens_the_menu_for_the_current_value(qtbot: QtBot) -> None:
    sidebar = make_sidebar(qtbot)
    sidebar.tree.setFocus()
    sidebar.tree.setCurrentIndex(sidebar.facets.find_value("Memo"))
    menu_key(sidebar.tree)
    menu = sidebar.menu
    assert menu is not None and menu.isVisible()
    assert menu.accessibleName() == "Filter by type:Memo"
    qtbot.keyClick(menu, Qt.Key.Key_Down)
    qtbot.keyClick(menu, Qt.Key.Key_Down)
    qtbot.keyClick(menu, Qt.Key.Key_Return)
    assert sidebar.query == "-type:Memo"


def test_shift_f10_opens_the_menu_too(qtbot: QtBot) -> None:
    sidebar = make_sidebar(qtbot)
    sidebar.tree.setFocus()
    sidebar.tree.setCurrentIndex(sidebar.facets.find_value("Memo"))
    qtbot.keyClick(sidebar.tree, Qt.Key.Key_F10, Qt.KeyboardModifier.ShiftModifier)
    trigger(sidebar.menu, "Include")
    assert sidebar.query == "type:Memo"


def test_a_year_under_its_decade_can_be_clicked(qtbot: QtBot) -> None:
    sidebar = make_sidebar(qtbot)
    decade = sidebar.facets.find_value("1950s")
    assert not sidebar.tree.isExpanded(decade)
    sidebar.tree.expand(decade)
    click(qtbot, sidebar.tree, sidebar.facets.find_value("1959"))
    assert sidebar.query == "date:1959"


def test_enter_on_a_value_applies_it(qtbot: QtBot) -> None:
    sidebar = make_sidebar(qtbot)
    sidebar.tree.setFocus()
    sidebar.tree.setCurrentIndex(sidebar.facets.find_value("Memo"))
    qtbot.keyClick(sidebar.tree, Qt.Key.Key_Return)
    assert sidebar.query == "type:Memo"


def test_enter_on_a_heading_folds_it(qtbot: QtBot) -> None:
    sidebar = make_sidebar(qtbot)
    types = sidebar.facets.group_index("type")
    sidebar.tree.setFocus()
    sidebar.tree.setCurrentIndex(types)
    qtbot.keyClick(sidebar.tree, Qt.Key.Key_Return)
    assert not sidebar.tree.isExpanded(types)
    assert sidebar.query == ""


def test_collapsed_facets_stay_collapsed_after_new_counts(qtbot: QtBot) -> None:
    sidebar = make_sidebar(qtbot)
    types = sidebar.facets.group_index("type")
    assert sidebar.tree.isExpanded(types)
    click(qtbot, sidebar.tree, types)  # clicking a heading folds it
    assert not sidebar.tree.isExpanded(sidebar.facets.group_index("type"))
    sidebar.set_facets(FACETS)
    assert not sidebar.tree.isExpanded(sidebar.facets.group_index("type"))
    assert sidebar.tree.isExpanded(sidebar.facets.group_index("decade"))


def test_the_count_column_fits_the_widest_count_even_in_bold(qtbot: QtBot) -> None:
    sidebar = make_sidebar(qtbot)
    widest = Facet("type", "Document type", (FacetValue("Cable", 1_234_567, "type:Cable"),))
    sidebar.set_facets([widest])
    bold = QFont(sidebar.tree.font())
    bold.setBold(True)  # how an included value is shown
    needed = QFontMetrics(bold).horizontalAdvance("1,234,567")
    assert sidebar.tree.header().sectionSize(1) >= needed
    cable = sidebar.facets.find_value("Cable")
    assert sidebar.tree.visualRect(cable.siblingAtColumn(1)).width() >= needed
    sidebar.set_facets(FACETS)  # narrower counts: the label gets the room back
    assert sidebar.tree.header().sectionSize(1) < needed


def test_values_in_the_text_are_marked_however_the_text_changed(qtbot: QtBot) -> None:
    sidebar = make_sidebar(qtbot)
    qtbot.keyClicks(sidebar.search_box.edit, "-type:Memo citizenship")
    memo = sidebar.facets.find_value("Memo")
    assert memo.data(APPLIED_ROLE) == "exclude"
    assert memo.data(Qt.ItemDataRole.FontRole).strikeOut()
    click(qtbot, sidebar.tree, sidebar.facets.find_value("Cable"))
    cable = sidebar.facets.find_value("Cable")
    assert cable.data(APPLIED_ROLE) == "include"
    assert cable.data(Qt.ItemDataRole.FontRole).bold()
    assert "is in the search" in cable.data(Qt.ItemDataRole.AccessibleDescriptionRole)
    sidebar.set_query("type:Cable OR citizenship")  # either may hold: nothing is required
    assert sidebar.facets.find_value("Cable").data(APPLIED_ROLE) == ""


def test_controls_have_accessible_names(qtbot: QtBot) -> None:
    sidebar = make_sidebar(qtbot)
    for widget in (
        sidebar.search_box.edit,
        sidebar.save_button,
        sidebar.tree,
        sidebar.searches_panel.view,
        sidebar.chips,
    ):
        assert widget.accessibleName(), widget
    assert sidebar.tree.accessibleDescription().startswith("Click or Enter to include")
    assert sidebar.save_button.accessibleDescription()


def test_a_second_timeline_range_replaces_the_first(qtbot: QtBot) -> None:
    sidebar = make_sidebar(qtbot)
    qtbot.keyClicks(sidebar.search_box.edit, "citizenship")
    sidebar.set_range("date:1950..1959")
    with qtbot.waitSignal(sidebar.query_changed, timeout=100) as blocker:
        sidebar.set_range("date:1953")
    assert blocker.args == ["citizenship date:1953"]
