"""Help → Keyboard shortcuts: every menu shortcut, and the keys of the list and sidebar."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

# Keys that belong to a widget rather than to a menu action.
WIDGET_KEYS: tuple[tuple[str, str], ...] = (
    ("Up, Down, PgUp, PgDn, Home, End", "Move through the record list"),
    ("Shift+click, Ctrl+click, Ctrl+A", "Select several records, or all of them"),
    ("Enter or double click on a record", "Open it in the detail pane"),
    ("Tab, Shift+Tab", "Move between the search box, facets, timeline, list and details"),
    ("Enter on a facet value", "Add it to the search"),
    ("Shift+Enter or Alt+click on a facet value", "Exclude it from the search"),
    ("Delete or Backspace on a filter chip", "Remove that filter"),
    ("Left, Right, Enter on the timeline", "Pick a year (or month) and filter by it"),
    ("+ and - on the timeline", "Zoom to months and back to years"),
)


def shortcut_rows(actions: Iterable[tuple[str, str, str]]) -> list[tuple[str, str]]:
    """(keys, what they do) for actions given as (menu text, tip, shortcut), then the rest."""
    rows = [
        (QKeySequence(shortcut).toString(QKeySequence.SequenceFormat.NativeText), text)
        for text, _tip, shortcut in actions
        if shortcut
    ]
    rows = [(keys, text.replace("&", "").rstrip("…")) for keys, text in rows]
    return [*rows, *WIDGET_KEYS]


class ShortcutsDialog(QDialog):
    """A read-only table of keys and what they do."""

    def __init__(self, rows: list[tuple[str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shortcutsDialog")
        self.setWindowTitle("Keyboard shortcuts")
        self.setAccessibleName("Keyboard shortcuts")
        self.setAccessibleDescription("Every keyboard shortcut of the Catalog window")
        self.table = QTableWidget(len(rows), 2)
        self.table.setObjectName("shortcutsTable")
        self.table.setAccessibleName("Shortcuts")
        self.table.setAccessibleDescription("Keys on the left, what they do on the right")
        self.table.setHorizontalHeaderLabels(["Keys", "Action"])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        for row, (keys, text) in enumerate(rows):
            self.table.setItem(row, 0, QTableWidgetItem(keys))
            self.table.setItem(row, 1, QTableWidgetItem(text))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.setAccessibleName("Close")
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(560, 520)
        self.setWindowModality(Qt.WindowModality.NonModal)
