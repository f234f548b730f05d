"""Record ids: new primary keys handed out in blocks, and compact lists of found ids."""

from __future__ import annotations

import itertools
from collections.abc import Iterator, Sequence
from typing import Any, overload

import numpy as np
import numpy.typing as npt
from sqlalchemy import Connection, Select, func, select, text

from catalog.store.base import Base


class IdAllocator:
    """Hands out new primary keys of one table for the current write transaction.

    On SQLite the transaction holds the only write lock (``BEGIN IMMEDIATE``), so keys
    continue from the table's maximum. On PostgreSQL keys come from the table's sequence
    in blocks, so concurrent clients never collide.
    """

    def __init__(self, connection: Connection, table: type[Base], block: int = 1000) -> None:
        self._connection = connection
        self._table = table.__tablename__
        self._block = block
        self._postgres = connection.dialect.name == "postgresql"
        self._next = 0
        self._end = 0
        if not self._postgres:
            column = table.__table__.c.id
            self._next = int(connection.scalar(select(func.max(column))) or 0) + 1
            self._end = -1  # unbounded

    def take(self, count: int = 1) -> int:
        """Reserve ``count`` consecutive keys; returns the first."""
        if self._postgres and self._next + count > self._end:
            self._reserve(max(count, self._block))
        first = self._next
        self._next += count
        return first

    def _reserve(self, count: int) -> None:
        sequence = self._connection.scalar(
            text("SELECT pg_get_serial_sequence(:t, 'id')"), {"t": self._table}
        )
        last = self._connection.scalar(
            text("SELECT setval(CAST(:s AS regclass), nextval(CAST(:s AS regclass)) + :n - 1)"),
            {"s": sequence, "n": count},
        )
        assert last is not None
        self._next = int(last) - count + 1
        self._end = int(last) + 1


class IdList(Sequence[int]):
    """Record ids held in a numpy array, read as plain ``int``s.

    A million ids cost 8 MB here, against about 36 MB as a list of Python ints.
    """

    def __init__(self, ids: npt.NDArray[np.int64]) -> None:
        self.array = ids

    def __len__(self) -> int:
        return int(self.array.shape[0])

    @overload
    def __getitem__(self, item: int) -> int: ...

    @overload
    def __getitem__(self, item: slice) -> IdList: ...

    def __getitem__(self, item: int | slice) -> int | IdList:
        if isinstance(item, slice):
            return IdList(self.array[item])
        return int(self.array[item])

    def __iter__(self) -> Iterator[int]:
        return iter(self.array.tolist())

    def __eq__(self, other: object) -> bool:
        if isinstance(other, IdList):
            return bool(np.array_equal(self.array, other.array))
        if isinstance(other, list | tuple):
            return bool(self.array.tolist() == list(other))
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]  # a list of ids is mutable in spirit

    def __repr__(self) -> str:
        return f"IdList({self.array.tolist()[:10]}{'...' if len(self) > 10 else ''})"


FETCH_BATCH = 50_000


def fetch_ids(connection: Connection, query: Select[Any]) -> IdList:
    """Run a query of one integer column; the ids come back without a Python object each.

    The driver's own cursor is used: numpy probes every SQLAlchemy ``Row`` for array
    attributes (six failed look-ups a row), which made a million ids cost 16 s.
    """
    compiled = query.compile(
        dialect=connection.dialect, compile_kwargs={"render_postcompile": True}
    )
    params = compiled.params
    arguments: Any = (
        tuple(params[name] for name in compiled.positiontup or ())
        if compiled.positional
        else params
    )
    cursor = connection.connection.cursor()
    chunks = []
    try:
        cursor.execute(str(compiled), arguments)
        # A batch at a time: a million rows at once would be 90 MB of Python tuples.
        while rows := cursor.fetchmany(FETCH_BATCH):
            flat = itertools.chain.from_iterable(rows)
            chunks.append(np.fromiter(flat, dtype=np.int64, count=len(rows)))
    finally:
        cursor.close()
    return IdList(np.concatenate(chunks) if chunks else np.zeros(0, dtype=np.int64))
