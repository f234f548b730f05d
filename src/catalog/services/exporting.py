"""Export records to a file: written beside the destination, then renamed into place.

A failed or cancelled export never leaves a partial file at the destination.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator, Sequence
from pathlib import Path

from catalog.domain.errors import ExportError
from catalog.domain.records import RecordDetail
from catalog.services.jobs import Progress, ProgressCallback, no_progress
from catalog.services.transfer.export_options import EVERYTHING, ExportOptions
from catalog.services.transfer.registry import Exporter, Registry, TabularExporter
from catalog.store import records_repo, unit_of_work
from catalog.store.engine import Database

BATCH = 1000


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
        raise ExportError(f"{output} is a folder; give a file name to export to.")
    if not output.parent.is_dir():
        raise ExportError(f"The folder {output.parent} does not exist.")
    total = len(ids)
    progress(Progress(0, total, f"Exporting {total} records as {exporter.label}"))

    def records() -> Iterator[RecordDetail]:
        done = 0
        with unit_of_work.read(db) as session:
            for start in range(0, total, BATCH):
                batch = records_repo.details(session, [int(i) for i in ids[start : start + BATCH]])
                yield from map(options.trimmed, batch)
                done += len(batch)
                progress(Progress(done, total))

    handle, temporary = tempfile.mkstemp(
        prefix=f".{output.name}.", suffix=".partial", dir=output.parent
    )
    os.close(handle)
    partial = Path(temporary)
    try:
        written = exporter.write(records(), partial)
        # mkstemp makes the file private; an export gets the permissions any new file gets.
        umask = os.umask(0)
        os.umask(umask)
        partial.chmod(0o666 & ~umask)
        os.replace(partial, output)
    except OSError as error:
        raise ExportError(f"Cannot write {output}: {error.strerror or error}") from None
    finally:
        partial.unlink(missing_ok=True)
    progress(Progress(written, total, "Done"))
    return written


def configured_exporter(registry: Registry, format_name: str, options: ExportOptions) -> Exporter:
    """The exporter called ``format_name``, set up for the chosen columns."""
    try:
        exporter = registry.exporters[format_name]
    except KeyError:
        known = ", ".join(sorted(registry.exporters))
        raise ExportError(f"Unknown export format {format_name!r} (known: {known}).") from None
    if isinstance(exporter, TabularExporter):
        return exporter.configured(options)
    if options.columns:
        raise ExportError(
            f"{exporter.label} has no columns to choose; columns are for CSV and XLSX."
        )
    return exporter
