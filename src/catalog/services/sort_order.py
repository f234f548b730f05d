"""The sort order of titles and names made again, as a job with progress.

``catalog.store.sort_keys`` does the work; this tells the window (or nothing) how far it
has come, and what the views must show again.
"""

from __future__ import annotations

from catalog.domain.changes import ChangeSet
from catalog.domain.collation import SORT_LANGUAGES
from catalog.domain.errors import CatalogError
from catalog.domain.wording import QT_TRANSLATE_NOOP
from catalog.services.jobs import Progress, ProgressCallback
from catalog.store import sort_keys
from catalog.store.engine import Database
from catalog.store.unit_of_work import storage_errors

_MAKING = QT_TRANSLATE_NOOP("Errors", "Updating the sort order of titles and names")
_WRITING = QT_TRANSLATE_NOOP("Errors", "Writing the new sort order")


def language(db: Database) -> str:
    """The ICU locale whose order the catalogue's titles and names follow ("" for root)."""
    with storage_errors(db), db.reader.connect() as connection:
        return sort_keys.catalogue_order(connection).locale


def remake(db: Database, progress: ProgressCallback, locale: str | None = None) -> ChangeSet:
    """Make every sort key with this program's collation, in one transaction: in the
    catalogue's order, or in ``locale``'s (one of ``SORT_LANGUAGES``), which becomes it."""
    if locale is not None and locale not in SORT_LANGUAGES:
        raise CatalogError(
            QT_TRANSLATE_NOOP("Errors", "Catalog has no sort order called {locale}."),
            locale=repr(locale),
        )

    def step(done: int, total: int | None) -> None:
        progress(Progress.of(done, total, CatalogError(_MAKING if total else _WRITING)))

    changed = sort_keys.remake(db, step, locale)
    return ChangeSet(bulk=True, facets=True, authorities=True) if changed else ChangeSet()
