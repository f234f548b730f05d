"""File → Import…: review each file, then import it, one file (one transaction) at a time.

For each file the dialog first plans the import on the serial worker (format detected or
chosen, preview, validation report, duplicates; nothing written), then imports it when
the user presses Import, with the duplicates policy chosen. Both jobs run behind the
cancellable progress dialog; a cancel or an error leaves the catalogue as it was. The
last page sums up what every file added, updated and skipped, with the warnings.

The dialog announces each imported file through :attr:`ImportDialog.imported`, so the
window can refresh and select the new records while the summary is still open.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from catalog.domain.changes import ChangeSet
from catalog.domain.errors import CatalogError, EditConflict, ImportFileError
from catalog.domain.records import ImportReport
from catalog.services.import_matching import DuplicatePolicy
from catalog.services.import_plan import ImportPlan
from catalog.services.jobs import JobCancelled, ProgressCallback
from catalog.services.transfer.mapped import NAMES
from catalog.ui.dialogs import messages
from catalog.ui.dialogs.import_dialog.mapped_check import MappedCheck, check_any
from catalog.ui.dialogs.import_dialog.mapping_step import MappingStep
from catalog.ui.dialogs.import_dialog.review_page import ReviewPage
from catalog.ui.dialogs.import_dialog.summary import FileResult, file_warnings
from catalog.ui.dialogs.import_dialog.summary_page import SummaryPage
from catalog.ui.dialogs.import_dialog.widgets import push_button
from catalog.ui.jobs.progress import JobProgress, run_with_progress
from catalog.ui.jobs.runner import Done, Failed, Runner, Work
from catalog.ui.palette import error_color
from catalog.ui.ports import CatalogPort
from catalog.ui.translation import error_text, format_label

Imported = tuple[ImportReport, ChangeSet]
T = TypeVar("T")


class ImportDialog(QDialog):
    """Review and import files one after another.

    Signals:
        imported(ImportReport, ChangeSet): a file was imported (its transaction committed).

    Attributes:
        review: the page showing the current file's plan.
        plan: the current file's plan (None while checking, or when no format fits).
        results: what became of each file so far.
        job: the progress dialog of the latest job.
    """

    imported = Signal(object, object)

    def __init__(
        self,
        service: CatalogPort,
        paths: Sequence[Path],
        runner: Runner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("importDialog")
        self.setWindowTitle(self.tr("Import records"))
        self._service = service
        self._runner = runner
        self._paths = [Path(p) for p in paths]
        self._index = 0
        self._format: str | None = None
        self.mapped: MappedCheck | None = None
        self.plan: ImportPlan | None = None
        self.results: list[FileResult] = []
        self.job: JobProgress | None = None
        self._running = False

        formats = {
            name: format_label(imp.label) for name, imp in service.registry.importers.items()
        }
        self.review = ReviewPage(formats)
        self.review.format_chosen.connect(self._on_format_chosen)
        self.notice = QLabel()
        self.notice.setObjectName("importNotice")
        self.notice.setTextFormat(Qt.TextFormat.PlainText)
        self.notice.setWordWrap(True)
        self.notice.setStyleSheet(f"color: {error_color()};")
        review_page = QWidget()
        review_layout = QVBoxLayout(review_page)
        review_layout.setContentsMargins(0, 0, 0, 0)
        self.mapping_step = MappingStep()
        self.mapping_step.changed.connect(self._on_mapping_changed)
        review_layout.addWidget(self.mapping_step, 1)
        review_layout.addWidget(self.review, 1)
        review_layout.addWidget(self.notice)

        self.summary_page = SummaryPage()
        self.summary, self.warnings = self.summary_page.summary, self.summary_page.warnings

        self.pages = QStackedWidget()
        self.pages.addWidget(review_page)
        self.pages.addWidget(self.summary_page)

        self.skip_button = push_button(
            "importSkip",
            self.tr("S&kip This File"),
            self._skip,
            self.tr("Leave this file out and go on to the next one"),
        )
        self.close_button = push_button(
            "importClose",
            self.tr("Cancel"),
            self.reject,
            self.tr("Close the dialog; files not imported yet are left out"),
        )
        self.import_button = push_button(
            "importRun",
            self.tr("&Import"),
            self._import,
            self.tr("Import this file as checked, with the duplicates handled as chosen"),
        )
        self.import_button.setDefault(True)
        self.skip_button.setVisible(len(self._paths) > 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.skip_button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        buttons.addWidget(self.import_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages, 1)
        layout.addLayout(buttons)
        self.resize(980, 680)
        self._start_file()

    # ------------------------------------------------------------------ public

    @property
    def path(self) -> Path | None:
        """The file being reviewed (None once every file is done)."""
        return self._paths[self._index] if self._index < len(self._paths) else None

    @property
    def finished_all(self) -> bool:
        """True once the summary is shown."""
        return self.pages.currentIndex() == 1

    # ------------------------------------------------------------------ steps

    def _start_file(self) -> None:
        path = self.path
        if path is None:
            self._show_summary()
            return
        self._format, self.mapped = None, None
        self.mapping_step.reset()
        self.mapping_step.hide()
        position = (
            self.tr("(file {n} of {total})").format(n=self._index + 1, total=len(self._paths))
            if len(self._paths) > 1
            else ""
        )
        self.review.show_path(path, position)
        self._check()

    def _check(self, notice: str = "") -> None:
        """Plan the current file's import on the worker (nothing is written); a mapped
        file is read through the mapping step's mapping once it is shown."""
        path, chosen, service = self.path, self._format, self._service
        mapping = self.mapping_step.mapping() if self.mapped else None
        assert path is not None
        self.plan = None
        self.review.show_plan(None)
        self.notice.setText(self.tr("Checking {file}…").format(file=path.name))

        def work(progress: ProgressCallback) -> ImportPlan | MappedCheck:
            return check_any(service, path, chosen, mapping, progress)

        def done(result: ImportPlan | MappedCheck) -> None:
            self.mapped = result if isinstance(result, MappedCheck) else None
            self.plan = result.plan if isinstance(result, MappedCheck) else result
            self.review.show_plan(self.plan)
            if isinstance(result, MappedCheck):
                self.mapping_step.show_check(result)
                self.review.set_format(NAMES[result.source.kind])
            self.mapping_step.setVisible(self.mapped is not None)
            self.notice.setText(notice)
            self._enable()

        def failed(error: BaseException) -> None:
            self.review.set_format(self._format)
            if isinstance(error, JobCancelled):
                self.notice.setText(
                    self.tr("Checking was cancelled; choose a format to check again.")
                )
            elif isinstance(error, ImportFileError):
                self.notice.setText(
                    self.tr("{error}\nChoose the format of the file above.").format(
                        error=error_text(error)
                    )
                )
            elif isinstance(error, CatalogError):
                self.notice.setText(error_text(error))
            else:
                self.notice.setText(self.tr("The file could not be checked."))
                messages.show_bug(self, error, self.tr("checking the file"))
            self._enable()

        self._run(self.tr("Checking {file}").format(file=path.name), work, done, failed)

    def _import(self) -> None:
        """Import the current file as planned, with the chosen duplicates policy."""
        plan, path, service = self.plan, self.path, self._service
        if plan is None or path is None or not plan.can_import or self._running:
            return
        policy = self.review.policy()
        expected = plan.expected_versions if policy is DuplicatePolicy.UPDATE else None
        self.notice.setText("")

        importer = self.mapped.importer() if self.mapped else None

        def work(progress: ProgressCallback) -> Imported:
            return service.import_file(
                path,
                plan.format,
                progress=progress,
                duplicates=policy,
                expected=expected,
                importer=importer,
            )

        def done(result: Imported) -> None:
            report, changes = result
            self.results.append(FileResult(path, report, file_warnings(plan.issues, report)))
            self.imported.emit(report, changes)
            self._index += 1
            self._start_file()

        def failed(error: BaseException) -> None:
            nothing = self.tr("Nothing from {file} was written.").format(file=path.name)
            if isinstance(error, JobCancelled):
                self.notice.setText(
                    self.tr("The import was cancelled. {nothing}").format(nothing=nothing)
                )
            elif isinstance(error, EditConflict):
                # The plan's duplicates are stale: check again, keeping the message up.
                again = self.tr("The file was checked again: review it and import again.")
                self._check(f"{error_text(error)}\n{nothing} {again}")
                return
            elif isinstance(error, CatalogError):
                self.notice.setText(f"{error_text(error)}\n{nothing}")
            else:
                self.notice.setText(nothing)
                messages.show_bug(self, error, self.tr("the import"))
            self._enable()

        self._run(self.tr("Importing {file}").format(file=path.name), work, done, failed)

    def _skip(self) -> None:
        if self._running or self.path is None:
            return
        self.results.append(FileResult(self.path))
        self._index += 1
        self._start_file()

    def _show_summary(self) -> None:
        self.summary_page.show_results(self.results)
        self.pages.setCurrentIndex(1)
        self.import_button.hide()
        self.skip_button.hide()
        self.close_button.setText(self.tr("Close"))
        self.close_button.setAccessibleName(self.tr("Close"))
        self.close_button.setAccessibleDescription(self.tr("Close the import dialog"))
        self.close_button.setDefault(True)
        self.close_button.setFocus()

    # ------------------------------------------------------------------ helpers

    def _on_format_chosen(self, name: str) -> None:
        if not self._running:
            self._format, self.mapped = name, None
            self.mapping_step.reset()
            self._check()

    def _on_mapping_changed(self) -> None:
        if not self._running and self.mapped is not None:
            self._format = NAMES[self.mapped.source.kind]
            self._check()

    def _run(self, title: str, work: Work[T], done: Done[T], failed: Failed) -> None:
        """Run a job behind the progress dialog; the buttons wait until it ends."""

        def delivered(value: T) -> None:
            self._running = False
            done(value)

        def broke(error: BaseException) -> None:
            self._running = False
            failed(error)

        self._running = True
        self._enable()
        self.job = run_with_progress(self._runner, self, title, work, delivered, broke)

    def _enable(self) -> None:
        running = self._running
        can = not running and self.plan is not None and self.plan.can_import
        self.import_button.setEnabled(can)
        self.skip_button.setEnabled(not running)
        self.review.format_combo.setEnabled(not running)
        self.mapping_step.setEnabled(not running)
