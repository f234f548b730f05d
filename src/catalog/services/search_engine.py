"""Runs queries and facet counts, choosing the fastest correct way to answer.

Every answer can come from SQL (``store.search``, ``store.facets_repo``). Once the
columnar index of the catalogue is loaded and current, the same answers come from it
instead, which keeps a million-record catalogue fast. The index is a cache: it is used
only while the catalogue's generation equals the one it was built at.
"""

from __future__ import annotations

import hashlib
import logging
import os
import threading
from collections.abc import Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from catalog.domain import query_ast as q
from catalog.domain.date_clauses import month_text, year_text
from catalog.domain.errors import CatalogError
from catalog.domain.query import format_clause
from catalog.domain.records import Facet, FacetValue
from catalog.domain.views import FacetName, SortKey, SortOrder
from catalog.store import columnar, columnar_build, columnar_patch, records_repo, unit_of_work
from catalog.store.columnar import ColumnarIndex
from catalog.store.columnar_query import Evaluator, ordered_ids, settle
from catalog.store.columnar_query import facet_counts as index_counts
from catalog.store.engine import Database
from catalog.store.facets_repo import Count, facet_counts
from catalog.store.ids import IdList
from catalog.store.search import count_matches, search_ids
from catalog.store.tables import CatalogInfo
from catalog.store.write_log import MENDS_UP_TO, Touched

log = logging.getLogger(__name__)

# Above this many hits, counting facets with GROUP BY takes seconds; a window waits for
# the columnar index instead (see search_and_count).
SQL_FACETS_UP_TO = 50_000

# Counting a facet on the index is numpy work that lets go of the interpreter lock, so
# the facets of one search are counted on several threads: the searching thread and
# these helpers. On two cores a sidebar of a million records takes about half as long.
COUNTING_THREADS = max(1, min(3, (os.cpu_count() or 1) - 1))

FACET_TITLES = {
    FacetName.TYPE: "Document type",
    FacetName.DECADE: "Decade",
    FacetName.YEAR: "Year",
    FacetName.ARCHIVE: "Original archive",
    FacetName.LANGUAGE: "Language",
    FacetName.COLLECTION: "Collection",
    FacetName.TAG: "Tag",
    FacetName.PERSON: "Person",
    FacetName.ORGANISATION: "Organisation",
    FacetName.PLACE: "Place",
    FacetName.SUBJECT: "Subject",
    FacetName.MONTH: "Month",
    FacetName.HAS: "Has",
}


def facet_value(facet: FacetName, value: object, count: int) -> FacetValue:
    """A facet value with its label and the query clause that selects it."""
    if facet is FacetName.YEAR:
        year = int(str(value))
        return FacetValue(str(year), count, f"date:{year_text(year)}")
    if facet is FacetName.MONTH:
        year, month = divmod(int(str(value)), 100)
        label = f"{year}-{month:02d}"
        return FacetValue(label, count, f"date:{month_text(year, month) or label}")
    if facet is FacetName.HAS:
        return FacetValue(str(value).capitalize(), count, f"has:{value}")
    if facet is FacetName.DECADE:
        decade = int(str(value))
        if decade >= 0:
            return FacetValue(f"{decade}s", count, f"date:{decade}s")
        return FacetValue(f"{decade}s", count, f"date:{year_text(decade)}..{year_text(decade + 9)}")
    return FacetValue(str(value), count, format_clause(facet.value, str(value)))


def make_facet(facet: FacetName, counts: Sequence[Count]) -> Facet:
    """A sidebar facet from (value, count) pairs."""
    values = tuple(facet_value(facet, value, n) for value, n in counts if n > 0)
    return Facet(facet.value, FACET_TITLES[facet], values)


class SearchEngine:
    """Answers searches and facet counts for one catalogue.

    Attributes:
        cache: where the saved copy of the columnar index lives (None: not saved).
    """

    def __init__(self, db: Database, cache: Path | None = None) -> None:
        self.db = db
        self.cache = cache
        self._index: ColumnarIndex | None = None
        self._building = threading.Lock()
        self._mending = threading.Lock()
        self._saved_generation: int | None = None  # of the index the saved copy holds
        self._counting: ThreadPoolExecutor | None = None
        self._counting_made = threading.Lock()

    def close(self) -> None:
        """Save an index mended since it was last saved, and stop the threads that count
        facets (they are made again when needed)."""
        self._save_mended()
        with self._counting_made:
            counting, self._counting = self._counting, None
        if counting is not None:
            counting.shutdown()

    def _counters(self) -> ThreadPoolExecutor:
        with self._counting_made:
            if self._counting is None:
                self._counting = ThreadPoolExecutor(COUNTING_THREADS, "facet-count")
            return self._counting

    # ------------------------------------------------------------------ the index

    @property
    def index_ready(self) -> bool:
        """True when a columnar index is loaded (it may still be stale)."""
        return self._index is not None

    @property
    def index_generation(self) -> int | None:
        """The catalogue generation the loaded index reflects (None: none loaded)."""
        index = self._index
        return None if index is None else index.generation

    def load_saved_index(self) -> bool:
        """Load the saved copy if it is current (milliseconds); True on success."""
        with unit_of_work.read(self.db) as session:
            identity, generation = self._identity(session)
            saved = columnar.load(self.cache, identity) if self.cache else None
            if saved is not None and saved.generation == generation:
                self._saved_generation = generation
                settle(saved)
                self._index = saved
                return True
        return False

    def release_index(self) -> None:
        """Forget the loaded index, freeing its memory (a few hundred MB at a million
        records); searches use SQL until it is loaded or built again."""
        self._index = None

    def prepare_index(self) -> ColumnarIndex:
        """Make the index current: load the saved copy, else build it (seconds at 1M).

        Safe to call from a worker thread; concurrent calls build once.
        """
        with self._building:
            with unit_of_work.read(self.db) as session:
                current = self._current(session)
                if current is not None:
                    return current
            if self.load_saved_index() and self._index is not None:
                return self._index
            with unit_of_work.read(self.db, consistent=True) as session:
                identity, generation = self._identity(session)
                index = columnar_build.build(session.connection(), generation)
            settle(index)
            if self.cache is not None:
                columnar.save(index, self.cache, identity)
                self._saved_generation = index.generation
            self._index = index
            return index

    def _identity(self, session: Session) -> tuple[str, int]:
        created, generation = session.execute(
            select(CatalogInfo.created, CatalogInfo.generation).where(CatalogInfo.id == 1)
        ).one()
        return f"{self.db.display_name}|{created.isoformat()}", int(generation)

    def _current(self, session: Session) -> ColumnarIndex | None:
        """The index at the generation ``session`` sees: the loaded one, or that one
        mended for this program's own writes since; None when neither will do."""
        index = self._index
        if index is None:
            return None
        generation = session.scalar(select(CatalogInfo.generation).where(CatalogInfo.id == 1))
        if generation is None or index.generation == generation:
            return index
        mended = self._mended(session, int(generation))
        return mended if mended is not None and mended.generation == generation else None

    def _mended(self, session: Session, generation: int) -> ColumnarIndex | None:
        """The index mended up to ``generation`` (milliseconds for an edit, where a
        rebuild takes seconds at a million records); None when it must be rebuilt."""
        with self._mending:
            index = self._index
            if index is None or index.generation == generation:
                return index
            touched = self.db.writes.since(index.generation, generation)
            if touched is None or len(touched.records) > _mend_limit(index.size):
                return None
            if self.db.dialect == "postgresql":
                # Every statement of the caller's session sees its own snapshot there.
                with unit_of_work.read(self.db, consistent=True) as snapshot:
                    mended = self._mend(snapshot, index, generation, touched)
            else:
                mended = self._mend(session, index, generation, touched)
            if mended is not None and self._index is index:  # not released meanwhile
                self._index = mended
            return mended

    @staticmethod
    def _mend(
        session: Session, index: ColumnarIndex, generation: int, touched: Touched
    ) -> ColumnarIndex | None:
        seen = session.scalar(select(CatalogInfo.generation).where(CatalogInfo.id == 1))
        if seen != generation:
            return None
        return columnar_patch.patch(index, session.connection(), generation, touched)

    def _save_mended(self) -> None:
        """Keep a mended index for the next start (the saved copy is otherwise stale),
        mending it first for edits no search has seen yet."""
        if self._index is None or self.cache is None:
            return
        try:
            with unit_of_work.read(self.db) as session:
                index = self._current(session)
                identity, _generation = self._identity(session)
            if index is not None and index.generation != self._saved_generation:
                columnar.save(index, self.cache, identity)
                self._saved_generation = index.generation
        except (OSError, CatalogError):
            # Only a cache: the next start builds the index again.
            log.warning("The mended search index was not saved", exc_info=True)

    # ------------------------------------------------------------------ answers

    def search(
        self, node: q.Node, sort: SortKey, descending: bool, then: Sequence[SortOrder] = ()
    ) -> Sequence[int]:
        """Matching ids in order."""
        with unit_of_work.read(self.db) as session:
            index = self._current(session)
            if index is None:
                return search_ids(session, node, sort, descending, then=then)
            mask = Evaluator(index, session.connection()).matches(node)
            return IdList(ordered_ids(index, mask, sort, descending, then))

    def first(
        self,
        node: q.Node,
        sort: SortKey,
        descending: bool,
        limit: int,
        then: Sequence[SortOrder] = (),
    ) -> tuple[Sequence[int], int]:
        """The first ``limit`` matching ids in order, and how many match in all."""
        with unit_of_work.read(self.db) as session:
            index = self._current(session)
            if index is None:
                ids = search_ids(session, node, sort, descending, limit, then)
                if len(ids) < limit:
                    return ids, len(ids)
                return ids, count_matches(session, node)
            mask = Evaluator(index, session.connection()).matches(node)
            ordered = ordered_ids(index, mask, sort, descending, then)
            return IdList(ordered[:limit].copy()), int(ordered.shape[0])

    def facets(self, node: q.Node, limits: Mapping[FacetName, int | None]) -> list[Facet]:
        """Counts of each facet among the matching records, at most ``limits[name]`` values."""
        facets = self.search_and_count(node, SortKey.ID, False, limits)[1]
        assert facets is not None
        return facets

    def search_and_count(
        self,
        node: q.Node,
        sort: SortKey,
        descending: bool,
        limits: Mapping[FacetName, int | None],
        defer_facets: bool = False,
        then: Sequence[SortOrder] = (),
    ) -> tuple[Sequence[int], list[Facet] | None, int]:
        """Matching ids in order, the facets and the catalogue's size, evaluating once.

        With ``defer_facets``, facets of a large result are not counted with SQL (seconds
        per facet at a million records) while the index is not ready: None comes back
        instead, and the caller asks again once ``prepare_index`` has run.
        """
        ids: Sequence[int]
        counts: list[list[Count]] | None
        with unit_of_work.read(self.db) as session:
            index = self._current(session)
            if index is None:
                ids = search_ids(session, node, sort, descending, then=then)
                if defer_facets and len(ids) > SQL_FACETS_UP_TO:
                    counts = None
                else:
                    counts = [facet_counts(session, node, n, lim) for n, lim in limits.items()]
                total = records_repo.count(session)
            else:
                mask = Evaluator(index, session.connection()).matches(node)
                counters = self._counters()
                jobs = [
                    (name, limit, counters.submit(index_counts, index, mask, name, limit))
                    for name, limit in limits.items()
                ]
                ids = IdList(ordered_ids(index, mask, sort, descending, then))
                # Then this thread counts too, from the last facet back while the
                # helpers go from the first: each facet no helper has started yet.
                here = {}
                for name, limit, job in reversed(jobs):
                    if not job.cancel():
                        break
                    here[name] = index_counts(index, mask, name, limit)
                counts = [here[n] if n in here else job.result() for n, _limit, job in jobs]
                total = index.size - int(index.deleted.sum())
        if counts is None:
            return ids, None, total
        facets = [make_facet(name, c) for name, c in zip(limits, counts, strict=True)]
        return ids, facets, total

    def count(self) -> int:
        """Records outside the trash."""
        with unit_of_work.read(self.db) as session:
            index = self._current(session)
            if index is None:
                return records_repo.count(session)
            return index.size - int(index.deleted.sum())


def _mend_limit(size: int) -> int:
    """How many touched records an index of ``size`` rows is mended for: at most a quarter
    of them (a rebuild costs less then) and at most ``MENDS_UP_TO``."""
    return min(MENDS_UP_TO, max(1000, size // 4))


def cache_file(folder: Path, location: str) -> Path:
    """Where the saved index of the catalogue at ``location`` is kept."""
    digest = hashlib.sha256(location.encode()).hexdigest()[:24]
    return folder / f"index-{digest}.npz"
