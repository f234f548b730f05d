"""Actions are declared once, with shortcuts, and enabled by state."""

from __future__ import annotations

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from catalog.ui.shell.actions import SPECS, ActionId, Actions


def test_shortcuts(qtbot: QtBot) -> None:
    owner = QWidget()
    qtbot.addWidget(owner)
    actions = Actions(owner)
    expected = {
        ActionId.FIND: "Ctrl+F",
        ActionId.IMPORT: "Ctrl+I",
        ActionId.EXPORT: "Ctrl+E",
        ActionId.QUIT: "Ctrl+Q",
        ActionId.CLEAR_SEARCH: "Esc",
    }
    for action_id, keys in expected.items():
        assert actions[action_id].shortcut() == QKeySequence(keys)
    assert len({spec.shortcut for spec in SPECS.values() if spec.shortcut}) == len(
        [spec for spec in SPECS.values() if spec.shortcut]
    )


def test_export_needs_records_and_nothing_writes_while_busy(qtbot: QtBot) -> None:
    owner = QWidget()
    qtbot.addWidget(owner)
    actions = Actions(owner)
    actions.update_enabled(has_records=False)
    assert not actions[ActionId.EXPORT].isEnabled()
    assert actions[ActionId.IMPORT].isEnabled()
    actions.update_enabled(has_records=True)
    assert actions[ActionId.EXPORT].isEnabled()
    actions.update_enabled(has_records=True, busy=True)
    assert not actions[ActionId.EXPORT].isEnabled()
    assert not actions[ActionId.IMPORT].isEnabled()
    assert not actions[ActionId.LOAD_SAMPLE].isEnabled()
    assert actions[ActionId.QUIT].isEnabled()
