"""Saved searches (named queries) and recent searches, kept in the user's settings.

Both are plain query texts: applying one puts it in the search box, which stays the
single truth. Recent searches are fed by every search the window runs; while the user
types, each pause searches, so a query that merely extends or trims the newest one a
moment later replaces it instead of filling the list with "cit", "citiz", "citizenship".
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject, QSettings, Signal

SAVED_KEY = "search/saved"
RECENT_KEY = "search/recent"
RECENT_LIMIT = 10
TYPING_SECONDS = 3.0
"""A refinement of the newest recent search this soon after it is still the same typing."""


@dataclass(frozen=True)
class SavedSearch:
    """A query saved under a name."""

    name: str
    query: str


class SavedSearches(QObject):
    """Saved and recent searches, written through to ``settings`` when there are any.

    Without settings (tests of the window, say) they last as long as the object.

    Signals:
        changed(): the saved or recent searches changed.
    """

    changed = Signal()

    def __init__(
        self,
        settings: QSettings | None = None,
        clock: Callable[[], float] = time.monotonic,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._settings = settings
        self._clock = clock
        self._last_recorded = float("-inf")
        self._saved = [SavedSearch(n, q) for n, q in self._read(SAVED_KEY, ("name", "query"))]
        self._recent = [q for (q,) in self._read(RECENT_KEY, ("query",))][:RECENT_LIMIT]

    # ------------------------------------------------------------------ reading

    @property
    def saved(self) -> list[SavedSearch]:
        """The saved searches, in the order they were first saved."""
        return list(self._saved)

    @property
    def recent(self) -> list[str]:
        """The last distinct queries run, newest first."""
        return list(self._recent)

    def find(self, name: str) -> SavedSearch | None:
        """The saved search with this name, if any."""
        return next((s for s in self._saved if s.name == name), None)

    def name_for(self, query: str) -> str | None:
        """The name the query is saved under, if it is saved."""
        return next((s.name for s in self._saved if s.query == query.strip()), None)

    # ------------------------------------------------------------------ changing

    def save(self, name: str, query: str) -> None:
        """Save a query under a name; a search of that name is replaced in place."""
        entry = SavedSearch(name.strip(), query.strip())
        if not entry.name or not entry.query:
            raise ValueError("a saved search needs a name and a query")
        names = [s.name for s in self._saved]
        if entry.name in names:
            self._saved[names.index(entry.name)] = entry
        else:
            self._saved.append(entry)
        self._write_saved()

    def rename(self, old: str, new: str) -> bool:
        """Rename a saved search; False when there is none by ``old`` or ``new`` is taken."""
        new = new.strip()
        found = self.find(old)
        if found is None or not new or (new != old and self.find(new) is not None):
            return False
        self._saved[self._saved.index(found)] = SavedSearch(new, found.query)
        self._write_saved()
        return True

    def delete(self, name: str) -> None:
        """Forget a saved search."""
        self._saved = [s for s in self._saved if s.name != name]
        self._write_saved()

    def record(self, query: str) -> None:
        """Note a query that was run: it becomes the newest recent search."""
        query = query.strip()
        if not query:
            return
        now = self._clock()
        newest = self._recent[0] if self._recent else ""
        typing = now - self._last_recorded < TYPING_SECONDS and (
            query.startswith(newest) or newest.startswith(query)
        )
        self._last_recorded = now
        if query == newest:
            return
        rest = self._recent[1:] if typing else self._recent
        self._recent = [query, *(q for q in rest if q != query)][:RECENT_LIMIT]
        self._write(RECENT_KEY, [(q,) for q in self._recent], ("query",))
        self.changed.emit()

    def clear_recent(self) -> None:
        """Forget the recent searches."""
        self._recent = []
        self._write(RECENT_KEY, [], ("query",))
        self.changed.emit()

    # ------------------------------------------------------------------ settings

    def _write_saved(self) -> None:
        self._write(SAVED_KEY, [(s.name, s.query) for s in self._saved], ("name", "query"))
        self.changed.emit()

    def _read(self, key: str, fields: tuple[str, ...]) -> list[tuple[str, ...]]:
        if self._settings is None:
            return []
        rows = []
        for row in range(self._settings.beginReadArray(key)):
            self._settings.setArrayIndex(row)
            values = tuple(str(self._settings.value(name, "") or "") for name in fields)
            if all(value.strip() for value in values):
                rows.append(values)
        self._settings.endArray()
        return rows

    def _write(self, key: str, rows: list[tuple[str, ...]], fields: tuple[str, ...]) -> None:
        if self._settings is None:
            return
        self._settings.remove(key)
        self._settings.beginWriteArray(key, len(rows))
        for row, values in enumerate(rows):
            self._settings.setArrayIndex(row)
            for name, value in zip(fields, values, strict=True):
                self._settings.setValue(name, value)
        self._settings.endArray()
        self._settings.sync()
