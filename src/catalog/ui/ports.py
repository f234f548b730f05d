"""What the window needs from a catalogue: the part of CatalogService the UI calls.

Widgets and controllers are typed against this protocol, so tests can hand them a fake
service; the real :class:`catalog.services.catalog.CatalogService` satisfies it as is.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from catalog.domain.changes import ChangeSet
from catalog.domain.records import (
    ChangeEntry,
    Facet,
    ImportReport,
    RecordDetail,
    RecordSummary,
)
from catalog.domain.views import FacetName, SortKey, SortOrder
from catalog.services.catalog import Refresh, SearchResult, Watcher
from catalog.services.citations import Citations, CitationStyle
from catalog.services.editing.editor import Editor
from catalog.services.import_matching import DuplicatePolicy
from catalog.services.jobs import ProgressCallback
from catalog.services.transfer.export_options import ExportOptions
from catalog.services.transfer.registry import Importer, Registry

if TYPE_CHECKING:  # the plan module is loaded with the first import, not at start-up
    from catalog.services.import_plan import ImportPlan


class CatalogPort(Protocol):
    """The catalogue operations the window uses (see CatalogService for each)."""

    @property
    def registry(self) -> Registry:
        """Importers and exporters by name."""
        ...

    @property
    def editor(self) -> Editor | None:
        """Edits, trash, undo and redo; None for a catalogue this window may not change."""
        ...

    @property
    def read_only(self) -> bool:
        """True when this catalogue cannot be written here (nothing may be imported)."""
        ...

    @property
    def read_only_reason(self) -> str:
        """Why the catalogue is read-only, in a sentence ("" when it is not)."""
        ...

    @property
    def attachment_folder(self) -> Path | None:
        """Where attached files are kept (None: the catalogue keeps none)."""
        ...

    @property
    def location(self) -> str:
        """Where the catalogue is, for the title bar and messages."""
        ...

    def count(self) -> int:
        """Records outside the trash."""
        ...

    def search(
        self,
        query: str,
        sort: SortKey = ...,
        descending: bool = ...,
        limit: int | None = ...,
        *,
        then: Sequence[SortOrder] = ...,
    ) -> SearchResult:
        """Ids matching a query, in order (the first ``limit`` of them and the total);
        raises QueryError for a malformed query."""
        ...

    def refresh(
        self,
        query: str,
        sort: SortKey = ...,
        descending: bool = ...,
        facets: Mapping[FacetName, int | None] | None = ...,
        *,
        defer_facets: bool = ...,
        then: Sequence[SortOrder] = ...,
    ) -> Refresh:
        """Ids in order, facet counts and the catalogue's size, from one evaluation."""
        ...

    def prepare_index(self) -> None:
        """Load or build the search index (slow on a large catalogue; run it on a worker)."""
        ...

    def summaries(self, ids: Sequence[int]) -> list[RecordSummary]:
        """List rows for some ids, in the order given."""
        ...

    def detail(self, record_id: int) -> RecordDetail:
        """Everything about one record."""
        ...

    def watch(
        self, on_changes: Callable[[ChangeSet], None], on_state: Callable[[bool, str], None]
    ) -> Watcher | None:
        """Hear other clients' changes (None when the catalogue is not shared)."""
        ...

    def citations(self, ids: Sequence[int], style: CitationStyle) -> Citations:
        """Citations of some records, plain and as HTML."""
        ...

    def history(self, record_id: int) -> list[ChangeEntry]:
        """A record's change log, newest first."""
        ...

    def facets(
        self, query: str, names: Sequence[FacetName] = ..., limit: int | None = ...
    ) -> list[Facet]:
        """Facet values with counts among the records matching a query."""
        ...

    def import_file(
        self,
        path: Path,
        format_name: str | None = ...,
        *,
        dry_run: bool = ...,
        progress: ProgressCallback = ...,
        duplicates: DuplicatePolicy | None = ...,
        expected: Mapping[int, int] | None = ...,
        importer: Importer | None = ...,
    ) -> tuple[ImportReport, ChangeSet]:
        """Import one file as one transaction (duplicates skipped, added or updated; an
        update expects the versions the plan read, else EditConflict and nothing written);
        ``importer`` is one set up for the file (a mapping) instead of the registry's."""
        ...

    def plan_import(
        self,
        path: Path,
        format_name: str | None = ...,
        progress: ProgressCallback = ...,
        importer: Importer | None = ...,
    ) -> ImportPlan:
        """What importing a file would do, written nowhere; ImportFileError when no
        format fits (``importer``: one set up for the file, as for import_file)."""
        ...

    def load_sample(self, progress: ProgressCallback = ...) -> tuple[ImportReport, ChangeSet]:
        """Import the sample records that ship with Catalog."""
        ...

    def sort_keys_outdated(self) -> bool:
        """True when another collation made the sort keys (and they can be made again)."""
        ...

    def sort_language(self) -> str:
        """The ICU locale whose order titles and names sort in ("" for the root order)."""
        ...

    def remake_sort_keys(
        self, progress: ProgressCallback = ..., language: str | None = ...
    ) -> ChangeSet:
        """Make the sort keys of titles and names again, in one transaction: in the
        catalogue's order, or in ``language``'s, which becomes the catalogue's."""
        ...

    def export(
        self,
        ids: Sequence[int],
        format_name: str,
        output: Path,
        progress: ProgressCallback = ...,
        options: ExportOptions = ...,
    ) -> int:
        """Write records to a file as the options say; returns how many were written."""
        ...
