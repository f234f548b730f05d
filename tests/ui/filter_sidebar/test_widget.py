"""Clicking a facet value adds its clause to the query text."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from pytestqt.qtbot import QtBot

from catalog.domain.records import Facet, FacetValue
from catalog.ui.filter_sidebar.widget import FilterSidebar, with_clause

FACETS = [
    Facet(
        "type",
        "Document type",
        (FacetValue("Cable", 5, "type:Cable"), FacetValue("Memo", 1, "type:Memo")),
    ),
    Facet("decade", "Decade", (FacetValue("1950s", 9, "date:1950s"),)),
    Facet("year", "Year", (FacetValue("1959", 7, "date:1959"),)),
]


def make_sidebar(qtbot: QtBot) -> FilterSidebar:
    sidebar = FilterSidebar()
    qtbot.addWidget(sidebar)
    sidebar.resize(300, 500)
    with qtbot.waitExposed(sidebar):
        sidebar.show()
    sidebar.set_facets(FACETS)
    return sidebar


def click(qtbot: QtBot, sidebar: FilterSidebar, index: QModelIndex, double: bool = False) -> None:
    sidebar.tree.scrollTo(index)
    point = sidebar.tree.visualRect(index).center()
    if double:
        qtbot.mouseDClick(sidebar.tree.viewport(), Qt.MouseButton.LeftButton, pos=point)
    else:
        qtbot.mouseClick(sidebar.tree.viewport(), Qt.MouseButton.LeftButton, pos=point)


def test_clicking_a_value_appends_its_clause(qtbot: QtBot) -> None:
    sidebar = make_sidebar(qtbot)
    qtbot.keyClicks(sidebar.search_box.edit, "citizenship")
    with qtbot.waitSignal(sidebar.query_changed, timeout=100) as blocker:
        click(qtbot, sidebar, sidebar.facets.find_value("Cable"))
    assert blocker.args == ["citizenship type:Cable"]
    assert sidebar.query == "citizenship type:Cable"


def test_clicking_twice_does_not_repeat_the_clause(qtbot: QtBot) -> None:
    sidebar = make_sidebar(qtbot)
    click(qtbot, sidebar, sidebar.facets.find_value("Cable"))
    click(qtbot, sidebar, sidebar.facets.find_value("Cable"), double=True)
    assert sidebar.query == "type:Cable"


def test_a_year_under_its_decade_can_be_clicked(qtbot: QtBot) -> None:
    sidebar = make_sidebar(qtbot)
    decade = sidebar.facets.find_value("1950s")
    assert not sidebar.tree.isExpanded(decade)
    sidebar.tree.expand(decade)
    click(qtbot, sidebar, sidebar.facets.find_value("1959"))
    assert sidebar.query == "date:1959"


def test_enter_on_a_value_applies_it(qtbot: QtBot) -> None:
    sidebar = make_sidebar(qtbot)
    sidebar.tree.setFocus()
    sidebar.tree.setCurrentIndex(sidebar.facets.find_value("Memo"))
    qtbot.keyClick(sidebar.tree, Qt.Key.Key_Return)
    assert sidebar.query == "type:Memo"


def test_collapsed_facets_stay_collapsed_after_new_counts(qtbot: QtBot) -> None:
    sidebar = make_sidebar(qtbot)
    types = sidebar.facets.group_index("type")
    assert sidebar.tree.isExpanded(types)
    click(qtbot, sidebar, types)  # clicking a heading folds it
    assert not sidebar.tree.isExpanded(sidebar.facets.group_index("type"))
    sidebar.set_facets(FACETS)
    assert not sidebar.tree.isExpanded(sidebar.facets.group_index("type"))
    assert sidebar.tree.isExpanded(sidebar.facets.group_index("decade"))


def test_with_clause() -> None:
    assert with_clause("", "type:Cable") == "type:Cable"
    assert with_clause("citizenship ", "type:Cable") == "citizenship type:Cable"
    assert with_clause("type:Cable citizenship", "type:Cable") == "type:Cable citizenship"
    assert with_clause("type:Cables", "type:Cable") == "type:Cables type:Cable"
    assert with_clause('a type:"Record of Conversation"', 'type:"Record of Conversation"') == (
        'a type:"Record of Conversation"'
    )
