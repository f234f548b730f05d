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

A catalogue may choose a language's order instead (``SORT_LANGUAGES``): Swedish files
å, ä and ö after z, German phonebook order ä as ae, Chinese orders Han by pinyin, and
so on; every other script keeps its root order. The keys of one catalogue are all made
by one collation, its own (``catalog_info.sort_locale``).

Without PyICU (it is built from source, and only Linux installs ask for it) the key is
the folded text, compared by code point: sensible within each script, but Han sorts
before Hangul. ``Collation.name`` names the keys a collation makes; a catalogue records the
name of the keys it holds, and they are made again when it differs from the name of its
order's keys here (``catalog.store.sort_keys``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from catalog.domain.names import fold, tokens

RECIPE = 1
"""Raised whenever the keys this module makes change for the same ICU."""

ROOT = ""
"""The locale of the root collation, every catalogue's order until it chooses another."""

SORT_LANGUAGES = (
    ROOT,
    "cs",
    "da",
    "de",
    "de@collation=phonebook",
    "es",
    "et",
    "fi",
    "hr",
    "hu",
    "is",
    "ja",
    "ko",
    "lt",
    "lv",
    "nb",
    "pl",
    "ro",
    "ru",
    "sk",
    "sl",
    "sq",
    "sr",
    "sv",
    "tr",
    "uk",
    "vi",
    "zh",
    "zh@collation=stroke",
    "zh_Hant",
)
"""The orders a catalogue may choose: ICU locales whose collation tailors the root's."""


@dataclass(frozen=True)
class Collation:
    """The order of one locale: ``key(text)`` makes sort keys; ``name`` names them."""

    locale: str
    name: str
    key: Callable[[str], str]


def folded_key(text: str) -> str:
    """The key without ICU: folded words joined by single spaces, in code point order."""
    return " ".join(tokens(text)) or fold(text).strip()


def icu_available() -> bool:
    """True when keys come from ICU, so that a language's order can be chosen."""
    return not collation().name.startswith("folded")


@cache
def collation(locale: str = ROOT) -> Collation:
    """The collation of an ICU ``locale`` (``SORT_LANGUAGES`` are those offered), made
    once per process. A locale ICU does not know gets the root order, under its own name."""
    try:
        import icu
    except ImportError:  # one order for all: the folded text
        return Collation(locale, f"folded r{RECIPE}", folded_key)
    where = icu.Locale.getRoot() if locale == ROOT else icu.Locale(locale)
    collator = icu.Collator.createInstance(where)
    collator.setStrength(icu.Collator.PRIMARY)
    collator.setAttribute(icu.UCollAttribute.ALTERNATE_HANDLING, icu.UCollAttributeValue.SHIFTED)
    collator.setAttribute(icu.UCollAttribute.NUMERIC_COLLATION, icu.UCollAttributeValue.ON)
    # Keys are read-only work on an immutable collator: safe from any thread.
    sort_key_bytes = collator.getSortKey

    def key(text: str) -> str:
        made: bytes = sort_key_bytes(text)
        return made[:-1].decode("latin-1")

    version = f"icu {icu.ICU_VERSION} unicode {icu.UNICODE_VERSION}"
    return Collation(locale, f"{version} {locale or 'root'} r{RECIPE}", key)


def recency(name: str) -> tuple[int, ...]:
    """How new the collation whose keys bear ``name`` is: by recipe, then ICU's version
    ("folded" before any ICU). Keys are never made again by an older collation, so two
    builds of Catalog on one shared catalogue do not make them again turn by turn."""
    words = name.split()
    recipe = words[-1][1:] if words and words[-1].startswith("r") else ""
    if not recipe.isdigit():
        return (-1,)  # no name ("" before revision 0005) or none of ours: the oldest
    if words[0] != "icu" or len(words) < 2:
        return (int(recipe), 0)
    version = tuple(int(part) for part in words[1].split(".") if part.isdigit())
    return (int(recipe), 1, *version)


def sort_key(text: str) -> str:
    """The root collation's key of a title or name (see the module's description)."""
    return collation().key(text)
