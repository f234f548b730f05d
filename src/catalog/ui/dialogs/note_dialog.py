"""The note dialogs: write or change a note's text, and confirm a note's deletion.

Both are plain QDialogs the detail pane opens without blocking (``open()``), so no
nested event loop runs and tests type into them and click their buttons as a user
would. An empty note is refused in the dialog itself: the user keeps what they typed.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

EXCERPT = 200
"""How much of a note the delete confirmation quotes."""


class NoteDialog(QDialog):
    """A multi-line text for a new note or a note being changed; Save refuses empty text.

    Attributes:
        edit: the note's text.
        problem: says why the text cannot be saved (empty otherwise).
        save_button: accepts the dialog when the text is not blank.
    """

    def __init__(self, parent: QWidget | None = None, text: str = "") -> None:
        super().__init__(parent)
        editing = bool(text)
        self.setObjectName("noteDialog")
        self.setWindowTitle(self.tr("Edit note") if editing else self.tr("Add note"))
        self.setAccessibleName(self.windowTitle())
        self.setAccessibleDescription(self.tr("The text of a note on the record on show."))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        prompt = QLabel(self.tr("&Note:"))
        self.edit = QPlainTextEdit()
        self.edit.setObjectName("noteText")
        self.edit.setPlainText(text)
        self.edit.setTabChangesFocus(True)  # Tab reaches the buttons, as in any form
        self.edit.setAccessibleName(self.tr("Note text"))
        self.edit.setAccessibleDescription(
            self.tr("What the note says; it is signed with your name and the time.")
        )
        prompt.setBuddy(self.edit)
        self.problem = QLabel()
        self.problem.setObjectName("noteProblem")
        self.problem.setTextFormat(Qt.TextFormat.PlainText)
        self.problem.setWordWrap(True)
        self.problem.setAccessibleName(self.tr("Problem with the note"))
        self.problem.setAccessibleDescription(self.tr("Says why the note cannot be saved."))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setObjectName("noteSave")
        self.save_button.setAccessibleName(self.tr("Save"))
        self.save_button.setAccessibleDescription(self.tr("Save the note to the record."))
        self.cancel_button = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setObjectName("noteCancel")
        self.cancel_button.setAccessibleName(self.tr("Cancel"))
        self.cancel_button.setAccessibleDescription(self.tr("Close without saving."))
        buttons.accepted.connect(self._check_and_accept)
        buttons.rejected.connect(self.reject)
        self.edit.textChanged.connect(self._on_text_changed)
        layout = QVBoxLayout(self)
        layout.addWidget(prompt)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self.resize(420, 260)
        self.edit.setFocus()

    def text(self) -> str:
        """The note as it will be saved (without blank lines or spaces at either end)."""
        return self.edit.toPlainText().strip()

    def _on_text_changed(self) -> None:
        if self.text():
            self.problem.setText("")

    def _check_and_accept(self) -> None:
        if not self.text():
            self.problem.setText(self.tr("A note needs some text."))
            self.edit.setFocus()
            return
        self.accept()


class ConfirmDeleteNote(QDialog):
    """Asks before a note is deleted, quoting its start; Cancel is the default button.

    Attributes:
        delete_button: accepts the dialog (the note is then deleted).
    """

    def __init__(self, parent: QWidget | None, text: str) -> None:
        super().__init__(parent)
        self.setObjectName("confirmDeleteNote")
        self.setWindowTitle(self.tr("Delete note"))
        self.setAccessibleName(self.windowTitle())
        self.setAccessibleDescription(self.tr("Asks whether to delete a note."))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        flat = " ".join(text.split())
        quoted = flat if len(flat) <= EXCERPT else flat[: EXCERPT - 1] + "…"
        question = QLabel(
            self.tr("Delete this note? Undo brings it back.")
            + "\n\n"
            + self.tr("“{0}”", "the note quoted").format(quoted)
        )
        question.setObjectName("confirmDeleteNoteText")
        question.setTextFormat(Qt.TextFormat.PlainText)
        question.setWordWrap(True)
        question.setAccessibleName(self.tr("Note to delete"))
        question.setAccessibleDescription(self.tr("The note that would be deleted."))
        buttons = QDialogButtonBox()
        self.delete_button = buttons.addButton(
            self.tr("Delete"), QDialogButtonBox.ButtonRole.DestructiveRole
        )
        self.delete_button.setObjectName("confirmDeleteNoteDelete")
        self.delete_button.setAccessibleName(self.tr("Delete"))
        self.delete_button.setAccessibleDescription(self.tr("Delete the note."))
        self.delete_button.setAutoDefault(False)
        self.cancel_button = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setObjectName("confirmDeleteNoteCancel")
        self.cancel_button.setAccessibleName(self.tr("Cancel"))
        self.cancel_button.setAccessibleDescription(self.tr("Keep the note."))
        self.cancel_button.setDefault(True)
        self.delete_button.clicked.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(question)
        layout.addWidget(buttons)
