"""Partial dates: what each written form means, and that parsing never fails."""

from __future__ import annotations

import datetime as dt

import edtf
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from catalog.domain import dates
from catalog.domain.dates import (
    UNDATED,
    PartialDate,
    Precision,
    date_parts,
    day_key,
    describe,
    iso_day,
    last_day_key,
    parse_date,
    parse_edtf,
    split_day_key,
)

P = Precision
NEG_1985 = (day_key(-1985, 1, 1), day_key(-1985, 12, 31))
LONG = (day_key(170000002, 1, 1), day_key(170000002, 12, 31))
NEG_LONG = (day_key(-170000002, 1, 1), day_key(-170000002, 12, 31))

# (EDTF, lower, upper, precision, approximate, uncertain), from the Library of Congress
# EDTF specification, levels 0 and 1. Each is also its own verbatim text.
SPEC: list[tuple[str, int | None, int | None, Precision, bool, bool]] = [
    # level 0
    ("1985-04-12", 19850412, 19850412, P.DAY, False, False),
    ("1985-04", 19850401, 19850430, P.MONTH, False, False),
    ("1985", 19850101, 19851231, P.YEAR, False, False),
    ("1985-04-12T23:20:30", 19850412, 19850412, P.DAY, False, False),
    ("1985-04-12T23:20:30Z", 19850412, 19850412, P.DAY, False, False),
    ("1985-04-12T23:20:30-04", 19850412, 19850412, P.DAY, False, False),
    ("1985-04-12T10:10:10+05:30", 19850412, 19850412, P.DAY, False, False),
    ("1964/2008", 19640101, 20081231, P.YEAR, False, False),
    ("2004-06/2006-08", 20040601, 20060831, P.MONTH, False, False),
    ("2004-02-01/2005-02-08", 20040201, 20050208, P.DAY, False, False),
    ("2004-02-01/2005-02", 20040201, 20050228, P.DAY, False, False),
    ("2004-02-01/2005", 20040201, 20051231, P.DAY, False, False),
    ("2005/2006-02", 20050101, 20060228, P.MONTH, False, False),
    # level 1: long and negative years
    ("Y170000002", *LONG, P.YEAR, False, False),
    ("Y-170000002", *NEG_LONG, P.YEAR, False, False),
    ("-1985", *NEG_1985, P.YEAR, False, False),
    # level 1: seasons (winter runs into the next year)
    ("2001-21", 20010301, 20010531, P.SEASON, False, False),
    ("2001-22", 20010601, 20010831, P.SEASON, False, False),
    ("2001-23", 20010901, 20011130, P.SEASON, False, False),
    ("2001-24", 20011201, 20020228, P.SEASON, False, False),
    ("2003-24", 20031201, 20040229, P.SEASON, False, False),
    # level 1: qualifiers
    ("1984?", 19840101, 19841231, P.YEAR, False, True),
    ("2004-06~", 20040601, 20040630, P.MONTH, True, False),
    ("2004-06-11%", 20040611, 20040611, P.DAY, True, True),
    # level 1: unspecified digits
    ("201X", 20100101, 20191231, P.DECADE, False, False),
    ("20XX", 20000101, 20991231, P.CENTURY, False, False),
    ("2004-XX", 20040101, 20041231, P.YEAR, False, False),
    ("1985-04-XX", 19850401, 19850430, P.MONTH, False, False),
    ("1985-XX-XX", 19850101, 19851231, P.YEAR, False, False),
    # level 1: open (..) and unknown (empty) ends
    ("1985-04-12/..", 19850412, None, P.DAY, False, False),
    ("1985-04/..", 19850401, None, P.MONTH, False, False),
    ("1985/..", 19850101, None, P.YEAR, False, False),
    ("../1985-04-12", None, 19850412, P.DAY, False, False),
    ("../1985-04", None, 19850430, P.MONTH, False, False),
    ("../1985", None, 19851231, P.YEAR, False, False),
    ("1985-04-12/", 19850412, None, P.DAY, False, False),
    ("1985-04/", 19850401, None, P.MONTH, False, False),
    ("1985/", 19850101, None, P.YEAR, False, False),
    ("/1985-04-12", None, 19850412, P.DAY, False, False),
    ("/1985-04", None, 19850430, P.MONTH, False, False),
    ("/1985", None, 19851231, P.YEAR, False, False),
    # level 1: qualified intervals
    ("1984?/2004-06~", 19840101, 20040630, P.MONTH, True, True),
    ("1984~/2004-06", 19840101, 20040630, P.MONTH, True, False),
    ("2004-06~/2004-06-11%", 20040601, 20040611, P.DAY, True, True),
]


@pytest.mark.parametrize(("edtf_text", "lower", "upper", "precision", "approx", "uncertain"), SPEC)
def test_edtf_levels_0_and_1(
    edtf_text: str,
    lower: int | None,
    upper: int | None,
    precision: Precision,
    approx: bool,
    uncertain: bool,
) -> None:
    expected = PartialDate(edtf_text, edtf_text, lower, upper, precision, approx, uncertain)
    assert parse_date(edtf_text) == expected
    assert parse_edtf(edtf_text, edtf_text) == expected
    assert parse_edtf(edtf_text) == PartialDate(
        "", edtf_text, lower, upper, precision, approx, uncertain
    )


# (text, EDTF, lower, upper, precision, approximate, uncertain)
FORMS: list[tuple[str, str, int | None, int | None, Precision, bool, bool]] = [
    # days
    ("December 06, 1955", "1955-12-06", 19551206, 19551206, P.DAY, False, False),
    ("December 6, 1955", "1955-12-06", 19551206, 19551206, P.DAY, False, False),
    ("6 December 1955", "1955-12-06", 19551206, 19551206, P.DAY, False, False),
    ("Dec. 6, 1955", "1955-12-06", 19551206, 19551206, P.DAY, False, False),
    ("dec 6 1955", "1955-12-06", 19551206, 19551206, P.DAY, False, False),
    ("DECEMBER 6TH, 1955", "1955-12-06", 19551206, 19551206, P.DAY, False, False),
    ("6 Dec. 1955", "1955-12-06", 19551206, 19551206, P.DAY, False, False),
    ("06-Dec-1955", "1955-12-06", 19551206, 19551206, P.DAY, False, False),
    ("1955 December 6", "1955-12-06", 19551206, 19551206, P.DAY, False, False),
    ("February 29, 1996", "1996-02-29", 19960229, 19960229, P.DAY, False, False),
    ("1955-12-06", "1955-12-06", 19551206, 19551206, P.DAY, False, False),
    ("2000-02-29", "2000-02-29", 20000229, 20000229, P.DAY, False, False),
    ("-0044-03-15", "-0044-03-15", day_key(-44, 3, 15), day_key(-44, 3, 15), P.DAY, False, False),
    # ISO date and time: the day
    ("2004-06-11T00:00:00Z", "2004-06-11T00:00:00Z", 20040611, 20040611, P.DAY, False, False),
    ("2004-06-11 10:30:00", "2004-06-11", 20040611, 20040611, P.DAY, False, False),
    ("2004-06-11T10:30:00.123Z", "2004-06-11", 20040611, 20040611, P.DAY, False, False),
    # months
    ("October, 1959", "1959-10", 19591001, 19591031, P.MONTH, False, False),
    ("October 1959", "1959-10", 19591001, 19591031, P.MONTH, False, False),
    ("Oct. 1959", "1959-10", 19591001, 19591031, P.MONTH, False, False),
    ("oct 1959", "1959-10", 19591001, 19591031, P.MONTH, False, False),
    ("Sept. 1959", "1959-09", 19590901, 19590930, P.MONTH, False, False),
    ("July 1993", "1993-07", 19930701, 19930731, P.MONTH, False, False),
    ("1959 October", "1959-10", 19591001, 19591031, P.MONTH, False, False),
    ("February 1900", "1900-02", 19000201, 19000228, P.MONTH, False, False),
    ("February 2000", "2000-02", 20000201, 20000229, P.MONTH, False, False),
    ("Feb 1996", "1996-02", 19960201, 19960229, P.MONTH, False, False),
    # seasons
    ("Spring 1955", "1955-21", 19550301, 19550531, P.SEASON, False, False),
    ("Summer, 1955", "1955-22", 19550601, 19550831, P.SEASON, False, False),
    ("fall 1955", "1955-23", 19550901, 19551130, P.SEASON, False, False),
    ("1955 Autumn", "1955-23", 19550901, 19551130, P.SEASON, False, False),
    ("Winter 1955", "1955-24", 19551201, 19560229, P.SEASON, False, False),
    # years, decades, centuries
    ("1955", "1955", 19550101, 19551231, P.YEAR, False, False),
    ("  1955\n", "1955", 19550101, 19551231, P.YEAR, False, False),
    ("1950s", "195X", 19500101, 19591231, P.DECADE, False, False),
    ("1950's", "195X", 19500101, 19591231, P.DECADE, False, False),
    ("195X", "195X", 19500101, 19591231, P.DECADE, False, False),
    ("19XX", "19XX", 19000101, 19991231, P.CENTURY, False, False),
    ("1XXX", "1XXX", 10000101, 19991231, P.MILLENNIUM, False, False),
    # qualifiers
    ("c. 1950", "1950~", 19500101, 19501231, P.YEAR, True, False),
    ("ca. 1950", "1950~", 19500101, 19501231, P.YEAR, True, False),
    ("ca 1950", "1950~", 19500101, 19501231, P.YEAR, True, False),
    ("circa 1950", "1950~", 19500101, 19501231, P.YEAR, True, False),
    ("Circa 1950", "1950~", 19500101, 19501231, P.YEAR, True, False),
    ("c1950", "1950~", 19500101, 19501231, P.YEAR, True, False),
    ("approximately 1950", "1950~", 19500101, 19501231, P.YEAR, True, False),
    ("circa December 1955", "1955-12~", 19551201, 19551231, P.MONTH, True, False),
    ("c. 1950s", "195X~", 19500101, 19591231, P.DECADE, True, False),
    ("1960~", "1960~", 19600101, 19601231, P.YEAR, True, False),
    ("1950?", "1950?", 19500101, 19501231, P.YEAR, False, True),
    ("1961?", "1961?", 19610101, 19611231, P.YEAR, False, True),
    ("October 1959?", "1959-10?", 19591001, 19591031, P.MONTH, False, True),
    ("circa 1950?", "1950%", 19500101, 19501231, P.YEAR, True, True),
    # square brackets: supplied by the cataloguer; no EDTF qualifier of their own
    ("[1950]", "1950", 19500101, 19501231, P.YEAR, False, False),
    ("[1950?]", "1950?", 19500101, 19501231, P.YEAR, False, True),
    ("[ca. 1950]", "1950~", 19500101, 19501231, P.YEAR, True, False),
    ("[December 6, 1955]", "1955-12-06", 19551206, 19551206, P.DAY, False, False),
    # undated
    ("undated", "XXXX", None, None, P.UNKNOWN, False, False),
    ("Undated", "XXXX", None, None, P.UNKNOWN, False, False),
    ("n.d.", "XXXX", None, None, P.UNKNOWN, False, False),
    ("[n.d.]", "XXXX", None, None, P.UNKNOWN, False, False),
    ("no date", "XXXX", None, None, P.UNKNOWN, False, False),
    ("s.d.", "XXXX", None, None, P.UNKNOWN, False, False),
    ("XXXX", "XXXX", None, None, P.UNKNOWN, False, False),
    ("undated, 1955", "1955", 19550101, 19551231, P.YEAR, False, False),
    ("1955, undated", "1955", 19550101, 19551231, P.YEAR, False, False),
    ("1955 and undated", "1955", 19550101, 19551231, P.YEAR, False, False),
    ("1955-1957, undated", "1955/1957", 19550101, 19571231, P.YEAR, False, False),
    # zeros for unknown parts, as databases export them
    ("1959-10-00", "1959-10", 19591001, 19591031, P.MONTH, False, False),
    ("1959-00-00", "1959", 19590101, 19591231, P.YEAR, False, False),
    ("1959-00", "1959", 19590101, 19591231, P.YEAR, False, False),
    ("1959-00-15", "1959-XX-15", 19590115, 19591215, P.YEAR, False, False),
    ("0000-00-00", "XXXX", None, None, P.UNKNOWN, False, False),
    ("0000-00-00 00:00:00", "XXXX", None, None, P.UNKNOWN, False, False),
    ("0000-05-12", "XXXX-05-12", None, None, P.UNKNOWN, False, False),
    ("0000", "XXXX", None, None, P.UNKNOWN, False, False),
    # ranges
    ("1900/1999", "1900/1999", 19000101, 19991231, P.YEAR, False, False),
    ("1961/1962", "1961/1962", 19610101, 19621231, P.YEAR, False, False),
    ("1955-1957", "1955/1957", 19550101, 19571231, P.YEAR, False, False),
    ("1955–1957", "1955/1957", 19550101, 19571231, P.YEAR, False, False),
    ("1955 — 1957", "1955/1957", 19550101, 19571231, P.YEAR, False, False),
    ("1955 - 1957", "1955/1957", 19550101, 19571231, P.YEAR, False, False),
    ("1955 to 1957", "1955/1957", 19550101, 19571231, P.YEAR, False, False),
    (
        "January 1, 2015 - December 31, 2016",
        "2015-01-01/2016-12-31",
        20150101,
        20161231,
        P.DAY,
        False,
        False,
    ),
    ("December 1955 – March 1956", "1955-12/1956-03", 19551201, 19560331, P.MONTH, False, False),
    ("1955-12-06 - 1956", "1955-12-06/1956", 19551206, 19561231, P.DAY, False, False),
    ("c. 1950-1960", "1950~/1960~", 19500101, 19601231, P.YEAR, True, False),
    ("1950?-1960", "1950?/1960", 19500101, 19601231, P.YEAR, False, True),
    ("1950-present", "1950/..", 19500101, None, P.YEAR, False, False),
    # ranges written short
    ("1955-57", "1955/1957", 19550101, 19571231, P.YEAR, False, False),
    ("1930-31", "1930/1931", 19300101, 19311231, P.YEAR, False, False),  # no EDTF season
    ("1955-57, undated", "1955/1957", 19550101, 19571231, P.YEAR, False, False),
    ("June 6-8, 1955", "1955-06-06/1955-06-08", 19550606, 19550608, P.DAY, False, False),
    ("Dec. 6–8, 1955", "1955-12-06/1955-12-08", 19551206, 19551208, P.DAY, False, False),
    ("1955 June 6-8", "1955-06-06/1955-06-08", 19550606, 19550608, P.DAY, False, False),
    ("June-July 1955", "1955-06/1955-07", 19550601, 19550731, P.MONTH, False, False),
    ("1955 June-July", "1955-06/1955-07", 19550601, 19550731, P.MONTH, False, False),
]
# EDTF beyond level 1, read by the edtf library
LIBRARY_FORMS: list[tuple[str, str, int | None, int | None, Precision, bool, bool]] = [
    ("156X-12-25", "156X-12-25", 15601225, 15691225, P.DAY, False, False),
    ("1XXX-12", "1XXX-12", 10001201, 19991231, P.MONTH, False, False),
    ("{1667,1668}", "{1667,1668}", 16670101, 16681231, P.YEAR, False, False),
    ("[1667..1668]", "[1667..1668]", 16670101, 16681231, P.YEAR, False, False),
    ("Y17E7", "Y17E7", day_key(170000000), last_day_key(170000000), P.YEAR, False, False),
    ("XXXX/1950", "XXXX/1950", None, 19501231, P.YEAR, False, False),
    ("1950/XXXX", "1950/XXXX", 19500101, None, P.YEAR, False, False),
]


@pytest.mark.parametrize(
    ("text", "edtf_text", "lower", "upper", "precision", "approx", "uncertain"),
    [*FORMS, *LIBRARY_FORMS],
)
def test_forms(
    text: str,
    edtf_text: str,
    lower: int | None,
    upper: int | None,
    precision: Precision,
    approx: bool,
    uncertain: bool,
) -> None:
    expected = PartialDate(text.strip(), edtf_text, lower, upper, precision, approx, uncertain)
    assert parse_date(text) == expected
    # the EDTF Catalog writes reads back the same
    again = parse_edtf(edtf_text, text)
    assert (again.edtf, again.lower, again.upper, again.precision) == (
        edtf_text,
        lower,
        upper,
        precision,
    )


def test_produced_edtf_is_edtf_for_the_library() -> None:
    """What Catalog writes as EDTF, other EDTF software reads."""
    for text, edtf_text, *_ in [*FORMS, *LIBRARY_FORMS]:
        edtf.parse_edtf(edtf_text)  # raises if not EDTF
        assert parse_date(text).edtf == edtf_text


NOT_UNDERSTOOD = [
    "1959-13-45",
    "1955-02-30",
    "1900-02-29",  # 1900 is no leap year
    "2001-02-29",
    "February 30, 1955",
    "1985-04-12T25:00:00",
    "1962/1961",  # ends before it starts
    "1955-1954",
    "12/06/1955",  # day or month first? kept as text
    "2001-20",  # neither a month, a season nor a later year
    "2001-21~",
    "-0000",
    "Y1985",
    "1985-04-12T23:20:30Z/1986",
    "1985-04-12T23:20:30Z~",
    "1995-13",
    "1998-45",  # 1998 to 1945?
    "June 8-6, 1955",
    "hello",
    "sometime in the fifties",
    "1955 or 1956",
    "15",
    "1/2",
    "Y1E999999999",
]


@pytest.mark.parametrize("text", NOT_UNDERSTOOD)
def test_not_understood_is_kept_as_text(text: str) -> None:
    assert parse_date(text) == PartialDate(text=text)
    assert describe(parse_date(text)) == "not understood"


def test_library_failures_stay_quiet(capsys: pytest.CaptureFixture[str]) -> None:
    dates.clear_cache()
    assert parse_date("2004-X8") == PartialDate(text="2004-X8")  # the library fails on it
    assert capsys.readouterr() == ("", "")


@pytest.mark.parametrize("text", ["", "   ", "\n\t"])
def test_blank_is_undated(text: str) -> None:
    assert parse_date(text) == UNDATED
    assert parse_date(text).text == ""


# EDTF level 2 seasons, hemispheres, quarters, quadrimesters and semesters of 2001.
LEVEL_2_SEASONS = [
    (25, 20010301, 20010531),
    (26, 20010601, 20010831),
    (27, 20010901, 20011130),
    (28, 20011201, 20020228),
    (29, 20010901, 20011130),
    (30, 20011201, 20020228),
    (31, 20010301, 20010531),
    (32, 20010601, 20010831),
    (33, 20010101, 20010331),
    (34, 20010401, 20010630),
    (35, 20010701, 20010930),
    (36, 20011001, 20011231),
    (37, 20010101, 20010430),
    (38, 20010501, 20010831),
    (39, 20010901, 20011231),
    (40, 20010101, 20010630),
    (41, 20010701, 20011231),
]


@pytest.mark.parametrize(("code", "lower", "upper"), LEVEL_2_SEASONS)
def test_level_2_seasons_as_edtf(code: int, lower: int, upper: int) -> None:
    date = parse_edtf(f"2001-{code}")
    assert (date.edtf, date.lower, date.upper) == (f"2001-{code}", lower, upper)
    assert date.precision == P.SEASON
    # in free text, two digits after a year that are no month or level 1 season end a range
    assert parse_date(f"2001-{code}").edtf == f"2001/20{code}"


def test_parse_edtf_falls_back_to_the_text() -> None:
    assert parse_edtf("not edtf", "October, 1959") == parse_date("October, 1959")
    assert parse_edtf("1959-10-00") == parse_date("1959-10-00")
    assert parse_edtf("") == UNDATED
    # valid EDTF is taken as EDTF: 0000 is the year 1 BCE, not an unknown year
    assert parse_edtf("0000").lower == day_key(0, 1, 1)
    assert parse_edtf(" 1959-10 ", " October, 1959 ").text == "October, 1959"


def test_common_forms_do_not_need_the_edtf_library(monkeypatch: pytest.MonkeyPatch) -> None:
    """The library is slow (milliseconds a call): imports go through regexes."""

    def refuse(text: str) -> None:
        raise AssertionError(f"edtf library called for {text!r}")

    monkeypatch.setattr(dates, "_library_parse", refuse)
    dates.clear_cache()
    try:
        for text in [row[0] for row in SPEC] + [row[0] for row in FORMS]:
            assert parse_date(text).understood, text
        assert not parse_date("hello").understood
    finally:
        dates.clear_cache()


DESCRIBE = [
    ("1959-10", "1959-10 (1959-10-01 to 1959-10-31)"),
    ("c. 1950", "circa 1950 (1950-01-01 to 1950-12-31)"),
    ("circa 1950?", "circa 1950? (1950-01-01 to 1950-12-31)"),
    ("1961?", "1961? (1961-01-01 to 1961-12-31)"),
    ("December 6, 1955", "1955-12-06"),  # a single day needs no bounds
    ("1985/..", "1985/.. (from 1985-01-01)"),
    ("../1985", "../1985 (until 1985-12-31)"),
    ("0000-05-12", "XXXX-05-12 (bounds unknown)"),
    ("undated", "undated"),
    ("-0044-03-15", "-0044-03-15"),
    ("October, 1959?", "1959-10? (1959-10-01 to 1959-10-31)"),
    ("gibberish", "not understood"),
]


@pytest.mark.parametrize(("text", "expected"), DESCRIBE)
def test_describe(text: str, expected: str) -> None:
    assert describe(parse_date(text)) == expected


DATE_PARTS: list[tuple[str, list[int] | None]] = [
    ("December 06, 1955", [1955, 12, 6]),
    ("October, 1959", [1959, 10]),
    ("1955", [1955]),
    ("c. 1950", [1950]),
    ("Spring 1955", [1955]),
    ("2004-06-11T00:00:00Z", [2004, 6, 11]),
    ("1964/2008-06", [1964]),
    ("2004-02-01/2005", [2004, 2, 1]),
    ("1985-04-XX", [1985, 4]),
    ("-1985", [-1985]),
    ("1950s", None),
    ("156X-12-25", None),
    ("../1985", None),
    ("undated", None),
    ("0000-05-12", None),
    ("gibberish", None),
]


@pytest.mark.parametrize(("text", "expected"), DATE_PARTS)
def test_date_parts(text: str, expected: list[int] | None) -> None:
    assert date_parts(parse_date(text)) == expected


def test_day_keys() -> None:
    assert day_key(1959, 10, 31) == 19591031
    assert last_day_key(1959, 2) == 19590228
    assert last_day_key(2000, 2) == 20000229
    assert last_day_key(1900, 2) == 19000228
    assert last_day_key(0, 2) == day_key(0, 2, 29)  # 1 BCE is a leap year
    assert last_day_key(-4, 2) == day_key(-4, 2, 29)
    assert last_day_key(-100, 2) == day_key(-100, 2, 28)
    assert last_day_key(12000, 2) == day_key(12000, 2, 29)
    assert split_day_key(day_key(-44, 3, 15)) == (-44, 3, 15)
    assert iso_day(day_key(-44, 3, 15)) == "-0044-03-15"
    assert day_key(-45, 12, 31) < day_key(-44, 1, 1) < day_key(-44, 12, 31) < day_key(0, 1, 1)


# ---------------------------------------------------------------- properties

_EDTF_ALPHABET = st.sampled_from([*"0123456789", "X", "-", "/", "..", "?", "~", "%", "Y", "T"])
_DATE_LIKE = st.one_of(
    st.text(),
    st.lists(_EDTF_ALPHABET, max_size=16).map("".join),
    st.builds(
        "{}{}{}".format,
        st.sampled_from(["", "c. ", "[", "circa ", "undated, "]),
        st.sampled_from([row[0] for row in [*FORMS, *LIBRARY_FORMS, *SPEC]]),
        st.sampled_from(["", "?", "]", " - 1960", "/..", "-12", "s"]),
    ),
)


def _check(date: PartialDate, text: str) -> None:
    assert date.text == text.strip()
    if date.lower is not None and date.upper is not None:
        assert date.lower <= date.upper
    if date.edtf is None:
        assert (date.lower, date.upper, date.precision) == (None, None, P.UNKNOWN)
        return
    again = parse_edtf(date.edtf)
    assert (again.edtf, again.lower, again.upper) == (date.edtf, date.lower, date.upper)
    assert again.precision == date.precision
    describe(date)
    date_parts(date)


@settings(deadline=None, max_examples=300)
@given(_DATE_LIKE)
def test_parse_date_never_raises(text: str) -> None:
    _check(parse_date(text), text)


@settings(deadline=None)
@given(st.text(), st.text())
def test_parse_edtf_never_raises(edtf_text: str, text: str) -> None:
    date = parse_edtf(edtf_text, text)
    if date.edtf is None:
        assert date == parse_date(text or edtf_text)


# English names, not strftime's %B: a QApplication may have switched the locale.
_NAMES = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
_FORMATS = [
    "{y:04d}-{m:02d}-{d:02d}",
    "{name} {d}, {y}",
    "{name} {d:02d}, {y}",
    "{d} {name} {y}",
    "{abbr}. {d}, {y}",
    "{d:02d}-{abbr}-{y}",
    "{y} {name} {d}",
    "{y:04d}-{m:02d}-{d:02d}T12:00:00Z",
]


@given(st.dates(dt.date(1000, 1, 1), dt.date(9999, 12, 31)), st.sampled_from(_FORMATS))
def test_every_calendar_day(day: dt.date, form: str) -> None:
    name = _NAMES[day.month - 1]
    text = form.format(y=day.year, m=day.month, d=day.day, name=name, abbr=name[:3])
    date = parse_date(text)
    key = day_key(day.year, day.month, day.day)
    assert (date.lower, date.upper, date.precision) == (key, key, P.DAY)
    assert date_parts(date) == [day.year, day.month, day.day]


@given(st.integers(1000, 9998), st.integers(1, 12))
def test_every_month(year: int, month: int) -> None:
    date = parse_date(f"{_NAMES[month - 1]}, {year}")
    assert date.edtf == f"{year}-{month:02d}"
    assert date.lower == day_key(year, month, 1)
    last = (dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)).day
    assert date.upper == day_key(year, month, last)


# Pieces of the undated words and of the qualifiers around a date, with the spaces and
# cases a copy may give them: what the quick "no date here" test must never turn away.
_UNDATED_PIECES = st.lists(
    st.sampled_from(
        [
            *"undatedNDSXxco.,;?~%[] \u00a0\t",
            "undated",
            "UNDATED",
            "n.d.",
            "N. D.",
            "n.\u00a0d",
            "nd",
            "s.d.",
            "no date",
            "No  Date",
            "sine dato",
            "date unknown",
            "unknown date",
            "XXXX",
            "and ",
            "c. ",
        ]
    ),
    max_size=8,
).map("".join)


@settings(deadline=None, max_examples=500)
@given(st.one_of(_DATE_LIKE, _UNDATED_PIECES))
def test_text_turned_away_at_once_is_no_date(text: str) -> None:
    """The quick test for a date's signs never turns away a text some form reads."""
    stripped = text.strip()
    if stripped:
        assert parse_date(text) == dates._parse_form(stripped)


@pytest.mark.parametrize(
    "text", ["undated", "N.D.", "[n. d.]", "nd", "s.d.", "No date", "sine  dato", "XXXX"]
)
def test_dates_without_digits_are_read(text: str) -> None:
    assert parse_date(text).understood
