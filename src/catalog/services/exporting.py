"""Export records to a file: written beside the destination, then renamed into place.

A failed or cancelled export never leaves a partial file at the destination.

Most formats take ``RecordDetail``s, read in batches by ``records_repo.details``. The ones
that must be fast on large catalogues (CSV, native JSON, CSL-JSON) are ``BatchExporter``s:
they take batches of plain ``ExportRecord``s from ``store.export_reads``, reading only
what they write, and make the very same file from them.
"""

from __future__ import annotations

import gc
import os
import tempfile
import threading
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Protocol, runtime_checkable

from catalog.domain.errors import CatalogError, ExportError, Word
from catalog.domain.records import RecordDetail
from catalog.domain.wording import FORMATS, QT_TRANSLATE_NOOP
from catalog.services.faults import counted
from catalog.services.jobs import Progress, ProgressCallback, no_progress
from catalog.services.transfer.export_options import EVERYTHING, ExportOptions, Extra
from catalog.services.transfer.registry import Exporter, Registry, TabularExporter
from catalog.store import records_repo, unit_of_work
from catalog.store.engine import Database
from catalog.store.export_reads import ExportReader, ExportRecord, Part

BATCH = 1000

# The parts of a record an extra the user leaves out takes out of the export.
_EXTRA_PARTS = {
    Extra.NOTES: Part.NOTES,
    Extra.RELATIONS: Part.RELATIONS,
    Extra.VARIANTS: Part.VARIANTS,
}


@runtime_checkable
class BatchExporter(Protocol):
    """An exporter that also writes from batches of ``ExportRecord``s (the fast path).

    ``write_batches`` makes the file ``write`` would make of the same records as
    ``RecordDetail``s, byte for byte; ``reads`` says which parts of a record it writes.
    """

    @property
    def reads(self) -> frozenset[Part]:
        """What the exporter needs read of each record besides its own columns."""
        ...

    def write_batches(self, batches: Iterable[Sequence[ExportRecord]], out: Path) -> int:
        """Write every record to ``out``; return how many were written."""
        ...


def run_export(
    db: Database,
    registry: Registry,
    ids: Sequence[int],
    format_name: str,
    output: Path,
    progress: ProgressCallback = no_progress,
    options: ExportOptions = EVERYTHING,
) -> int:
    """Write the records ``ids`` (in that order) to ``output``; returns how many."""
    exporter = configured_exporter(registry, format_name, options)
    output = output.expanduser()
    if output.is_dir():
        raise ExportError(
            QT_TRANSLATE_NOOP("Errors", "{path} is a folder; give a file name to export to."),
            path=output,
        )
    if not output.parent.is_dir():
        raise ExportError(
            QT_TRANSLATE_NOOP("Errors", "The folder {folder} does not exist."), folder=output.parent
        )
    total = len(ids)
    exporting = (
        QT_TRANSLATE_NOOP("Errors", "Exporting {count} record as {format}"),
        QT_TRANSLATE_NOOP("Errors", "Exporting {count} records as {format}"),
    )
    format_label = Word(FORMATS, exporter.label)
    progress(Progress.of(0, total, counted(total, exporting, format=format_label)))

    def records() -> Iterator[RecordDetail]:
        done = 0
        with unit_of_work.read(db) as session:
            for start in range(0, total, BATCH):
                batch = records_repo.details(session, [int(i) for i in ids[start : start + BATCH]])
                yield from map(options.trimmed, batch)
                done += len(batch)
                progress(Progress(done, total))

    def batches(parts: frozenset[Part]) -> Iterator[list[ExportRecord]]:
        done = 0
        # One snapshot for the whole export: the reader keeps authorities between batches.
        with (
            unit_of_work.read(db, consistent=True) as session,
            ExportReader(session, parts) as reader,
        ):
            for start in range(0, total, BATCH):
                batch = reader.batch(ids[start : start + BATCH])
                yield batch
                done += len(batch)
                progress(Progress(done, total))

    handle, temporary = tempfile.mkstemp(
        prefix=f".{output.name}.", suffix=".partial", dir=output.parent
    )
    os.close(handle)
    partial = Path(temporary)
    try:
        if isinstance(exporter, BatchExporter):
            left_out = {_EXTRA_PARTS[e] for e in _EXTRA_PARTS if e not in options.extras}
            with collector_paused():
                written = exporter.write_batches(batches(exporter.reads - left_out), partial)
        else:
            written = exporter.write(records(), partial)
        # mkstemp makes the file private; an export gets the permissions any new file gets.
        umask = os.umask(0)
        os.umask(umask)
        partial.chmod(0o666 & ~umask)
        os.replace(partial, output)
    except OSError as error:
        raise ExportError(
            QT_TRANSLATE_NOOP("Errors", "Cannot write {path}: {reason}"),
            path=output,
            reason=error.strerror or error,
        ) from None
    finally:
        partial.unlink(missing_ok=True)
    progress(Progress.of(written, total, CatalogError(QT_TRANSLATE_NOOP("Errors", "Done"))))
    return written


_pause_lock = threading.Lock()
_pauses = 0
_collector_was_enabled = False


@contextmanager
def collector_paused() -> Iterator[None]:
    """No cyclic garbage collection inside (nested and concurrent uses count).

    A fast export makes millions of short-lived tuples and lists, none in a cycle; each
    batch kept alive while it is written sends them to the older generations, whose
    collections then walk every object of the program over and over (a second of a
    five-second export). Reference counting still frees everything as it goes, so
    memory stays as bounded as before.
    """
    global _pauses, _collector_was_enabled
    with _pause_lock:
        if _pauses == 0:
            _collector_was_enabled = gc.isenabled()
            gc.disable()
        _pauses += 1
    try:
        yield
    finally:
        with _pause_lock:
            _pauses -= 1
            if _pauses == 0 and _collector_was_enabled:
                gc.enable()


def configured_exporter(registry: Registry, format_name: str, options: ExportOptions) -> Exporter:
    """The exporter called ``format_name``, set up for the chosen columns."""
    try:
        exporter = registry.exporters[format_name]
    except KeyError:
        known = ", ".join(sorted(registry.exporters))
        raise ExportError(
            QT_TRANSLATE_NOOP("Errors", "Unknown export format {name} (known: {known})."),
            name=repr(format_name),
            known=known,
        ) from None
    if isinstance(exporter, TabularExporter):
        return exporter.configured(options)
    if options.columns:
        raise ExportError(
            QT_TRANSLATE_NOOP(
                "Errors", "{format} has no columns to choose; columns are for CSV and XLSX."
            ),
            format=Word(FORMATS, exporter.label),
        )
    return exporter
