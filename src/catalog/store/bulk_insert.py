"""Core INSERT statements compiled once and executed with plain tuples.

``connection.execute(insert(table), rows)`` rebuilds and processes a parameter dict
for every row, which costs as much as SQLite's own work on a large import. Here the
Core statement is compiled once per table; rows arrive as tuples in a fixed column
order, pass through the columns' own bind processors (so values are stored exactly as
SQLAlchemy would store them), and go to the driver's ``executemany``.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable, Sequence
from typing import Any

from sqlalchemy import Connection, Table, insert

from catalog.store.base import Base

Row = tuple[Any, ...]


class TableInserter:
    """Inserts rows of given columns into one table.

    Attributes:
        columns: the order in which each row gives its values.
    """

    def __init__(self, connection: Connection, model: type[Base], columns: Sequence[str]) -> None:
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
        self._order = [position[name] for name in expected] if compiled.positional else None
        self._names = expected
        processors: list[tuple[int, Callable[[Any], Any]]] = []
        for name in columns:
            processor = table.c[name].type.dialect_impl(dialect).bind_processor(dialect)
            if processor is not None:
                processors.append((position[name], processor))
        self._processors = processors

    def insert(self, rows: Sequence[Row]) -> None:
        """Insert ``rows`` (each a tuple in ``columns`` order) with one executemany."""
        if not rows:
            return
        prepared: list[Any] = (
            [self._process(row) for row in rows] if self._processors else list(rows)
        )
        if self._order is not None:
            order = self._order
            if order != list(range(len(order))):
                prepared = [tuple(row[i] for i in order) for row in prepared]
        else:
            names = self.columns
            prepared = [dict(zip(names, row, strict=True)) for row in prepared]
        self.connection.exec_driver_sql(self.sql, prepared)

    def _process(self, row: Row) -> Row:
        values = list(row)
        for index, processor in self._processors:
            if values[index] is not None:
                values[index] = processor(values[index])
        return tuple(values)


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
