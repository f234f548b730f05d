"""Engines for a catalogue: a SQLite file on this machine or a shared PostgreSQL server.

SQLite gets one writing connection (``BEGIN IMMEDIATE`` for every write, so a writer
never upgrades a read lock half-way) and a small pool of read-only connections; WAL lets
readers work while the writer commits. PostgreSQL uses one ordinary pool.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.pool import QueuePool, StaticPool

from catalog.domain.errors import StorageUnavailable
from catalog.domain.wording import QT_TRANSLATE_NOOP
from catalog.store.write_log import WriteLog

_SQLITE_PRAGMAS = (
    "PRAGMA foreign_keys = ON",
    "PRAGMA busy_timeout = 10000",
    # FULL: a commit survives power loss as well as a crash of the program.
    "PRAGMA synchronous = FULL",
)
# Pages each connection keeps (KiB): the writer's large imports gain from a big cache;
# readers scan indexes the operating system caches anyway, and there are several.
WRITER_CACHE_KIB = 65536
READER_CACHE_KIB = 8192


@dataclass
class Database:
    """An open catalogue: where it lives and the engines that reach it.

    Attributes:
        url: the SQLAlchemy URL.
        path: the SQLite file, or None for a server or in-memory catalogue.
        writer: the engine every write goes through.
        reader: the engine reads go through (the writer itself on PostgreSQL).
    """

    url: URL
    path: Path | None
    writer: Engine
    reader: Engine
    options: dict[str, Any] = field(default_factory=dict)
    own_backends: set[int] = field(default_factory=set)
    """PostgreSQL server processes of this client's connections: their notifications are
    this client's own changes, which it has already shown."""
    writes: WriteLog = field(default_factory=WriteLog)
    """What this program's own writes touched, by generation (mends the search index)."""

    @property
    def dialect(self) -> str:
        """``sqlite`` or ``postgresql``."""
        return self.writer.dialect.name

    @property
    def separate_connections(self) -> bool:
        """True when two connections can work at once (not an in-memory catalogue)."""
        return self.path is not None or self.dialect == "postgresql"

    @property
    def display_name(self) -> str:
        """Where the catalogue is, for titles and messages (no password)."""
        if self.path is not None:
            return str(self.path)
        return self.url.render_as_string(hide_password=True)

    def dispose(self) -> None:
        """Close every connection."""
        self.writer.dispose()
        if self.reader is not self.writer:
            self.reader.dispose()


def to_url(target: str | Path) -> URL:
    """A SQLAlchemy URL for a path or a URL string (``postgresql+psycopg://...``)."""
    text = str(target)
    if "://" in text:
        url = make_url(text)
        if url.drivername == "postgresql":
            url = url.set(drivername="postgresql+psycopg")
        if url.get_backend_name() not in ("sqlite", "postgresql"):
            raise StorageUnavailable(
                QT_TRANSLATE_NOOP(
                    "Errors", "Catalog can open SQLite files and PostgreSQL servers, not {driver}."
                ),
                driver=repr(url.drivername),
            )
        return url
    return URL.create("sqlite+pysqlite", database=str(Path(text).expanduser().resolve()))


def create_database(target: str | Path) -> Database:
    """Engines for the catalogue at ``target``; nothing is read or created yet."""
    url = to_url(target)
    if url.get_backend_name() == "postgresql":
        engine = create_engine(url, pool_size=5, max_overflow=5, pool_pre_ping=True)
        db = Database(url=url, path=None, writer=engine, reader=engine)
        _track_backends(engine, db.own_backends)
        return db
    if not url.database or url.database == ":memory:":
        engine = _sqlite_engine(url, writer=True, poolclass=StaticPool)
        return Database(url=url, path=None, writer=engine, reader=engine)
    path = Path(url.database)
    if path.exists() and not path.is_file():
        raise StorageUnavailable(
            QT_TRANSLATE_NOOP("Errors", "{path} is a folder, not a catalogue file."), path=path
        )
    if not path.parent.is_dir():
        raise StorageUnavailable(
            QT_TRANSLATE_NOOP("Errors", "The folder {folder} does not exist."), folder=path.parent
        )
    writer = _sqlite_engine(url, writer=True, pool_size=1)
    reader = _sqlite_engine(url, writer=False, pool_size=4)
    return Database(url=url, path=path, writer=writer, reader=reader)


def _track_backends(engine: Engine, backends: set[int]) -> None:
    """Keep ``backends`` equal to the server process ids of the engine's connections."""

    def opened(dbapi_connection: Any, record: Any) -> None:
        pid = int(dbapi_connection.info.backend_pid)
        record.info["backend_pid"] = pid
        backends.add(pid)

    def closed(_dbapi_connection: Any, record: Any) -> None:
        backends.discard(record.info.get("backend_pid", -1))

    event.listen(engine, "connect", opened)
    event.listen(engine, "close", closed)


def _sqlite_engine(url: URL, *, writer: bool, poolclass: Any = QueuePool, **pool: Any) -> Engine:
    if poolclass is QueuePool:
        pool.setdefault("max_overflow", 0)
        pool.setdefault("pool_timeout", 60)
    engine = create_engine(
        url,
        poolclass=poolclass,
        connect_args={"check_same_thread": False, "timeout": 10},
        **pool,
    )
    begin = "BEGIN IMMEDIATE" if writer else "BEGIN"

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
        # Let SQLAlchemy's "begin" event below issue BEGIN, not the driver.
        dbapi_connection.isolation_level = None
        for pragma in _SQLITE_PRAGMAS:
            dbapi_connection.execute(pragma)
        cache = WRITER_CACHE_KIB if writer else READER_CACHE_KIB
        dbapi_connection.execute(f"PRAGMA cache_size = -{cache}")
        if writer:
            dbapi_connection.execute("PRAGMA journal_mode = WAL")
            # The writer's sorts can be huge (an import into an empty catalogue builds
            # indexes of a million keys at its end): in a temporary file, not in memory.
            dbapi_connection.execute("PRAGMA temp_store = FILE")
        else:
            dbapi_connection.execute("PRAGMA query_only = ON")
            dbapi_connection.execute("PRAGMA temp_store = MEMORY")

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        connection.exec_driver_sql(begin)

    return engine
