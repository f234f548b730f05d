"""The editor's questions to the archivist, kept behind functions so tests can answer them.

These block (``exec``): the answer decides whether a save or a close goes ahead, and the
editor is itself modal, so no job delivers results under them.
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import Enum

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from catalog.domain.records import RecordSummary

SHOWN_SIMILAR = 10


class Unsaved(Enum):
    """What to do with unsaved changes when the editor closes."""

    SAVE = "save"
    DISCARD = "discard"
    CANCEL = "cancel"


def _box(parent: QWidget | None, title: str, text: str, informative: str = "") -> QMessageBox:
    box = QMessageBox(QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.NoButton,
                      parent)  # fmt: skip
    box.setObjectName("editorQuestion")
    box.setTextFormat(Qt.TextFormat.PlainText)
    if informative:
        box.setInformativeText(informative)
    return box


def ask_save_anyway(parent: QWidget | None, similar: Sequence[RecordSummary]) -> bool:
    """Whether to save although records with the same date and a similar title exist."""
    lines = [f"#{s.id} {s.title} ({s.date.display()})" for s in similar[:SHOWN_SIMILAR]]
    if len(similar) > SHOWN_SIMILAR:
        more = QCoreApplication.translate("RecordEditor", "… and {0} more")
        lines.append(more.format(len(similar) - SHOWN_SIMILAR))
    box = _box(
        parent,
        QCoreApplication.translate("RecordEditor", "Possible duplicate"),
        QCoreApplication.translate(
            "RecordEditor",
            "The catalogue already holds records with this date and a similar title:",
        ),
        "\n".join(lines),
    )
    box.setStandardButtons(QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Cancel)
    save = box.button(QMessageBox.StandardButton.Save)
    save.setText(QCoreApplication.translate("RecordEditor", "Save anyway"))
    save.setAccessibleDescription(
        QCoreApplication.translate("RecordEditor", "Save the record although it may be a duplicate")
    )
    box.button(QMessageBox.StandardButton.Cancel).setAccessibleDescription(
        QCoreApplication.translate("RecordEditor", "Go back to the record without saving")
    )
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    return box.exec() == QMessageBox.StandardButton.Save


def ask_unsaved(parent: QWidget | None) -> Unsaved:
    """Save, discard or keep editing the changes not saved yet."""
    box = _box(
        parent,
        QCoreApplication.translate("RecordEditor", "Unsaved changes"),
        QCoreApplication.translate("RecordEditor", "Save the changes to this record?"),
    )
    box.setStandardButtons(
        QMessageBox.StandardButton.Save
        | QMessageBox.StandardButton.Discard
        | QMessageBox.StandardButton.Cancel
    )
    for button, about in (
        (
            QMessageBox.StandardButton.Save,
            QCoreApplication.translate("RecordEditor", "Save the changes, then close"),
        ),
        (
            QMessageBox.StandardButton.Discard,
            QCoreApplication.translate("RecordEditor", "Close without saving the changes"),
        ),
        (
            QMessageBox.StandardButton.Cancel,
            QCoreApplication.translate("RecordEditor", "Keep editing the record"),
        ),
    ):
        box.button(button).setAccessibleDescription(about)
    box.setDefaultButton(QMessageBox.StandardButton.Save)
    answer = box.exec()
    if answer == QMessageBox.StandardButton.Save:
        return Unsaved.SAVE
    if answer == QMessageBox.StandardButton.Discard:
        return Unsaved.DISCARD
    return Unsaved.CANCEL
