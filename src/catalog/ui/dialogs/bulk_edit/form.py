"""The bulk edit form: which operation, its value (completed from the catalogue), or the
find and replace fields.

The form only builds the operation; it never reads or writes records. Completions are
read on the runner's read pool, the newest request winning.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QStringListModel, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from catalog.domain.records import Role
from catalog.services.editing import bulk
from catalog.services.editing.editor import Editor
from catalog.services.editing.lookups import NameOption
from catalog.ui.dialogs.bulk_edit.choices import CHOICES, REPLACE_FIELDS, ROLES, Choice
from catalog.ui.jobs.latest import LatestOnly
from catalog.ui.jobs.runner import Runner


class BulkEditForm(QWidget):
    """The controls that say what a bulk edit does.

    Signals:
        edited(): the user changed anything (a preview made before is out of date).
    """

    edited = Signal()

    def __init__(self, editor: Editor | None, runner: Runner, parent: QWidget | None = None):
        super().__init__(parent)
        self._editor = editor
        self._latest = LatestOnly(runner)
        self.operation_box = self._combo(
            "bulkOperation", self.tr("Operation"), self.tr("What to change in every record")
        )
        for choice in CHOICES:
            self.operation_box.addItem(
                QCoreApplication.translate("BulkEdit", choice.label), choice.key
            )
        self.value = self._line("bulkValue", self.tr("Value"), self.tr("The value to apply"))
        self._completions = QStringListModel(self)
        self._completer = QCompleter(self._completions, self)
        self._completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.value.setCompleter(self._completer)
        self.role = self._combo(
            "bulkRole", self.tr("Role"), self.tr("The role in each record of the name added")
        )
        for role, label in ROLES:
            self.role.addItem(QCoreApplication.translate("BulkEdit", label), role.value)
        self.field = self._combo(
            "bulkField", self.tr("Field"), self.tr("The field to find and replace text in")
        )
        for name, label in REPLACE_FIELDS:
            self.field.addItem(QCoreApplication.translate("BulkEdit", label), name.value)
        self.find_text = self._line("bulkFind", self.tr("Find"), self.tr("The text to look for"))
        self.replace_text = self._line(
            "bulkReplace", self.tr("Replace with"), self.tr("What the text found becomes")
        )
        self.regex = self._check("bulkRegex", self.tr("Regular e&xpression"))
        self.regex.setAccessibleDescription(
            self.tr(r"Find is a regular expression; the replacement may use \1 or \g<name>.")
        )
        self.case = self._check("bulkCase", self.tr("Match &case"))
        self.case.setAccessibleDescription(
            self.tr("Find only text with the same capital and small letters")
        )
        self._layout = QFormLayout(self)
        self._labels: dict[QWidget, QLabel] = {}
        for text, widget in (
            (self.tr("&Operation:"), self.operation_box),
            (self.tr("&Value:"), self.value),
            (self.tr("&Role:"), self.role),
            (self.tr("F&ield:"), self.field),
            (self.tr("&Find:"), self.find_text),
            (self.tr("Replace &with:"), self.replace_text),
        ):
            buddy = QLabel(text)
            buddy.setBuddy(widget)
            self._labels[widget] = buddy
            self._layout.addRow(buddy, widget)
        self._layout.addRow("", self.regex)
        self._layout.addRow("", self.case)
        self.operation_box.currentIndexChanged.connect(self._on_operation_changed)
        self.value.textEdited.connect(self._on_value_typed)
        for line in (self.value, self.find_text, self.replace_text):
            line.textChanged.connect(self.edited)
        for combo in (self.role, self.field):
            combo.currentIndexChanged.connect(self.edited)
        for box in (self.regex, self.case):
            box.toggled.connect(self.edited)
        self._on_operation_changed()

    # ------------------------------------------------------------------ reading

    @property
    def choice(self) -> Choice:
        """The operation chosen."""
        return CHOICES[max(self.operation_box.currentIndex(), 0)]

    def operation(self) -> bulk.BulkOp:
        """The operation as the form says it (bulk.check tells whether it can run)."""
        choice = self.choice
        if choice.build is None:
            return bulk.Replace(
                bulk.ReplaceField(str(self.field.currentData())),
                self.find_text.text(),
                self.replace_text.text(),
                regex=self.regex.isChecked(),
                case_sensitive=self.case.isChecked(),
            )
        return choice.build(self.value.text(), Role(str(self.role.currentData())))

    def select(self, key: str) -> None:
        """Choose an operation by its key (the window's menu entries use it)."""
        index = self.operation_box.findData(key)
        if index >= 0:
            self.operation_box.setCurrentIndex(index)

    # ------------------------------------------------------------------ reacting

    def _on_operation_changed(self) -> None:
        choice = self.choice
        replacing = choice.build is None
        self._show(self.value, not replacing)
        self._show(self.role, choice.roles)
        for widget in (self.field, self.find_text, self.replace_text, self.regex, self.case):
            self._show(widget, replacing)
        self.value.clear()
        self._completions.setStringList([])
        mode = QCompleter.CompletionMode
        self._completer.setCompletionMode(
            mode.UnfilteredPopupCompletion if choice.kind else mode.PopupCompletion
        )
        self._completer.setFilterMode(Qt.MatchFlag.MatchContains)
        editor, vocabulary = self._editor, choice.vocabulary
        if editor is not None and vocabulary is not None:
            self._latest.read(
                lambda: editor.vocabulary(vocabulary), self._completions.setStringList, _ignore
            )
        self.edited.emit()

    def _on_value_typed(self, text: str) -> None:
        editor, kind = self._editor, self.choice.kind
        if editor is None or kind is None or not text.strip():
            return
        self._latest.read(lambda: editor.name_options(kind, text), self._offer_names, _ignore)

    def _offer_names(self, options: list[NameOption]) -> None:
        self._completions.setStringList(list(dict.fromkeys(o.name for o in options)))
        if options and self.value.hasFocus():
            self._completer.complete()

    # ------------------------------------------------------------------ building

    def _show(self, widget: QWidget, visible: bool) -> None:
        widget.setVisible(visible)
        label = self._labels.get(widget)
        if label is not None:
            label.setVisible(visible)

    def _combo(self, name: str, accessible: str, description: str) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName(name)
        combo.setAccessibleName(accessible)
        combo.setAccessibleDescription(description)
        return combo

    def _line(self, name: str, accessible: str, description: str) -> QLineEdit:
        line = QLineEdit()
        line.setObjectName(name)
        line.setAccessibleName(accessible)
        line.setAccessibleDescription(description)
        line.setClearButtonEnabled(True)
        return line

    def _check(self, name: str, text: str) -> QCheckBox:
        box = QCheckBox(text)
        box.setObjectName(name)
        box.setAccessibleName(text.replace("&", ""))
        return box


def _ignore(_error: BaseException) -> None:
    """A completion that could not be read: the user can still type the value."""
