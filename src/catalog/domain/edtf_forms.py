"""Regex tables for dates: the shape of an EDTF date, and the forms archives write.

This module only recognises text and rewrites it into candidate EDTF strings;
``catalog.domain.dates`` checks the candidates (calendar validity, interval order) and
computes their bounds. Everything here is pure regex work: no calendar arithmetic.
"""

from __future__ import annotations

import re

_F = re.ASCII
_FI = re.ASCII | re.IGNORECASE

# ---------------------------------------------------------------- EDTF shapes

EDTF_DATE = re.compile(
    r"""
    (?:
        Y(?P<long>-?[1-9][0-9]{4,13})                     # Y170000002: year only
      | (?P<xyear>[0-9]{3}X|[0-9]{2}XX|[0-9]XXX)          # 195X, 19XX, 1XXX: year only
      | (?P<year>-?[0-9]{4}|XXXX)
        (?:-(?P<month>[0-9]{2}|XX)                        # month, or season 21..41
            (?:-(?P<day>[0-9]{2}|XX)
                (?P<time>T(?:(?:[01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]|24:00:00)
                    (?:Z|\+(?:0[0-9]|1[0-4])(?::[0-5][0-9])?|-(?:0[1-9]|1[0-4])(?::[0-5][0-9])?)?
                )?
            )?
        )?
    )
    (?P<qual>[?~%])?
    """,
    re.VERBOSE | _F,
)
"""One EDTF date of levels 0 and 1 (and ``XXXX-MM-DD``); month and day ranges unchecked."""

LOOKS_LIKE_EDTF = re.compile(r"(?=.*[0-9X])[0-9XYES?~%./{},\[\]:TZ+\-]{1,100}", _F)
"""Text worth handing to the ``edtf`` library: EDTF's alphabet only, and short."""

# ---------------------------------------------------------------- natural forms

MONTHS: dict[str, int] = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sept", "sep"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
SEASONS: dict[str, int] = {"spring": 21, "summer": 22, "autumn": 23, "fall": 23, "winter": 24}

# EDTF season codes, 21-24 at level 1 and 25-41 at level 2: (first code, first months,
# length in months). Winter starts in December of its year and runs into the next one.
_SEASON_RUNS = (
    (21, (3, 6, 9, 12), 3),  # spring, summer, autumn, winter
    (25, (3, 6, 9, 12), 3),  # the same, northern hemisphere
    (29, (9, 12, 3, 6), 3),  # spring .. winter, southern hemisphere
    (33, (1, 4, 7, 10), 3),  # quarters
    (37, (1, 5, 9), 4),  # quadrimesters
    (40, (1, 7), 6),  # semesters
)
SEASON_MONTHS: dict[int, tuple[int, int]] = {
    code + offset: (month, length)
    for code, months, length in _SEASON_RUNS
    for offset, month in enumerate(months)
}
"""EDTF season code: (first month, number of months)."""

_MONTH_NAMES = "|".join(sorted(MONTHS, key=len, reverse=True))
_M = rf"(?P<month>{_MONTH_NAMES})\.?"
_M2 = rf"(?P<month2>{_MONTH_NAMES})\.?"
_D = r"(?P<day>[0-9]{1,2})(?:st|nd|rd|th)?"
_D2 = r"(?P<day2>[0-9]{1,2})(?:st|nd|rd|th)?"
_DASH = r" ?[-–] ?"
_Y = r"(?P<year>[0-9]{4})"
_S = r"(?:, ?|[ -])"  # between parts: "6 Dec 1955", "Dec 6, 1955", "06-Dec-1955"
_SEASON = "(?P<season>{})".format("|".join(SEASONS))

_FORMS = tuple(
    re.compile(pattern, _FI)
    for pattern in (
        rf"{_M} ?{_D}{_S}{_Y}",  # December 6, 1955; Dec. 06 1955
        rf"{_D}{_S}{_M}{_S}{_Y}",  # 6 December 1955; 06-Dec-1955
        rf"{_Y}{_S}{_M}{_S}{_D}",  # 1955 December 6 (DACS)
        rf"{_M}{_S}{_Y}",  # October, 1959; Oct. 1959
        rf"{_Y}{_S}{_M}",  # 1959 October
        rf"{_SEASON}{_S}{_Y}",  # Spring 1955
        rf"{_Y}{_S}{_SEASON}",  # 1955 Spring
        r"(?P<decade>[0-9]{3})0 ?'?s",  # 1950s, 1950's
    )
)

# A time of day after a date, as databases and spreadsheets export it; the time is dropped.
_CLOCK = (
    r"[T ](?:[01][0-9]|2[0-3]):[0-5][0-9](?::[0-5][0-9](?:\.[0-9]+)?)?"
    r"(?: ?(?:Z|UTC|[+-](?:0[0-9]|1[0-4])(?::?[0-5][0-9])?))?"
)
# Ranges inside one year, and of years in one century: the second date is cut short.
_SHORT_RANGES = tuple(
    re.compile(pattern, _FI)
    for pattern in (
        rf"{_M} ?{_D}{_DASH}{_D2}{_S}{_Y}",  # June 6-8, 1955
        rf"{_Y}{_S}{_M} ?{_D}{_DASH}{_D2}",  # 1955 June 6-8
        rf"{_M}(?:{_DASH}|/){_M2}{_S}{_Y}",  # June-July 1955
        rf"{_Y}{_S}{_M}(?:{_DASH}|/){_M2}",  # 1955 June-July
        rf"{_Y}{_DASH}(?P<year2>[0-9]{{2}})",  # 1955-57
    )
)

ZERO_DATE = re.compile(
    rf"(?P<year>[0-9]{{4}})(?:-(?P<month>[0-9]{{2}})(?:-(?P<day>[0-9]{{2}})(?:{_CLOCK})?)?)?", _FI
)
_ISO_TIME = re.compile(rf"(?P<date>[0-9]{{4}}-[0-9]{{2}}-[0-9]{{2}}){_CLOCK}", _FI)
_UNDATED = r"(?:undated|n\. ?d\.?|nd|no date|s\. ?d\.?|sine dato|date unknown|unknown date)"
_UNDATED_ONLY = re.compile(_UNDATED, _FI)
_UNDATED_FIRST = re.compile(rf"{_UNDATED}[,;]? (?:and )?(?P<rest>.+)", _FI)
_UNDATED_LAST = re.compile(rf"(?P<rest>.+?)[,;]? (?:and )?{_UNDATED}", _FI)
_BRACKETS = re.compile(r"\[(?P<inner>.*)\]", _F)
_CIRCA = re.compile(
    r"(?:c|ca|cca|circa|approx|approximately|about|around)(?:\. ?| |(?=[0-9\[]))(?P<rest>.+)",
    _FI,
)
_RANGE_SEP = re.compile(r" ?(?:-|–|—|/) ?| (?:to|through|thru|until|till) ", _FI)
_OPEN_END = re.compile(r"present|ongoing|now", _FI)


def qualify(core: str, approximate: bool, uncertain: bool) -> str:
    """An EDTF date with its qualifier: ``~`` approximate, ``?`` uncertain, ``%`` both."""
    if approximate and uncertain:
        return core + "%"
    return core + ("~" if approximate else "?" if uncertain else "")


def zero_date(text: str) -> str | None:
    """EDTF for a numeric date with zeros for unknown parts (``1959-10-00``), else None.

    ``0000`` stands for an unknown year (``0000-05-12`` is ``XXXX-05-12``), ``00`` for an
    unknown month or day; any time of day is dropped. Dates without a zero give None.
    """
    found = ZERO_DATE.fullmatch(text)
    if found is None:
        return None
    year, month, day = found["year"], found["month"], found["day"]
    if year != "0000" and "00" not in (month, day):
        return None
    parts = ["XXXX" if year == "0000" else year]
    if day is not None and day != "00":
        parts += ["XX" if month == "00" else month, day]
    elif month is not None and month != "00":
        parts.append(month)
    return "-".join(parts)


def short_range(text: str) -> str | None:
    """EDTF for a range written short (``June 6-8, 1955``, ``1955-57``), else None.

    Two digits after a year are a range's last year only if they are neither a month nor
    an EDTF level 1 season (21-24): ``1930-31`` is 1930 to 1931, ``1955-12`` no range.
    """
    for form in _SHORT_RANGES:
        found = form.fullmatch(text)
        if found is None:
            continue
        parts = found.groupdict()
        year = parts["year"]
        if parts.get("year2"):
            if int(parts["year2"]) <= 24:
                return None
            return f"{year}/{year[:2]}{parts['year2']}"
        month = f"{year}-{MONTHS[parts['month'].lower()]:02d}"
        if parts.get("month2"):
            return f"{month}/{year}-{MONTHS[parts['month2'].lower()]:02d}"
        return f"{month}-{int(parts['day']):02d}/{month}-{int(parts['day2']):02d}"
    return None


def _core(text: str) -> str | None:
    """EDTF for one unqualified date written in any supported form, else None."""
    zero = zero_date(text)
    if zero is not None:
        return zero
    shape = EDTF_DATE.fullmatch(text)
    if shape is not None and shape["qual"] is None:
        return text
    if _UNDATED_ONLY.fullmatch(text):
        return "XXXX"
    for form in _FORMS:
        found = form.fullmatch(text)
        if found is None:
            continue
        parts = found.groupdict()
        if parts.get("decade"):
            return f"{parts['decade']}X"
        if parts.get("season"):
            return f"{parts['year']}-{SEASONS[parts['season'].lower()]}"
        edtf = f"{parts['year']}-{MONTHS[parts['month'].lower()]:02d}"
        return f"{edtf}-{int(parts['day']):02d}" if parts.get("day") else edtf
    timed = _ISO_TIME.fullmatch(text)
    return None if timed is None else _core(timed["date"])


def _single(text: str) -> tuple[str, bool, bool] | None:
    """One date with its qualifiers (brackets, circa, ``?``): (core EDTF, ~, ?)."""
    approximate = uncertain = False
    while True:
        if (found := _BRACKETS.fullmatch(text)) is not None:
            text = found["inner"].strip()
        elif (found := _CIRCA.fullmatch(text)) is not None:
            text, approximate = found["rest"].strip(), True
        elif text.endswith(("?", "~", "%")):
            approximate = approximate or text[-1] in "~%"
            uncertain = uncertain or text[-1] in "?%"
            text = text[:-1].rstrip()
        else:
            break
    core = _core(text)
    return None if core is None else (core, approximate, uncertain)


def _range(text: str, approximate: bool = False) -> str | None:
    """EDTF interval for two dates joined by a dash, "to" and so on, else None."""
    for sep in _RANGE_SEP.finditer(text):
        start = _single(text[: sep.start()])
        if start is None:
            continue
        end_text = text[sep.end() :]
        if _OPEN_END.fullmatch(end_text):
            return f"{qualify(start[0], start[1] or approximate, start[2])}/.."
        end = _single(end_text)
        if end is not None:
            first = qualify(start[0], start[1] or approximate, start[2])
            return f"{first}/{qualify(end[0], end[1] or approximate, end[2])}"
    return None


def natural_to_edtf(text: str) -> str | None:
    """A candidate EDTF string for a date as archives write it, or None.

    Args:
        text: for example ``December 06, 1955``, ``c. 1950``, ``[1950?]``, ``1950s``,
            ``undated, 1955``, ``1959-10-00`` or ``January 1, 2015 - December 31, 2016``.

    Returns:
        The EDTF (``1955-12-06``, ``1950~``, ``1950?``, ``195X``, ``1955``, ``1959-10``,
        ``2015-01-01/2016-12-31``); ``XXXX`` for "undated"; None for anything else. The
        candidate is not yet checked against the calendar.
    """
    text = " ".join(text.split())
    if (found := _UNDATED_FIRST.fullmatch(text) or _UNDATED_LAST.fullmatch(text)) is not None:
        text = found["rest"]  # "undated, 1955": the undated items are no date
    if (short := short_range(text)) is not None:
        return short
    single = _single(text)
    if single is not None:
        return qualify(*single)
    circa = _CIRCA.fullmatch(text)
    if circa is not None and (whole := _range(circa["rest"], approximate=True)) is not None:
        return whole
    return _range(text)
