"""PostgreSQL's index terms (words, pairs of words, words in a field) answer like FTS5.

``catalog.store.fulltext`` describes the layout; these tests check that the terms give
exactly the answers of the documents (and of SQLite), that records whose terms are too
many are still found, that the table's rows stay small, and that a catalogue of the
previous revision is upgraded in place.
"""

from __future__ import annotations

import pytest
from alembic import command
from sqlalchemy import Connection, text
from sqlalchemy import insert as sql_insert

from catalog.domain.query import parse_query
from catalog.domain.query_ast import TextTerm
from catalog.store import fulltext, unit_of_work
from catalog.store import tables as t
from catalog.store.engine import Database, create_database
from catalog.store.fulltext import PARTIAL, index_terms
from catalog.store.schema import alembic_config, prepare
from catalog.store.search import index_terms_of, matching_ids, search_ids
from tests.factories import note, person, place, record
from tests.store.helpers import find, insert, raw_record_row
from tests.store.test_search import CASES, RECORDS


def _ids_by_text(db: Database, query: str) -> set[int]:
    """The ids the columnar path asks the database for (``matching_ids``)."""
    node = parse_query(query)
    terms = [node] if isinstance(node, TextTerm) else list(getattr(node, "items", ()))
    with unit_of_work.read(db) as session:
        return set(matching_ids(session.connection(), terms).tolist())


def test_terms_are_words_pairs_within_a_field_and_labelled_words() -> None:
    row = (7, "red cross", "the red cross society", "check it", "kim il sung")
    terms = set(index_terms(row))
    assert {"red", "cross", "society", "kim", "il", "sung"} <= terms
    assert {"red cross", "the red", "cross society", "check it", "kim il", "il sung"} <= terms
    assert {"A:red", "A:cross", "B:the", "B:society", "C:check"} <= terms
    assert "cross the" not in terms  # the end of the title and the start of the summary
    assert not any(term.startswith("D:") for term in terms)  # names are not a field


def test_too_many_terms_make_one_partial_term(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(fulltext, "TERMS_BYTES", 20)
    assert index_terms((1, "a title of some length", "", "", "")) == [PARTIAL]


def test_a_term_too_long_for_postgresql_is_left_out() -> None:
    long = "x" * 2046  # a lexeme holds 2047 bytes: the token fits, its pair and label not
    assert set(index_terms((1, f"{long} y", "", "", ""))) == {long, "y", "A:y"}


@pytest.mark.parametrize(
    ("query", "exact"),
    [
        ("citizenship", True),
        ("cit*", True),
        ('"soviet koreans"', True),
        ("kim-il*", True),
        ("title:conversation", True),
        ("title:conv*", True),
        ('"kim il sung"', False),  # three words: the positions must be checked
        ('title:"soviet koreans"', False),  # a phrase in a field: the weights too
    ],
)
def test_which_terms_the_index_answers_alone(query: str, exact: bool) -> None:
    node = parse_query(query)
    assert isinstance(node, TextTerm)
    assert index_terms_of(node)[1] is exact


def test_a_prefix_applies_to_the_last_token_only() -> None:
    node = parse_query("title:kim-il*")
    assert isinstance(node, TextTerm)
    wanted, exact = index_terms_of(node)
    assert wanted == ["'kim il':*", "'A:kim'", "'A:il':*"] and not exact


@pytest.fixture
def ids(db: Database) -> dict[str, int]:
    written = insert(db, RECORDS)
    return {f"r{n + 1}": rid for n, rid in enumerate(written)}


@pytest.mark.parametrize(("query", "expected"), CASES, ids=[c[0] or "<empty>" for c in CASES])
def test_records_with_partial_terms_are_still_found(
    db: Database, monkeypatch: pytest.MonkeyPatch, query: str, expected: set[str]
) -> None:
    # Every record's terms "too many": each search checks the documents instead.
    monkeypatch.setattr(fulltext, "TERMS_BYTES", 0)
    written = insert(db, RECORDS)
    ids = {f"r{n + 1}": rid for n, rid in enumerate(written)}
    assert set(find(db, query)) == {ids[name] for name in expected}


PHRASES = [
    # A phrase never spans two fields or two names' fields, on either database.
    ('"soviet koreans"', set()),
    ('"report about the soviet"', {"p1"}),
    ('"koreans in exile"', {"p1"}),
    ('"the soviet koreans"', set()),
    ('title:"about the"', {"p1"}),
    ('summary:"about the"', set()),
    ('title:"in exile"', set()),
    ('note:"translation checked"', {"p2"}),
    ('"translation checked"', {"p2"}),
    ('"kim il sung"', {"p2"}),
    ('"il sung"', {"p2"}),
    ("kim-il*", {"p2"}),
    ("title:rep*", {"p1"}),
    ("note:trans*", {"p2"}),
    ("summary:trans*", set()),
    ('"exile koreans"', set()),
    ('koreans "kim il"', set()),
    ('exile "kim il sung"', set()),
    ('checked "kim il sung"', {"p2"}),
    ('"il sung" -title:report', {"p2"}),
    ('"soviet koreans" OR "kim il"', {"p2"}),
]


@pytest.fixture
def phrase_ids(db: Database) -> dict[str, int]:
    written = insert(
        db,
        [
            record("Report about the Soviet", summary="Koreans in exile"),
            record(
                "Cable",
                summary="Talks in Pyongyang",
                notes=(note("translation checked"),),
                names=(person("Kim Il Sung"), place("Pyongyang")),
            ),
        ],
    )
    return {"p1": written[0], "p2": written[1]}


@pytest.mark.parametrize(("query", "expected"), PHRASES, ids=[c[0] for c in PHRASES])
def test_phrases_fields_and_prefixes_answer_alike(
    db: Database, phrase_ids: dict[str, int], query: str, expected: set[str]
) -> None:
    wanted = {phrase_ids[name] for name in expected}
    assert set(find(db, query)) == wanted
    if " OR " not in query and " -" not in query:
        assert _ids_by_text(db, query) == wanted


def test_a_token_postgresql_cannot_index_is_no_error(db: Database, ids: dict[str, int]) -> None:
    long = "z" * 3000
    for query in (long, f'"{long} citizenship"', f"title:{long}", f"citizenship {long}*"):
        find(db, query)
        _ids_by_text(db, query)


def _postgres(db: Database) -> None:
    if db.dialect != "postgresql":
        pytest.skip("PostgreSQL's layout")


def test_documents_live_out_of_the_rows(db: Database) -> None:
    _postgres(db)
    # Documents of about 1 kB: inline, as PostgreSQL would keep them, 200 take 25 pages.
    summary = " ".join(f"word{n}" for n in range(70))
    insert(db, [record(f"Record {n}", summary=summary) for n in range(200)])
    with db.writer.connect() as connection:
        pages = connection.scalar(
            text("SELECT pg_relation_size('record_search') / current_setting('block_size')::int")
        )
        indexes = set(
            connection.scalars(
                text("SELECT indexname FROM pg_indexes WHERE tablename = 'record_search'")
            )
        )
        # No statistics of the terms: with them, a word in most records is read back
        # from every row's terms (a TOAST fetch each) instead of from the index.
        target = connection.scalar(
            text(
                "SELECT attstattarget FROM pg_attribute"
                " WHERE attrelid = 'record_search'::regclass AND attname = 'terms'"
            )
        )
    assert pages is not None and pages <= 4
    assert {"ix_record_search_terms", "ix_record_search_document"} <= indexes
    assert target == 0


def test_a_search_tunes_its_postgresql_transaction(db: Database, ids: dict[str, int]) -> None:
    _postgres(db)
    with unit_of_work.read(db) as session:
        assert set(search_ids(session, parse_query("citizenship"))) == {
            ids["r1"],
            ids["r2"],
            ids["r3"],
        }
        settings = session.execute(
            text("SELECT current_setting('jit'), current_setting('work_mem')")
        ).one()
    assert settings[0] == "off" and settings[1].endswith(("MB", "GB"))
    with unit_of_work.read(db) as session:  # for that transaction only
        assert session.scalar(
            text("SELECT setting = reset_val FROM pg_settings WHERE name = 'work_mem'")
        )


def test_an_older_postgresql_catalogue_is_upgraded_in_place(empty_target: str) -> None:
    if not empty_target.startswith("postgresql"):
        pytest.skip("PostgreSQL's layout")
    db = create_database(empty_target)
    config = alembic_config()

    def search_table(connection: Connection) -> tuple[set[str], str | None]:
        columns = connection.scalars(
            text(
                "SELECT column_name FROM information_schema.columns"
                " WHERE table_name = 'record_search'"
            )
        )
        granted = connection.scalar(
            text("SELECT relacl::text FROM pg_class WHERE relname = 'record_search'")
        )
        return set(columns), granted

    try:
        prepare(db)
        with db.writer.begin() as connection:  # back to revision 0003's layout
            config.attributes["connection"] = connection
            command.downgrade(config, "0003")
            assert search_table(connection)[0] == {"record_id", "document"}
            connection.execute(
                sql_insert(t.Record),
                [
                    raw_record_row(
                        "Record of a Conversation", "Soviet Koreans and their citizenship"
                    )
                ],
            )
            connection.execute(
                text("INSERT INTO record_search VALUES (1, to_tsvector('simple', 'stale'))")
            )
            connection.execute(text("GRANT SELECT ON record_search TO PUBLIC"))
            granted = search_table(connection)[1]
        outcome = prepare(db)
        assert outcome.upgraded_from == "0003"
        with db.writer.connect() as connection:
            assert search_table(connection) == (
                {"record_id", "document", "terms", "filler"},
                granted,
            )
        assert find(db, "stale") == []
        assert find(db, '"soviet koreans"') == [1]
        assert find(db, "title:conversation") == [1]
        assert _ids_by_text(db, "citizenship") == {1}
    finally:
        db.dispose()
