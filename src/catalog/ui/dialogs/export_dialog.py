"""The Export dialog: which format, which records, which file.

Callers use :meth:`ExportDialog.ask`, which returns an :class:`ExportChoice` or None,
so tests can patch it; nothing outside this module touches the dialog's widgets.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from catalog.ui.palette import error_color

DEFAULT_STEM = "catalog-export"


class ExportScope(Enum):
    """Which records to export."""

    SELECTED = "selected"
    RESULTS = "results"
    ALL = "all"


@dataclass(frozen=True)
class ExportFormat:
    """A format offered for export (from the service's registry)."""

    name: str
    label: str
    suffix: str


@dataclass(frozen=True)
class ScopeCounts:
    """How many records each scope holds, for the labels (0 disables a choice)."""

    selected: int = 0
    results: int = 0
    total: int = 0


@dataclass(frozen=True)
class ExportChoice:
    """What the user chose."""

    format_name: str
    scope: ExportScope
    path: Path


class ExportDialog(QDialog):
    """Format, scope and file name for an export."""

    def __init__(
        self,
        parent: QWidget | None,
        formats: Sequence[ExportFormat],
        default_dir: Path,
        counts: ScopeCounts = ScopeCounts(),
    ) -> None:
        super().__init__(parent)
        self.setObjectName("exportDialog")
        self.setWindowTitle("Export records")
        self._formats = list(formats)
        self._format = QComboBox()
        self._format.setObjectName("exportFormat")
        for fmt in self._formats:
            self._format.addItem(f"{fmt.label} ({fmt.suffix})", fmt.name)
        self._scopes = QButtonGroup(self)
        scope_box = QVBoxLayout()
        self._scope_buttons: dict[ExportScope, QRadioButton] = {}
        for scope, text, count in (
            (ExportScope.SELECTED, "Selected records", counts.selected),
            (ExportScope.RESULTS, "Current search results", counts.results),
            (ExportScope.ALL, "Whole catalogue", counts.total),
        ):
            button = QRadioButton(f"{text} ({count:,})")
            button.setObjectName(f"scope_{scope.value}")
            button.setEnabled(count > 0)
            self._scopes.addButton(button)
            self._scope_buttons[scope] = button
            scope_box.addWidget(button)
        if counts.selected > 1:
            preferred = ExportScope.SELECTED
        elif counts.results:
            preferred = ExportScope.RESULTS
        else:
            preferred = ExportScope.ALL
        self._scope_buttons[preferred].setChecked(True)
        self._path = QLineEdit()
        self._path.setObjectName("exportPath")
        suffix = self._formats[0].suffix if self._formats else ""
        self._path.setText(str(Path(default_dir) / f"{DEFAULT_STEM}{suffix}"))
        browse = QPushButton("Browse…")
        browse.setObjectName("exportBrowse")
        browse.clicked.connect(self._browse)
        path_row = QHBoxLayout()
        path_row.addWidget(self._path, 1)
        path_row.addWidget(browse)
        self._problem = QLabel()
        self._problem.setObjectName("exportProblem")
        self._problem.setWordWrap(True)
        self._problem.setStyleSheet(f"color: {error_color()};")
        form = QFormLayout()
        form.addRow("Format:", self._format)
        form.addRow("Records:", scope_box)
        form.addRow("File:", path_row)
        self._buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = self._buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText("Export")
        ok.setObjectName("exportOk")
        ok.setEnabled(bool(self._formats))
        self._buttons.accepted.connect(self._check_and_accept)
        self._buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self._problem)
        layout.addWidget(self._buttons)
        self._format.currentIndexChanged.connect(self._on_format_changed)
        self._previous_suffix = suffix
        self._confirmed: Path | None = None
        self.resize(560, self.sizeHint().height())

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        formats: Sequence[ExportFormat],
        default_dir: Path,
        counts: ScopeCounts = ScopeCounts(),
    ) -> ExportChoice | None:
        """Ask for an export; None when the user cancels."""
        dialog = cls(parent, formats, default_dir, counts)
        try:
            if dialog.exec() == QDialog.DialogCode.Accepted:
                return dialog.choice()
            return None
        finally:
            dialog.deleteLater()

    def choice(self) -> ExportChoice | None:
        """The choice as the widgets show it; None while it is incomplete."""
        name = self._format.currentData()
        text = self._path.text().strip()
        checked = next((s for s, b in self._scope_buttons.items() if b.isChecked()), None)
        if not isinstance(name, str) or not text or checked is None:
            return None
        return ExportChoice(name, checked, Path(text).expanduser())

    def _on_format_changed(self, index: int) -> None:
        suffix = self._formats[index].suffix
        path = Path(self._path.text().strip())
        if self._path.text().strip() and path.suffix == self._previous_suffix:
            self._path.setText(str(path.with_suffix(suffix)))
        self._previous_suffix = suffix

    def _browse(self) -> None:
        start = self._path.text().strip() or str(Path.home())
        chosen, _filter = QFileDialog.getSaveFileName(self, "Export to", start)
        if chosen:
            self._path.setText(chosen)

    def _check_and_accept(self) -> None:
        choice = self.choice()
        if choice is None:
            self._problem.setText("Choose a file to export to.")
            return
        if choice.path.is_dir():
            self._problem.setText(f"{choice.path} is a folder; add a file name.")
            return
        if not choice.path.parent.is_dir():
            self._problem.setText(f"The folder {choice.path.parent} does not exist.")
            return
        if choice.path.exists() and self._confirmed != choice.path:
            self._confirmed = choice.path
            self._problem.setText(
                f"{choice.path.name} already exists. Press Export again to replace it."
            )
            return
        self.accept()
