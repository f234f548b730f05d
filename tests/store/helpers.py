"""Writing records straight through the store, for store tests."""

from __future__ import annotations

from collections.abc import Sequence

from catalog.domain import query_ast as q
from catalog.domain.query import parse_query
from catalog.domain.records import RecordInput
from catalog.domain.views import SortKey
from catalog.store import unit_of_work
from catalog.store.bulk import BulkWriter
from catalog.store.engine import Database
from catalog.store.search import search_ids


def insert(db: Database, records: Sequence[RecordInput]) -> list[int]:
    """Insert records in one transaction; returns their ids."""
    with unit_of_work.write(db) as session:
        writer = BulkWriter(session.connection(), user="tester")
        writer.write(records)
        writer.finish()
        return list(writer.record_ids)


def find(db: Database, query: str | q.Node, sort: SortKey = SortKey.DATE) -> list[int]:
    """Ids matching a query."""
    node = parse_query(query) if isinstance(query, str) else query
    with unit_of_work.read(db) as session:
        return search_ids(session, node, sort)
