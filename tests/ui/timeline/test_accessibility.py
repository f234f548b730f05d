"""The timeline to a screen reader and in another language: names, descriptions, words."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication, Qt, QTranslator
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from catalog.domain.records import FacetValue
from catalog.ui.timeline.bins import Bin
from catalog.ui.timeline.geometry import axis_labels
from catalog.ui.timeline.widget import Timeline

YEARS = [FacetValue(str(year), 3, f"date:{year}") for year in range(1955, 1960)]
MONTHS = [FacetValue(f"1957-{month:02d}", 1, f"date:1957-{month:02d}") for month in (3, 10)]


class Marking(QTranslator):
    """Translates every text into itself between ‹ and ›, so untranslated words show."""

    def translate(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str:
        return f"‹{source}›"

    def isEmpty(self) -> bool:
        return False


@pytest.fixture
def marking() -> Iterator[None]:
    translator = Marking()
    app = QCoreApplication.instance()
    assert app is not None
    app.installTranslator(translator)
    yield
    app.removeTranslator(translator)


def unnamed(top: QWidget) -> list[str]:
    """Each focusable control of ``top`` without an accessible name or description."""
    found = []
    for widget in top.findChildren(QWidget):
        if widget.focusPolicy() == Qt.FocusPolicy.NoFocus:
            continue
        face = QAccessible.queryAccessibleInterface(widget)
        for text in (QAccessible.Text.Name, QAccessible.Text.Description):
            if not face.text(text).strip():
                found.append(f"{widget.objectName()}: no {text.name}")
    return found


def test_every_control_is_named_and_described_whatever_is_shown(qtbot: QtBot) -> None:
    timeline = Timeline()
    qtbot.addWidget(timeline)
    timeline.show()
    assert unnamed(timeline) == []
    timeline.set_data([], [], 0, pending=True)
    assert unnamed(timeline) == []
    timeline.set_data(YEARS, MONTHS, 20)
    assert unnamed(timeline) == []
    assert timeline.zoom_in()
    assert unnamed(timeline) == []


def test_words_go_through_the_translator(qtbot: QtBot, marking: None) -> None:
    assert Bin(1959, 1959, 10, 2).title == "‹October› 1959"
    assert Bin(1950, 1959, 0, 2).title == "‹1950 to 1959›"
    months = [Bin(1959, 1959, month, 1) for month in range(1, 4)]
    assert [text for _, text in axis_labels(months, 40, 10)] == ["1959", "‹Feb›", "‹Mar›"]
    timeline = Timeline()
    qtbot.addWidget(timeline)
    timeline.set_data([], [], 0)
    assert timeline.caption.text() == "‹Timeline›"
    assert timeline.chart.placeholder == "‹No records›"
    assert timeline.accessibleDescription() == "‹No records in this result.›"
    timeline.set_data(YEARS, MONTHS, 20)
    assert timeline.undated.text() == "‹5 undated›"
    assert timeline.caption.text() == "‹1955 to 1959› · ‹drag across the bars to choose dates›"
    timeline.set_query("date:1956..1957")
    assert timeline.caption.text().endswith(" · ‹searching ‹1956 to 1957››")
    description = timeline.chart.accessibleDescription()
    assert description.startswith("‹‹15 dated records› by year, ‹1955 to 1959›‹; most in 1955 (3)›")
    assert " ‹The search is limited to ‹1956 to 1957›.› ‹Drag across the bars" in description
    timeline.chart.state.go_to(2)
    timeline.chart.changed.emit()
    assert timeline.chart.accessibleName() == "‹Timeline›, 1957: ‹3 records›"
    assert timeline.zoom_in()
    assert "‹March› 1957: ‹1 record›" in [
        timeline.state.bar_text(i) for i in range(len(timeline.state.bins))
    ]
