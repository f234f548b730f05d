"""Checking a file from another system through a column mapping (runs on the worker).

The mapping step needs to know what the file offers (its columns, keys or elements; for
CSV the detected encoding and whether detection is sure; for XML the record element)
before a plan means anything. ``check_mapped`` finds that out, and plans the import with
the mapping when it can: a mapping without a title, or a CSV whose encoding is unsure
and not chosen, is not planned, so the user is asked first.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from catalog.domain.errors import ImportFileError
from catalog.services.import_plan import ImportPlan
from catalog.services.jobs import ProgressCallback
from catalog.services.transfer import encoding as encodings
from catalog.services.transfer.mapped import NAMES, Kind, MappedImporter, source_names
from catalog.services.transfer.mapped_sources import record_element
from catalog.services.transfer.mapping import Mapping, auto_mapping
from catalog.ui.ports import CatalogPort
from catalog.ui.translation import error_text

MAPPED_SUFFIXES: dict[str, Kind] = {
    ".csv": "csv", ".tsv": "csv", ".xlsx": "xlsx", ".json": "json", ".xml": "xml",
}  # fmt: skip
"""Files that may go to the mapping step when no format recognises them."""


def mapped_kind(format_name: str | None) -> Kind | None:
    """The mapped kind a format name stands for (None: not a mapped format)."""
    return next((kind for kind, name in NAMES.items() if name == format_name), None)


@dataclass(frozen=True)
class Source:
    """What a file offers a mapping."""

    kind: Kind
    names: tuple[str, ...]
    detection: encodings.Detection | None = None
    """CSV only: the encoding detected, and whether detection is sure."""
    record_path: str | None = None
    """XML: the record element (chosen, else detected)."""
    error: str = ""
    """Why the sources could not be read (the file, or the encoding, is wrong)."""


@dataclass(frozen=True)
class MappedCheck:
    """The outcome of checking a file with a mapping."""

    source: Source
    mapping: Mapping
    plan: ImportPlan | None = None
    error: str = ""
    needs_encoding: bool = False
    needs_title: bool = False
    automatic: bool = False
    """Planned by the registry's own importer (the automatic mapping, as detected)."""

    def importer(self) -> MappedImporter:
        """A fresh importer reading the file as checked."""
        return MappedImporter(None if self.automatic else self.mapping, self.source.kind)


def inspect(path: Path, kind: Kind, encoding: str | None, record_path: str | None) -> Source:
    """What the file offers, read as ``kind`` with the encoding and record element given."""
    detection = encodings.detect(path) if kind == "csv" else None
    try:
        if kind == "xml" and not record_path:
            record_path = record_element(path)
        reading = encoding or (detection.encoding if detection else None)
        names = source_names(path, kind, reading, record_path)
    except ImportFileError as error:
        # A wrong encoding: the names as best they can be read, so the table stays.
        fallbacks = [detection.encoding, "latin-1"] if detection else []
        names = next((n for n in (_names_or_none(path, e) for e in fallbacks) if n), [])
        return Source(kind, tuple(names), detection, record_path, error_text(error))
    return Source(kind, tuple(names), detection, record_path)


def _names_or_none(path: Path, encoding: str) -> list[str] | None:
    try:
        return source_names(path, "csv", encoding)
    except ImportFileError:
        return None


def check_mapped(
    service: CatalogPort,
    path: Path,
    kind: Kind,
    mapping: Mapping | None,
    progress: ProgressCallback,
) -> MappedCheck:
    """Inspect the file and plan it with ``mapping`` (None: the automatic one)."""
    source = inspect(
        path, kind, mapping.encoding if mapping else None, mapping.record_path if mapping else None
    )
    if mapping is None:
        mapping = replace(auto_mapping(source.names), record_path=source.record_path)
    sure = source.detection is None or source.detection.confident
    if kind == "csv" and not mapping.encoding and not sure:
        return MappedCheck(source, mapping, needs_encoding=True)
    if source.error:
        return MappedCheck(source, mapping, error=source.error)
    if not mapping.has_title():
        return MappedCheck(source, mapping, needs_title=True)
    importer = MappedImporter(mapping, kind)
    try:
        plan = service.plan_import(path, NAMES[kind], progress, importer=importer)
    except ImportFileError as error:
        return MappedCheck(source, mapping, error=error_text(error))
    return MappedCheck(source, mapping, plan)


def check_any(
    service: CatalogPort,
    path: Path,
    chosen: str | None,
    mapping: Mapping | None,
    progress: ProgressCallback,
) -> ImportPlan | MappedCheck:
    """Plan the file in the format chosen or detected; a mapped format goes through
    ``check_mapped``, and so does a spreadsheet, JSON or XML file no format recognises."""
    kind = mapped_kind(chosen)
    if kind is not None:
        return check_mapped(service, path, kind, mapping, progress)
    try:
        plan = service.plan_import(path, chosen, progress)
    except ImportFileError:
        # Not recognised, or an unsure encoding: the mapping step can tell.
        guessed = MAPPED_SUFFIXES.get(path.suffix.lower())
        if chosen is not None or guessed is None:
            raise
        return check_mapped(service, path, guessed, mapping, progress)
    detected = mapped_kind(plan.format)
    if detected is None:
        return plan
    source = inspect(path, detected, None, None)
    automatic = replace(auto_mapping(source.names), record_path=source.record_path)
    if source.detection is not None and not source.detection.confident:
        return MappedCheck(source, automatic, needs_encoding=True)
    return MappedCheck(source, automatic, plan, automatic=True)
