"""Facets and gestures shared by the sidebar's tests."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPoint, Qt
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtWidgets import QApplication, QMenu, QTreeView
from pytestqt.qtbot import QtBot

from catalog.domain.records import Facet, FacetValue
from catalog.ui.filter_sidebar.saved_searches import SavedSearches
from catalog.ui.filter_sidebar.widget import FilterSidebar

SUBJECTS = (
    "Citizenship",
    "Têt Offensive",
    "Repatriation",
    "Education",
    "Agriculture",
    "Labour",
    "Housing",
    "Trade",
    "Culture",
    "Health",
    "Aviation",
    "Fisheries",
    "Tetanus",
)
FACETS = [
    Facet(
        "type",
        "Document type",
        (
            FacetValue("Cable", 5, "type:Cable"),
            FacetValue("Memo", 1, "type:Memo"),
            FacetValue("Record of Conversation", 2, 'type:"Record of Conversation"'),
        ),
    ),
    Facet("decade", "Decade", (FacetValue("1950s", 9, "date:1950s"),)),
    Facet("year", "Year", (FacetValue("1959", 7, "date:1959"),)),
    Facet("person", "Person", (FacetValue("Kim Il Sung", 3, 'person:"Kim Il Sung"'),)),
    Facet(
        "subject",
        "Subject",
        tuple(
            FacetValue(label, 20 - n, f'subject:"{label}"' if " " in label else f"subject:{label}")
            for n, label in enumerate(SUBJECTS)
        ),
    ),
    Facet("month", "Month", (FacetValue("1959-10", 2, "date:1959-10"),)),
    Facet("has", "Has", (FacetValue("Notes", 2, "has:notes"),)),
]


def make_sidebar(qtbot: QtBot, searches: SavedSearches | None = None) -> FilterSidebar:
    sidebar = FilterSidebar(searches)
    qtbot.addWidget(sidebar)
    sidebar.resize(320, 700)
    with qtbot.waitExposed(sidebar):
        sidebar.show()
    sidebar.set_facets(FACETS)
    return sidebar


def click(
    qtbot: QtBot,
    view: QTreeView,
    index: QModelIndex,
    modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier,
    double: bool = False,
) -> None:
    view.scrollTo(index)
    point = view.visualRect(index).center()
    if double:
        qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, modifier, point)
    else:
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, modifier, point)


def right_click(view: QTreeView, index: QModelIndex) -> None:
    """A context menu asked for with the mouse, over ``index``."""
    view.scrollTo(index)
    point = view.visualRect(index).center()
    event = QContextMenuEvent(
        QContextMenuEvent.Reason.Mouse, point, view.viewport().mapToGlobal(point)
    )
    QApplication.sendEvent(view.viewport(), event)


def menu_key(view: QTreeView) -> None:
    """The menu key: the platform sends the focused view a keyboard context menu event."""
    event = QContextMenuEvent(
        QContextMenuEvent.Reason.Keyboard, QPoint(0, 0), view.mapToGlobal(QPoint(0, 0))
    )
    QApplication.sendEvent(view, event)


def trigger(menu: QMenu | None, text: str) -> None:
    assert menu is not None and menu.isVisible()
    (action,) = [a for a in menu.actions() if a.text().replace("&", "") == text]
    action.trigger()
