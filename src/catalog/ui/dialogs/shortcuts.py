"""Help → Keyboard shortcuts: every menu shortcut, and the keys of the list and sidebar."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication, Qt
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

from catalog.ui.translation import QT_TRANSLATE_NOOP

# Keys that belong to a widget rather than to a menu action (both columns translated
# where shown: key names are written as in the interface's language).
WIDGET_KEYS: tuple[tuple[str, str], ...] = (
    (
        QT_TRANSLATE_NOOP("ShortcutsDialog", "Up, Down, PgUp, PgDn, Home, End"),
        QT_TRANSLATE_NOOP("ShortcutsDialog", "Move through the record list"),
    ),
    (
        QT_TRANSLATE_NOOP("ShortcutsDialog", "Shift+click, Ctrl+click, Ctrl+A"),
        QT_TRANSLATE_NOOP("ShortcutsDialog", "Select several records, or all of them"),
    ),
    (
        QT_TRANSLATE_NOOP("ShortcutsDialog", "Enter or double click on a record"),
        QT_TRANSLATE_NOOP("ShortcutsDialog", "Open it in the detail pane"),
    ),
    (
        QT_TRANSLATE_NOOP("ShortcutsDialog", "Tab, Shift+Tab"),
        QT_TRANSLATE_NOOP(
            "ShortcutsDialog", "Move between the search box, facets, timeline, list and details"
        ),
    ),
    (
        QT_TRANSLATE_NOOP("ShortcutsDialog", "Enter on a facet value"),
        QT_TRANSLATE_NOOP("ShortcutsDialog", "Add it to the search"),
    ),
    (
        QT_TRANSLATE_NOOP("ShortcutsDialog", "Shift+Enter or Alt+click on a facet value"),
        QT_TRANSLATE_NOOP("ShortcutsDialog", "Exclude it from the search"),
    ),
    (
        QT_TRANSLATE_NOOP("ShortcutsDialog", "Delete or Backspace on a filter chip"),
        QT_TRANSLATE_NOOP("ShortcutsDialog", "Remove that filter"),
    ),
    (
        QT_TRANSLATE_NOOP("ShortcutsDialog", "Left, Right, Enter on the timeline"),
        QT_TRANSLATE_NOOP("ShortcutsDialog", "Pick a year (or month) and filter by it"),
    ),
    (
        QT_TRANSLATE_NOOP("ShortcutsDialog", "+ and - on the timeline"),
        QT_TRANSLATE_NOOP("ShortcutsDialog", "Zoom to months and back to years"),
    ),
    (
        QT_TRANSLATE_NOOP("ShortcutsDialog", "Ctrl+Shift+H in the record list"),
        QT_TRANSLATE_NOOP("ShortcutsDialog", "Choose the columns and the sort order"),
    ),
    (
        QT_TRANSLATE_NOOP("ShortcutsDialog", "Ctrl+Alt+N in the detail pane"),
        QT_TRANSLATE_NOOP("ShortcutsDialog", "Add a note to the record shown"),
    ),
    (
        QT_TRANSLATE_NOOP("ShortcutsDialog", "Menu key"),
        QT_TRANSLATE_NOOP("ShortcutsDialog", "Open the context menu of the list or the pane"),
    ),
)


def shortcut_rows(actions: Iterable[tuple[str, str, str]]) -> list[tuple[str, str]]:
    """(keys, what they do) for actions given as (menu text, tip, shortcut), then the rest."""
    rows = [
        (QKeySequence(shortcut).toString(QKeySequence.SequenceFormat.NativeText), text)
        for text, _tip, shortcut in actions
        if shortcut
    ]
    rows = [(keys, text.replace("&", "").rstrip("…")) for keys, text in rows]
    widget_keys = [
        (
            QCoreApplication.translate("ShortcutsDialog", keys),
            QCoreApplication.translate("ShortcutsDialog", text),
        )
        for keys, text in WIDGET_KEYS
    ]
    return [*rows, *widget_keys]


class ShortcutsDialog(QDialog):
    """A read-only table of keys and what they do."""

    def __init__(self, rows: list[tuple[str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shortcutsDialog")
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.setAccessibleName(self.tr("Keyboard shortcuts"))
        self.setAccessibleDescription(self.tr("Every keyboard shortcut of the Catalog window"))
        self.table = QTableWidget(len(rows), 2)
        self.table.setObjectName("shortcutsTable")
        self.table.setAccessibleName(self.tr("Shortcuts"))
        self.table.setAccessibleDescription(self.tr("Keys on the left, what they do on the right"))
        self.table.setHorizontalHeaderLabels([self.tr("Keys"), self.tr("Action")])
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
        buttons.setAccessibleName(self.tr("Close"))
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setAccessibleName(self.tr("Close"))
        close.setAccessibleDescription(self.tr("Close the list of shortcuts"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(560, 520)
        self.setWindowModality(Qt.WindowModality.NonModal)
