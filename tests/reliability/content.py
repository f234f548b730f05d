"""A checksum of what a catalogue holds, read with ``sqlite3`` and nothing of Catalog's.

Two catalogues have the same checksum when they hold the same records, links, notes,
names, vocabularies, change log, write counter and full-text index (the text indexed for
each record; ``index=False`` leaves it out, to compare catalogues at schema revisions
with and without one). The Alembic revision is left out, and so are the columns that
differ between two runs of the same work or two revisions: timestamps, the name of the
collation, and the random ``uid`` of rows other than records (a record's ``uid`` comes
from its file and is kept).
"""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path
from typing import Any

_SKIPPED_TABLES = ("alembic_version", "record_fts", "sqlite_")
_TIMES = frozenset({"created", "modified", "at"})
# Not content: which collation made the sort keys and in which language's order
# (revisions 0005 and 0006 added them; the keys themselves are compared).
_NOT_CONTENT = _TIMES | {"sort_collation", "sort_locale"}
_INDEXED = "title, summary, notes, names"


def _table_names(connection: sqlite3.Connection) -> set[str]:
    return {row[0] for row in connection.execute("SELECT name FROM sqlite_master")}


def connect_read_only(path: Path) -> sqlite3.Connection:
    """A read-only connection to a catalogue file (which must exist)."""
    if not path.is_file():
        raise FileNotFoundError(path)
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)


def content(path: Path, *, index: bool = True) -> dict[str, list[tuple[Any, ...]]]:
    """Every content table's column names, then its rows (without the columns above)
    in the order of all their values; then the full-text index's rows."""
    tables: dict[str, list[tuple[Any, ...]]] = {}
    connection = connect_read_only(path)
    try:
        connection.execute("BEGIN")  # one snapshot across every table
        names = [
            row[0]
            for row in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
            )
            if not row[0].startswith(_SKIPPED_TABLES)
        ]
        for name in names:
            columns = [
                row[1]
                for row in connection.execute(f'PRAGMA table_info("{name}")')
                if row[1] not in _NOT_CONTENT and (row[1] != "uid" or name == "records")
            ]
            listed = ", ".join(f'"{column}"' for column in columns)
            rows = connection.execute(f'SELECT {listed} FROM "{name}" ORDER BY {listed}')
            tables[name] = [tuple(columns), *rows]
        if index and "record_fts" in _table_names(connection):
            rows = connection.execute(f"SELECT rowid, {_INDEXED} FROM record_fts ORDER BY rowid")
            tables["record_fts"] = [("rowid", *_INDEXED.split(", ")), *rows]
        connection.rollback()
    finally:
        connection.close()
    return tables


def checksum(path: Path, *, index: bool = True) -> str:
    """A SHA-256 of ``content(path, index=index)``: equal checksums, equal content."""
    digest = hashlib.sha256()
    for name, rows in content(path, index=index).items():
        digest.update(f"table {name}\n".encode())
        digest.update(repr(rows).encode())
    return digest.hexdigest()


def revision(path: Path) -> str | None:
    """The catalogue's Alembic revision (None when it has none)."""
    connection = connect_read_only(path)
    try:
        found = connection.execute("SELECT version_num FROM alembic_version").fetchall()
    finally:
        connection.close()
    return str(found[0][0]) if found else None
