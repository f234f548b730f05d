"""Folding and the full-text index's tokens."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from catalog.domain.names import fold, name_key, search_text, tokens

# What the index's tokenizers call a word: letters and digits, nothing else.
_WORD = re.compile(r"[^\W_]+")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Kim Il-sung's letter_to MOSCOW (1959)",
            ["kim", "il", "sung", "s", "letter", "to", "moscow", "1959"],
        ),
        ("P'YŎNGYANG", ["p", "yongyang"]),
        ("Ki\u200bm", ["kim"]),
        ("金日成谈话", ["金", "日", "成", "谈", "话"]),
        ("Посол Иванов", ["посол", "иванов"]),
        ("\t\x00--\x7f", []),
    ],
)
def test_tokens(text: str, expected: list[str]) -> None:
    assert tokens(text) == expected


@given(st.text(st.characters(max_codepoint=127)))
def test_ascii_tokens_are_the_words_of_the_lower_case_text(text: str) -> None:
    assert tokens(text) == _WORD.findall(text.lower())
    assert search_text(text) == " ".join(_WORD.findall(text.lower()))


@given(st.text())
def test_tokens_are_folded_words(text: str) -> None:
    found = tokens(text)
    assert all(_WORD.fullmatch(token) and fold(token) == token for token in found)


def test_name_key_drops_apostrophes() -> None:
    assert name_key("P'yŏngyang") == name_key("Pyongyang") == "pyongyang"
    assert name_key("Kim Il-sung") == name_key("KIM IL SUNG")
