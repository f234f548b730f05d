"""Other archivists' changes, shown as they are committed (a shared PostgreSQL catalogue).

The service's listener calls back from its own thread; the signals here carry each call
to the UI thread (queued), where a change is announced on the hub exactly as the
window's own edits are: the list, facets, timeline and an open detail pane refresh,
and the selection and scroll position stay. A lost connection is said in the status bar
and in a lasting label until the listener is back.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QLabel

from catalog.domain.changes import ChangeSet
from catalog.services.catalog import Watcher
from catalog.ui.palette import error_color
from catalog.ui.ports import CatalogPort
from catalog.ui.shell.signals import SignalHub


class LiveUpdates(QObject):
    """Hears other clients' changes for the window; ``offline`` shows while cut off."""

    heard = Signal(object)
    connection_changed = Signal(bool, str)

    def __init__(self, service: CatalogPort, hub: SignalHub, parent: QObject | None) -> None:
        super().__init__(parent)
        self._hub = hub
        self.offline = QLabel(self.tr("Offline: reconnecting to the team catalogue…"))
        self.offline.setObjectName("offlineLabel")
        self.offline.setStyleSheet(f"color: {error_color()};")
        self.offline.setVisible(False)
        queued = Qt.ConnectionType.QueuedConnection
        self.heard.connect(self._on_heard, queued)
        self.connection_changed.connect(self._on_connection, queued)
        self._listener: Watcher | None = service.watch(
            self.heard.emit, self.connection_changed.emit
        )

    @property
    def active(self) -> bool:
        """True when the catalogue is shared and other clients' changes are heard."""
        return self._listener is not None

    def stop(self) -> None:
        """Stop listening (the window is closing)."""
        listener, self._listener = self._listener, None
        if listener is not None:
            listener.stop()

    def _on_heard(self, changes: object) -> None:
        if isinstance(changes, ChangeSet) and not changes.empty and self._listener is not None:
            self._hub.changes_applied.emit(changes)

    def _on_connection(self, connected: bool, message: str) -> None:
        self.offline.setVisible(not connected)
        if connected:
            self._hub.status_message.emit(self.tr("Connected to the team catalogue again."))
        else:
            self.offline.setToolTip(message)
            self._hub.status_message.emit(
                self.tr(
                    "The connection to the team catalogue was lost ({0}); reconnecting…"
                ).format(message)
            )
