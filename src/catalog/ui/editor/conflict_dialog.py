"""The record changed while it was being edited: choose, field by field, what to keep.

Nothing is overwritten silently. Each differing field starts on the side that changed
it: the archivist's value where they edited the field, the stored one where only the
other change touched it.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt
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

FIELD_LABELS = {
    "title": "Title",
    "date_text": "Date",
    "approximate": "Approximate",
    "uncertain": "Uncertain",
    "summary": "Summary",
    "doc_type": "Document type",
    "languages": "Languages",
    "archive": "Archive",
    "source_ref": "Source reference",
    "classification": "Classification",
    "collections": "Collections",
    "tags": "Tags",
    "names": "Names",
    "relations": "Relations",
    "attachments": "Attachments",
}


def show_value(value: object) -> str:
    """A draft field's value as plain text for the comparison."""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, tuple):
        return "\n".join(show_value(item) for item in value) or "(none)"
    if isinstance(value, NameChoice):
        return f"{value.name} ({value.kind.value}, {value.role.value})"
    if isinstance(value, RelationChoice):
        return f"{value.type.label} #{value.target_id}"
    if isinstance(value, AttachmentChoice):
        return value.path
    return str(value) if str(value) else "(empty)"


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
            label = QLabel(f"<b>{heading}</b>")
            label.setAccessibleName(heading)
            grid.addWidget(label, 0, column)
        for row, name in enumerate(self.fields, start=1):
            self._add_row(grid, row, name, base)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(grid_host)
        scroll.setAccessibleName(self.tr("Differing fields"))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("Save merged"))
        self.save_button.setObjectName("conflictSave")
        self.save_button.setAccessibleName(self.tr("Save the merged record"))
        cancel = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setAccessibleName(self.tr("Cancel, back to the editor"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(scroll, 1)
        layout.addWidget(buttons)
        self.resize(720, 420)

    def _add_row(self, grid: QGridLayout, row: int, name: str, base: RecordDraft | None) -> None:
        label = self.tr(FIELD_LABELS.get(name, name))
        grid.addWidget(QLabel(label), row, 0, Qt.AlignmentFlag.AlignTop)
        group = QButtonGroup(self)
        for column, (side, draft) in enumerate((("Mine", self.mine), ("Theirs", self.theirs)), 1):
            button = QRadioButton(show_value(getattr(draft, name)))
            button.setObjectName(f"conflict{side}-{name}")
            button.setAccessibleName(self.tr("{0}: {1}").format(label, self.tr(side)))
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
