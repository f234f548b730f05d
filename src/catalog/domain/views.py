"""The ways a result can be ordered and counted: sort keys and facet names."""

from __future__ import annotations

from enum import StrEnum


class SortKey(StrEnum):
    """Orders the record list can take."""

    DATE = "date"
    TITLE = "title"
    TYPE = "type"
    ID = "id"


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
