"""The status line's wording."""

from __future__ import annotations

from catalog.ui.shell.status import status_text


def test_a_search_with_a_selection() -> None:
    assert status_text(6, 15, 1, "citizenship") == "6 of 15 records · 1 selected · citizenship"


def test_no_query_shows_the_catalogue_size() -> None:
    assert status_text(15, 15, 0, "  ") == "15 records"
    assert status_text(1, 1, 0, "") == "1 record"


def test_large_numbers_and_a_multi_line_query() -> None:
    assert status_text(0, 1_000_000, 0, "a\n b") == "0 of 1,000,000 records · a b"
