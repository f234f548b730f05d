"""The validation report of a file: where, which field, why, how bad."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QColor

from catalog.services.import_plan import Issue, Severity
from catalog.ui.dialogs.import_dialog.table_model import Column, RowsModel
from catalog.ui.palette import error_color
from catalog.ui.translation import error_text, notice_text


def issue_reason(issue: Issue) -> str:
    """Why, in the interface's language when the reason is marked for translation."""
    return error_text(issue.message) if issue.message is not None else notice_text(issue.reason)


class ReportModel(RowsModel[Issue]):
    """One row per finding; errors (which stop the import) in red."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        severities = {Severity.ERROR: self.tr("Error"), Severity.WARNING: self.tr("Warning")}
        self.columns = [
            Column(self.tr("File"), lambda i: Path(i.path).name),
            Column(self.tr("Line"), lambda i: i.line),
            Column(self.tr("Field"), lambda i: i.field),
            Column(self.tr("Reason"), issue_reason),
            Column(self.tr("Severity"), lambda i: severities[i.severity]),
        ]

    def style(self, row: Issue, role: int) -> Any:
        """Errors are drawn in the error colour."""
        if role == Qt.ItemDataRole.ForegroundRole and row.severity is Severity.ERROR:
            return QColor(error_color())
        return None
