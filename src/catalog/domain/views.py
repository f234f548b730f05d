"""The ways a result can be ordered and counted: sort keys and facet names."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class SortKey(StrEnum):
    """Orders the record list can take."""

    DATE = "date"
    TITLE = "title"
    TYPE = "type"
    ARCHIVE = "archive"
    LANGUAGE = "language"
    ID = "id"


@dataclass(frozen=True)
class SortOrder:
    """One key of a sort: the list sorts by the first, ties by the next, then by id."""

    key: SortKey
    descending: bool = False


class FacetName(StrEnum):
    """The facets the sidebar and ``catalog facets`` can show."""

    TYPE = "type"
    DECADE = "decade"
    YEAR = "year"
    ARCHIVE = "archive"
    LANGUAGE = "language"
    COLLECTION = "collection"
    TAG = "tag"
    PERSON = "person"
    ORGANISATION = "organisation"
    PLACE = "place"
    SUBJECT = "subject"
    MONTH = "month"
    HAS = "has"


DEFAULT_FACETS = tuple(name for name in FacetName if name is not FacetName.MONTH)
"""The facets listed when none are named (months are for the timeline)."""
