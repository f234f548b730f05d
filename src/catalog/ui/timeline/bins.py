"""The bars of the timeline and the ``date:`` clauses they stand for (no widgets here).

Facet values arrive as labels ("1959", "1959-10") with counts; bars cover every period
of the span, empty ones included, so gaps show as gaps. A clause is written in a form
the query parser reads back as exactly the bars' bounds: four-digit years (``-0044``),
``Y`` for years beyond four digits, and ``0000~`` for year zero, whose plain form the
parser takes as "unknown". A bar's title is in words, translated in context
``TimelineBins``; labels and clauses are numbers and stay as they are.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from catalog.domain.date_clauses import month_text, year_text
from catalog.domain.dates import DayKey, day_key, last_day_key
from catalog.domain.records import FacetValue
from catalog.ui.translation import QT_TRANSLATE_NOOP

MONTH_NAMES = (
    QT_TRANSLATE_NOOP("TimelineBins", "January"),
    QT_TRANSLATE_NOOP("TimelineBins", "February"),
    QT_TRANSLATE_NOOP("TimelineBins", "March"),
    QT_TRANSLATE_NOOP("TimelineBins", "April"),
    QT_TRANSLATE_NOOP("TimelineBins", "May"),
    QT_TRANSLATE_NOOP("TimelineBins", "June"),
    QT_TRANSLATE_NOOP("TimelineBins", "July"),
    QT_TRANSLATE_NOOP("TimelineBins", "August"),
    QT_TRANSLATE_NOOP("TimelineBins", "September"),
    QT_TRANSLATE_NOOP("TimelineBins", "October"),
    QT_TRANSLATE_NOOP("TimelineBins", "November"),
    QT_TRANSLATE_NOOP("TimelineBins", "December"),
)
"""Month names in English, marked for translation (``month_name`` translates them)."""
MAX_YEAR_BARS = 1000
"""More years than this are grouped into bars of several years (a stray far-off date)."""

_STEPS = (1, 2, 5)
_YEAR = re.compile(r"Y?(-?\d+)")
_MONTH = re.compile(r"Y?(-?\d+)-(\d{1,2})")


@dataclass(frozen=True, slots=True)
class Bin:
    """One bar: a month (``month`` 1..12) or a run of years (``month`` 0).

    Attributes:
        first_year: the first year the bar covers.
        last_year: the last year it covers (equal to ``first_year`` for a month).
        month: the month, or 0 for a bar of whole years.
        count: records whose date starts in the period.
    """

    first_year: int
    last_year: int
    month: int
    count: int

    @property
    def first(self) -> DayKey:
        """The first day of the period."""
        return day_key(self.first_year, self.month or 1)

    @property
    def last(self) -> DayKey:
        """The last day of the period."""
        return last_day_key(self.last_year, self.month or 12)

    @property
    def label(self) -> str:
        """A short name for the axis: ``1959``, ``1950–1959``, ``1959-10``."""
        if self.month:
            return f"{self.first_year}-{self.month:02d}"
        if self.first_year == self.last_year:
            return str(self.first_year)
        return f"{self.first_year}–{self.last_year}"

    @property
    def title(self) -> str:
        """The period in words, for tooltips and screen readers."""
        if self.month:
            return f"{month_name(self.month)} {self.first_year}"
        if self.first_year == self.last_year:
            return str(self.first_year)
        return QCoreApplication.translate("TimelineBins", "{0} to {1}").format(
            self.first_year, self.last_year
        )

    @property
    def start_text(self) -> str | None:
        """The period's start as a query date (None: the parser cannot read it)."""
        if self.month:
            return month_text(self.first_year, self.month)
        return year_text(self.first_year)

    @property
    def end_text(self) -> str | None:
        """The period's end as a query date (None: the parser cannot read it)."""
        if self.month:
            return month_text(self.last_year, self.month)
        return year_text(self.last_year)


def month_name(month: int) -> str:
    """The name of ``month`` (1..12) in the interface's language."""
    return QCoreApplication.translate("TimelineBins", MONTH_NAMES[month - 1])


def range_clause(bins: list[Bin], start: int, end: int) -> str | None:
    """The ``date:`` clause covering bars ``start`` to ``end`` (either order), or None."""
    first, last = bins[min(start, end)], bins[max(start, end)]
    since, until = first.start_text, last.end_text
    if since is None or until is None:
        return None
    if since == until:
        return f"date:{since}"
    return f"date:{since}..{until}"


def year_counts(values: Iterable[FacetValue]) -> dict[int, int]:
    """Counts by year from ``year`` facet values; labels that are no year are skipped."""
    counts: dict[int, int] = {}
    for value in values:
        found = _YEAR.fullmatch(value.label.strip())
        if found and value.count > 0:
            year = int(found[1])
            counts[year] = counts.get(year, 0) + value.count
    return counts


def month_counts(values: Iterable[FacetValue]) -> dict[tuple[int, int], int]:
    """Counts by (year, month) from ``month`` facet values; other labels are skipped."""
    counts: dict[tuple[int, int], int] = {}
    for value in values:
        found = _MONTH.fullmatch(value.label.strip())
        if found and 1 <= int(found[2]) <= 12 and value.count > 0:
            key = (int(found[1]), int(found[2]))
            counts[key] = counts.get(key, 0) + value.count
    return counts


def years_per_bar(first: int, last: int, most: int = MAX_YEAR_BARS) -> int:
    """The smallest of 1, 2, 5, 10, 20, 50 … years per bar that needs at most ``most`` bars."""
    scale = 1
    while True:
        for step in _STEPS:
            size = step * scale
            if last // size - first // size + 1 <= most:
                return size
        scale *= 10


def year_bins(counts: Mapping[int, int], most: int = MAX_YEAR_BARS) -> list[Bin]:
    """Bars from the first to the last year counted, grouped when there are too many."""
    if not counts:
        return []
    first, last = min(counts), max(counts)
    size = years_per_bar(first, last, most)
    grouped: dict[int, int] = {}
    for year, count in counts.items():
        grouped[year // size] = grouped.get(year // size, 0) + count
    return [
        Bin(group * size, group * size + size - 1, 0, grouped.get(group, 0))
        for group in range(first // size, last // size + 1)
    ]


def month_bins(counts: Mapping[tuple[int, int], int], first: int, last: int) -> list[Bin]:
    """Bars for every month of the years ``first`` to ``last``."""
    return [
        Bin(year, year, month, counts.get((year, month), 0))
        for year in range(first, last + 1)
        for month in range(1, 13)
    ]


def bar_at(bins: list[Bin], key: DayKey) -> int | None:
    """The index of the bar whose period holds the day ``key``, if any."""
    low, high = 0, len(bins)
    while low < high:
        middle = (low + high) // 2
        if bins[middle].last < key:
            low = middle + 1
        else:
            high = middle
    return low if low < len(bins) and bins[low].first <= key else None
