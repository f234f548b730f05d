"""A cancellable progress dialog bound to one long job.

:func:`run_with_progress` starts work on the runner's serial worker and shows a
window-modal QProgressDialog (after a short delay, so quick jobs do not flash one).
Cancel sets the job's token: the next progress report raises JobCancelled on the worker
and the service rolls back. The dialog closes before the job's outcome is delivered.
"""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QProgressBar, QProgressDialog, QPushButton, QWidget

from catalog.services.jobs import Progress
from catalog.ui.jobs.runner import CancelToken, Done, Failed, Runner, Work
from catalog.ui.translation import error_text

T = TypeVar("T")

SHOW_AFTER_MS = 400


def progress_text(progress: Progress) -> str:
    """A progress report's message, in the interface's language when it is marked for
    translation."""
    return error_text(progress.wording) if progress.wording is not None else progress.message


class JobProgress(QObject):
    """The progress dialog of one job.

    Attributes:
        token: set when the user presses Cancel.
        dialog: the dialog (closed and scheduled for deletion once the job ends).
    """

    def __init__(self, parent: QWidget | None, title: str, label: str) -> None:
        super().__init__()
        self.token = CancelToken()
        self.dialog = QProgressDialog(label, self.tr("Cancel"), 0, 0, parent)
        self.dialog.setObjectName("jobProgress")
        self.dialog.setWindowTitle(title)
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setMinimumDuration(SHOW_AFTER_MS)
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        self.dialog.setMinimumWidth(420)
        self.dialog.canceled.connect(self._on_canceled)
        self._closed = False
        self._describe(title)

    def _describe(self, title: str) -> None:
        """Names and descriptions for screen readers: the dialog's bar and its button."""
        self.dialog.setAccessibleName(title)
        self.dialog.setAccessibleDescription(
            self.tr("The progress of a long job; Cancel or Escape stops it.")
        )
        bar = self.dialog.findChild(QProgressBar)
        if bar is not None:
            bar.setAccessibleName(self.tr("Progress of {0}").format(title))
            bar.setAccessibleDescription(self.tr("How much of the job is done."))
        button = self.dialog.findChild(QPushButton)
        if button is not None:
            button.setAccessibleDescription(
                self.tr("Stop the job; nothing it has done so far is kept.")
            )

    def report(self, progress: Progress) -> None:
        """Show a progress report (on the UI thread)."""
        if self._closed or self.token.cancelled:
            return
        if progress.total:
            self.dialog.setMaximum(progress.total)
            self.dialog.setValue(min(progress.done, progress.total))
        else:
            self.dialog.setMaximum(0)  # a busy indicator: the total is not known
            self.dialog.setValue(0)
        if progress.message:
            self.dialog.setLabelText(progress_text(progress))
        elif progress.done:
            done = progress.done
            so_far = (
                self.tr("{0} record so far…", "", done)
                if done == 1
                else self.tr("{0} records so far…", "", done)
            )
            self.dialog.setLabelText(so_far.format(f"{done:,}"))

    def close(self) -> None:
        """Close the dialog for good."""
        if not self._closed:
            self._closed = True
            self.dialog.canceled.disconnect(self._on_canceled)
            self.dialog.reset()
            self.dialog.hide()
            self.dialog.deleteLater()

    def _on_canceled(self) -> None:
        self.token.cancel()
        # Keep the dialog up, without its button, until the job has rolled back.
        self.dialog.setLabelText(self.tr("Cancelling… nothing will be kept."))
        self.dialog.setCancelButton(None)
        self.dialog.show()


def run_with_progress(
    runner: Runner,
    parent: QWidget | None,
    title: str,
    work: Work[T],
    on_done: Done[T],
    on_error: Failed,
) -> JobProgress:
    """Run ``work(progress)`` on the serial worker behind a cancellable progress dialog."""
    bar = JobProgress(parent, title, f"{title}…")

    def done(value: T) -> None:
        bar.close()
        on_done(value)

    def failed(error: BaseException) -> None:
        bar.close()
        on_error(error)

    runner.write(work, done, failed, bar.report, bar.token)
    return bar
