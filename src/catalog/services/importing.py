"""Import a file: read, check and write it as one transaction, all or nothing.

Any error, and a cancel from the progress callback, rolls the whole import back.
"""

from __future__ import annotations

from collections.abc import Generator, Iterator, Mapping, Sequence
from contextlib import closing, contextmanager
from dataclasses import dataclass, replace
from itertools import pairwise
from pathlib import Path

from sqlalchemy import Connection, select
from sqlalchemy.exc import IntegrityError

from catalog.domain.changes import ChangeSet
from catalog.domain.collation import Collation
from catalog.domain.errors import CatalogError, ImportFileError, Notice, Word
from catalog.domain.records import ImportReport, RecordInput
from catalog.domain.wording import FORMATS, QT_TRANSLATE_NOOP
from catalog.services.collection_pause import collection_paused
from catalog.services.editing.history import Step
from catalog.services.import_matching import DuplicateFinder, DuplicatePolicy, Match
from catalog.services.import_updates import apply_updates, undo_step
from catalog.services.jobs import Progress, ProgressCallback, no_progress
from catalog.services.reading_process import read_records
from catalog.services.transfer.native_json_import import NativeJsonImporter
from catalog.services.transfer.registry import Importer, Registry
from catalog.services.transfer.repeated_uids import RepeatedUids, first_repeat
from catalog.store import unit_of_work, write_log
from catalog.store.bulk import BulkWriter
from catalog.store.engine import Database
from catalog.store.tables import ChangeLogEntry, Record

BATCH = 2000
# Beyond this many new records, a change set says "bulk" instead of listing them.
LISTED_CHANGES = 10_000
MAX_TITLE = 2000


class _DryRun(Exception):
    """Raised inside the transaction to roll a dry run back."""


@dataclass
class ImportResult:
    """What an import did: the report, the change for the views, the step that undoes it."""

    report: ImportReport
    changes: ChangeSet
    step: Step | None = None

    def __iter__(self) -> Iterator[ImportReport | ChangeSet]:
        """Unpacks as ``report, changes``, as callers of the command line expect."""
        return iter((self.report, self.changes))


# Said while the indexes an import into an empty catalogue set aside are built again.
_INDEXING = CatalogError(QT_TRANSLATE_NOOP("Errors", "Building the catalogue's indexes"))


def run_import(
    db: Database,
    registry: Registry,
    path: Path,
    *,
    format_name: str | None = None,
    dry_run: bool = False,
    user: str = "",
    progress: ProgressCallback = no_progress,
    duplicates: DuplicatePolicy | None = None,
    expected: Mapping[int, int] | None = None,
    importer: Importer | None = None,
) -> ImportResult:
    """Import one file as one transaction (nothing is written on a dry run).

    ``duplicates`` says what to do with records the catalogue already holds (matched by
    identifier, or by date and a similar title); None skips only those with a known
    identifier. Updated records must still be at the ``expected`` versions (those the
    plan showed), else the whole import fails as a conflict and nothing is written.
    ``importer`` (one set up for this file, such as a mapped import) overrides the
    registry's choice.
    """
    if importer is None:
        importer = registry.importer(format_name) if format_name else registry.detect(path)
    reading = QT_TRANSLATE_NOOP("Errors", "Reading {file} as {format}")
    format_label = Word(FORMATS, importer.label)
    progress(Progress.of(0, None, CatalogError(reading, file=path.name, format=format_label)))
    try:
        with collection_paused(), unit_of_work.write(db) as session, _lookup(db) as lookup:
            writer = BulkWriter(session.connection(), lookup, user=user)
            router = _Router(writer, duplicates)
            try:
                # Closed at once, also on a cancel: a second process may be reading it.
                order = writer.authorities.order  # title keys made while reading
                with closing(checked(importer, path, order)) as items:
                    batch: list[RecordInput] = []
                    for item in items:
                        batch.append(item)
                        if len(batch) >= BATCH:
                            router.write(batch)
                            batch = []
                            progress(Progress(len(writer.record_ids) + router.skipped))
                router.write(batch)
                count = len(writer.record_ids) + router.skipped
                writer.finish(lambda: progress(Progress.of(count, None, _INDEXING)))
            finally:
                # The background writer must stop before the transaction ends.
                writer.close()
            if len(writer.record_ids) + writer.skipped + router.skipped + len(router.updates) == 0:
                raise ImportFileError(
                    str(path), QT_TRANSLATE_NOOP("Errors", "the file holds no records")
                )
            write_log.touch(session, writer.touched())  # the search index mends, not rebuilds
            updates = apply_updates(session, user, router.updates, expected)
            report = _report(path, importer, writer, router, dry_run)
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
            step = undo_step(session, f"Import {path.name}", writer.record_ids, updates)
    except _DryRun:
        return ImportResult(report, ChangeSet())
    except IntegrityError:
        _explain_refusal(importer, path, progress)
        raise
    done = CatalogError(QT_TRANSLATE_NOOP("Errors", "Done"))
    progress(Progress.of(report.records, report.records, done))
    updated = frozenset(updates.records) if updates else frozenset()
    ids = report.record_ids
    if len(ids) > LISTED_CHANGES:
        return ImportResult(report, ChangeSet(facets=True, authorities=True, bulk=True), step)
    changes = ChangeSet(added=frozenset(ids), updated=updated, facets=True, authorities=True)
    return ImportResult(report, changes, step)


def _report(
    path: Path, importer: Importer, writer: BulkWriter, router: _Router, dry_run: bool
) -> ImportReport:
    warnings = [*writer.warnings, *getattr(importer, "warnings", ())]
    ignored = [str(name) for name in getattr(importer, "ignored", ())]
    if ignored:
        unused = QT_TRANSLATE_NOOP("Errors", "not imported (no field chosen for them): {names}")
        warnings.append(Notice(unused, names=", ".join(ignored)))
    skipped = writer.skipped + router.skipped
    if skipped == 1:
        warnings.append(
            Notice(QT_TRANSLATE_NOOP("Errors", "1 record already in the catalogue was skipped"))
        )
    elif skipped:
        known = QT_TRANSLATE_NOOP("Errors", "{count} records already in the catalogue were skipped")
        warnings.append(Notice(known, count=f"{skipped:,}"))
    return ImportReport(
        path=str(path),
        format=importer.name,
        records=len(writer.record_ids),
        authorities=writer.authorities_created,
        dry_run=dry_run,
        warnings=tuple(warnings),
        record_ids=compact(writer.record_ids),
        updated=len(router.updates),
        skipped=skipped,
    )


class _Router:
    """Sends each batch's records to the writer, or to the skipped or updated ones."""

    def __init__(self, writer: BulkWriter, policy: DuplicatePolicy | None) -> None:
        self.writer = writer
        self.policy = policy
        self.skipped = 0
        self.updates: list[tuple[Match, RecordInput]] = []
        # Matching costs a query per batch; an empty catalogue has nothing to match.
        empty = writer.reader.execute(select(Record.id).limit(1)).first() is None
        self.finder = None if policy is None or empty else DuplicateFinder(writer.reader)

    def write(self, batch: list[RecordInput]) -> None:
        if self.finder is None or not batch:
            self.writer.write(batch)
            return
        matches = self.finder.find(batch)
        fresh: list[RecordInput] = []
        for index, item in enumerate(batch):
            match = matches.get(index)
            if match is None:
                fresh.append(item)
            elif self.policy is DuplicatePolicy.SKIP:
                self.skipped += 1
            elif self.policy is DuplicatePolicy.UPDATE:
                self.updates.append((match, item))
            else:  # a new record beside the old one: it cannot share its identifier
                fresh.append(replace(item, uid=None) if match.by_identifier else item)
        self.writer.write(fresh)


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


def checked(
    importer: Importer, path: Path, order: Collation | None = None
) -> Generator[RecordInput, None, None]:
    """The importer's records, with the checks every format shares.

    A uid given twice is refused once the whole file is read (the native reader refuses
    one itself). Meanwhile only a hash of each uid is kept: a set of the uids would grow
    by about 120 MB a million records. The records whose hashes agree are read again to
    compare their uids, so only a uid that really repeats is refused.
    """
    uids = None if isinstance(importer, NativeJsonImporter) else RepeatedUids()
    for item in read_records(importer, path, order):
        if not item.title.strip():
            raise ImportFileError(
                str(path), QT_TRANSLATE_NOOP("Errors", "a record has no title"), item.line
            )
        if len(item.title) > MAX_TITLE:
            raise ImportFileError(
                str(path),
                QT_TRANSLATE_NOOP("Errors", "a title is longer than {limit} characters"),
                item.line,
                limit=MAX_TITLE,
            )
        if uids is not None:
            uids.add(item.uid or None)
        yield item
    if uids is not None:
        _refuse_a_repeated_uid(importer, path, uids.suspects())


def _refuse_a_repeated_uid(importer: Importer, path: Path, suspects: set[int]) -> None:
    """Read the file again for the records in ``suspects`` (numbered from 1); raise if
    one of them repeats the uid of an earlier one."""
    if not suspects:
        return
    lines: dict[int, int | None] = {}
    again: list[tuple[int, str | None]] = []
    for number, item in enumerate(read_records(importer, path), 1):
        if number in suspects:
            lines[number] = item.line
            again.append((number, item.uid or None))
    repeat = first_repeat(again)
    if repeat is not None:
        number, uid = repeat
        raise ImportFileError(
            str(path),
            QT_TRANSLATE_NOOP("Errors", "the record id {uid} appears twice in the file"),
            lines[number],
            uid=uid,
        )


def _explain_refusal(importer: Importer, path: Path, progress: ProgressCallback) -> None:
    """Raise the file's own error for a refusal by the store.

    A uid given twice is found once the whole file is read, but a batch holding the
    second one may reach the store first, which refuses it. Read the file to its end
    (writing nothing) for the error that names the record.
    """
    looking = CatalogError(QT_TRANSLATE_NOOP("Errors", "Looking for the record id given twice"))
    with closing(checked(importer, path)) as items:
        for count, _item in enumerate(items, 1):
            if count % BATCH == 0:
                progress(Progress.of(count, None, looking))
