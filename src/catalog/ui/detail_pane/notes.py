"""Adding, changing and deleting notes from the detail pane.

The pane's note links call :class:`NoteEditing`, which opens the note dialog (or the
delete confirmation) without blocking and, once the user confirms, writes the change
with the catalogue's editor: one undoable step, signed with the editor's user.
A CatalogError (the record or note is gone, the text is refused) is shown as a message;
anything else is a bug and goes to the pane's bug reporter.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QDialog, QWidget

from catalog.domain.changes import ChangeSet
from catalog.domain.errors import CatalogError
from catalog.domain.records import Annotation, RecordDetail
from catalog.services.editing.editor import Editor
from catalog.ui.detail_pane.fields import NoteLink
from catalog.ui.dialogs import messages
from catalog.ui.dialogs.note_dialog import ConfirmDeleteNote, NoteDialog
from catalog.ui.jobs.runner import Failed
from catalog.ui.translation import QT_TRANSLATE_NOOP

NOTE_NOT_SAVED = QT_TRANSLATE_NOOP("NoteEditing", "The note was not saved")
NOTE_NOT_DELETED = QT_TRANSLATE_NOOP("NoteEditing", "The note was not deleted")


class NoteEditing(QObject):
    """Runs the note links of one pane.

    Signals:
        changed(ChangeSet): a note was added, changed or deleted.

    Attributes:
        dialog: the note dialog or confirmation on show, or None.
    """

    changed = Signal(object)

    def __init__(self, editor: Callable[[], Editor | None], parent: QWidget, on_bug: Failed):
        super().__init__(parent)
        self._editor = editor
        self._parent = parent
        self._on_bug = on_bug
        self.dialog: QDialog | None = None

    def activate(self, link: NoteLink, record: RecordDetail) -> None:
        """Run a note link of the record on show (add, edit or delete)."""
        if self._editor() is None:
            return
        if link.action == "add":
            self.add(record.id)
            return
        note = next((n for n in record.annotations if n.id == link.note_id), None)
        if note is None:  # pragma: no cover - the links are those of the record on show
            return
        if link.action == "edit":
            self.edit(record.id, note)
        else:
            self.delete(record.id, note)

    def add(self, record_id: int) -> None:
        """Ask for a new note's text, then add it to the record."""
        self._open(
            NoteDialog(self._parent),
            lambda editor, dialog: editor.add_note(record_id, _text(dialog)),
            NOTE_NOT_SAVED,
        )

    def edit(self, record_id: int, note: Annotation) -> None:
        """Show a note's text to change, then save it."""
        self._open(
            NoteDialog(self._parent, note.text),
            lambda editor, dialog: editor.edit_note(record_id, note.id, _text(dialog), note.text),
            NOTE_NOT_SAVED,
        )

    def delete(self, record_id: int, note: Annotation) -> None:
        """Ask whether to delete a note, then delete it."""
        self._open(
            ConfirmDeleteNote(self._parent, note.text),
            lambda editor, _dialog: editor.delete_note(record_id, note.id, note.text),
            NOTE_NOT_DELETED,
        )

    def close(self) -> None:
        """Close any dialog on show, without saving (another record is shown)."""
        if self.dialog is not None:
            self.dialog.reject()

    # ------------------------------------------------------------------ running

    def _open(
        self,
        dialog: QDialog,
        write: Callable[[Editor, QDialog], ChangeSet],
        failure: str,
    ) -> None:
        self.close()
        self.dialog = dialog
        dialog.accepted.connect(lambda: self._write(write, dialog, failure))
        dialog.finished.connect(lambda _result: self._closed(dialog))
        dialog.open()

    def _closed(self, dialog: QDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
        dialog.deleteLater()

    def _write(
        self, write: Callable[[Editor, QDialog], ChangeSet], dialog: QDialog, failure: str
    ) -> None:
        editor = self._editor()
        if editor is None:  # pragma: no cover - the links are only shown with an editor
            return
        try:
            changes = write(editor, dialog)
        except CatalogError as error:
            title = QCoreApplication.translate("NoteEditing", failure)
            messages.show_error(self._parent, title, error)
            return
        except Exception as error:
            self._on_bug(error)
            return
        self.changed.emit(changes)


def _text(dialog: QDialog) -> str:
    assert isinstance(dialog, NoteDialog)
    return dialog.text()
