"""JobRunner delivers outcomes on the UI thread; writes run one at a time; cancel works."""

from __future__ import annotations

import threading
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QThread
from pytestqt.qtbot import QtBot

from catalog.services.jobs import JobCancelled, Progress, ProgressCallback
from catalog.ui.jobs.latest import LatestOnly
from catalog.ui.jobs.runner import CancelToken, ImmediateJobRunner, JobRunner
from tests.ui.fakes import ManualRunner


@pytest.fixture
def job_runner(qtbot: QtBot) -> Any:
    runner = JobRunner()
    yield runner
    runner.shutdown()


class Outcomes:
    """Collects what jobs deliver, and on which thread."""

    def __init__(self) -> None:
        self.values: list[Any] = []
        self.errors: list[BaseException] = []
        self.progress: list[Progress] = []
        self.threads: list[Any] = []

    def done(self, value: Any) -> None:
        self.threads.append(QThread.currentThread())
        self.values.append(value)

    def failed(self, error: BaseException) -> None:
        self.threads.append(QThread.currentThread())
        self.errors.append(error)

    def progressed(self, progress: Progress) -> None:
        self.threads.append(QThread.currentThread())
        self.progress.append(progress)


def test_read_runs_on_a_worker_and_delivers_on_the_ui_thread(
    qtbot: QtBot, job_runner: JobRunner
) -> None:
    outcomes = Outcomes()
    worker_threads: list[int] = []

    def work() -> int:
        worker_threads.append(threading.get_ident())
        return 42

    job_runner.read(work, outcomes.done, outcomes.failed)
    qtbot.waitUntil(lambda: outcomes.values == [42])
    assert worker_threads != [threading.get_ident()]
    assert outcomes.threads == [QThread.currentThread()]
    assert not job_runner.busy


def test_an_exception_is_delivered_to_on_error(qtbot: QtBot, job_runner: JobRunner) -> None:
    outcomes = Outcomes()

    def work() -> int:
        raise ValueError("broken")

    job_runner.read(work, outcomes.done, outcomes.failed)
    qtbot.waitUntil(lambda: len(outcomes.errors) == 1)
    assert isinstance(outcomes.errors[0], ValueError)
    assert outcomes.values == []


def test_progress_reaches_the_ui_thread_before_the_result(
    qtbot: QtBot, job_runner: JobRunner
) -> None:
    outcomes = Outcomes()

    def work(progress: ProgressCallback) -> str:
        for n in range(3):
            progress(Progress(n, 3))
        return "done"

    job_runner.write(work, outcomes.done, outcomes.failed, outcomes.progressed)
    qtbot.waitUntil(lambda: outcomes.values == ["done"])
    assert [p.done for p in outcomes.progress] == [0, 1, 2]
    assert set(outcomes.threads) == {QThread.currentThread()}


def test_writes_run_one_at_a_time_in_order(qtbot: QtBot, job_runner: JobRunner) -> None:
    outcomes = Outcomes()
    running = threading.Semaphore(1)
    overlaps: list[int] = []

    def work(n: int) -> Any:
        def run(_progress: ProgressCallback) -> int:
            if not running.acquire(blocking=False):
                overlaps.append(n)
            try:
                threading.Event().wait(0.01)
            finally:
                running.release()
            return n

        return run

    for n in range(5):
        job_runner.write(work(n), outcomes.done, outcomes.failed)
    qtbot.waitUntil(lambda: len(outcomes.values) == 5)
    assert outcomes.values == [0, 1, 2, 3, 4]
    assert overlaps == []


def test_a_cancelled_token_makes_the_progress_callback_raise(
    qtbot: QtBot, job_runner: JobRunner
) -> None:
    outcomes = Outcomes()
    token = CancelToken()
    started = threading.Event()
    release = threading.Event()

    def work(progress: ProgressCallback) -> str:
        started.set()
        release.wait(5)
        progress(Progress(1))
        return "should not get here"

    job_runner.write(work, outcomes.done, outcomes.failed, token=token)
    assert started.wait(5)
    token.cancel()
    release.set()
    qtbot.waitUntil(lambda: len(outcomes.errors) == 1)
    assert isinstance(outcomes.errors[0], JobCancelled)


def test_shutdown_cancels_long_work_and_drops_its_outcome(qtbot: QtBot) -> None:
    runner = JobRunner()
    outcomes = Outcomes()
    started = threading.Event()
    token = CancelToken()

    def work(progress: ProgressCallback) -> str:
        started.set()
        while True:
            progress(Progress(0))  # raises once shutdown cancels the token
            threading.Event().wait(0.005)

    runner.write(work, outcomes.done, outcomes.failed, token=token)
    assert started.wait(5)
    runner.shutdown()
    assert token.cancelled
    QCoreApplication.sendPostedEvents()  # deliver anything queued (there must be nothing)
    assert outcomes.values == [] and outcomes.errors == []


def test_work_submitted_after_shutdown_never_runs_nor_delivers(qtbot: QtBot) -> None:
    # A window's timers can fire once more as it closes; their widgets may be gone by the
    # time an answer would arrive, so the closed runner takes no new work.
    runner = JobRunner()
    runner.shutdown()
    outcomes = Outcomes()
    ran = threading.Event()
    runner.read(lambda: ran.set(), outcomes.done, outcomes.failed)
    runner.write(lambda _p: ran.set(), outcomes.done, outcomes.failed)
    runner.read_pool.waitForDone()
    runner.write_pool.waitForDone()
    QCoreApplication.sendPostedEvents()
    assert not ran.is_set()
    assert outcomes.values == [] and outcomes.errors == [] and not runner.busy


def test_immediate_runner_delivers_at_once() -> None:
    outcomes = Outcomes()
    runner = ImmediateJobRunner()
    runner.read(lambda: 1, outcomes.done, outcomes.failed)
    runner.write(
        lambda p: p(Progress(1, 2)) or 2, outcomes.done, outcomes.failed, outcomes.progressed
    )
    runner.read(lambda: 1 / 0, outcomes.done, outcomes.failed)
    assert outcomes.values == [1, 2]
    assert [p.done for p in outcomes.progress] == [1]
    assert isinstance(outcomes.errors[0], ZeroDivisionError)


def test_latest_only_drops_an_answer_that_arrives_after_a_newer_request() -> None:
    manual = ManualRunner()
    latest = LatestOnly(manual)
    delivered: list[str] = []
    latest.read(lambda: "old", delivered.append, delivered.append)
    latest.read(lambda: "new", delivered.append, delivered.append)
    manual.finish(1)  # the newer answer arrives first
    manual.finish(0)  # then the stale one
    assert delivered == ["new"]


def test_latest_only_forget_drops_outstanding_answers() -> None:
    manual = ManualRunner()
    latest = LatestOnly(manual)
    delivered: list[str] = []
    latest.read(lambda: "answer", delivered.append, delivered.append)
    latest.forget()
    manual.finish_all()
    assert delivered == []
