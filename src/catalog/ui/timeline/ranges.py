"""The date range a query asks for, so the timeline can draw it (no widgets here).

The search box is the single truth: the timeline reads its range back from the query
text rather than remembering what was dragged, so a range typed by hand, or edited,
is drawn the same way.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from catalog.domain import query_ast as q
from catalog.domain.dates import DayKey, days_in_month, split_day_key
from catalog.domain.errors import QueryError
from catalog.domain.query import parse_query
from catalog.ui.timeline.bins import Bin


@dataclass(frozen=True)
class DateRange:
    """Days a query's dates must start in; None is an open end."""

    lower: DayKey | None
    upper: DayKey | None

    def text(self) -> str:
        """The range in words: ``1955 to 1957``, ``from 1959-10``, ``until 1957-03-04``."""
        if self.lower is not None and self.upper is not None:
            since, until = _start_text(self.lower), _end_text(self.upper)
            if since == until:
                return since
            return QCoreApplication.translate("DateRange", "{0} to {1}").format(since, until)
        if self.lower is not None:
            return QCoreApplication.translate("DateRange", "from {0}").format(
                _start_text(self.lower)
            )
        if self.upper is not None:
            return QCoreApplication.translate("DateRange", "until {0}").format(
                _end_text(self.upper)
            )
        return QCoreApplication.translate("DateRange", "any date")


def query_range(text: str) -> DateRange | None:
    """The range the query's date clauses cover; None when they set none (or it is malformed).

    Clauses joined by AND narrow the range, alternatives joined by OR widen it to
    cover them all; a negated clause sets no range. An empty range counts as none.
    """
    try:
        node = parse_query(text)
    except QueryError:
        return None
    found = _range(node)
    if found is None or found == DateRange(None, None):
        return None
    if found.lower is not None and found.upper is not None and found.lower > found.upper:
        return None
    return found


def shaded_bars(bins: list[Bin], span: DateRange | None) -> tuple[int, int] | None:
    """The first and last bar the range touches, or None when it touches none."""
    if span is None or not bins:
        return None
    first = 0
    while first < len(bins) and span.lower is not None and bins[first].last < span.lower:
        first += 1
    last = len(bins) - 1
    while last >= first and span.upper is not None and bins[last].first > span.upper:
        last -= 1
    return (first, last) if first <= last else None


def _range(node: q.Node) -> DateRange | None:
    if isinstance(node, q.DateTerm):
        return DateRange(node.lower, node.upper)
    if isinstance(node, q.And):
        ranges = [found for item in node.items if (found := _range(item)) is not None]
        if not ranges:
            return None
        lowers = [r.lower for r in ranges if r.lower is not None]
        uppers = [r.upper for r in ranges if r.upper is not None]
        return DateRange(max(lowers, default=None), min(uppers, default=None))
    if isinstance(node, q.Or):
        alternatives = [_range(item) for item in node.items]
        if any(found is None for found in alternatives):
            return None  # one alternative allows any date
        lowers = [found.lower for found in alternatives if found and found.lower is not None]
        uppers = [found.upper for found in alternatives if found and found.upper is not None]
        return DateRange(
            min(lowers) if len(lowers) == len(alternatives) else None,
            max(uppers) if len(uppers) == len(alternatives) else None,
        )
    return None


def _start_text(key: DayKey) -> str:
    year, month, day = split_day_key(key)
    if day > days_in_month(year, month):  # date:>1959 starts the day after 1959-12-31
        year, month, day = (year + 1, 1, 1) if month == 12 else (year, month + 1, 1)
    if (month, day) == (1, 1):
        return str(year)
    return f"{year}-{month:02d}" if day == 1 else f"{year}-{month:02d}-{day:02d}"


def _end_text(key: DayKey) -> str:
    year, month, day = split_day_key(key)
    if day == 0:  # date:<1959 ends the day before 1959-01-01
        year, month = (year - 1, 12) if month == 1 else (year, month - 1)
        day = days_in_month(year, month)
    if (month, day) == (12, 31):
        return str(year)
    if day == days_in_month(year, month):
        return f"{year}-{month:02d}"
    return f"{year}-{month:02d}-{day:02d}"
