"""The recent catalogues as a list to pick from (in the Connect dialog)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSettings, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

from catalog.services.locations import describe
from catalog.ui import recent_catalogues
from catalog.ui.translation import QT_TRANSLATE_NOOP

HINT = QT_TRANSLATE_NOOP("RecentList", "Press Enter or double-click a catalogue to use it.")


class RecentList(QListWidget):
    """The catalogues opened lately, newest first; Enter or a double click chooses one.

    Signals:
        chosen(str): the catalogue picked (a server URL without password, or a file path).
    """

    chosen = Signal(str)

    def __init__(self, settings: QSettings | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("connectRecent")
        hint = QCoreApplication.translate("RecentList", HINT)
        self.setAccessibleName(self.tr("Recent catalogues"))
        self.setAccessibleDescription(hint)
        self.setToolTip(hint)
        self.setMaximumHeight(120)
        for target in recent_catalogues.recent(settings):
            item = QListWidgetItem(describe(target))
            item.setData(Qt.ItemDataRole.UserRole, target)
            item.setToolTip(target)
            self.addItem(item)
        self.setEnabled(self.count() > 0)
        self.itemActivated.connect(self._choose)
        # Enter chooses here; it must not also press the dialog's default button.
        self.installEventFilter(self)

    def target(self, row: int) -> str:
        """The catalogue in ``row``."""
        return str(self.item(row).data(Qt.ItemDataRole.UserRole))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        """Enter on a catalogue chooses it and goes no further."""
        if (
            watched is self
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            item = self.currentItem()
            if item is not None:
                self._choose(item)
                return True
        return super().eventFilter(watched, event)

    def _choose(self, item: QListWidgetItem) -> None:
        self.chosen.emit(str(item.data(Qt.ItemDataRole.UserRole)))
