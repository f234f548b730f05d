"""The range a query's date clauses cover, and the bars it shades."""

from __future__ import annotations

import pytest

from catalog.ui.timeline.bins import month_bins, year_bins
from catalog.ui.timeline.ranges import DateRange, query_range, shaded_bars


@pytest.mark.parametrize(
    ("query", "words"),
    [
        ("citizenship date:1955..1957", "1955 to 1957"),
        ("date:1959-03..1959-07 type:cable", "1959-03 to 1959-07"),
        ("date:1959", "1959"),
        ("date:>=1959-10", "from 1959-10"),
        ("date:>1959", "from 1960"),
        ("date:<1959", "until 1958"),
        ("date:<=1957-03-04", "until 1957-03-04"),
        ("date:1950s date:1955..1970", "1955 to 1959"),
        ("(date:1950 OR date:1960) memo", "1950 to 1960"),
        ("date:-0044", "-44"),
    ],
)
def test_the_range_of_a_query(query: str, words: str) -> None:
    found = query_range(query)
    assert found is not None
    assert found.text() == words


@pytest.mark.parametrize(
    "query",
    ["", "citizenship", "-date:1959", "date:1950 OR memo", "date:1960 date:1950", "date:(", "x)"],
)
def test_queries_without_a_range(query: str) -> None:
    assert query_range(query) is None


def test_shading_covers_the_bars_the_range_touches() -> None:
    bins = year_bins({1950: 1, 1960: 1})
    assert shaded_bars(bins, query_range("date:1955..1957")) == (5, 7)
    assert shaded_bars(bins, query_range("date:>=1958")) == (8, 10)
    assert shaded_bars(bins, query_range("date:1959-03")) == (9, 9)
    assert shaded_bars(bins, query_range("date:1940..2000")) == (0, 10)
    assert shaded_bars(bins, query_range("date:1970")) is None
    assert shaded_bars(bins, None) is None
    assert shaded_bars([], DateRange(None, None)) is None


def test_a_month_range_shades_months() -> None:
    bins = month_bins({}, 1959, 1959)
    assert shaded_bars(bins, query_range("date:1959-03..1959-07")) == (2, 6)
    assert shaded_bars(bins, query_range("date:1959-10-03")) == (9, 9)
