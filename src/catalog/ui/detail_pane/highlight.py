"""Where the words of a search occur in a record's text, for highlighting.

A word matches as the search index matches it: folded (case, width, diacritics), token
by token, whole tokens unless it ends with ``*``. Han and kana characters are tokens of
their own, so ``电报`` is found inside unspaced Chinese text. Spans are returned in the
original text's positions, whatever folding did to its length.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from catalog.domain.errors import QueryError
from catalog.domain.names import fold, tokens
from catalog.domain.query import parse_query, query_words

# The scripts the index splits into single characters (as catalog.domain.names does).
_UNSPACED = re.compile(
    "[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002ffff]"
)
_NOT_ALNUM_BEFORE = r"(?<![^\W_])"
_NOT_ALNUM_AFTER = r"(?![^\W_])"


def words_of(query: str) -> list[str] | None:
    """The words a query searches the text for; None when the query is malformed."""
    try:
        return query_words(parse_query(query))
    except QueryError:
        return None


def word_pattern(word: str) -> re.Pattern[str] | None:
    """A pattern over folded text that finds ``word``; None if it folds to no tokens."""
    parts = tokens(word)
    if not parts:
        return None
    prefix = word.rstrip().endswith("*")
    pattern = ""
    for n, part in enumerate(parts):
        unspaced = bool(_UNSPACED.fullmatch(part))
        if n == 0:
            pattern += "" if unspaced else _NOT_ALNUM_BEFORE
        else:
            joined = unspaced or bool(_UNSPACED.fullmatch(parts[n - 1]))
            pattern += r"[\W_]*" if joined else r"[\W_]+"
        pattern += re.escape(part)
    if not _UNSPACED.fullmatch(parts[-1]):
        pattern += r"[^\W_]*" if prefix else _NOT_ALNUM_AFTER  # a prefix marks its whole word
    return re.compile(pattern)


def folded_with_positions(text: str) -> tuple[str, list[int]]:
    """The text folded one character at a time, and each folded character's origin.

    ``origins[i]`` is the index in ``text`` of the character that produced folded
    character ``i``; one extra entry maps the end of the folded text to ``len(text)``.
    """
    pieces: list[str] = []
    origins: list[int] = []
    for index, char in enumerate(text):
        folded = fold(char)
        pieces.append(folded)
        origins.extend([index] * len(folded))
    origins.append(len(text))
    return "".join(pieces), origins


def highlight_spans(text: str, words: Iterable[str]) -> list[tuple[int, int]]:
    """(start, end) spans of ``text`` where any of ``words`` occurs, sorted and merged."""
    patterns = [p for p in map(word_pattern, words) if p is not None]
    if not patterns or not text:
        return []
    folded, origins = folded_with_positions(text)
    found: list[tuple[int, int]] = []
    for pattern in patterns:
        for match in pattern.finditer(folded):
            if match.end() > match.start():
                start = origins[match.start()]
                end = origins[match.end() - 1] + 1
                found.append((start, end))
    merged: list[tuple[int, int]] = []
    for start, end in sorted(found):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged
