"""Listen for other clients' changes on a PostgreSQL catalogue (see ``live_notify``).

A :class:`ChangeListener` holds one connection of its own, outside the pool, and waits
for notifications on a thread of its own. Notifications sent by this client's own
connections are skipped (the window has shown those changes already); the rest are
merged for a moment and handed to ``on_changes`` as one :class:`ChangeSet`.

When the connection is lost (server restart, network drop), ``on_state(False, message)``
is called and the listener reconnects with growing pauses; once back, it reports
``on_state(True, "")`` and a change of everything, since notifications sent meanwhile
are lost.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from typing import Any

from catalog.domain.changes import ChangeSet
from catalog.store.engine import Database
from catalog.store.live_notify import CHANNEL

log = logging.getLogger(__name__)

OnChanges = Callable[[ChangeSet], None]
OnState = Callable[[bool, str], None]

WAIT = 0.5
"""Seconds the listener waits for a notification before checking whether to stop."""
GATHER = 0.05
"""Seconds it then waits for more (a bulk edit sends many), to hand them on together."""
LONGEST_GATHER = 1.0
"""Seconds it goes on gathering while more keep coming."""
MOST_LISTED = 2000
"""Records listed in one ChangeSet; beyond, views refresh everything (cheaper)."""
RETRY = (1.0, 2.0, 4.0, 8.0)
"""Pauses between attempts to reconnect, the last repeated."""


def parse(payload: str) -> ChangeSet:
    """The change a notification's payload describes (unknown payloads: everything)."""
    kind, _, listed = payload.partition(":")
    if kind == "A":
        return ChangeSet(facets=True, authorities=True, bulk=True)
    if listed == "*" or kind not in ("I", "U", "D"):
        return ChangeSet(facets=True, bulk=True)
    try:
        ids = frozenset(int(i) for i in listed.split(",") if i)
    except ValueError:
        return ChangeSet(facets=True, bulk=True)
    if kind == "I":
        return ChangeSet(added=ids, facets=True)
    if kind == "D":
        return ChangeSet(removed=ids, facets=True)
    return ChangeSet(updated=ids, facets=True)


class ChangeListener:
    """Calls ``on_changes`` (from its own thread) with other clients' committed changes."""

    def __init__(self, db: Database, on_changes: OnChanges, on_state: OnState) -> None:
        self._db = db
        self._on_changes = on_changes
        self._on_state = on_state
        self._stop = threading.Event()
        self._connection: Any = None
        self._thread = threading.Thread(target=self._run, name="catalog-listener", daemon=True)
        self.listening = threading.Event()

    def start(self) -> None:
        """Start listening."""
        self._thread.start()

    def stop(self) -> None:
        """Stop listening and close the connection (waits for the thread)."""
        self._stop.set()
        self._thread.join(timeout=5)

    def _run(self) -> None:
        attempt = 0
        lost = False
        while not self._stop.is_set():
            try:
                self._connect()
            except Exception as error:  # SQLAlchemy's or psycopg's: the server is not there
                if not lost:
                    self._on_state(False, _first_line(error))
                    lost = True
                self._stop.wait(RETRY[min(attempt, len(RETRY) - 1)])
                attempt += 1
                continue
            if lost:
                self._on_state(True, "")
                self._on_changes(ChangeSet(facets=True, authorities=True, bulk=True))
                lost = False
            attempt = 0
            try:
                self._listen()
            except Exception as error:  # psycopg.OperationalError and kin: the link broke
                if self._stop.is_set():
                    break
                log.info("catalogue listener lost its connection: %s", error)
                self._on_state(False, _first_line(error))
                lost = True
            finally:
                self._close()

    def _connect(self) -> None:
        # A connection of the pool's kind (same URL, same arguments), detached from it:
        # it stays in LISTEN mode for the life of the window.
        raw = self._db.writer.raw_connection()
        connection = raw.driver_connection
        raw.detach()
        if connection is None:
            raise OSError("no connection to listen on")
        connection.autocommit = True
        connection.execute(f"LISTEN {CHANNEL}")
        self._connection = connection
        self.listening.set()

    def _listen(self) -> None:
        own = self._db.own_backends
        while not self._stop.is_set():
            merged = ChangeSet()
            notices = list(self._connection.notifies(timeout=WAIT, stop_after=1))
            if notices:
                notices += self._burst()
            for notice in notices:
                if notice.pid not in own:
                    merged = merged.merged(parse(notice.payload))
            if len(merged.records) > MOST_LISTED:
                merged = ChangeSet(facets=True, authorities=merged.authorities, bulk=True)
            if not merged.empty:
                self._on_changes(merged)

    def _burst(self) -> list[Any]:
        """The notifications that follow the first back to back (a commit sends all of
        its own at once; on a busy machine they take longer than one ``GATHER``)."""
        found: list[Any] = []
        deadline = time.monotonic() + LONGEST_GATHER
        while time.monotonic() < deadline:
            more = list(self._connection.notifies(timeout=GATHER))
            if not more:
                break
            found += more
        return found

    def _close(self) -> None:
        connection, self._connection = self._connection, None
        self.listening.clear()
        if connection is not None:
            try:
                connection.close()
            except Exception:  # closing a broken connection: nothing left to do
                log.debug("closing the listener's connection failed", exc_info=True)


def _first_line(error: BaseException) -> str:
    text = str(getattr(error, "orig", None) or error).strip()
    return text.splitlines()[0] if text else type(error).__name__
