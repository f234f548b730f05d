"""Whatever a user types in the search box, the answer is records or a QueryError.

``tests/domain/test_query.py`` fuzzes the parser alone and ``tests/store/test_search.py``
the SQL of parsed queries; this runs typed text end to end through
``CatalogService.search``, ``refresh`` (what the window calls on every keystroke) and
``facets``, on SQLite and PostgreSQL, through the SQL path and through the columnar index:
FTS5 and tsquery syntax, SQL fragments, quotes, NUL and lone surrogates never reach the
database as syntax (no ``sqlite3.OperationalError``, no psycopg error, no other
exception), and nothing is changed.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from catalog.domain.errors import QueryError
from catalog.domain.views import FacetName
from catalog.services.catalog import CatalogService
from tests import databases

# Pieces of every syntax the user's text could be mistaken for, glued at random.
PIECES = [
    # the query language's own
    *["(", ")", "AND", "OR", "NOT", "-", '"', "\\", "*", ":", "..", ">=", "<", " ", "title:"],
    *["person:", "date:", "date:1959", "has:notes", "is:trash", "tag:", "sort:"],
    # FTS5
    *["NEAR(", "NEAR/2", "^", "+", "{", "}", "title : x", "col:", "AND NOT", "'", "''"],
    # PostgreSQL tsquery and SQL
    *["&", "|", "!", "<->", "<2>", ":*", ":A", "::text", "$1", "?", "%", "_", "--", "/*", "*/"],
    *["'; DROP TABLE records; --", '"; DELETE FROM records; --', "' OR '1'='1", ";"],
    # text
    *["Kim", "Ivanov", "金", "Ким", "citizenship", "1959", "é", "\u0301", "\u200b", "ـ"],
    # what no database should see: NUL, lone surrogates, control characters
    *["\x00", "\ud800", "\udfff", "\x1b", "\t", "\n", "\r", "\x7f", "\ufeff", "\U0010ffff"],
]
QUERYISH = st.lists(st.sampled_from(PIECES), max_size=30).map("".join)
TYPED = st.one_of(QUERYISH, st.text(max_size=60), st.text(st.characters(), max_size=20))


@dataclass(frozen=True)
class Sample:
    service: CatalogService
    every: frozenset[int]  # the ids of every record


@contextmanager
def _target(database: str, tmp: Path) -> Iterator[str]:
    if database == "sqlite":
        yield str(tmp / "fuzz.sqlite")
        return
    if not databases.PG_URL:
        pytest.skip("CATALOG_TEST_PG_URL is not set (.ci/postgres.sh starts a server)")
    with databases.postgres_catalogue() as url:
        yield url


@pytest.fixture(
    scope="module",
    params=[
        pytest.param(("sqlite", False), id="sqlite-sql"),
        pytest.param(("sqlite", True), id="sqlite-index"),
        pytest.param(("postgres", False), id="postgres-sql", marks=pytest.mark.postgres),
        pytest.param(("postgres", True), id="postgres-index", marks=pytest.mark.postgres),
    ],
)
def sample(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Sample]:
    """The 15 sample records, searched through SQL or through the columnar index."""
    database, indexed = request.param
    tmp = tmp_path_factory.mktemp("fuzz")
    with _target(database, tmp) as target:
        service = CatalogService.open(target, user="fuzzer", cache_dir=tmp)
        try:
            service.load_sample()
            if indexed:
                service.prepare_index()
            yield Sample(service, frozenset(service.search("").ids))
        finally:
            service.close()


def _answers_or_query_error(sample: Sample, query: str) -> None:
    service = sample.service
    try:
        result = service.search(query)
    except QueryError as error:
        assert 0 <= error.position <= len(query)
        # Every other entry point refuses it the same way.
        with pytest.raises(QueryError):
            service.search(query, limit=5)
        with pytest.raises(QueryError):
            service.refresh(query)
        return
    assert set(result.ids) <= sample.every
    first = service.search(query, limit=5)
    assert list(first.ids) == list(result.ids)[:5] and first.total == len(result.ids)
    shown = service.refresh(query, facets={FacetName.TYPE: None, FacetName.PERSON: 10})
    assert list(shown.result.ids) == list(result.ids)
    service.facets(query, [FacetName.TAG, FacetName.DECADE])


@given(TYPED)
def test_typed_text_finds_records_or_is_a_query_error(sample: Sample, query: str) -> None:
    _answers_or_query_error(sample, query)


@pytest.mark.parametrize(
    "query",
    [
        "'; DROP TABLE records; --",
        '"; DROP TABLE records; --',
        "title:x' OR '1'='1",
        'NEAR("kim" "ivanov", 2)',
        "kim OR",
        "-",
        "*",
        ":",
        "kim:*",
        "kim <-> ivanov",
        "!kim & ivanov",
        "\x00",
        "kim\x00ivanov",
        "\ud800",
        'title:"\udfff"',
        "(" * 10_000,
        "a " * 5_000,
    ],
)
def test_known_injections(sample: Sample, query: str) -> None:
    _answers_or_query_error(sample, query)


def test_nothing_was_changed(sample: Sample) -> None:
    """After all that typing the catalogue still holds the sample, every table intact."""
    service = sample.service
    assert service.count() == 15
    assert service.search("citizenship").total > 0
    assert service.generation() == 1
    assert service.check() == []
