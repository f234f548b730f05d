"""The top-level clauses of a query as typed, with where each sits in the text.

The sidebar shows each clause as a chip and removes or adds one by editing the text, so
the search box stays the single truth. :func:`parse_query` gives a tree without the
text's layout and refuses malformed queries; this scanner follows the same lexical rules
(quotes, ``-`` before a term, ``field:"value"``, brackets, capital ``AND``/``OR``/``NOT``)
but never raises: a half-typed query still splits into pieces that cover all its text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_FIELD = re.compile(r"[A-Za-z]+:")
_SPECIAL = frozenset('()"')
_OPERATORS = frozenset({"AND", "OR"})


@dataclass(frozen=True)
class Clause:
    """One top-level clause: a term or a bracketed group, with any negations before it.

    Attributes:
        start: where the clause begins in the query text.
        end: where it ends (exclusive); ``text[start:end]`` is the clause.
        text: the clause as typed (``-type:Cable``, ``NOT (a OR b)``).
        body: the clause without its leading negations (``type:Cable``).
        negated: an odd number of ``-``/``NOT`` precede the body.
    """

    start: int
    end: int
    text: str
    body: str
    negated: bool


@dataclass(frozen=True)
class Piece:
    """A top-level clause or a top-level ``AND``/``OR`` between clauses."""

    start: int
    end: int
    clause: Clause | None  # None for an operator


def clauses(query: str) -> list[Clause]:
    """The top-level clauses of a query, left to right."""
    return [piece.clause for piece in pieces(query) if piece.clause is not None]


def pieces(query: str) -> list[Piece]:
    """Top-level clauses and operators, left to right; only whitespace lies between them."""
    lexemes = _lexemes(query)
    out: list[Piece] = []
    i = 0
    while i < len(lexemes):
        kind, start, end = lexemes[i]
        if kind in _OPERATORS:
            out.append(Piece(start, end, None))
            i += 1
            continue
        negated = False
        while i < len(lexemes) and lexemes[i][0] == "NOT":
            negated = not negated
            end = lexemes[i][2]
            i += 1
        body_start = end if i >= len(lexemes) else lexemes[i][1]
        if i < len(lexemes) and lexemes[i][0] not in _OPERATORS:
            i, end = _operand(lexemes, i)
        else:
            body_start = end  # a NOT with nothing after it
        clause = Clause(start, end, query[start:end], query[body_start:end], negated)
        out.append(Piece(start, end, clause))
    return out


def required(query: str) -> list[Clause]:
    """The clauses every result must satisfy: all of them, unless an ``OR`` joins them."""
    found = pieces(query)
    return [] if _has_or(query, found) else [p.clause for p in found if p.clause is not None]


def remove_clause(query: str, clause: Clause) -> str:
    """The query without one of its clauses (and an ``AND``/``OR`` joining it to the rest).

    The clause is found by its span, or else by its text; a clause no longer in the query
    leaves the query as it is. The rest of the text is kept as typed.
    """
    found = pieces(query)
    index = _find(found, clause)
    if index is None:
        return query
    target = found[index]
    others = [p.clause.text for p in found if p.clause is not None and p is not target]
    candidates = []
    if index > 0 and found[index - 1].clause is None:
        candidates.append((found[index - 1].start, target.end))
    if index + 1 < len(found) and found[index + 1].clause is None:
        candidates.append((target.start, found[index + 1].end))
    for start, end in candidates:
        result = _cut(query, start, end)
        if [c.text for c in clauses(result)] == others:
            return result
    return _cut(query, target.start, target.end)


def apply_clause(query: str, clause: str, *, exclude: bool = False) -> str:
    """The query with ``clause`` included (or excluded, as ``-clause``).

    A clause already applied the same way leaves the query as it is; applied the other
    way, it is flipped in place. When the query is an ``OR`` of alternatives it is put
    in brackets first, so the new clause narrows all of them.
    """
    wanted = f"-{clause}" if exclude else clause
    found = pieces(query)
    if _has_or(query, found):
        return f"({query.strip()}) {wanted}"
    for piece in found:
        current = piece.clause
        if current is not None and current.body == clause:
            if current.negated == exclude:
                return query
            return query[: current.start] + wanted + query[current.end :]
    return f"{query.rstrip()} {wanted}".strip()


def replace_field(query: str, clause: str) -> str:
    """The query with ``clause`` instead of its included clauses of the same field.

    A second range dragged on the timeline replaces the first (``date:1950..1955`` then
    ``date:1953`` gives ``date:1953``) instead of stacking both; excluded clauses and
    queries joined by ``OR`` are left alone and the clause is added as usual.
    """
    field = clause.split(":", 1)[0].casefold() + ":"
    found = pieces(query)
    if not _has_or(query, found):
        for piece in reversed(found):
            current = piece.clause
            if (
                current is not None
                and not current.negated
                and current.body.casefold().startswith(field)
            ):
                query = remove_clause(query, current)
    return apply_clause(query, clause)


def _has_or(query: str, found: list[Piece]) -> bool:
    return any(piece.clause is None and query[piece.start : piece.end] == "OR" for piece in found)


def _find(found: list[Piece], clause: Clause) -> int | None:
    """The index of the piece that is ``clause``: at its span, else the first with its text."""
    same_text = [i for i, p in enumerate(found) if p.clause and p.clause.text == clause.text]
    for index in same_text:
        if (found[index].start, found[index].end) == (clause.start, clause.end):
            return index
    return same_text[0] if same_text else None


def _cut(query: str, start: int, end: int) -> str:
    left, right = query[:start].rstrip(), query[end:].lstrip()
    return f"{left} {right}" if left and right else left + right


def _operand(lexemes: list[tuple[str, int, int]], i: int) -> tuple[int, int]:
    """The index after the operand starting at lexeme ``i``, and where the operand ends."""
    kind, _, end = lexemes[i]
    if kind != "(":
        return i + 1, end  # a term, or a stray ")"
    depth = 0
    while i < len(lexemes):
        kind, _, end = lexemes[i]
        depth += {"(": 1, ")": -1}.get(kind, 0)
        i += 1
        if depth == 0:
            break
    return i, end


def _lexemes(text: str) -> list[tuple[str, int, int]]:
    """(kind, start, end) of each lexeme: "(", ")", "NOT", "AND", "OR" or "TERM"."""
    out: list[tuple[str, int, int]] = []
    i = 0
    while i < len(text):
        ch = text[i]
        if ch.isspace():
            i += 1
        elif ch in "()":
            out.append((ch, i, i + 1))
            i += 1
        elif ch == "-" and i + 1 < len(text) and not (text[i + 1].isspace() or text[i + 1] == ")"):
            out.append(("NOT", i, i + 1))
            i += 1
        elif ch == '"':
            end = _quoted_end(text, i)
            out.append(("TERM", i, end))
            i = end
        else:
            end = _word_end(text, i)
            word = text[i:end]
            if word in _OPERATORS or word == "NOT":
                out.append((word, i, end))
            else:
                field = _FIELD.match(word)
                if field and word == field.group() and end < len(text) and text[end] == '"':
                    end = _quoted_end(text, end)
                out.append(("TERM", i, end))
            i = end
    return out


def _word_end(text: str, start: int) -> int:
    end = start
    while end < len(text) and not (text[end].isspace() or text[end] in _SPECIAL):
        end += 1
    return end


def _quoted_end(text: str, start: int) -> int:
    """The index after the quoted string at ``start`` (the end of the text if unclosed)."""
    i = start + 1
    while i < len(text):
        if text[i] == "\\" and i + 1 < len(text) and text[i + 1] in '"\\':
            i += 2
        elif text[i] == '"':
            return i + 1
        else:
            i += 1
    return len(text)
