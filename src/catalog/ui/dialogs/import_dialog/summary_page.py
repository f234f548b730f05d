"""The Import dialog's last page: what every file added, updated and skipped, and the
warnings, listed so they can be read and copied."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from catalog.ui.dialogs.import_dialog.summary import FileResult, summary_text, warning_lines


class SummaryPage(QWidget):
    """The counts of every file, then the warnings (hidden when there are none)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.summary = QLabel()
        self.summary.setObjectName("importSummary")
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setWordWrap(True)
        self.warnings = QPlainTextEdit()
        self.warnings.setObjectName("importWarnings")
        self.warnings.setAccessibleName(self.tr("Warnings of the import"))
        self.warnings.setReadOnly(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.warnings, 1)

    def show_results(self, results: Sequence[FileResult]) -> None:
        """Sum up what became of each file."""
        self.summary.setText(summary_text(results))
        warnings = warning_lines(results)
        self.warnings.setPlainText("\n".join(warnings))
        self.warnings.setVisible(bool(warnings))
