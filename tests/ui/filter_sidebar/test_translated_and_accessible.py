"""The sidebar's words go through Qt's translation; its controls are named and described.

A stand-in translator marks every text it is asked for, so a test can tell a translated
text (marked) from one shown as is: facet titles and fixed words are translated, while
record values and the query language's clauses (``type:Cable``) never are.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication, Qt, QTimer, QTranslator
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QApplication, QInputDialog, QWidget
from pytestqt.qtbot import QtBot

from catalog.domain.query_ast import HasWhat
from catalog.domain.records import Facet, FacetValue
from catalog.services.search_engine import FACET_TITLES as SERVICE_TITLES
from catalog.ui.filter_sidebar.item import FACET_TITLES, HAS_LABELS, SHOW_ALL
from catalog.ui.filter_sidebar.model import CLAUSE_ROLE
from catalog.ui.filter_sidebar.saved_searches import SavedSearches
from tests.ui.filter_sidebar.helpers import FACETS, make_sidebar

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


class MarkingTranslator(QTranslator):
    """Translates every text to itself between ‹ and ›."""

    def translate(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str:
        del context, disambiguation, n
        return f"‹{source}›"

    def isEmpty(self) -> bool:
        return False


@pytest.fixture
def marking(qapp: QApplication) -> Iterator[None]:
    translator = MarkingTranslator()
    QCoreApplication.installTranslator(translator)
    yield
    QCoreApplication.removeTranslator(translator)


def accessible(widget: QWidget) -> tuple[str, str]:
    interface = QAccessible.queryAccessibleInterface(widget)
    return interface.text(QAccessible.Text.Name), interface.text(QAccessible.Text.Description)


def unnamed_controls(root: QWidget) -> list[str]:
    """The visible focusable controls under ``root`` lacking a name or a description."""
    return [
        f"{type(widget).__name__} {widget.objectName()!r} {accessible(widget)}"
        for widget in [root, *root.findChildren(QWidget)]
        if widget.isVisible()
        and widget.focusPolicy() != Qt.FocusPolicy.NoFocus
        and not all(accessible(widget))
    ]


def test_service_facet_titles_and_has_words_are_marked_for_translation() -> None:
    assert set(SERVICE_TITLES.values()) <= set(FACET_TITLES)
    assert {what.value.capitalize() for what in HasWhat} <= set(HAS_LABELS)


def test_every_control_of_the_sidebar_and_all_values_has_a_name_and_description(
    qtbot: QtBot,
) -> None:
    searches = SavedSearches()
    searches.save("Cables", "type:Cable")
    searches.record("date:1959")
    sidebar = make_sidebar(qtbot, searches)
    sidebar.set_query("type:Cable -type:Memo")
    assert sidebar.chips.chips and sidebar.searches_panel.isVisible()
    assert unnamed_controls(sidebar) == []
    (subject,) = [facet for facet in FACETS if facet.name == "subject"]
    sidebar.show_all_values(subject)
    assert sidebar.all_values is not None
    qtbot.waitExposed(sidebar.all_values)
    assert unnamed_controls(sidebar.all_values) == []


def test_the_name_dialog_describes_its_controls(qtbot: QtBot) -> None:
    sidebar = make_sidebar(qtbot, SavedSearches())
    found: list[list[str]] = []

    def inspect() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, QInputDialog)
        found.append(unnamed_controls(dialog))
        dialog.reject()

    QTimer.singleShot(0, inspect)
    assert not sidebar.searches_panel.save("type:Cable")
    assert found == [[]]


def test_titles_and_fixed_words_are_translated_but_values_and_clauses_are_not(
    qtbot: QtBot, marking: None
) -> None:
    sidebar = make_sidebar(qtbot)
    sidebar.set_facets([*FACETS, Facet("has", "Has", (FacetValue("Attachments", 1, "x"),))])
    model = sidebar.facets
    groups = [model.index(row, 0) for row in range(model.rowCount())]
    assert {group.data() for group in groups} >= {"‹Document type›", "‹Subject›", "‹Has›"}
    decade = model.find_value("‹1950s›")
    assert decade.data(CLAUSE_ROLE) == "date:1950s"
    assert model.index(0, 0, decade).data() == "1959"  # the years under it still found
    assert model.find_value("‹Attachments›").isValid()
    assert model.find_value(f"‹{SHOW_ALL}›").isValid()
    cable = model.find_value("Cable")
    assert cable.data(CLAUSE_ROLE) == "type:Cable"
    assert cable.data(Qt.ItemDataRole.AccessibleTextRole) == "‹Cable, 5 records›"
    assert (
        sidebar.search_box.edit.placeholderText()
        == "‹Search: words, type:Cable, date:1955..1957 …›"
    )


def test_the_english_text_is_unchanged(qtbot: QtBot) -> None:
    sidebar = make_sidebar(qtbot)
    model = sidebar.facets
    assert [model.index(row, 0).data() for row in range(model.rowCount())] == [
        "Person",
        "Subject",
        "Document type",
        "Decade",
        "Has",
    ]
    assert model.find_value("1950s").isValid()
    assert model.find_value("Notes").isValid()
    assert sidebar.search_box.edit.placeholderText() == (
        "Search: words, type:Cable, date:1955..1957 …"
    )
