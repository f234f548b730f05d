"""The current search: query, sort order, the ids it found and its facet counts.

One refresh per query gives the ids, the facet counts and the catalogue size. It runs on
the read pool; each is numbered and only the newest answer is delivered, so a slow answer
to an old query never replaces a newer one.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal

from catalog.domain.errors import CatalogError, QueryError
from catalog.domain.records import Facet, RecordSummary
from catalog.domain.views import FacetName, SortKey, SortOrder
from catalog.services.catalog import Refresh, SearchResult
from catalog.ui.filter_sidebar import item as sidebar_facets
from catalog.ui.jobs.latest import LatestOnly
from catalog.ui.jobs.runner import Runner
from catalog.ui.ports import CatalogPort
from catalog.ui.translation import error_text

# The sidebar's facets, and the months the timeline draws.
SIDEBAR_FACETS: tuple[FacetName, ...] = (*sidebar_facets.SIDEBAR_FACETS, FacetName.MONTH)
VALUES_PER_FACET = 20
UNLIMITED = frozenset({FacetName.DECADE, FacetName.YEAR, FacetName.MONTH})

BugHandler = Callable[[BaseException, str], None]
# Rows read first when the window opens: a million ids in order take a moment, so the
# first page shows before them (and is replaced, unchanged on screen, once they arrive).
FIRST_ROWS = 200


@dataclass(frozen=True)
class SearchOutcome:
    """A search's answer and the size of the whole catalogue.

    ``rows``: the first rows' summaries, read on the worker with the answer, so the
    list paints its first page without reading the catalogue on the UI thread.
    """

    result: SearchResult
    catalogue_total: int
    rows: Sequence[RecordSummary] = ()


@dataclass(frozen=True)
class FacetOutcome:
    """Facet counts for a query; ``pending`` while a large result is still being counted."""

    query: str
    facets: list[Facet]
    pending: bool = False


FACET_LIMITS = {name: None if name in UNLIMITED else VALUES_PER_FACET for name in SIDEBAR_FACETS}


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
        self._runner = runner
        self._searches = LatestOnly(runner)
        self._index_warmed = False
        self._facets_pending = False
        self._on_bug = on_bug
        self.facet_names = tuple(facet_names)
        self.query = ""
        self.orders: tuple[SortOrder, ...] = (SortOrder(SortKey.DATE),)
        self.last: SearchOutcome | None = None

    @property
    def sort(self) -> SortKey:
        """The first sort key."""
        return self.orders[0].key

    @property
    def descending(self) -> bool:
        """Whether the first sort key runs backwards."""
        return self.orders[0].descending

    def search(self, query: str) -> None:
        """Search for a query with the current order."""
        self.query = query
        self.refresh()

    def set_sort(self, orders: Sequence[SortOrder]) -> None:
        """Search again in another order (the first key, then the ones that break ties)."""
        if orders:
            self.orders = tuple(orders)
            self.refresh()

    def refresh(self) -> None:
        """Run the current search and facet counts again (after a change, say)."""
        service, query = self._service, self.query
        first, *then = self.orders
        limits = {name: FACET_LIMITS.get(name, VALUES_PER_FACET) for name in self.facet_names}

        def run() -> tuple[Refresh, list[RecordSummary]]:
            # One evaluation of the query gives the list, the counts and the total.
            refresh = service.refresh(
                query, first.key, first.descending, limits, defer_facets=True, then=then
            )
            top = [int(i) for i in refresh.result.ids[:FIRST_ROWS]]
            return refresh, service.summaries(top)

        def first_rows() -> SearchOutcome:
            page = service.search(query, first.key, first.descending, FIRST_ROWS, then=then)
            # Every record matches an empty query: no second count of the catalogue.
            total = page.total if not query.strip() else service.count()
            return SearchOutcome(page, total)

        if self.last is None:
            number = self._searches.issued + 1  # the number the full refresh is given
            self._runner.read(
                first_rows, lambda outcome: self._on_first_rows(number, outcome), _ignore
            )

        self._searches.read(run, self._on_refresh, lambda e: self._on_error(query, e))

    def warm_index(self) -> None:
        """Load or build the catalogue's search index on a worker (seconds when large).

        Answers are the same without it, only slower; nothing waits for it.
        """
        self._runner.read(self._service.prepare_index, self._on_index_ready, self._on_index_error)

    def _on_index_ready(self, _result: object) -> None:
        # The index and what the window made to show it live while the catalogue is
        # open. Out of the collector's sight, a full collection no longer walks them:
        # it took 50 ms every twenty searches or so at 100k records, a pause one feels.
        gc.collect(1)  # the young garbage first (milliseconds): frozen garbage stays
        gc.freeze()
        if self._facets_pending:
            self.refresh()  # the values that were too slow to count are cheap now

    def _on_refresh(self, answer: tuple[Refresh, list[RecordSummary]]) -> None:
        refresh, rows = answer
        outcome = SearchOutcome(refresh.result, refresh.catalogue_total, rows)
        self.last = outcome
        self.results_ready.emit(outcome)
        self._facets_pending = refresh.facets_pending
        self.facets_ready.emit(
            FacetOutcome(refresh.result.query, refresh.facets, refresh.facets_pending)
        )
        if not self._index_warmed:
            self._index_warmed = True
            self.warm_index()

    def _on_first_rows(self, number: int, outcome: SearchOutcome) -> None:
        # Only while the full answer to the same request is still on its way.
        if self.last is None and self._searches.issued == number:
            self.results_ready.emit(outcome)

    def _on_index_error(self, error: BaseException) -> None:
        if not isinstance(error, CatalogError):
            self._on_bug(error, self.tr("building the search index"))

    def _on_error(self, query: str, error: BaseException) -> None:
        if isinstance(error, QueryError):
            self.query_failed.emit(query, error)
        elif isinstance(error, CatalogError):
            self.search_failed.emit(error_text(error))
        else:
            self.search_failed.emit(self.tr("The search could not be run."))
            self._on_bug(error, self.tr("the search"))


def _ignore(_error: BaseException) -> None:
    """The full refresh reports the same error; the first rows have nothing to add."""
