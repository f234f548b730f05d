"""A header click: the same column reverses, another becomes primary, two keys are kept."""

from __future__ import annotations

from catalog.domain.views import SortKey, SortOrder
from catalog.ui.record_list.sorting import after_click, describe

DATE, TITLE, TYPE = SortOrder(SortKey.DATE), SortOrder(SortKey.TITLE), SortOrder(SortKey.TYPE)


def test_clicking_the_primary_column_reverses_it_and_keeps_the_secondary() -> None:
    assert after_click((DATE,), SortKey.DATE) == (SortOrder(SortKey.DATE, True),)
    reversed_title = (SortOrder(SortKey.TITLE, True), DATE)
    assert after_click((TITLE, DATE), SortKey.TITLE) == reversed_title
    assert after_click(reversed_title, SortKey.TITLE) == (TITLE, DATE)


def test_another_column_becomes_primary_and_the_old_primary_secondary() -> None:
    assert after_click((DATE,), SortKey.TITLE) == (TITLE, DATE)
    descending_title = SortOrder(SortKey.TITLE, True)
    assert after_click((descending_title, DATE), SortKey.TYPE) == (TYPE, descending_title)
    assert after_click((TITLE, DATE), SortKey.DATE) == (DATE, TITLE)
    assert after_click((), SortKey.TYPE) == (TYPE,)


def test_the_sort_in_words() -> None:
    headers = {SortKey.DATE: "Date", SortKey.TITLE: "Title"}
    text = describe((SortOrder(SortKey.TITLE, True), DATE), headers)
    assert text == "Sorted by Title (descending), then Date (ascending)."
    assert describe((), headers) == "Not sorted."
    assert describe((SortOrder(SortKey.ID),), headers) == "Sorted by Id (ascending)."
