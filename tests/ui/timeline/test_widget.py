"""The timeline as a user meets it: drag, click, keys and zoom offer date clauses."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import partial

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QFocusEvent, QHelpEvent, QKeyEvent, QWheelEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QToolTip
from pytestqt.qtbot import QtBot

from catalog.domain.query import parse_query
from catalog.domain.query_ast import DateTerm
from catalog.domain.records import FacetValue
from catalog.ui.timeline.model import Zoom
from catalog.ui.timeline.widget import Timeline

LEFT = Qt.MouseButton.LeftButton
NONE = Qt.KeyboardModifier.NoModifier
# 1955..1961 with 1958 empty; months spread over each year.
YEAR_COUNTS = {1955: 3, 1956: 12, 1957: 5, 1959: 40, 1960: 7, 1961: 1}
UNDATED = 4


def year_values(counts: dict[int, int]) -> list[FacetValue]:
    return [FacetValue(str(y), n, f"date:{y}") for y, n in counts.items()]


def month_values(counts: dict[int, int]) -> list[FacetValue]:
    values = []
    for year, count in counts.items():
        for month in range(1, count + 1 if count < 12 else 13):
            share = count // 12 + (1 if month <= count % 12 else 0) if count >= 12 else 1
            values.append(FacetValue(f"{year}-{month:02d}", share, f"date:{year}-{month:02d}"))
    return values


@pytest.fixture
def timeline(qtbot: QtBot) -> Iterator[Timeline]:
    widget = Timeline()
    qtbot.addWidget(widget)
    widget.resize(720, 160)
    with qtbot.waitExposed(widget):
        widget.show()
    total = sum(YEAR_COUNTS.values()) + UNDATED
    widget.set_data(year_values(YEAR_COUNTS), month_values(YEAR_COUNTS), total)
    yield widget


def bar(timeline: Timeline, label: str) -> QPoint:
    """The middle of the bar with this label."""
    index = next(i for i, b in enumerate(timeline.state.bins) if b.label == label)
    return timeline.chart.bar_rect(index).center().toPoint()


def drag(timeline: Timeline, start: QPoint, end: QPoint) -> None:
    chart = timeline.chart
    QTest.mousePress(chart, LEFT, NONE, start)
    middle = QPoint((start.x() + end.x()) // 2, start.y())
    QTest.mouseMove(chart, middle)
    QTest.mouseMove(chart, end)
    QTest.mouseRelease(chart, LEFT, NONE, end)


def chosen(qtbot: QtBot, timeline: Timeline, action: Callable[[], object]) -> str:
    """Do something and return the clause it offered (which must parse as a date range)."""
    with qtbot.waitSignal(timeline.range_chosen, timeout=500) as blocker:
        action()
    clause = str(blocker.args[0])
    assert isinstance(parse_query(clause), DateTerm)
    return clause


def dragged(qtbot: QtBot, timeline: Timeline, start: QPoint | str, end: QPoint | str) -> str:
    """The clause offered by a drag between two points or labelled bars."""
    first = bar(timeline, start) if isinstance(start, str) else start
    last = bar(timeline, end) if isinstance(end, str) else end
    return chosen(qtbot, timeline, partial(drag, timeline, first, last))


def entered(qtbot: QtBot, timeline: Timeline) -> str:
    """The clause offered by pressing Enter on the bars."""
    return chosen(qtbot, timeline, partial(QTest.keyClick, timeline.chart, Qt.Key.Key_Return))


def test_bars_cover_every_year_of_the_span(timeline: Timeline) -> None:
    bins = timeline.state.bins
    assert [b.label for b in bins] == [str(y) for y in range(1955, 1962)]
    assert bins[3].count == 0
    assert timeline.caption.text().startswith("1955 to 1961")


def test_the_undated_count_is_beside_the_bars(timeline: Timeline) -> None:
    assert timeline.undated.text() == "4 undated"
    assert timeline.undated.isVisible()
    assert "4 undated" in timeline.accessibleDescription()


def test_dragging_across_years_offers_a_year_range(qtbot: QtBot, timeline: Timeline) -> None:
    assert dragged(qtbot, timeline, "1955", "1957") == "date:1955..1957"


def test_dragging_backwards_gives_the_same_range(qtbot: QtBot, timeline: Timeline) -> None:
    assert dragged(qtbot, timeline, "1960", "1956") == "date:1956..1960"


def test_dragging_past_the_last_bar_stops_at_it(qtbot: QtBot, timeline: Timeline) -> None:
    beyond = QPoint(timeline.chart.width() + 50, bar(timeline, "1959").y())
    assert dragged(qtbot, timeline, "1959", beyond) == "date:1959..1961"


def test_the_range_being_dragged_is_shown_with_its_count(timeline: Timeline) -> None:
    chart = timeline.chart
    QTest.mousePress(chart, LEFT, NONE, bar(timeline, "1956"))
    QTest.mouseMove(chart, bar(timeline, "1959"))
    assert timeline.state.selection == (1, 4)
    assert timeline.caption.text().startswith("1956 to 1959: 57 records")
    QTest.mouseRelease(chart, LEFT, NONE, bar(timeline, "1959"))
    assert timeline.state.anchor is None


def test_a_click_offers_the_bar_itself(qtbot: QtBot, timeline: Timeline) -> None:
    click = partial(QTest.mouseClick, timeline.chart, LEFT, NONE, bar(timeline, "1959"))
    assert chosen(qtbot, timeline, click) == "date:1959"


def test_a_click_beside_the_bars_offers_nothing(qtbot: QtBot, timeline: Timeline) -> None:
    timeline.resize(2000, 160)  # bars have a widest size, so there is room beside them
    QApplication.processEvents()
    with qtbot.assertNotEmitted(timeline.range_chosen):
        QTest.mouseClick(timeline.chart, LEFT, NONE, QPoint(2, timeline.chart.height() // 2))


def test_zooming_to_months_then_dragging_offers_a_month_range(
    qtbot: QtBot, timeline: Timeline
) -> None:
    timeline.months_button.click()
    assert timeline.zoom is Zoom.MONTHS
    assert timeline.months_button.isChecked()
    labels = [b.label for b in timeline.state.bins]
    assert labels[0] == "1955-01"
    assert labels[-1] == "1961-12"
    assert dragged(qtbot, timeline, "1959-03", "1959-07") == "date:1959-03..1959-07"
    timeline.years_button.click()
    assert timeline.zoom is Zoom.YEARS


def test_a_double_click_zooms_into_that_year(timeline: Timeline) -> None:
    QTest.mouseDClick(timeline.chart, LEFT, NONE, bar(timeline, "1959"))
    assert timeline.zoom is Zoom.MONTHS
    current = timeline.state.current
    assert current is not None
    assert timeline.state.bins[current].label == "1959-01"


def test_keys_move_choose_and_zoom(qtbot: QtBot, timeline: Timeline) -> None:
    chart = timeline.chart
    chart.setFocus()
    QTest.keyClick(chart, Qt.Key.Key_Home)
    QTest.keyClick(chart, Qt.Key.Key_Right)
    assert "1956: 12 records" in chart.accessibleName()
    assert entered(qtbot, timeline) == "date:1956"
    QTest.keyClick(chart, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    QTest.keyClick(chart, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    assert entered(qtbot, timeline) == "date:1956..1958"
    QTest.keyClick(chart, Qt.Key.Key_Plus)
    assert timeline.zoom is Zoom.MONTHS
    QTest.keyClick(chart, Qt.Key.Key_Right)
    assert entered(qtbot, timeline) == "date:1958-02"
    QTest.keyClick(chart, Qt.Key.Key_Minus)
    assert timeline.zoom is Zoom.YEARS


def test_escape_drops_a_selection_but_is_left_to_the_window_otherwise(timeline: Timeline) -> None:
    chart = timeline.chart
    QTest.keyClick(chart, Qt.Key.Key_Home)
    QTest.keyClick(chart, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    assert timeline.state.selection == (0, 1)
    escape = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Escape, NONE)
    QApplication.sendEvent(chart, escape)
    assert escape.isAccepted()
    assert timeline.state.anchor is None
    again = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Escape, NONE)
    QApplication.sendEvent(chart, again)
    assert not again.isAccepted()  # the window's Esc clears the search


def overrides(timeline: Timeline, key: Qt.Key) -> bool:
    """True if the bars claim the key before the window's shortcuts see it."""
    event = QKeyEvent(QEvent.Type.ShortcutOverride, key, NONE)
    event.ignore()
    QApplication.sendEvent(timeline.chart, event)
    return event.isAccepted()


def test_the_bars_keys_win_over_window_shortcuts(timeline: Timeline) -> None:
    assert overrides(timeline, Qt.Key.Key_Return)
    assert overrides(timeline, Qt.Key.Key_Minus)
    assert not overrides(timeline, Qt.Key.Key_Escape)
    assert not overrides(timeline, Qt.Key.Key_Delete)
    QTest.keyClick(timeline.chart, Qt.Key.Key_Home)
    QTest.keyClick(timeline.chart, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    assert overrides(timeline, Qt.Key.Key_Escape)


def test_the_query_range_is_shaded(timeline: Timeline) -> None:
    timeline.set_query("citizenship date:1956..1959")
    assert timeline.state.shaded == (1, 4)
    assert "searching 1956 to 1959" in timeline.caption.text()
    timeline.zoom_in()
    shaded = timeline.state.shaded
    assert shaded is not None
    bins = timeline.state.bins
    assert (bins[shaded[0]].label, bins[shaded[1]].label) == ("1956-01", "1959-12")
    timeline.set_query("citizenship date:(")
    assert timeline.state.shaded is None
    timeline.set_query("citizenship")
    assert timeline.state.shaded is None


def test_a_new_result_keeps_the_zoom_and_the_range(timeline: Timeline) -> None:
    timeline.set_query("date:1959")
    timeline.zoom_in()
    timeline.set_data(year_values({1959: 40}), month_values({1959: 40}), 40)
    assert timeline.zoom is Zoom.MONTHS
    assert [b.label for b in timeline.state.bins][::11] == ["1959-01", "1959-12"]
    assert timeline.state.shaded == (0, 11)
    assert timeline.undated.text() == "0 undated"


def test_an_empty_result_is_quiet(timeline: Timeline) -> None:
    timeline.set_data([], [], 0)
    assert timeline.state.bins == []
    assert timeline.chart.placeholder == "No records"
    assert not timeline.undated.isVisible()
    assert not timeline.months_button.isEnabled()
    assert timeline.accessibleDescription() == "No records in this result."
    timeline.grab()


def test_a_result_with_no_dates_says_so(timeline: Timeline) -> None:
    timeline.set_data([], [], 9)
    assert timeline.chart.placeholder == "No dated records"
    assert timeline.undated.text() == "9 undated"


def test_without_month_counts_there_is_no_zoom(timeline: Timeline) -> None:
    timeline.set_data(year_values(YEAR_COUNTS), [], 80)
    assert not timeline.months_button.isEnabled()
    assert not timeline.zoom_in()


def test_tooltips_and_accessible_text_describe_the_bars(timeline: Timeline) -> None:
    assert timeline.chart.accessibleName() == "Timeline"
    description = timeline.chart.accessibleDescription()
    assert "68 dated records by year, 1955 to 1961; most in 1959 (40)" in description
    assert "Enter" in description
    assert timeline.state.bar_text(4) == "1959: 40 records"
    for button in (timeline.years_button, timeline.months_button):
        assert button.accessibleName()
        assert button.accessibleDescription()


def test_painting_two_thousand_months_is_cheap_enough_not_to_fail(qtbot: QtBot) -> None:
    widget = Timeline(month_window=200)
    qtbot.addWidget(widget)
    widget.resize(900, 160)
    counts = {year: (year * 7) % 50 + 1 for year in range(1830, 1997)}
    widget.set_data(year_values(counts), month_values(counts), sum(counts.values()))
    widget.set_query("date:1900..1950")
    widget.zoom_in()
    assert len(widget.state.bins) == 2004
    assert not widget.grab().isNull()
    widget.zoom_out()
    assert not widget.grab().isNull()


def wheel(timeline: Timeline, at: QPoint, dx: int = 0, dy: int = 0) -> None:
    event = QWheelEvent(
        QPointF(at),
        QPointF(timeline.chart.mapToGlobal(at)),
        QPoint(),
        QPoint(dx, dy),
        Qt.MouseButton.NoButton,
        NONE,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(timeline.chart, event)


def test_the_wheel_zooms_at_the_pointer_and_scrolls_sideways(qtbot: QtBot) -> None:
    widget = Timeline(month_window=3)
    qtbot.addWidget(widget)
    widget.resize(720, 160)
    counts = {year: 12 for year in range(1950, 1970)}
    widget.set_data(year_values(counts), month_values(counts), 240)
    wheel(widget, bar(widget, "1960"), dy=60)
    assert widget.zoom is Zoom.YEARS  # half a notch does nothing yet
    wheel(widget, bar(widget, "1960"), dy=60)
    assert widget.zoom is Zoom.MONTHS
    assert [widget.state.bins[i].label for i in (0, -1)] == ["1959-01", "1961-12"]
    wheel(widget, bar(widget, "1960-05"), dx=-120)
    assert widget.state.bins[0].label == "1960-01"
    wheel(widget, bar(widget, "1960-05"), dy=-120)
    assert widget.zoom is Zoom.YEARS


def test_a_tooltip_names_the_bar_and_its_count(timeline: Timeline) -> None:
    point = bar(timeline, "1959")
    event = QHelpEvent(QEvent.Type.ToolTip, point, timeline.chart.mapToGlobal(point))
    QApplication.sendEvent(timeline.chart, event)
    assert QToolTip.text() == "1959: 40 records"
    QToolTip.hideText()


def test_arriving_by_tab_highlights_the_start_of_the_range(timeline: Timeline) -> None:
    timeline.set_query("date:1957..1960")
    QApplication.sendEvent(
        timeline.chart, QFocusEvent(QEvent.Type.FocusIn, Qt.FocusReason.TabFocusReason)
    )
    assert timeline.state.current == 2
    assert timeline.chart.accessibleName() == "Timeline, 1957: 5 records"


def test_months_say_how_many_records_have_no_single_month(timeline: Timeline) -> None:
    # Only 1959's records have month counts; the 28 others are dated to the year, say.
    timeline.set_data(year_values(YEAR_COUNTS), month_values({1959: 40}), 72)
    timeline.zoom_in()
    assert timeline.state.without_month == 28
    assert "28 without a single month" in timeline.caption.text()
    assert "28 in these years have no single month" in timeline.accessibleDescription()
    timeline.zoom_out()
    assert "without" not in timeline.caption.text()
