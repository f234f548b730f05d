"""One unit of work per user action: a Session that commits or rolls back as a whole.

Sessions never leave the thread that opened them; callers get DTOs, not ORM rows.
Database failures that are the environment's fault (locked, full, unreachable) become
user-facing errors here; anything else propagates as the bug it is.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import update
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.orm import Session

from catalog.domain.errors import CatalogLocked, StorageUnavailable
from catalog.domain.wording import QT_TRANSLATE_NOOP
from catalog.store.engine import Database
from catalog.store.tables import CatalogInfo
from catalog.store.write_log import touched_by


@contextmanager
def write(db: Database) -> Iterator[Session]:
    """A session for one write: committed at the end, rolled back on any error.

    Every committed write bumps the catalogue's generation, so caches can tell they
    are stale; the database's write log notes the generation with what the write said
    it touched (``write_log.touch``).
    """
    with storage_errors(db), Session(db.writer, expire_on_commit=False) as session:
        try:
            yield session
            generation = session.execute(
                update(CatalogInfo)
                .values(generation=CatalogInfo.generation + 1)
                .returning(CatalogInfo.generation)
            ).scalar_one()
            touched = touched_by(session)
            session.commit()
        except BaseException:
            session.rollback()
            raise
        db.writes.add(generation, touched)


@contextmanager
def read(db: Database, *, consistent: bool = False) -> Iterator[Session]:
    """A session for reads only; whatever happens, nothing is written.

    ``consistent`` asks for one snapshot across every statement (PostgreSQL's default
    isolation gives each statement its own; a SQLite read transaction is one already).
    """
    engine = db.reader
    if consistent and db.dialect == "postgresql":
        engine = engine.execution_options(isolation_level="REPEATABLE READ")
    with storage_errors(db), Session(engine) as session:
        try:
            yield session
        finally:
            session.rollback()


@contextmanager
def storage_errors(db: Database) -> Iterator[None]:
    """Turn the database's environmental failures into messages for the user."""
    try:
        yield
    except DBAPIError as error:
        if error.connection_invalidated:
            raise StorageUnavailable(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "The connection to the catalogue {where} was lost. "
                    "Nothing was saved; try again once it is back.",
                ),
                where=db.display_name,
            ) from error
        if isinstance(error, OperationalError) or _DAMAGE.search(str(error.orig)):
            raise translate(db, error) from error
        raise


# Errors that are about the file or the role, not about our SQL (SQLite raises them as
# DatabaseError, PostgreSQL a missing privilege as ProgrammingError).
_DAMAGE = re.compile(
    r"not a database|malformed|disk image|disk i/o|full|permission denied|read-only transaction",
    re.IGNORECASE,
)


def translate(db: Database, error: DBAPIError) -> StorageUnavailable:
    """The user-facing error for a failed database call."""
    text = str(error.orig).lower()
    where = db.display_name
    if "locked" in text or "busy" in text:
        return CatalogLocked(
            QT_TRANSLATE_NOOP(
                "Errors",
                "The catalogue {where} is busy: another program is writing to it. "
                "Try again in a moment.",
            ),
            where=where,
        )
    if "full" in text:
        return StorageUnavailable(
            QT_TRANSLATE_NOOP(
                "Errors",
                "The disk holding {where} is full. "
                "Nothing was saved; free some space and try again.",
            ),
            where=where,
        )
    if "not a database" in text or "malformed" in text:
        return StorageUnavailable(
            QT_TRANSLATE_NOOP("Errors", "{where} is damaged or is not a Catalog catalogue."),
            where=where,
        )
    if "readonly" in text or "read-only" in text or "permission" in text:
        return StorageUnavailable(
            QT_TRANSLATE_NOOP("Errors", "The catalogue {where} cannot be written (read-only)."),
            where=where,
        )
    if "unable to open" in text:
        return StorageUnavailable(
            QT_TRANSLATE_NOOP("Errors", "The catalogue {where} cannot be opened."), where=where
        )
    if db.dialect == "postgresql":
        return StorageUnavailable(
            QT_TRANSLATE_NOOP("Errors", "The catalogue server {where} cannot be reached: {reason}"),
            where=where,
            reason=first_line(error.orig),
        )
    return StorageUnavailable(
        QT_TRANSLATE_NOOP("Errors", "The catalogue {where} failed: {reason}"),
        where=where,
        reason=first_line(error.orig),
    )


def first_line(error: BaseException | None) -> str:
    """The first line of an exception's message."""
    return str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
