"""The full-text index, kept in sync by the store (never by triggers).

Text is folded and tokenised in Python (``catalog.domain.names.search_text``) before it
reaches either database, so SQLite's FTS5 and PostgreSQL's ``tsvector`` index the same
tokens and a query folds the same way on both. Four fields are indexed: title, summary,
notes and names (every variant of every linked authority).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence

from sqlalchemy import Connection, select, text
from sqlalchemy.orm import Session

from catalog.domain.names import search_text
from catalog.store.tables import Annotation, AuthorityVariant, Record, RecordAuthority

# One indexed row: record id, then folded title, summary, notes and names.
SearchRow = tuple[int, str, str, str, str]

# PostgreSQL labels each field with a weight, so ``title:`` can restrict a query to A.
PG_WEIGHTS = {"title": "A", "summary": "B", "notes": "C", "names": "D"}

_SQLITE_DDL = (
    "CREATE VIRTUAL TABLE record_fts USING fts5("
    "title, summary, notes, names, tokenize = 'unicode61 remove_diacritics 0')"
)
_PG_DDL = (
    "CREATE TABLE record_search ("
    " record_id BIGINT PRIMARY KEY REFERENCES records (id) ON DELETE CASCADE,"
    " document TSVECTOR NOT NULL)",
    "CREATE INDEX ix_record_search_document ON record_search USING GIN (document)",
)
_SQLITE_INSERT = (
    "INSERT INTO record_fts (rowid, title, summary, notes, names) VALUES (?, ?, ?, ?, ?)"
)
_PG_UPSERT = text(
    "INSERT INTO record_search (record_id, document) VALUES (:id, "
    "setweight(to_tsvector('simple', :title), 'A') || "
    "setweight(to_tsvector('simple', :summary), 'B') || "
    "setweight(to_tsvector('simple', :notes), 'C') || "
    "setweight(to_tsvector('simple', :names), 'D')) "
    "ON CONFLICT (record_id) DO UPDATE SET document = EXCLUDED.document"
)


def create_index(connection: Connection) -> None:
    """Create the full-text table of the connection's database."""
    if connection.dialect.name == "sqlite":
        connection.exec_driver_sql(_SQLITE_DDL)
    else:
        for statement in _PG_DDL:
            connection.exec_driver_sql(statement)


def drop_index(connection: Connection) -> None:
    """Drop the full-text table."""
    name = "record_fts" if connection.dialect.name == "sqlite" else "record_search"
    connection.exec_driver_sql(f"DROP TABLE IF EXISTS {name}")


def search_row(
    record_id: int, title: str, summary: str, notes: Iterable[str], names: Iterable[str]
) -> SearchRow:
    """The folded texts indexed for one record."""
    return (
        record_id,
        search_text(title),
        search_text(summary),
        search_text("\n".join(notes)),
        search_text("\n".join(names)),
    )


def write_rows(connection: Connection, rows: Sequence[SearchRow], *, new: bool = False) -> None:
    """Index ``rows``, replacing what was indexed for those records unless ``new``."""
    if not rows:
        return
    if connection.dialect.name == "sqlite":
        if not new:
            remove(connection, [r[0] for r in rows])
        connection.exec_driver_sql(_SQLITE_INSERT, list(rows))
    else:
        keys = ("id", "title", "summary", "notes", "names")
        connection.execute(_PG_UPSERT, [dict(zip(keys, row, strict=True)) for row in rows])


def remove(connection: Connection, record_ids: Sequence[int]) -> None:
    """Drop records from the index (PostgreSQL's cascade does this on delete too)."""
    table, key = (
        ("record_fts", "rowid")
        if connection.dialect.name == "sqlite"
        else ("record_search", "record_id")
    )
    for chunk in _chunks(record_ids, 500):
        marks = ",".join(str(int(i)) for i in chunk)
        connection.exec_driver_sql(f"DELETE FROM {table} WHERE {key} IN ({marks})")  # noqa: S608


def refresh(session: Session, record_ids: Iterable[int]) -> None:
    """Re-index records from what the database now holds about them."""
    for chunk in _chunks(sorted(set(record_ids)), 500):
        write_rows(session.connection(), load_rows(session, chunk))


def rebuild(connection: Connection, batch: int = 5000) -> int:
    """Index every record from scratch; returns how many were indexed."""
    session = Session(bind=connection)
    ids = list(connection.scalars(select(Record.id).order_by(Record.id)))
    remove_all(connection)
    for chunk in _chunks(ids, batch):
        write_rows(connection, load_rows(session, chunk), new=True)
    return len(ids)


def remove_all(connection: Connection) -> None:
    """Empty the index."""
    table = "record_fts" if connection.dialect.name == "sqlite" else "record_search"
    connection.exec_driver_sql(f"DELETE FROM {table}")  # noqa: S608


def load_rows(session: Session, record_ids: Sequence[int]) -> list[SearchRow]:
    """Read what must be indexed for ``record_ids`` from the tables."""
    notes: dict[int, list[str]] = defaultdict(list)
    for record_id, note in session.execute(
        select(Annotation.record_id, Annotation.text)
        .where(Annotation.record_id.in_(record_ids))
        .order_by(Annotation.id)
    ):
        notes[record_id].append(note)
    names: dict[int, list[str]] = defaultdict(list)
    for record_id, name in session.execute(
        select(RecordAuthority.record_id, AuthorityVariant.name)
        .join(AuthorityVariant, AuthorityVariant.authority_id == RecordAuthority.authority_id)
        .where(RecordAuthority.record_id.in_(record_ids))
        .order_by(RecordAuthority.id, AuthorityVariant.id)
    ):
        names[record_id].append(name)
    for record_id, name in session.execute(
        select(Record.id, AuthorityVariant.name)
        .join(AuthorityVariant, AuthorityVariant.authority_id == Record.repository_id)
        .where(Record.id.in_(record_ids))
    ):
        names[record_id].append(name)
    return [
        search_row(rid, title, summary, notes[rid], names[rid])
        for rid, title, summary in session.execute(
            select(Record.id, Record.title, Record.summary).where(Record.id.in_(record_ids))
        )
    ]


def _chunks(items: Sequence[int], size: int) -> Iterable[Sequence[int]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]
