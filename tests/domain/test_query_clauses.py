"""Top-level clauses with their spans: chips are removed and facet values applied by them."""

from __future__ import annotations

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from catalog.domain.errors import QueryError
from catalog.domain.query import parse_query
from catalog.domain.query_clauses import (
    apply_clause,
    clauses,
    pieces,
    remove_clause,
    replace_field,
    required,
)


def texts(query: str) -> list[str]:
    return [clause.text for clause in clauses(query)]


def test_terms_fields_quotes_and_groups_are_clauses() -> None:
    query = 'citizenship person:"Kim Il Sung" -type:Cable NOT (a OR b) "a phrase" date:1950s'
    assert texts(query) == [
        "citizenship",
        'person:"Kim Il Sung"',
        "-type:Cable",
        "NOT (a OR b)",
        '"a phrase"',
        "date:1950s",
    ]
    negation = clauses(query)[2]
    assert (negation.body, negation.negated) == ("type:Cable", True)
    assert query[negation.start : negation.end] == "-type:Cable"
    group = clauses(query)[3]
    assert (group.body, group.negated) == ("(a OR b)", True)


def test_operators_are_not_clauses_and_double_negation_cancels() -> None:
    assert texts("a AND b OR c") == ["a", "b", "c"]
    assert [p.clause is None for p in pieces("a AND b")] == [False, True, False]
    twice = clauses("--draft")[0]
    assert (twice.body, twice.negated) == ("draft", False)


def test_required_clauses_are_those_joined_by_and() -> None:
    assert [c.text for c in required("a AND -type:Cable (b OR c)")] == [
        "a",
        "-type:Cable",
        "(b OR c)",
    ]
    assert required("a OR type:Cable") == []


def test_quoted_values_keep_escapes_and_brackets_inside() -> None:
    query = r'title:"a \"quoted\" (word)" tag:x'
    assert texts(query) == [r'title:"a \"quoted\" (word)"', "tag:x"]


def test_half_typed_queries_still_split() -> None:
    assert texts('a "unclosed phrase') == ["a", '"unclosed phrase']
    assert texts("a (b c") == ["a", "(b c"]
    assert texts("a ) b") == ["a", ")", "b"]
    assert texts("a NOT") == ["a", "NOT"]
    assert texts("person:") == ["person:"]
    assert texts("") == []
    assert texts("   ") == []


@pytest.mark.parametrize(
    ("query", "index", "expected"),
    [
        ("citizenship type:Cable", 1, "citizenship"),
        ("citizenship type:Cable date:1950s", 1, "citizenship date:1950s"),
        ('a person:"Kim Il Sung" b', 1, "a b"),
        ("a -type:Cable", 1, "a"),
        ("a AND b", 1, "a"),
        ("a AND b", 0, "b"),
        ("a OR b OR c", 1, "a OR c"),
        ("(x OR y) tag:todo", 0, "tag:todo"),
        ("NOT OR x y", 1, "NOT OR y"),  # taking the OR would make NOT swallow y
        ("  a   b  ", 0, "b  "),
    ],
)
def test_remove_clause_removes_exactly_that_clause(query: str, index: int, expected: str) -> None:
    assert remove_clause(query, clauses(query)[index]) == expected


def test_remove_clause_finds_a_moved_clause_by_text_and_ignores_a_missing_one() -> None:
    old = clauses("type:Cable")[0]
    assert remove_clause("citizenship type:Cable", old) == "citizenship"
    assert remove_clause("citizenship", old) == "citizenship"


@pytest.mark.parametrize(
    ("query", "exclude", "expected"),
    [
        ("", False, "type:Cable"),
        ("citizenship ", False, "citizenship type:Cable"),
        ("citizenship", True, "citizenship -type:Cable"),
        ("type:Cable citizenship", False, "type:Cable citizenship"),
        ("type:Cables", False, "type:Cables type:Cable"),
        ("a -type:Cable b", False, "a type:Cable b"),
        ("a type:Cable b", True, "a -type:Cable b"),
        ("a NOT type:Cable", True, "a NOT type:Cable"),
        ("a OR b", False, "(a OR b) type:Cable"),
        (" a OR b ", True, "(a OR b) -type:Cable"),
    ],
)
def test_apply_clause(query: str, exclude: bool, expected: str) -> None:
    assert apply_clause(query, "type:Cable", exclude=exclude) == expected


def test_apply_clause_matches_quoted_values_whole() -> None:
    clause = 'type:"Record of Conversation"'
    assert apply_clause(f"a {clause}", clause) == f"a {clause}"
    assert apply_clause(f"a {clause}", clause, exclude=True) == f"a -{clause}"


FRAGMENTS = st.sampled_from(
    [
        "a",
        "Têt",
        "type:Cable",
        'person:"Kim Il Sung"',
        'title:"x \\" y"',
        "-draft",
        "-",
        "NOT",
        "AND",
        "OR",
        "(",
        ")",
        '"a phrase"',
        '"',
        "date:1950s",
        "http://x.org",
        "10:30",
        'tag:"',
    ]
)
QUERIES = st.lists(FRAGMENTS, max_size=8).flatmap(
    lambda parts: st.lists(
        st.sampled_from([" ", "  ", "\t", ""]), min_size=len(parts), max_size=len(parts)
    ).map(lambda gaps: "".join(g + p for g, p in zip(gaps, parts, strict=True)))
)


@given(st.one_of(st.text(), QUERIES))
def test_pieces_never_raise_and_cover_the_text(query: str) -> None:
    found = pieces(query)
    position = 0
    for piece in found:
        assert position <= piece.start < piece.end <= len(query)
        assert query[position : piece.start].strip() == ""
        if piece.clause is not None:
            assert piece.clause.text == query[piece.start : piece.end]
            assert piece.clause.text.endswith(piece.clause.body)
        position = piece.end
    assert query[position:].strip() == ""


@given(st.one_of(st.text(), QUERIES))
def test_removing_a_clause_leaves_the_others(query: str) -> None:
    found = clauses(query)
    for index, clause in enumerate(found):
        rest = remove_clause(query, clause)
        assert texts(rest) == [c.text for i, c in enumerate(found) if i != index]


@given(QUERIES, st.booleans())
def test_an_applied_clause_is_then_a_clause_of_the_query(query: str, exclude: bool) -> None:
    try:
        parse_query(query)
    except QueryError:
        assume(False)
    result = apply_clause(query, "type:Memo", exclude=exclude)
    assert any(c.body == "type:Memo" and c.negated == exclude for c in clauses(result))
    parse_query(result)  # a well-formed query stays well-formed


@pytest.mark.parametrize(
    ("query", "clause", "expected"),
    [
        ("", "date:1950..1955", "date:1950..1955"),
        ("korea date:1950..1955", "date:1953", "korea date:1953"),
        ("date:1950 type:Cable DATE:1951", "date:1960", "type:Cable date:1960"),
        ("korea -date:1950", "date:1953", "korea -date:1950 date:1953"),
        ("korea OR china", "date:1953", "(korea OR china) date:1953"),
    ],
)
def test_a_new_range_replaces_the_included_ones_of_its_field(
    query: str, clause: str, expected: str
) -> None:
    assert replace_field(query, clause) == expected
