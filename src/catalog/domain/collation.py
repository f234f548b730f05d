"""The order of titles and names: sort keys from ICU's collation, where PyICU is installed.

Keys are stored (``records.title_key``, ``authorities.sort_key``) and compared as plain
strings by code point: by SQLite (BINARY), by PostgreSQL (collation "C") and by Python
alike, so every sort of titles and names agrees wherever it runs. An ICU sort key is bytes;
decoded as Latin-1 each byte becomes the character of the same number, so comparing the
strings compares the bytes. ICU's keys hold no zero byte but the last, which is dropped
(PostgreSQL's text cannot hold one).

The order is CLDR's root collation, the default of most languages: Latin, Greek, Cyrillic
(й its own letter after и; ё with е), ..., Hangul in ganada order, then Han by radical and
stroke. Within it:

- primary strength: case, width and diacritics do not separate (``Émile`` sorts with
  ``emile``); titles equal at this strength are tied and go to the next sort key;
- spaces and punctuation are ignored (``'Reply ...'`` files under R);
- digits compare as numbers (``Telegram 9`` before ``Telegram 10``).

Without PyICU (it is built from source, and only Linux installs ask for it) the key is
the folded text, compared by code point: sensible within each script, but Han sorts
before Hangul. ``collation_name()`` names the keys this program makes; a catalogue records the
name of the keys it holds, and they are made again when the two differ
(``catalog.store.sort_keys``).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

from catalog.domain.names import fold, tokens

RECIPE = 1
"""Raised whenever the keys this module makes change for the same ICU."""


def folded_key(text: str) -> str:
    """The key without ICU: folded words joined by single spaces, in code point order."""
    return " ".join(tokens(text)) or fold(text).strip()


def _icu_key() -> tuple[Callable[[str], str], str]:
    try:
        import icu
    except ImportError:
        return folded_key, f"folded r{RECIPE}"
    collator = icu.Collator.createInstance(icu.Locale.getRoot())
    collator.setStrength(icu.Collator.PRIMARY)
    collator.setAttribute(icu.UCollAttribute.ALTERNATE_HANDLING, icu.UCollAttributeValue.SHIFTED)
    collator.setAttribute(icu.UCollAttribute.NUMERIC_COLLATION, icu.UCollAttributeValue.ON)
    # Keys are read-only work on an immutable collator: safe from any thread.
    sort_key_bytes = collator.getSortKey

    def key(text: str) -> str:
        made: bytes = sort_key_bytes(text)
        return made[:-1].decode("latin-1")

    return key, f"icu {icu.ICU_VERSION} unicode {icu.UNICODE_VERSION} root r{RECIPE}"


def sort_key(text: str) -> str:
    """The key that orders a title or name among others (see the module's description)."""
    return _chosen()[0](text)


def collation_name() -> str:
    """The name of the keys ``sort_key`` makes: ICU's version, or "folded"."""
    return _chosen()[1]


@cache
def _chosen() -> tuple[Callable[[str], str], str]:
    # Loaded on first use: the window's first page needs no ICU.
    return _icu_key()
