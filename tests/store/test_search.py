"""Query trees compiled to SQL give the same answers on SQLite and PostgreSQL."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from catalog.domain.errors import QueryError
from catalog.domain.query import parse_query
from catalog.domain.records import AuthorityKind, NameLink, RelationInput, RelationType, Role
from catalog.domain.views import SortKey
from catalog.store import unit_of_work
from catalog.store.engine import Database
from catalog.store.search import count_matches, search_ids
from tests.factories import note, person, place, record, subject
from tests.store.helpers import find, insert

RECORDS = [
    record(
        "Journal of Soviet Ambassador to the DPRK V. I. Ivanov for 6 December 1955",
        uid="r1",
        date_text="December 06, 1955",
        summary="Nam Il tells Ivanov that Kim Il Sung is settling citizenship of Soviet Koreans.",
        doc_type="Journal/Diary",
        languages=("Russian",),
        archive="Archive of Foreign Policy of the Russian Federation",
        names=(person("Kim Il Sung", Role.MENTIONED, "Kim Il-sung", "김일성"), place("Pyongyang")),
        tags=("todo",),
        collections=("Soviet Koreans",),
    ),
    record(
        "Cable, Chinese Embassy in North Korea to the Foreign Ministry",
        uid="r2",
        date_text="October, 1959",
        summary="Chinese and North Korean officials resolve the citizenship question of veterans.",
        doc_type="Cable",
        languages=("Chinese",),
        names=(place("P'yŏngyang"), subject("Citizenship")),
        notes=(note("check the translation"),),
        relations=(RelationInput(RelationType.REPLY_TO, "r1"),),
    ),
    record(
        "Memo of Conversation with Huang Yugui",
        uid="r3",
        date_text="January 20, 1961",
        summary="Hong Yugui discusses restoring Chinese citizenship. 김일성 동지와의 대화.",
        doc_type="Memorandum of Conversation",
        names=(person("Huang Yugui", Role.AUTHOR, "Hong Yugui"),),
    ),
    record(
        "Запись беседы с послом",
        uid="r4",
        date_text="1957",
        summary="Беседа о гражданстве корейцев. 中国人民志愿军",
        doc_type="Record of Conversation",
        languages=("Russian",),
        archive="AVPRF",
    ),
    record(
        "Undated note about benefits", uid="r5", date_text="undated", summary="Veterans' benefits."
    ),
]


@pytest.fixture
def ids(db: Database) -> dict[str, int]:
    written = insert(db, RECORDS)
    return {f"r{n + 1}": rid for n, rid in enumerate(written)}


CASES = [
    ("citizenship", {"r1", "r2", "r3"}),
    ("CITIZENSHIP", {"r1", "r2", "r3"}),
    ("citizenship veterans", {"r2"}),
    ('"Soviet Koreans"', {"r1"}),
    ('"Koreans Soviet"', set()),
    ("veteran*", {"r2", "r5"}),
    ("cit*", {"r1", "r2", "r3"}),
    ("title:conversation", {"r3"}),
    ("summary:veterans", {"r2", "r5"}),
    ("note:translation", {"r2"}),
    ("translation", {"r2"}),
    ("Hong", {"r3"}),  # a variant of a linked authority is indexed as a name
    ('person:"Kim Il Sung"', {"r1"}),
    ('person:"kim il-sung"', {"r1"}),
    ("person:김일성", {"r1"}),
    ('person:"Hong Yugui"', {"r3"}),
    # P'yŏngyang folds to the same key as Pyongyang: one authority, both records.
    ("place:Pyongyang", {"r1", "r2"}),
    ('place:"P\'yŏngyang"', {"r1", "r2"}),
    ("place:PYONGYANG", {"r1", "r2"}),
    ("subject:citizenship", {"r2"}),
    ("type:cable", {"r2"}),
    ('type:"journal/diary"', {"r1"}),
    ("language:russian", {"r1", "r4"}),
    ('archive:"Archive of Foreign Policy of the Russian Federation"', {"r1"}),
    ("archive:avprf", {"r4"}),
    ('collection:"soviet koreans"', {"r1"}),
    ("tag:todo", {"r1"}),
    ("tag:TODO", {"r1"}),
    ("date:1955", {"r1"}),
    ("date:1959-10", {"r2"}),
    ("date:1955..1957", {"r1", "r4"}),
    ("date:>=1959-10", {"r2", "r3"}),
    ("date:<1957", {"r1"}),
    ("date:1950s", {"r1", "r2", "r4"}),
    ("has:notes", {"r2"}),
    ("has:relations", {"r1", "r2"}),
    ("has:tags", {"r1"}),
    ("has:date", {"r1", "r2", "r3", "r4"}),
    ("-has:date", {"r5"}),
    ("has:attachments", set()),
    ("citizenship -type:cable", {"r1", "r3"}),
    ("-type:cable", {"r1", "r3", "r4", "r5"}),  # r5 has no type: NOT must keep it
    ("-archive:avprf", {"r1", "r2", "r3", "r5"}),
    ("NOT citizenship", {"r4", "r5"}),
    ("type:cable OR type:journal/diary", {"r1", "r2"}),
    ("(citizenship OR benefits) date:1959..1961", {"r2", "r3"}),
    ("гражданстве", {"r4"}),
    ("ГРАЖДАНСТВЕ", {"r4"}),
    ("беседы", {"r4"}),
    ('"中国"', {"r4"}),
    ("志愿", {"r4"}),
    ("김일성", {"r1", "r3"}),
    ("", {"r1", "r2", "r3", "r4", "r5"}),
    ("is:trash", set()),
]


@pytest.mark.parametrize(("query", "expected"), CASES, ids=[c[0] or "<empty>" for c in CASES])
def test_query_finds_expected_records(
    db: Database, ids: dict[str, int], query: str, expected: set[str]
) -> None:
    assert set(find(db, query)) == {ids[name] for name in expected}


def test_date_sort_puts_partial_dates_by_lower_bound_and_undated_last(
    db: Database, ids: dict[str, int]
) -> None:
    assert find(db, "") == [ids[n] for n in ("r1", "r4", "r2", "r3", "r5")]


def test_title_sort_ignores_case_and_punctuation(db: Database, ids: dict[str, int]) -> None:
    order = find(db, "", SortKey.TITLE)
    assert order[:4] == [ids[n] for n in ("r2", "r1", "r3", "r5")]
    assert order[-1] == ids["r4"]  # Cyrillic after Latin


def test_count_and_limit(db: Database, ids: dict[str, int]) -> None:
    node = parse_query("citizenship")
    with unit_of_work.read(db) as session:
        assert count_matches(session, node) == 3
        assert search_ids(session, node, SortKey.DATE, descending=True, limit=2) == [
            ids["r3"],
            ids["r2"],
        ]


HOSTILE = [
    '"',
    'a" OR 1=1 --',
    "'; DROP TABLE records; --",
    "NEAR(a b)",
    "title:NEAR",
    "col:*",
    "{title}:x",
    "a:b:c",
    "^citizenship",
    "AND",
    "* * *",
    "\\",
    "x' & 'y",
    "!!(a)",
    "a <-> b",
    "citizenship:*",
]


@pytest.mark.parametrize("query", HOSTILE)
def test_hostile_text_never_reaches_the_database_as_syntax(
    db: Database, ids: dict[str, int], query: str
) -> None:
    try:
        node = parse_query(query)
    except QueryError:
        return
    with unit_of_work.read(db) as session:
        search_ids(session, node)
    assert len(find(db, "")) == 5


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.text(max_size=40))
def test_any_query_either_runs_or_is_a_query_error(
    db: Database, ids: dict[str, int], query: str
) -> None:
    try:
        node = parse_query(query)
    except QueryError:
        return
    with unit_of_work.read(db) as session:
        search_ids(session, node)


def test_authorities_are_shared_through_any_variant(db: Database) -> None:
    first, second = insert(
        db,
        [
            record(
                "One",
                names=(NameLink(AuthorityKind.PERSON, "Kim Il Sung", variants=("Kim Il-sung",)),),
            ),
            record("Two", names=(NameLink(AuthorityKind.PERSON, "KIM IL-SUNG"),)),
        ],
    )
    assert set(find(db, 'person:"Kim Il Sung"')) == {first, second}
