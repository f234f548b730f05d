"""The application-wide signal hub: one place that announces what operations changed."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from catalog.domain.changes import ChangeSet


class SignalHub(QObject):
    """Signals any part of the window may emit or listen to.

    Signals:
        changes_applied(ChangeSet): an operation changed the catalogue; each view decides
            for itself what to refresh.
        status_message(str): a sentence for the status bar (a job's outcome).
    """

    changes_applied = Signal(ChangeSet)
    status_message = Signal(str)
