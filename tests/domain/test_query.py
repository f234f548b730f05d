"""The query language: every form, precedence, errors and their positions, round trips."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from catalog.domain.errors import QueryError
from catalog.domain.query import (
    KNOWN_FIELDS,
    MAX_DEPTH,
    describe_error,
    format_clause,
    parse_query,
    query_words,
)
from catalog.domain.query_ast import (
    And,
    DateTerm,
    FacetField,
    FacetTerm,
    HasTerm,
    HasWhat,
    IsTerm,
    IsWhat,
    MatchAll,
    Node,
    Not,
    Or,
    TextField,
    TextTerm,
)

ANY = TextField.ANY


def word(source: str, *folded: str, prefix: bool = False, field: TextField = ANY) -> TextTerm:
    """A text term; its tokens default to the source in lower case."""
    return TextTerm(field, folded or (source.lower(),), prefix, source)


A, B, C, D = word("a"), word("b"), word("c"), word("d")


# ---------------------------------------------------------------- every form

FORMS: list[tuple[str, Node]] = [
    ("citizenship", word("citizenship")),
    ("  Citizenship  ", word("Citizenship")),
    ('"Soviet Koreans"', word("Soviet Koreans", "soviet", "koreans")),
    ("veteran*", word("veteran*", "veteran", prefix=True)),
    ("Kim-Il", word("Kim-Il", "kim", "il")),
    ("Kim-Il*", word("Kim-Il*", "kim", "il", prefix=True)),
    ("vet*ran", word("vet*ran", "vet", "ran")),
    ('"soviet kor*"', word("soviet kor*", "soviet", "kor")),  # no prefix inside quotes
    ("P'yŏngyang", word("P'yŏngyang", "p", "yongyang")),
    ("金日成", word("金日成", "金", "日", "成")),
    ("10:30", word("10:30", "10", "30")),
    ("http://example.org", word("http://example.org", "http", "example", "org")),
    ("re-examine", word("re-examine", "re", "examine")),
    ('"say \\"hi\\""', word('say "hi"', "say", "hi")),
    ('person:"Kim Il Sung"', FacetTerm(FacetField.PERSON, "Kim Il Sung")),
    ("person:Kim", FacetTerm(FacetField.PERSON, "Kim")),
    ("Person:Kim", FacetTerm(FacetField.PERSON, "Kim")),
    ("PERSON:AND", FacetTerm(FacetField.PERSON, "AND")),
    ("org:Comintern", FacetTerm(FacetField.ORGANISATION, "Comintern")),
    ("organisation:MID", FacetTerm(FacetField.ORGANISATION, "MID")),
    ("organization:MID", FacetTerm(FacetField.ORGANISATION, "MID")),
    ("place:Pyongyang", FacetTerm(FacetField.PLACE, "Pyongyang")),
    ("subject:citizenship", FacetTerm(FacetField.SUBJECT, "citizenship")),
    ("archive:AVPRF", FacetTerm(FacetField.ARCHIVE, "AVPRF")),
    ("language:Russian", FacetTerm(FacetField.LANGUAGE, "Russian")),
    ("type:cable", FacetTerm(FacetField.TYPE, "cable")),
    ('collection:"Soviet Koreans"', FacetTerm(FacetField.COLLECTION, "Soviet Koreans")),
    ("tag:todo", FacetTerm(FacetField.TAG, "todo")),
    ("tag:!!!", FacetTerm(FacetField.TAG, "!!!")),
    ("tag:a:b", FacetTerm(FacetField.TAG, "a:b")),
    ("tag:C:\\temp", FacetTerm(FacetField.TAG, "C:\\temp")),
    ('tag:" padded "', FacetTerm(FacetField.TAG, " padded ")),
    ('tag:"say \\"hi\\" \\\\o/"', FacetTerm(FacetField.TAG, 'say "hi" \\o/')),
    ('tag:"back\\slash"', FacetTerm(FacetField.TAG, "back\\slash")),
    ("person://x", FacetTerm(FacetField.PERSON, "//x")),
    ("title:convention", word("convention", field=TextField.TITLE)),
    ("summary:benefits", word("benefits", field=TextField.SUMMARY)),
    ("note:check", word("check", field=TextField.NOTE)),
    ('title:"cover memo"', word("cover memo", "cover", "memo", field=TextField.TITLE)),
    ("title:conv*", word("conv*", "conv", prefix=True, field=TextField.TITLE)),
    ("title:!!!", MatchAll()),
    ("has:notes", HasTerm(HasWhat.NOTES)),
    ("has:relations", HasTerm(HasWhat.RELATIONS)),
    ("has:attachments", HasTerm(HasWhat.ATTACHMENTS)),
    ("has:date", HasTerm(HasWhat.DATE)),
    ("HAS:Tags", HasTerm(HasWhat.TAGS)),
    ('has:"notes"', HasTerm(HasWhat.NOTES)),
    ("is:trash", IsTerm(IsWhat.TRASH)),
    ("", MatchAll()),
    ("   \t\n", MatchAll()),
    ("—", MatchAll()),
    ("!!!", MatchAll()),
    ("*", MatchAll()),
    ("-", MatchAll()),
    ('""', MatchAll()),
]


@pytest.mark.parametrize(("query", "expected"), FORMS)
def test_forms(query: str, expected: Node) -> None:
    assert parse_query(query) == expected


DATES: list[tuple[str, int | None, int | None]] = [
    ("date:1959", 19590101, 19591231),
    ("date:1959-10", 19591001, 19591031),
    ("date:1959-10-01", 19591001, 19591001),
    ("date:1955..1957", 19550101, 19571231),
    ("date:1959-10..1959-10", 19591001, 19591031),
    ("date:>=1959-10", 19591001, None),
    ("date:>1959", 19591231 + 1, None),
    ("date:<1960", None, 19600101 - 1),
    ("date:<=1960", None, 19601231),
    ("date:1950s", 19500101, 19591231),
    ("date:..1957", None, 19571231),
    ("date:1955..", 19550101, None),
    ('date:"1959"', 19590101, 19591231),
    ('date:" >1959 "', 19591231 + 1, None),
    ('date:"October 1959"', 19591001, 19591031),
    ("date:1955-1957", 19550101, 19571231),
    ("date:1950-present", 19500101, None),
    ("date:1950-present..1960", 19500101, 19601231),
    ("date:>=1950-present", 19500101, None),
]


@pytest.mark.parametrize(("query", "lower", "upper"), DATES)
def test_dates(query: str, lower: int | None, upper: int | None) -> None:
    node = parse_query(query)
    assert isinstance(node, DateTerm)
    assert (node.lower, node.upper) == (lower, upper)
    assert node.source == query.removeprefix("date:").strip('"').strip()


# ---------------------------------------------------------------- precedence

PRECEDENCE: list[tuple[str, Node]] = [
    ("a b", And((A, B))),
    ("a AND b", And((A, B))),
    ("a OR b", Or((A, B))),
    ("a b OR c", Or((And((A, B)), C))),
    ("a OR b c", Or((A, And((B, C))))),
    ("a OR b AND c", Or((A, And((B, C))))),
    ("a AND b OR c AND d", Or((And((A, B)), And((C, D))))),
    ("NOT a b", And((Not(A), B))),
    ("NOT a OR b", Or((Not(A), B))),
    ("-a b", And((Not(A), B))),
    ("-a", Not(A)),
    ("a -b", And((A, Not(B)))),
    ("a - b", And((A, B))),
    ("a NOT b", And((A, Not(B)))),
    ("NOT (a OR b)", Not(Or((A, B)))),
    ("-(a b)", Not(And((A, B)))),
    ("NOT NOT a", A),
    ("-(-a)", A),
    ("--a", A),
    ("(a OR b) c", And((Or((A, B)), C))),
    ("a (b c) d", And((A, B, C, D))),
    ("(a OR b) OR c", Or((A, B, C))),
    ("a OR (b OR (c OR d))", Or((A, B, C, D))),
    ("((a))", A),
    ("a and b or not c", And((A, word("and"), B, word("or"), word("not"), C))),
    ("a — b", And((A, B))),
    ("a OR —", A),
    ("NOT —", MatchAll()),
    ("(—)", MatchAll()),
    ("a (—) OR b", Or((A, B))),
    ('-"a b" person:x', And((Not(word("a b", "a", "b")), FacetTerm(FacetField.PERSON, "x")))),
    ("-person:x", Not(FacetTerm(FacetField.PERSON, "x"))),
    ("a(b)c", And((A, B, C))),
    ('a"b"c', And((A, B, C))),
]


@pytest.mark.parametrize(("query", "expected"), PRECEDENCE)
def test_precedence(query: str, expected: Node) -> None:
    assert parse_query(query) == expected


# ---------------------------------------------------------------- errors

ERRORS: list[tuple[str, int, int, str]] = [
    ("xyz:value", 0, 3, 'Unknown field "xyz:"'),
    ("a Foo:bar", 2, 3, "Foo"),
    ('"open', 0, 1, "never closed"),
    ('a "open', 2, 1, "never closed"),
    ('tag:"open', 4, 1, "never closed"),
    ('"ends in \\"', 0, 1, "never closed"),
    ("person:", 7, 1, "needs a value"),
    ('person:""', 7, 2, "needs a value"),
    ('person:"  "', 7, 4, "needs a value"),
    ("person: Kim", 7, 1, "needs a value"),
    ("title:(a)", 6, 1, "needs a value"),
    ("(a", 0, 1, "never closed"),
    ("(", 0, 1, "never closed"),
    ("a (b", 2, 1, "never closed"),
    ("a)", 1, 1, "closes nothing"),
    (")", 0, 1, "closes nothing"),
    ("(a))", 3, 1, "closes nothing"),
    ("()", 0, 2, "Nothing between"),
    ("a ( ) b", 2, 3, "Nothing between"),
    ("a AND", 2, 3, "AND must be followed"),
    ("a AND )", 2, 3, "AND must be followed"),
    ("AND a", 0, 3, "AND must come between"),
    ("OR OR", 0, 2, "OR must come between"),
    ("a OR OR b", 2, 2, "OR must be followed"),
    ("(OR a)", 1, 2, "OR must come between"),
    ("a OR", 2, 2, "OR must be followed"),
    ("NOT", 0, 3, "NOT must be followed"),
    ("a NOT", 2, 3, "NOT must be followed"),
    ("-AND", 0, 1, "- must be followed"),
    ("has:everything", 4, 10, "has:notes"),
    ("is:deleted", 3, 7, "is:trash"),
    ("date:", 5, 1, "needs a value"),
    ("date:soon", 5, 4, 'date "soon"'),
    ("date:1957..1955", 5, 10, "ends before it starts"),
    ("date:1955..19x7", 11, 4, "19x7"),
    ("date:19x5..1957", 5, 4, "19x5"),
    ("date:>=nope", 7, 4, "nope"),
    ('date:" >=nope "', 5, 10, "nope"),
    ("date:>=", 7, 1, "date"),
    ("date:..", 5, 2, "at least one end"),
    ("date:undated", 5, 7, "Cannot understand"),
    ("date:>1950-present", 6, 12, 'date "1950-present" has no end'),
    ("date:..1950-present", 7, 12, "has no end"),
    ("date:1955..1950-present", 11, 12, "has no end"),
    ("date:<../1957", 6, 7, "has no start"),
    ('a date:"not a date"', 7, 12, "not a date"),
]


@pytest.mark.parametrize(("query", "position", "length", "message"), ERRORS)
def test_errors(query: str, position: int, length: int, message: str) -> None:
    with pytest.raises(QueryError) as caught:
        parse_query(query)
    assert message in caught.value.message
    assert (caught.value.position, caught.value.length) == (position, length)


def test_unknown_field_lists_the_known_ones() -> None:
    with pytest.raises(QueryError) as caught:
        parse_query("xyz:1")
    for field in KNOWN_FIELDS:
        assert field in caught.value.message
    assert {"person", "org", "title", "date", "has", "is"} <= set(KNOWN_FIELDS)


def test_nesting_is_limited() -> None:
    deep = "(" * MAX_DEPTH + "a" + ")" * MAX_DEPTH
    assert parse_query(deep) == A
    with pytest.raises(QueryError, match="deeply nested") as caught:
        parse_query("(" + deep + ")")
    assert caught.value.position == MAX_DEPTH


@pytest.mark.parametrize(
    "query",
    ["(" * 1000, ")" * 1000, "(" * 5000 + "a" + ")" * 5000, "NOT " * 5000, '"' * 5001],
)
def test_pathological_input_raises_query_error(query: str) -> None:
    with pytest.raises(QueryError):
        parse_query(query)


def test_long_chains_stay_shallow() -> None:
    assert parse_query("-" * 5000 + "a") == A
    assert parse_query("-" * 5000) == MatchAll()  # the last "-" is a word that folds to nothing
    assert parse_query("NOT " * 5001 + "a") == Not(A)
    assert parse_query("a " * 5000) == And((A,) * 5000)
    assert parse_query("a OR " * 5000 + "b") == Or((A,) * 5000 + (B,))


# ---------------------------------------------------------------- format, describe, words


@pytest.mark.parametrize(
    ("field", "value", "clause"),
    [
        ("person", "Kim", "person:Kim"),
        ("person", "Kim Il Sung", 'person:"Kim Il Sung"'),
        (FacetField.ORGANISATION, "MID", "organisation:MID"),
        ("Tag", "a(b)", 'tag:"a(b)"'),
        ("tag", 'say "hi"', 'tag:"say \\"hi\\""'),
        ("tag", "C:\\temp", "tag:C:\\temp"),
        ("tag", "C:\\my temp", 'tag:"C:\\\\my temp"'),
        ("tag", "", 'tag:""'),
        ("title", "cover memo", 'title:"cover memo"'),
        ("date", "1955..1957", "date:1955..1957"),
    ],
)
def test_format_clause(field: str, value: str, clause: str) -> None:
    assert format_clause(field, value) == clause


def test_format_clause_rejects_unknown_fields() -> None:
    with pytest.raises(ValueError, match="xyz"):
        format_clause("xyz", "v")


def test_format_clause_reads_back_into_text_and_date_terms() -> None:
    assert parse_query(format_clause("title", "cover memo")) == word(
        "cover memo", "cover", "memo", field=TextField.TITLE
    )
    assert parse_query(format_clause("has", "notes")) == HasTerm(HasWhat.NOTES)


def test_describe_error_points_at_the_problem() -> None:
    query = "person:Kim xyz:1"
    with pytest.raises(QueryError) as caught:
        parse_query(query)
    lines = describe_error(query, caught.value).splitlines()
    assert lines[0].startswith('Unknown field "xyz:"')
    assert lines[1] == "  " + query
    assert lines[2] == "  " + " " * 11 + "^^^"


def test_describe_error_aligns_under_wide_and_control_characters() -> None:
    query = "金日成\t(a"
    with pytest.raises(QueryError) as caught:
        parse_query(query)
    lines = describe_error(query, caught.value).splitlines()
    assert lines[1] == "  金日成 (a"
    assert lines[2] == "  " + " " * 7 + "^"


def test_describe_error_at_the_end_of_the_query() -> None:
    lines = describe_error("person:", QueryError("needs a value", 7)).splitlines()
    assert lines[2] == "  " + " " * 7 + "^"


def test_query_words_leave_out_negated_terms() -> None:
    node = parse_query('veteran* "Soviet Koreans" -draft title:conv* person:Kim OR NOT (x y)')
    assert query_words(node) == ["veteran*", "Soviet Koreans", "conv*"]
    assert query_words(parse_query("a a b")) == ["a", "b"]
    assert query_words(MatchAll()) == []


# ---------------------------------------------------------------- properties

# Pieces of query syntax, glued at random to reach the corners plain text rarely finds.
PIECES = [
    *["(", ")", "AND", "OR", "NOT", "-", '"', "\\", "*", ":", "..", ">=", "<", " ", "\n", "\x00"],
    *["a", "Kim-Il", "金", "—", "10:30", "xyz:", "title:", "has:", "is:trash", "tag:"],
    *["person:", "date:", "date:1959", "date:1955..", "has:notes"],
]
QUERYISH = st.lists(st.sampled_from(PIECES), max_size=40).map("".join)


def _parses_or_points_inside(query: str) -> None:
    try:
        node = parse_query(query)
    except QueryError as error:
        assert 0 <= error.position <= len(query)
        assert error.length >= 1
        assert describe_error(query, error).count("\n") == 2
    else:
        assert isinstance(
            node, TextTerm | FacetTerm | DateTerm | HasTerm | IsTerm | And | Or | Not | MatchAll
        )
        query_words(node)


@given(st.text())
def test_any_text_parses_or_raises_query_error(query: str) -> None:
    _parses_or_points_inside(query)


@given(QUERYISH)
def test_any_query_like_text_parses_or_raises_query_error(query: str) -> None:
    _parses_or_points_inside(query)


@given(st.sampled_from(list(FacetField)), st.text().filter(lambda value: value.strip() != ""))
def test_format_clause_round_trips(field: FacetField, value: str) -> None:
    assert parse_query(format_clause(field, value)) == FacetTerm(field, value)


def test_a_typed_lone_surrogate_in_a_facet_value_is_keyed_as_stored_values_are() -> None:
    # Stored text shows a lone surrogate as U+FFFD; the key must match and be encodable.
    term = parse_query("tag:\ud800")
    assert isinstance(term, FacetTerm)
    assert term.key == "\ufffd"
    term.key.encode("utf-8")
