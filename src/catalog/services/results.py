"""What a search gives back: the ids found, and everything the window shows for a query."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from catalog.domain import query_ast as q
from catalog.domain.records import Facet


@dataclass(frozen=True)
class SearchResult:
    """The records a query found, in order.

    Attributes:
        query: the query text as given.
        node: its parsed tree.
        ids: matching record ids in the requested order (the first ones only when the
            search was limited).
        matched: how many records matched, when ``ids`` holds only the first of them.
    """

    query: str
    node: q.Node
    ids: Sequence[int]
    matched: int | None = None

    @property
    def total(self) -> int:
        """How many records matched."""
        return len(self.ids) if self.matched is None else self.matched


@dataclass(frozen=True)
class Refresh:
    """Everything the window shows for a query.

    Attributes:
        result: the matching ids in order.
        facets: the facets asked for, counted among the matching records.
        catalogue_total: how many records the catalogue holds outside the trash.
        facets_pending: the facets were not counted yet (a large result before the search
            index is ready); ask again after ``prepare_index``.
    """

    result: SearchResult
    facets: list[Facet]
    catalogue_total: int
    facets_pending: bool = False
