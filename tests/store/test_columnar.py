"""The columnar index answers exactly as SQL does: same ids, same order, same counts."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from catalog.domain.query import parse_query
from catalog.domain.records import AuthorityKind, NameLink, RelationInput, RelationType, Role
from catalog.domain.views import FacetName, SortKey, SortOrder
from catalog.store import columnar, columnar_build, columnar_query, unit_of_work
from catalog.store.columnar import ColumnarIndex
from catalog.store.columnar_query import Evaluator, facet_counts, ordered_ids
from catalog.store.engine import Database
from catalog.store.facets_repo import facet_counts as sql_counts
from catalog.store.ids import IdList
from catalog.store.search import search_ids
from tests.factories import note, record
from tests.store.helpers import insert
from tests.store.test_search import CASES, RECORDS

WORDS = ["citizenship", "veterans", "benefits", "embassy", "cable", "korean", "convention"]
PEOPLE = ["Kim Il Sung", "Nam Il", "Puzanov", "Ri Dong-yong", "Huang Yugui"]
PLACES = ["Pyongyang", "Moscow", "Beijing", "Changchun"]
TYPES = ["Cable", "Journal/Diary", "Memorandum", "Letter", ""]
LANGS = ["Russian", "Chinese", "Korean"]
DATES = [
    "1955",
    "October, 1959",
    "December 06, 1955",
    "1957-03",
    "1961?",
    "c. 1950",
    "undated",
    "1960/1961",
    "",
    "-0044-03-15",
    "1959-10-00",
]


def generated(seed: int, count: int) -> list:
    rng = random.Random(seed)
    records = []
    for n in range(count):
        words = " ".join(rng.sample(WORDS, 3))
        records.append(
            record(
                # Every third title repeats another's, so a second sort key has ties to break.
                f"{rng.choice(['Cable', 'Memo', 'Report'])} {n if n % 3 else ''} on {words}",
                uid=f"g{n}",
                date_text=rng.choice(DATES),
                summary=f"{rng.choice(PEOPLE)} discusses {words} in {rng.choice(PLACES)}.",
                doc_type=rng.choice(TYPES),
                languages=tuple(rng.sample(LANGS, rng.randint(0, 2))),
                archive=rng.choice(["AVPRF", "PRC FMA", ""]),
                tags=tuple(rng.sample(["todo", "checked", "scan"], rng.randint(0, 2))),
                collections=tuple(rng.sample(["Soviet Koreans", "Veterans"], rng.randint(0, 1))),
                names=tuple(
                    NameLink(AuthorityKind.PERSON, p, rng.choice(list(Role)[:3]))
                    for p in rng.sample(PEOPLE, rng.randint(0, 3))
                )
                + tuple(NameLink(AuthorityKind.PLACE, p) for p in rng.sample(PLACES, 1)),
                notes=(note("check date"),) if rng.random() < 0.2 else (),
                relations=(RelationInput(RelationType.RELATED_TO, f"g{n - 1}"),)
                if n and rng.random() < 0.2
                else (),
            )
        )
    return records


@pytest.fixture
def loaded(db: Database) -> tuple[Database, ColumnarIndex]:
    insert(db, RECORDS)
    insert(db, generated(7, 300))
    with unit_of_work.write(db) as session:  # one record in the trash
        session.connection().exec_driver_sql("UPDATE records SET deleted = TRUE WHERE id = 3")
    with unit_of_work.read(db, consistent=True) as session:
        index = columnar_build.build(session.connection(), generation=0)
    return db, index


def assert_same(db: Database, index: ColumnarIndex, query: str) -> None:
    node = parse_query(query)
    with unit_of_work.read(db) as session:
        mask = Evaluator(index, session.connection()).matches(node)
        for sort in SortKey:
            for descending in (False, True):
                expected = search_ids(session, node, sort, descending)
                assert list(IdList(ordered_ids(index, mask, sort, descending))) == expected, (
                    query,
                    sort,
                    descending,
                )
        for first, then in SORT_PAIRS:
            expected = search_ids(session, node, first.key, first.descending, then=(then,))
            got = ordered_ids(index, mask, first.key, first.descending, (then,))
            assert list(IdList(got)) == expected, (query, first, then)
        for facet in FacetName:
            assert facet_counts(index, mask, facet, None) == sql_counts(session, node, facet), (
                query,
                facet,
            )
            # A short list: the most frequent values, ties cut as SQL's LIMIT cuts them.
            assert facet_counts(index, mask, facet, 2) == sql_counts(session, node, facet, 2), (
                query,
                facet,
            )


# Two-key sorts, as the list asks for after a click on a second header.
SORT_PAIRS = [
    (SortOrder(SortKey.TYPE), SortOrder(SortKey.TITLE, descending=True)),
    (SortOrder(SortKey.ARCHIVE, descending=True), SortOrder(SortKey.DATE)),
    (SortOrder(SortKey.LANGUAGE), SortOrder(SortKey.TYPE, descending=True)),
    (SortOrder(SortKey.DATE, descending=True), SortOrder(SortKey.TITLE)),
    (SortOrder(SortKey.TITLE), SortOrder(SortKey.ID, descending=True)),
    (SortOrder(SortKey.ID), SortOrder(SortKey.TITLE)),
]


@pytest.mark.parametrize("query", [c[0] for c in CASES] + ["is:trash", "-citizenship is:trash"])
def test_index_agrees_with_sql(loaded: tuple[Database, ColumnarIndex], query: str) -> None:
    assert_same(*loaded, query)


CLAUSES = st.sampled_from(
    [
        "citizenship",
        "veter*",
        '"soviet koreans"',
        "type:cable",
        "type:memorandum",
        'person:"kim il sung"',
        "person:puzanov",
        "place:moscow",
        "language:russian",
        "tag:todo",
        "tag:scan",
        'collection:"soviet koreans"',
        "archive:avprf",
        "date:1955",
        "date:1950s",
        "date:1955..1960",
        "date:>=1959-10",
        "date:<1957",
        "has:notes",
        "has:relations",
        "has:date",
        "has:tags",
        "is:trash",
        "title:report",
        "summary:moscow",
        "note:check",
    ]
)


@st.composite
def queries(draw: st.DrawFn) -> str:
    parts = []
    for _ in range(draw(st.integers(1, 4))):
        clause = draw(CLAUSES)
        if draw(st.booleans()) and draw(st.booleans()):
            clause = "-" + clause
        parts.append(clause)
        parts.append(draw(st.sampled_from([" ", " ", " OR "])))
    return "".join(parts[:-1])


@settings(
    max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(queries())
def test_index_agrees_with_sql_on_random_queries(
    loaded: tuple[Database, ColumnarIndex], query: str
) -> None:
    assert_same(*loaded, query)


@pytest.mark.parametrize("pairs_at_once", [1, 2, 7])
def test_facets_counted_a_slice_of_pairs_at_a_time_agree_with_sql(
    loaded: tuple[Database, ColumnarIndex], pairs_at_once: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A million pairs a slice in use: these slices are small, so every count spans many.
    monkeypatch.setattr(columnar_query, "PAIRS_AT_ONCE", pairs_at_once)
    for query in ("", "citizenship", "person:puzanov OR language:russian", "-tag:todo"):
        assert_same(*loaded, query)


def test_saved_copy_round_trips(loaded: tuple[Database, ColumnarIndex], tmp_path: Path) -> None:
    db, index = loaded
    path = tmp_path / "index.npz"
    columnar.save(index, path, "me")
    assert columnar.load(path, "someone else") is None
    copy = columnar.load(path, "me")
    assert copy is not None
    for query in ("citizenship", "type:cable OR person:puzanov", ""):
        node = parse_query(query)
        with unit_of_work.read(db) as session:
            a = Evaluator(index, session.connection()).matches(node)
            b = Evaluator(copy, session.connection()).matches(node)
        assert (a == b).all()
        for facet in FacetName:
            assert facet_counts(index, a, facet, 5) == facet_counts(copy, b, facet, 5)


def test_damaged_saved_copy_is_ignored(tmp_path: Path) -> None:
    path = tmp_path / "index.npz"
    path.write_bytes(b"PK\x03\x04 not really a zip")
    assert columnar.load(path, "me") is None
    assert columnar.load(tmp_path / "missing.npz", "me") is None


def test_id_list_reads_plain_ints() -> None:
    import numpy as np

    ids = IdList(np.array([5, 3, 9], dtype=np.int64))
    assert len(ids) == 3 and ids[1] == 3 and type(ids[1]) is int
    assert list(ids[1:]) == [3, 9] and list(ids) == [5, 3, 9]


def test_links_read_in_chunks_give_the_same_index(
    loaded: tuple[Database, ColumnarIndex], monkeypatch: pytest.MonkeyPatch
) -> None:
    db, whole = loaded
    monkeypatch.setattr(columnar_build, "LINK_CHUNK", 7)
    with unit_of_work.read(db, consistent=True) as session:
        chunked = columnar_build.build(session.connection(), generation=0)
    assert whole.pairs.keys() == chunked.pairs.keys()
    for name, pairs in whole.pairs.items():
        assert (pairs.rows == chunked.pairs[name].rows).all(), name
        assert (pairs.values == chunked.pairs[name].values).all(), name
