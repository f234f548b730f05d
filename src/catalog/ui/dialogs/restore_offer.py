"""A damaged catalogue at open: offer to restore its newest good backup.

Asked before any window of the catalogue exists, so the question blocks (``exec``), like
:func:`catalog.ui.dialogs.messages.fatal`. Nothing is moved or written unless the user
says Restore; then the damaged file is renamed (never deleted) and the backup put in
its place.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from catalog.domain.errors import StorageUnavailable
from catalog.services import backups
from catalog.services.backups import BackupFile

T = TypeVar("T")


def when(backup: BackupFile) -> str:
    """The backup's time as the user reads it (local time)."""
    return backup.taken.astimezone().strftime("%Y-%m-%d %H:%M")


class RestoreOffer(QDialog):
    """ "The catalogue is damaged … Restore the backup of <date>?" with Restore and Quit."""

    def __init__(
        self, damaged: backups.CatalogueDamaged, backup: BackupFile, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("restoreOffer")
        self.setWindowTitle(self.tr("The catalogue is damaged"))
        self.setAccessibleName(self.tr("The catalogue is damaged"))
        self.setAccessibleDescription(self.tr("Offers to restore the newest good backup"))
        name = damaged.path.name
        text = QLabel(
            "\n\n".join(
                (
                    self.tr("The catalogue {0} is damaged ({1}).").format(
                        damaged.path, damaged.reason
                    ),
                    self.tr(
                        "Restore the backup of {0}? Changes made since then are not in it.\n"
                        "The damaged file is kept beside it as {1}.damaged-…, never deleted."
                    ).format(when(backup), name),
                )
            )
        )
        text.setObjectName("restoreOfferText")
        text.setAccessibleName(self.tr("What happened"))
        text.setAccessibleDescription(text.text())  # selectable: it takes the focus
        text.setTextFormat(Qt.TextFormat.PlainText)
        text.setWordWrap(True)
        text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        buttons = QDialogButtonBox()
        restore = buttons.addButton(self.tr("&Restore"), QDialogButtonBox.ButtonRole.AcceptRole)
        restore.setObjectName("restoreButton")
        restore.setAccessibleName(self.tr("Restore"))
        restore.setAccessibleDescription(
            self.tr("Put the backup in place of the damaged file, then open it")
        )
        quit_button = buttons.addButton(self.tr("&Quit"), QDialogButtonBox.ButtonRole.RejectRole)
        quit_button.setObjectName("quitButton")
        quit_button.setAccessibleName(self.tr("Quit"))
        quit_button.setAccessibleDescription(
            self.tr("Leave the damaged file as it is and open nothing")
        )
        restore.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(buttons)
        self.setMinimumWidth(520)

    @classmethod
    def ask(
        cls,
        damaged: backups.CatalogueDamaged,
        backup: BackupFile,
        parent: QWidget | None = None,
    ) -> bool:
        """True when the user chose to restore ``backup``."""
        dialog = cls(damaged, backup, parent)
        try:
            return dialog.exec() == QDialog.DialogCode.Accepted
        finally:
            dialog.deleteLater()


def open_or_restore(open_catalogue: Callable[[], T], parent: QWidget | None = None) -> T:
    """``open_catalogue()``; when the catalogue is damaged and a good backup exists, offer
    to restore it, and open again once restored. Declined (or no backup): the
    CatalogueDamaged error goes on to the caller, which shows it."""
    try:
        return open_catalogue()
    except backups.CatalogueDamaged as damaged:
        backup = backups.newest_good(damaged.path)
        if backup is None:
            raise StorageUnavailable(
                QCoreApplication.translate(
                    "RestoreOffer",
                    "The catalogue {0} is damaged ({1}) and no good backup of it was found. "
                    "The file was left as it is.",
                ).format(damaged.path, damaged.reason)
            ) from damaged
        if not RestoreOffer.ask(damaged, backup, parent):
            raise
        backups.restore(damaged.path, backup.path)
    return open_catalogue()
