"""Suggested links: known names found in the selected records' titles and summaries.

Every suggestion starts checked; "Link selected" adds the checked ones as one step to
undo and emits ``changed`` with its ChangeSet.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from catalog.domain.errors import CatalogError
from catalog.domain.records import AuthorityKind
from catalog.services.editing.suggestions import Suggestion, accept, suggest, titles
from catalog.ui.dialogs import messages
from catalog.ui.dialogs.authorities.dialog import EditorHolder, editor_of
from catalog.ui.translation import QT_TRANSLATE_NOOP

Index = QModelIndex | QPersistentModelIndex
RECORD, NAME, FOUND, KIND = range(4)

KIND_WORDS: dict[AuthorityKind, str] = {
    AuthorityKind.PERSON: QT_TRANSLATE_NOOP("SuggestionModel", "person"),
    AuthorityKind.ORGANISATION: QT_TRANSLATE_NOOP("SuggestionModel", "organisation"),
    AuthorityKind.PLACE: QT_TRANSLATE_NOOP("SuggestionModel", "place"),
    AuthorityKind.SUBJECT: QT_TRANSLATE_NOOP("SuggestionModel", "subject"),
    AuthorityKind.REPOSITORY: QT_TRANSLATE_NOOP("SuggestionModel", "repository"),
}
"""The Kind column's words."""


class SuggestionModel(QAbstractTableModel):
    """One checkable row per suggestion: record, name, the form found, kind."""

    def __init__(
        self,
        suggestions: Sequence[Suggestion],
        record_titles: dict[int, str],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._rows = list(suggestions)
        self._checked = [True] * len(self._rows)
        self._titles = record_titles
        self._headers = (self.tr("Record"), self.tr("Name"), self.tr("Found as"), self.tr("Kind"))

    def checked(self) -> list[Suggestion]:
        """The suggestions still checked."""
        return [s for s, on in zip(self._rows, self._checked, strict=True) if on]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else 4

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        item = self._rows[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if column == RECORD:
                return f"#{item.record_id} {self._titles.get(item.record_id, '')}".strip()
            if column == NAME:
                return item.name
            if column == FOUND:
                return item.matched
            if column == KIND:
                word = KIND_WORDS.get(item.kind, item.kind.value)
                return QCoreApplication.translate("SuggestionModel", word)
        if role == Qt.ItemDataRole.CheckStateRole and column == RECORD:
            on = self._checked[index.row()]
            return Qt.CheckState.Checked if on else Qt.CheckState.Unchecked
        return None

    def setData(  # noqa: N802
        self, index: Index, value: object, role: int = Qt.ItemDataRole.EditRole
    ) -> bool:
        if (
            role != Qt.ItemDataRole.CheckStateRole
            or not index.isValid()
            or index.column() != RECORD
            or not 0 <= index.row() < len(self._rows)
        ):
            return False
        state = value.value if isinstance(value, Qt.CheckState) else value
        self._checked[index.row()] = state == Qt.CheckState.Checked.value
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        return True

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(self._headers)
        ):
            return self._headers[section]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == RECORD:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags


class SuggestionsDialog(QDialog):
    """Names found in the records' text, offered as links to accept in one click."""

    changed = Signal(object)
    """The ChangeSet of the links added."""

    def __init__(
        self, service: EditorHolder, record_ids: Sequence[int], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.editor = editor_of(service)
        self.setObjectName("suggestionsDialog")
        self.setWindowTitle(self.tr("Suggested names"))
        self.setAccessibleName(self.tr("Suggested names"))
        self.resize(720, 420)
        found = suggest(self.editor.db, record_ids)
        self.model = SuggestionModel(found, titles(self.editor.db, [s.record_id for s in found]))
        self.model.setParent(self)
        self.summary = QLabel()
        self.summary.setObjectName("suggestionsSummary")
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setAccessibleName(self.tr("How many names were found"))
        self.summary.setText(
            self.tr(
                "%n name(s) found in the text of the records; uncheck any that are wrong.",
                "",
                len(found),
            )
            if found
            else self.tr("No known name was found in the text of these records.")
        )
        self.table = QTableView()
        self.table.setObjectName("suggestionsTable")
        self.table.setAccessibleName(self.tr("Suggested links"))
        self.table.setAccessibleDescription(
            self.tr("Each name found in a record; Space unchecks a wrong one")
        )
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        cancel = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setAccessibleName(self.tr("Cancel"))
        cancel.setAccessibleDescription(self.tr("Close without linking any name"))
        self.link_button = QPushButton(self.tr("&Link selected"))
        self.link_button.setObjectName("suggestionsLink")
        self.link_button.setAccessibleName(self.tr("Link selected"))
        self.link_button.setAccessibleDescription(
            self.tr("Link the names checked to their records, as one step to undo")
        )
        buttons.addButton(self.link_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.link_button.clicked.connect(self._link)
        buttons.rejected.connect(self.reject)
        self.model.dataChanged.connect(self._update)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self._update()

    def _update(self) -> None:
        self.link_button.setEnabled(bool(self.model.checked()))

    def _link(self) -> None:
        try:
            changes = accept(self.editor, self.model.checked())
        except CatalogError as error:
            messages.show_error(self, self.tr("Could not link the names"), error)
            return
        if not changes.empty:
            self.changed.emit(changes)
        self.accept()
