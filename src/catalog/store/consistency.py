"""What ``catalog check`` looks for in the tables, and the repairs that need no person.

Every rule comes from the declared foreign keys: a row whose record, name or value is
gone is removed (the declared ``ON DELETE CASCADE``) or its reference cleared (``SET
NULL``). The full-text index is compared with what the tables say it should hold.
Both work on SQLite and PostgreSQL; ``integrity_check`` and ``foreign_key_check`` are
SQLite's own.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import (
    Column,
    ColumnElement,
    Connection,
    Table,
    exists,
    func,
    insert,
    or_,
    select,
    text,
)
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from catalog.store import fulltext, tables
from catalog.store.base import Base
from catalog.store.types import utcnow

# A check reports (records compared so far, records in all).
Step = Callable[[int, int], None]

_INDEX_ONLY = re.compile(
    r"(row \d+ missing from index |wrong # of entries in index |non-unique entry in index )"
)


@dataclass(frozen=True)
class Rule:
    """A declared reference from a child row to its parent."""

    column: Column[object]
    parent: Column[object]
    cascade: bool  # True: the orphan row goes; False: the reference is cleared

    @property
    def table(self) -> Table:
        """The child table."""
        return self.column.table

    @property
    def name(self) -> str:
        """``table.column``."""
        return f"{self.table.name}.{self.column.name}"


@dataclass(frozen=True)
class Fixed:
    """A row a repair removed or changed, for the change log."""

    table: str
    row_id: int
    record_id: int | None
    column: str
    value: object


def rules() -> list[Rule]:
    """Every declared reference, in a fixed order."""
    found: list[Rule] = []
    for table in Base.metadata.sorted_tables:
        for key in sorted(table.foreign_keys, key=lambda k: k.parent.name):
            cascade = (key.ondelete or "").upper() != "SET NULL"
            found.append(Rule(key.parent, key.column, cascade))
    return found


def _orphan_filter(rule: Rule) -> ColumnElement[bool]:
    return rule.column.is_not(None) & ~exists().where(rule.parent == rule.column)


def _by_table() -> dict[str, list[Rule]]:
    """The rules whose orphans are removed, by child table."""
    found: dict[str, list[Rule]] = {}
    for rule in rules():
        if rule.cascade:
            found.setdefault(rule.table.name, []).append(rule)
    return found


def _orphans_of(table_rules: list[Rule]) -> ColumnElement[bool]:
    return or_(*(_orphan_filter(rule) for rule in table_rules))


def orphans(connection: Connection) -> dict[str, int]:
    """Rows per table whose record, name or value is gone (only tables with some)."""
    counts: dict[str, int] = {}
    for name, table_rules in _by_table().items():
        table = table_rules[0].table
        query = select(func.count()).select_from(table).where(_orphans_of(table_rules))
        count = int(connection.scalar(query) or 0)
        if count:
            counts[name] = count
    return counts


def dangling(connection: Connection) -> dict[str, int]:
    """References (``table.column``) to a value that is gone, where the rule is to clear
    them (a record's document type or archive)."""
    counts: dict[str, int] = {}
    for rule in rules():
        if not rule.cascade:
            query = select(func.count()).select_from(rule.table).where(_orphan_filter(rule))
            count = int(connection.scalar(query) or 0)
            if count:
                counts[rule.name] = count
    return counts


def remove_orphans(connection: Connection) -> list[Fixed]:
    """Delete every orphan row (as ``ON DELETE CASCADE`` would have); returns them."""
    fixed: list[Fixed] = []
    for name, table_rules in _by_table().items():
        table = table_rules[0].table
        key = table.c.id if "id" in table.c else table_rules[0].column
        record = next((table.c[n] for n in ("record_id", "source_id") if n in table.c), None)
        where = _orphans_of(table_rules)
        columns = [key, record if record is not None else key, *(r.column for r in table_rules)]
        for row in connection.execute(select(*columns).where(where)):
            gone = [
                f"{rule.column.name}={value}"
                for rule, value in zip(table_rules, row[2:], strict=True)
                if value is not None and not _exists(connection, rule, value)
            ]
            owner = int(row[1]) if record is not None else None
            fixed.append(Fixed(name, int(row[0]), owner, "", ", ".join(gone)))
        connection.execute(table.delete().where(where))
    return fixed


def _exists(connection: Connection, rule: Rule, value: object) -> bool:
    return connection.scalar(select(func.count()).where(rule.parent == value)) != 0


def clear_dangling(connection: Connection) -> list[Fixed]:
    """Clear references to values that are gone (as ``ON DELETE SET NULL`` would have)."""
    fixed: list[Fixed] = []
    for rule in rules():
        if rule.cascade:
            continue
        table, where = rule.table, _orphan_filter(rule)
        for row_id, value in connection.execute(select(table.c.id, rule.column).where(where)):
            fixed.append(Fixed(table.name, int(row_id), int(row_id), rule.column.name, value))
        connection.execute(table.update().where(where).values({rule.column.name: None}))
    return fixed


# ---------------------------------------------------------------------- SQLite's own


def integrity(connection: Connection) -> list[str]:
    """What ``PRAGMA integrity_check`` finds (empty when the file is sound)."""
    try:
        rows = connection.exec_driver_sql("PRAGMA integrity_check").all()
    except DBAPIError as error:  # so damaged that the check itself stops
        return [str(error.orig).strip().splitlines()[0]]
    verdicts = [str(row[0]) for row in rows]
    return [] if verdicts == ["ok"] else verdicts


def only_indexes(problems: list[str]) -> bool:
    """True when every problem is an index that disagrees with its table (REINDEX fixes it)."""
    return bool(problems) and all(_INDEX_ONLY.match(problem) for problem in problems)


def foreign_key_violations(connection: Connection) -> dict[str, int]:
    """``PRAGMA foreign_key_check``: rows per table that point at missing rows."""
    counts: dict[str, int] = {}
    for row in connection.exec_driver_sql("PRAGMA foreign_key_check"):
        counts[str(row[0])] = counts.get(str(row[0]), 0) + 1
    return counts


# ---------------------------------------------------------------------- full-text index


@dataclass(frozen=True)
class IndexDifference:
    """How the full-text index differs from the tables (all zero: it agrees)."""

    missing: int = 0  # records not indexed
    extra: int = 0  # index rows of records that do not exist
    stale: int = 0  # records indexed with text they no longer hold

    @property
    def total(self) -> int:
        """Records to index again."""
        return self.missing + self.extra + self.stale


def index_difference(connection: Connection, step: Step, batch: int = 2000) -> IndexDifference:
    """Compare the full-text index with the records, text and all."""
    sqlite = connection.dialect.name == "sqlite"
    if sqlite:
        missing = connection.scalar(
            text("SELECT count(*) FROM records WHERE id NOT IN (SELECT rowid FROM record_fts)")
        )
        extra = connection.scalar(
            text("SELECT count(*) FROM record_fts WHERE rowid NOT IN (SELECT id FROM records)")
        )
    else:
        missing = connection.scalar(
            text(
                "SELECT count(*) FROM records r WHERE NOT EXISTS"
                " (SELECT 1 FROM record_search s WHERE s.record_id = r.id)"
            )
        )
        extra = connection.scalar(
            text(
                "SELECT count(*) FROM record_search s WHERE NOT EXISTS"
                " (SELECT 1 FROM records r WHERE r.id = s.record_id)"
            )
        )
    ids = list(connection.scalars(select(tables.Record.id).order_by(tables.Record.id)))
    session = Session(bind=connection)
    stale = 0
    for start in range(0, len(ids), batch):
        chunk = ids[start : start + batch]
        expected = fulltext.load_rows(session, chunk)
        stale += (_stale_sqlite if sqlite else _stale_postgres)(connection, expected)
        step(start + len(chunk), len(ids))
    return IndexDifference(int(missing or 0), int(extra or 0), stale)


def _stale_sqlite(connection: Connection, expected: list[fulltext.SearchRow]) -> int:
    marks = ",".join(str(int(row[0])) for row in expected)
    if not marks:
        return 0
    stored = {
        int(row[0]): tuple(row)
        for row in connection.exec_driver_sql(
            "SELECT rowid, title, summary, notes, names FROM record_fts"  # noqa: S608 - ints
            f" WHERE rowid IN ({marks})"
        )
    }
    return sum(1 for row in expected if row[0] in stored and stored[row[0]] != tuple(row))


_PG_STALE = text(
    "SELECT count(*) FROM unnest(CAST(:ids AS bigint[]), CAST(:titles AS text[]),"
    " CAST(:summaries AS text[]), CAST(:notes AS text[]), CAST(:names AS text[]))"
    " AS e(id, title, summary, notes, names)"
    " JOIN record_search s ON s.record_id = e.id"
    " WHERE s.document <> ("
    "setweight(to_tsvector('simple', e.title), 'A') || "
    "setweight(to_tsvector('simple', e.summary), 'B') || "
    "setweight(to_tsvector('simple', e.notes), 'C') || "
    "setweight(to_tsvector('simple', e.names), 'D'))"
)


def _stale_postgres(connection: Connection, expected: list[fulltext.SearchRow]) -> int:
    if not expected:
        return 0
    columns = list(zip(*expected, strict=True))
    names = ("ids", "titles", "summaries", "notes", "names")
    values = {name: list(column) for name, column in zip(names, columns, strict=True)}
    return int(connection.scalar(_PG_STALE, values) or 0)


def log_fixed(connection: Connection, fixed: list[Fixed], user: str, cascade: bool) -> None:
    """A change-log line per row a repair removed (``cascade``) or changed."""
    if not fixed:
        return
    now = utcnow()
    rows = [
        {
            "at": now,
            "user": user,
            "entity": item.table[:40],
            "entity_id": item.row_id,
            "record_id": item.record_id,
            "action": "repair: removed" if cascade else "repair: cleared",
            "field": item.column[:60],
            "old": f"{item.value} (missing)" if item.column else f"{item.value} missing",
            "new": None,
        }
        for item in fixed
    ]
    connection.execute(insert(tables.ChangeLogEntry), rows)
