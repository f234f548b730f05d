"""The Import dialog's last page: what every file added, updated and skipped, and the
warnings, listed so they can be read and copied."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from catalog.ui.dialogs.import_dialog.summary import FileResult, counts, total, warning_lines


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
        self.warnings.setAccessibleDescription(
            self.tr("Every warning of the files imported, one a line, to read or copy")
        )
        self.warnings.setReadOnly(True)
        self.warnings.setTextInteractionFlags(  # a caret to read and select by keyboard
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.warnings, 1)

    def show_results(self, results: Sequence[FileResult]) -> None:
        """Sum up what became of each file."""
        self.summary.setText(self.summary_text(results))
        warnings = warning_lines(results)
        self.warnings.setPlainText("\n".join(warnings))
        self.warnings.setVisible(bool(warnings))

    def summary_text(self, results: Sequence[FileResult]) -> str:
        """The totals, then a line per file when there were several."""
        records = total(results)
        if records is None:
            return self.tr("Nothing was imported.")
        lines = [self.tr("Records: {counts}.").format(counts=counts(records))]
        warnings = sum(len(r.warnings) for r in results)
        if warnings:
            text = (
                self.tr("{n} warning (listed below).", "", warnings)
                if warnings == 1
                else self.tr("{n} warnings (listed below).", "", warnings)
            )
            lines.append(text.format(n=f"{warnings:,}"))
        if len(results) > 1:
            for result in results:
                if result.report is None:
                    lines.append(self.tr("{file}: not imported.").format(file=result.name))
                else:
                    lines.append(
                        self.tr("{file}: {counts}.").format(
                            file=result.name, counts=counts(result.report)
                        )
                    )
        return "\n".join(lines)
