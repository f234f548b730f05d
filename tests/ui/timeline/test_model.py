"""The timeline's state without a screen: zoom window, moving, scrolling, words."""

from __future__ import annotations

from itertools import pairwise

from catalog.domain.records import FacetValue
from catalog.ui.timeline.bins import Bin
from catalog.ui.timeline.geometry import axis_labels, bar_layout
from catalog.ui.timeline.model import TimelineState, Zoom


def state_over(first: int, last: int, window: int = 10) -> TimelineState:
    state = TimelineState(window)
    years = [FacetValue(str(y), 12, f"date:{y}") for y in range(first, last + 1)]
    months = [
        FacetValue(f"{y}-{m:02d}", 1, f"date:{y}-{m:02d}")
        for y in range(first, last + 1)
        for m in range(1, 13)
    ]
    state.set_data(years, months, 12 * (last - first + 1) + 5)
    return state


def labels(state: TimelineState) -> tuple[str, str]:
    return state.bins[0].label, state.bins[-1].label


def test_zooming_in_shows_a_window_of_years_around_the_chosen_one() -> None:
    state = state_over(1900, 2000)
    assert state.undated == 5
    assert state.zoom_in(at=50)
    assert state.zoom is Zoom.MONTHS
    assert labels(state) == ("1946-01", "1955-12")
    assert state.current is not None
    assert state.bins[state.current].label == "1950-01"


def test_the_window_stays_inside_the_span() -> None:
    state = state_over(1900, 2000)
    state.zoom_in(at=99)
    assert labels(state) == ("1991-01", "2000-12")
    state.zoom_out()
    state.zoom_in(at=0)
    assert labels(state) == ("1900-01", "1909-12")


def test_moving_past_the_window_scrolls_it_a_year() -> None:
    state = state_over(1900, 2000)
    state.zoom_in(at=0)
    state.go_to(len(state.bins) - 1)
    state.move(1)
    assert labels(state) == ("1901-01", "1910-12")
    assert state.current is not None
    assert state.bins[state.current].label == "1910-01"
    state.move(-12 * 11)
    assert labels(state) == ("1900-01", "1909-12")
    assert state.current == 0


def test_a_selection_survives_scrolling() -> None:
    state = state_over(1900, 2000)
    state.zoom_in(at=0)
    state.go_to(118)
    state.move(1, extend=True)
    state.move(12, extend=True)
    assert state.clause() == "date:1909-11..1910-12"


def test_scrolling_stops_at_the_ends() -> None:
    state = state_over(1900, 2000)
    state.zoom_in(at=0)
    assert not state.scroll(-1)
    assert state.scroll(500)
    assert labels(state) == ("1991-01", "2000-12")


def test_zooming_out_keeps_the_highlighted_year() -> None:
    state = state_over(1900, 2000)
    state.zoom_in(at=30)
    state.move(14)
    state.zoom_out()
    assert state.current is not None
    assert state.bins[state.current].label == "1931"


def test_a_new_result_keeps_the_highlight_where_the_period_remains() -> None:
    state = state_over(1950, 1960)
    state.go_to(5)
    narrower = [FacetValue(str(y), 1, f"date:{y}") for y in (1954, 1955, 1956)]
    state.set_data(narrower, [], 3)
    assert state.current is not None
    assert state.bins[state.current].label == "1955"
    assert state.zoom is Zoom.YEARS


def test_zoomed_in_without_month_counts_falls_back_to_years() -> None:
    state = state_over(1950, 1960)
    state.zoom_in()
    state.set_data([FacetValue("1955", 1, "date:1955")], [], 1)
    assert state.zoom is Zoom.YEARS
    assert not state.can_zoom_in


def test_axis_labels_never_crowd() -> None:
    bins = [Bin(y, y, 0, 1) for y in range(1850, 2000)]
    layout = bar_layout(0, 600, len(bins), widest=30)
    chosen = axis_labels(bins, layout.bar_width, label_width=40)
    positions = [layout.bar_left(i) for i, _ in chosen]
    assert all(b - a >= 40 for a, b in pairwise(positions))
    assert [text for _, text in chosen][:2] == ["1850", "1860"]


def test_month_axis_labels_name_years_and_months() -> None:
    bins = [Bin(1959, 1959, m, 1) for m in range(1, 13)]
    chosen = axis_labels(bins, bar_width=50, label_width=40)
    assert [text for _, text in chosen][:3] == ["1959", "Feb", "Mar"]
    assert axis_labels(bins[3:5], bar_width=1, label_width=40) == [(0, "1959-04")]
