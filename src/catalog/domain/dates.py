"""Partial and uncertain dates: verbatim text, EDTF, and bounds for sorting and ranges.

Bounds are *day keys*: the integer ``year * 10000 + month * 100 + day`` (``19591031``).
They order like dates, hold years outside 1..9999 (EDTF allows ``Y170000002`` and
negative years) and compare the same way in SQLite and PostgreSQL.
"""

from __future__ import annotations

import calendar
import contextlib
import io
import re
import threading
import time
from dataclasses import dataclass, replace
from enum import IntEnum
from functools import lru_cache
from typing import Any, NamedTuple

from catalog.domain.edtf_forms import (
    EDTF_DATE,
    LOOKS_LIKE_EDTF,
    SEASON_MONTHS,
    natural_to_edtf,
    short_range,
    zero_date,
)

DayKey = int

MAX_YEAR = 99_999_999_999_999
"""The largest year (either sign) a day key may hold: its key still fits in 64 bits."""

_CACHE_SIZE = 65536
_MONTH_DAYS = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


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


def days_in_month(year: int, month: int) -> int:
    """The number of days of a month in the proleptic Gregorian calendar (any year)."""
    return 29 if month == 2 and calendar.isleap(year) else _MONTH_DAYS[month - 1]


def day_key(year: int, month: int = 1, day: int = 1) -> DayKey:
    """The day key of a calendar day."""
    return year * 10000 + month * 100 + day


def last_day_key(year: int, month: int = 12) -> DayKey:
    """The day key of the last day of a month (December by default)."""
    return day_key(year, month, days_in_month(year, month))


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


# ---------------------------------------------------------------- parsing

_X_PRECISION = {1: Precision.DECADE, 2: Precision.CENTURY, 3: Precision.MILLENNIUM}
_OPEN = ("", "..")
_HUGE_EXPONENT = re.compile(r"E[0-9]{3}")
_X_IN_YEAR = re.compile(r"-?[0-9]{0,3}X")
_LIBRARY_LOCK = threading.Lock()


class _Span(NamedTuple):
    """What one EDTF date or interval means."""

    lower: DayKey | None
    upper: DayKey | None
    precision: Precision
    approximate: bool = False
    uncertain: bool = False


def _years(first: int, last: int, precision: Precision) -> _Span:
    return _Span(day_key(first), last_day_key(last), precision)


def _date_span(text: str) -> _Span | None:
    """The span of one EDTF date matching ``EDTF_DATE``; None when it is no real date."""
    found = EDTF_DATE.fullmatch(text)
    if found is None:
        return None
    qual = found["qual"] or ""
    span = _unqualified_span(found, qualified=bool(qual))
    if span is None:
        return None
    return span._replace(approximate=qual in ("~", "%"), uncertain=qual in ("?", "%"))


def _unqualified_span(found: re.Match[str], qualified: bool) -> _Span | None:
    if found["long"]:
        year = int(found["long"])
        return None if qualified else _years(year, year, Precision.YEAR)
    if found["xyear"]:
        xyear = found["xyear"]
        first, last = int(xyear.replace("X", "0")), int(xyear.replace("X", "9"))
        return _years(first, last, _X_PRECISION[xyear.count("X")])
    year_text, month_text, day_text = found["year"], found["month"], found["day"]
    month = None if month_text in (None, "XX") else int(month_text)
    day = None if day_text in (None, "XX") else int(day_text)
    known = year_text != "XXXX"
    if year_text == "-0000" or (found["time"] and (qualified or None in (month, day))):
        return None
    if month in SEASON_MONTHS:
        if day_text is not None or qualified or not known:
            return None
        year = int(year_text)
        first, length = SEASON_MONTHS[month]
        carry, last = divmod(first + length - 2, 12)
        return _Span(day_key(year, first), last_day_key(year + carry, last + 1), Precision.SEASON)
    calendar_year = int(year_text) if known else 0  # 0 is a leap year: any day may be
    if month is not None and not 1 <= month <= 12:
        return None
    if day is not None and not 1 <= day <= days_in_month(calendar_year, month or 1):
        return None
    if not known:  # XXXX-05-12: the year, and so the bounds, are unknown
        return None if qualified else _Span(None, None, Precision.UNKNOWN)
    year = calendar_year
    if month is None and day is not None:  # 1959-XX-15: the 15th of some month
        return _Span(day_key(year, 1, day), day_key(year, 12, day), Precision.YEAR)
    if month is None:  # 1985, 2004-XX, 1985-XX-XX
        return _years(year, year, Precision.YEAR)
    if day is None:  # 1985-04, 1985-04-XX
        return _Span(day_key(year, month), last_day_key(year, month), Precision.MONTH)
    return _Span(day_key(year, month, day), day_key(year, month, day), Precision.DAY)


def _is_level_1(text: str) -> bool:
    """True for an EDTF date or interval of the forms ``_span`` reads (levels 0 and 1)."""
    parts = text.split("/")
    if len(parts) == 1:
        return EDTF_DATE.fullmatch(text) is not None
    if len(parts) > 2 or (parts[0] in _OPEN and parts[1] in _OPEN):
        return False
    return all(part in _OPEN or EDTF_DATE.fullmatch(part) for part in parts)


def _span(text: str) -> _Span | None:
    """The span of a level 0/1 EDTF date or interval; None when no real date."""
    if "/" not in text:
        return _date_span(text)
    ends: list[_Span] = []
    for part in text.split("/"):
        if "T" in part:  # intervals are of days, not times
            return None
        end = _Span(None, None, Precision.UNKNOWN) if part in _OPEN else _date_span(part)
        if end is None:
            return None
        ends.append(end)
    first, last = ends
    if first.lower is not None and last.upper is not None and first.lower > last.upper:
        return None
    return _Span(
        first.lower,
        last.upper,
        max(first.precision, last.precision),
        first.approximate or last.approximate,
        first.uncertain or last.uncertain,
    )


def _library_parse(text: str) -> Any:
    """The edtf library's parse, imported on first use: the library (and pyparsing) cost
    a tenth of a second at start-up, and only the rare level-2 forms need it."""
    from edtf import parse_edtf

    return parse_edtf(text)


def _library_span(text: str) -> _Span | None:
    """The span of any other EDTF (level 2: sets, ``156X-12-25`` ...) by the edtf library."""
    if _HUGE_EXPONENT.search(text):
        return None
    unknown = "XXXX" in text
    try:
        # One call at a time, and quiet: the library prints when some forms fail.
        with _LIBRARY_LOCK, contextlib.redirect_stdout(io.StringIO()):
            parsed = _library_parse(text)
            low, high = parsed.lower_strict(), parsed.upper_strict()
        lower = None if text.startswith("/") else _struct_key(low, unknown, 0)
        upper = None if text.endswith("/") else _struct_key(high, unknown, 9999)
    except Exception:  # the library raises its own, pyparsing's, attribute, value errors
        return None
    if lower is not None and upper is not None and lower > upper:
        return None
    approximate, uncertain = "~" in text or "%" in text, "?" in text or "%" in text
    return _Span(lower, upper, _precision_of(lower, upper), approximate, uncertain)


def _struct_key(value: object, unknown_year: bool, placeholder: int) -> DayKey | None:
    """The day key of a bound from the edtf library; None for an open or unknown end."""
    if not isinstance(value, time.struct_time):  # +-inf: open
        return None
    year, month, day = value.tm_year, value.tm_mon, value.tm_mday
    if unknown_year and year == placeholder:
        return None
    if abs(year) > MAX_YEAR or not 1 <= month <= 12 or not 1 <= day <= days_in_month(year, month):
        raise ValueError(f"not a day: {year}-{month}-{day}")
    return day_key(year, month, day)


def _precision_of(lower: DayKey | None, upper: DayKey | None) -> Precision:
    """The finest unit that the bounds do not fill whole: a day, a month or years."""
    first = None if lower is None else split_day_key(lower)
    last = None if upper is None else split_day_key(upper)
    if first is None and last is None:
        return Precision.UNKNOWN
    if (first and first[2] != 1) or (last and last[2] != days_in_month(last[0], last[1])):
        return Precision.DAY
    if (first and first[1] != 1) or (last and last[1] != 12):
        return Precision.MONTH
    if first and last:
        for size, precision in ((10, Precision.DECADE), (100, Precision.CENTURY)):
            aligned = first[0] % size == 0 or last[0] % size == 0  # 195X; -195X
            if aligned and last[0] - first[0] + 1 == size:
                return precision
    return Precision.YEAR


@lru_cache(maxsize=_CACHE_SIZE)
def _understand_edtf(edtf: str) -> PartialDate | None:
    """The meaning of an EDTF string (with empty text), or None when it is not EDTF."""
    if _is_level_1(edtf):
        span = _span(edtf)
    elif LOOKS_LIKE_EDTF.fullmatch(edtf):
        span = _library_span(edtf)
    else:
        span = None
    if span is None:
        return None
    return PartialDate(
        edtf=edtf,
        lower=span.lower,
        upper=span.upper,
        precision=span.precision,
        approximate=span.approximate,
        uncertain=span.uncertain,
    )


# Every form understood holds an ASCII digit, EDTF's X or an "undated" word
# (``undated``, ``n.d.``, ``nd``, ``s.d.``, ``no date``, ``sine dato``...): text without
# any of them is no date, which a title or a sentence tells at once, without every form
# being tried on it.
_DATE_SIGN = re.compile(r"[0-9]|(?-i:X)|undated|\bn\W*d\b|\bs\W*d\b|dat[eo]", re.ASCII | re.I)


@lru_cache(maxsize=_CACHE_SIZE)
def _parse_text(text: str) -> PartialDate:
    if not text:
        return UNDATED
    if _DATE_SIGN.search(text) is None:
        return PartialDate(text=text)
    return _parse_form(text)


def _parse_form(text: str) -> PartialDate:
    """The date a stripped, non-blank text states, trying every form."""
    candidate = zero_date(text) or short_range(text)  # before EDTF: 1930-31 is no season
    if candidate is None:  # EDTF of levels 0 and 1 first: the common case, and fast
        candidate = text if _is_level_1(text) else natural_to_edtf(text) or text
    found = _understand_edtf(candidate)
    return PartialDate(text=text) if found is None else replace(found, text=text)


def parse_date(text: str) -> PartialDate:
    """Understand a date as an archive wrote it; never raises.

    Reads EDTF (levels 0 and 1 directly, level 2 through the edtf library) and the
    forms of finding aids: ``December 06, 1955``, ``6 Dec. 1955``, ``October, 1959``,
    ``c. 1950``, ``[1950?]``, ``1950s``, ``Spring 1955``, ``1955-1957``,
    ``1955-57``, ``June 6-8, 1955``, ``January 1, 2015 - December 31, 2016``,
    ``1950-present``, ``undated, 1955``, and numeric dates with zeros for unknown parts
    (``1959-10-00``, ``0000-00-00``). ``1930-31`` is a range of years here, though EDTF
    reads it as a level 2 season; ``1923-24`` stays the EDTF season winter 1923.

    Args:
        text: the verbatim date; surrounding white space is dropped.

    Returns:
        The date with its EDTF, bounds and precision. "undated", "n.d." and zero years
        give EDTF ``XXXX`` with unknown bounds; text that is not understood keeps only its
        text (EDTF and bounds None); blank text gives an undated date with empty text.
    """
    return _parse_text(text.strip())


def parse_edtf(edtf: str, text: str = "") -> PartialDate:
    """Understand a string that claims to be EDTF, as native JSON stores it; never raises.

    Args:
        edtf: the EDTF string (``1959-10``, ``1984?/2004-06~``).
        text: the verbatim text that goes with it, if any.

    Returns:
        The date, with ``text`` as its text; when ``edtf`` is not valid EDTF, whatever
        ``parse_date`` understands of ``text`` (or, without text, of ``edtf``).
    """
    found = _understand_edtf(edtf.strip())
    if found is None:
        return parse_date(text or edtf)
    return replace(found, text=text.strip())


def clear_cache() -> None:
    """Forget the dates parsed so far (for tests and memory-conscious callers)."""
    _parse_text.cache_clear()
    _understand_edtf.cache_clear()


def _span_text(date: PartialDate) -> str:
    lower, upper = date.lower, date.upper
    if lower is None:
        return "bounds unknown" if upper is None else f"until {iso_day(upper)}"
    if upper is None:
        return f"from {iso_day(lower)}"
    return iso_day(lower) if lower == upper else f"{iso_day(lower)} to {iso_day(upper)}"


def describe(date: PartialDate) -> str:
    """How Catalog understood a date, for people.

    Args:
        date: a parsed date.

    Returns:
        For example ``1959-10 (1959-10-01 to 1959-10-31)``,
        ``circa 1950 (1950-01-01 to 1950-12-31)``, ``1985/.. (from 1985-01-01)``,
        ``undated`` for ``XXXX``, or ``not understood``.
    """
    edtf = date.edtf
    if edtf is None:
        return "not understood"
    if edtf == "XXXX":
        return "undated"
    if "/" not in edtf and edtf[-1] in "~%":
        edtf = "circa " + edtf[:-1] + ("?" if edtf[-1] == "%" else "")
    span = _span_text(date)
    return edtf if span == edtf else f"{edtf} ({span})"


def date_parts(date: PartialDate) -> list[int] | None:
    """The CSL-JSON ``date-parts`` of a date (of its start, for an interval).

    Args:
        date: a parsed date.

    Returns:
        ``[1955, 12, 6]``, ``[1959, 10]`` or ``[1955]``, as far as the date is known; a
        season gives its year. None when the year is not known exactly (``195X``,
        ``156X-12-25``, an unknown or open start, a text not understood).
    """
    if date.edtf is not None and "/" in date.edtf:
        start = date.edtf.split("/", 1)[0]
        date = parse_edtf(start) if start not in _OPEN else UNDATED
    edtf = date.edtf or ""
    if date.lower is None or date.precision < Precision.YEAR or _X_IN_YEAR.match(edtf):
        return None
    year, month, day = split_day_key(date.lower)
    if date.precision == Precision.DAY:
        return [year, month, day]
    return [year, month] if date.precision == Precision.MONTH else [year]
