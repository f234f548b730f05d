"""The sort order of titles and names made again, as a job with progress.

``catalog.store.sort_keys`` does the work; this tells the window (or nothing) how far it
has come, and what the views must show again.
"""

from __future__ import annotations

from catalog.domain.changes import ChangeSet
from catalog.domain.errors import CatalogError
from catalog.domain.wording import QT_TRANSLATE_NOOP
from catalog.services.jobs import Progress, ProgressCallback
from catalog.store import sort_keys
from catalog.store.engine import Database

_MAKING = QT_TRANSLATE_NOOP("Errors", "Updating the sort order of titles and names")
_WRITING = QT_TRANSLATE_NOOP("Errors", "Writing the new sort order")


def remake(db: Database, progress: ProgressCallback) -> ChangeSet:
    """Make every sort key with this program's collation, in one transaction."""

    def step(done: int, total: int | None) -> None:
        progress(Progress.of(done, total, CatalogError(_MAKING if total else _WRITING)))

    changed = sort_keys.remake(db, step)
    return ChangeSet(bulk=True, facets=True, authorities=True) if changed else ChangeSet()
