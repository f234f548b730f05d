"""The query language: one grammar for the search box, the sidebar and the command line.

From loosest to tightest binding::

    query   := [or]                           blank text: every record
    or      := and ("OR" and)*
    and     := unary (["AND"] unary)*         juxtaposition is AND
    unary   := ("NOT" | "-")* primary
    primary := term | "(" or ")"
    term    := word | word* | "a phrase" | field:word | field:"quoted value"

``AND``, ``OR`` and ``NOT`` are operators only in capitals. A ``-`` is NOT only at the
start of a term and directly before it (``-draft``); elsewhere it is part of a word.
Inside quotes ``\\"`` is a quote and ``\\\\`` a backslash; any other backslash is itself.
Words that fold to no tokens (``—``, ``*``) are dropped, as if never typed.

Whatever the text, :func:`parse_query` returns a tree or raises :class:`QueryError`
pointing at the problem; nesting is limited so deep brackets cannot exhaust the stack.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from catalog.domain.dates import DayKey, PartialDate, parse_date
from catalog.domain.errors import QueryError
from catalog.domain.names import tokens
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
from catalog.domain.wording import QT_TRANSLATE_NOOP

# How many brackets may nest; far beyond what anyone types, far below the stack limit.
MAX_DEPTH = 100

TEXT_FIELDS: dict[str, TextField] = {
    "title": TextField.TITLE,
    "summary": TextField.SUMMARY,
    "note": TextField.NOTE,
}
FACET_FIELDS: dict[str, FacetField] = {
    **{field.value: field for field in FacetField},
    "org": FacetField.ORGANISATION,
    "organization": FacetField.ORGANISATION,
}
KNOWN_FIELDS: tuple[str, ...] = tuple(sorted([*TEXT_FIELDS, *FACET_FIELDS, "date", "has", "is"]))

_OPERATORS = frozenset({"AND", "OR", "NOT"})
_FIELD = re.compile(r"([A-Za-z]+):")
_SPECIAL = frozenset('()"')


@dataclass(frozen=True)
class _Token:
    kind: str  # "TERM", "(", ")", "AND", "OR", "NOT"
    pos: int
    end: int
    node: Node | None = None  # TERM only; None for a word that folds to nothing

    @property
    def text(self) -> str:
        return "-" if self.kind == "NOT" and self.end - self.pos == 1 else self.kind


def parse_query(text: str) -> Node:
    """Parse a query into its tree; raise :class:`QueryError` if it is malformed."""
    node = _Parser(_tokenize(text), len(text)).parse()
    return MatchAll() if node is None else node


def format_clause(field: str, value: str) -> str:
    """A clause ``field:value`` that :func:`parse_query` reads back as exactly ``value``.

    The value is quoted when it holds spaces, brackets or quotes (or is empty); inside
    quotes backslashes and quotes are escaped with a backslash.
    """
    name = str(field).lower()
    if name not in KNOWN_FIELDS:
        raise ValueError(f"unknown query field {field!r}")
    if value and not any(ch.isspace() or ch in _SPECIAL for ch in value):
        return f"{name}:{value}"
    escaped = value.replace("\\", "\\\\").replace('"', '\\"')
    return f'{name}:"{escaped}"'


def describe_error(query: str, error: QueryError) -> str:
    """The error's message, the query, and a line of carets under the problem."""
    shown = _shown(query, limit=None)
    start = min(max(error.position, 0), len(query))
    end = min(start + error.length, len(query))
    carets = "^" * max(1, _width(shown[start:end]))
    return f"{error}\n  {shown}\n  {' ' * _width(shown[:start])}{carets}"


def query_words(node: Node) -> list[str]:
    """The text terms as typed, left to right, leaving out negated ones: for highlighting."""
    words: list[str] = []
    stack = [node]
    while stack:
        current = stack.pop()
        if isinstance(current, TextTerm):
            if current.source and current.source not in words:
                words.append(current.source)
        elif isinstance(current, And | Or):
            stack.extend(reversed(current.items))
    return words


def _shown(text: str, limit: int | None = 40) -> str:
    """Text fit for a one-line message: no line breaks or control characters; not too long."""
    text = "".join(" " if ch.isspace() else ch if ch.isprintable() else "?" for ch in text)
    return text if limit is None or len(text) <= limit else text[: limit - 1] + "…"


def _width(text: str) -> int:
    """Terminal columns the text takes (wide East Asian characters take two)."""
    return sum(
        0 if unicodedata.combining(ch) else 2 if unicodedata.east_asian_width(ch) in "WF" else 1
        for ch in text
    )


# ---------------------------------------------------------------- tokens


def _word_end(text: str, start: int) -> int:
    end = start
    while end < len(text) and not (text[end].isspace() or text[end] in _SPECIAL):
        end += 1
    return end


def _read_quoted(text: str, start: int) -> tuple[str, int]:
    """The unescaped content of the quoted string at ``start`` and the index after it."""
    chars: list[str] = []
    i = start + 1
    while i < len(text):
        ch = text[i]
        if ch == "\\" and i + 1 < len(text) and text[i + 1] in '"\\':
            chars.append(text[i + 1])
            i += 2
        elif ch == '"':
            return "".join(chars), i + 1
        else:
            chars.append(ch)
            i += 1
    raise QueryError(QT_TRANSLATE_NOOP("Errors", "This quote is never closed"), start)


def _tokenize(text: str) -> list[_Token]:
    out: list[_Token] = []
    node: Node | None
    i = 0
    while i < len(text):
        ch = text[i]
        if ch.isspace():
            i += 1
            continue
        if ch in "()":
            out.append(_Token(ch, i, i + 1))
            i += 1
            continue
        if ch == "-" and i + 1 < len(text) and not (text[i + 1].isspace() or text[i + 1] == ")"):
            out.append(_Token("NOT", i, i + 1))
            i += 1
            continue
        if ch == '"':
            value, end = _read_quoted(text, i)
            node = _text_term(TextField.ANY, value, quoted=True)
        else:
            end = _word_end(text, i)
            word = text[i:end]
            if word in _OPERATORS:
                out.append(_Token(word, i, end))
                i = end
                continue
            match = _FIELD.match(word)
            if match and (
                match.group(1).lower() in KNOWN_FIELDS or word[match.end() :][:2] != "//"
            ):
                node, end = _field_term(text, i, match.group(1), i + match.end())
            else:  # a plain word; also 10:30 and http://example.org
                node = _text_term(TextField.ANY, word, quoted=False)
        out.append(_Token("TERM", i, end, node))
        i = end
    return out


def _text_term(field: TextField, value: str, *, quoted: bool) -> TextTerm | None:
    folded = tuple(tokens(value))
    if not folded:
        return None
    return TextTerm(field, folded, prefix=not quoted and value.endswith("*"), source=value)


def _field_term(text: str, start: int, name: str, vpos: int) -> tuple[Node | None, int]:
    """The term for ``name:value`` starting at ``start``; the value starts at ``vpos``."""
    field = name.lower()
    if field not in KNOWN_FIELDS:
        raise QueryError(
            QT_TRANSLATE_NOOP("Errors", 'Unknown field "{name}:"; the fields are {fields}'),
            start,
            len(name),
            name=name,
            fields=", ".join(KNOWN_FIELDS),
        )
    quoted = vpos < len(text) and text[vpos] == '"'
    if quoted:
        value, end = _read_quoted(text, vpos)
    else:
        end = _word_end(text, vpos)
        value = text[vpos:end]
    if not value.strip():
        template = QT_TRANSLATE_NOOP("Errors", '"{name}:" needs a value after it')
        raise QueryError(template, vpos, end - vpos, name=name)
    if field in TEXT_FIELDS:
        return _text_term(TEXT_FIELDS[field], value, quoted=quoted), end
    if field in FACET_FIELDS:
        return FacetTerm(FACET_FIELDS[field], value), end
    if field == "date":
        return _date_term(value, vpos, end - vpos, quoted), end
    wanted = value.strip().lower()
    if field == "has":
        if wanted in set(HasWhat):
            return HasTerm(HasWhat(wanted)), end
        allowed = ", ".join(f"has:{what}" for what in HasWhat)
    else:
        if wanted in set(IsWhat):
            return IsTerm(IsWhat(wanted)), end
        allowed = ", ".join(f"is:{what}" for what in IsWhat)
    raise QueryError(
        QT_TRANSLATE_NOOP("Errors", 'Unknown "{name}:{value}"; use {allowed}'),
        vpos,
        end - vpos,
        name=name,
        value=_shown(value),
        allowed=allowed,
    )


def _date_term(value: str, pos: int, length: int, quoted: bool) -> DateTerm:
    """``date:`` values: a date, ``a..b`` (either end may be left open), ``>=``, ``<`` ..."""

    def problem(part: str, offset: int, what: str) -> QueryError:
        where, size = (pos, length) if quoted else (pos + offset, len(part))
        return QueryError(what, where, size, date=_shown(part.strip()))

    def understood(part: str, offset: int) -> PartialDate:
        parsed = parse_date(part)
        if parsed.lower is None and parsed.upper is None:
            raise problem(
                part, offset, QT_TRANSLATE_NOOP("Errors", 'Cannot understand the date "{date}"')
            )
        return parsed

    def start(part: str, offset: int) -> DayKey:
        key = understood(part, offset).lower
        if key is None:
            raise problem(
                part, offset, QT_TRANSLATE_NOOP("Errors", 'The date "{date}" has no start')
            )
        return key

    def end(part: str, offset: int) -> DayKey:
        key = understood(part, offset).upper
        if key is None:
            raise problem(part, offset, QT_TRANSLATE_NOOP("Errors", 'The date "{date}" has no end'))
        return key

    lower: DayKey | None = None
    upper: DayKey | None = None
    value = value.strip()  # only a quoted value can hold spaces
    if value.startswith(">="):
        lower = start(value[2:], 2)
    elif value.startswith("<="):
        upper = end(value[2:], 2)
    elif value.startswith(">"):
        lower = end(value[1:], 1) + 1
    elif value.startswith("<"):
        upper = start(value[1:], 1) - 1
    elif ".." in value:
        since, _, until = value.partition("..")
        if not since.strip() and not until.strip():
            raise QueryError(
                QT_TRANSLATE_NOOP("Errors", "A date range needs at least one end"), pos, length
            )
        lower = start(since, 0) if since.strip() else None
        upper = end(until, len(since) + 2) if until.strip() else None
    else:
        date = understood(value, 0)
        lower, upper = date.lower, date.upper
    if lower is not None and upper is not None and lower > upper:
        raise QueryError(
            QT_TRANSLATE_NOOP("Errors", "This date range ends before it starts"), pos, length
        )
    return DateTerm(lower, upper, source=value)


# ---------------------------------------------------------------- grammar

_CLOSES_NOTHING = QT_TRANSLATE_NOOP(
    "Errors", "This bracket closes nothing: there is no '(' before it"
)
_NEVER_CLOSED = QT_TRANSLATE_NOOP("Errors", "This bracket is never closed")


def _combine(kind: type[And] | type[Or], items: list[Node | None]) -> Node | None:
    """AND or OR of the items, flattened; dropped items left out; one item is itself."""
    flat: list[Node] = []
    for item in items:
        if isinstance(item, kind):
            flat.extend(item.items)
        elif item is not None:
            flat.append(item)
    if len(flat) <= 1:
        return flat[0] if flat else None
    return kind(tuple(flat))


class _Parser:
    """Recursive descent over the tokens; only brackets recurse, and only MAX_DEPTH deep."""

    def __init__(self, tokens: list[_Token], length: int) -> None:
        self.tokens = tokens
        self.index = 0
        self.depth = 0
        self.eof = _Token("EOF", length, length)

    def parse(self) -> Node | None:
        if not self.tokens:
            return None
        node = self.parse_or()
        token = self.peek()
        if token.kind == ")":
            raise QueryError(_CLOSES_NOTHING, token.pos)
        return node

    def peek(self) -> _Token:
        return self.tokens[self.index] if self.index < len(self.tokens) else self.eof

    def take(self) -> _Token:
        token = self.peek()
        self.index += 1
        return token

    def starts_term(self) -> bool:
        return self.peek().kind in ("TERM", "(", "NOT")

    def operand_after(self, operator: _Token) -> None:
        if not self.starts_term():
            raise QueryError(
                QT_TRANSLATE_NOOP("Errors", "{operator} must be followed by a search term"),
                operator.pos,
                operator.end - operator.pos,
                operator=operator.text,
            )

    def parse_or(self) -> Node | None:
        items = [self.parse_and()]
        while self.peek().kind == "OR":
            self.operand_after(self.take())
            items.append(self.parse_and())
        return _combine(Or, items)

    def parse_and(self) -> Node | None:
        items = [self.parse_unary()]
        while True:
            if self.peek().kind == "AND":
                self.operand_after(self.take())
            elif not self.starts_term():
                return _combine(And, items)
            items.append(self.parse_unary())

    def parse_unary(self) -> Node | None:
        negated = False
        while self.peek().kind == "NOT":
            self.operand_after(self.take())
            negated = not negated
        node = self.parse_primary()
        if not negated or node is None:
            return node
        return node.item if isinstance(node, Not) else Not(node)

    def parse_primary(self) -> Node | None:
        token = self.take()
        if token.kind == "TERM":
            return token.node
        if token.kind in ("AND", "OR"):
            raise QueryError(
                QT_TRANSLATE_NOOP("Errors", "{operator} must come between two search terms"),
                token.pos,
                token.end - token.pos,
                operator=token.kind,
            )
        if token.kind != "(":
            raise QueryError(_CLOSES_NOTHING, token.pos)
        if self.peek().kind == "EOF":
            raise QueryError(_NEVER_CLOSED, token.pos)
        if self.peek().kind == ")":
            raise QueryError(
                QT_TRANSLATE_NOOP("Errors", "Nothing between the brackets"),
                token.pos,
                self.peek().end - token.pos,
            )
        if self.depth >= MAX_DEPTH:
            raise QueryError(
                QT_TRANSLATE_NOOP("Errors", "Too deeply nested (more than {limit} brackets)"),
                token.pos,
                limit=MAX_DEPTH,
            )
        self.depth += 1
        node = self.parse_or()
        self.depth -= 1
        if self.take().kind != ")":
            raise QueryError(_NEVER_CLOSED, token.pos)
        return node
