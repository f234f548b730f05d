"""The progress dialog follows a job's progress, and Cancel stops the job."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QProgressDialog, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from catalog.services.jobs import JobCancelled, Progress, ProgressCallback
from catalog.ui.jobs.progress import run_with_progress
from catalog.ui.jobs.runner import ImmediateJobRunner
from tests.ui.fakes import ManualRunner


def test_the_dialog_closes_before_the_result_is_delivered(qtbot: QtBot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    seen: list[Any] = []

    def work(progress: ProgressCallback) -> int:
        progress(Progress(1, 2, "Halfway"))
        return 7

    bar = run_with_progress(
        ImmediateJobRunner(), parent, "Importing", work, seen.append, seen.append
    )
    assert seen == [7]
    assert not bar.dialog.isVisible()


def test_progress_updates_the_dialog(qtbot: QtBot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    manual = ManualRunner()
    bar = run_with_progress(manual, parent, "Exporting", lambda p: 0, print, print)
    _work, _done, _failed, on_progress, _token = manual.pending[0]
    on_progress(Progress(3, 10, "Exporting 10 records"))
    assert bar.dialog.maximum() == 10
    assert bar.dialog.value() == 3
    assert bar.dialog.labelText() == "Exporting 10 records"
    on_progress(Progress(250))  # no total: a busy indicator
    assert bar.dialog.maximum() == 0
    assert "250" in bar.dialog.labelText()
    manual.finish_all()


def test_cancel_button_cancels_the_job(qtbot: QtBot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    parent.show()
    manual = ManualRunner()
    errors: list[BaseException] = []

    def work(progress: ProgressCallback) -> int:
        progress(Progress(1, 10))
        return 1

    bar = run_with_progress(manual, parent, "Importing", work, print, errors.append)
    bar.dialog.show()
    cancel = bar.dialog.findChild(QPushButton)
    assert cancel is not None and cancel.text() == "Cancel"
    qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    assert bar.token.cancelled
    assert bar.dialog.isVisible()  # stays up, saying it is cancelling, until the job ends
    assert "Cancelling" in bar.dialog.labelText()
    manual.finish_all()
    assert len(errors) == 1 and isinstance(errors[0], JobCancelled)
    assert not bar.dialog.isVisible()
    assert isinstance(bar.dialog, QProgressDialog)
