"""The small dialogs the manager opens: a name, the list of variants, merge, split.

Each one only collects what the archivist chose; the manager makes the change, so a
refused change (a name taken, a conflict) is reported in one place.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication, QItemSelectionModel, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from catalog.services.editing.authorities import AuthorityRow


def _buttons(dialog: QDialog, ok_text: str, ok_about: str) -> tuple[QDialogButtonBox, QPushButton]:
    box = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    ok = box.button(QDialogButtonBox.StandardButton.Ok)
    ok.setText(ok_text)
    ok.setAccessibleName(ok_text.replace("&", ""))
    ok.setAccessibleDescription(ok_about)
    cancel = box.button(QDialogButtonBox.StandardButton.Cancel)
    cancel.setAccessibleName(QCoreApplication.translate("AuthorityPrompts", "Cancel"))
    cancel.setAccessibleDescription(
        QCoreApplication.translate("AuthorityPrompts", "Close without changing anything")
    )
    box.accepted.connect(dialog.accept)
    box.rejected.connect(dialog.reject)
    return box, ok


def _label(text: str) -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setAccessibleName(text)
    return label


def _checkable(widget: QListWidget, texts: Sequence[tuple[str, object]], checked: bool) -> None:
    for text, data in texts:
        item = QListWidgetItem(text)
        item.setData(Qt.ItemDataRole.UserRole, data)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        widget.addItem(item)


def _checked(widget: QListWidget) -> list[object]:
    items = (widget.item(i) for i in range(widget.count()))
    return [
        item.data(Qt.ItemDataRole.UserRole)
        for item in items
        if item.checkState() == Qt.CheckState.Checked
    ]


class NameDialog(QDialog):
    """One name to type (New…, Rename…); OK only while it is not blank."""

    def __init__(self, title: str, prompt: str, text: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("authorityNameDialog")
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.edit = QLineEdit(text)
        self.edit.setObjectName("authorityName")
        self.edit.setAccessibleName(self.tr("Name"))
        self.edit.setAccessibleDescription(prompt)
        box, self.ok = _buttons(self, self.tr("OK"), self.tr("Use the name typed"))
        self.edit.textChanged.connect(lambda typed: self.ok.setEnabled(bool(typed.strip())))
        self.ok.setEnabled(bool(text.strip()))
        layout = QVBoxLayout(self)
        layout.addWidget(_label(prompt))
        layout.addWidget(self.edit)
        layout.addWidget(box)

    def name(self) -> str:
        """The name typed, spaces tidied."""
        return " ".join(self.edit.text().split())


class VariantsDialog(QDialog):
    """The other forms of a name, in any script: add one, remove the selected."""

    def __init__(self, name: str, variants: Sequence[str], parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("authorityVariantsDialog")
        self.setWindowTitle(self.tr("Variants of “{0}”").format(name))
        self.setAccessibleName(self.tr("Name variants"))
        self.list = QListWidget()
        self.list.setObjectName("authorityVariantList")
        self.list.setAccessibleName(self.tr("Other forms of the name"))
        self.list.setAccessibleDescription(self.tr("Select a form to remove it"))
        self.list.addItems(list(variants))
        self.edit = QLineEdit()
        self.edit.setObjectName("authorityVariantNew")
        self.edit.setAccessibleName(self.tr("New variant"))
        self.edit.setAccessibleDescription(self.tr("Type another form and press Enter to add it"))
        self.edit.setPlaceholderText(self.tr("Another form, in any script"))
        self.add_button = QPushButton(self.tr("&Add"))
        self.add_button.setAccessibleName(self.tr("Add variant"))
        self.add_button.setAccessibleDescription(self.tr("Add the form typed to the list"))
        self.remove_button = QPushButton(self.tr("&Remove"))
        self.remove_button.setAccessibleName(self.tr("Remove variant"))
        self.remove_button.setAccessibleDescription(
            self.tr("Remove the forms selected in the list")
        )
        self.add_button.clicked.connect(self._add)
        self.edit.returnPressed.connect(self._add)
        self.remove_button.clicked.connect(self._remove)
        self.edit.textChanged.connect(self._update)
        self.list.itemSelectionChanged.connect(self._update)
        box, self.ok = _buttons(self, self.tr("Save"), self.tr("Keep the forms listed"))
        row = QHBoxLayout()
        row.addWidget(self.edit)
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.addWidget(_label(self.tr("Other forms of “{0}”:").format(name)))
        layout.addWidget(self.list)
        layout.addLayout(row)
        layout.addWidget(box)
        self.ok.setAutoDefault(False)
        self._update()

    def variants(self) -> list[str]:
        """The forms listed."""
        return [self.list.item(i).text() for i in range(self.list.count())]

    def _add(self) -> None:
        text = " ".join(self.edit.text().split())
        if text and text not in self.variants():
            self.list.addItem(text)
        self.edit.clear()

    def _remove(self) -> None:
        for item in self.list.selectedItems():
            self.list.takeItem(self.list.row(item))

    def _update(self) -> None:
        self.add_button.setEnabled(bool(self.edit.text().strip()))
        self.remove_button.setEnabled(bool(self.list.selectedItems()))


class MergeDialog(QDialog):
    """Choose the authority another one is merged into (same kind, found by any form)."""

    def __init__(
        self,
        dropped: AuthorityRow,
        find: Callable[[str], list[AuthorityRow]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("authorityMergeDialog")
        self.setWindowTitle(self.tr("Merge into…"))
        self.setAccessibleName(self.tr("Merge names"))
        self._dropped = dropped
        self._find = find
        self.filter = QLineEdit()
        self.filter.setObjectName("authorityMergeFilter")
        self.filter.setAccessibleName(self.tr("Find the name to keep"))
        self.filter.setAccessibleDescription(
            self.tr("List only the names with a form containing the text typed")
        )
        self.filter.setPlaceholderText(self.tr("Type any form of the name"))
        self.list = QListWidget()
        self.list.setObjectName("authorityMergeList")
        self.list.setAccessibleName(self.tr("Names to merge into"))
        self.list.setAccessibleDescription(
            self.tr("Select the name to keep; Enter or a double click merges into it")
        )
        box, self.ok = _buttons(
            self, self.tr("&Merge"), self.tr("Merge into the name selected in the list")
        )
        self.filter.textChanged.connect(self._fill)
        self.list.itemSelectionChanged.connect(
            lambda: self.ok.setEnabled(bool(self.list.selectedItems()))
        )
        self.list.itemDoubleClicked.connect(lambda _item: self.accept())
        for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):  # the double click's keyboard twin
            merge = QShortcut(
                QKeySequence(key), self.list, context=Qt.ShortcutContext.WidgetShortcut
            )
            merge.activated.connect(self._accept_current)
        text = self.tr("“{0}” and its records will be merged into the name chosen here.")
        layout = QVBoxLayout(self)
        layout.addWidget(_label(text.format(dropped.name)))
        layout.addWidget(self.filter)
        layout.addWidget(self.list)
        layout.addWidget(box)
        self._fill("")

    def chosen(self) -> AuthorityRow | None:
        """The authority to keep."""
        items = self.list.selectedItems()
        row = items[0].data(Qt.ItemDataRole.UserRole) if items else None
        return row if isinstance(row, AuthorityRow) else None

    def _accept_current(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            self.list.setCurrentItem(item, QItemSelectionModel.SelectionFlag.ClearAndSelect)
            self.accept()

    def _fill(self, text: str) -> None:
        self.list.clear()
        for row in self._find(text):
            if row.id != self._dropped.id:
                item = QListWidgetItem(f"{row.name} ({row.records})")
                item.setData(Qt.ItemDataRole.UserRole, row)
                self.list.addItem(item)
        self.ok.setEnabled(False)


class SplitDialog(QDialog):
    """Name a new authority and choose the forms and records that go to it."""

    def __init__(
        self,
        row: AuthorityRow,
        records: Sequence[tuple[int, str]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("authoritySplitDialog")
        self.setWindowTitle(self.tr("Split “{0}”").format(row.name))
        self.setAccessibleName(self.tr("Split a name"))
        self.edit = QLineEdit()
        self.edit.setObjectName("authoritySplitName")
        self.edit.setAccessibleName(self.tr("Name of the new authority"))
        self.edit.setAccessibleDescription(self.tr("The authorised form of the new name"))
        self.variants = QListWidget()
        self.variants.setObjectName("authoritySplitVariants")
        self.variants.setAccessibleName(self.tr("Forms that go to the new authority"))
        self.variants.setAccessibleDescription(
            self.tr("Check the forms that move to the new name; Space checks the current one")
        )
        _checkable(self.variants, [(v, v) for v in row.variants], checked=False)
        self.records = QListWidget()
        self.records.setObjectName("authoritySplitRecords")
        self.records.setAccessibleName(self.tr("Records that go to the new authority"))
        self.records.setAccessibleDescription(
            self.tr(
                "Check the records that link the new name instead; Space checks the current one"
            )
        )
        _checkable(self.records, [(f"#{rid} {title}", rid) for rid, title in records], False)
        box, self.ok = _buttons(
            self, self.tr("&Split"), self.tr("Make the new name with the forms and records checked")
        )
        self.ok.setEnabled(False)
        self.edit.textChanged.connect(lambda typed: self.ok.setEnabled(bool(typed.strip())))
        layout = QVBoxLayout(self)
        layout.addWidget(_label(self.tr("Name of the new authority:")))
        layout.addWidget(self.edit)
        layout.addWidget(_label(self.tr("Forms that move to it:")))
        layout.addWidget(self.variants)
        layout.addWidget(_label(self.tr("Records that link it instead:")))
        layout.addWidget(self.records)
        layout.addWidget(box)

    def name(self) -> str:
        """The new authority's name."""
        return " ".join(self.edit.text().split())

    def chosen_variants(self) -> list[str]:
        """The forms checked."""
        return [str(v) for v in _checked(self.variants)]

    def chosen_records(self) -> list[int]:
        """The records checked."""
        return [int(str(r)) for r in _checked(self.records)]
