"""Sort keys of titles and names, made again when another collation made them.

A catalogue sorts in the order of its language (``catalog_info.sort_locale``, the root
order by default) and records the name of the collation that made its keys
(``catalog_info.sort_collation``). When that is not what this program makes for the
language (a catalogue from before ICU keys, ICU upgraded, PyICU installed or removed),
the keys would sort new records apart from old ones, so they are all made again, in one
transaction: when the catalogue opens (the command line), or as a cancellable job once
the window shows. Keys a newer collation made are left alone (``collation.recency``):
two builds of Catalog sharing a catalogue would otherwise make them again turn by turn.
Choosing another language makes them again the same way.
Only keys that change are written: one UPDATE joins them from a temporary table, so the
records' rows are rewritten once and other clients hear one change.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import Connection, select, update

from catalog.domain.collation import ROOT, Collation, collation, recency
from catalog.store.bulk_insert import insert_rows
from catalog.store.engine import Database
from catalog.store.interrupting import interruptible
from catalog.store.tables import CatalogInfo
from catalog.store.unit_of_work import storage_errors

Step = Callable[[int, int | None], None]
"""Told (rows read so far, rows in all) after each page, and (rows, None) while each
table's keys are written: one statement, seconds long at a million records, which
whatever the step raises interrupts (``store.interrupting``)."""

CHUNK = 20_000
"""Rows read at a time: memory stays flat however many records there are."""

# (table, text column, key column, the index that starts with the key) of every key.
_KEYED = (
    ("records", "title", "title_key", "ix_records_title_key"),
    ("authorities", "name", "sort_key", "ix_authorities_kind_sort"),
)


def catalogue_order(connection: Connection) -> Collation:
    """The collation of the catalogue's language, which every key it holds is made in."""
    locale = connection.scalar(select(CatalogInfo.sort_locale).where(CatalogInfo.id == 1))
    return collation(locale or ROOT)


def stale(db: Database) -> bool:
    """True when the catalogue's sort keys were made by another collation than ours, and
    not by a newer one (a newer ICU, on another member's machine, is not undone here)."""
    with storage_errors(db), db.writer.connect() as connection:
        made_by = connection.scalar(select(CatalogInfo.sort_collation).where(CatalogInfo.id == 1))
        order = catalogue_order(connection)
        connection.rollback()
    if made_by is None or made_by == order.name:
        return False
    return recency(made_by) <= recency(order.name)


def remake(db: Database, step: Step = lambda _done, _total: None, locale: str | None = None) -> int:
    """Make every sort key in the catalogue's order, or in ``locale``'s, which then becomes
    the catalogue's; return how many keys changed.

    ``step(done, total)`` hears of each page of rows read; whatever it raises (a cancel)
    rolls the whole change back, the catalogue's language included.
    """
    with storage_errors(db), db.writer.begin() as connection:
        order = catalogue_order(connection) if locale is None else collation(locale)
        total = sum(_count(connection, table) for table, *_rest in _KEYED)
        changed, done = 0, 0
        for keyed in _KEYED:
            made, read = _remake(connection, *keyed, order.key, step, done, total)
            changed, done = changed + made, done + read
        values: dict[str, object] = {"sort_collation": order.name, "sort_locale": order.locale}
        if changed:  # caches of the title order (the columnar index) are out of date
            values["generation"] = CatalogInfo.generation + 1
        connection.execute(update(CatalogInfo).where(CatalogInfo.id == 1).values(**values))
    return changed


def _count(connection: Connection, table: str) -> int:
    return int(connection.exec_driver_sql(f"SELECT count(*) FROM {table}").scalar() or 0)  # noqa: S608


def _remake(
    connection: Connection,
    table: str,
    text_column: str,
    key_column: str,
    index: str,
    key: Callable[[str], str],
    step: Step,
    done: int,
    total: int,
) -> tuple[int, int]:
    """Remake one table's keys: (how many changed, how many rows were read). ``done``
    rows of other tables were read before, of ``total``."""
    postgres = connection.dialect.name == "postgresql"
    connection.exec_driver_sql(
        "CREATE TEMPORARY TABLE new_sort_keys (id BIGINT PRIMARY KEY, key TEXT NOT NULL)"
    )
    mark = "%s" if postgres else "?"
    insert = f"INSERT INTO new_sort_keys (id, key) VALUES ({mark}, {mark})"  # noqa: S608
    read = (
        f"SELECT id, {text_column}, {key_column} FROM {table}"  # noqa: S608 - fixed names
        f" WHERE id > {mark} ORDER BY id LIMIT {CHUNK}"
    )
    changed, last, read_rows = 0, 0, 0
    while rows := connection.exec_driver_sql(read, (last,)).all():
        last = rows[-1][0]
        new = [(rid, new_key) for rid, text, old in rows if (new_key := key(text)) != old]
        insert_rows(connection, insert, new)
        changed += len(new)
        read_rows += len(rows)
        step(done + read_rows, total)
    # Many changed keys: the index is built again once, from sorted keys, rather than
    # kept in step row by row (at 100k records, 1.4 s instead of 2.5 s).
    rebuilt = _definition(connection, index) if changed > CHUNK else None
    if rebuilt:
        connection.exec_driver_sql(f'DROP INDEX "{index}"')
    if changed:
        # Seconds at a million records: the step hears of it before, then while it runs,
        # and a cancel meanwhile interrupts the statement.
        with interruptible(connection, lambda: step(done + read_rows, None)):
            connection.exec_driver_sql(
                f"UPDATE {table} SET {key_column} = n.key"  # noqa: S608 - fixed names
                f" FROM new_sort_keys AS n WHERE {table}.id = n.id"
            )
            if rebuilt:
                connection.exec_driver_sql(rebuilt)
    connection.exec_driver_sql("DROP TABLE new_sort_keys")
    return changed, read_rows


def _definition(connection: Connection, index: str) -> str | None:
    """The statement that creates ``index`` as it is defined now (None if it is absent)."""
    if connection.dialect.name == "postgresql":
        found = "SELECT indexdef FROM pg_indexes WHERE indexname = %s"
    else:
        found = "SELECT sql FROM sqlite_master WHERE type = 'index' AND name = ?"
    sql = connection.exec_driver_sql(found, (index,)).scalar()
    return str(sql) if sql else None
