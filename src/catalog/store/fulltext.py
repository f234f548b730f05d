"""The full-text index, kept in sync by the store (never by triggers).

Text is folded and tokenised in Python (``catalog.domain.names.search_text``) before it
reaches either database, so SQLite's FTS5 and PostgreSQL's ``tsvector`` index the same
tokens and a query folds the same way on both. Four fields are indexed: title, summary,
notes and names (every variant of every linked authority).

On PostgreSQL each record has one row of ``record_search``:

- ``document``: the weighted tsvector of the four fields, with positions (GIN-indexed,
  for older versions of Catalog). Read only to check a phrase of three or more words,
  or a phrase in one field, in the records the terms left.
- ``terms``: lexemes without positions, GIN-indexed, that answer most queries from the
  index alone: every token (``citizenship``), every two consecutive tokens of a field
  (``soviet koreans``: a two-word phrase, or a CJK word of two characters) and every
  token of the title, summary and notes labelled with the field's weight
  (``A:citizenship`` for ``title:citizenship``). None of them can be mistaken for
  another: tokens hold letters and digits only. A record whose terms would exceed one
  tsvector (1 MB) has the single term ``+partial`` instead: searches check its document.
- ``filler``: a constant, compressible, generated column. PostgreSQL moves values out of
  a row (TOAST) only when the row exceeds about 2 kB; the filler makes every row do so,
  and ``toast_tuple_target`` then moves both tsvectors out, so the table's own pages
  hold about 100 bytes a record. A search of 100,000 hits (a common word at a million
  records) then reads 13,000 small pages instead of 66,000 pages of documents: 40 ms
  instead of 300 ms.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from itertools import pairwise

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
# PostgreSQL's limits: a lexeme up to 2047 bytes, the lexemes of one tsvector up to 1 MB.
LEXEME_BYTES = 2047
TERMS_BYTES = 1_000_000
# The one term of a record whose terms are too many: no token, pair or label looks so.
PARTIAL = "+partial"

_PG_TABLE = (
    "CREATE TABLE record_search ("
    " record_id BIGINT PRIMARY KEY REFERENCES records (id) ON DELETE CASCADE,"
    " document TSVECTOR NOT NULL)"
)
# Revision 0004's layout, for a new table and an older one alike. {filler}: more than a
# quarter of the server's block size, the size above which values are moved out.
_PG_LAYOUT = (
    "ALTER TABLE record_search ADD COLUMN terms TSVECTOR NOT NULL,"
    " ADD COLUMN filler TEXT GENERATED ALWAYS AS (repeat(' ', {filler})) STORED,"
    " ALTER COLUMN document SET STORAGE EXTERNAL, SET (toast_tuple_target = 128)",
    # No statistics: with them, a word in most records makes the planner read every
    # row's terms (four seconds at a million records: each is a TOAST fetch) instead of
    # the index (a fifth of a second). Without, it estimates few rows and uses the index.
    "ALTER TABLE record_search ALTER COLUMN terms SET STATISTICS 0",
)
_PG_INDEXES = (
    "CREATE INDEX ix_record_search_document ON record_search USING GIN (document)",
    "CREATE INDEX ix_record_search_terms ON record_search USING GIN (terms)",
)
SQLITE_INSERT = (
    "INSERT INTO record_fts (rowid, title, summary, notes, names) VALUES (?, ?, ?, ?, ?)"
)
_PG_UPSERT = text(
    "INSERT INTO record_search (record_id, document, terms) VALUES (:id, "
    "setweight(to_tsvector('simple', :title), 'A') || "
    "setweight(to_tsvector('simple', :summary), 'B') || "
    "setweight(to_tsvector('simple', :notes), 'C') || "
    "setweight(to_tsvector('simple', :names), 'D'), "
    # Terms travel as one text, a term a line (none holds a line break): a Python list
    # would be adapted element by element, three times slower than the rest of a row.
    "array_to_tsvector(string_to_array(:terms, E'\\n'))) "
    "ON CONFLICT (record_id) DO UPDATE SET document = EXCLUDED.document, terms = EXCLUDED.terms"
)


def create_index(connection: Connection) -> None:
    """Create the full-text table of the connection's database."""
    if connection.dialect.name == "sqlite":
        connection.exec_driver_sql(_SQLITE_DDL)
        return
    connection.exec_driver_sql(_PG_TABLE)
    _postgres_layout(connection)
    _postgres_indexes(connection)


def upgrade_layout(connection: Connection) -> None:
    """PostgreSQL: bring a full-text table of revision 0003 to this layout, in place (a
    table made again would lose what the administrator granted on it), and fill it."""
    connection.exec_driver_sql("DROP INDEX IF EXISTS ix_record_search_document")
    connection.exec_driver_sql("TRUNCATE record_search")  # the layout's rewrite is then free
    _postgres_layout(connection)
    rebuild(connection)
    _postgres_indexes(connection)  # after the rows: building beats inserting row by row


def has_terms(connection: Connection) -> bool:
    """PostgreSQL: whether the full-text table already has this version's layout."""
    return bool(
        connection.exec_driver_sql(
            "SELECT 1 FROM information_schema.columns"
            " WHERE table_name = 'record_search' AND column_name = 'terms'"
            " AND table_schema = current_schema()"
        ).first()
    )


def _postgres_layout(connection: Connection) -> None:
    block = int(connection.exec_driver_sql("SHOW block_size").scalar_one())
    for statement in _PG_LAYOUT:
        connection.exec_driver_sql(statement.format(filler=block // 4 + 64))


def _postgres_indexes(connection: Connection) -> None:
    for statement in _PG_INDEXES:
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


def lexeme(text: str) -> str | None:
    """``text`` as a PostgreSQL lexeme, or None if it is too long to be one."""
    return text if len(text.encode()) <= LEXEME_BYTES else None


def label(weight: str, token: str) -> str:
    """The term of a token in one field (its weight): ``A:citizenship``."""
    return f"{weight}:{token}"


def index_terms(row: SearchRow) -> list[str]:
    """A record's terms (see the module's description), in no particular order."""
    found: set[str] = set()
    for weight, field in zip(PG_WEIGHTS.values(), row[1:], strict=True):
        words = field.split()
        found.update(words)
        found.update(f"{a} {b}" for a, b in pairwise(words))
        if weight != PG_WEIGHTS["names"]:  # names are not a field a query can name
            found.update(label(weight, word) for word in words)
    kept = [term for term in found if lexeme(term)]
    if sum(len(term.encode()) for term in kept) > TERMS_BYTES:
        return [PARTIAL]
    return kept


def write_rows(connection: Connection, rows: Sequence[SearchRow], *, new: bool = False) -> None:
    """Index ``rows``, replacing what was indexed for those records unless ``new``."""
    if not rows:
        return
    if connection.dialect.name == "sqlite":
        if not new:
            remove(connection, [r[0] for r in rows])
        connection.exec_driver_sql(SQLITE_INSERT, list(rows))
    else:
        keys = ("id", "title", "summary", "notes", "names")
        connection.execute(
            _PG_UPSERT,
            [
                {**dict(zip(keys, row, strict=True)), "terms": "\n".join(index_terms(row))}
                for row in rows
            ],
        )


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
    if connection.dialect.name == "postgresql":
        # Fresh statistics, or the planner guesses at the new rows until autovacuum runs.
        connection.exec_driver_sql("ANALYZE record_search")
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
