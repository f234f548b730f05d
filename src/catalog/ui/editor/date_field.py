"""The date field: parses as the archivist types and says what it understood.

A date that is not understood is kept as typed and only warned about: archives hold
dates no parser knows, and the archivist must still be able to save them.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from catalog.domain.dates import PartialDate, describe
from catalog.domain.drafts import qualified_date
from catalog.ui.palette import warning_color


class DateField(QWidget):
    """A line for the date, approximate/uncertain toggles, and what was understood."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edit = QLineEdit()
        self.edit.setObjectName("editorDate")
        self.edit.setPlaceholderText(self.tr("e.g. October, 1959 or c. 1950"))
        self.edit.setAccessibleName(self.tr("Date"))
        self.edit.setAccessibleDescription(self.tr("The date as written in the document."))
        self.setFocusProxy(self.edit)  # the label's Alt+D lands in the text (a buddy
        self.setFocusPolicy(self.edit.focusPolicy())  # without a focus policy is passed by)
        self.setAccessibleName(self.edit.accessibleName())
        self.setAccessibleDescription(self.edit.accessibleDescription())
        self.approximate = QCheckBox(self.tr("Appro&ximate"))
        self.approximate.setObjectName("editorDateApproximate")
        self.approximate.setAccessibleName(self.tr("Approximate date"))
        self.approximate.setAccessibleDescription(
            self.tr("Mark the date as approximate (about, circa)")
        )
        self.uncertain = QCheckBox(self.tr("&Uncertain"))
        self.uncertain.setObjectName("editorDateUncertain")
        self.uncertain.setAccessibleName(self.tr("Uncertain date"))
        self.uncertain.setAccessibleDescription(self.tr("Mark the date as uncertain (doubtful)"))
        self.feedback = QLabel()
        self.feedback.setObjectName("editorDateFeedback")
        self.feedback.setTextFormat(Qt.TextFormat.PlainText)
        self.feedback.setWordWrap(True)
        self.feedback.setAccessibleName(self.tr("How the date was understood"))
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.edit, 1)
        row.addWidget(self.approximate)
        row.addWidget(self.uncertain)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.feedback)
        self.edit.textChanged.connect(self._update)
        self.approximate.toggled.connect(self._update)
        self.uncertain.toggled.connect(self._update)
        self._update()

    def set_values(self, text: str, approximate: bool, uncertain: bool) -> None:
        """Show a stored date."""
        self.edit.setText(text)
        self.approximate.setChecked(approximate)
        self.uncertain.setChecked(uncertain)

    def text(self) -> str:
        """The date as typed."""
        return self.edit.text()

    def date(self) -> PartialDate:
        """The date as understood, toggles applied."""
        return qualified_date(self.edit.text(), self.approximate.isChecked(),
                              self.uncertain.isChecked())  # fmt: skip

    def understood(self) -> bool:
        """False only when something was typed that could not be parsed."""
        return not self.edit.text().strip() or self.date().understood

    def _update(self) -> None:
        if not self.edit.text().strip():
            self.feedback.setText(self.tr("No date: the record is undated."))
            self.feedback.setStyleSheet("")
        elif self.understood():
            self.feedback.setText(self.tr("Understood as {0}").format(describe(self.date())))
            self.feedback.setStyleSheet("")
        else:
            self.feedback.setText(
                self.tr("Warning: this date was not understood; it will be kept as typed.")
            )
            self.feedback.setStyleSheet(f"color: {warning_color()};")
        self.changed.emit()
