"""Years and months written as the query language reads them, for clauses made by code."""

from __future__ import annotations


def year_text(year: int) -> str:
    """A year as the query parser reads it: ``1959``, ``-0044``, ``0000~``, ``Y12345``.

    A bare ``0000`` reads as "unknown" in the date parser, so year 0 is written as an
    approximate year (same bounds).
    """
    if year == 0:
        return "0000~"
    if abs(year) > 9999:
        return f"Y{year}"
    return f"{'-' if year < 0 else ''}{abs(year):04d}"


def month_text(year: int, month: int) -> str | None:
    """A month as the query parser reads it (None for years beyond four digits)."""
    if abs(year) > 9999:
        return None
    if year == 0:
        return f"0000-{month:02d}~"
    return f"{year_text(year)}-{month:02d}"
