"""``catalog check`` and Tools → Check catalogue: is the catalogue sound?

Each fault says what is wrong and what repairs it. Repairs that need no decision (rebuild
the search index, remove orphaned links, clear references to missing values, rebuild
SQLite's indexes) carry a ``fix`` and are applied together by :func:`repair`, in one
transaction that writes the change log for every row it removes or changes. The others
(a damaged file, changed attachment files) say what a person can do.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import partial

from sqlalchemy import Connection

from catalog.domain.changes import ChangeSet
from catalog.domain.errors import CatalogError
from catalog.domain.wording import QT_TRANSLATE_NOOP
from catalog.services.attachment_check import attachment_faults
from catalog.services.faults import Fault, counted, joined
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
    "record_authorities": (
        QT_TRANSLATE_NOOP("Errors", "{count} name link"),
        QT_TRANSLATE_NOOP("Errors", "{count} name links"),
    ),
    "record_languages": (
        QT_TRANSLATE_NOOP("Errors", "{count} language link"),
        QT_TRANSLATE_NOOP("Errors", "{count} language links"),
    ),
    "record_collections": (
        QT_TRANSLATE_NOOP("Errors", "{count} collection link"),
        QT_TRANSLATE_NOOP("Errors", "{count} collection links"),
    ),
    "record_tags": (
        QT_TRANSLATE_NOOP("Errors", "{count} tag link"),
        QT_TRANSLATE_NOOP("Errors", "{count} tag links"),
    ),
    "relations": (
        QT_TRANSLATE_NOOP("Errors", "{count} relation"),
        QT_TRANSLATE_NOOP("Errors", "{count} relations"),
    ),
    "annotations": (
        QT_TRANSLATE_NOOP("Errors", "{count} note"),
        QT_TRANSLATE_NOOP("Errors", "{count} notes"),
    ),
    "attachments": (
        QT_TRANSLATE_NOOP("Errors", "{count} attachment"),
        QT_TRANSLATE_NOOP("Errors", "{count} attachments"),
    ),
    "authority_variants": (
        QT_TRANSLATE_NOOP("Errors", "{count} name variant"),
        QT_TRANSLATE_NOOP("Errors", "{count} name variants"),
    ),
    "records": (
        QT_TRANSLATE_NOOP("Errors", "{count} record"),
        QT_TRANSLATE_NOOP("Errors", "{count} records"),
    ),
}
_ROWS = (
    QT_TRANSLATE_NOOP("Errors", "{count} {table}"),
    QT_TRANSLATE_NOOP("Errors", "{count} {table}"),
)
_ORPHANED = (
    QT_TRANSLATE_NOOP("Errors", "Remove {count} orphaned link"),
    QT_TRANSLATE_NOOP("Errors", "Remove {count} orphaned links"),
)
_CLEAR = (
    QT_TRANSLATE_NOOP("Errors", "Clear {count} reference to missing values"),
    QT_TRANSLATE_NOOP("Errors", "Clear {count} references to missing values"),
)
_INTEGRITY = CatalogError(QT_TRANSLATE_NOOP("Errors", "integrity"))
_LINKS = CatalogError(QT_TRANSLATE_NOOP("Errors", "links"))


@dataclass(frozen=True)
class RepairReport:
    """What :func:`repair` did: a sentence per repair, and what changed.

    ``done`` is the English; ``done_messages`` the same sentences marked for translation.
    """

    done: list[str] = field(default_factory=list)
    changes: ChangeSet = field(default_factory=ChangeSet)
    done_messages: list[CatalogError] = field(default_factory=list)


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
            checking = QT_TRANSLATE_NOOP("Errors", "Checking the file's integrity…")
            progress(Progress.of(0, None, CatalogError(checking)))
            problems = consistency.integrity(connection)
            if problems and not consistency.only_indexes(problems):
                return [_damaged(db, problems)]
            if problems:
                disagree = QT_TRANSLATE_NOOP(
                    "Errors", "{count} index entries disagree with their tables: {problems}"
                )
                faults.append(
                    Fault.of(
                        _INTEGRITY,
                        CatalogError(
                            disagree, count=f"{len(problems):,}", problems="; ".join(problems[:3])
                        ),
                        CatalogError(QT_TRANSLATE_NOOP("Errors", "Rebuild the database's indexes")),
                        REINDEX,
                    )
                )
        linking = QT_TRANSLATE_NOOP("Errors", "Checking links between records and names…")
        progress(Progress.of(0, None, CatalogError(linking)))
        faults.extend(_links(connection, sqlite))
        faults.extend(attachment_faults(db, connection, progress))
        indexing = QT_TRANSLATE_NOOP("Errors", "Checking the search index…")
        progress(Progress.of(0, None, CatalogError(indexing)))
        difference = consistency.index_difference(connection, partial(_indexing, progress))
        if difference.total:
            faults.append(_index_fault(difference))
    return faults


def _indexing(progress: ProgressCallback, done: int, total: int) -> None:
    checked = QT_TRANSLATE_NOOP("Errors", "Checking the search index: {done} of {total}")
    progress(Progress.of(done, total, CatalogError(checked, done=f"{done:,}", total=f"{total:,}")))


def _index_fault(difference: consistency.IndexDifference) -> Fault:
    parts = []
    if difference.missing:
        missing = (
            QT_TRANSLATE_NOOP("Errors", "{count} record is missing from it"),
            QT_TRANSLATE_NOOP("Errors", "{count} records are missing from it"),
        )
        parts.append(counted(difference.missing, missing))
    if difference.extra:
        extra = (
            QT_TRANSLATE_NOOP("Errors", "{count} entry is for records that no longer exist"),
            QT_TRANSLATE_NOOP("Errors", "{count} entries are for records that no longer exist"),
        )
        parts.append(counted(difference.extra, extra))
    if difference.stale:
        stale = (
            QT_TRANSLATE_NOOP("Errors", "{count} record is indexed with old text"),
            QT_TRANSLATE_NOOP("Errors", "{count} records are indexed with old text"),
        )
        parts.append(counted(difference.stale, stale))
    disagrees = QT_TRANSLATE_NOOP("Errors", "The search index disagrees with the records: {parts}")
    return Fault.of(
        CatalogError(QT_TRANSLATE_NOOP("Errors", "full-text index")),
        CatalogError(disagrees, parts=joined(parts, semicolons=True)),
        CatalogError(QT_TRANSLATE_NOOP("Errors", "Rebuild the search index")),
        REBUILD_INDEX,
    )


def _damaged(db: Database, problems: list[str]) -> Fault:
    shown = "; ".join(problems[:3])
    if len(problems) > 3:
        damaged = QT_TRANSLATE_NOOP(
            "Errors", "The catalogue file is damaged: {problems} (and {more} more)"
        )
    else:
        damaged = QT_TRANSLATE_NOOP("Errors", "The catalogue file is damaged: {problems}")
    problem = CatalogError(damaged, problems=shown, more=f"{len(problems) - 3:,}")
    return Fault.of(_INTEGRITY, problem, restore_advice(db))


def restore_advice(db: Database) -> CatalogError:
    """What to do about a damaged catalogue: restore its newest backup (``str()`` of it
    is the English)."""
    if db.path is None:
        return CatalogError(
            QT_TRANSLATE_NOOP(
                "Errors",
                "Restore the server's latest dump (pg_restore); ask the server's administrator.",
            )
        )
    backups = list_backups(db.path)
    if not backups:
        return CatalogError(
            QT_TRANSLATE_NOOP(
                "Errors",
                "Restore from a backup (none was found in {folder}); meanwhile"
                " export what can still be read",
            ),
            folder=f"{db.path.stem}-backups",
        )
    taken = backups[0].taken.astimezone().strftime("%Y-%m-%d %H:%M")
    return CatalogError(
        QT_TRANSLATE_NOOP(
            "Errors", "Restore from the backup of {taken} (quit Catalog, then run: catalog restore)"
        ),
        taken=taken,
    )


def _links(connection: Connection, sqlite: bool) -> list[Fault]:
    faults: list[Fault] = []
    by_table = consistency.orphans(connection)
    cleared = consistency.dangling(connection)
    if by_table:
        total = sum(by_table.values())
        kinds = []
        for table, n in sorted(by_table.items()):
            nouns = _NOUNS.get(table, _ROWS)
            kinds.append(counted(n, nouns, table=table))
        gone = QT_TRANSLATE_NOOP(
            "Errors", "{count} links point at a record or name that is gone ({kinds})"
        )
        faults.append(
            Fault.of(
                _LINKS,
                CatalogError(gone, count=f"{total:,}", kinds=joined(kinds)),
                counted(total, _ORPHANED),
                REMOVE_ORPHANS,
            )
        )
    if cleared:
        total = sum(cleared.values())
        refer = (
            QT_TRANSLATE_NOOP(
                "Errors", "{count} record refers to a document type or archive that is gone"
            ),
            QT_TRANSLATE_NOOP(
                "Errors", "{count} records refer to a document type or archive that is gone"
            ),
        )
        faults.append(
            Fault.of(_LINKS, counted(total, refer), counted(total, _CLEAR), CLEAR_REFERENCES)
        )
    if sqlite:
        known = set(by_table) | ({"records"} if cleared else set())
        violations = consistency.foreign_key_violations(connection)
        other = {t: n for t, n in violations.items() if t not in known and t not in _NOUNS}
        if other:
            missing = QT_TRANSLATE_NOOP("Errors", "{count} rows point at missing rows ({tables})")
            restore = QT_TRANSLATE_NOOP(
                "Errors", "Restore from the newest backup (catalog restore)"
            )
            faults.append(
                Fault.of(
                    CatalogError(QT_TRANSLATE_NOOP("Errors", "foreign keys")),
                    CatalogError(
                        missing, count=f"{sum(other.values()):,}", tables=", ".join(sorted(other))
                    ),
                    CatalogError(restore),
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
    done: list[CatalogError] = []
    data_changed = False
    with unit_of_work.write(db) as session:
        connection = session.connection()
        for fix in (f for f in _ORDER if f in wanted):
            progress(Progress.of(0, None, CatalogError(_TITLES[fix])))
            if fix == REINDEX:
                connection.exec_driver_sql("REINDEX")
                rebuilt = QT_TRANSLATE_NOOP("Errors", "Rebuilt the database's indexes")
                done.append(CatalogError(rebuilt))
            elif fix in (REMOVE_ORPHANS, CLEAR_REFERENCES):
                cascade = fix == REMOVE_ORPHANS
                fixed = (
                    consistency.remove_orphans(connection)
                    if cascade
                    else consistency.clear_dangling(connection)
                )
                consistency.log_fixed(connection, fixed, user, cascade)
                data_changed = data_changed or bool(fixed)
                done.append(counted(len(fixed), _REMOVED if cascade else _CLEARED))
            elif fix == REBUILD_INDEX:
                indexed = fulltext.rebuild(connection)
                reindexed = QT_TRANSLATE_NOOP(
                    "Errors", "Rebuilt the search index ({count} records)"
                )
                done.append(CatalogError(reindexed, count=f"{indexed:,}"))
    changes = ChangeSet(bulk=True, facets=data_changed, authorities=data_changed)
    return RepairReport([str(line) for line in done], changes, done)


_TITLES = {
    REINDEX: QT_TRANSLATE_NOOP("Errors", "Rebuilding the database's indexes…"),
    REMOVE_ORPHANS: QT_TRANSLATE_NOOP("Errors", "Removing orphaned links…"),
    CLEAR_REFERENCES: QT_TRANSLATE_NOOP("Errors", "Clearing references to missing values…"),
    REBUILD_INDEX: QT_TRANSLATE_NOOP("Errors", "Rebuilding the search index…"),
}
_REMOVED = (
    QT_TRANSLATE_NOOP("Errors", "Removed {count} orphaned link"),
    QT_TRANSLATE_NOOP("Errors", "Removed {count} orphaned links"),
)
_CLEARED = (
    QT_TRANSLATE_NOOP("Errors", "Cleared {count} reference"),
    QT_TRANSLATE_NOOP("Errors", "Cleared {count} references"),
)
