"""What the import of several files did: the results the dialog's last page sums up."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from catalog.domain.records import ImportReport
from catalog.services.import_plan import Issue, Severity
from catalog.ui.dialogs.import_dialog.report_model import issue_reason
from catalog.ui.translation import notice_text


@dataclass(frozen=True)
class FileResult:
    """One file's fate: imported (with its report), or left out by the user.

    Attributes:
        warnings: the check's warnings (an unknown date, say) and the import's own.
    """

    path: Path
    report: ImportReport | None = None
    warnings: tuple[str, ...] = ()

    @property
    def name(self) -> str:
        """The file's name, for the summary."""
        return self.path.name


def counts(report: ImportReport) -> str:
    """“2 added, 1 updated, 1 skipped”."""
    return QCoreApplication.translate(
        "ImportSummary", "{added} added, {updated} updated, {skipped} skipped"
    ).format(
        added=f"{report.records:,}", updated=f"{report.updated:,}", skipped=f"{report.skipped:,}"
    )


def total(results: Sequence[FileResult]) -> ImportReport | None:
    """What every imported file added, updated and skipped together (None: none was)."""
    reports = [r.report for r in results if r.report is not None]
    if not reports:
        return None
    return ImportReport(
        path="",
        format="",
        records=sum(r.records for r in reports),
        authorities=0,
        dry_run=False,
        updated=sum(r.updated for r in reports),
        skipped=sum(r.skipped for r in reports),
    )


def warning_lines(results: Sequence[FileResult]) -> list[str]:
    """Every warning, with its file's name when there were several files."""
    several = len(results) > 1
    return [
        f"{result.name}: {warning}" if several else warning
        for result in results
        for warning in result.warnings
    ]


def file_warnings(issues: Sequence[Issue], report: ImportReport) -> tuple[str, ...]:
    """The plan's warnings (with their line and field), then the import's new ones."""
    found: list[str] = []
    reasons: set[str] = set()
    for issue in issues:
        if issue.severity is Severity.WARNING:
            reasons.add(issue.reason)
            where = [
                QCoreApplication.translate("ImportSummary", "line {n}").format(n=issue.line)
                if issue.line is not None
                else "",
                issue.field,
            ]
            place = ", ".join(w for w in where if w)
            reason = issue_reason(issue)
            found.append(f"{place}: {reason}" if place else reason)
    found.extend(notice_text(w) for w in report.warnings if w not in reasons)
    return tuple(found)
