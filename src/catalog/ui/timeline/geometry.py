"""Where the bars and axis labels go: pixels to bars and back (no widgets here).

All sizes come in from the widget, measured from its font, so the chart scales with
the font and the screen's pixel ratio instead of assuming pixel sizes. Month
abbreviations on the axis are translated in context ``TimelineAxis``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from catalog.ui.timeline.bins import Bin
from catalog.ui.translation import QT_TRANSLATE_NOOP

YEAR_LABEL_STEPS = (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000)
MONTH_LABEL_STEPS = (1, 2, 3, 6, 12, 24, 60, 120, 240, 600, 1200)
MONTH_ABBREVIATIONS = (
    QT_TRANSLATE_NOOP("TimelineAxis", "Jan"),
    QT_TRANSLATE_NOOP("TimelineAxis", "Feb"),
    QT_TRANSLATE_NOOP("TimelineAxis", "Mar"),
    QT_TRANSLATE_NOOP("TimelineAxis", "Apr"),
    QT_TRANSLATE_NOOP("TimelineAxis", "May"),
    QT_TRANSLATE_NOOP("TimelineAxis", "Jun"),
    QT_TRANSLATE_NOOP("TimelineAxis", "Jul"),
    QT_TRANSLATE_NOOP("TimelineAxis", "Aug"),
    QT_TRANSLATE_NOOP("TimelineAxis", "Sep"),
    QT_TRANSLATE_NOOP("TimelineAxis", "Oct"),
    QT_TRANSLATE_NOOP("TimelineAxis", "Nov"),
    QT_TRANSLATE_NOOP("TimelineAxis", "Dec"),
)
"""Short month names for the axis, in English, marked for translation."""


@dataclass(frozen=True)
class BarLayout:
    """Bars side by side from ``left``, each ``bar_width`` wide, over ``count`` bars."""

    left: float
    bar_width: float
    count: int

    @property
    def right(self) -> float:
        """The right edge of the last bar."""
        return self.left + self.bar_width * self.count

    def bar_left(self, index: int) -> float:
        """The left edge of bar ``index``."""
        return self.left + self.bar_width * index

    def contains(self, x: float) -> bool:
        """True when ``x`` falls on a bar."""
        return self.left <= x < self.right

    def index_at(self, x: float) -> int:
        """The bar under ``x``, or the nearest one when ``x`` is beside the bars."""
        index = math.floor((x - self.left) / self.bar_width)
        return min(max(index, 0), self.count - 1)


def bar_layout(left: float, width: float, count: int, widest: float) -> BarLayout:
    """Bars filling ``width`` from ``left``, at most ``widest`` each, centred when narrower."""
    bar_width = min(width / max(count, 1), widest)
    used = bar_width * count
    return BarLayout(left + (width - used) / 2, max(bar_width, 1e-6), count)


def axis_labels(bins: list[Bin], bar_width: float, label_width: float) -> list[tuple[int, str]]:
    """The bars to label (index, text), spaced so that labels ``label_width`` wide never meet."""
    if not bins:
        return []
    labels = _labels(bins, bar_width, label_width)
    return labels or [(0, bins[0].label)]


def _labels(bins: list[Bin], bar_width: float, label_width: float) -> list[tuple[int, str]]:
    if bins[0].month:
        step = _first_fit(MONTH_LABEL_STEPS, bar_width, label_width)
        if step <= 12:
            return [
                (i, str(b.first_year) if b.month == 1 else _abbreviation(b.month))
                for i, b in enumerate(bins)
                if (b.month - 1) % step == 0
            ]
        years = step // 12
        return [
            (i, str(b.first_year))
            for i, b in enumerate(bins)
            if b.month == 1 and b.first_year % years == 0
        ]
    size = bins[0].last_year - bins[0].first_year + 1
    step = _first_fit(YEAR_LABEL_STEPS, bar_width, label_width)
    return [(i, str(b.first_year)) for i, b in enumerate(bins) if b.first_year % (step * size) == 0]


def _abbreviation(month: int) -> str:
    return QCoreApplication.translate("TimelineAxis", MONTH_ABBREVIATIONS[month - 1])


def _first_fit(steps: tuple[int, ...], bar_width: float, label_width: float) -> int:
    """The smallest step whose bars are wide enough for one label; beyond the list, more."""
    for step in steps:
        if step * bar_width >= label_width:
            return step
    step = steps[-1]
    while step * bar_width < label_width:
        step *= 10
    return step
