"""The current search: query, sort order, the ids it found and its facet counts.

Searches and facet counts run on the read pool; each is numbered and only the newest
answer is delivered, so a slow answer to an old query never replaces a newer one.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal

from catalog.domain.errors import CatalogError, QueryError
from catalog.domain.records import Facet
from catalog.services.catalog import FacetName, SearchResult, SortKey
from catalog.ui.jobs.latest import LatestOnly
from catalog.ui.jobs.runner import Runner
from catalog.ui.ports import CatalogPort

SIDEBAR_FACETS: tuple[FacetName, ...] = (
    FacetName.TYPE,
    FacetName.DECADE,
    FacetName.YEAR,
    FacetName.ARCHIVE,
    FacetName.LANGUAGE,
    FacetName.TAG,
)
VALUES_PER_FACET = 50
UNLIMITED = frozenset({FacetName.DECADE, FacetName.YEAR})

BugHandler = Callable[[BaseException, str], None]


@dataclass(frozen=True)
class SearchOutcome:
    """A search's answer and the size of the whole catalogue."""

    result: SearchResult
    catalogue_total: int


@dataclass(frozen=True)
class FacetOutcome:
    """Facet counts for a query; facets that could not be counted are named in ``failed``."""

    query: str
    facets: list[Facet]
    failed: list[tuple[FacetName, BaseException]]


def count_facets(service: CatalogPort, query: str, names: Sequence[FacetName]) -> FacetOutcome:
    """Each facet counted on its own, so one failing facet does not hide the others."""
    facets: list[Facet] = []
    failed: list[tuple[FacetName, BaseException]] = []
    for name in names:
        limit = None if name in UNLIMITED else VALUES_PER_FACET
        try:
            facets.extend(service.facets(query, [name], limit))
        except QueryError:
            raise
        except Exception as error:  # a broken facet is reported; the rest still show
            failed.append((name, error))
    return FacetOutcome(query, facets, failed)


class SearchController(QObject):
    """Runs the current search whenever its query or order changes, or on refresh().

    Signals:
        results_ready(SearchOutcome): the ids found for the current query.
        query_failed(str, QueryError): the query is malformed (the query, the error).
        facets_ready(FacetOutcome): facet counts for the current query.
        search_failed(str): the catalogue could not answer (a sentence for the user).
    """

    results_ready = Signal(object)
    query_failed = Signal(str, object)
    facets_ready = Signal(object)
    search_failed = Signal(str)

    def __init__(
        self,
        service: CatalogPort,
        runner: Runner,
        on_bug: BugHandler,
        facet_names: Sequence[FacetName] = SIDEBAR_FACETS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._service = service
        self._searches = LatestOnly(runner)
        self._facets = LatestOnly(runner)
        self._on_bug = on_bug
        self.facet_names = tuple(facet_names)
        self.query = ""
        self.sort = SortKey.DATE
        self.descending = False
        self.last: SearchOutcome | None = None

    def search(self, query: str) -> None:
        """Search for a query with the current order."""
        self.query = query
        self.refresh()

    def set_sort(self, sort: SortKey, descending: bool) -> None:
        """Search again in another order."""
        self.sort, self.descending = sort, descending
        self.refresh()

    def refresh(self) -> None:
        """Run the current search and facet counts again (after a change, say)."""
        service, query, sort, descending = self._service, self.query, self.sort, self.descending
        names = self.facet_names

        def run_search() -> SearchOutcome:
            return SearchOutcome(service.search(query, sort, descending), service.count())

        self._searches.read(run_search, self._on_result, lambda e: self._on_error(query, e))
        self._facets.read(
            lambda: count_facets(service, query, names), self._on_facets, self._on_facet_error
        )

    def _on_result(self, outcome: SearchOutcome) -> None:
        self.last = outcome
        self.results_ready.emit(outcome)

    def _on_error(self, query: str, error: BaseException) -> None:
        if isinstance(error, QueryError):
            self.query_failed.emit(query, error)
        elif isinstance(error, CatalogError):
            self.search_failed.emit(str(error))
        else:
            self.search_failed.emit("The search could not be run.")
            self._on_bug(error, "the search")

    def _on_facets(self, outcome: FacetOutcome) -> None:
        self.facets_ready.emit(outcome)
        for name, error in outcome.failed:
            if not isinstance(error, CatalogError):
                self._on_bug(error, f"counting the {name.value} facet")

    def _on_facet_error(self, error: BaseException) -> None:
        if isinstance(error, QueryError):
            return  # the search reports it under the box
        if not isinstance(error, CatalogError):
            self._on_bug(error, "counting facets")
