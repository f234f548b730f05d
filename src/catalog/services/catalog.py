"""CatalogService: open a catalogue, find records, read them, count facets.

The window and the command line both go through this class; each method is one unit
of work and returns plain values.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from contextlib import closing
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from catalog import settings
from catalog.domain import query_ast as q
from catalog.domain.changes import ChangeSet
from catalog.domain.errors import ImportFileError, StorageUnavailable
from catalog.domain.query import parse_query
from catalog.domain.records import (
    ChangeEntry,
    Facet,
    ImportReport,
    RecordDetail,
    RecordSummary,
)
from catalog.domain.views import DEFAULT_FACETS, FacetName, SortKey, SortOrder
from catalog.domain.wording import QT_TRANSLATE_NOOP
from catalog.services import backups, sort_order
from catalog.services.editing.attachments import attachments_root
from catalog.services.editing.editor import Editor
from catalog.services.import_matching import DuplicatePolicy
from catalog.services.jobs import ProgressCallback, no_progress
from catalog.services.results import Refresh, SearchResult
from catalog.services.search_engine import SearchEngine, cache_file
from catalog.services.transfer.export_options import EVERYTHING, ExportOptions
from catalog.services.transfer.formats import default_registry
from catalog.services.transfer.registry import Importer, Registry
from catalog.store import records_repo, schema, sort_keys, unit_of_work
from catalog.store.backup import backup_sqlite
from catalog.store.engine import Database, create_database
from catalog.store.live_listen import ChangeListener, OnChanges, OnState
from catalog.store.tables import CatalogInfo

if TYPE_CHECKING:
    from catalog.services.checking import Fault, RepairReport
    from catalog.services.citations import Citations, CitationStyle
    from catalog.services.import_plan import ImportPlan

__all__ = ["CatalogService", "FacetName", "Refresh", "SearchResult", "SortKey"]


class Watcher(Protocol):
    """Something that hears other clients' changes until stopped."""

    def stop(self) -> None:
        """Stop hearing (waits for the listening thread)."""
        ...


class CatalogService:
    """Use cases on one open catalogue.

    Attributes:
        db: the open database.
        opened: what opening did to the schema (created, upgraded from, backup).
    """

    def __init__(
        self,
        db: Database,
        opened: schema.SchemaOutcome | None = None,
        registry: Registry | None = None,
        user: str = "",
        cache: Path | None = None,
    ) -> None:
        self.db = db
        self.opened = opened or schema.SchemaOutcome()
        self.registry = registry or default_registry()
        self.engine = SearchEngine(db, cache)
        self._editor = Editor(db, user)
        self.read_only_reason = self.opened.newer or (
            f"The catalogue {db.display_name} is read-only for you: you may search and export"
            " but not change it."
            if schema.read_only(db)
            else ""
        )
        self.keeper: backups.Keeper | None = None  # the file's lock and automatic backups

    @property
    def read_only(self) -> bool:
        """True when this catalogue cannot be written here (``read_only_reason`` says why)."""
        return bool(self.read_only_reason)

    def _check_writable(self) -> None:
        if self.read_only_reason:
            raise StorageUnavailable(self.read_only_reason)

    @property
    def editor(self) -> Editor | None:
        """Edits with undo and redo; None when this catalogue cannot be written here
        (a researcher's read-only role on a shared catalogue, a read-only file)."""
        return None if self.read_only else self._editor

    @property
    def user(self) -> str:
        """The archivist's name, written to the change log and on notes."""
        return self._editor.user

    @user.setter
    def user(self, name: str) -> None:
        self._editor.user = name

    @classmethod
    def open(
        cls,
        target: str | Path,
        user: str = "",
        cache_dir: Path | None = None,
        *,
        lock: bool = False,
        keep_backups: int = 0,
        sort_keys_now: bool = True,
    ) -> CatalogService:
        """Open (creating or upgrading as needed) the catalogue at a path or URL.

        ``cache_dir`` is where the saved search index is kept (default: the user's
        cache folder). ``lock`` (the window, writing commands) takes a SQLite file's
        single-writer lock for as long as the service is open; when another program
        holds it the catalogue opens for reading only. A locked file that is damaged
        raises CatalogueDamaged. ``keep_backups`` turns on automatic backups of a locked
        file (on close, and daily with :meth:`start_upkeep`), keeping that many. Sort keys
        that another collation made are made again here unless ``sort_keys_now`` is
        False (the window does it as a job: :meth:`remake_sort_keys`).
        """
        db = create_database(target)
        held, free = (None, True)
        if lock and db.path is not None:
            held, free = backups.take_lock(db.path)
        try:
            if held is not None and db.path is not None:
                backups.check_at_open(db.path, held.previous)
            outcome = schema.prepare(db)
        except StorageUnavailable as error:
            db.dispose()
            damage = backups.as_damage(db.path, error)
            backups.let_go(held, damage)
            if damage is error:
                raise
            raise damage from error
        except BaseException:
            db.dispose()
            backups.let_go(held, None)
            raise
        cache = cache_file(cache_dir or settings.cache_dir(), db.display_name)
        service = cls(db, outcome, user=user, cache=cache)
        if not free and db.path is not None:
            service.read_only_reason = service.read_only_reason or backups.locked_message(db.path)
        try:
            # A new catalogue names its collation at once (it has no keys to make).
            if (sort_keys_now or outcome.created) and service.sort_keys_outdated():
                sort_keys.remake(db)  # made by another collation (catalog.store.sort_keys)
        except BaseException:
            service.engine.close()
            db.dispose()
            backups.let_go(held, None)
            raise
        if held is not None and db.path is not None:
            keep = 0 if service.read_only else keep_backups
            service.keeper = backups.Keeper(db.path, held, keep)
        return service

    def close(self) -> None:
        """Release the database (after the backup on close, when automatic backups are on)."""
        self.engine.close()
        if self.keeper is not None:
            self.keeper.finish()
        self.db.dispose()
        if self.keeper is not None:
            self.keeper.release()

    @property
    def location(self) -> str:
        """Where the catalogue is, for titles and messages."""
        return self.db.display_name

    @property
    def attachment_folder(self) -> Path:
        """The folder the catalogue keeps attached files in (stored paths are relative)."""
        return attachments_root(self.db)

    def watch(self, on_changes: OnChanges, on_state: OnState) -> Watcher | None:
        """Start hearing other clients' committed changes (a shared PostgreSQL catalogue).

        ``on_changes(ChangeSet)`` and ``on_state(connected, message)`` are called from
        the listener's own thread. None for SQLite, which has no other clients to hear.
        """
        if self.db.dialect != "postgresql":
            return None
        listener = ChangeListener(self.db, on_changes, on_state)
        listener.start()
        return listener

    # ------------------------------------------------------------------ reading

    def count(self) -> int:
        """Records outside the trash."""
        return self.engine.count()

    def generation(self) -> int:
        """The catalogue's write counter: it changes whenever anything is committed."""
        with unit_of_work.read(self.db) as session:
            return int(session.get_one(CatalogInfo, 1).generation)

    def search(
        self,
        query: str | q.Node,
        sort: SortKey = SortKey.DATE,
        descending: bool = False,
        limit: int | None = None,
        then: Sequence[SortOrder] = (),
    ) -> SearchResult:
        """Ids of the records matching ``query`` (text or tree), in order.

        With ``limit``, only the first ids come back (and the total is counted): the
        first page of a million records without reading a million ids.
        ``then`` adds further sort keys that break ties of the first.
        Raises QueryError, with the position of the problem, for a malformed query.
        """
        node = parse_query(query) if isinstance(query, str) else query
        text = query if isinstance(query, str) else ""
        if limit is None:
            return SearchResult(text, node, self.engine.search(node, sort, descending, then))
        ids, matched = self.engine.first(node, sort, descending, limit, then)
        return SearchResult(text, node, ids, matched)

    def summaries(self, ids: Sequence[int], *, names: bool = True) -> list[RecordSummary]:
        """List rows for ``ids`` (a page of the list), in the order given.

        ``names=False`` leaves out the languages and people (two more queries a page),
        for callers that show only date, type and title.
        """
        with unit_of_work.read(self.db) as session:
            return records_repo.summaries(session, [int(i) for i in ids], names=names)

    def detail(self, record_id: int) -> RecordDetail:
        """Everything about one record."""
        with unit_of_work.read(self.db) as session:
            return records_repo.detail(session, int(record_id))

    def history(self, record_id: int) -> list[ChangeEntry]:
        """The newest lines of a record's change log, newest first."""
        with unit_of_work.read(self.db) as session:
            return records_repo.history(session, int(record_id))

    def details(self, ids: Sequence[int]) -> list[RecordDetail]:
        """Everything about several records, in the order given."""
        with unit_of_work.read(self.db) as session:
            return records_repo.details(session, [int(i) for i in ids])

    def citations(self, ids: Sequence[int], style: CitationStyle) -> Citations:
        """Citations of the records in ``ids`` (in that order), plain and as HTML."""
        from catalog.services.citations import cite

        return cite(self.details(ids), style)

    def facets(
        self,
        query: str | q.Node,
        names: Sequence[FacetName] = DEFAULT_FACETS,
        limit: int | None = 50,
    ) -> list[Facet]:
        """Facet values with counts among the records matching ``query``."""
        node = parse_query(query) if isinstance(query, str) else query
        return self.engine.facets(node, dict.fromkeys(names, limit))

    def refresh(
        self,
        query: str | q.Node,
        sort: SortKey = SortKey.DATE,
        descending: bool = False,
        facets: Mapping[FacetName, int | None] | None = None,
        *,
        defer_facets: bool = False,
        then: Sequence[SortOrder] = (),
    ) -> Refresh:
        """What the window shows after a keystroke, from one evaluation of the query.

        ``facets`` maps each facet wanted to how many values to return (None: all);
        by default every facet, 50 values each. ``defer_facets`` leaves the facets of a
        large result uncounted until the search index is ready (see Refresh). ``then``
        adds sort keys that break ties of the first.
        """
        node = parse_query(query) if isinstance(query, str) else query
        limits: Mapping[FacetName, int | None] = (
            facets if facets is not None else dict.fromkeys(DEFAULT_FACETS, 50)
        )
        ids, counted, total = self.engine.search_and_count(
            node, sort, descending, limits, defer_facets, then
        )
        result = SearchResult(query if isinstance(query, str) else "", node, ids)
        return Refresh(result, counted or [], total, facets_pending=counted is None)

    def prepare_index(self) -> None:
        """Load or build the in-memory search index (seconds on a large catalogue).

        Searches are correct without it, and faster with it; the window calls this
        on a worker thread once the first page is shown, and after changes.
        """
        self.engine.prepare_index()

    def load_saved_index(self) -> bool:
        """Use the saved search index if it is current (fast); True if it was."""
        return self.engine.load_saved_index()

    def release_index(self) -> None:
        """Free the search index's memory (searches use SQL until it is loaded again)."""
        self.engine.release_index()

    # ------------------------------------------------------------------ transfer

    def import_file(
        self,
        path: Path,
        format_name: str | None = None,
        *,
        dry_run: bool = False,
        progress: ProgressCallback = no_progress,
        duplicates: DuplicatePolicy | None = None,
        expected: Mapping[int, int] | None = None,
        importer: Importer | None = None,
    ) -> tuple[ImportReport, ChangeSet]:
        """Import one file as one transaction; a dry run reports and writes nothing.

        ``duplicates`` decides what happens to records the catalogue already holds (see
        ``importing.run_import``); ``expected`` are the versions a plan read of the
        records it will update; ``importer`` is one set up for this file (a mapped import
        with its column mapping) instead of the registry's. The import is one step of the
        undo history (up to IMPORT_UNDO_LIMIT records).
        """
        from catalog.services import importing  # loaded when first needed: faster start-up

        if not dry_run:
            self._check_writable()
        result = importing.run_import(
            self.db,
            self.registry,
            Path(path),
            format_name=format_name,
            dry_run=dry_run,
            user=self.user,
            progress=progress,
            duplicates=duplicates,
            expected=expected,
            importer=importer,
        )
        if result.step is not None:
            self._editor.remember(result.step)
        return result.report, result.changes

    def plan_import(
        self,
        path: Path,
        format_name: str | None = None,
        progress: ProgressCallback = no_progress,
        importer: Importer | None = None,
    ) -> ImportPlan:
        """What importing a file would do (format, preview, validation, duplicates),
        read without writing anything. Raises ImportFileError when no format fits."""
        from catalog.services import import_plan, importing

        path = Path(path)
        if importer is None:
            importer = (
                self.registry.importer(format_name) if format_name else self.registry.detect(path)
            )
        # Closed at once, also on a cancel: a second process may be reading the file.
        with closing(importing.checked(importer, path)) as records:
            return import_plan.plan_import(self.db, importer, path, records, progress)

    def load_sample(
        self, progress: ProgressCallback = no_progress
    ) -> tuple[ImportReport, ChangeSet]:
        """Import the sample listing that ships with Catalog."""
        sample = sample_listing()
        if sample is None:
            raise ImportFileError(
                "sample-listing.txt",
                QT_TRANSLATE_NOOP("Errors", "the sample records are not installed"),
            )
        return self.import_file(sample, "listing", progress=progress)

    def export(
        self,
        ids: Sequence[int],
        format_name: str,
        output: Path,
        progress: ProgressCallback = no_progress,
        options: ExportOptions = EVERYTHING,
    ) -> int:
        """Write records to ``output`` in a format, as ``options`` say; returns how many."""
        from catalog.services import exporting

        return exporting.run_export(
            self.db, self.registry, ids, format_name, output, progress, options
        )

    def sort_keys_outdated(self) -> bool:
        """True when another collation made the sort keys and this catalogue can be
        written here (see :meth:`remake_sort_keys`)."""
        return not self.read_only and sort_keys.stale(self.db)

    def sort_language(self) -> str:
        """The ICU locale whose order titles and names sort in ("" for the root order)."""
        return sort_order.language(self.db)

    def remake_sort_keys(
        self, progress: ProgressCallback = no_progress, language: str | None = None
    ) -> ChangeSet:
        """Make the sort keys of titles and names with this program's collation, in the
        catalogue's order or that of ``language`` (which becomes it), in one transaction
        (a cancel leaves them as they were)."""
        self._check_writable()
        return sort_order.remake(self.db, progress, language)

    def check(self, progress: ProgressCallback = no_progress) -> list[Fault]:
        """Problems found in the catalogue (empty when it is sound)."""
        from catalog.services import checking

        return checking.check(self.db, progress)

    def repair(
        self, faults: Sequence[Fault], progress: ProgressCallback = no_progress
    ) -> RepairReport:
        """Apply the automatic repairs among ``faults`` in one transaction (change-logged)."""
        from catalog.services import checking

        self._check_writable()
        return checking.repair(self.db, list(faults), self.user, progress)

    def backup(self, destination: Path) -> Path:
        """A verified copy of a SQLite catalogue at ``destination``."""
        if self.db.path is None:
            raise StorageUnavailable(
                QT_TRANSLATE_NOOP(
                    "Errors", "Backups of a server catalogue are made on the server (with pg_dump)."
                )
            )
        return backup_sqlite(self.db.path, Path(destination))

    def backup_on_close(self) -> Path | None:
        """The automatic backup on close, if the catalogue changed since the newest backup."""
        return self.keeper.backup_on_close() if self.keeper is not None else None

    def start_upkeep(self) -> None:
        """Take the daily backup, if due, on a thread of its own (close() waits for it)."""
        if self.keeper is not None:
            self.keeper.start()


def sample_listing() -> Path | None:
    """The sample listing: ``$CATALOG_SAMPLE``, else ``data/`` of the source tree."""
    override = os.environ.get("CATALOG_SAMPLE")
    candidates = [Path(override)] if override else []
    candidates.append(Path(__file__).resolve().parents[3] / "data" / "sample-listing.txt")
    return next((path for path in candidates if path.is_file()), None)
