"""``catalog copy``: move a whole catalogue between SQLite and PostgreSQL, either way.

Every table is copied row for row (ids, uids, versions, timestamps as they are), parents
first, a batch at a time so a million records never sit in memory. The source is read in
one snapshot; the destination is written in one transaction that also rebuilds the
full-text index and ends by counting every table on both sides. A mismatch, a failure or
a cancel rolls it all back, and removes a SQLite file the copy created."""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterator, Sequence
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Row, Table, cast, func, inspect, select, tuple_, update
from sqlalchemy.dialects.postgresql import REGCLASS
from sqlalchemy.engine import URL
from sqlalchemy.exc import ArgumentError, DataError, DBAPIError, IntegrityError

from catalog.domain.errors import CatalogError, SchemaTooNew
from catalog.domain.wording import QT_TRANSLATE_NOOP
from catalog.services.jobs import Progress, ProgressCallback, no_progress
from catalog.store import fulltext, schema, unit_of_work
from catalog.store.base import Base
from catalog.store.bulk_insert import TableInserter
from catalog.store.engine import Database, create_database
from catalog.store.tables import CatalogInfo
from catalog.store.unit_of_work import first_line, storage_errors

BATCH = 5000
_Rows = list[tuple[Any, ...]]

# catalog_info describes the database itself, not the catalogue's contents: its
# ``created`` and ``generation`` identify saved search indexes, so the copy keeps the
# fresh row its schema was created with (a copy is a new catalogue to every cache).
_NOT_COPIED = frozenset({CatalogInfo.__tablename__})


class CopyRefused(CatalogError):
    """A copy that cannot be made (or was undone): the message says why."""


@dataclass(frozen=True)
class CopyReport:
    """What a copy wrote, verified against the source.

    Attributes:
        source: where the catalogue was read (no password).
        destination: where it was written (no password).
        tables: each table copied and its rows, in the order they were written.
        indexed: records in the destination's full-text index.
    """

    source: str
    destination: str
    tables: tuple[tuple[str, int], ...]
    indexed: int

    @property
    def total(self) -> int:
        """Rows in every table together."""
        return sum(count for _name, count in self.tables)


def copied_tables() -> list[Table]:
    """The tables a copy writes, parents first. Not in the metadata, so never copied:
    ``alembic_version`` and the full-text index (FTS5 ``record_fts``, ``record_search``
    on PostgreSQL), which the schema owns and the copy rebuilds."""
    return [t for t in Base.metadata.sorted_tables if t.name not in _NOT_COPIED]


def copy_catalogue(
    source: str | Path,
    destination: str | Path,
    progress: ProgressCallback = no_progress,
    *,
    batch: int = BATCH,
) -> CopyReport:
    """Copy the catalogue at ``source`` (path or URL) to ``destination``.

    The source is only read: a catalogue at an older schema is refused, not upgraded
    (opening it once with this version upgrades it after a backup; a copy must not
    change what it reads). The destination must be a new file, an empty database or a
    catalogue without rows; it is created at the current schema. Raises CopyRefused,
    StorageUnavailable or SchemaTooNew with a message for the user; ``progress`` may
    raise JobCancelled, which undoes the copy.
    """
    with ExitStack() as stack:
        src = _open(source)
        stack.callback(src.dispose)
        dst = _open(destination)
        stack.callback(dst.dispose)
        if _same_place(src.url, dst.url):
            raise CopyRefused(
                QT_TRANSLATE_NOOP(
                    "Errors", "The source and the destination are the same catalogue."
                )
            )
        _check_source(src)
        new_file = dst.path is not None and not dst.path.exists()
        _check_destination(dst, new_file)
        try:
            if newer := schema.prepare(dst).newer:  # it may hold tables this version lacks
                raise SchemaTooNew(newer)
            return _transfer(src, dst, progress, batch)
        except BaseException:
            dst.dispose()  # let go of the file before removing it
            if new_file:  # remove the file this copy created, and its journals
                for suffix in ("", "-wal", "-shm", "-journal"):
                    Path(f"{dst.path}{suffix}").unlink(missing_ok=True)
            raise


def _open(target: str | Path) -> Database:
    try:
        return create_database(target)
    except (ArgumentError, ValueError) as error:  # a malformed URL: repeat no password
        shown = re.sub(r"(://[^:/@]*:)[^@]*@", r"\1***@", str(target))
        raise CopyRefused(
            QT_TRANSLATE_NOOP("Errors", "{target} is not a catalogue file or database URL."),
            target=shown,
        ) from error


def _same_place(a: URL, b: URL) -> bool:
    if a.get_backend_name() != b.get_backend_name():
        return False
    first, second = Path(a.database or ""), Path(b.database or "")
    if a.get_backend_name() == "sqlite" and first.exists() and second.exists():
        return os.path.samefile(first, second)  # through links too
    # The same server database, whichever role or driver names it.
    return (a.host, a.port or 5432, first) == (b.host, b.port or 5432, second)


def _check_source(db: Database) -> None:
    """Refuse a source that is missing, not a catalogue, older or newer than this schema.

    Read through read-only connections only: ``schema.prepare`` would create a missing
    catalogue and upgrade an older one.
    """
    where = db.display_name
    if db.path is not None and not db.path.is_file():
        raise CopyRefused(
            QT_TRANSLATE_NOOP("Errors", "There is no catalogue at {where}."), where=where
        )
    with storage_errors(db), db.reader.connect() as connection:
        tables = set(inspect(connection).get_table_names())
        revision = schema.current_revision(connection) if "alembic_version" in tables else None
        major = connection.scalar(select(CatalogInfo.schema_major)) if revision else None
        connection.rollback()
    if revision is None or "records" not in tables:
        raise CopyRefused(
            QT_TRANSLATE_NOOP("Errors", "{where} is not a Catalog catalogue."), where=where
        )
    if revision != schema.HEAD_REVISION and revision in _known_revisions():
        raise CopyRefused(
            QT_TRANSLATE_NOOP(
                "Errors",
                "The catalogue {where} was written by an older version of Catalog (schema "
                "revision {revision}). Open it once with this version, which upgrades it after "
                "taking a backup, then copy it.",
            ),
            where=where,
            revision=revision,
        )
    if revision != schema.HEAD_REVISION or (major or 0) > schema.SCHEMA_MAJOR:
        raise SchemaTooNew(
            QT_TRANSLATE_NOOP(
                "Errors",
                "The catalogue {where} was written by a newer version of Catalog (schema "
                "revision {revision}); install that version to copy it.",
            ),
            where=where,
            revision=revision,
        )


def _known_revisions() -> set[str]:
    from alembic.script import ScriptDirectory

    scripts = ScriptDirectory.from_config(schema.alembic_config()).walk_revisions()
    return {script.revision for script in scripts}


def _check_destination(db: Database, new_file: bool) -> None:
    """Refuse a destination holding any row a copy would write (ids would collide)."""
    if new_file:
        return
    with storage_errors(db), db.reader.connect() as connection:
        present = set(inspect(connection).get_table_names())
        tables = [t for t in copied_tables() if t.name in present]
        for table in sorted(tables, key=lambda t: t.name != "records"):  # the plainest first
            held = _count(connection, table)  # instant when empty, the case that goes on
            if held:
                if table.name == "records":
                    template = QT_TRANSLATE_NOOP(
                        "Errors",
                        "{where} already holds a catalogue ({count} records); "
                        "copy into a new file or an empty database.",
                    )
                else:
                    template = QT_TRANSLATE_NOOP(
                        "Errors",
                        "{where} already holds a catalogue (rows in {table}); "
                        "copy into a new file or an empty database.",
                    )
                raise CopyRefused(template, where=db.display_name, count=held, table=table.name)
        connection.rollback()


def _transfer(src: Database, dst: Database, progress: ProgressCallback, batch: int) -> CopyReport:
    tables = copied_tables()
    # One snapshot of the source (REPEATABLE READ on PostgreSQL): a client writing
    # meanwhile cannot make the copy, or its counts, half old and half new.
    with unit_of_work.read(src, consistent=True) as session:
        reading = session.connection()
        expected = {t.name: _count(reading, t) for t in tables}
        total = sum(expected.values())
        with storage_errors(dst), dst.writer.connect() as writing, writing.begin():
            done = 0
            for table in tables:
                copying = CatalogError(
                    QT_TRANSLATE_NOOP("Errors", "Copying {table}"), table=table.name
                )
                progress(Progress.of(done, total, copying))
                write = _writer(writing, table, dst)
                for rows in _batches(reading, table, batch):
                    write([tuple(row) for row in rows])
                    done += len(rows)
                    progress(Progress.of(done, total, copying))
            if dst.dialect == "postgresql":
                _reset_sequences(writing, tables)
                # Fresh statistics: without them the planner guesses (and a search of a
                # million records takes seconds) until autovacuum gets round to it.
                for name in [*(t.name for t in tables), "record_search"]:
                    writing.exec_driver_sql(f'ANALYZE "{name}"')  # our own table names
            rebuilding = QT_TRANSLATE_NOOP("Errors", "Rebuilding the search index")
            progress(Progress.of(done, total, CatalogError(rebuilding)))
            indexed = fulltext.rebuild(writing)
            verifying = QT_TRANSLATE_NOOP("Errors", "Verifying")
            progress(Progress.of(done, total, CatalogError(verifying)))
            _verify(dst, expected, {t.name: _count(writing, t) for t in tables}, indexed)
            # Like every committed write: caches of the destination see a new state. The
            # keys copied are the source's: so are their language and the collation's name.
            made_by, locale = reading.execute(
                select(CatalogInfo.sort_collation, CatalogInfo.sort_locale)
            ).one()
            writing.execute(
                update(CatalogInfo).values(
                    generation=CatalogInfo.generation + 1,
                    sort_collation=made_by or "",
                    sort_locale=locale or "",
                )
            )
    counts = tuple((t.name, expected[t.name]) for t in tables)
    return CopyReport(src.display_name, dst.display_name, counts, indexed)


def _count(connection: Connection, table: Table) -> int:
    return int(connection.scalar(select(func.count()).select_from(table)) or 0)


def _batches(connection: Connection, table: Table, size: int) -> Iterator[Sequence[Row[Any]]]:
    """Every row of ``table`` in key order, ``size`` at a time. Keyset paging (``key >
    last``) costs the same at the millionth row as at the first; OFFSET would not."""
    key = list(table.primary_key.columns)
    # A row-value comparison pages a composite key (SQLite 3.15+ and PostgreSQL).
    ordered = key[0] if len(key) == 1 else tuple_(*key)
    query = select(table).order_by(*key).limit(size)
    while rows := connection.execute(query).all():
        yield rows
        if len(rows) < size:
            return
        last = rows[-1]._mapping
        bound = last[key[0].name] if len(key) == 1 else tuple_(*(last[c.name] for c in key))
        query = select(table).where(ordered > bound).order_by(*key).limit(size)


def _writer(connection: Connection, table: Table, db: Database) -> Callable[[_Rows], None]:
    """Writes a batch of rows: a compiled executemany on SQLite, COPY on PostgreSQL (where
    the live-update triggers then run once a batch, not once a row: six times faster)."""
    if connection.dialect.name == "postgresql":
        send = _copy_sender(connection, table)
    else:
        model = next(m.class_ for m in Base.registry.mappers if m.local_table is table)
        send = TableInserter(connection, model, [c.key for c in table.columns]).insert

    def write(rows: _Rows) -> None:
        try:
            send(rows)
        except (DataError, IntegrityError) as error:
            # A value only one database takes (NUL, text too long for a PostgreSQL column).
            raise CopyRefused(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "A row of {table} cannot be written to {where}: {reason}. Nothing was copied.",
                ),
                table=table.name,
                where=db.display_name,
                reason=first_line(error.orig),
            ) from error

    return write


def _copy_sender(connection: Connection, table: Table) -> Callable[[_Rows], None]:
    dialect = connection.dialect
    quote = dialect.identifier_preparer.quote
    names = ", ".join(quote(c.name) for c in table.columns)
    sql = f"COPY {quote(table.name)} ({names}) FROM STDIN"
    # Values pass through the column types (UTC timestamps ...) as any insert would.
    processors = [c.type.dialect_impl(dialect).bind_processor(dialect) for c in table.columns]
    driver_error = dialect.loaded_dbapi.Error

    def send(rows: _Rows) -> None:
        raw = connection.connection.driver_connection
        try:
            with raw.cursor() as cursor, cursor.copy(sql) as stream:  # type: ignore[union-attr]
                for row in rows:
                    cells = zip(processors, row, strict=True)
                    stream.write_row([v if p is None or v is None else p(v) for p, v in cells])
        except driver_error as error:  # the driver's own: made SQLAlchemy's, like any other
            raise DBAPIError.instance(sql, None, error, driver_error, dialect=dialect) from error

    return send


def _reset_sequences(connection: Connection, tables: Sequence[Table]) -> None:
    """Move each id sequence past the copied ids, or the next insert would collide."""
    for table in tables:
        if [c.name for c in table.primary_key.columns] != ["id"]:
            continue  # the link tables' composite keys come from no sequence
        highest = func.max(table.c.id)
        sequence = cast(func.pg_get_serial_sequence(table.name, "id"), REGCLASS)
        empty = highest.is_(None)  # setval(s, 1, false): the next id is 1
        connection.execute(select(func.setval(sequence, func.coalesce(highest, 1), ~empty)))


def _verify(db: Database, expected: dict[str, int], copied: dict[str, int], indexed: int) -> None:
    wrong = [f"{n}: {c} read, {copied[n]} written" for n, c in expected.items() if copied[n] != c]
    if indexed != copied["records"]:
        wrong.append(f"search index: {indexed} of {copied['records']} records")
    if wrong:
        raise CopyRefused(
            QT_TRANSLATE_NOOP(
                "Errors",
                "The copy to {where} did not match its source ({differences}); it has been undone.",
            ),
            where=db.display_name,
            differences="; ".join(wrong),
        )
