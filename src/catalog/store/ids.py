"""Primary keys handed out in blocks, so bulk inserts need no round trip per row."""

from __future__ import annotations

from sqlalchemy import Connection, func, select, text

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
