"""The bulk edit dialog: choose an operation, preview every change, then apply it.

Preview and Apply run on the runner's serial worker behind a cancellable progress
dialog, so a selection of thousands of records never blocks the window. Apply writes
exactly what the preview listed, expecting the versions it read: a record changed since
is reported and nothing is written. The dialog closes after a successful Apply and
emits ``changed`` with the ChangeSet (the window refreshes from it).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from catalog.domain.changes import ChangeSet
from catalog.domain.errors import CatalogError, EditConflict
from catalog.services.editing import bulk
from catalog.services.jobs import JobCancelled, ProgressCallback
from catalog.ui.dialogs import messages
from catalog.ui.dialogs.bulk_edit.changes_model import ChangesModel
from catalog.ui.dialogs.bulk_edit.form import BulkEditForm
from catalog.ui.jobs.progress import run_with_progress
from catalog.ui.jobs.runner import Done, Runner, Work
from catalog.ui.palette import error_color
from catalog.ui.ports import CatalogPort
from catalog.ui.translation import error_text

T = TypeVar("T")


class BulkEditDialog(QDialog):
    """Bulk edit of the selected records.

    Signals:
        changed(ChangeSet): the edit was written (one undo step).
    """

    changed = Signal(object)

    def __init__(
        self,
        service: CatalogPort,
        record_ids: Sequence[int],
        runner: Runner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._editor = service.editor
        self._ids = list(dict.fromkeys(record_ids))
        self._runner = runner
        self._preview: bulk.BulkPreview | None = None
        self._busy = False
        count = len(self._ids)
        self.setObjectName("bulkEditDialog")
        self.setWindowTitle(self.tr("Bulk edit"))
        self.setAccessibleName(self.tr("Bulk edit"))
        self.setAccessibleDescription(self.tr("Change every selected record at once."))
        heading = QLabel(self.tr("Change %n selected record(s) at once.", "", count))
        heading.setObjectName("bulkHeading")
        heading.setAccessibleName(self.tr("Selected records"))
        self.form = BulkEditForm(self._editor, runner, self)
        self.form.edited.connect(self._forget_preview)
        self.summary = QLabel()
        self.summary.setObjectName("bulkSummary")
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName(self.tr("What the preview found"))
        self.problem = QLabel()
        self.problem.setObjectName("bulkProblem")
        self.problem.setTextFormat(Qt.TextFormat.PlainText)
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet(f"color: {error_color()};")
        self.problem.setAccessibleName(self.tr("Problem with the bulk edit"))
        self.model = ChangesModel()
        self.table = QTableView()
        self.table.setObjectName("bulkChanges")
        self.table.setAccessibleName(self.tr("Changes the bulk edit would make"))
        self.table.setAccessibleDescription(
            self.tr("One row per field that would change: record, field, before and after")
        )
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setWordWrap(False)
        buttons = QDialogButtonBox()
        self.preview_button = self._button(
            buttons, "bulkPreview", self.tr("&Preview"), self.tr("List every change first.")
        )
        self.apply_button = self._button(
            buttons, "bulkApply", self.tr("&Apply"), self.tr("Write the changes listed.")
        )
        close = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.setObjectName("bulkClose")
        close.setAccessibleName(self.tr("Close"))
        close.setAccessibleDescription(self.tr("Close without changing anything"))
        buttons.rejected.connect(self.reject)
        self.preview_button.clicked.connect(self.start_preview)
        self.apply_button.clicked.connect(self.start_apply)
        self.preview_button.setDefault(True)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.form)
        layout.addWidget(self.problem)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        if self._editor is None:
            self.problem.setText(self.tr("This catalogue cannot be changed from here."))
        self._update_buttons()
        self.resize(720, 520)

    @property
    def preview(self) -> bulk.BulkPreview | None:
        """The preview on show (None before one is made, or after the form changed)."""
        return self._preview

    # ------------------------------------------------------------------ preview

    def start_preview(self) -> None:
        """Preview: list every change the operation would make."""
        editor = self._editor
        if editor is None or self._busy:
            return
        op = self._checked_operation()
        if op is None:
            return
        ids = self._ids

        def work(progress: ProgressCallback) -> bulk.BulkPreview:
            return bulk.preview(editor, ids, op, progress)

        self._start(self.tr("Previewing the bulk edit"), work, self._on_previewed)

    def _on_previewed(self, found: bulk.BulkPreview) -> None:
        self._busy = False
        self._preview = found
        self.model.set_changes(found.changes)
        self.table.resizeColumnToContents(1)
        if found.count:
            self.summary.setText(
                self.tr("{0} of {1} records would change. Apply writes these changes.").format(
                    f"{found.count:,}", f"{found.selected:,}"
                )
            )
        else:
            self.summary.setText(self.tr("No selected record would change."))
        self._update_buttons()

    # ------------------------------------------------------------------ apply

    def start_apply(self) -> None:
        """Apply: write the previewed changes as one undoable step."""
        editor, found = self._editor, self._preview
        if editor is None or found is None or not found.count or self._busy:
            return

        def work(progress: ProgressCallback) -> ChangeSet:
            return bulk.apply(editor, found, found.op, progress)

        self._start(self.tr("Applying the bulk edit"), work, self._on_applied)

    def _on_applied(self, changes: ChangeSet) -> None:
        self._busy = False
        self.changed.emit(changes)
        self.accept()

    def reject(self) -> None:
        """Close, unless a preview or apply is running (its outcome comes back here)."""
        if not self._busy:
            super().reject()

    # ------------------------------------------------------------------ plumbing

    def _checked_operation(self) -> bulk.BulkOp | None:
        op = self.form.operation()
        try:
            bulk.check(op)
        except CatalogError as error:
            self.problem.setText(error_text(error))
            return None
        self.problem.clear()
        return op

    def _start(self, title: str, work: Work[T], done: Done[T]) -> None:
        self._busy = True
        self._update_buttons()
        run_with_progress(self._runner, self, title, work, done, self._on_failed)

    def _on_failed(self, error: BaseException) -> None:
        self._busy = False
        if isinstance(error, JobCancelled):
            self.summary.setText(self.tr("Cancelled; nothing was changed."))
        elif isinstance(error, EditConflict):
            self._forget_preview()
            self.problem.setText(
                self.tr(
                    "Some records changed since the preview; nothing was written. "
                    "Preview again to see the changes as they stand now."
                )
            )
        elif isinstance(error, CatalogError):
            self.problem.setText(error_text(error))
        else:
            messages.show_bug(self, error, self.tr("the bulk edit"))
        self._update_buttons()

    def _forget_preview(self) -> None:
        if self._preview is None and not self.model.rowCount():
            return
        self._preview = None
        self.model.set_changes([])
        self.summary.clear()
        self._update_buttons()

    def _update_buttons(self) -> None:
        ready = self._editor is not None and not self._busy
        self.preview_button.setEnabled(ready)
        self.apply_button.setEnabled(ready and bool(self._preview and self._preview.count))

    def _button(self, box: QDialogButtonBox, name: str, text: str, description: str) -> QPushButton:
        button = box.addButton(text, QDialogButtonBox.ButtonRole.ActionRole)
        button.setObjectName(name)
        button.setAccessibleName(text.replace("&", ""))
        button.setAccessibleDescription(description)
        return button
