"""Writing records straight through the store, for store tests."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime

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


def raw_record_row(title: str, summary: str) -> dict[str, object]:
    """The columns of a record dated 1956, for an insert below the store's own writers (a
    catalogue at an older revision, whose writers are gone)."""
    now = datetime(2020, 1, 1, tzinfo=UTC)
    return {
        "id": 1,
        "uid": "00000000-0000-0000-0000-000000000001",
        "title": title,
        "title_key": title.lower(),
        "summary": summary,
        "date_text": "1956",
        "date_edtf": "1956",
        "date_lower": 19560101,
        "date_upper": 19561231,
        "date_precision": 4,
        "date_approximate": False,
        "date_uncertain": False,
        "date_sort": 19560101,
        "source_ref": "",
        "classification": "",
        "deleted": False,
        "created_by": "",
        "modified_by": "",
        "created": now,
        "modified": now,
        "version": 1,
    }
