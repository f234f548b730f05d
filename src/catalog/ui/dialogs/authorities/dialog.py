"""The name-authority manager: persons, organisations, places, subjects and repositories.

Each button is one change through :class:`AuthorityEditor` (one step to undo). Changes
pass the version the list showed, so a name changed meanwhile by someone else is
refused with a message, and the list is read again. ``changed`` carries each
ChangeSet so the window can refresh its list, facets and detail pane.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import QItemSelectionModel, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTabBar,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from catalog.domain.changes import ChangeSet
from catalog.domain.errors import CatalogError
from catalog.domain.records import AuthorityKind
from catalog.services.editing.authorities import AuthorityEditor, AuthorityRow
from catalog.services.editing.editor import Editor
from catalog.ui.dialogs import messages
from catalog.ui.dialogs.authorities.model import AuthorityTableModel
from catalog.ui.dialogs.authorities.prompts import (
    MergeDialog,
    NameDialog,
    SplitDialog,
    VariantsDialog,
)


class EditorHolder(Protocol):
    """What the dialogs need of the catalogue service: its editor."""

    @property
    def editor(self) -> Editor | None:
        """None for a catalogue this window may not change."""
        ...


def editor_of(service: EditorHolder) -> Editor:
    """The service's editor; ValueError for a read-only catalogue (callers check first)."""
    editor = service.editor
    if editor is None:
        raise ValueError("This catalogue is open read-only: its names cannot be changed.")
    return editor


class AuthoritiesDialog(QDialog):
    """Lists the authorities of one kind with their record counts, and changes them."""

    changed = Signal(object)
    """A ChangeSet, after every change made here."""

    KINDS = tuple(AuthorityKind)

    def __init__(self, service: EditorHolder, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.authorities = AuthorityEditor(editor_of(service))
        self.setObjectName("authoritiesDialog")
        self.setWindowTitle(self.tr("Names"))
        self.setAccessibleName(self.tr("Name authorities"))
        self.resize(720, 520)

        self.tabs = QTabBar()
        self.tabs.setObjectName("authorityKinds")
        self.tabs.setAccessibleName(self.tr("Kind of name"))
        self.tabs.setAccessibleDescription(
            self.tr("Which kind of name is listed; the arrow keys switch between the kinds")
        )
        labels = {
            AuthorityKind.PERSON: self.tr("&Persons"),
            AuthorityKind.ORGANISATION: self.tr("&Organisations"),
            AuthorityKind.PLACE: self.tr("P&laces"),
            AuthorityKind.SUBJECT: self.tr("S&ubjects"),
            AuthorityKind.REPOSITORY: self.tr("Repositor&ies"),
        }
        about = {
            AuthorityKind.PERSON: self.tr("Names of persons"),
            AuthorityKind.ORGANISATION: self.tr("Names of organisations"),
            AuthorityKind.PLACE: self.tr("Names of places"),
            AuthorityKind.SUBJECT: self.tr("Subject headings"),
            AuthorityKind.REPOSITORY: self.tr("Archives holding the originals"),
        }
        for kind in self.KINDS:
            index = self.tabs.addTab(labels[kind])
            self.tabs.setTabToolTip(index, about[kind])  # the tab's accessible description
        self.filter = QLineEdit()
        self.filter.setObjectName("authorityFilter")
        self.filter.setAccessibleName(self.tr("Filter names"))
        self.filter.setAccessibleDescription(
            self.tr("List only the names with a form containing the text typed")
        )
        self.filter.setPlaceholderText(self.tr("Filter: any form of the name, in any script"))
        self.filter.setClearButtonEnabled(True)
        self.model = AuthorityTableModel(self)
        self.table = QTableView()
        self.table.setObjectName("authorityTable")
        self.table.setAccessibleName(self.tr("Names and their record counts"))
        self.table.setAccessibleDescription(
            self.tr("Select a name to change it; Enter or a double click edits its variants")
        )
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)

        self.new_button = self._button("authorityNew", self.tr("&New…"), self._new)
        self.new_button.setAccessibleDescription(self.tr("Add a name of the kind listed"))
        self.rename_button = self._button("authorityRename", self.tr("&Rename…"), self._rename)
        self.rename_button.setAccessibleDescription(
            self.tr("Change the authorised form; the old one stays as a variant")
        )
        self.variants_button = self._button(
            "authorityVariants", self.tr("&Variants…"), self._variants
        )
        self.variants_button.setAccessibleDescription(
            self.tr("Edit the other forms of the selected name, in any script")
        )
        self.merge_button = self._button("authorityMerge", self.tr("&Merge into…"), self._merge)
        self.merge_button.setAccessibleDescription(
            self.tr("Merge the selected name and its records into another name")
        )
        self.split_button = self._button("authoritySplit", self.tr("&Split…"), self._split)
        self.split_button.setAccessibleDescription(
            self.tr("Move some forms and records of the selected name to a new name")
        )
        self.delete_button = self._button("authorityDelete", self.tr("&Delete"), self._delete)
        self.delete_button.setAccessibleDescription(
            self.tr("Delete the selected name; only a name no record uses can be deleted")
        )
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close_button = close.button(QDialogButtonBox.StandardButton.Close)
        close_button.setAccessibleName(self.tr("Close"))
        close_button.setAccessibleDescription(self.tr("Close the name manager"))
        close.rejected.connect(self.reject)

        buttons = QVBoxLayout()
        for button in (
            self.new_button,
            self.rename_button,
            self.variants_button,
            self.merge_button,
            self.split_button,
            self.delete_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)
        middle = QHBoxLayout()
        middle.addWidget(self.table, 1)
        middle.addLayout(buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(self.filter)
        layout.addLayout(middle, 1)
        layout.addWidget(close)

        self.tabs.currentChanged.connect(lambda _index: self.reload())
        self.filter.textChanged.connect(lambda _text: self.reload())
        self.table.doubleClicked.connect(lambda _index: self._variants())
        for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):  # the double click's keyboard twin
            edit = QShortcut(
                QKeySequence(key), self.table, context=Qt.ShortcutContext.WidgetShortcut
            )
            edit.activated.connect(self._variants)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.reload()

    # ------------------------------------------------------------------ state

    @property
    def kind(self) -> AuthorityKind:
        """The kind of name listed."""
        return self.KINDS[max(0, self.tabs.currentIndex())]

    def current(self) -> AuthorityRow | None:
        """The authority selected."""
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def reload(self, select: int | None = None) -> None:
        """Read the list again, keeping (or moving) the selection."""
        if select is None:
            chosen = self.current()
            select = chosen.id if chosen else None
        try:
            rows = self.authorities.list(self.kind, self.filter.text())
        except CatalogError as error:
            messages.show_error(self, self.tr("Names"), error)
            rows = []
        self.model.set_rows(rows)
        row = self.model.row_of(select) if select is not None else -1
        if row >= 0:
            self.table.selectionModel().select(
                self.model.index(row, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
            self.table.scrollTo(self.model.index(row, 0))
        self._update_buttons()

    def _update_buttons(self) -> None:
        row = self.current()
        for button in (
            self.rename_button,
            self.variants_button,
            self.merge_button,
            self.split_button,
        ):
            button.setEnabled(row is not None)
        self.delete_button.setEnabled(row is not None and row.records == 0)

    def _button(self, name: str, text: str, slot: Callable[[], None]) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.setAccessibleName(text.replace("&", "").rstrip("…"))
        button.setAutoDefault(False)
        button.clicked.connect(slot)
        return button

    def _run(self, doing: str, change: Callable[[], ChangeSet], select: int | None = None) -> None:
        """Make a change; report a refusal; read the list again either way."""
        try:
            changes = change()
        except CatalogError as error:
            messages.show_error(self, doing, error)
            self.reload()
            return
        self.reload(select)
        if not changes.empty:
            self.changed.emit(changes)

    # ------------------------------------------------------------------ actions

    def _new(self) -> None:
        dialog = NameDialog(self.tr("New name"), self.tr("Authorised form of the name:"), "", self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        made: list[int] = []

        def create() -> ChangeSet:
            aid, changes = self.authorities.create(self.kind, dialog.name())
            made.append(aid)
            return changes

        self.filter.clear()
        self._run(self.tr("Could not add the name"), create)
        if made:
            self.reload(made[0])

    def _rename(self) -> None:
        row = self.current()
        if row is None:
            return
        dialog = NameDialog(
            self.tr("Rename"),
            self.tr("New authorised form (“{0}” stays as a variant):").format(row.name),
            row.name,
            self,
        )
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self._run(
                self.tr("Could not rename"),
                lambda: self.authorities.rename(row.id, dialog.name(), row.version),
                row.id,
            )

    def _variants(self) -> None:
        row = self.current()
        if row is None:
            return
        dialog = VariantsDialog(row.name, row.variants, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self._run(
                self.tr("Could not change the variants"),
                lambda: self.authorities.set_variants(row.id, dialog.variants(), row.version),
                row.id,
            )

    def _merge(self) -> None:
        row = self.current()
        if row is None:
            return
        kind = self.kind
        dialog = MergeDialog(row, lambda text: self.authorities.list(kind, text), self)
        keep = dialog.chosen() if dialog.exec() == QDialog.DialogCode.Accepted else None
        if keep is not None:
            self._run(
                self.tr("Could not merge"),
                lambda: self.authorities.merge(keep.id, row.id, keep.version, row.version),
                keep.id,
            )

    def _split(self) -> None:
        row = self.current()
        if row is None:
            return
        dialog = SplitDialog(row, self.authorities.records_of(row.id), self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        made: list[int] = []

        def split() -> ChangeSet:
            aid, changes = self.authorities.split(
                row.id,
                dialog.name(),
                dialog.chosen_variants(),
                dialog.chosen_records(),
                row.version,
            )
            made.append(aid)
            return changes

        self._run(self.tr("Could not split"), split, row.id)
        if made:
            self.reload(made[0])

    def _delete(self) -> None:
        row = self.current()
        if row is not None and row.records == 0:
            self._run(
                self.tr("Could not delete"),
                lambda: self.authorities.delete(row.id, row.version),
            )

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        """Return (typed in the filter) does not close the manager."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            return
        super().keyPressEvent(event)
