"""Go to record: ask for a record's number ("123" or "#123") and return it.

Callers use :meth:`GoToRecordDialog.ask`, which returns the id or None, so tests of the
window can patch it. Whether the record exists is the window's business: the pane says
so when it does not.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from catalog.ui.translation import QT_TRANSLATE_NOOP

MAX_RECORD_ID = 2**63 - 1
"""The largest id the catalogue's 64-bit keys can hold."""

HINT = QT_TRANSLATE_NOOP("GoToRecordDialog", "Type a record number, such as 123 or #123.")
_RECORD_ID = re.compile(r"#?\s*([0-9]+)")


def parse_record_id(text: str) -> int | None:
    """The id typed, with or without a leading ``#``; None unless a positive integer."""
    match = _RECORD_ID.fullmatch(text.strip())
    if match is None:
        return None
    value = int(match.group(1))
    return value if 0 < value <= MAX_RECORD_ID else None


class GoToRecordDialog(QDialog):
    """A line for a record number; Go is enabled only while the number is valid."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("goToRecordDialog")
        self.setWindowTitle(self.tr("Go to record"))
        self.setAccessibleName(self.tr("Go to record"))
        self.setAccessibleDescription(self.tr("Open a record by its number."))
        self._hint = QCoreApplication.translate("GoToRecordDialog", HINT)
        prompt = QLabel(self.tr("&Record number:"))
        self.edit = QLineEdit()
        self.edit.setObjectName("goToRecordNumber")
        self.edit.setPlaceholderText(self.tr("123 or #123"))
        self.edit.setAccessibleName(self.tr("Record number"))
        self.edit.setAccessibleDescription(self._hint)
        prompt.setBuddy(self.edit)
        self.problem = QLabel()
        self.problem.setObjectName("goToRecordProblem")
        self.problem.setTextFormat(Qt.TextFormat.PlainText)
        self.problem.setWordWrap(True)
        self.problem.setAccessibleName(self.tr("Problem with the record number"))
        self.problem.setAccessibleDescription(self.tr("Says why the number typed cannot be used."))
        self._buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.go_button = self._buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.go_button.setText(self.tr("Go"))
        self.go_button.setObjectName("goToRecordGo")
        self.go_button.setAccessibleName(self.tr("Go"))
        self.go_button.setAccessibleDescription(self.tr("Show the record with this number."))
        cancel = self._buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setAccessibleName(self.tr("Cancel"))
        cancel.setAccessibleDescription(self.tr("Close without going anywhere."))
        self._buttons.accepted.connect(self._check_and_accept)
        self._buttons.rejected.connect(self.reject)
        self.edit.textChanged.connect(self._on_text_changed)
        layout = QVBoxLayout(self)
        layout.addWidget(prompt)
        layout.addWidget(self.edit)
        layout.addWidget(self.problem)
        layout.addWidget(self._buttons)
        self._on_text_changed("")

    @classmethod
    def ask(cls, parent: QWidget | None) -> int | None:
        """Ask for a record number; None when the user cancels."""
        dialog = cls(parent)
        try:
            return dialog.record_id() if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()

    def record_id(self) -> int | None:
        """The valid id typed so far, or None."""
        return parse_record_id(self.edit.text())

    def _on_text_changed(self, text: str) -> None:
        valid = parse_record_id(text) is not None
        self.go_button.setEnabled(valid)
        self.problem.setText("" if valid or not text.strip() else self._hint)

    def _check_and_accept(self) -> None:
        if self.record_id() is None:
            self.problem.setText(self._hint)
            return
        self.accept()
