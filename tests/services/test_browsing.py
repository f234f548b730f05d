"""What the window's list, timeline and sidebar ask of the service beyond a search."""

from __future__ import annotations

import pytest

from catalog.domain.errors import RecordNotFound
from catalog.domain.records import RelationInput, RelationType, Role
from catalog.domain.views import FacetName, SortKey, SortOrder
from catalog.services.catalog import CatalogService
from tests.factories import note, person, place, record, subject
from tests.store.helpers import insert


def _catalogue(service: CatalogService) -> list[int]:
    return insert(
        service.db,
        [
            record(
                "Cable on veterans",
                uid="a",
                date_text="October, 1959",
                archive="AVPRF",
                languages=("Russian", "Korean"),
                names=(
                    place("Pyongyang"),
                    person("Puzanov", Role.MENTIONED),
                    subject("Koreans in the USSR"),
                    person("Kim Il Sung", Role.AUTHOR),
                ),
                notes=(note("check the date"),),
            ),
            record("Cable on veterans", uid="b", date_text="1959", archive="PRC FMA"),
            record(
                "Memo on citizenship",
                uid="c",
                date_text="December 06, 1955",
                relations=(RelationInput(RelationType.RELATED_TO, "a"),),
            ),
        ],
    )


def test_rows_carry_archive_language_and_people_authors_first(service: CatalogService) -> None:
    # Only persons: the record's place and subject are not people.
    first, second, _third = _catalogue(service)
    row, other = service.summaries([first, second])
    assert (row.archive, row.language) == ("AVPRF", "Korean")  # the first by key
    assert row.people == ("Kim Il Sung", "Puzanov")
    assert (other.archive, other.language, other.people) == ("PRC FMA", "", ())


def test_a_second_sort_key_breaks_ties_of_the_first(service: CatalogService) -> None:
    first, second, third = _catalogue(service)
    by_title_then_date = service.search(
        "", SortKey.TITLE, then=(SortOrder(SortKey.DATE, descending=True),)
    )
    # Both cables share a title: the later date ("October, 1959") comes first.
    assert list(by_title_then_date.ids) == [first, second, third]
    by_title_then_archive = service.search(
        "", SortKey.TITLE, then=(SortOrder(SortKey.ARCHIVE, descending=True),)
    )
    assert list(by_title_then_archive.ids) == [second, first, third]


def test_month_and_has_facets_give_clauses_that_find_their_records(
    service: CatalogService,
) -> None:
    _catalogue(service)
    for use_index in (False, True):
        if use_index:
            service.prepare_index()
        facets = {f.name: f for f in service.facets("", [FacetName.MONTH, FacetName.HAS])}
        months = [(v.label, v.count, v.clause) for v in facets["month"].values]
        # "1959" is a whole year: it has no month; the day and the month do.
        assert months == [("1955-12", 1, "date:1955-12"), ("1959-10", 1, "date:1959-10")]
        has = {v.label: (v.count, v.clause) for v in facets["has"].values}
        assert has == {"Notes": (1, "has:notes"), "Relations": (2, "has:relations")}
        for value in [*facets["month"].values, *facets["has"].values]:
            assert service.search(value.clause).total == value.count


def test_history_lists_a_records_changes_newest_first(service: CatalogService) -> None:
    first, *_ = _catalogue(service)
    entries = service.history(first)
    assert [(e.action, e.user) for e in entries] == [("created", "tester")]
    assert entries[0].at == service.detail(first).created
    with pytest.raises(RecordNotFound):
        service.history(first + 100)


def test_date_facet_clauses_find_their_records_before_the_common_era(
    service: CatalogService,
) -> None:
    insert(
        service.db,
        [
            record("Ides of March", uid="x", date_text="-0044-03-15"),
            record("A year zero letter", uid="y", date_text="0000-06"),
            record("October cable", uid="z", date_text="October, 1959"),
        ],
    )
    for use_index in (False, True):
        if use_index:
            service.prepare_index()
        names = [FacetName.YEAR, FacetName.DECADE, FacetName.MONTH]
        for facet in service.facets("", names, None):
            assert facet.values, facet.name
            for value in facet.values:
                assert service.search(value.clause).total == value.count, value


def test_rows_without_names_leave_out_languages_and_people(service: CatalogService) -> None:
    first, *_ = _catalogue(service)
    (row,) = service.summaries([first], names=False)
    assert (row.title, row.archive, row.language, row.people) == (
        "Cable on veterans",
        "AVPRF",
        "",
        (),
    )
