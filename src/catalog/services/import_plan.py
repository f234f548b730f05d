"""What an import would do, found before anything is written: the format, a preview of the
first records as they will be stored, a validation report and the duplicates."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from catalog.domain.dates import describe
from catalog.domain.errors import CatalogError, ImportFileError
from catalog.domain.prepared import date_of
from catalog.domain.records import RecordInput
from catalog.domain.wording import QT_TRANSLATE_NOOP
from catalog.services.collection_pause import collection_paused
from catalog.services.import_matching import DuplicateFinder, Match
from catalog.services.jobs import Progress, ProgressCallback, no_progress
from catalog.services.transfer.registry import Importer
from catalog.store import unit_of_work
from catalog.store.engine import Database

PREVIEW = 20
"""Records shown before the import."""
LISTED_DUPLICATES = 1000
"""Duplicates listed one by one (the rest are counted)."""
BATCH = 2000


class Severity(StrEnum):
    """How bad a finding of the validation is."""

    ERROR = "error"  # nothing can be imported until it is fixed
    WARNING = "warning"  # imported as it is


@dataclass(frozen=True)
class Issue:
    """One finding of the validation: where, which field, why, how bad.

    ``reason`` is the English; ``message``, when there is one, the same reason marked
    for translation (the window shows it in its language).
    """

    path: str
    line: int | None
    field: str
    reason: str
    severity: Severity
    message: CatalogError | None = None

    @classmethod
    def of(
        cls, path: str, line: int | None, field: str, message: CatalogError, severity: Severity
    ) -> Issue:
        """An issue whose reason is ``message``."""
        return cls(path, line, field, str(message), severity, message)


@dataclass(frozen=True)
class RecordPreview:
    """An imported record as it will be stored (the first few, for the preview)."""

    line: int | None
    title: str
    date: str
    understood: str
    doc_type: str
    archive: str
    names: str
    languages: str
    tags: str
    summary: str


@dataclass(frozen=True)
class Duplicate:
    """An imported record the catalogue already holds."""

    line: int | None
    title: str
    match: Match


@dataclass
class ImportPlan:
    """What importing a file would do.

    Attributes:
        records: how many records the file holds (up to the first error).
        duplicates: the first LISTED_DUPLICATES duplicates; ``duplicate_count`` counts all.
    """

    path: str
    format: str
    format_label: str
    records: int = 0
    preview: list[RecordPreview] = field(default_factory=list)
    issues: list[Issue] = field(default_factory=list)
    duplicates: list[Duplicate] = field(default_factory=list)
    duplicate_count: int = 0

    @property
    def errors(self) -> list[Issue]:
        """The findings that stop the import."""
        return [i for i in self.issues if i.severity is Severity.ERROR]

    @property
    def can_import(self) -> bool:
        """True when nothing stops the import."""
        return not self.errors and self.records > 0

    @property
    def expected_versions(self) -> dict[int, int]:
        """Versions of the duplicated records as the plan read them (an update expects them)."""
        return {d.match.existing_id: d.match.version for d in self.duplicates}


def plan_import(
    db: Database,
    importer: Importer,
    path: Path,
    records: Iterable[RecordInput],
    progress: ProgressCallback = no_progress,
) -> ImportPlan:
    """Read the whole file as an import would, writing nothing.

    ``records`` is the checked stream of the file's records (``importing.checked``).
    """
    plan = ImportPlan(str(path), importer.name, importer.label)
    batch: list[RecordInput] = []
    try:
        with collection_paused(), unit_of_work.read(db) as session:
            finder = DuplicateFinder(session.connection())
            for item in records:
                plan.records += 1
                if len(plan.preview) < PREVIEW:
                    plan.preview.append(preview_of(item))
                _check_date(plan, item)
                batch.append(item)
                if len(batch) >= BATCH:
                    _duplicates(plan, finder, batch)
                    batch = []
                    checked_so_far = CatalogError(
                        QT_TRANSLATE_NOOP("Errors", "Checked {count} records"),
                        count=f"{plan.records:,}",
                    )
                    progress(Progress.of(plan.records, None, checked_so_far))
            _duplicates(plan, finder, batch)
    except ImportFileError as error:
        reason = CatalogError(error.template, **error.values)  # the reason, without where
        plan.issues.append(Issue.of(str(path), error.line, "", reason, Severity.ERROR))
    for warning in getattr(importer, "warnings", ()):
        plan.issues.append(Issue(str(path), None, "", warning, Severity.WARNING))
    if plan.records == 0 and not plan.errors:
        empty = CatalogError(QT_TRANSLATE_NOOP("Errors", "the file holds no records"))
        plan.issues.append(Issue.of(str(path), None, "", empty, Severity.ERROR))
    return plan


def preview_of(item: RecordInput) -> RecordPreview:
    """How a record will be stored, in words."""
    date = date_of(item)
    names = "; ".join(
        f"{link.name} ({link.role.value})" if link.role.value != "mentioned" else link.name
        for link in item.names
    )
    summary = " ".join(item.summary.split())
    return RecordPreview(
        line=item.line,
        title=item.title,
        date=item.date_text or (item.edtf or ""),
        understood=describe(date) if (item.date_text or item.edtf) else "",
        doc_type=item.doc_type,
        archive=item.archive,
        names=names,
        languages="; ".join(item.languages),
        tags="; ".join(item.tags),
        summary=summary[:200] + ("…" if len(summary) > 200 else ""),
    )


def _check_date(plan: ImportPlan, item: RecordInput) -> None:
    text = item.date_text.strip()
    if text and not date_of(item).understood:
        plan.issues.append(
            Issue.of(
                plan.path,
                item.line,
                "date",
                CatalogError(
                    QT_TRANSLATE_NOOP(
                        "Errors", "“{text}” is not a date Catalog understands; it is kept as text"
                    ),
                    text=text,
                ),
                Severity.WARNING,
            )
        )


def _duplicates(plan: ImportPlan, finder: DuplicateFinder, batch: list[RecordInput]) -> None:
    if not batch:
        return
    for index, match in sorted(finder.find(batch).items()):
        plan.duplicate_count += 1
        if len(plan.duplicates) < LISTED_DUPLICATES:
            item = batch[index]
            plan.duplicates.append(Duplicate(item.line, item.title, match))
