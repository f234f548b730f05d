"""The record list's header: columns the user moves, resizes, shows and hides.

Its state is saved as JSON naming the columns by key around Qt's own header state, so
a state saved by a version with other columns, or any garbage, is refused whole and the
columns stay as they were (the defaults, when the window restores at start).
"""

from __future__ import annotations

import json
from collections.abc import Sequence

from PySide6.QtCore import QByteArray, QPoint, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QHeaderView, QMenu, QWidget

from catalog.ui.record_list.columns import Column

STATE_FORMAT = "catalog.record_list.header"
STATE_VERSION = 1


class ColumnHeader(QHeaderView):
    """A horizontal header whose context menu shows and hides columns.

    Attributes:
        columns: the model's columns, by logical section.
    """

    def __init__(self, columns: Sequence[Column], parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.columns = tuple(columns)
        self.setObjectName("recordListHeader")
        self.setAccessibleName(self.tr("Record list columns"))
        self.setAccessibleDescription(self.help_text())
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._show_menu)
        self._behave()

    def help_text(self) -> str:
        """What the header does, for screen readers."""
        return self.tr(
            "Click a column to sort by it, drag it to move it, right-click to choose columns."
        )

    def show_sort_text(self, text: str) -> None:
        """Say how the list is sorted, on hover and to screen readers."""
        self.setToolTip(text)
        self.setAccessibleDescription(f"{text} {self.help_text()}")

    def apply_defaults(self) -> None:
        """Every column at its default place, width and visibility."""
        for logical, column in enumerate(self.columns):
            self.moveSection(self.visualIndex(logical), logical)
            self.setSectionHidden(logical, not column.visible)
            self.resizeSection(logical, column.width)
        self._behave()

    # ------------------------------------------------------------------ the menu

    def column_menu(self, parent: QWidget | None = None) -> QMenu:
        """A menu of the columns in their shown order, each checked while visible."""
        menu = QMenu(parent or self)
        menu.setObjectName("recordListColumnMenu")
        menu.setAccessibleName(self.tr("Columns"))
        menu.setAccessibleDescription(self.tr("Choose which columns the record list shows."))
        visible = self.visible_keys()
        for visual in range(self.count()):
            logical = self.logicalIndex(visual)
            column = self.columns[logical]
            action = QAction(column.title, menu)
            action.setObjectName(f"showColumn_{column.key}")
            action.setCheckable(True)
            action.setChecked(not self.isSectionHidden(logical))
            action.setEnabled(visible != [column.key])  # the last visible column stays
            action.setStatusTip(self.tr("Show or hide the {0} column.").format(column.title))
            action.toggled.connect(
                lambda checked, section=logical: self.setSectionHidden(section, not checked)
            )
            menu.addAction(action)
        menu.addSeparator()
        reset = QAction(self.tr("Reset Columns"), menu)
        reset.setObjectName("resetColumns")
        reset.setStatusTip(self.tr("Show the default columns in their default order and widths."))
        reset.triggered.connect(self.apply_defaults)
        menu.addAction(reset)
        return menu

    def visible_keys(self) -> list[str]:
        """Keys of the columns shown, left to right."""
        logical = [self.logicalIndex(visual) for visual in range(self.count())]
        return [self.columns[n].key for n in logical if not self.isSectionHidden(n)]

    # ------------------------------------------------------------------ state

    def save_state(self) -> QByteArray:
        """Order, widths and visibility of the columns, to keep in settings."""
        state = {
            "format": STATE_FORMAT,
            "version": STATE_VERSION,
            "columns": [column.key for column in self.columns],
            "header": bytes(self.saveState().toBase64().data()).decode("ascii"),
        }
        return QByteArray(json.dumps(state).encode("utf-8"))

    def restore_state(self, state: object) -> bool:
        """Restore a saved state; anything else (None from empty settings, say) changes
        nothing and returns False."""
        if isinstance(state, QByteArray):
            state = bytes(state.data())
        saved = _parse(bytes(state)) if isinstance(state, bytes | bytearray) else None
        keys = [column.key for column in self.columns]
        if saved is None or saved.get("columns") != keys or not isinstance(saved["header"], str):
            return False
        header = QByteArray.fromBase64(QByteArray(saved["header"].encode("ascii")))
        before = self.saveState()
        if not self.restoreState(header) or self.count() != len(keys) or not self.visible_keys():
            self.restoreState(before)
            self._behave()
            return False
        self._behave()
        return True

    # ------------------------------------------------------------------ helpers

    def _behave(self) -> None:
        """What a restored state must not undo: movable, clickable sections that fill."""
        self.setSectionsMovable(True)
        self.setSectionsClickable(True)
        self.setHighlightSections(False)
        self.setSortIndicatorShown(True)
        self.setStretchLastSection(True)
        self.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.setFirstSectionMovable(True)

    def _show_menu(self, pos: QPoint) -> None:
        menu = self.column_menu()
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.popup(self.mapToGlobal(pos))


def _parse(data: bytes) -> dict[str, object] | None:
    try:
        saved = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return None
    if (
        not isinstance(saved, dict)
        or saved.get("format") != STATE_FORMAT
        or saved.get("version") != STATE_VERSION
        or "header" not in saved
    ):
        return None
    return saved
