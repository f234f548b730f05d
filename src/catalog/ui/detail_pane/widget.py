"""The detail pane: one record's fields as plain-text labels, read off the UI thread.

Every label is set to ``Qt.PlainText``: a record's text is never interpreted as markup,
so a title such as ``<img src="file:...">`` is shown, not loaded.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from catalog.domain.changes import ChangeSet
from catalog.domain.errors import CatalogError, RecordNotFound
from catalog.domain.records import RecordDetail
from catalog.ui.detail_pane.fields import record_fields
from catalog.ui.jobs.latest import LatestOnly
from catalog.ui.jobs.runner import Failed, Runner
from catalog.ui.ports import CatalogPort

NOTHING_SELECTED = "Select a record to see everything the catalogue holds about it."


class WrappedLabel(QLabel):
    """A word-wrapped label whose height follows the width it is given.

    QLabel's own size hint guesses a narrow width for long text, and layouts never let a
    row be shorter than its hint, which leaves gaps under long values.
    """

    def sizeHint(self) -> QSize:  # noqa: N802
        """The minimum size: the layout then asks heightForWidth for the real height."""
        return self.minimumSizeHint()


def plain_label(text: str, name: str = "") -> QLabel:
    """A word-wrapped, selectable label that shows ``text`` literally."""
    label = WrappedLabel()
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setText(text)
    label.setWordWrap(True)
    label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
    policy = label.sizePolicy()  # keeps height-for-width, which word wrap turned on
    policy.setHorizontalPolicy(QSizePolicy.Policy.Ignored)  # a long word never widens the pane
    label.setSizePolicy(policy)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if name:
        label.setObjectName(name)
    return label


class DetailPane(QScrollArea):
    """Shows the record selected in the list.

    Attributes:
        shown_id: the id of the record on show, or None.
    """

    def __init__(
        self,
        service: CatalogPort,
        runner: Runner,
        on_bug: Failed,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("detailPane")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setMinimumWidth(260)
        self._service = service
        self._reads = LatestOnly(runner)
        self._on_bug = on_bug
        self.shown_id: int | None = None
        self.show_message(NOTHING_SELECTED)

    # ------------------------------------------------------------------ public

    def show_ids(self, ids: Sequence[int]) -> None:
        """Show the one selected record, or say how many are selected."""
        if len(ids) == 1 and ids[0] == self.shown_id:
            self._reads.forget()  # already on show; drop any slower read of another record
        elif len(ids) == 1:
            self.load(ids[0])
        elif ids:
            self._reads.forget()
            self.show_message(f"{len(ids):,} records selected.")
        else:
            self._reads.forget()
            self.show_message(NOTHING_SELECTED)

    def load(self, record_id: int) -> None:
        """Read a record on a worker and show it when it arrives."""
        service = self._service
        self._reads.read(lambda: service.detail(record_id), self.show_record, self._on_error)

    def on_changes(self, changes: ChangeSet) -> None:
        """Read the record on show again if an operation changed it."""
        if self.shown_id is not None and changes.touches(self.shown_id):
            self.load(self.shown_id)

    def show_record(self, detail: RecordDetail) -> None:
        """Lay out every field of a record."""
        page = QWidget()
        layout = QVBoxLayout(page)
        title = plain_label(detail.title, "detail_title")
        font = QFont(title.font())
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        title.setFont(font)
        layout.addWidget(title)
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for field in record_fields(detail):
            name = plain_label(field.label, f"label_{field.key}")
            name.setWordWrap(False)
            name.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Preferred)
            bold = QFont(name.font())
            bold.setBold(True)
            name.setFont(bold)
            value = plain_label(field.text, f"detail_{field.key}")
            if field.empty:
                value.setEnabled(False)
            form.addRow(name, value)
        layout.addLayout(form)
        layout.addStretch(1)
        self.setWidget(page)
        self.shown_id = detail.id

    def show_message(self, text: str) -> None:
        """Show a line of text instead of a record."""
        page = QWidget()
        layout = QVBoxLayout(page)
        message = plain_label(text, "detailMessage")
        message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        message.setEnabled(False)
        layout.addStretch(1)
        layout.addWidget(message)
        layout.addStretch(2)
        self.setWidget(page)
        self.shown_id = None

    def field_text(self, key: str) -> str:
        """The text shown for a field ("" when no record, or no such field, is on show)."""
        page = self.widget()
        label = page.findChild(QLabel, f"detail_{key}") if page is not None else None
        return label.text() if isinstance(label, QLabel) else ""

    # ------------------------------------------------------------------ outcomes

    def _on_error(self, error: BaseException) -> None:
        if isinstance(error, RecordNotFound):
            self.show_message("This record is no longer in the catalogue.")
        elif isinstance(error, CatalogError):
            self.show_message(f"The record could not be read: {error}")
        else:
            self.show_message("The record could not be shown.")
            self._on_bug(error)
