"""The window's editing commands: undo and redo, new, edit, delete, trash, authorities,
bulk edits and name suggestions.

Each command opens its dialog or runs its change, then announces the ChangeSet on the
signal hub so the list, facets, timeline and detail pane refresh. Undo, redo and
deletes run on the serial worker (a bulk step can touch thousands of records); the
Edit menu names the step each would apply.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject, QSettings, Qt, Signal
from PySide6.QtWidgets import QWidget

from catalog.domain.changes import ChangeSet
from catalog.domain.errors import CatalogError
from catalog.services.editing.editor import Editor
from catalog.ui.dialogs import archivist_name, messages
from catalog.ui.jobs.runner import Runner
from catalog.ui.ports import CatalogPort
from catalog.ui.shell.actions import ActionId, Actions
from catalog.ui.shell.bugs import BugReporter
from catalog.ui.shell.signals import SignalHub


class EditingCommands(QObject):
    """Runs the Edit menu's commands for one window.

    Signals:
        busy_changed(bool): a change is being written on the worker.
    """

    busy_changed = Signal(bool)

    def __init__(
        self,
        service: CatalogPort,
        runner: Runner,
        hub: SignalHub,
        actions: Actions,
        window: QWidget,
        bugs: BugReporter,
        selection: Callable[[], Sequence[int]],
        shown: Callable[[], int | None] = lambda: None,
        settings: QSettings | None = None,
    ) -> None:
        super().__init__(window)
        self._service = service
        self._runner = runner
        self._hub = hub
        self._actions = actions
        self._window = window
        self._bugs = bugs
        self._selection = selection
        self._shown = shown
        self._settings = settings
        self._busy = False
        self._dialogs: list[QWidget] = []
        hub.changes_applied.connect(lambda _changes: self.update_labels())
        actions[ActionId.UNDO].triggered.connect(self.undo)
        actions[ActionId.REDO].triggered.connect(self.redo)
        actions[ActionId.DELETE_RECORDS].triggered.connect(self.delete_selected)
        actions[ActionId.NEW_RECORD].triggered.connect(lambda: self.open_editor(None))
        actions[ActionId.EDIT_RECORD].triggered.connect(self.edit_current)
        actions[ActionId.AUTHORITIES].triggered.connect(self.show_authorities)
        actions[ActionId.SUGGEST_NAMES].triggered.connect(self.suggest_names)
        actions[ActionId.BULK_EDIT].triggered.connect(self.bulk_edit)
        actions[ActionId.ARCHIVIST_NAME].triggered.connect(self.ask_archivist_name)
        actions[ActionId.SHOW_TRASH].triggered.connect(self.show_trash)
        self.update_labels()

    @property
    def editor(self) -> Editor | None:
        """The catalogue's editor (None: read-only)."""
        return self._service.editor

    @property
    def busy(self) -> bool:
        """True while a change is being written."""
        return self._busy

    # ------------------------------------------------------------------ undo and redo

    def update_labels(self) -> None:
        """Name the steps Undo and Redo would apply, and enable them when there is one."""
        editor = self.editor
        undo_label = editor.history.undo_label if editor else None
        redo_label = editor.history.redo_label if editor else None
        for action_id, named, bare, label in (
            (ActionId.UNDO, self.tr("&Undo {0}"), self.tr("&Undo"), undo_label),
            (ActionId.REDO, self.tr("&Redo {0}"), self.tr("&Redo"), redo_label),
        ):
            action = self._actions[action_id]
            action.setText(named.format(label) if label else bare)
            action.setEnabled(label is not None and not self._busy)

    def undo(self) -> None:
        """Revert the last change."""
        if self.editor is not None and self.editor.history.undo_label:
            done = self.tr("Undid “{0}”.").format(self.editor.history.undo_label)
            self._write(self.editor.undo, done)

    def redo(self) -> None:
        """Apply the last undone change again."""
        if self.editor is not None and self.editor.history.redo_label:
            done = self.tr("Redid “{0}”.").format(self.editor.history.redo_label)
            self._write(self.editor.redo, done)

    # ------------------------------------------------------------------ trash

    def delete_selected(self) -> None:
        """Move the selected records to the trash (undoable; nothing is asked)."""
        editor = self.editor
        ids = list(self._selection())
        if editor is None or not ids:
            return
        n = len(ids)
        if n == 1:
            done = self.tr("Moved {0} record to the trash (Edit → Undo brings it back).", "", n)
        else:
            done = self.tr("Moved {0} records to the trash (Edit → Undo brings them back).", "", n)
        self._write(lambda: editor.trash(ids), done.format(f"{n:,}"))

    # ------------------------------------------------------------------ dialogs

    def edit_current(self) -> QWidget | None:
        """Open the editor on the selected record (else the one the detail pane shows)."""
        selected = list(self._selection())
        record_id = selected[0] if selected else self._shown()
        return None if record_id is None else self.open_editor(record_id)

    def open_editor(self, record_id: int | None) -> QWidget | None:
        """Open the record editor on a record, or on a new one (None)."""
        if self.editor is None:
            return None
        from catalog.ui.editor import RecordEditorDialog

        dialog = RecordEditorDialog(self._service, record_id, self._window)
        dialog.saved.connect(lambda _record_id, changes: self.announce(changes))
        return self._open(dialog)

    def show_authorities(self) -> QWidget | None:
        """Open the name authorities manager."""
        if self.editor is None:
            return None
        from catalog.ui.dialogs.authorities import AuthoritiesDialog

        return self._open(AuthoritiesDialog(self._service, self._window))

    def suggest_names(self) -> QWidget | None:
        """Offer links to the known names found in the selected records."""
        ids = list(self._selection())
        if self.editor is None or not ids:
            return None
        from catalog.ui.dialogs.authorities import SuggestionsDialog

        return self._open(SuggestionsDialog(self._service, ids, self._window))

    def bulk_edit(self) -> QWidget | None:
        """Change a field of every selected record at once, after a preview."""
        ids = list(self._selection())
        if self.editor is None or not ids:
            return None
        from catalog.ui.dialogs.bulk_edit import BulkEditDialog

        return self._open(BulkEditDialog(self._service, ids, self._runner, self._window))

    def show_trash(self) -> QWidget | None:
        """List the deleted records, to restore them or empty the trash."""
        if self.editor is None:
            return None
        from catalog.ui.dialogs.trash import TrashDialog

        return self._open(TrashDialog(self._service, self._window, self._runner))

    def ask_archivist_name(self) -> None:
        """Change the name that signs notes and the change log (kept in the settings)."""
        editor = self.editor
        if editor is None:
            return
        name = archivist_name.ask_name(self._window, editor.user)
        if name is None:
            return
        editor.user = name
        if self._settings is not None:
            self._settings.setValue(archivist_name.SETTINGS_KEY, name)
        self._hub.status_message.emit(
            self.tr("Your notes and changes are now signed “{0}”.").format(name)
        )

    def _open(self, dialog: QWidget) -> QWidget:
        """Show a dialog that announces its changes; keep it alive while it is open."""
        changed = getattr(dialog, "changed", None)
        if changed is not None:
            changed.connect(self.announce)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._dialogs.append(dialog)
        dialog.destroyed.connect(lambda: self._dialogs.remove(dialog))
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()
        return dialog

    # ------------------------------------------------------------------ plumbing

    def announce(self, changes: ChangeSet) -> None:
        """Tell every pane what a dialog changed."""
        if not changes.empty:
            self._hub.changes_applied.emit(changes)
        self.update_labels()

    def _write(self, work: Callable[[], ChangeSet], done_message: str) -> None:
        if self._busy:
            return
        self._set_busy(True)

        def done(changes: ChangeSet) -> None:
            self._set_busy(False)
            self.announce(changes)
            self._hub.status_message.emit(done_message)

        def failed(error: BaseException) -> None:
            self._set_busy(False)
            self.update_labels()
            if isinstance(error, CatalogError):
                messages.show_error(self._window, self.tr("The change was not made"), error)
            else:
                self._bugs(error, self.tr("changing the catalogue"))

        self._runner.write(lambda _progress: work(), done, failed)

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.update_labels()
        self.busy_changed.emit(busy)
