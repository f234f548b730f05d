"""``catalog check``: is the catalogue sound? Each fault comes with what to do about it."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import text

from catalog.store import unit_of_work
from catalog.store.engine import Database


@dataclass(frozen=True)
class Fault:
    """One problem found, and the repair for it."""

    area: str
    problem: str
    repair: str


def check(db: Database) -> list[Fault]:
    """Integrity, foreign keys and the full-text index against the records table."""
    faults: list[Fault] = []
    with unit_of_work.read(db) as session:
        connection = session.connection()
        if db.dialect == "sqlite":
            verdicts = [row[0] for row in connection.exec_driver_sql("PRAGMA integrity_check")]
            if verdicts != ["ok"]:
                faults.append(
                    Fault(
                        "integrity",
                        "; ".join(verdicts[:5]),
                        "restore the newest backup (catalog restore)",
                    )
                )
            broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
            if broken:
                tables = sorted({row[0] for row in broken})
                faults.append(
                    Fault(
                        "foreign keys",
                        f"{len(broken)} rows point at missing rows ({', '.join(tables)})",
                        "restore the newest backup",
                    )
                )
            indexed = connection.scalar(text("SELECT count(*) FROM record_fts"))
        else:
            indexed = connection.scalar(text("SELECT count(*) FROM record_search"))
        records = connection.scalar(text("SELECT count(*) FROM records"))
        if indexed != records:
            faults.append(
                Fault(
                    "full-text index",
                    f"{indexed} records indexed, {records} in the catalogue",
                    "rebuild the full-text index",
                )
            )
    return faults
