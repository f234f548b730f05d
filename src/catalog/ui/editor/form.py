"""Every field of a record as widgets, turned into a draft and back.

The form knows nothing of saving: the dialog reads ``draft()`` and shows a saved
record with ``show_draft()``.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal
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
from catalog.ui.palette import error_color
from catalog.ui.ports import CatalogPort
from catalog.ui.translation import QT_TRANSLATE_NOOP

NAME_KINDS = (
    (AuthorityKind.PERSON, QT_TRANSLATE_NOOP("RecordForm", "People")),
    (AuthorityKind.ORGANISATION, QT_TRANSLATE_NOOP("RecordForm", "Organisations")),
    (AuthorityKind.PLACE, QT_TRANSLATE_NOOP("RecordForm", "Places")),
    (AuthorityKind.SUBJECT, QT_TRANSLATE_NOOP("RecordForm", "Subjects")),
)

PROBLEMS = (QT_TRANSLATE_NOOP("RecordForm", "A title is required."),)
"""What ``RecordDraft.problems`` says, marked so the form can show it translated."""


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
        self.setAccessibleDescription(
            self.tr("The record's fields on four tabs: record, names, relations, attachments")
        )
        self.tabBar().setAccessibleName(self.tr("Parts of the record"))
        self.tabBar().setAccessibleDescription(
            self.tr("Switch tabs with the arrow keys, Ctrl+Tab, or Alt and the underlined letter")
        )
        self.editor = editor
        self._other_names: tuple[NameChoice, ...] = ()  # kinds without a field: kept
        self.title = QLineEdit()
        self.title.setObjectName("editorTitle")
        self.title.setAccessibleName(self.tr("Title"))
        self.title.setAccessibleDescription(self.tr("The record's title; required"))
        self.title_problem = QLabel()
        self.title_problem.setObjectName("editorTitleProblem")
        self.title_problem.setStyleSheet(f"color: {error_color()};")
        self.title_problem.setAccessibleName(self.tr("Problem with the title"))
        self.date = DateField()
        self.summary = QPlainTextEdit()
        self.summary.setObjectName("editorSummary")
        self.summary.setAccessibleName(self.tr("Summary"))
        self.summary.setAccessibleDescription(
            self.tr("What the document says, in a few sentences; Tab moves to the next field")
        )
        self.summary.setTabChangesFocus(True)
        self.doc_type = VocabularyCombo(
            self.tr("Document type"), editor.vocabulary(VocabularyName.DOC_TYPE)
        )
        languages = editor.vocabulary(VocabularyName.LANGUAGE)
        self.languages = ValuesField(self.tr("Languages"), languages)
        self.archive = QLineEdit()
        self.archive.setObjectName("editorArchive")
        self.archive.setAccessibleName(self.tr("Archive"))
        self.archive.setAccessibleDescription(
            self.tr("The archive holding the original; completed from the archives known")
        )
        self.archive_completer = NameCompleter(editor, AuthorityKind.REPOSITORY, self.archive)
        self.source_ref = QLineEdit()
        self.source_ref.setAccessibleName(self.tr("Source reference"))
        self.source_ref.setAccessibleDescription(
            self.tr("Where the original is found in the archive: fonds, file, folio")
        )
        self.classification = QLineEdit()
        self.classification.setAccessibleName(self.tr("Classification"))
        self.classification.setAccessibleDescription(
            self.tr("The classification the document bears")
        )
        self.collections = ValuesField(
            self.tr("Collections"), editor.vocabulary(VocabularyName.COLLECTION)
        )
        self.tags = ValuesField(self.tr("Tags"), editor.vocabulary(VocabularyName.TAG))
        self.names = {
            kind: NamesField(editor, kind, QCoreApplication.translate("RecordForm", title))
            for kind, title in NAME_KINDS
        }
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
            (self.tr("Source r&eference:"), self.source_ref),
            (self.tr("Classi&fication:"), self.classification),
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
            shown = QCoreApplication.translate("RecordForm", title)
            label = QLabel(self.tr("{0}:").format(shown))
            label.setBuddy(self.names[kind].edit)
            names_form.addRow(label, self.names[kind])
        for page, text, about in (
            (record, self.tr("&Record"), self.tr("Title, date, summary and the other fields")),
            (names, self.tr("&Names"), self.tr("People, organisations, places and subjects")),
            (self.relations, self.tr("Relati&ons"), self.tr("Links to other records")),
            (self.attachments, self.tr("Attac&hments"), self.tr("Files attached to the record")),
        ):
            self.setTabToolTip(self.addTab(page, text), about)  # a tab's accessible description

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
        shown = (QCoreApplication.translate("RecordForm", problem) for problem in problems)
        self.title_problem.setText(" ".join(shown))
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
