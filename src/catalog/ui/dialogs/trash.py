"""The Trash: records deleted from the catalogue, to restore or delete for good.

Deleting a record only moves it here; Restore brings the selected records back, and
Empty Trash deletes every record here for good after a confirmation. Each is one step
the Edit menu can undo. With a runner, both run on its serial worker behind a
cancellable progress dialog (a trash can hold thousands of records).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from catalog.domain.changes import ChangeSet
from catalog.domain.errors import CatalogError
from catalog.services.jobs import JobCancelled, ProgressCallback
from catalog.ui.dialogs import messages
from catalog.ui.jobs.progress import run_with_progress
from catalog.ui.jobs.runner import Runner
from catalog.ui.ports import CatalogPort

_ID = Qt.ItemDataRole.UserRole


def confirm_box(parent: QWidget) -> QMessageBox:
    """The question asked before Empty Trash (its text is set each time it is asked).

    Non-blocking (``open()``) like every box of ``catalog.ui.dialogs.messages``; one box
    per dialog, reused, so repeated asking leaves nothing behind.
    """
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setObjectName("confirmEmptyTrash")
    box.setWindowTitle(QCoreApplication.translate("TrashDialog", "Empty trash"))
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setInformativeText(
        QCoreApplication.translate(
            "TrashDialog", "Their notes, links and history go too. Undo can bring them back."
        )
    )
    box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel)
    empty = box.button(QMessageBox.StandardButton.Yes)
    empty.setText(QCoreApplication.translate("TrashDialog", "Empty trash"))
    empty.setObjectName("confirmEmptyTrashYes")
    empty.setAccessibleName(QCoreApplication.translate("TrashDialog", "Empty trash"))
    empty.setAccessibleDescription(
        QCoreApplication.translate("TrashDialog", "Delete every record in the trash for good")
    )
    cancel = box.button(QMessageBox.StandardButton.Cancel)
    cancel.setAccessibleName(QCoreApplication.translate("TrashDialog", "Cancel"))
    cancel.setAccessibleDescription(
        QCoreApplication.translate("TrashDialog", "Keep the records in the trash")
    )
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    return box


class TrashDialog(QDialog):
    """The records in the trash (date, title), with Restore and Empty Trash.

    Signals:
        changed(ChangeSet): records were restored or deleted for good.
    """

    changed = Signal(object)

    def __init__(
        self, service: CatalogPort, parent: QWidget | None = None, runner: Runner | None = None
    ) -> None:
        super().__init__(parent)
        self._editor = service.editor
        self._runner = runner
        self._confirm: QMessageBox | None = None
        self.setObjectName("trashDialog")
        self.setWindowTitle(self.tr("Trash"))
        self.setAccessibleName(self.tr("Trash"))
        self.setAccessibleDescription(self.tr("Deleted records, to restore or delete for good."))
        self.summary = QLabel()
        self.summary.setObjectName("trashSummary")
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setAccessibleName(self.tr("Records in the trash"))
        self.records = QTreeWidget()
        self.records.setObjectName("trashRecords")
        self.records.setAccessibleName(self.tr("Records in the trash"))
        self.records.setAccessibleDescription(
            self.tr("Each record's date and title; select records to restore them")
        )
        self.records.setHeaderLabels([self.tr("Date"), self.tr("Title")])
        self.records.setRootIsDecorated(False)
        self.records.setUniformRowHeights(True)
        self.records.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.records.itemSelectionChanged.connect(self._update_buttons)
        buttons = QDialogButtonBox()
        self.restore_button = self._button(
            buttons,
            "trashRestore",
            self.tr("&Restore"),
            self.tr("Bring the selected records back."),
        )
        self.empty_button = self._button(
            buttons,
            "trashEmpty",
            self.tr("&Empty trash…"),
            self.tr("Delete every record here for good."),
        )
        close = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.setObjectName("trashClose")
        close.setAccessibleName(self.tr("Close"))
        close.setAccessibleDescription(self.tr("Close the trash"))
        buttons.rejected.connect(self.reject)
        self.restore_button.clicked.connect(self.restore_selected)
        self.empty_button.clicked.connect(self.ask_empty)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.records, 1)
        layout.addWidget(buttons)
        self.resize(640, 420)
        self.reload()

    def reload(self) -> None:
        """Show the trash as it is now."""
        self.records.clear()
        trashed = self._editor.trashed() if self._editor is not None else []
        for record in trashed:
            item = QTreeWidgetItem(self.records, [record.date.display(), record.title])
            item.setData(0, _ID, record.id)
            item.setToolTip(1, record.title)
        self.records.resizeColumnToContents(0)
        if self._editor is None:
            self.summary.setText(self.tr("This catalogue cannot be changed from here."))
        elif trashed:
            self.summary.setText(self.tr("%n record(s) in the trash.", "", len(trashed)))
        else:
            self.summary.setText(self.tr("The trash is empty."))
        self._update_buttons()

    def selected_ids(self) -> list[int]:
        """The ids of the records selected, in list order."""
        items = sorted(self.records.selectedItems(), key=self.records.indexOfTopLevelItem)
        return [int(item.data(0, _ID)) for item in items]

    def restore_selected(self) -> None:
        """Bring the selected records back from the trash."""
        editor, ids = self._editor, self.selected_ids()
        if editor is None or not ids:
            return
        self._run(self.tr("Restoring records"), lambda _progress: editor.restore(ids))

    def ask_empty(self) -> None:
        """Empty Trash…: delete every record here for good, once confirmed."""
        editor, count = self._editor, self.records.topLevelItemCount()
        if editor is None or not count:
            return
        if self._confirm is None:
            self._confirm = confirm_box(self)
            self._confirm.finished.connect(self._on_confirmed)
        self._confirm.setText(self.tr("Delete the %n record(s) in the trash for good?", "", count))
        self._confirm.open()

    def _on_confirmed(self, result: int) -> None:
        editor = self._editor
        if editor is not None and result == QMessageBox.StandardButton.Yes.value:
            self._run(self.tr("Emptying the trash"), lambda _progress: editor.empty_trash())

    # ------------------------------------------------------------------ plumbing

    def _run(self, title: str, work: Callable[[ProgressCallback], ChangeSet]) -> None:
        if self._runner is None:
            try:
                changes = work(lambda _progress: None)
            except Exception as error:  # reported like the runner reports it
                self._on_failed(error)
            else:
                self._on_done(changes)
            return
        self.restore_button.setEnabled(False)
        self.empty_button.setEnabled(False)
        run_with_progress(self._runner, self, title, work, self._on_done, self._on_failed)

    def _on_done(self, changes: ChangeSet) -> None:
        self.reload()
        if not changes.empty:
            self.changed.emit(changes)

    def _on_failed(self, error: BaseException) -> None:
        self.reload()
        if isinstance(error, JobCancelled):
            return
        if isinstance(error, CatalogError):
            messages.show_error(self, self.tr("Trash"), error)
        else:
            messages.show_bug(self, error, self.tr("the change to the trash"))

    def _update_buttons(self) -> None:
        editable = self._editor is not None
        self.restore_button.setEnabled(editable and bool(self.records.selectedItems()))
        self.empty_button.setEnabled(editable and self.records.topLevelItemCount() > 0)

    def _button(self, box: QDialogButtonBox, name: str, text: str, description: str) -> QPushButton:
        button = box.addButton(text, QDialogButtonBox.ButtonRole.ActionRole)
        button.setObjectName(name)
        button.setAccessibleName(text.replace("&", "").replace("…", ""))
        button.setAccessibleDescription(description)
        return button
