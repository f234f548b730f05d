"""The archivist's name: it signs notes and the change log, and is kept in the settings."""

from __future__ import annotations

import getpass

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QInputDialog, QLineEdit, QWidget

SETTINGS_KEY = "archivist/name"


def saved_name(settings: QSettings) -> str:
    """The name saved in the settings, else the login name."""
    saved = settings.value(SETTINGS_KEY, "")
    return str(saved).strip() or getpass.getuser()


def ask_name(parent: QWidget | None, current: str) -> str | None:
    """Ask for the archivist's name; None when cancelled or left blank."""
    text, accepted = QInputDialog.getText(
        parent,
        "Your name",
        "Your name, as it signs your notes and your changes:",
        QLineEdit.EchoMode.Normal,
        current,
    )
    name = " ".join(text.split())
    return name if accepted and name else None
