"""The tree a search query parses into.

The parser (``catalog.domain.query``) builds it; the store compiles it to SQL; the
in-memory index evaluates it. Leaves hold values already folded for matching, so no
layer below re-interprets what the user typed.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from catalog.domain.dates import DayKey
from catalog.domain.drafts import storable
from catalog.domain.names import fold, name_key


class TextField(StrEnum):
    """Where a text term looks: everywhere, or in one field."""

    ANY = "any"
    TITLE = "title"
    SUMMARY = "summary"
    NOTE = "note"


class FacetField(StrEnum):
    """Fields matched as a whole value (folded), not word by word."""

    PERSON = "person"
    ORGANISATION = "organisation"
    PLACE = "place"
    SUBJECT = "subject"
    ARCHIVE = "archive"
    LANGUAGE = "language"
    TYPE = "type"
    COLLECTION = "collection"
    TAG = "tag"


AUTHORITY_FACETS = frozenset(
    {
        FacetField.PERSON,
        FacetField.ORGANISATION,
        FacetField.PLACE,
        FacetField.SUBJECT,
        FacetField.ARCHIVE,
    }
)


class HasWhat(StrEnum):
    """What ``has:`` can ask for."""

    NOTES = "notes"
    RELATIONS = "relations"
    ATTACHMENTS = "attachments"
    DATE = "date"
    TAGS = "tags"


class IsWhat(StrEnum):
    """What ``is:`` can ask for."""

    TRASH = "trash"


@dataclass(frozen=True)
class TextTerm:
    """Consecutive tokens to find in the full-text index.

    Attributes:
        field: which text the tokens must be in.
        tokens: folded index tokens, in order (one token for a plain word; several for a
            phrase or a word such as ``Kim-Il`` that folds into several tokens).
        prefix: the last token matches any token it begins (``veteran*``).
        source: the term as typed, for highlighting.
    """

    field: TextField
    tokens: tuple[str, ...]
    prefix: bool = False
    source: str = ""


@dataclass(frozen=True)
class FacetTerm:
    """A whole-value match on a facet field: ``type:cable``, ``person:"Kim Il Sung"``."""

    field: FacetField
    value: str

    @property
    def key(self) -> str:
        """The folded value compared with stored keys (name keys for authorities)."""
        if self.field in AUTHORITY_FACETS:
            return name_key(self.value)
        # Stored values went through storable(): a typed lone surrogate must too, or it
        # could not even be sent to the database.
        return fold(" ".join(storable(self.value).split()))


@dataclass(frozen=True)
class DateTerm:
    """Records whose date's lower bound lies in ``[lower, upper]`` (None: open)."""

    lower: DayKey | None
    upper: DayKey | None
    source: str = ""


@dataclass(frozen=True)
class HasTerm:
    """``has:notes`` and the like."""

    what: HasWhat


@dataclass(frozen=True)
class IsTerm:
    """``is:trash``: records in the trash (every other query leaves them out)."""

    what: IsWhat


@dataclass(frozen=True)
class And:
    """Every item must match."""

    items: tuple[Node, ...]


@dataclass(frozen=True)
class Or:
    """At least one item must match."""

    items: tuple[Node, ...]


@dataclass(frozen=True)
class Not:
    """The item must not match."""

    item: Node


@dataclass(frozen=True)
class MatchAll:
    """The empty query: every record."""


Leaf = TextTerm | FacetTerm | DateTerm | HasTerm | IsTerm
Node = Leaf | And | Or | Not | MatchAll


def mentions_trash(node: Node) -> bool:
    """True if the query asks about the trash, so trashed records are not filtered out."""
    if isinstance(node, IsTerm):
        return node.what is IsWhat.TRASH
    if isinstance(node, And | Or):
        return any(mentions_trash(item) for item in node.items)
    if isinstance(node, Not):
        return mentions_trash(node.item)
    return False
