"""The detail pane: one record, read off the UI thread, with links, highlights and history.

The pane shows the record selected in the list, or one reached from it (a related
record, Back, Forward, Go to record). Its links narrow the search (``filter_requested``),
open related records and open attachments; Back and Forward move through the records
it has shown, as a browser does. Record text is shown as plain text only (see
:mod:`catalog.ui.detail_pane.document`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QCoreApplication, Qt, QUrl, Signal
from PySide6.QtGui import QAction, QDesktopServices, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QStackedWidget,
    QStyle,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from catalog.domain.changes import ChangeSet
from catalog.domain.citation import archive_citation
from catalog.domain.drafts import AttachmentChoice
from catalog.domain.errors import CatalogError, InvalidEdit, RecordNotFound
from catalog.domain.records import ChangeEntry, RecordDetail
from catalog.services.editing.attachments import AttachmentStore
from catalog.services.editing.editor import Editor
from catalog.ui.detail_pane.document import RecordView
from catalog.ui.detail_pane.fields import (
    FileLink,
    FilterLink,
    Link,
    NoteLink,
    RecordLink,
    record_fields,
)
from catalog.ui.detail_pane.highlight import words_of
from catalog.ui.detail_pane.history import History
from catalog.ui.detail_pane.notes import NoteEditing
from catalog.ui.jobs.latest import LatestOnly
from catalog.ui.jobs.runner import Failed, Runner
from catalog.ui.translation import QT_TRANSLATE_NOOP, error_text

NOTHING_SELECTED = QT_TRANSLATE_NOOP(
    "DetailPane", "Select a record to see everything the catalogue holds about it."
)
CITATION_COPIED = QT_TRANSLATE_NOOP("DetailPane", "Citation copied to the clipboard.")


class RecordSource(Protocol):
    """What the pane reads from the catalogue (CatalogService and CatalogPort have both)."""

    def detail(self, record_id: int) -> RecordDetail:
        """Everything about one record; raises RecordNotFound when it is gone."""
        ...

    def history(self, record_id: int) -> Sequence[ChangeEntry]:
        """The record's change log, newest first."""
        ...

    @property
    def editor(self) -> Editor | None:
        """Writes notes; None for a catalogue the window may not change (no note links)."""
        ...


@dataclass(frozen=True)
class Shown:
    """A record and its change log, read together on a worker."""

    detail: RecordDetail
    changes: tuple[ChangeEntry, ...]


def _read(service: RecordSource, record_id: int) -> Shown:
    return Shown(service.detail(record_id), tuple(service.history(record_id)))


class DetailPane(QWidget):
    """Shows one record and lets the user move from it.

    Signals:
        filter_requested(str): a name, type, archive, collection or tag link was
            activated; the argument is its query clause (``person:"Kim Il Sung"``).
        record_requested(int): a related record's link was activated (the pane shows it).
        record_shown(int): the pane now shows a record it navigated to itself (Back,
            Forward, a related record, ``show_record``), not one selected in the list.
        history_changed(bool, bool): whether Back and Forward can be used now.
        status_message(str): a sentence for the status bar (copied, a file not found).
        changed(ChangeSet): the pane wrote a note (and re-read the record on show).

    Attributes:
        shown_id: the id of the record on show, or None.
        shown: the record and change log on show, or None.
        view: the document the record is shown in.
        back_action, forward_action, copy_citation_action, add_note_action: the pane's
            commands, also usable in the window's menus (Add note only with an editor).
        notes: the note dialogs (``notes.dialog`` is the one on show).
    """

    filter_requested = Signal(str)
    record_requested = Signal(int)
    record_shown = Signal(int)
    history_changed = Signal(bool, bool)
    status_message = Signal(str)
    changed = Signal(object)

    def __init__(
        self,
        service: RecordSource,
        runner: Runner,
        on_bug: Failed,
        parent: QWidget | None = None,
        *,
        attachment_folder: Path | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("detailPane")
        self.setAccessibleName(self.tr("Detail pane"))
        self.setAccessibleDescription(
            self.tr("The selected record, with links to related records.")
        )
        self.setMinimumWidth(260)
        self._service = service
        self._reads = LatestOnly(runner)
        self._on_bug = on_bug
        self._attachment_folder = attachment_folder
        self._history = History()
        self._can_move = (False, False)
        self._words: list[str] = []
        self.shown_id: int | None = None
        self.shown: Shown | None = None
        self._reading: int | None = None
        """The record of the read in flight (None when no read is awaited)."""
        self.notes = NoteEditing(lambda: self._service.editor, self, on_bug)
        self.notes.changed.connect(self._on_notes_changed)
        self._build()
        self.show_message(QCoreApplication.translate("DetailPane", NOTHING_SELECTED))

    # ------------------------------------------------------------------ building

    def _build(self) -> None:
        style = self.style()
        self.back_action = self._action(
            self.tr("Back"),
            self.tr("Show the record shown before this one"),
            QKeySequence.StandardKey.Back,
            self.go_back,
        )
        self.back_action.setIcon(style.standardIcon(QStyle.StandardPixmap.SP_ArrowBack))
        self.forward_action = self._action(
            self.tr("Forward"),
            self.tr("Show the record you went back from"),
            QKeySequence.StandardKey.Forward,
            self.go_forward,
        )
        self.forward_action.setIcon(style.standardIcon(QStyle.StandardPixmap.SP_ArrowForward))
        self.copy_citation_action = self._action(
            self.tr("Copy citation"),
            self.tr(
                "Copy a citation of this record, in the digital archive's style, to the clipboard"
            ),
            QKeySequence("Ctrl+Shift+C"),
            self.copy_citation,
        )
        self.add_note_action = self._action(
            self.tr("Add note…"),
            self.tr("Add a note to this record, signed with your name"),
            QKeySequence("Ctrl+Alt+N"),
            self.add_note,
        )
        self.add_note_action.setVisible(self._service.editor is not None)
        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        for action, name, icon_only in (
            (self.back_action, "detailBack", True),
            (self.forward_action, "detailForward", True),
            (self.copy_citation_action, "detailCopyCitation", False),
            (self.add_note_action, "detailAddNote", False),
        ):
            button = QToolButton()
            button.setObjectName(name)
            button.setDefaultAction(action)
            button.setAccessibleName(action.text())
            button.setAccessibleDescription(action.statusTip())
            button.setAutoRaise(True)
            button.setToolButtonStyle(
                Qt.ToolButtonStyle.ToolButtonIconOnly
                if icon_only
                else Qt.ToolButtonStyle.ToolButtonTextOnly
            )
            bar.addWidget(button)
            if icon_only and action is self.forward_action:
                bar.addStretch(1)
        self.view = RecordView()
        self.view.menu_actions = [self.copy_citation_action, self.add_note_action]
        self.view.link_activated.connect(self._on_link)
        self._message = QLabel()
        self._message.setObjectName("detailMessage")
        self._message.setTextFormat(Qt.TextFormat.PlainText)
        self._message.setWordWrap(True)
        self._message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._message.setEnabled(False)
        self._message.setAccessibleName(self.tr("Detail pane message"))
        self._message.setAccessibleDescription(self.tr("Why no single record is shown."))
        self._stack = QStackedWidget()
        self._stack.addWidget(self._message)
        self._stack.addWidget(self.view)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self._stack, 1)
        self._update_actions()

    def _action(
        self,
        text: str,
        description: str,
        shortcut: QKeySequence | QKeySequence.StandardKey,
        slot: Callable[[], object],
    ) -> QAction:
        action = QAction(text, self)
        action.setToolTip(f"{description} ({QKeySequence(shortcut).toString()})")
        action.setStatusTip(description)
        action.setShortcut(shortcut)
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    # ------------------------------------------------------------------ public

    def show_ids(self, ids: Sequence[int]) -> None:
        """Show the one record selected in the list (a visit), or say how many are."""
        if len(ids) == 1:
            self._visit(ids[0], announce=False)
            return
        self._forget_reads()
        if ids:
            n = len(ids)
            # One id is shown as a record (above), so the count here is never 1.
            self.show_message(self.tr("{0} records selected.", "", n).format(f"{n:,}"))
        else:
            self.show_message(QCoreApplication.translate("DetailPane", NOTHING_SELECTED))

    def show_record(self, record_id: int) -> None:
        """Show a record (a visit); ``record_shown`` follows once it is on show."""
        self._visit(record_id, announce=True)

    def go_back(self) -> None:
        """Show the record shown before the current one, if there is one."""
        record_id = self._history.back()
        if record_id is not None:
            self._history_moved(record_id)

    def go_forward(self) -> None:
        """Show the record Back left, if there is one."""
        record_id = self._history.forward()
        if record_id is not None:
            self._history_moved(record_id)

    @property
    def can_go_back(self) -> bool:
        """True when Back would show another record."""
        return self._history.can_go_back

    @property
    def can_go_forward(self) -> bool:
        """True when Forward would show another record."""
        return self._history.can_go_forward

    def set_query(self, text: str) -> None:
        """Highlight the search's words in the title, summary and notes.

        A malformed query (often one being typed) leaves the highlights as they were.
        """
        words = words_of(text)
        if words is None or words == self._words:
            return
        self._words = words
        if self.shown is not None:
            self._display(self.shown, announce=False)

    @property
    def highlighted_words(self) -> list[str]:
        """The words highlighted now."""
        return list(self._words)

    def copy_citation(self) -> str:
        """Put the record's citation on the clipboard and return it ("" with no record)."""
        if self.shown is None:
            return ""
        citation = archive_citation(self.shown.detail)
        QGuiApplication.clipboard().setText(citation)
        self.status_message.emit(QCoreApplication.translate("DetailPane", CITATION_COPIED))
        return citation

    def add_note(self) -> None:
        """Ask for a note and add it to the record on show (with an editor only)."""
        if self.shown_id is not None and self._service.editor is not None:
            self.notes.add(self.shown_id)

    def on_changes(self, changes: ChangeSet) -> None:
        """Read the record on show again if an operation changed it."""
        if self.shown_id is not None and changes.touches(self.shown_id):
            self._load(self.shown_id, announce=False)

    def show_message(self, text: str) -> None:
        """Show a line of text instead of a record."""
        self._message.setText(text)
        self._stack.setCurrentWidget(self._message)
        self.shown_id = None
        self.shown = None
        self._update_actions()

    def message(self) -> str:
        """The message on show instead of a record ("" while a record is shown)."""
        return self._message.text() if self._stack.currentWidget() is self._message else ""

    def field_text(self, key: str) -> str:
        """The text shown for a field ("" when no record, or no such field, is on show)."""
        return self.view.field_text(key) if self.shown is not None else ""

    # ------------------------------------------------------------------ reading

    def _visit(self, record_id: int, *, announce: bool) -> None:
        self._history.visit(record_id)
        self._update_actions()
        if record_id == self.shown_id:
            self._keep_showing(record_id)
        else:
            self._load(record_id, announce=announce)

    def _history_moved(self, record_id: int) -> None:
        self._update_actions()
        if record_id == self.shown_id:
            self._keep_showing(record_id)
        else:
            self._load(record_id, announce=True)

    def _keep_showing(self, record_id: int) -> None:
        # Already on show: drop a slower read of another record, but not a fresh read of
        # this one (another archivist's edit, say), or its news would be lost.
        if self._reading != record_id:
            self._forget_reads()

    def _forget_reads(self) -> None:
        self._reads.forget()
        self._reading = None

    def _load(self, record_id: int, *, announce: bool) -> None:
        service = self._service
        self._reading = record_id
        self._reads.read(
            lambda: _read(service, record_id),
            lambda shown: self._display(shown, announce=announce),
            self._on_error,
        )

    def _display(self, shown: Shown, *, announce: bool) -> None:
        self._reading = None
        same = self.shown is not None and self.shown.detail.id == shown.detail.id
        scroll = self.view.verticalScrollBar().value()
        editable = self._service.editor is not None
        fields = record_fields(shown.detail, shown.changes, editable=editable)
        self.view.show_fields(shown.detail.title, fields, self._words)
        if same:
            self.view.verticalScrollBar().setValue(scroll)
        self._stack.setCurrentWidget(self.view)
        self.shown = shown
        self.shown_id = shown.detail.id
        self._update_actions()
        if announce:
            self.record_shown.emit(shown.detail.id)

    def _on_error(self, error: BaseException) -> None:
        self._reading = None
        if isinstance(error, RecordNotFound):
            self.show_message(self.tr("This record is no longer in the catalogue."))
        elif isinstance(error, CatalogError):
            self.show_message(
                self.tr("The record could not be read: {0}").format(error_text(error))
            )
        else:
            self.show_message(self.tr("The record could not be shown."))
            self._on_bug(error)

    # ------------------------------------------------------------------ links

    def _on_link(self, link: Link) -> None:
        if isinstance(link, FilterLink):
            self.filter_requested.emit(link.clause)
        elif isinstance(link, RecordLink):
            self.record_requested.emit(link.record_id)
            self.show_record(link.record_id)
        elif isinstance(link, FileLink):
            self._open_attachment(link.path)
        elif isinstance(link, NoteLink) and self.shown is not None:
            self.notes.activate(link, self.shown.detail)

    def _on_notes_changed(self, changes: ChangeSet) -> None:
        if self.shown_id is not None:
            self._load(self.shown_id, announce=False)
        self.changed.emit(changes)

    def _open_attachment(self, stored: str) -> None:
        """Open an attachment with the system's viewer: only a file under the catalogue's
        attachment folder (a stored path that leads out of it is refused, not opened)."""
        if self._attachment_folder is None:
            self.status_message.emit(self.tr("This catalogue has no folder for attachments."))
            return
        try:
            path = AttachmentStore(self._attachment_folder).resolve(AttachmentChoice(stored, ""))
        except InvalidEdit:
            self.status_message.emit(
                self.tr(
                    "The attachment path {0} leads outside the catalogue's folder; "
                    "it is not opened."
                ).format(stored)
            )
            return
        if not path.is_file():
            self.status_message.emit(
                self.tr("The attachment {0} is not at {1}.").format(stored, path)
            )
        elif not QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
            self.status_message.emit(self.tr("No application could open {0}.").format(path.name))

    def _update_actions(self) -> None:
        back, forward = self._history.can_go_back, self._history.can_go_forward
        self.back_action.setEnabled(back)
        self.forward_action.setEnabled(forward)
        self.copy_citation_action.setEnabled(self.shown is not None)
        self.add_note_action.setEnabled(self.shown is not None)
        if (back, forward) != self._can_move:
            self._can_move = (back, forward)
            self.history_changed.emit(back, forward)
