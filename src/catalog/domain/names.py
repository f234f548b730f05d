"""Folding of names and text, and the tokens the full-text index is built from.

Search, facets, name matching and sorting all go through the functions here, so
``PYONGYANG``, ``Pyongyang`` and ``P'yŏngyang`` can meet whatever database holds them.
"""

from __future__ import annotations

import re
import unicodedata

# Apostrophes and their typographic and romanisation look-alikes (McCune-Reischauer
# writes P'yŏngyang with U+2019 or U+02BC as often as with a plain quote).
_APOSTROPHES = re.compile("['\u2018\u2019\u02bc\u02bb\u0060\u00b4\u2032]")
# Invisible format characters that carry no letter: soft hyphen, zero-width space,
# (non-)joiners, direction marks, bidi embeddings and isolates, word joiner, byte-order
# mark. Pasted text is full of them; folded text drops them, so "Ki\u200bm" meets "Kim".
_INVISIBLE = re.compile(
    "[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff]"
)
# Letters and digits only: the underscore is a separator for us, as it is for SQLite's
# unicode61 tokenizer and PostgreSQL's parser, so both databases see the same tokens.
_TOKEN = re.compile(r"[^\W_]+")
# Scripts written without spaces between words: each character is indexed as its own
# token, so a phrase query of consecutive characters finds any word inside a sentence.
_UNSPACED = re.compile(
    "([\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002ffff])"
)


def fold(text: str) -> str:
    """Fold case, width, compatibility forms and diacritics, drop invisible format
    characters; return NFC text.

    >>> fold("P'YŎNGYANG")
    "p'yongyang"
    """
    if text.isascii():
        return text.lower()
    folded = unicodedata.normalize("NFKC", _INVISIBLE.sub("", text)).casefold()
    decomposed = unicodedata.normalize("NFD", folded)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return unicodedata.normalize("NFC", stripped)


# ASCII text's separators (all but letters and digits) as spaces: for the common ASCII
# text, a translation and a split give the tokens ``_TOKEN`` finds, several times faster.
_ASCII_SEPARATORS = str.maketrans({c: " " for c in map(chr, range(128)) if not c.isalnum()})


def tokens(text: str) -> list[str]:
    """Split folded text into the tokens the full-text index holds."""
    if text.isascii():
        return text.lower().translate(_ASCII_SEPARATORS).split()
    folded = fold(text)
    if not folded.isascii():
        folded = _UNSPACED.sub(r" \1 ", folded)
    return _TOKEN.findall(folded)


def search_text(text: str) -> str:
    """The text as it goes into the full-text index: folded tokens joined by spaces."""
    return " ".join(tokens(text))


def name_key(name: str) -> str:
    """The matching key of a name: folded, apostrophes dropped, punctuation as spaces.

    ``Kim Il-sung`` and ``KIM IL SUNG`` share a key; ``P'yŏngyang`` and ``Pyongyang`` too.
    """
    return " ".join(tokens(_APOSTROPHES.sub("", name)))
