"""The Date column as written by the archive, or in ISO 8601 (Edit → Preferences)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from catalog.domain.dates import UNDATED, parse_date
from catalog.ui.record_list.columns import DateDisplay, date_display, date_text, set_date_display


@pytest.fixture(autouse=True)
def _as_written_after() -> Iterator[None]:
    yield
    set_date_display(DateDisplay.AS_WRITTEN)


@pytest.mark.parametrize(
    ("written", "iso"),
    [
        ("October, 1959", "1959-10"),
        ("December 06, 1955", "1955-12-06"),
        ("1950s", "195X"),
        ("sometime after the war", "sometime after the war"),  # not understood: as written
    ],
)
def test_both_forms(written: str, iso: str) -> None:
    date = parse_date(written)
    assert date_display() is DateDisplay.AS_WRITTEN
    assert date_text(date) == written
    set_date_display(DateDisplay.ISO)
    assert date_text(date) == iso


def test_an_undated_record_stays_blank() -> None:
    for display in DateDisplay:
        set_date_display(display)
        assert date_text(UNDATED) == ""
