"""Help → Keyboard shortcuts lists every menu shortcut and the keys that belong to a pane."""

from __future__ import annotations

from PySide6.QtGui import QKeySequence
from pytestqt.qtbot import QtBot

from catalog.ui.dialogs.shortcuts import ShortcutsDialog, shortcut_rows
from catalog.ui.record_list.widget import COLUMNS_SHORTCUT
from catalog.ui.shell.actions import SPECS, shortcut_specs


def native(keys: str) -> str:
    return QKeySequence(keys).toString(QKeySequence.SequenceFormat.NativeText)


def test_every_menu_shortcut_is_listed_with_its_words() -> None:
    rows = dict(shortcut_rows(shortcut_specs()))
    for spec in SPECS.values():
        if spec.shortcut:
            assert native(spec.shortcut) in rows, spec.shortcut
    assert rows[native("Ctrl+,")] == "Preferences"


def test_the_keys_of_the_panes_are_listed_too(qtbot: QtBot) -> None:
    rows = shortcut_rows(shortcut_specs())
    keys = " ".join(key for key, _ in rows)
    assert COLUMNS_SHORTCUT in keys  # the record list's columns and sorting menu
    assert "Ctrl+Alt+N" in keys  # a note on the record in the detail pane
    assert "Menu key" in keys
    dialog = ShortcutsDialog(rows)
    qtbot.addWidget(dialog)
    shown = [dialog.table.item(row, 0).text() for row in range(dialog.table.rowCount())]
    assert shown == [key for key, _ in rows]
