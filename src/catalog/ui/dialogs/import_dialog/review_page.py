"""The page that shows what importing one file would do, before anything is written.

The format (detected, and a combo to override it), a preview of the first records as
they will be stored, the validation report and the duplicates with what to do with
them. The page only shows a plan and reports the user's choices; the dialog runs jobs.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHeaderView,
    QLabel,
    QRadioButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from catalog.services.import_matching import DuplicatePolicy
from catalog.services.import_plan import ImportPlan, Severity
from catalog.ui.dialogs.import_dialog.duplicates_model import DuplicatesModel
from catalog.ui.dialogs.import_dialog.preview_model import PreviewModel
from catalog.ui.dialogs.import_dialog.report_model import ReportModel
from catalog.ui.translation import format_label


def _table(name: str, accessible: str, description: str, model: Any) -> QTableView:
    view = QTableView()
    view.setObjectName(name)
    view.setAccessibleName(accessible)
    view.setAccessibleDescription(description)
    view.setModel(model)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setWordWrap(False)
    view.setTabKeyNavigation(False)  # arrows move between cells; Tab leaves the table
    view.horizontalHeader().setAccessibleName(accessible)
    view.verticalHeader().setAccessibleName(accessible)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    view.horizontalHeader().setStretchLastSection(True)
    view.verticalHeader().hide()
    return view


class ReviewPage(QWidget):
    """Format, preview, validation report and duplicates of one file.

    Signals:
        format_chosen(str): the user picked another format (its name) in the combo.
    """

    format_chosen = Signal(str)

    def __init__(self, formats: Mapping[str, str], parent: QWidget | None = None) -> None:
        """``formats``: importer name → label, in the order detection tries them."""
        super().__init__(parent)
        self.file_label = QLabel()
        self.file_label.setObjectName("importFile")
        self.file_label.setTextFormat(Qt.TextFormat.PlainText)
        self.format_combo = QComboBox()
        self.format_combo.setObjectName("importFormat")
        self.format_combo.setAccessibleName(self.tr("Format of the file"))
        self.format_combo.setAccessibleDescription(
            self.tr("The format the file is read as; choose another to check the file again")
        )
        for name, label in formats.items():
            self.format_combo.addItem(label, name)
        self.format_combo.activated.connect(self._on_format_activated)
        self.counts_label = QLabel()
        self.counts_label.setObjectName("importCounts")
        self.counts_label.setTextFormat(Qt.TextFormat.PlainText)
        self.counts_label.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("File:"), self.file_label)
        form.addRow(self.tr("&Format:"), self.format_combo)
        form.addRow(self.counts_label)

        self.preview_model = PreviewModel(self)
        self.preview = _table(
            "importPreview",
            self.tr("Preview of the first records"),
            self.tr("The first records of the file, as the import will store them"),
            self.preview_model,
        )
        self.report_model = ReportModel(self)
        self.report = _table(
            "importReport",
            self.tr("Validation report"),
            self.tr("Problems found in the file; errors stop the import, warnings do not"),
            self.report_model,
        )
        self.duplicates_model = DuplicatesModel(self)
        self.duplicates = _table(
            "importDuplicates",
            self.tr("Records already in the catalogue"),
            self.tr("Records of the file the catalogue already holds, and how each was matched"),
            self.duplicates_model,
        )
        self.policy_group = QButtonGroup(self)
        self.policy_buttons: dict[DuplicatePolicy, QRadioButton] = {}
        self.duplicates_box = QGroupBox(self.tr("Duplicates"))
        self.duplicates_box.setObjectName("importDuplicatesBox")
        duplicates_layout = QVBoxLayout(self.duplicates_box)
        for policy, text, description in (
            (
                DuplicatePolicy.SKIP,
                self.tr("&Skip them"),
                self.tr("Leave the duplicates out; the records already there stay as they are"),
            ),
            (
                DuplicatePolicy.NEW,
                self.tr("Import them as &new records"),
                self.tr("Add the duplicates as records of their own"),
            ),
            (
                DuplicatePolicy.UPDATE,
                self.tr("&Update the existing records"),
                self.tr("Update the records already there with what the file holds"),
            ),
        ):
            button = QRadioButton(text)
            button.setObjectName(f"duplicates_{policy.value}")
            button.setAccessibleName(text.replace("&", ""))
            button.setAccessibleDescription(description)
            self.policy_group.addButton(button)
            self.policy_buttons[policy] = button
            duplicates_layout.addWidget(button)
        self.policy_buttons[DuplicatePolicy.SKIP].setChecked(True)
        duplicates_layout.addWidget(self.duplicates, 1)

        self.preview_box = self._boxed(
            self.tr("Preview (as the records will be stored)"), self.preview
        )
        self.report_box = self._boxed(self.tr("Validation report"), self.report)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setChildrenCollapsible(False)
        for box in (self.preview_box, self.report_box, self.duplicates_box):
            splitter.addWidget(box)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(form)
        layout.addWidget(splitter, 1)
        self.show_path(None)

    # ------------------------------------------------------------------ public

    def show_path(self, path: Path | None, position: str = "") -> None:
        """The file being looked at (nothing known of it yet)."""
        name = "" if path is None else str(path)
        self.file_label.setText(f"{name}  {position}".strip())
        self.show_plan(None)

    def show_plan(self, plan: ImportPlan | None) -> None:
        """Show a plan (None: no plan, while checking or when the format is unknown)."""
        self.preview_model.set_rows(plan.preview if plan else [])
        self.report_model.set_rows(plan.issues if plan else [])
        self.duplicates_model.set_rows(plan.duplicates if plan else [])
        self.duplicates_box.setVisible(bool(plan and plan.duplicate_count))
        self.report_box.setVisible(bool(plan and plan.issues))
        if plan is None:
            self.counts_label.setText("")
            return
        self.set_format(plan.format)
        self.counts_label.setText(self._counts(plan))
        count = plan.duplicate_count
        self.duplicates_box.setTitle(
            (
                self.tr("Duplicates: {n} record already in the catalogue", "", count)
                if count == 1
                else self.tr("Duplicates: {n} records already in the catalogue", "", count)
            ).format(n=f"{count:,}")
        )
        for view in (self.preview, self.report, self.duplicates):
            view.resizeColumnsToContents()

    def set_format(self, name: str | None) -> None:
        """Show a format as chosen (None: none chosen yet)."""
        self.format_combo.setCurrentIndex(-1 if name is None else self.format_combo.findData(name))

    def policy(self) -> DuplicatePolicy:
        """What to do with the duplicates, as chosen."""
        for policy, button in self.policy_buttons.items():
            if button.isChecked():
                return policy
        return DuplicatePolicy.SKIP

    # ------------------------------------------------------------------ private

    def _counts(self, plan: ImportPlan) -> str:
        errors = len(plan.errors)
        warnings = sum(1 for i in plan.issues if i.severity is Severity.WARNING)
        records = plan.records
        text = self.tr("{records} read as {format}; {errors}, {warnings}.").format(
            records=(
                self.tr("{0} record", "", records)
                if records == 1
                else self.tr("{0} records", "", records)
            ).format(f"{records:,}"),
            format=format_label(plan.format_label),
            errors=(
                self.tr("{0} error", "", errors)
                if errors == 1
                else self.tr("{0} errors", "", errors)
            ).format(f"{errors:,}"),
            warnings=(
                self.tr("{0} warning", "", warnings)
                if warnings == 1
                else self.tr("{0} warnings", "", warnings)
            ).format(f"{warnings:,}"),
        )
        if errors:
            text += " " + self.tr(
                "Fix the errors in the file (or choose another format) to import it."
            )
        return text

    def _boxed(self, title: str, view: QTableView) -> QGroupBox:
        box = QGroupBox(title)
        box.setObjectName(f"{view.objectName()}Box")
        QVBoxLayout(box).addWidget(view)
        return box

    def _on_format_activated(self, index: int) -> None:
        name = self.format_combo.itemData(index)
        if isinstance(name, str):
            self.format_chosen.emit(name)
