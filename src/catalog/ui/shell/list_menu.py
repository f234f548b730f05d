"""The record list's context menu: what can be done to the records under the pointer.

A right click on a record that is not selected selects it first (as file managers do),
so the menu always acts on what the list shows as selected.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QPoint, Qt
from PySide6.QtWidgets import QMenu

from catalog.ui.record_list.widget import RecordList
from catalog.ui.shell.actions import ActionId, Actions

MENU = (
    ActionId.EDIT_RECORD,
    ActionId.BULK_EDIT,
    ActionId.SUGGEST_NAMES,
    None,
    ActionId.COPY_CITATION,
    ActionId.COPY_CITATION_NOTE,
    ActionId.COPY_CITATION_BIBLIOGRAPHY,
    None,
    ActionId.EXPORT_SELECTION,
    None,
    ActionId.DELETE_RECORDS,
)


def install(records: RecordList, actions: Actions) -> None:
    """Give the list its context menu (right click, the Menu key or Shift+F10)."""
    records.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
    records.customContextMenuRequested.connect(lambda at: _show(records, actions, at))


def build(records: RecordList, actions: Actions) -> QMenu:
    """The menu, its actions enabled as in the window's menus."""
    menu = QMenu(records)
    menu.setObjectName("recordListMenu")
    for action_id in MENU:
        if action_id is None:
            menu.addSeparator()
        else:
            menu.addAction(actions[action_id])
    return menu


def _show(records: RecordList, actions: Actions, at: QPoint) -> None:
    index = records.indexAt(at)
    selection = records.selectionModel()
    if index.isValid() and not selection.isRowSelected(index.row(), index.parent()):
        flags = (
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows
        )
        selection.setCurrentIndex(index, flags)
    if not selection.hasSelection():
        return
    menu = build(records, actions)
    # popup, not exec: no nested event loop; the menu goes once it has closed (its
    # action has been triggered by then).
    menu.aboutToHide.connect(menu.deleteLater)
    menu.popup(records.viewport().mapToGlobal(at))
