"""Attachments: files added to the record are copied under the catalogue's folder.

A file is stored (hashed and copied) as soon as it is added, so the record never points
at a file the archivist may later move or delete.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from catalog.domain.drafts import AttachmentChoice
from catalog.domain.errors import CatalogError
from catalog.services.editing.attachments import AttachmentStore
from catalog.ui.editor.values_field import vocabulary_completer
from catalog.ui.text import safe_tooltip
from catalog.ui.translation import QT_TRANSLATE_NOOP, error_text

ROLES = ("scan", "translation", "transcript")
ROLE_LABELS: dict[str, str] = {
    "scan": QT_TRANSLATE_NOOP("AttachmentsTab", "scan"),
    "translation": QT_TRANSLATE_NOOP("AttachmentsTab", "translation"),
    "transcript": QT_TRANSLATE_NOOP("AttachmentsTab", "transcript"),
}
"""The roles offered (stored as the key, shown translated)."""


def role_label(role: str) -> str:
    """A file's role as shown: translated when it is one of the roles offered."""
    return (
        QCoreApplication.translate("AttachmentsTab", ROLE_LABELS[role])
        if role in ROLE_LABELS
        else role
    )


def ask_attachment_file(parent: QWidget | None) -> Path | None:
    """The file the archivist picked to attach; None when they cancelled."""
    title = QCoreApplication.translate("AttachmentsTab", "Attach a file")
    name, _filter = QFileDialog.getOpenFileName(parent, title)
    return Path(name) if name else None


class AttachmentsTab(QWidget):
    """The record's files, each with a role and a language."""

    changed = Signal()

    def __init__(
        self, store: AttachmentStore, languages: Sequence[str], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.role = QComboBox()
        self.role.setEditable(True)
        for role in ROLES:
            self.role.addItem(role_label(role), role)
        self.role.setAccessibleName(self.tr("Role of the file"))
        self.role.setAccessibleDescription(
            self.tr("What the next file added is: a scan, a translation, a transcript or other")
        )
        role_line = self.role.lineEdit()
        if role_line is not None:  # the line that takes the focus speaks for the box
            role_line.setAccessibleName(self.role.accessibleName())
            role_line.setAccessibleDescription(self.role.accessibleDescription())
        self.language = QLineEdit()
        self.language.setPlaceholderText(self.tr("Language"))
        self.language.setAccessibleName(self.tr("Language of the file"))
        self.language.setAccessibleDescription(
            self.tr("The language of the next file added, if it has one")
        )
        self.language.setCompleter(vocabulary_completer(languages, self.language))
        self.add_button = QPushButton(self.tr("Add file…"))
        self.add_button.setAutoDefault(False)
        self.add_button.setAccessibleName(self.tr("Add a file"))
        self.add_button.setAccessibleDescription(
            self.tr("Choose a file; a copy is kept in the catalogue's folder")
        )
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.setAutoDefault(False)
        self.remove_button.setAccessibleName(self.tr("Remove the selected file"))
        self.remove_button.setAccessibleDescription(
            self.tr("Detach the files selected in the list from the record")
        )
        self.message = QLabel()
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)
        self.message.setAccessibleName(self.tr("Attachment message"))
        self.list = QListWidget()
        self.list.setObjectName("editorAttachments")
        self.list.setAccessibleName(self.tr("Files attached"))
        self.list.setAccessibleDescription(self.tr("The files attached to the record"))
        role_label_widget = QLabel(self.tr("Role:"))
        role_label_widget.setBuddy(self.role)
        row = QHBoxLayout()
        row.addWidget(role_label_widget)
        row.addWidget(self.role)
        row.addWidget(self.language, 1)
        row.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.message)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.remove_button, 0, Qt.AlignmentFlag.AlignRight)
        self.add_button.clicked.connect(self.pick_file)
        self.remove_button.clicked.connect(self.remove_selected)

    def pick_file(self) -> None:
        """Ask for a file and attach it."""
        path = ask_attachment_file(self)
        if path is not None:
            self.add_file(path)

    def add_file(self, path: Path) -> AttachmentChoice | None:
        """Store ``path`` under the catalogue's folder and attach it."""
        self.message.clear()
        try:
            choice = self.store.store(path, self._role(), self.language.text())
        except CatalogError as error:
            self.message.setText(error_text(error))
            return None
        self.add_choice(choice)
        return choice

    def _role(self) -> str:
        """The role typed or picked; a role offered is stored by its key, not its label."""
        text = self.role.currentText()
        index = self.role.findText(
            text, Qt.MatchFlag.MatchExactly | Qt.MatchFlag.MatchCaseSensitive
        )
        return str(self.role.itemData(index)) if index >= 0 else text

    def add_choice(self, choice: AttachmentChoice) -> None:
        """Attach a file already described (once)."""
        if choice not in self.choices():
            self._append(choice)
            self.changed.emit()

    def remove_selected(self) -> None:
        """Detach the selected files (the stored copy stays: other records may share it)."""
        for item in self.list.selectedItems():
            self.list.takeItem(self.list.row(item))
        self.changed.emit()

    def set_choices(self, choices: Sequence[AttachmentChoice]) -> None:
        """Show a record's files."""
        self.list.clear()
        for choice in choices:
            self._append(choice)

    def choices(self) -> tuple[AttachmentChoice, ...]:
        """The files attached, in order."""
        return tuple(
            self.list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.list.count())
        )

    def _append(self, choice: AttachmentChoice) -> None:
        about = ", ".join(part for part in (role_label(choice.role), choice.language) if part)
        item = QListWidgetItem(f"{choice.path}" + (f" ({about})" if about else ""))
        item.setData(Qt.ItemDataRole.UserRole, choice)
        item.setToolTip(safe_tooltip(f"sha256 {choice.sha256}"))  # (from an imported file)
        self.list.addItem(item)
