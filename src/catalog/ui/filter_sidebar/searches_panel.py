"""The sidebar's saved and recent searches: apply one, save, rename or delete.

Activating an entry (click, Enter) asks for its query to be searched. Saved searches are
renamed with F2 and deleted with Delete, or from their context menu; names are asked for
with a small input dialog. The list is only as tall as its entries, so the facets below
keep the room.
"""

from __future__ import annotations

from PySide6.QtCore import QChildEvent, QEvent, QModelIndex, QObject, QPoint, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QInputDialog,
    QLineEdit,
    QMenu,
    QVBoxLayout,
    QWidget,
)

from catalog.ui.dialogs import messages
from catalog.ui.filter_sidebar.saved_searches import SavedSearches
from catalog.ui.filter_sidebar.searches_model import KIND_ROLE, QUERY_ROLE, SAVED, SearchesModel
from catalog.ui.filter_sidebar.value_view import ValueView

MAX_ROWS = 12
NAME_CHARS = 60


class SearchesPanel(QWidget):
    """Saved and recent searches under the search box; hidden while there are none.

    Signals:
        query_chosen(str): the user activated a search; its query should be searched.
    """

    query_chosen = Signal(str)

    def __init__(self, searches: SavedSearches, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("searchesPanel")
        self.searches = searches
        self.model = SearchesModel(searches, self)
        self.view = ValueView()
        self.view.setObjectName("searchesView")
        self.view.setModel(self.model)
        self.view.setHeaderHidden(True)
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # elided
        self.view.setAccessibleName(self.tr("Saved and recent searches"))
        self.view.setAccessibleDescription(
            self.tr("Enter or click searches again; F2 renames and Delete deletes a saved search")
        )
        self.rename_action = self._action(self.tr("&Rename…"), "F2", self._rename_current)
        self.delete_action = self._action(
            self.tr("&Delete"), QKeySequence.StandardKey.Delete, self._delete
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        self.menu: QMenu | None = None
        self._collapsed: set[str] = set()
        self.view.chosen.connect(self._on_chosen)
        self.view.menu_requested.connect(self._show_menu)
        self.view.expanded.connect(lambda index: self._on_folded(index, True))
        self.view.collapsed.connect(lambda index: self._on_folded(index, False))
        self.model.modelReset.connect(self._restore)
        self._restore()

    # ------------------------------------------------------------------ public

    def save(self, query: str) -> bool:
        """Ask for a name and save ``query`` under it; False if there is nothing saved."""
        query = query.strip()
        if not query:
            return False
        suggested = self.searches.name_for(query) or query[:NAME_CHARS]
        name, ok = QInputDialog.getText(
            self,
            self.tr("Save search"),
            self.tr("Name of this search:"),
            QLineEdit.EchoMode.Normal,
            suggested,
        )
        if not ok or not name.strip():
            return False
        self.searches.save(name, query)
        return True

    def rename(self, name: str) -> bool:
        """Ask for a new name for a saved search; False if it was not renamed."""
        new, ok = QInputDialog.getText(
            self,
            self.tr("Rename saved search"),
            self.tr("New name:"),
            QLineEdit.EchoMode.Normal,
            name,
        )
        if not ok or not new.strip() or new.strip() == name:
            return False
        if self.searches.rename(name, new):
            return True
        messages.show_error(
            self,
            self.tr("Rename saved search"),
            self.tr('There is already a saved search named "{0}".').format(new.strip()),
        )
        return False

    # ------------------------------------------------------------------ events

    def childEvent(self, event: QChildEvent) -> None:  # noqa: N802
        """Watch the name dialogs opened on this panel, to describe their controls."""
        if event.type() == QEvent.Type.ChildPolished and isinstance(event.child(), QInputDialog):
            event.child().installEventFilter(self)
        super().childEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        """A name dialog about to show gets accessible descriptions for its controls."""
        if isinstance(watched, QInputDialog) and event.type() == QEvent.Type.Show:
            self._describe(watched)
        return super().eventFilter(watched, event)

    def _describe(self, dialog: QInputDialog) -> None:
        edit = dialog.findChild(QLineEdit)
        if edit is not None:
            edit.setAccessibleDescription(self.tr("The name the search is listed under"))
        box = dialog.findChild(QDialogButtonBox)
        if box is None:
            return
        for standard, description in (
            (QDialogButtonBox.StandardButton.Ok, self.tr("Uses this name")),
            (QDialogButtonBox.StandardButton.Cancel, self.tr("Closes without changing anything")),
        ):
            button = box.button(standard)
            if button is not None:
                button.setAccessibleDescription(description)

    # ------------------------------------------------------------------ slots

    def _action(self, text: str, keys: str | QKeySequence.StandardKey, slot: object) -> QAction:
        action = QAction(text, self.view)
        action.setShortcut(QKeySequence(keys))
        action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        action.triggered.connect(slot)
        self.view.addAction(action)
        return action

    def _current_saved(self) -> str | None:
        current = self.view.currentIndex()
        if current.isValid() and current.parent().isValid() and current.data(KIND_ROLE) == SAVED:
            return str(current.data())
        return None

    def _rename_current(self) -> None:
        name = self._current_saved()
        if name is not None:
            self.rename(name)

    def _delete(self) -> None:
        name = self._current_saved()
        if name is not None:
            self.searches.delete(name)

    def _on_chosen(self, index: QModelIndex, _exclude: bool) -> None:
        if index.parent().isValid():
            self.query_chosen.emit(str(index.data(QUERY_ROLE)))
        else:
            self.view.setExpanded(index, not self.view.isExpanded(index))

    def _show_menu(self, index: QModelIndex, where: QPoint) -> None:
        if not index.parent().isValid():
            return
        self.view.setCurrentIndex(index)
        query = str(index.data(QUERY_ROLE))
        if self.menu is not None:
            self.menu.deleteLater()
        menu = self.menu = QMenu(self)
        menu.setObjectName("searchMenu")
        menu.setAccessibleName(self.tr("Search actions"))
        search = menu.addAction(self.tr("&Search"))
        search.triggered.connect(lambda: self.query_chosen.emit(query))
        if index.data(KIND_ROLE) == SAVED:
            menu.addActions([self.rename_action, self.delete_action])
        else:
            menu.addAction(self.tr("Sa&ve…")).triggered.connect(lambda: self.save(query))
            clear = menu.addAction(self.tr("&Clear recent searches"))
            clear.triggered.connect(self.searches.clear_recent)
        menu.popup(where)

    def _on_folded(self, index: QModelIndex, expanded: bool) -> None:
        kind = str(index.data(KIND_ROLE))
        if expanded:
            self._collapsed.discard(kind)
        else:
            self._collapsed.add(kind)
        self._fit()

    def _restore(self) -> None:
        """After a reload: the groups folded as the user left them, the height to fit."""
        for row in range(self.model.rowCount()):
            group = self.model.index(row, 0)
            self.view.setExpanded(group, str(group.data(KIND_ROLE)) not in self._collapsed)
        self._fit()

    def _fit(self) -> None:
        rows = 0
        for row in range(self.model.rowCount()):
            group = self.model.index(row, 0)
            rows += 1 + (self.model.rowCount(group) if self.view.isExpanded(group) else 0)
        if rows == 0:
            self.hide()
        elif self.parentWidget() is not None:
            self.show()  # (never as a window of its own before it is placed)
        row_height = self.view.sizeHintForRow(0)
        if row_height <= 0:
            row_height = self.view.fontMetrics().height() + 4
        frame = 2 * self.view.frameWidth()
        self.view.setFixedHeight(min(rows, MAX_ROWS) * row_height + frame)
