"""The record changed while it was being edited: choose, field by field, what to keep.

Nothing is overwritten silently. Each differing field starts on the side that changed
it: the archivist's value where they edited the field, the stored one where only the
other change touched it.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from catalog.domain.drafts import (
    AttachmentChoice,
    NameChoice,
    RecordDraft,
    RelationChoice,
    differing_fields,
)
from catalog.ui.editor.names_field import kind_word, role_word
from catalog.ui.editor.relations_tab import relation_label
from catalog.ui.translation import QT_TRANSLATE_NOOP

FIELD_LABELS = {
    "title": QT_TRANSLATE_NOOP("ConflictDialog", "Title"),
    "date_text": QT_TRANSLATE_NOOP("ConflictDialog", "Date"),
    "approximate": QT_TRANSLATE_NOOP("ConflictDialog", "Approximate"),
    "uncertain": QT_TRANSLATE_NOOP("ConflictDialog", "Uncertain"),
    "summary": QT_TRANSLATE_NOOP("ConflictDialog", "Summary"),
    "doc_type": QT_TRANSLATE_NOOP("ConflictDialog", "Document type"),
    "languages": QT_TRANSLATE_NOOP("ConflictDialog", "Languages"),
    "archive": QT_TRANSLATE_NOOP("ConflictDialog", "Archive"),
    "source_ref": QT_TRANSLATE_NOOP("ConflictDialog", "Source reference"),
    "classification": QT_TRANSLATE_NOOP("ConflictDialog", "Classification"),
    "collections": QT_TRANSLATE_NOOP("ConflictDialog", "Collections"),
    "tags": QT_TRANSLATE_NOOP("ConflictDialog", "Tags"),
    "names": QT_TRANSLATE_NOOP("ConflictDialog", "Names"),
    "relations": QT_TRANSLATE_NOOP("ConflictDialog", "Relations"),
    "attachments": QT_TRANSLATE_NOOP("ConflictDialog", "Attachments"),
}


def show_value(value: object) -> str:
    """A draft field's value as plain text for the comparison."""
    if isinstance(value, bool):
        if value:
            return QCoreApplication.translate("ConflictDialog", "yes")
        return QCoreApplication.translate("ConflictDialog", "no")
    if isinstance(value, tuple):
        return "\n".join(show_value(item) for item in value) or QCoreApplication.translate(
            "ConflictDialog", "(none)"
        )
    if isinstance(value, NameChoice):
        return f"{value.name} ({kind_word(value.kind)}, {role_word(value.role)})"
    if isinstance(value, RelationChoice):
        return f"{relation_label(value.type)} #{value.target_id}"
    if isinstance(value, AttachmentChoice):
        return value.path
    return str(value) if str(value) else QCoreApplication.translate("ConflictDialog", "(empty)")


class ConflictDialog(QDialog):
    """Both versions of each differing field, with a choice of "Mine" or "Theirs"."""

    def __init__(
        self,
        mine: RecordDraft,
        theirs: RecordDraft,
        base: RecordDraft | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("conflictDialog")
        self.setWindowTitle(self.tr("The record was changed meanwhile"))
        self.setAccessibleName(self.tr("Resolve the edit conflict"))
        self.mine, self.theirs = mine, theirs
        self.fields = differing_fields(mine, theirs)
        self.groups: dict[str, QButtonGroup] = {}
        intro = QLabel(
            self.tr(
                "Someone saved this record after you opened it. For each field that differs, "
                "choose which value to keep; the result is saved over their version."
            )
        )
        intro.setWordWrap(True)
        intro.setAccessibleName(self.tr("Explanation"))
        grid_host = QWidget()
        grid = QGridLayout(grid_host)
        for column, heading in enumerate((self.tr("Field"), self.tr("Mine"), self.tr("Theirs"))):
            label = QLabel(heading)
            bold = label.font()
            bold.setBold(True)
            label.setFont(bold)
            label.setAccessibleName(heading)
            grid.addWidget(label, 0, column)
        for row, name in enumerate(self.fields, start=1):
            self._add_row(grid, row, name, base)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(grid_host)
        scroll.setAccessibleName(self.tr("Differing fields"))
        scroll.setAccessibleDescription(
            self.tr("Each field that differs, with your value and the stored one to choose from")
        )
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("Save merged"))
        self.save_button.setObjectName("conflictSave")
        self.save_button.setAccessibleName(self.tr("Save the merged record"))
        self.save_button.setAccessibleDescription(
            self.tr("Save the values chosen over the version stored meanwhile")
        )
        cancel = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setAccessibleName(self.tr("Cancel, back to the editor"))
        cancel.setAccessibleDescription(
            self.tr("Save nothing and go back to editing; your changes stay in the editor")
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(scroll, 1)
        layout.addWidget(buttons)
        self.resize(720, 420)

    def _add_row(self, grid: QGridLayout, row: int, name: str, base: RecordDraft | None) -> None:
        label = QCoreApplication.translate("ConflictDialog", FIELD_LABELS.get(name, name))
        grid.addWidget(QLabel(label), row, 0, Qt.AlignmentFlag.AlignTop)
        group = QButtonGroup(self)
        sides = (
            ("Mine", self.tr("Mine"), self.tr("Keep your value of {0}"), self.mine),
            ("Theirs", self.tr("Theirs"), self.tr("Keep the stored value of {0}"), self.theirs),
        )
        for column, (side, shown, about, draft) in enumerate(sides, 1):
            button = QRadioButton(show_value(getattr(draft, name)))
            button.setObjectName(f"conflict{side}-{name}")
            button.setAccessibleName(self.tr("{0}: {1}").format(label, shown))
            button.setAccessibleDescription(about.format(label))
            group.addButton(button, column)
            grid.addWidget(button, row, column, Qt.AlignmentFlag.AlignTop)
        edited = base is None or getattr(base, name) != getattr(self.mine, name)
        group.button(1 if edited else 2).setChecked(True)
        self.groups[name] = group

    def choice(self, name: str) -> str:
        """ "mine" or "theirs" for a differing field."""
        return "mine" if self.groups[name].checkedId() == 1 else "theirs"

    def merged(self) -> RecordDraft:
        """The stored version with the fields where "Mine" is chosen taken from the edit."""
        mine = {
            name: getattr(self.mine, name) for name in self.fields if self.choice(name) == "mine"
        }
        return replace(self.theirs, **mine)
