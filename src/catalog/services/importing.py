"""Import a file: read, check and write it as one transaction, all or nothing.

Any error, and a cancel from the progress callback, rolls the whole import back.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from itertools import pairwise
from pathlib import Path

from sqlalchemy import Connection

from catalog.domain.changes import ChangeSet
from catalog.domain.errors import ImportFileError
from catalog.domain.records import ImportReport, RecordInput
from catalog.services.jobs import Progress, ProgressCallback, no_progress
from catalog.services.transfer.registry import Importer, Registry
from catalog.store import unit_of_work
from catalog.store.bulk import BulkWriter
from catalog.store.engine import Database
from catalog.store.tables import ChangeLogEntry

BATCH = 2000
# Beyond this many new records, a change set says "bulk" instead of listing them.
LISTED_CHANGES = 10_000
MAX_TITLE = 2000


class _DryRun(Exception):
    """Raised inside the transaction to roll a dry run back."""


def run_import(
    db: Database,
    registry: Registry,
    path: Path,
    *,
    format_name: str | None = None,
    dry_run: bool = False,
    user: str = "",
    progress: ProgressCallback = no_progress,
) -> tuple[ImportReport, ChangeSet]:
    """Import one file; returns the report and what changed (nothing on a dry run)."""
    importer = registry.importer(format_name) if format_name else registry.detect(path)
    progress(Progress(0, message=f"Reading {path.name} as {importer.label}"))
    try:
        with unit_of_work.write(db) as session, _lookup(db) as lookup:
            writer = BulkWriter(session.connection(), lookup, user=user)
            try:
                batch: list[RecordInput] = []
                for item in _checked(importer, path):
                    batch.append(item)
                    if len(batch) >= BATCH:
                        writer.write(batch)
                        batch = []
                        progress(Progress(len(writer.record_ids) + writer.skipped))
                writer.write(batch)
                writer.finish()
            finally:
                # The background writer must stop before the transaction ends.
                writer.close()
            read = len(writer.record_ids) + writer.skipped
            if read == 0:
                raise ImportFileError(str(path), "the file holds no records")
            warnings = list(writer.warnings)
            if writer.skipped:
                warnings.append(
                    f"{writer.skipped} records already in the catalogue (same uid) were skipped"
                )
            report = ImportReport(
                path=str(path),
                format=importer.name,
                records=len(writer.record_ids),
                authorities=writer.authorities_created,
                dry_run=dry_run,
                warnings=tuple(warnings),
                record_ids=compact(writer.record_ids),
            )
            if dry_run:
                raise _DryRun
            session.add(
                ChangeLogEntry(
                    user=user,
                    entity="import",
                    entity_id=0,
                    action="import",
                    new=f"{path.name}: {report.records} records ({importer.name})",
                )
            )
    except _DryRun:
        return report, ChangeSet()
    progress(Progress(report.records, report.records, "Done"))
    ids = report.record_ids
    if len(ids) > LISTED_CHANGES:
        return report, ChangeSet(facets=True, authorities=True, bulk=True)
    return report, ChangeSet(added=frozenset(ids), facets=True, authorities=True)


def compact(ids: Sequence[int]) -> Sequence[int]:
    """The ids as a ``range`` when they run without gaps (as an import's do), else a tuple."""
    if ids and ids[-1] - ids[0] == len(ids) - 1 and all(b == a + 1 for a, b in pairwise(ids)):
        return range(ids[0], ids[-1] + 1)
    return tuple(ids)


@contextmanager
def _lookup(db: Database) -> Iterator[Connection | None]:
    """A second connection for reads during an import, where the database allows one.

    Reads then proceed while the write connection stores the previous batch.
    """
    if not db.separate_connections:
        yield None
        return
    with unit_of_work.read(db) as session:
        yield session.connection()


def _checked(importer: Importer, path: Path) -> Iterator[RecordInput]:
    """The importer's records, with the checks every format shares."""
    uids: set[str] = set()
    for item in importer.read(path):
        if not item.title.strip():
            raise ImportFileError(str(path), "a record has no title", item.line)
        if len(item.title) > MAX_TITLE:
            raise ImportFileError(
                str(path), f"a title is longer than {MAX_TITLE} characters", item.line
            )
        if item.uid:
            if item.uid in uids:
                raise ImportFileError(
                    str(path), f"the record id {item.uid} appears twice in the file", item.line
                )
            uids.add(item.uid)
        yield item
