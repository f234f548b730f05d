"""Tools → Check catalogue: the faults found, each with its repair, and a Repair button.

The check runs on the job runner's worker behind a cancellable progress dialog (it reads
the whole catalogue: seconds to minutes on a large one). Repair applies the repairs
that need no decision in one transaction, then checks again; the others (a damaged file,
changed attached files) stay listed with what a person can do.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Protocol, runtime_checkable

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from catalog.domain.changes import ChangeSet
from catalog.domain.errors import CatalogError
from catalog.services.checking import Fault, RepairReport
from catalog.services.jobs import JobCancelled, ProgressCallback
from catalog.ui.dialogs import messages
from catalog.ui.jobs.progress import run_with_progress
from catalog.ui.jobs.runner import Runner
from catalog.ui.text import safe_tooltip
from catalog.ui.translation import error_text

Bugs = Callable[[BaseException, str], None]


def _shown(message: CatalogError | None, english: str) -> str:
    """A fault's text in the interface's language when it is marked for translation."""
    return error_text(message) if message is not None else english


def fault_texts(fault: Fault) -> tuple[str, str, str]:
    """A fault's area, problem and repair in the interface's language."""
    return (
        _shown(fault.area_message, fault.area),
        _shown(fault.problem_message, fault.problem),
        _shown(fault.repair_message, fault.repair),
    )


def repairs_done(report: RepairReport) -> list[str]:
    """What a repair did, a sentence each, in the interface's language."""
    if report.done_messages:
        return [error_text(line) for line in report.done_messages]
    return list(report.done)


@runtime_checkable
class Checkable(Protocol):
    """A catalogue that can be checked and repaired (CatalogService is one)."""

    @property
    def read_only(self) -> bool:
        """True when repairs cannot be written here."""
        ...

    @property
    def read_only_reason(self) -> str:
        """Why the catalogue is read-only."""
        ...

    def check(self, progress: ProgressCallback = ...) -> list[Fault]:
        """The faults found."""
        ...

    def repair(self, faults: Sequence[Fault], progress: ProgressCallback = ...) -> RepairReport:
        """Apply the automatic repairs among ``faults``."""
        ...


class CheckDialog(QDialog):
    """The outcome of a check, with Repair and Check again.

    Signals:
        repaired(ChangeSet): a repair changed the catalogue (views refresh).
    """

    repaired = Signal(object)

    def __init__(
        self, service: Checkable, runner: Runner, bugs: Bugs, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._service = service
        self._runner = runner
        self._bugs = bugs
        self.faults: list[Fault] = []
        self.busy = False
        self.setObjectName("checkDialog")
        self.setWindowTitle(self.tr("Check catalogue"))
        self.setAccessibleName(self.tr("Check catalogue"))
        self.setAccessibleDescription(
            self.tr("The problems found in the catalogue, and how each is repaired")
        )
        self.summary = QLabel(self.tr("Checking…"))
        self.summary.setObjectName("checkSummary")
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName(self.tr("Outcome of the check"))
        self.list = QTreeWidget()
        self.list.setObjectName("checkFaults")
        self.list.setHeaderLabels([self.tr("Problem"), self.tr("Repair")])
        self.list.setRootIsDecorated(False)
        self.list.setWordWrap(True)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.list.setAccessibleName(self.tr("Problems found"))
        self.list.setAccessibleDescription(
            self.tr("Each problem, and its repair; repairs starting with You: need you")
        )
        self.list.setColumnWidth(0, 380)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setAccessibleName(self.tr("Close"))
        close.setAccessibleDescription(self.tr("Close this window"))
        self.repair_button = QPushButton(self.tr("&Repair"))
        self.repair_button.setObjectName("repairButton")
        self.repair_button.setAccessibleName(self.tr("Repair"))
        self.repair_button.setAccessibleDescription(
            self.tr("Apply the repairs that need no decision, then check again")
        )
        self.again_button = QPushButton(self.tr("Check &again"))
        self.again_button.setObjectName("checkAgainButton")
        self.again_button.setAccessibleName(self.tr("Check again"))
        self.again_button.setAccessibleDescription(self.tr("Check the whole catalogue again"))
        buttons.addButton(self.repair_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.again_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.repair_button.clicked.connect(self.repair)
        self.again_button.clicked.connect(self.run_check)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.list, 1)
        layout.addWidget(buttons)
        self.resize(760, 380)
        self._update_buttons()

    # ------------------------------------------------------------------ check

    def run_check(self) -> None:
        """Check the catalogue (on the worker) and list what was found."""
        if self.busy:
            return
        service = self._service
        self._set_busy(True, self.tr("Checking…"))

        def work(progress: ProgressCallback) -> list[Fault]:
            return service.check(progress)

        run_with_progress(
            self._runner,
            self,
            self.tr("Checking the catalogue"),
            work,
            self.show_faults,
            self._failed,
        )

    def show_faults(self, faults: list[Fault], done: Sequence[str] = ()) -> None:
        """List ``faults`` (after ``done``: the repairs just applied)."""
        self.busy = False
        self.faults = list(faults)
        self.list.clear()
        for fault in self.faults:
            _area, problem, repair = fault_texts(fault)
            shown = repair if fault.automatic else self.tr("You: {0}").format(repair)
            item = QTreeWidgetItem([problem, shown])
            # A problem names attached files as the record stores them: shown as text.
            item.setToolTip(0, safe_tooltip(problem))
            item.setToolTip(1, safe_tooltip(repair))
            self.list.addTopLevelItem(item)
        lines = [*done]
        if not self.faults:
            lines.append(self.tr("No problems found: the catalogue is sound."))
        else:
            automatic = sum(1 for fault in self.faults if fault.automatic)
            found = len(self.faults)
            lines.append(
                (
                    self.tr("{0} problem found.", "", found)
                    if found == 1
                    else self.tr("{0} problems found.", "", found)
                ).format(found)
            )
            if automatic and self._service.read_only:
                lines.append(self._service.read_only_reason)
            elif automatic == found:
                lines.append(
                    self.tr("Repair fixes it.") if found == 1 else self.tr("Repair fixes them all.")
                )
            elif automatic:
                lines.append(
                    self.tr("Repair fixes {0} of them; the others need you.").format(automatic)
                )
        self.summary.setText(" ".join(lines))
        self._update_buttons()

    # ------------------------------------------------------------------ repair

    def repair(self) -> None:
        """Apply the automatic repairs (one transaction), then check again."""
        if self.busy or not any(fault.automatic for fault in self.faults):
            return
        service, faults = self._service, list(self.faults)
        self._set_busy(True, self.tr("Repairing…"))

        def work(progress: ProgressCallback) -> tuple[RepairReport, list[Fault]]:
            report = service.repair(faults, progress)
            return report, service.check(progress)

        def done(outcome: tuple[RepairReport, list[Fault]]) -> None:
            report, remaining = outcome
            if not report.changes.empty:
                self.repaired.emit(report.changes)
            self.show_faults(remaining, [line + "." for line in repairs_done(report)])

        run_with_progress(self._runner, self, self.tr("Repairing"), work, done, self._failed)

    # ------------------------------------------------------------------ helpers

    def _failed(self, error: BaseException) -> None:
        self.busy = False
        self._update_buttons()
        if isinstance(error, JobCancelled):
            self.summary.setText(self.tr("Stopped; nothing was changed."))
        elif isinstance(error, CatalogError):
            self.summary.setText(error_text(error))
            messages.show_error(self, self.tr("Check catalogue"), error)
        else:
            self.summary.setText(self.tr("The check could not finish."))
            self._bugs(error, self.tr("checking the catalogue"))

    def _set_busy(self, busy: bool, text: str) -> None:
        self.busy = busy
        self.summary.setText(text)
        self._update_buttons()

    def _update_buttons(self) -> None:
        fixable = any(fault.automatic for fault in self.faults)
        self.repair_button.setEnabled(fixable and not self.busy and not self._service.read_only)
        self.again_button.setEnabled(not self.busy)


def check_catalogue(
    parent: QWidget,
    service: object,
    runner: Runner,
    announce: Callable[[ChangeSet], None],
    bugs: Bugs,
) -> CheckDialog | None:
    """Tools → Check catalogue: open the dialog and start checking."""
    if not isinstance(service, Checkable):
        messages.show_error(
            parent,
            QCoreApplication.translate("CheckDialog", "Check catalogue"),
            QCoreApplication.translate("CheckDialog", "This catalogue cannot be checked here."),
        )
        return None
    dialog = CheckDialog(service, runner, bugs, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.repaired.connect(announce)
    dialog.show()
    dialog.run_check()
    return dialog
