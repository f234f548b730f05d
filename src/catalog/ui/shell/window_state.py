"""What the window remembers between sessions: geometry, panes, columns, the last query.

Everything lives in the QSettings the application passes in (the platform's settings
file); values that do not restore (another version, a damaged file) are ignored and the
defaults stay.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QByteArray, QSettings

if TYPE_CHECKING:
    from catalog.ui.shell.main_window import MainWindow

GEOMETRY = "window/geometry"
STATE = "window/state"
SPLITTER = "window/splitter"
LIST_PANE = "window/listPane"
COLUMNS = "recordList/columns"
LAST_QUERY = "search/last"
SORT = "search/sort"


def _bytes(value: Any) -> QByteArray | None:
    return value if isinstance(value, QByteArray) and not value.isEmpty() else None


def save(window: MainWindow, settings: QSettings) -> None:
    """Write the window's state."""
    settings.setValue(GEOMETRY, window.saveGeometry())
    settings.setValue(STATE, window.saveState())
    settings.setValue(SPLITTER, window.splitter.saveState())
    settings.setValue(LIST_PANE, window.list_pane.saveState())
    settings.setValue(COLUMNS, window.record_list.save_state())
    settings.setValue(LAST_QUERY, window.search.query)
    settings.sync()


def restore(window: MainWindow, settings: QSettings) -> str:
    """Put back what was saved; returns the last query ("" when there was none)."""
    for key, restore_with in (
        (GEOMETRY, window.restoreGeometry),
        (STATE, window.restoreState),
        (SPLITTER, window.splitter.restoreState),
        (LIST_PANE, window.list_pane.restoreState),
        (COLUMNS, window.record_list.restore_state),
    ):
        saved = _bytes(settings.value(key))
        if saved is not None:
            restore_with(saved)
    last = settings.value(LAST_QUERY, "")
    return last if isinstance(last, str) else ""
