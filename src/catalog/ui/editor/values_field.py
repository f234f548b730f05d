"""Values from a controlled list (tags, languages, collections, document types).

The lists are open: a value typed that the catalogue does not hold yet is kept and added
to the list when the record is saved.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)


def vocabulary_completer(values: Sequence[str], parent: QWidget) -> QCompleter:
    """A completer over ``values`` that matches anywhere in a value, ignoring case."""
    completer = QCompleter(list(values), parent)
    completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    completer.setFilterMode(Qt.MatchFlag.MatchContains)
    return completer


class ValuesField(QWidget):
    """Several values of one controlled list, completed from what the catalogue holds."""

    changed = Signal()

    def __init__(self, title: str, known: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._known = {value.casefold(): value for value in known}
        self.edit = QLineEdit()
        self.setFocusProxy(self.edit)  # the label's Alt+key lands in the text (a buddy
        self.setFocusPolicy(self.edit.focusPolicy())  # without a focus policy is passed by)
        self.setAccessibleName(title)
        self.edit.setAccessibleName(title)
        self.edit.setAccessibleDescription(
            self.tr("Type a value and press Enter; one the list does not hold yet is added to it")
        )
        self.setAccessibleDescription(self.edit.accessibleDescription())
        self.edit.setPlaceholderText(self.tr("Type a value and press Enter"))
        self.edit.setCompleter(vocabulary_completer(known, self.edit))
        self.add_button = QPushButton(self.tr("Add"))
        self.add_button.setAutoDefault(False)
        self.add_button.setAccessibleName(self.tr("Add to {0}").format(title))
        self.add_button.setAccessibleDescription(self.tr("Add the value typed"))
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.setAutoDefault(False)
        self.remove_button.setAccessibleName(self.tr("Remove from {0}").format(title))
        self.remove_button.setAccessibleDescription(
            self.tr("Remove the values selected in the list")
        )
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("{0} chosen").format(title))
        self.list.setAccessibleDescription(self.tr("The values chosen for the record"))
        self.list.setFlow(QListWidget.Flow.LeftToRight)
        self.list.setWrapping(True)
        self.list.setMaximumHeight(52)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.edit, 1)
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.list)
        self.add_button.clicked.connect(self.add_typed)
        self.edit.returnPressed.connect(self.add_typed)
        self.remove_button.clicked.connect(self.remove_selected)

    def add_typed(self) -> None:
        """Add the value typed, spelled as the list spells it when it is known."""
        text = " ".join(self.edit.text().split())
        if not text:
            return
        value = self._known.get(text.casefold(), text)
        self.edit.clear()
        if value.casefold() not in {v.casefold() for v in self.values()}:
            self.list.addItem(value)
            self.changed.emit()

    def remove_selected(self) -> None:
        """Drop the selected values."""
        for item in self.list.selectedItems():
            self.list.takeItem(self.list.row(item))
        self.changed.emit()

    def set_values(self, values: Sequence[str]) -> None:
        """Show a record's values."""
        self.list.clear()
        self.list.addItems(list(values))

    def values(self) -> tuple[str, ...]:
        """The values chosen, in order."""
        return tuple(self.list.item(i).text() for i in range(self.list.count()))


class VocabularyCombo(QComboBox):
    """One value of an open list (the document type): pick one, or type a new one."""

    def __init__(self, title: str, known: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setAccessibleName(title)
        about = self.tr("Pick a value from the list or type a new one")
        self.setAccessibleDescription(about)
        line = self.lineEdit()
        if line is not None:  # the line that takes the focus speaks for the box
            line.setAccessibleName(title)
            line.setAccessibleDescription(about)
        self.addItem("")
        self.addItems(list(known))
        self.setCompleter(vocabulary_completer(known, self))

    def value(self) -> str:
        """The value shown, as typed."""
        return " ".join(self.currentText().split())

    def set_value(self, value: str) -> None:
        """Show a record's value (kept even when the list does not hold it)."""
        self.setCurrentText(value)
