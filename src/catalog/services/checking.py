"""``catalog check`` and Tools → Check catalogue: is the catalogue sound?

Each fault says what is wrong and what repairs it. Repairs that need no decision (rebuild
the search index, remove orphaned links, clear references to missing values, rebuild
SQLite's indexes) carry a ``fix`` and are applied together by :func:`repair`, in one
transaction that writes the change log for every row it removes or changes. The others
(a damaged file, changed attachment files) say what a person can do.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import Connection

from catalog.domain.changes import ChangeSet
from catalog.services.attachment_check import attachment_faults
from catalog.services.faults import Fault, count
from catalog.services.jobs import Progress, ProgressCallback, no_progress
from catalog.store import consistency, fulltext, unit_of_work
from catalog.store.backup import list_backups
from catalog.store.engine import Database

__all__ = ["Fault", "RepairReport", "check", "repair", "restore_advice"]

REBUILD_INDEX = "rebuild-index"
REMOVE_ORPHANS = "remove-orphans"
CLEAR_REFERENCES = "clear-references"
REINDEX = "reindex"
_ORDER = (REINDEX, REMOVE_ORPHANS, CLEAR_REFERENCES, REBUILD_INDEX)

# What a row of each table is, for messages: (one, several).
_NOUNS = {
    "record_authorities": ("name link", "name links"),
    "record_languages": ("language link", "language links"),
    "record_collections": ("collection link", "collection links"),
    "record_tags": ("tag link", "tag links"),
    "relations": ("relation", "relations"),
    "annotations": ("note", "notes"),
    "attachments": ("attachment", "attachments"),
    "authority_variants": ("name variant", "name variants"),
    "records": ("record", "records"),
}


@dataclass(frozen=True)
class RepairReport:
    """What :func:`repair` did: a sentence per repair, and what changed."""

    done: list[str] = field(default_factory=list)
    changes: ChangeSet = field(default_factory=ChangeSet)


def check(db: Database, progress: ProgressCallback = no_progress) -> list[Fault]:
    """Integrity, foreign keys, orphans, attached files and the search index.

    A file that fails its integrity check is reported alone: nothing else read from it
    can be trusted until it is repaired.
    """
    faults: list[Fault] = []
    sqlite = db.dialect == "sqlite"
    with unit_of_work.read(db, consistent=True) as session:
        connection = session.connection()
        if sqlite:
            progress(Progress(0, None, "Checking the file's integrity…"))
            problems = consistency.integrity(connection)
            if problems and not consistency.only_indexes(problems):
                return [_damaged(db, problems)]
            if problems:
                faults.append(
                    Fault(
                        "integrity",
                        f"{len(problems):,} index entries disagree with their tables: "
                        + "; ".join(problems[:3]),
                        "Rebuild the database's indexes",
                        REINDEX,
                    )
                )
        progress(Progress(0, None, "Checking links between records and names…"))
        faults.extend(_links(connection, sqlite))
        faults.extend(attachment_faults(db, connection, progress))
        progress(Progress(0, None, "Checking the search index…"))
        difference = consistency.index_difference(
            connection,
            lambda done, total: progress(
                Progress(done, total, f"Checking the search index: {done:,} of {total:,}")
            ),
        )
        if difference.total:
            parts = [
                f"{count(difference.missing, ('record is', 'records are'))} missing from it",
                f"{count(difference.extra, ('entry is', 'entries are'))} for records that"
                " no longer exist",
                f"{count(difference.stale, ('record is', 'records are'))} indexed with old text",
            ]
            numbers = (difference.missing, difference.extra, difference.stale)
            faults.append(
                Fault(
                    "full-text index",
                    "The search index disagrees with the records: "
                    + "; ".join(part for part, n in zip(parts, numbers, strict=True) if n),
                    "Rebuild the search index",
                    REBUILD_INDEX,
                )
            )
    return faults


def _damaged(db: Database, problems: list[str]) -> Fault:
    more = f" (and {len(problems) - 3:,} more)" if len(problems) > 3 else ""
    shown = "; ".join(problems[:3]) + more
    return Fault("integrity", f"The catalogue file is damaged: {shown}", restore_advice(db))


def restore_advice(db: Database) -> str:
    """What to do about a damaged catalogue: restore its newest backup."""
    if db.path is None:
        return "Restore the server's latest dump (pg_restore); ask the server's administrator."
    backups = list_backups(db.path)
    if not backups:
        return (
            f"Restore from a backup (none was found in {db.path.stem}-backups); meanwhile"
            " export what can still be read"
        )
    taken = backups[0].taken.astimezone().strftime("%Y-%m-%d %H:%M")
    return f"Restore from the backup of {taken} (quit Catalog, then run: catalog restore)"


def _links(connection: Connection, sqlite: bool) -> list[Fault]:
    faults: list[Fault] = []
    by_table = consistency.orphans(connection)
    cleared = consistency.dangling(connection)
    if by_table:
        total = sum(by_table.values())
        kinds = ", ".join(count(n, _NOUNS.get(t, (t, t))) for t, n in sorted(by_table.items()))
        faults.append(
            Fault(
                "links",
                f"{total:,} links point at a record or name that is gone ({kinds})",
                f"Remove {count(total, ('orphaned link', 'orphaned links'))}",
                REMOVE_ORPHANS,
            )
        )
    if cleared:
        total = sum(cleared.values())
        faults.append(
            Fault(
                "links",
                f"{count(total, ('record refers', 'records refer'))} to a document type or"
                " archive that is gone",
                f"Clear {count(total, ('reference', 'references'))} to missing values",
                CLEAR_REFERENCES,
            )
        )
    if sqlite:
        known = set(by_table) | ({"records"} if cleared else set())
        violations = consistency.foreign_key_violations(connection)
        other = {t: n for t, n in violations.items() if t not in known and t not in _NOUNS}
        if other:
            tables = ", ".join(sorted(other))
            faults.append(
                Fault(
                    "foreign keys",
                    f"{sum(other.values()):,} rows point at missing rows ({tables})",
                    "Restore from the newest backup (catalog restore)",
                )
            )
    return faults


def repair(
    db: Database, faults: list[Fault], user: str = "", progress: ProgressCallback = no_progress
) -> RepairReport:
    """Apply every automatic repair among ``faults``, in one transaction.

    What each repair changes is worked out again inside the transaction (not taken from
    the faults, which may be stale). Rows removed or changed are written to the change log.
    """
    wanted = {fault.fix for fault in faults if fault.fix}
    if not wanted:
        return RepairReport()
    done: list[str] = []
    data_changed = False
    with unit_of_work.write(db) as session:
        connection = session.connection()
        for fix in (f for f in _ORDER if f in wanted):
            progress(Progress(0, None, _TITLES[fix] + "…"))
            if fix == REINDEX:
                connection.exec_driver_sql("REINDEX")
                done.append("Rebuilt the database's indexes")
            elif fix in (REMOVE_ORPHANS, CLEAR_REFERENCES):
                cascade = fix == REMOVE_ORPHANS
                fixed = (
                    consistency.remove_orphans(connection)
                    if cascade
                    else consistency.clear_dangling(connection)
                )
                consistency.log_fixed(connection, fixed, user, cascade)
                data_changed = data_changed or bool(fixed)
                if cascade:
                    done.append(f"Removed {count(len(fixed), ('orphaned link', 'orphaned links'))}")
                else:
                    done.append(f"Cleared {count(len(fixed), ('reference', 'references'))}")
            elif fix == REBUILD_INDEX:
                indexed = fulltext.rebuild(connection)
                done.append(f"Rebuilt the search index ({indexed:,} records)")
    changes = ChangeSet(bulk=True, facets=data_changed, authorities=data_changed)
    return RepairReport(done, changes)


_TITLES = {
    REINDEX: "Rebuilding the database's indexes",
    REMOVE_ORPHANS: "Removing orphaned links",
    CLEAR_REFERENCES: "Clearing references to missing values",
    REBUILD_INDEX: "Rebuilding the search index",
}
