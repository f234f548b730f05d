"""The record editor: a new record or an existing one, every field, saved as one step.

Saving never loses or overwrites work silently: a title is required (Save stays disabled
without one), a likely duplicate is asked about, a record changed meanwhile opens the
conflict dialog, and closing with unsaved changes asks first.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QPushButton, QVBoxLayout, QWidget

from catalog.domain.changes import ChangeSet
from catalog.domain.drafts import RecordDraft, differing_fields
from catalog.domain.errors import CatalogError, EditConflict, InvalidEdit
from catalog.services.editing.editor import Editor
from catalog.ui.dialogs import messages
from catalog.ui.editor import questions
from catalog.ui.editor.conflict_dialog import ConflictDialog
from catalog.ui.editor.form import RecordForm, canonical
from catalog.ui.ports import CatalogPort

EMPTY = RecordDraft(title="")


class RecordEditorDialog(QDialog):
    """Edits one record (``record_id``) or a new one (None).

    Signals:
        saved(record id, ChangeSet): after every successful save; the dialog then edits
            the saved record at its new version.
    """

    saved = Signal(int, object)

    def __init__(
        self, service: CatalogPort, record_id: int | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        editor = service.editor
        if editor is None:  # pragma: no cover - a read-only port
            raise InvalidEdit("This catalogue cannot be changed.")
        self.service = service
        self.editor: Editor = editor
        self.record_id = record_id
        self.version: int | None = None
        self.baseline = EMPTY
        self.setObjectName("recordEditor")
        self.setAccessibleName(self.tr("Record editor"))
        self.form = RecordForm(service, editor)
        buttons = QDialogButtonBox()
        self.save_button = self._button(buttons, self.tr("&Save"), "editorSave",
                                        self.tr("Save and keep editing (Ctrl+S)"))  # fmt: skip
        self.save_close_button = self._button(
            buttons, self.tr("Sa&ve and close"), "editorSaveClose",
            self.tr("Save and close the editor (Ctrl+Return)"),
        )  # fmt: skip
        self.close_button = self._button(
            buttons, self.tr("Close"), "editorClose",
            self.tr("Close; asks first if there are unsaved changes"),
        )  # fmt: skip
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ApplyRole)
        buttons.addButton(self.save_close_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.close_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.save_button.clicked.connect(self.save)
        self.save_close_button.clicked.connect(self.save_and_close)
        self.close_button.clicked.connect(self.reject)
        QShortcut(QKeySequence.StandardKey.Save, self, self.save)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, self.save_and_close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form, 1)
        layout.addWidget(buttons)
        self.form.changed.connect(self._refresh)
        self._load(record_id)
        self.resize(760, 640)
        self.form.focus_first()

    def _button(self, box: QDialogButtonBox, text: str, name: str, about: str) -> QPushButton:
        button = QPushButton(text, box)
        button.setObjectName(name)
        button.setAutoDefault(False)
        button.setAccessibleName(text.replace("&", ""))
        button.setAccessibleDescription(about)
        button.setToolTip(about)
        return button

    # ------------------------------------------------------------------ state

    def _load(self, record_id: int | None) -> None:
        """Show the record as stored (or an empty one) and take it as the unchanged state."""
        self.record_id = record_id
        if record_id is None:
            draft, self.version = EMPTY, None
        else:
            detail = self.service.detail(record_id)
            draft, self.version = RecordDraft.from_detail(detail), detail.version
        self.form.show_draft(draft, record_id)
        self.baseline = canonical(self.form.draft())
        self._refresh()

    def draft(self) -> RecordDraft:
        """What the form holds now."""
        return canonical(self.form.draft())

    def is_dirty(self) -> bool:
        """True when something was changed since the record was opened or saved."""
        return self.draft() != self.baseline

    def _refresh(self) -> None:
        draft = self.form.draft()
        problems = draft.problems()
        self.form.show_problems(problems)
        self.save_button.setEnabled(not problems)
        self.save_close_button.setEnabled(not problems)
        name = draft.title.strip() or self.tr("New record")
        if self.record_id is not None:
            name = f"#{self.record_id} {name}"
        self.setWindowTitle(self.tr("{0}[*] — Record editor").format(name))
        self.setWindowModified(self.is_dirty())

    # ------------------------------------------------------------------ saving

    def save(self) -> bool:
        """Save the draft; True when it was written (the dialog stays open)."""
        self.form.commit_pending()
        draft = replace(self.draft(), archive=self.form.archive_name())
        problems = draft.problems()
        if problems:
            self.form.show_problems(problems)
            return False
        store = self.form.attachments.store
        for attachment in draft.attachments:
            if attachment not in self.baseline.attachments and not store.inside(attachment):
                messages.show_error(
                    self, self.tr("Cannot save the record"),
                    self.tr("The attachment “{0}” is outside the catalogue's folder {1}.")
                    .format(attachment.path, store.root),
                )  # fmt: skip
                return False
        try:  # a lost connection fails either call: the message says so, the text stays
            if self._changes_identity(draft):
                similar = self.editor.similar(draft, exclude=self.record_id)
                if similar and not questions.ask_save_anyway(self, similar):
                    return False
            saved = self._write(draft)
        except CatalogError as error:
            messages.show_error(self, self.tr("Cannot save the record"), error)
            return False
        if saved is None:
            return False
        record_id, changes = saved
        self._load(record_id)
        self.saved.emit(record_id, changes)
        return True

    def save_and_close(self) -> None:
        """Save, and close when the save went through."""
        if self.save():
            self.accept()

    def _changes_identity(self, draft: RecordDraft) -> bool:
        """A new record, or a changed title or date: worth a check for duplicates."""
        if self.record_id is None:
            return True
        identity = ("title", "date_text", "approximate", "uncertain")
        return any(name in identity for name in differing_fields(draft, self.baseline))

    def _write(self, draft: RecordDraft) -> tuple[int, ChangeSet] | None:
        """Create or update; on a conflict, let the archivist merge and try again."""
        if self.record_id is None:
            return self.editor.create_record(draft)
        record_id, version = self.record_id, self.version or 0
        while True:
            try:
                return record_id, self.editor.update_record(record_id, draft, version)
            except EditConflict:
                detail = self.service.detail(record_id)
                theirs = canonical(RecordDraft.from_detail(detail))
                version = detail.version
                if differing_fields(draft, theirs):
                    conflict = ConflictDialog(draft, theirs, self.baseline, self)
                    try:
                        if conflict.exec() != QDialog.DialogCode.Accepted:
                            return None
                        draft = conflict.merged()
                    finally:
                        conflict.deleteLater()

    # ------------------------------------------------------------------ closing

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        """Return adds a name or value in its field; it never saves or closes by itself."""
        plain = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not plain:
            event.accept()
            return
        super().keyPressEvent(event)

    def reject(self) -> None:
        """Close (Escape, the window's close button): unsaved changes are asked about."""
        if self.is_dirty():
            answer = questions.ask_unsaved(self)
            if answer is questions.Unsaved.CANCEL:
                return
            if answer is questions.Unsaved.SAVE and not self.save():
                return
        super().reject()
