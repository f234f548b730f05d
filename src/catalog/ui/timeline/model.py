"""What the timeline shows and where the user is in it, kept apart from painting.

The painted widget only maps pixels to bar indexes; zooming, the month window, the
highlighted bar, the selection being made and the range of the query all live here,
where they can be reasoned about (and tested) without a screen. Its sentences (for
captions, tooltips and screen readers) are translated in context ``TimelineState``,
counts of records in ``TimelineCounts``.
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import Enum

from PySide6.QtCore import QCoreApplication, QObject

from catalog.domain.records import FacetValue
from catalog.ui.timeline.bins import (
    Bin,
    bar_at,
    month_bins,
    month_counts,
    range_clause,
    year_bins,
    year_counts,
)
from catalog.ui.timeline.ranges import DateRange, query_range, shaded_bars

MONTH_WINDOW_YEARS = 10
"""How many years of months are shown at once when zoomed in (120 bars)."""


class Zoom(Enum):
    """Whether a bar is a year (or a run of years) or a month."""

    YEARS = "years"
    MONTHS = "months"


class TimelineCounts(QObject):
    """Counts of records in words, their noun agreeing with the number in any language.

    A QObject only so that ``tr`` with a count marks numerus forms for ``lupdate``.
    """

    def records(self, n: int) -> str:
        """``1 record``, ``1,234 records``."""
        text = self.tr("{0} record", "", n) if n == 1 else self.tr("{0} records", "", n)
        return text.format(f"{n:,}")

    def dated_records(self, n: int) -> str:
        """``1 dated record``, ``12 dated records``."""
        text = self.tr("{0} dated record", "", n) if n == 1 else self.tr("{0} dated records", "", n)
        return text.format(f"{n:,}")

    def none_dated(self, n: int) -> str:
        """A result of ``n`` records none of which has a date."""
        if n == 1:
            text = self.tr("None of the {0} record in this result is dated.", "", n)
        else:
            text = self.tr("None of the {0} records in this result is dated.", "", n)
        return text.format(f"{n:,}")


_COUNTS = TimelineCounts()


class TimelineState:
    """The bars of the current result, the zoom, the highlighted bar and the selection.

    Attributes:
        total: records in the result, dated or not.
        undated: records in the result without a start date.
        zoom: years or months.
        window: the first and last year shown as months (when zoomed in).
        bins: the bars shown, oldest first.
        current: the highlighted bar (keyboard or last click), if any.
        anchor: the other end of a selection being made, if any.
        range: the date range of the current query, if it has one.
        shaded: the first and last bar that range touches.
    """

    def __init__(self, month_window: int = MONTH_WINDOW_YEARS) -> None:
        self.month_window = max(1, month_window)
        self.years: dict[int, int] = {}
        self.months: dict[tuple[int, int], int] = {}
        self.total = 0
        self.undated = 0
        self.zoom = Zoom.YEARS
        self.window: tuple[int, int] | None = None
        self.bins: list[Bin] = []
        self.current: int | None = None
        self.anchor: int | None = None
        self.range: DateRange | None = None
        self.shaded: tuple[int, int] | None = None

    # ------------------------------------------------------------------ data

    def set_data(
        self, years: Iterable[FacetValue], months: Iterable[FacetValue], total: int
    ) -> None:
        """Take the year and month counts of a new result; keep the zoom where it can."""
        self.years = year_counts(years)
        self.months = month_counts(months)
        self.total = max(total, 0)
        self.undated = max(self.total - sum(self.years.values()), 0)
        if self.zoom is Zoom.MONTHS and not self.can_zoom_in_data:
            self.zoom = Zoom.YEARS
        self._rebuild()

    def set_query(self, text: str) -> None:
        """Take the current query text and find the date range it covers."""
        self.range = query_range(text)
        self.shaded = shaded_bars(self.bins, self.range)

    @property
    def can_zoom_in_data(self) -> bool:
        """True when there are month counts to zoom into."""
        return bool(self.months) and bool(self.years)

    @property
    def can_zoom_in(self) -> bool:
        """True when the bars are years and months can be shown."""
        return self.zoom is Zoom.YEARS and self.can_zoom_in_data

    @property
    def can_zoom_out(self) -> bool:
        """True when the bars are months."""
        return self.zoom is Zoom.MONTHS

    # ------------------------------------------------------------------ zoom

    def zoom_in(self, at: int | None = None) -> bool:
        """Show months around the year of bar ``at`` (else the highlighted or middle one)."""
        if not self.can_zoom_in:
            return False
        index = at if at is not None else self.current
        first, last = min(self.years), max(self.years)
        if index is not None and 0 <= index < len(self.bins):
            chosen = self.bins[index]
            year = (chosen.first_year + chosen.last_year) // 2
        else:
            year = (first + last) // 2
        start = min(max(year - (self.month_window - 1) // 2, first), last - self.month_window + 1)
        self.window = (max(start, first), min(max(start, first) + self.month_window - 1, last))
        self.zoom = Zoom.MONTHS
        self.current = None
        self._rebuild()
        self.current = bar_at(self.bins, Bin(year, year, 1, 0).first)
        return True

    def zoom_out(self) -> bool:
        """Show years again, the highlighted month's year highlighted."""
        if not self.can_zoom_out:
            return False
        self.zoom = Zoom.YEARS
        self._rebuild()
        return True

    # ------------------------------------------------------------------ moving

    def move(self, step: int, extend: bool = False) -> None:
        """Move the highlight ``step`` bars; a month window scrolls past its edges."""
        if not self.bins:
            return
        if self.current is None:
            self.current = self.shaded[0] if self.shaded else 0
            return
        wanted = self.current + step
        while wanted < 0 and self._scroll(-1):
            wanted += 12
        while wanted >= len(self.bins) and self._scroll(1):
            wanted -= 12
        self.go_to(wanted, extend)

    def go_to(self, index: int, extend: bool = False) -> None:
        """Highlight bar ``index`` (clamped); ``extend`` grows a selection from the old one."""
        if not self.bins:
            return
        if extend and self.anchor is None:
            self.anchor = self.current if self.current is not None else index
        elif not extend:
            self.anchor = None
        self.current = min(max(index, 0), len(self.bins) - 1)

    def drag(self, start: int, end: int) -> None:
        """Select the bars from ``start`` to ``end`` (a drag in progress)."""
        self.anchor = start
        self.go_to(end, extend=True)

    def clear_selection(self) -> bool:
        """Forget the selection being made; True if there was one."""
        had = self.anchor is not None
        self.anchor = None
        return had

    @property
    def selection(self) -> tuple[int, int] | None:
        """The first and last bar selected (a single highlighted bar counts), if any."""
        if self.current is None:
            return None
        other = self.current if self.anchor is None else self.anchor
        return min(other, self.current), max(other, self.current)

    def clause(self) -> str | None:
        """The ``date:`` clause of the selection, or None when nothing is selected."""
        chosen = self.selection
        return None if chosen is None else range_clause(self.bins, *chosen)

    @property
    def without_month(self) -> int:
        """Records of the years shown as months whose date is not within one month.

        The month facet counts only dates inside a single month ("1959", a season or
        an interval are left out), so month bars can add up to less than their years.
        """
        if self.zoom is not Zoom.MONTHS or self.window is None:
            return 0
        first, last = self.window
        in_years = sum(n for year, n in self.years.items() if first <= year <= last)
        return max(in_years - sum(b.count for b in self.bins), 0)

    def count(self, first: int, last: int) -> int:
        """Records in bars ``first`` to ``last``."""
        return sum(b.count for b in self.bins[first : last + 1])

    # ------------------------------------------------------------------ words

    def span_text(self) -> str:
        """The span shown: ``1955 to 1961`` or ``January 1959 to December 1961``."""
        if not self.bins:
            return ""
        first, last = self.bins[0], self.bins[-1]
        if first is last:
            return first.title
        since = first.title if first.month else str(first.first_year)
        until = last.title if last.month else str(last.last_year)
        return QCoreApplication.translate("TimelineState", "{0} to {1}").format(since, until)

    def bar_text(self, index: int) -> str:
        """One bar in words: ``October 1959: 42 records``."""
        bar = self.bins[index]
        return f"{bar.title}: {_COUNTS.records(bar.count)}"

    def selection_text(self) -> str:
        """The selection being made in words, with its count."""
        chosen = self.selection
        if chosen is None or self.anchor is None:
            return ""
        first, last = chosen
        period = DateRange(self.bins[first].first, self.bins[last].last).text()
        return f"{period}: {_COUNTS.records(self.count(first, last))}"

    def summary(self) -> str:
        """The whole histogram in a sentence or two, for screen readers."""
        if self.total == 0:
            return QCoreApplication.translate("TimelineState", "No records in this result.")
        if not self.bins:
            return _COUNTS.none_dated(self.total)
        busiest = max(self.bins, key=lambda b: b.count)
        most = ""
        if busiest.count:
            most = QCoreApplication.translate("TimelineState", "; most in {0} ({1})").format(
                busiest.title, f"{busiest.count:,}"
            )
        if self.zoom is Zoom.MONTHS:
            text = QCoreApplication.translate("TimelineState", "{0} by month, {1}{2}. {3} undated.")
        else:
            text = QCoreApplication.translate("TimelineState", "{0} by year, {1}{2}. {3} undated.")
        dated = _COUNTS.dated_records(self.total - self.undated)
        text = text.format(dated, self.span_text(), most, f"{self.undated:,}")
        if self.without_month:
            no_month = QCoreApplication.translate(
                "TimelineState", "{0} in these years have no single month."
            )
            text += " " + no_month.format(f"{self.without_month:,}")
        if self.range is not None:
            limited = QCoreApplication.translate("TimelineState", "The search is limited to {0}.")
            text += " " + limited.format(self.range.text())
        return text

    # ------------------------------------------------------------------ internals

    def _rebuild(self) -> None:
        kept = None if self.current is None else self.bins[self.current].first
        self.anchor = None
        if self.zoom is Zoom.MONTHS and self.years:
            first, last = min(self.years), max(self.years)
            start, end = self.window or (first, last)
            size = min(end - start + 1, last - first + 1, self.month_window)
            start = min(max(start, first), last - size + 1)
            self.window = (start, start + size - 1)
            self.bins = month_bins(self.months, *self.window)
        else:
            self.bins = year_bins(self.years)
        self.current = None if kept is None else bar_at(self.bins, kept)
        if kept is not None and self.current is None and self.bins:
            self.current = 0 if kept < self.bins[0].first else len(self.bins) - 1
        self.shaded = shaded_bars(self.bins, self.range)

    def _scroll(self, years: int) -> bool:
        """Move the month window by ``years`` within the span; True if it moved."""
        if self.zoom is not Zoom.MONTHS or self.window is None or not self.years:
            return False
        start, end = self.window
        if start + years < min(self.years) or end + years > max(self.years):
            return False
        self.window = (start + years, end + years)
        current, anchor = self.current, self.anchor
        self.bins = month_bins(self.months, *self.window)
        self.current = None if current is None else current - 12 * years
        self.anchor = None if anchor is None else anchor - 12 * years
        if self.anchor is not None and not 0 <= self.anchor < len(self.bins):
            self.anchor = min(max(self.anchor, 0), len(self.bins) - 1)
        self.shaded = shaded_bars(self.bins, self.range)
        return True

    def scroll(self, years: int) -> bool:
        """Show months ``years`` later (or earlier, when negative); True if the view moved."""
        moved = False
        for _ in range(abs(years)):
            if not self._scroll(1 if years > 0 else -1):
                break
            moved = True
        if moved and self.current is not None:
            self.current = min(max(self.current, 0), len(self.bins) - 1)
        return moved
