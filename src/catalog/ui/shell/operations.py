"""Import, sample loading, export, the catalogue's check and its sort order: long jobs
with progress, their outcomes reported.

Each operation asks what it needs (files, an export choice), runs the service call on
the serial worker behind a cancellable progress dialog, then announces the ChangeSet on
the signal hub and puts a sentence in the status bar. Errors the user can act on get a
clear message box; anything else is reported as a bug.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QSettings, Qt, Signal
from PySide6.QtWidgets import QDialog, QWidget

from catalog.domain.changes import ChangeSet
from catalog.domain.errors import CatalogError, ImportFileError
from catalog.domain.records import ImportReport
from catalog.services.jobs import JobCancelled, ProgressCallback
from catalog.ui import reveal as desktop
from catalog.ui.dialogs import file_pickers, messages
from catalog.ui.dialogs.export_choice import load_memory, save_memory
from catalog.ui.dialogs.export_dialog import (
    ExportChoice,
    ExportDialog,
    ExportFormat,
    ExportScope,
    ScopeCounts,
)
from catalog.ui.jobs.progress import run_with_progress
from catalog.ui.jobs.runner import Runner
from catalog.ui.ports import CatalogPort
from catalog.ui.shell.bugs import BugReporter
from catalog.ui.shell.signals import SignalHub
from catalog.ui.translation import error_text, notice_text


@dataclass
class ImportOutcome:
    """What an import of one or more files did."""

    reports: list[ImportReport] = field(default_factory=list)
    changes: ChangeSet = field(default_factory=ChangeSet)
    failures: list[tuple[str, CatalogError]] = field(default_factory=list)
    cancelled: str = ""

    @property
    def records(self) -> int:
        """Records written, over every file."""
        return sum(report.records for report in self.reports)

    @property
    def warnings(self) -> list[str]:
        """Every warning, prefixed with its file's name when there were several files."""
        several = len(self.reports) > 1
        return [
            f"{Path(report.path).name}: {notice_text(warning)}" if several else notice_text(warning)
            for report in self.reports
            for warning in report.warnings
        ]


def load_sample(service: CatalogPort, progress: ProgressCallback) -> ImportOutcome:
    """Import the sample records; runs on the worker."""
    try:
        report, changes = service.load_sample(progress)
    except JobCancelled:
        return ImportOutcome(
            cancelled=QCoreApplication.translate("Operations", "the sample records")
        )
    return ImportOutcome([report], changes)


class ImportWording(QObject):
    """An import's outcome in words, the nouns agreeing with the numbers in any language."""

    def summary(self, outcome: ImportOutcome) -> str:
        """One sentence for the status bar."""
        if outcome.cancelled and not outcome.reports and not outcome.failures:
            return self.tr("Import of {0} cancelled; nothing was imported.").format(
                outcome.cancelled
            )
        n = outcome.records
        count = f"{n:,}"
        if len(outcome.reports) == 1:
            name = Path(outcome.reports[0].path).name
            if n == 1:
                head = self.tr("Imported {0} record from {1}", "", n).format(count, name)
            else:
                head = self.tr("Imported {0} records from {1}", "", n).format(count, name)
        elif outcome.reports:
            files = len(outcome.reports)
            if n == 1:
                head = self.tr("Imported {0} record from {1} files", "", n).format(count, files)
            else:
                head = self.tr("Imported {0} records from {1} files", "", n).format(count, files)
        else:
            head = self.tr("Nothing was imported")
        parts = [head]
        if outcome.warnings:
            w = len(outcome.warnings)
            warned = self.tr("{0} warning", "", w) if w == 1 else self.tr("{0} warnings", "", w)
            parts.append(warned.format(w))
        if outcome.failures:
            f = len(outcome.failures)
            parts.append(self.tr("{0} file(s) could not be imported", "", f).format(f))
        if outcome.cancelled:
            parts.append(
                self.tr("import of {0} cancelled, nothing of it kept").format(outcome.cancelled)
            )
        return " · ".join(parts) + "."


def import_summary(outcome: ImportOutcome) -> str:
    """One sentence for the status bar."""
    return ImportWording().summary(outcome)


class Operations(QObject):
    """The File menu's long jobs.

    Signals:
        busy_changed(bool): a long job started or finished.
        imported(Sequence[int]): records an import added or updated, announced just
            before its ChangeSet (so the window can select them in the next result).
    """

    busy_changed = Signal(bool)
    imported = Signal(object)

    def __init__(
        self,
        service: CatalogPort,
        runner: Runner,
        hub: SignalHub,
        window: QWidget,
        bugs: BugReporter,
        settings: QSettings | None = None,
    ) -> None:
        super().__init__(window)
        self._settings = settings
        self._service = service
        self._runner = runner
        self._hub = hub
        self._window = window
        self._bugs = bugs
        self._busy = False
        self.import_dir = Path.home()
        self.export_dir = Path.home()

    @property
    def busy(self) -> bool:
        """True while an import, sample load or export runs."""
        return self._busy

    # ------------------------------------------------------------------ import

    def ask_and_import(self) -> None:
        """File → Import…: pick files, then review and import them in the Import dialog."""
        if self._busy:
            return
        paths = file_pickers.ask_import_files(self._window, self.import_dir)
        if paths:
            self.import_dir = paths[0].parent
            self.import_paths(paths)

    def import_paths(self, paths: Sequence[Path]) -> QDialog | None:
        """Open the Import dialog on files (each file is its own transaction)."""
        if self._busy or not paths:
            return None
        from catalog.ui.dialogs.import_dialog import ImportDialog  # loaded when first needed

        dialog = ImportDialog(self._service, list(paths), self._runner, self._window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        chosen: list[int] = []  # every file's records so far: they end up selected together
        dialog.imported.connect(
            lambda report, changes: self._on_file_imported(report, changes, chosen)
        )
        dialog.finished.connect(lambda _result: self._set_busy(False))
        self._set_busy(True)
        dialog.open()
        return dialog

    def _on_file_imported(
        self, report: ImportReport, changes: ChangeSet, chosen: list[int]
    ) -> None:
        """One file of the dialog is in: refresh the views, then select its records (with
        those of the dialog's earlier files)."""
        chosen.extend([*report.record_ids, *sorted(changes.updated)])
        self.imported.emit(list(chosen))
        if not changes.empty:
            self._hub.changes_applied.emit(changes)
        self._hub.status_message.emit(import_summary(ImportOutcome([report], changes)))

    def load_sample(self) -> None:
        """File → Load sample records."""
        if self._busy:
            return
        service = self._service
        self._start(self.tr("Loading the sample records"), lambda p: load_sample(service, p))

    def _start(self, title: str, work: Callable[[ProgressCallback], ImportOutcome]) -> None:
        self._set_busy(True)
        run_with_progress(
            self._runner, self._window, title, work, self._on_imported, self._on_import_failed
        )

    def _on_imported(self, outcome: ImportOutcome) -> None:
        self._set_busy(False)
        if not outcome.changes.empty:
            self._hub.changes_applied.emit(outcome.changes)
        self._hub.status_message.emit(import_summary(outcome))
        if outcome.failures:
            lines = [
                error_text(error)
                if isinstance(error, ImportFileError) and error.path
                else f"{name}: {error_text(error)}"
                for name, error in outcome.failures
            ]
            if outcome.reports:
                title = self.tr("Some files were not imported")
            else:
                title = self.tr("Import failed")
            messages.show_error(
                self._window,
                title,
                self.tr("{0}\n\nNothing from these files was written.").format("\n\n".join(lines)),
            )
        elif outcome.warnings:
            messages.show_info(
                self._window,
                self.tr("Import finished with warnings"),
                import_summary(outcome),
                self.tr("The records were imported; see the details for what to check."),
                "\n".join(outcome.warnings),
            )

    def _on_import_failed(self, error: BaseException) -> None:
        self._set_busy(False)
        if isinstance(error, JobCancelled):
            self._hub.status_message.emit(self.tr("Import cancelled; nothing was imported."))
        elif isinstance(error, CatalogError):
            self._hub.status_message.emit(self.tr("Import failed; nothing was imported."))
            messages.show_error(self._window, self.tr("Import failed"), error)
        else:
            self._hub.status_message.emit(self.tr("Import failed; nothing was imported."))
            self._bugs(error, self.tr("the import"))

    # ------------------------------------------------------------------ check, sort order

    def check_catalogue(self) -> None:
        """Look for damage and offer to repair it (the check dialog runs its own jobs)."""
        from catalog.ui.dialogs.check_dialog import check_catalogue  # loaded when first used

        emit = self._hub.changes_applied.emit
        check_catalogue(self._window, self._service, self._runner, emit, self._bugs)

    def remake_sort_keys_if_outdated(self) -> None:
        """Make the sort keys of titles and names again when another collation made them
        (a catalogue from an older Catalog, ICU upgraded): seconds at a million records,
        behind a cancellable progress dialog. Until then titles sort in the old order."""
        if self._busy or not self._service.sort_keys_outdated():
            return
        self._set_busy(True)
        run_with_progress(
            self._runner,
            self._window,
            self.tr("Updating the sort order of titles and names"),
            self._service.remake_sort_keys,
            self._on_sort_keys_made,
            self._on_sort_keys_failed,
        )

    def _on_sort_keys_made(self, changes: ChangeSet) -> None:
        self._set_busy(False)
        if not changes.empty:
            self._hub.changes_applied.emit(changes)
        self._hub.status_message.emit(self.tr("Titles and names now sort in the new order."))

    def _on_sort_keys_failed(self, error: BaseException) -> None:
        self._set_busy(False)
        if isinstance(error, JobCancelled):
            self._hub.status_message.emit(
                self.tr("The sort order was not updated; it will be at the next start.")
            )
        elif isinstance(error, CatalogError):
            messages.show_error(self._window, self.tr("The sort order was not updated"), error)
        else:
            self._bugs(error, self.tr("updating the sort order"))

    def ask_sort_language(self) -> None:
        """Ask for the language whose order titles and names sort in, then make their
        keys again in it: a cancellable job, after which the catalogue sorts that way."""
        from catalog.ui.dialogs.sort_language import SortLanguageDialog  # when first needed

        if self._busy:
            return
        try:
            current = self._service.sort_language()
        except CatalogError as error:
            messages.show_error(self._window, self.tr("The sort order was not changed"), error)
            return
        chosen = SortLanguageDialog.ask(current, self._window)
        if chosen is None:
            return
        self._set_busy(True)
        run_with_progress(
            self._runner,
            self._window,
            self.tr("Sorting titles and names again"),
            lambda progress: self._service.remake_sort_keys(progress, chosen),
            self._on_sort_keys_made,
            self._on_sort_language_failed,
        )

    def _on_sort_language_failed(self, error: BaseException) -> None:
        self._set_busy(False)
        if isinstance(error, JobCancelled):
            self._hub.status_message.emit(self.tr("The sort order was not changed."))
        elif isinstance(error, CatalogError):
            messages.show_error(self._window, self.tr("The sort order was not changed"), error)
        else:
            self._bugs(error, self.tr("changing the sort order"))

    # ------------------------------------------------------------------ export

    def ask_and_export(
        self,
        selected: Sequence[int],
        results: Sequence[int],
        total: int,
        scope: ExportScope | None = None,
    ) -> None:
        """File → Export…: ask what to export (offering ``scope`` first), then write it."""
        if self._busy:
            return
        formats = [ExportFormat.of(e) for e in self._service.registry.exporters.values()]
        counts = ScopeCounts(len(selected), len(results), total)
        memory = load_memory(self._settings)
        choice = ExportDialog.ask(self._window, formats, self.export_dir, counts, memory, scope)
        if choice is None:
            return
        self.export_dir = choice.path.parent
        save_memory(self._settings, choice)
        # The id sequences are read-only numpy-backed views: the worker turns the chosen
        # one into a list, so a million ids never become Python ints on the UI thread.
        ids = {ExportScope.SELECTED: selected, ExportScope.RESULTS: results}.get(choice.scope)
        self.export(choice, ids)

    def export(self, choice: ExportChoice, ids: Sequence[int] | None) -> None:
        """Export records (None: the whole catalogue) as chosen."""
        service = self._service

        def work(progress: ProgressCallback) -> int:
            chosen = list(service.search("").ids) if ids is None else list(ids)
            return service.export(chosen, choice.format_name, choice.path, progress, choice.options)

        def done(written: int) -> None:
            self._set_busy(False)
            if written == 1:
                text = self.tr("Exported {0} record to {1}.", "", written)
            else:
                text = self.tr("Exported {0} records to {1}.", "", written)
            self._hub.status_message.emit(text.format(f"{written:,}", choice.path))
            if choice.reveal:
                self.reveal_file(choice.path)

        def failed(error: BaseException) -> None:
            self._set_busy(False)
            if isinstance(error, JobCancelled):
                self._hub.status_message.emit(self.tr("Export cancelled; no file was written."))
            elif isinstance(error, CatalogError):
                self._hub.status_message.emit(self.tr("Export failed."))
                messages.show_error(self._window, self.tr("Export failed"), error)
            else:
                self._hub.status_message.emit(self.tr("Export failed."))
                self._bugs(error, self.tr("the export"))

        self._set_busy(True)
        title = self.tr("Exporting records")
        run_with_progress(self._runner, self._window, title, work, done, failed)

    def reveal_file(self, path: Path) -> None:
        """Show an exported file in the file manager (the status bar says so if it cannot)."""
        if not desktop.reveal(path):
            self._hub.status_message.emit(
                self.tr("Exported to {0} (no file manager could show it).").format(path)
            )

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.busy_changed.emit(busy)
