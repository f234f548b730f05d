"""Long statements a cancel can stop half-way.

A job checks for Cancel between pages of work, but one statement (an UPDATE of a million
rows, the build of an index) runs for seconds with no page to check between. While one
runs, a watcher thread asks the job every fraction of a second; once it says stop, the
watcher interrupts the statement (SQLite's ``interrupt``, PostgreSQL's cancel request),
and the job's own exception comes out of it, so its transaction rolls back as after any
other cancel.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Connection

CHECK_EVERY = 0.1
"""Seconds between two questions to the job while a statement runs."""


@contextmanager
def interruptible(
    connection: Connection, check: Callable[[], None], every: float | None = None
) -> Iterator[None]:
    """Run the statements of the block so that ``check`` raising stops them.

    ``check`` is called once here first (a cancel pressed just before need not wait
    for a statement to start), then on a watcher thread; what it raises is raised here,
    from the database's error when a statement was interrupted.
    """
    check()
    raw = connection.connection.dbapi_connection
    stop = threading.Event()
    raised: list[BaseException] = []

    pause = CHECK_EVERY if every is None else every

    def watch() -> None:
        while not stop.wait(pause):
            try:
                check()
            except BaseException as error:  # handed to the job's thread
                raised.append(error)
                _interrupt(raw)
                return

    watcher = threading.Thread(target=watch, name="statement-watch", daemon=True)
    watcher.start()
    try:
        yield
    except Exception as error:
        stop.set()
        watcher.join()
        if raised:
            raise raised[0] from error
        raise
    finally:
        stop.set()
        watcher.join()
    if raised:  # asked to stop just as the statements finished
        raise raised[0]


def _interrupt(raw: Any) -> None:
    """Stop the statement running on a DBAPI connection, from another thread."""
    cancel = getattr(raw, "interrupt", None) or getattr(raw, "cancel_safe", None)
    if cancel is None:
        cancel = raw.cancel  # psycopg before 3.2
    cancel()
