"""Every field of a record as widgets, turned into a draft and back.

The form knows nothing of saving: the dialog reads ``draft()`` and shows a saved
record with ``show_draft()``.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from catalog.domain.drafts import NameChoice, RecordDraft
from catalog.domain.errors import InvalidEdit
from catalog.domain.records import AuthorityKind
from catalog.services.editing.attachments import AttachmentStore
from catalog.services.editing.editor import Editor
from catalog.services.editing.lookups import VocabularyName
from catalog.ui.editor.attachments_tab import AttachmentsTab
from catalog.ui.editor.date_field import DateField
from catalog.ui.editor.names_field import NameCompleter, NamesField
from catalog.ui.editor.relations_tab import RelationsTab
from catalog.ui.editor.values_field import ValuesField, VocabularyCombo
from catalog.ui.ports import CatalogPort

NAME_KINDS = (
    (AuthorityKind.PERSON, "People"),
    (AuthorityKind.ORGANISATION, "Organisations"),
    (AuthorityKind.PLACE, "Places"),
    (AuthorityKind.SUBJECT, "Subjects"),
)


_SHOWN_KINDS = tuple(kind for kind, _title in NAME_KINDS)


def canonical(draft: RecordDraft) -> RecordDraft:
    """The draft with its names in the form's order (by kind), so drafts compare fairly."""
    order = {kind: i for i, kind in enumerate(_SHOWN_KINDS)}
    names = sorted(draft.names, key=lambda c: order.get(c.kind, len(order)))
    return replace(draft, names=tuple(names))


class RecordForm(QTabWidget):
    """The record's fields on four tabs: record, names, relations, attachments."""

    changed = Signal()

    def __init__(self, service: CatalogPort, editor: Editor, parent: QWidget | None = None):
        super().__init__(parent)
        self.setAccessibleName(self.tr("Record fields"))
        self.editor = editor
        self._other_names: tuple[NameChoice, ...] = ()  # kinds without a field: kept
        self.title = QLineEdit()
        self.title.setObjectName("editorTitle")
        self.title.setAccessibleName(self.tr("Title"))
        self.title_problem = QLabel()
        self.title_problem.setObjectName("editorTitleProblem")
        self.title_problem.setStyleSheet("color: #c00000;")
        self.title_problem.setAccessibleName(self.tr("Problem with the title"))
        self.date = DateField()
        self.summary = QPlainTextEdit()
        self.summary.setObjectName("editorSummary")
        self.summary.setAccessibleName(self.tr("Summary"))
        self.summary.setTabChangesFocus(True)
        self.doc_type = VocabularyCombo(
            self.tr("Document type"), editor.vocabulary(VocabularyName.DOC_TYPE)
        )
        languages = editor.vocabulary(VocabularyName.LANGUAGE)
        self.languages = ValuesField(self.tr("Languages"), languages)
        self.archive = QLineEdit()
        self.archive.setObjectName("editorArchive")
        self.archive.setAccessibleName(self.tr("Archive"))
        self.archive_completer = NameCompleter(editor, AuthorityKind.REPOSITORY, self.archive)
        self.source_ref = QLineEdit()
        self.source_ref.setAccessibleName(self.tr("Source reference"))
        self.classification = QLineEdit()
        self.classification.setAccessibleName(self.tr("Classification"))
        self.collections = ValuesField(
            self.tr("Collections"), editor.vocabulary(VocabularyName.COLLECTION)
        )
        self.tags = ValuesField(self.tr("Tags"), editor.vocabulary(VocabularyName.TAG))
        self.names = {kind: NamesField(editor, kind, self.tr(title)) for kind, title in NAME_KINDS}
        self.relations = RelationsTab(service)
        self.attachments = AttachmentsTab(AttachmentStore(_attachment_folder(service)), languages)
        self._build()
        for signal in (
            self.title.textChanged, self.date.changed, self.summary.textChanged,
            self.doc_type.currentTextChanged, self.languages.changed, self.archive.textChanged,
            self.source_ref.textChanged, self.classification.textChanged,
            self.collections.changed, self.tags.changed, self.relations.changed,
            self.attachments.changed, *(field.changed for field in self.names.values()),
        ):  # fmt: skip
            signal.connect(self.changed)

    def _build(self) -> None:
        record = QWidget()
        form = QFormLayout(record)
        title_box = QVBoxLayout()
        title_box.addWidget(self.title)
        title_box.addWidget(self.title_problem)
        rows: list[tuple[str, QWidget]] = [
            (self.tr("&Date:"), self.date),
            (self.tr("Su&mmary:"), self.summary),
            (self.tr("Document &type:"), self.doc_type),
            (self.tr("&Languages:"), self.languages),
            (self.tr("&Archive:"), self.archive),
            (self.tr("Source &reference:"), self.source_ref),
            (self.tr("Cla&ssification:"), self.classification),
            (self.tr("&Collections:"), self.collections),
            (self.tr("Ta&gs:"), self.tags),
        ]
        title_label = QLabel(self.tr("T&itle:"))
        title_label.setBuddy(self.title)
        form.addRow(title_label, title_box)
        for text, widget in rows:
            label = QLabel(text)
            label.setBuddy(widget)
            form.addRow(label, widget)
        names = QWidget()
        names_form = QFormLayout(names)
        for kind, title in NAME_KINDS:
            names_form.addRow(QLabel(self.tr(title) + ":"), self.names[kind])
        self.addTab(record, self.tr("&Record"))
        self.addTab(names, self.tr("&Names"))
        self.addTab(self.relations, self.tr("Rela&tions"))
        self.addTab(self.attachments, self.tr("Attac&hments"))

    def draft(self) -> RecordDraft:
        """Every field as typed (names and values not resolved yet)."""
        return RecordDraft(
            title=self.title.text(),
            date_text=self.date.text(),
            approximate=self.date.approximate.isChecked(),
            uncertain=self.date.uncertain.isChecked(),
            summary=self.summary.toPlainText(),
            doc_type=self.doc_type.value(),
            languages=self.languages.values(),
            archive=" ".join(self.archive.text().split()),
            source_ref=self.source_ref.text(),
            classification=self.classification.text(),
            collections=self.collections.values(),
            tags=self.tags.values(),
            names=(
                *(c for field in self.names.values() for c in field.choices()),
                *self._other_names,
            ),
            relations=self.relations.choices(),
            attachments=self.attachments.choices(),
        )

    def commit_pending(self) -> None:
        """Add the names and values typed but not yet added: saving must not drop them."""
        fields: list[NamesField | ValuesField] = [*self.names.values()]
        fields += [self.languages, self.collections, self.tags]
        for field in fields:
            if field.edit.text().strip():
                field.add_typed()

    def archive_name(self) -> str:
        """The archive's authorised name when the text names a known one, else the text."""
        text = " ".join(self.archive.text().split())
        option = self.archive_completer.option_for(text) if text else None
        return option.name if option is not None else text

    def show_draft(self, draft: RecordDraft, record_id: int | None) -> None:
        """Show a record's fields (``record_id``: the record itself, kept out of relations)."""
        self.title.setText(draft.title)
        self.date.set_values(draft.date_text, draft.approximate, draft.uncertain)
        self.summary.setPlainText(draft.summary)
        self.doc_type.set_value(draft.doc_type)
        self.languages.set_values(draft.languages)
        self.archive.setText(draft.archive)
        self.source_ref.setText(draft.source_ref)
        self.classification.setText(draft.classification)
        self.collections.set_values(draft.collections)
        self.tags.set_values(draft.tags)
        for field in self.names.values():
            field.set_choices(draft.names)
        self._other_names = tuple(c for c in draft.names if c.kind not in _SHOWN_KINDS)
        self.relations.record_id = record_id
        self.relations.set_choices(draft.relations)
        self.attachments.set_choices(draft.attachments)
        self.changed.emit()

    def show_problems(self, problems: list[str]) -> None:
        """The red message under the title."""
        self.title_problem.setText(" ".join(self.tr(p) for p in problems))
        self.title_problem.setVisible(bool(problems))

    def focus_first(self) -> None:
        """Put the cursor in the title."""
        self.setCurrentIndex(0)
        self.title.setFocus(Qt.FocusReason.OtherFocusReason)


def _attachment_folder(service: CatalogPort) -> Path:
    folder = service.attachment_folder
    if folder is None:  # pragma: no cover - an editable catalogue always has one
        raise InvalidEdit("This catalogue keeps no attached files.")
    return folder
