"""Partial and uncertain dates: verbatim text, EDTF, and bounds for sorting and ranges.

Bounds are *day keys*: the integer ``year * 10000 + month * 100 + day`` (``19591031``).
They order like dates, hold years outside 1..9999 (EDTF allows ``Y170000002`` and
negative years) and compare the same way in SQLite and PostgreSQL.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from enum import IntEnum

DayKey = int


class Precision(IntEnum):
    """How precisely a date is known; broader dates sort first at an equal lower bound."""

    UNKNOWN = 0
    MILLENNIUM = 1
    CENTURY = 2
    DECADE = 3
    YEAR = 4
    SEASON = 5
    MONTH = 6
    DAY = 7


def day_key(year: int, month: int = 1, day: int = 1) -> DayKey:
    """The day key of a calendar day."""
    return year * 10000 + month * 100 + day


def last_day_key(year: int, month: int = 12) -> DayKey:
    """The day key of the last day of a month (December by default)."""
    if 1 <= year <= 9999:
        last = calendar.monthrange(year, month)[1]
    else:
        last = 29 if month == 2 and calendar.isleap(year % 400 or 400) else (
            30 if month in (4, 6, 9, 11) else 31
        )
    return day_key(year, month, last)


def split_day_key(key: DayKey) -> tuple[int, int, int]:
    """Year, month and day of a day key (negative years included)."""
    year, rest = divmod(key, 10000)
    month, day = divmod(rest, 100)
    return year, month, day


def iso_day(key: DayKey) -> str:
    """A day key written as an ISO date (``1959-10-01``; ``-0044-03-15``)."""
    year, month, day = split_day_key(key)
    sign = "-" if year < 0 else ""
    return f"{sign}{abs(year):04d}-{month:02d}-{day:02d}"


@dataclass(frozen=True)
class PartialDate:
    """A date as the archive wrote it, with what Catalog understood of it.

    Attributes:
        text: the verbatim text ("October, 1959"); may be empty.
        edtf: the normalised form in EDTF ("1959-10"), or None if the text was not
            understood (then both bounds are None too).
        lower: first day the date can mean, as a day key; None when unknown or open.
        upper: last day the date can mean, as a day key; None when unknown or open.
        precision: how precisely the date is known.
        approximate: "circa" (EDTF ``~``).
        uncertain: questionable (EDTF ``?``).
    """

    text: str = ""
    edtf: str | None = None
    lower: DayKey | None = None
    upper: DayKey | None = None
    precision: Precision = Precision.UNKNOWN
    approximate: bool = False
    uncertain: bool = False

    @property
    def understood(self) -> bool:
        """True when the text was parsed into EDTF."""
        return self.edtf is not None

    @property
    def year(self) -> int | None:
        """The year of the lower bound, which is what facets and the timeline count."""
        return None if self.lower is None else split_day_key(self.lower)[0]

    def display(self) -> str:
        """The verbatim text, or the EDTF form when there is no text."""
        return self.text or (self.edtf or "")


UNDATED = PartialDate()
