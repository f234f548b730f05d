"""Relations: find the other record, choose how they relate, keep the list in the draft.

Each relation is stored once, on this record; the other record reads it from its end,
so it shows the inverse as soon as this one is saved.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from catalog.domain.dates import parse_date
from catalog.domain.drafts import RelationChoice
from catalog.domain.errors import CatalogError
from catalog.domain.records import RecordSummary, RelationType
from catalog.ui.ports import CatalogPort
from catalog.ui.translation import QT_TRANSLATE_NOOP, error_text

FIND_LIMIT = 20

RELATION_LABELS: dict[RelationType, str] = {
    RelationType.COVER_MEMO_FOR: QT_TRANSLATE_NOOP("RelationsTab", "cover memo for"),
    RelationType.REPLY_TO: QT_TRANSLATE_NOOP("RelationsTab", "reply to"),
    RelationType.TRANSLATION_OF: QT_TRANSLATE_NOOP("RelationsTab", "translation of"),
    RelationType.ATTACHMENT_OF: QT_TRANSLATE_NOOP("RelationsTab", "attachment of"),
    RelationType.PART_OF: QT_TRANSLATE_NOOP("RelationsTab", "part of"),
    RelationType.SAME_AS: QT_TRANSLATE_NOOP("RelationsTab", "same as"),
    RelationType.RELATED_TO: QT_TRANSLATE_NOOP("RelationsTab", "related to"),
}
"""How each link reads from the record that holds it (``RelationType.label``'s words)."""


def relation_label(relation: RelationType) -> str:
    """A relation type as this record is to the other ("reply to"), translated."""
    return QCoreApplication.translate("RelationsTab", RELATION_LABELS.get(relation, relation.label))


def _summary_text(summary: RecordSummary) -> str:
    date = summary.date.display()
    return f"#{summary.id} {summary.title}" + (f" ({date})" if date else "")


class RelationsTab(QWidget):
    """Finds records by title words, date or id and links the chosen one."""

    changed = Signal()

    def __init__(self, service: CatalogPort, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.record_id: int | None = None
        self.find_edit = QLineEdit()
        self.find_edit.setObjectName("editorRelationFind")
        self.find_edit.setPlaceholderText(self.tr("Title words, a date or a record number"))
        self.find_edit.setAccessibleName(self.tr("Find the other record"))
        self.find_edit.setAccessibleDescription(
            self.tr("Type title words, a date or a record number and press Enter")
        )
        self.find_button = QPushButton(self.tr("Find"))
        self.find_button.setAutoDefault(False)
        self.find_button.setAccessibleName(self.tr("Find records"))
        self.find_button.setAccessibleDescription(self.tr("List the records matching the text"))
        self.message = QLabel()
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setAccessibleName(self.tr("Search message"))
        self.found = QListWidget()
        self.found.setObjectName("editorRelationFound")
        self.found.setAccessibleName(self.tr("Records found"))
        self.found.setAccessibleDescription(
            self.tr("Select the other record; Enter or a double click links it")
        )
        self.type = QComboBox()
        self.type.setAccessibleName(self.tr("Relation type"))
        self.type.setAccessibleDescription(self.tr("What this record is to the other one"))
        for relation in RelationType:
            self.type.addItem(relation_label(relation), relation)
        self.add_button = QPushButton(self.tr("Link"))
        self.add_button.setAutoDefault(False)
        self.add_button.setAccessibleName(self.tr("Link the record found"))
        self.add_button.setAccessibleDescription(
            self.tr("Link the record selected in the results with the relation type chosen")
        )
        self.list = QListWidget()
        self.list.setObjectName("editorRelations")
        self.list.setAccessibleName(self.tr("Relations of this record"))
        self.list.setAccessibleDescription(self.tr("The records this record is linked to"))
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.setAutoDefault(False)
        self.remove_button.setAccessibleName(self.tr("Remove the selected relation"))
        self.remove_button.setAccessibleDescription(
            self.tr("Drop the relations selected in the list")
        )
        find_row = QHBoxLayout()
        find_row.addWidget(self.find_edit, 1)
        find_row.addWidget(self.find_button)
        link_row = QHBoxLayout()
        link_row.addWidget(QLabel(self.tr("This record is")))
        link_row.addWidget(self.type, 1)
        link_row.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.addLayout(find_row)
        layout.addWidget(self.message)
        layout.addWidget(self.found, 1)
        layout.addLayout(link_row)
        layout.addWidget(QLabel(self.tr("Relations:")))
        layout.addWidget(self.list, 1)
        layout.addWidget(self.remove_button, 0, Qt.AlignmentFlag.AlignRight)
        self.find_button.clicked.connect(self.find_records)
        self.find_edit.returnPressed.connect(self.find_records)
        self.add_button.clicked.connect(self.add_selected)
        self.found.itemDoubleClicked.connect(lambda _item: self.add_selected())
        for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):  # the double click's keyboard twin
            link = QShortcut(
                QKeySequence(key), self.found, context=Qt.ShortcutContext.WidgetShortcut
            )
            link.activated.connect(self.add_selected)
        self.remove_button.clicked.connect(self.remove_selected)

    def find_records(self) -> None:
        """List the records matching what was typed (a number is a record id)."""
        text = self.find_edit.text().strip()
        self.found.clear()
        self.message.clear()
        if not text:
            return
        try:
            if text.lstrip("#").isdigit():
                ids = [self.service.detail(int(text.lstrip("#"))).id]
            else:
                ids = list(self.service.search(_as_query(text), limit=FIND_LIMIT).ids)
            summaries = self.service.summaries([i for i in ids if i != self.record_id])
        except CatalogError as error:
            self.message.setText(error_text(error))
            return
        for summary in summaries:
            item = QListWidgetItem(_summary_text(summary))
            item.setData(Qt.ItemDataRole.UserRole, summary.id)
            self.found.addItem(item)
        if summaries:
            self.found.setCurrentRow(0)
        else:
            self.message.setText(self.tr("No other record matches."))

    def add_selected(self) -> None:
        """Link the record selected in the results with the type chosen."""
        item: QListWidgetItem | None = self.found.currentItem()
        if item is None:
            self.message.setText(self.tr("Find and select the other record first."))
            return
        relation = RelationType(self.type.currentData())  # Qt hands the enum back as a str
        choice = RelationChoice(relation, int(item.data(Qt.ItemDataRole.UserRole)))
        if choice not in self.choices():
            self._append(choice, item.text())
            self.changed.emit()

    def remove_selected(self) -> None:
        """Drop the selected relation from the draft."""
        for item in self.list.selectedItems():
            self.list.takeItem(self.list.row(item))
        self.changed.emit()

    def set_choices(self, choices: tuple[RelationChoice, ...]) -> None:
        """Show a record's relations."""
        self.list.clear()
        summaries = {s.id: s for s in self.service.summaries([c.target_id for c in choices])}
        for choice in choices:
            known = summaries.get(choice.target_id)
            self._append(choice, _summary_text(known) if known else f"#{choice.target_id}")

    def choices(self) -> tuple[RelationChoice, ...]:
        """The relations in the draft, in order."""
        return tuple(
            self.list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.list.count())
        )

    def _append(self, choice: RelationChoice, other: str) -> None:
        item = QListWidgetItem(f"{relation_label(choice.type)}: {other}")
        item.setData(Qt.ItemDataRole.UserRole, choice)
        self.list.addItem(item)


_PLAIN_DATE = re.compile(r"-?[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?")


def _as_query(text: str) -> str:
    """What was typed as a query: a date ("October 1959", "1959-10-02") searches by date,
    anything else is the query language (title words, names, clauses)."""
    date = parse_date(text)
    if date.edtf is not None and _PLAIN_DATE.fullmatch(date.edtf):
        return f"date:{date.edtf}"
    return text
