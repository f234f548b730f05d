"""Names picked from the authorities, completed over every variant in any script.

Completion asks the catalogue on each keystroke (it matches folded variants, which Qt's
own filtering cannot), so the popup shows the catalogue's list unfiltered. A name that
matches nothing is added as typed and becomes a new authority when the record is saved.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QStringListModel, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from catalog.domain.drafts import NameChoice
from catalog.domain.names import name_key
from catalog.domain.records import AuthorityKind, Role
from catalog.services.editing.editor import Editor
from catalog.services.editing.lookups import NameOption
from catalog.ui.translation import QT_TRANSLATE_NOOP

PERSON_ROLES = (Role.AUTHOR, Role.RECIPIENT, Role.MENTIONED)

ROLE_CHOICES: dict[Role, str] = {
    Role.AUTHOR: QT_TRANSLATE_NOOP("NamesField", "Author"),
    Role.RECIPIENT: QT_TRANSLATE_NOOP("NamesField", "Recipient"),
    Role.MENTIONED: QT_TRANSLATE_NOOP("NamesField", "Mentioned"),
}
"""The person roles as the role list offers them."""

ROLE_WORDS: dict[Role, str] = {
    Role.AUTHOR: QT_TRANSLATE_NOOP("NamesField", "author"),
    Role.RECIPIENT: QT_TRANSLATE_NOOP("NamesField", "recipient"),
    Role.MENTIONED: QT_TRANSLATE_NOOP("NamesField", "mentioned"),
    Role.SUBJECT: QT_TRANSLATE_NOOP("NamesField", "subject"),
    Role.ARCHIVE: QT_TRANSLATE_NOOP("NamesField", "archive"),
}
"""A linked name's role as its line in the list names it."""

KIND_WORDS: dict[AuthorityKind, str] = {
    AuthorityKind.PERSON: QT_TRANSLATE_NOOP("NamesField", "person"),
    AuthorityKind.ORGANISATION: QT_TRANSLATE_NOOP("NamesField", "organisation"),
    AuthorityKind.PLACE: QT_TRANSLATE_NOOP("NamesField", "place"),
    AuthorityKind.SUBJECT: QT_TRANSLATE_NOOP("NamesField", "subject"),
    AuthorityKind.REPOSITORY: QT_TRANSLATE_NOOP("NamesField", "repository"),
}
"""A kind of name in running text."""


def role_word(role: Role) -> str:
    """A role in running text, translated ("author")."""
    return QCoreApplication.translate("NamesField", ROLE_WORDS.get(role, role.value))


def kind_word(kind: AuthorityKind) -> str:
    """A kind of name in running text, translated ("person")."""
    return QCoreApplication.translate("NamesField", KIND_WORDS.get(kind, kind.value))


class NameCompleter(QCompleter):
    """Completes a line edit with the authorities of one kind matching what is typed."""

    def __init__(self, editor: Editor, kind: AuthorityKind, edit: QLineEdit) -> None:
        super().__init__(edit)
        self.editor = editor
        self.kind = kind
        self.options: dict[str, NameOption] = {}
        self._model = QStringListModel(self)
        self.setModel(self._model)
        self.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        edit.setCompleter(self)
        edit.textEdited.connect(self.lookup)

    def lookup(self, typed: str) -> None:
        """Offer the authorities matching ``typed``."""
        found = self.editor.name_options(self.kind, typed) if typed.strip() else []
        self.options = {option.label: option for option in found}
        self._model.setStringList(list(self.options))
        if found:
            self.complete()

    def option_for(self, text: str) -> NameOption | None:
        """The authority ``text`` names: a label picked, or a variant typed in full."""
        text = " ".join(text.split())
        if text in self.options:
            return self.options[text]
        key = name_key(text)
        if not key:
            return None
        for option in self.editor.name_options(self.kind, text):
            if key in (name_key(option.matched), name_key(option.name)):
                return option
        return None


class NamesField(QWidget):
    """The authorities of one kind linked to the record, with a role for people."""

    changed = Signal()

    def __init__(
        self, editor: Editor, kind: AuthorityKind, title: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.kind = kind
        self.edit = QLineEdit()
        self.edit.setObjectName(f"editorNames-{kind.value}")
        self.edit.setPlaceholderText(self.tr("Type a name; pick one or add it as new"))
        self.edit.setAccessibleName(title)
        self.edit.setAccessibleDescription(
            self.tr("Type a name and press Enter: a known name is linked, a new one is added")
        )
        self.completer = NameCompleter(editor, kind, self.edit)
        self.role = QComboBox()
        self.role.setAccessibleName(self.tr("Role of {0}").format(title))
        self.role.setAccessibleDescription(self.tr("The role in the record of the name added"))
        for role in PERSON_ROLES:
            label = ROLE_CHOICES[role]
            self.role.addItem(QCoreApplication.translate("NamesField", label), role)
        self.role.setCurrentIndex(PERSON_ROLES.index(Role.MENTIONED))
        self.role.setVisible(kind is AuthorityKind.PERSON)
        self.add_button = QPushButton(self.tr("Add"))
        self.add_button.setAutoDefault(False)
        self.add_button.setAccessibleName(self.tr("Add to {0}").format(title))
        self.add_button.setAccessibleDescription(self.tr("Link the name typed to the record"))
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.setAutoDefault(False)
        self.remove_button.setAccessibleName(self.tr("Remove from {0}").format(title))
        self.remove_button.setAccessibleDescription(
            self.tr("Unlink the names selected in the list")
        )
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("{0} linked").format(title))
        self.list.setAccessibleDescription(self.tr("The names of this kind linked to the record"))
        self.list.setMaximumHeight(90)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.edit, 1)
        row.addWidget(self.role)
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
        """Link the name in the line: the existing authority it names, else a new one."""
        text = " ".join(self.edit.text().split())
        if not text:
            return
        option = self.completer.option_for(text)
        person = self.kind is AuthorityKind.PERSON
        role = Role(self.role.currentData()) if person else Role.MENTIONED
        if option is not None:
            choice = NameChoice(self.kind, option.name, role, option.authority_id)
        else:
            choice = NameChoice(self.kind, text, role, None)
        self.edit.clear()
        if choice not in self.choices():
            self._append(choice)
            self.changed.emit()

    def remove_selected(self) -> None:
        """Unlink the selected names."""
        for item in self.list.selectedItems():
            self.list.takeItem(self.list.row(item))
        self.changed.emit()

    def set_choices(self, choices: tuple[NameChoice, ...]) -> None:
        """Show the names linked to a record."""
        self.list.clear()
        for choice in choices:
            if choice.kind is self.kind:
                self._append(choice)

    def choices(self) -> tuple[NameChoice, ...]:
        """The names linked, in order."""
        return tuple(
            self.list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.list.count())
        )

    def _append(self, choice: NameChoice) -> None:
        text = (
            choice.name
            if choice.authority_id is not None
            else self.tr("{0} (new)").format(choice.name)
        )
        if self.kind is AuthorityKind.PERSON:
            text = f"{text} — {role_word(choice.role)}"
        item = QListWidgetItem(text)
        item.setData(Qt.ItemDataRole.UserRole, choice)
        self.list.addItem(item)
