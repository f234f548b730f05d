"""Secondary indexes set aside while a bulk load fills empty SQLite tables.

Building an index once, from sorted rows, costs SQLite less than keeping it in step row
by row while a million rows go in (the tables outgrow the page cache and every insert
touches a random leaf of each index). Both the drop and the rebuild happen inside the
import's transaction, so a rollback brings the indexes back as they were. Only plain
indexes are set aside: those behind a UNIQUE or PRIMARY KEY constraint keep checking, and
those that start with a foreign key keep serving SQLite's checks of it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import Connection


@dataclass(frozen=True)
class SetAsideIndexes:
    """The ``CREATE INDEX`` statements of the indexes dropped, to run again at the end."""

    statements: tuple[str, ...]

    @classmethod
    def drop(cls, connection: Connection, tables: Iterable[str]) -> SetAsideIndexes:
        """Drop the plain indexes of ``tables`` (SQLite only), remembering how to rebuild them."""
        statements: list[str] = []
        for table in tables:
            pragma = connection.exec_driver_sql
            referring = {row[3] for row in pragma(f'PRAGMA foreign_key_list("{table}")')}
            listed = pragma(f'PRAGMA index_list("{table}")').mappings().all()
            for index in listed:
                if index["origin"] != "c" or index["unique"]:
                    continue  # a constraint's index, or a unique one: it must keep checking
                name = index["name"]
                first = pragma(f'PRAGMA index_info("{name}")').first()
                if first is None or first[2] in referring:
                    # SQLite looks rows up by a foreign key when the row it refers to
                    # arrives after them (deferred checks): without the index, each look-up
                    # would read the whole table.
                    continue
                sql = connection.exec_driver_sql(
                    "SELECT sql FROM sqlite_master WHERE type = 'index' AND name = ?", (name,)
                ).scalar_one()
                connection.exec_driver_sql(f'DROP INDEX "{name}"')
                statements.append(sql)
        return cls(tuple(statements))

    def restore(self, connection: Connection) -> None:
        """Build the dropped indexes again, exactly as they were defined."""
        for sql in self.statements:
            connection.exec_driver_sql(sql)
