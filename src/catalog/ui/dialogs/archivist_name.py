"""The archivist's name: it signs notes and the change log, and is kept in the settings."""

from __future__ import annotations

import getpass

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QInputDialog, QLineEdit, QWidget

SETTINGS_KEY = "archivist/name"


def saved_name(settings: QSettings) -> str:
    """The name saved in the settings, else the login name."""
    saved = settings.value(SETTINGS_KEY, "")
    return str(saved).strip() or getpass.getuser()


def name_dialog(parent: QWidget | None, current: str) -> QInputDialog:
    """The question :func:`ask_name` asks, every control named for assistive technology."""
    dialog = QInputDialog(parent)
    dialog.setObjectName("archivistNameDialog")
    dialog.setInputMode(QInputDialog.InputMode.TextInput)
    dialog.setWindowTitle(QCoreApplication.translate("ArchivistName", "Your name"))
    dialog.setLabelText(
        QCoreApplication.translate(
            "ArchivistName", "Your name, as it signs your notes and your changes:"
        )
    )
    dialog.setTextEchoMode(QLineEdit.EchoMode.Normal)
    dialog.setTextValue(current)
    edit = dialog.findChild(QLineEdit)
    if edit is not None:
        edit.setAccessibleName(QCoreApplication.translate("ArchivistName", "Your name"))
        edit.setAccessibleDescription(
            QCoreApplication.translate(
                "ArchivistName", "The name that signs your notes and your changes in the change log"
            )
        )
    dialog.sizeHint()  # lays the dialog out: its buttons exist from here on
    box = dialog.findChild(QDialogButtonBox)
    if box is not None:
        for button, description in (
            (
                QDialogButtonBox.StandardButton.Ok,
                QCoreApplication.translate("ArchivistName", "Keep this name"),
            ),
            (
                QDialogButtonBox.StandardButton.Cancel,
                QCoreApplication.translate("ArchivistName", "Keep the name you had"),
            ),
        ):
            if (found := box.button(button)) is not None:
                found.setAccessibleDescription(description)
    return dialog


def ask_name(parent: QWidget | None, current: str) -> str | None:
    """Ask for the archivist's name; None when cancelled or left blank."""
    dialog = name_dialog(parent, current)
    try:
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        name = " ".join(dialog.textValue().split())
    finally:
        dialog.deleteLater()
    return name if accepted and name else None
