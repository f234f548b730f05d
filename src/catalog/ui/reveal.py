"""Show a written file in the desktop's file manager.

Linux file managers (Nautilus, Dolphin, Nemo, Thunar...) answer the freedesktop
``org.freedesktop.FileManager1.ShowItems`` call, which opens the folder with the file
selected. Elsewhere, or when no file manager answers, the folder is opened instead.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices


def reveal(path: Path) -> bool:
    """Show ``path`` in the file manager; False when nothing could be opened."""
    url = QUrl.fromLocalFile(str(path.absolute()))
    if sys.platform.startswith("linux") and _show_items(url):
        return True
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path.absolute().parent)))


def _show_items(url: QUrl) -> bool:
    from PySide6.QtDBus import QDBusConnection, QDBusInterface, QDBusMessage

    bus = QDBusConnection.sessionBus()
    if not bus.isConnected():
        return False
    manager = QDBusInterface(
        "org.freedesktop.FileManager1",
        "/org/freedesktop/FileManager1",
        "org.freedesktop.FileManager1",
        bus,
    )
    if not manager.isValid():
        return False
    reply = manager.call("ShowItems", [url.toString()], "")
    return reply.type() != QDBusMessage.MessageType.ErrorMessage
