"""Core INSERT statements compiled once and executed with plain tuples.

``connection.execute(insert(table), rows)`` rebuilds and processes a parameter dict
for every row, which costs as much as SQLite's own work on a large import. Here the
Core statement is compiled once per table; rows arrive as tuples in a fixed column
order, pass through the columns' own bind processors (so values are stored exactly as
SQLAlchemy would store them), and go to the driver.

On SQLite one statement inserts many rows (``VALUES (...), (...), ...``). The driver
lets go of the GIL while SQLite runs a statement and must take it back before the next
one; while another thread runs Python (an import's parsing), taking it back waits for
the interpreter's switch interval (5 ms). At a row per statement the writing thread
waited most of the time and an import's two threads ran one after the other; a few
hundred to a few thousand rows per statement leave SQLite working while the other
thread parses, for about the CPU time of ``executemany``.
"""

from __future__ import annotations

import queue
import sqlite3
import threading
from collections.abc import Callable, Sequence
from itertools import chain
from operator import itemgetter
from typing import Any

from sqlalchemy import Boolean, Connection, DateTime, Table, insert

from catalog.store.base import Base
from catalog.store.types import UTCDateTime

Row = tuple[Any, ...]
Statement = tuple[str, Any]
"""SQL and its parameters: one row's tuple, or a list of them (run for each)."""

MAX_ROWS = 4096
"""The most rows one multi-row statement inserts."""
MAX_VALUES = 16384
"""The most values one multi-row statement binds (SQLite allows 32,766 since 3.32)."""
_CACHED_VALUES = 4096  # distinct values a column's processor remembers, then starts over
_MISSING = object()


def _memo(column_type: Any) -> bool:
    """Whether the bind processor of a column of this type gives equal results for equal
    values, so its results can be remembered (booleans, timestamps: few distinct values)."""
    return isinstance(column_type, Boolean | DateTime | UTCDateTime)


class TableInserter:
    """Inserts rows of given columns into one table.

    With ``defer``, rows that do not fill a whole multi-row statement wait for the next
    ``insert`` (or ``flush``), so each batch costs a statement or two instead of a tail
    of smaller ones; only rows that no other row of the transaction refers to may wait.

    Attributes:
        columns: the order in which each row gives its values.
    """

    def __init__(
        self,
        connection: Connection,
        model: type[Base],
        columns: Sequence[str],
        *,
        defer: bool = False,
    ) -> None:
        table: Table = model.__table__  # type: ignore[assignment]
        dialect = connection.dialect
        compiled = insert(table).compile(dialect=dialect, column_keys=list(columns))
        self.connection = connection
        self.columns = tuple(columns)
        self.sql = str(compiled)
        expected = list(compiled.positiontup or []) if compiled.positional else list(compiled.binds)
        if set(expected) != set(columns):
            raise ValueError(f"{table.name}: rows must give exactly {sorted(expected)}")
        position = {name: i for i, name in enumerate(columns)}
        # Positional: where each parameter's value stands in a row ([]: already in order);
        # None: named parameters, given as dicts.
        self._order: list[int] | None = None
        self._pick: Callable[[Row], Row] | None = None  # a row's values in the SQL's order
        if compiled.positional:
            order = [position[name] for name in expected]
            self._order = [] if order == list(range(len(order))) else order
            if self._order:  # two columns at least: itemgetter gives a tuple
                self._pick = itemgetter(*order)
        self._names = expected
        processors: list[tuple[int, Callable[[Any], Any], dict[Any, Any] | None]] = []
        for name in columns:
            column_type = table.c[name].type
            processor = column_type.dialect_impl(dialect).bind_processor(dialect)
            if processor is not None:
                cache: dict[Any, Any] | None = {} if _memo(column_type) else None
                processors.append((position[name], processor, cache))
        self._processors = processors
        self._multi = _multi_row_sql(connection, self.sql, len(columns))
        self._deferred = DeferredRows(self._multi) if defer and self._multi else None

    def insert(self, rows: Sequence[Row]) -> None:
        """Insert ``rows`` (each a tuple in ``columns`` order); with ``defer``, the last
        of them may wait for the next call or ``flush``."""
        execute(self.connection, self.statements(rows))

    def statements(self, rows: Sequence[Row]) -> list[Statement]:
        """What ``insert`` would run for ``rows``, ready to run later (on another thread:
        the values are processed and laid out here)."""
        if not rows:
            return []
        prepared: list[Any] = (
            [self._process(row) for row in rows] if self._processors else list(rows)
        )
        if self._order is None:  # named parameters (PostgreSQL)
            names = self.columns
            prepared = [dict(zip(names, row, strict=True)) for row in prepared]
        elif self._pick is not None:
            prepared = list(map(self._pick, prepared))
        if self._multi is None:
            return [(self.sql, prepared)]
        if self._deferred is not None:
            return self._deferred.statements(prepared)
        return self._multi.statements(prepared)

    def flush(self) -> None:
        """Insert the rows still waiting."""
        execute(self.connection, self.flush_statements())

    def flush_statements(self) -> list[Statement]:
        """What ``flush`` would run."""
        return [] if self._deferred is None else self._deferred.flush_statements()

    def _process(self, row: Row) -> Row:
        values = list(row)
        for index, processor, cache in self._processors:
            value = values[index]
            if value is None:
                continue
            if cache is None:
                values[index] = processor(value)
                continue
            found = cache.get(value, _MISSING)
            if found is _MISSING:
                found = processor(value)
                if len(cache) >= _CACHED_VALUES:
                    cache.clear()
                cache[value] = found
            values[index] = found
        return tuple(values)


class _MultiRow:
    """Multi-row forms of one SQLite ``INSERT ... VALUES (?, ...)`` statement.

    Rows go in statements of a few fixed sizes (the largest, then powers of four), so
    the driver's statement cache keeps every form and SQLite never compiles one again.
    A compiled statement takes memory in proportion to its values (about 100 bytes
    each), so the sizes stop at ``MAX_VALUES`` values.
    """

    def __init__(self, sql: str, head: str, marks: str, largest: int) -> None:
        self.single = sql
        self.head = head
        self.marks = marks
        sizes = [largest]
        size = 1
        while size * 4 < largest:
            size *= 4
        while size > 1:
            if size < largest:
                sizes.append(size)
            size //= 4
        self.sizes = sizes
        self._sql: dict[int, str] = {}

    def sql(self, rows: int) -> str:
        found = self._sql.get(rows)
        if found is None:
            found = self._sql[rows] = f"{self.head} VALUES {', '.join([self.marks] * rows)}"
        return found

    def statements(self, rows: Sequence[Row]) -> list[Statement]:
        """The statements that insert ``rows``, the largest first."""
        made: list[Statement] = []
        start, total = 0, len(rows)
        for size in self.sizes:
            count = (total - start) // size
            if not count:
                continue
            params = [
                tuple(chain.from_iterable(rows[first : first + size]))
                for first in range(start, start + count * size, size)
            ]
            made.append((self.sql(size), params[0] if count == 1 else params))
            start += count * size
        if start < total:
            made.append((self.single, list(rows[start:])))
        return made


class DeferredRows:
    """Rows inserted in whole statements of the largest size; the rest wait for more
    rows (or ``flush_statements``).

    Each statement costs the writing thread a wait for the interpreter lock once SQLite
    is done with it (up to the switch interval, 5 ms, while another thread runs
    Python): a batch's remainders, in ever smaller statements, cost more waiting than
    SQLite's work. Rows may wait only if nothing in the transaction needs them
    before its end (foreign keys deferred, no reads of them).
    """

    def __init__(self, multi: _MultiRow) -> None:
        self._multi = multi
        self._waiting: list[Row] = []

    def statements(self, rows: Sequence[Row]) -> list[Statement]:
        """Statements for whole statements' worth of the waiting rows and ``rows``."""
        if self._waiting:
            rows = [*self._waiting, *rows]
        whole = len(rows) - len(rows) % self._multi.sizes[0]
        self._waiting = list(rows[whole:])
        return self._multi.statements(rows[:whole])

    def flush_statements(self) -> list[Statement]:
        """Statements for every row still waiting."""
        waiting, self._waiting = self._waiting, []
        return self._multi.statements(waiting)


def deferred_rows(connection: Connection, sql: str, width: int) -> DeferredRows | None:
    """Deferred rows of a positional SQLite insert of ``width`` values (None elsewhere)."""
    multi = _multi_row_sql(connection, sql, width)
    return None if multi is None else DeferredRows(multi)


def insert_rows(connection: Connection, sql: str, rows: Sequence[Row]) -> None:
    """Run a positional ``INSERT ... VALUES (?, ...)`` for every row (values as the
    driver takes them): many rows a statement on SQLite, an executemany elsewhere."""
    if not rows:
        return
    multi = _multi_row_sql(connection, sql, len(rows[0]))
    execute(connection, [(sql, list(rows))] if multi is None else multi.statements(rows))


def execute(connection: Connection, statements: Sequence[Statement]) -> None:
    """Run statements made by ``statements`` or ``flush_statements``, in order."""
    for sql, params in statements:
        connection.exec_driver_sql(sql, params)


def _multi_row_sql(connection: Connection, sql: str, width: int) -> _MultiRow | None:
    """The multi-row forms of a positional SQLite insert, or None elsewhere."""
    if connection.dialect.name != "sqlite":
        return None
    head, found, marks = sql.partition(" VALUES ")
    if not found or marks != "(" + ", ".join(["?"] * width) + ")":
        return None
    limit = MAX_VALUES
    driver = connection.connection.driver_connection
    if isinstance(driver, sqlite3.Connection):
        limit = min(limit, driver.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER))
    largest = min(MAX_ROWS, limit // width)
    return _MultiRow(sql, head, marks, largest) if largest > 1 else None


class BackgroundWriter:
    """Runs write jobs on a second thread, in order, at most two batches behind.

    While SQLite stores and indexes one batch (in C, without the GIL) the caller parses
    and folds the next, so an import uses both cores. The write connection belongs to
    this thread while it runs; the caller reads through another connection.
    """

    def __init__(self) -> None:
        self._jobs: queue.Queue[Callable[[], None] | None] = queue.Queue(maxsize=2)
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name="catalog-import-writer")
        self._thread.daemon = True
        self._thread.start()

    def submit(self, job: Callable[[], None]) -> None:
        """Queue a job; raises at once if an earlier job failed."""
        self._raise_failure()
        self._jobs.put(job)

    def finish(self) -> None:
        """Wait for every queued job; raise the first failure, if any."""
        self.close()
        self._raise_failure()

    def close(self) -> None:
        """Stop after the queued jobs (skipped if one failed) and wait for the thread."""
        if self._thread.is_alive():
            self._jobs.put(None)
            self._thread.join()

    def _raise_failure(self) -> None:
        if self._error is not None:
            raise self._error

    def _run(self) -> None:
        while True:
            job = self._jobs.get()
            if job is None:
                return
            if self._error is None:
                try:
                    job()
                except BaseException as error:  # handed to the caller's thread
                    self._error = error
