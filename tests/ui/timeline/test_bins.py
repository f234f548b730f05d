"""Bars and their clauses: every clause the timeline writes reads back as its bars' days."""

from __future__ import annotations

import pytest

from catalog.domain.query import parse_query
from catalog.domain.query_ast import DateTerm
from catalog.domain.records import FacetValue
from catalog.ui.timeline.bins import (
    Bin,
    bar_at,
    month_bins,
    month_counts,
    range_clause,
    year_bins,
    year_counts,
    years_per_bar,
)


def years(*pairs: tuple[int, int]) -> list[FacetValue]:
    return [FacetValue(str(year), count, f"date:{year}") for year, count in pairs]


def assert_covers(clause: str, first: Bin, last: Bin) -> None:
    node = parse_query(clause)
    assert isinstance(node, DateTerm), clause
    assert (node.lower, node.upper) == (first.first, last.last), clause


@pytest.mark.parametrize("year", [1959, 1, -1, -44, 0, 9999, -9999, 10000, 123456, -12345])
def test_a_year_clause_reads_back_as_that_year(year: int) -> None:
    bins = year_bins({year: 3})
    clause = range_clause(bins, 0, 0)
    assert clause is not None
    assert_covers(clause, bins[0], bins[0])


@pytest.mark.parametrize("year", [1959, 1, -1, -44, 0, 9998, -9999])
def test_month_clauses_read_back_as_those_months(year: int) -> None:
    bins = month_bins({}, year, year + 1)
    for start, end in [(0, 0), (2, 6), (11, 12), (0, 23)]:
        clause = range_clause(bins, end, start)
        assert clause is not None
        assert_covers(clause, bins[start], bins[end])


def test_the_forms_the_query_language_documents() -> None:
    bins = year_bins({1955: 1, 1957: 2})
    assert range_clause(bins, 0, 2) == "date:1955..1957"
    assert range_clause(bins, 1, 1) == "date:1956"
    months = month_bins({}, 1959, 1959)
    assert range_clause(months, 2, 6) == "date:1959-03..1959-07"
    assert range_clause(months, 9, 9) == "date:1959-10"


def test_a_range_across_year_zero_reads_back() -> None:
    bins = year_bins({-2: 1, 2: 1})
    assert range_clause(bins, 0, 2) == "date:-0002..0000~"
    for start in range(5):
        for end in range(start, 5):
            clause = range_clause(bins, start, end)
            assert clause is not None
            assert_covers(clause, bins[start], bins[end])


def test_months_beyond_four_digit_years_have_no_clause() -> None:
    assert range_clause(month_bins({}, 12345, 12345), 0, 3) is None


def test_empty_years_inside_the_span_are_bars_of_zero() -> None:
    bins = year_bins(year_counts(years((1959, 4), (1955, 2))))
    assert [(b.first_year, b.count) for b in bins] == [
        (1955, 2),
        (1956, 0),
        (1957, 0),
        (1958, 0),
        (1959, 4),
    ]


def test_labels_that_are_no_period_are_skipped() -> None:
    values = [*years((1959, 4)), FacetValue("unknown", 3, ""), FacetValue("1959", 0, "")]
    assert year_counts(values) == {1959: 4}
    months = [
        FacetValue("1959-10", 2, "date:1959-10"),
        FacetValue("-0044-03", 1, "date:-0044-03"),
        FacetValue("1959-13", 5, ""),
        FacetValue("1959", 5, ""),
    ]
    assert month_counts(months) == {(1959, 10): 2, (-44, 3): 1}


def test_a_far_off_date_groups_years_instead_of_making_millions_of_bars() -> None:
    bins = year_bins({1959: 10, 170_000_002: 1}, most=1000)
    assert len(bins) <= 1000
    assert sum(b.count for b in bins) == 11
    size = years_per_bar(1959, 170_000_002, 1000)
    assert bins[0].last_year - bins[0].first_year + 1 == size
    clause = range_clause(bins, 0, len(bins) - 1)
    assert clause is not None
    assert_covers(clause, bins[0], bins[-1])


def test_years_per_bar_keeps_single_years_for_a_normal_span() -> None:
    assert years_per_bar(1850, 2000) == 1
    assert years_per_bar(0, 1500, most=1000) == 2
    assert years_per_bar(-3000, 2024, most=1000) == 10


def test_bar_at_finds_the_bar_holding_a_day() -> None:
    bins = month_bins({}, 1959, 1960)
    assert bar_at(bins, 19591015) == 9
    assert bar_at(bins, 19601231) == 23
    assert bar_at(bins, 19581231) is None
    assert bar_at(bins, 19610101) is None
    assert bar_at([], 19590101) is None


def test_periods_in_words() -> None:
    assert Bin(1959, 1959, 10, 2).title == "October 1959"
    assert Bin(1950, 1959, 0, 2).title == "1950 to 1959"
    assert Bin(1950, 1959, 0, 2).label == "1950–1959"
    assert Bin(-44, -44, 0, 2).label == "-44"
