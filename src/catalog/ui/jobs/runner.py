"""Run service calls off the UI thread and deliver their outcome on it.

Reads (searches, facet counts, a record's detail) go to a small pool of threads. Writes
and other long work (import, export) go to a single serial worker, which suits SQLite's
one writer. Whatever the thread, a job's ``on_done``/``on_error``/``on_progress`` run on
the UI thread, through queued signals; the work function itself must never touch a widget.

Long work takes a :data:`ProgressCallback`. The runner's callback forwards each
:class:`Progress` to the UI thread and raises :class:`JobCancelled` once the job's
:class:`CancelToken` is set, so the service rolls its transaction back.

Tests use :class:`ImmediateJobRunner`, which runs everything at once on the calling thread.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any, Protocol, TypeVar

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal, Slot

from catalog.services.jobs import JobCancelled, Progress, ProgressCallback

T = TypeVar("T")

Work = Callable[[ProgressCallback], T]
Done = Callable[[T], None]
Failed = Callable[[BaseException], None]
Progressed = Callable[[Progress], None]

log = logging.getLogger(__name__)


class CancelToken:
    """A flag the UI thread sets and a worker thread reads: "stop as soon as you can"."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        """Ask the job to stop; its progress callback raises JobCancelled from now on."""
        self._event.set()

    @property
    def cancelled(self) -> bool:
        """True once cancel() has been called."""
        return self._event.is_set()


class Runner(Protocol):
    """What widgets need of a job runner (JobRunner, or ImmediateJobRunner in tests)."""

    def read(self, work: Callable[[], T], on_done: Done[T], on_error: Failed) -> None:
        """Run a short read on the read pool."""
        ...

    def write(
        self,
        work: Work[T],
        on_done: Done[T],
        on_error: Failed,
        on_progress: Progressed | None = None,
        token: CancelToken | None = None,
    ) -> None:
        """Run long or writing work on the serial worker, with progress and cancel."""
        ...

    def shutdown(self) -> None:
        """Cancel long work and wait for every job to end."""
        ...


def _progress_callback(
    token: CancelToken | None, forward: Callable[[Progress], None]
) -> ProgressCallback:
    def callback(progress: Progress) -> None:
        if token is not None and token.cancelled:
            raise JobCancelled("cancelled")
        forward(progress)

    return callback


class _Delivery(QObject):
    """Lives on the UI thread; the worker emits its signals, its slots run the callbacks."""

    succeeded = Signal(object)
    failed = Signal(object)
    progressed = Signal(object)

    def __init__(
        self,
        on_done: Callable[[Any], None],
        on_error: Failed,
        on_progress: Progressed | None,
        finished: Callable[[_Delivery], None],
        token: CancelToken | None,
    ) -> None:
        super().__init__()
        self.token = token
        self.dropped = False
        self._on_done = on_done
        self._on_error = on_error
        self._on_progress = on_progress
        self._finished = finished
        queued = Qt.ConnectionType.QueuedConnection
        self.succeeded.connect(self._deliver_result, queued)
        self.failed.connect(self._deliver_error, queued)
        self.progressed.connect(self._deliver_progress, queued)

    @Slot(object)
    def _deliver_result(self, value: object) -> None:
        if not self.dropped:
            self._finished(self)
            self._on_done(value)

    @Slot(object)
    def _deliver_error(self, error: object) -> None:
        if not self.dropped:
            self._finished(self)
            assert isinstance(error, BaseException)
            self._on_error(error)

    @Slot(object)
    def _deliver_progress(self, progress: object) -> None:
        if not self.dropped and self._on_progress and isinstance(progress, Progress):
            self._on_progress(progress)


class _Task(QRunnable):
    """Runs one job on a pool thread and reports through its delivery object."""

    def __init__(self, work: Callable[[ProgressCallback], object], delivery: _Delivery) -> None:
        super().__init__()
        self._work = work
        self._delivery = delivery
        self.setAutoDelete(True)

    def run(self) -> None:
        delivery = self._delivery
        callback = _progress_callback(delivery.token, delivery.progressed.emit)
        try:
            value = self._work(callback)
        except BaseException as error:  # every failure goes back to the UI thread
            delivery.failed.emit(error)
        else:
            delivery.succeeded.emit(value)


class JobRunner(QObject):
    """A read pool and one serial worker; outcomes delivered on the UI thread.

    Attributes:
        read_pool: threads for searches, facet counts and record details.
        write_pool: one thread for imports, exports and every write, in submission order.
    """

    def __init__(self, parent: QObject | None = None, read_threads: int = 2) -> None:
        super().__init__(parent)
        self.read_pool = QThreadPool(self)
        self.read_pool.setMaxThreadCount(read_threads)
        self.write_pool = QThreadPool(self)
        self.write_pool.setMaxThreadCount(1)
        self._pending: set[_Delivery] = set()
        self._closed = False

    def read(self, work: Callable[[], T], on_done: Done[T], on_error: Failed) -> None:
        """Run ``work()`` on the read pool."""
        self._start(self.read_pool, lambda _progress: work(), on_done, on_error, None, None)

    def write(
        self,
        work: Work[T],
        on_done: Done[T],
        on_error: Failed,
        on_progress: Progressed | None = None,
        token: CancelToken | None = None,
    ) -> None:
        """Run ``work(progress)`` on the serial worker after any earlier write."""
        self._start(self.write_pool, work, on_done, on_error, on_progress, token)

    @property
    def busy(self) -> bool:
        """True while any job has not yet delivered its outcome."""
        return bool(self._pending)

    def shutdown(self) -> None:
        """Cancel long work and wait for every thread; outcomes still queued are dropped.

        Work submitted after shutdown is ignored: its widgets may already be gone.
        """
        self._closed = True
        for delivery in self._pending:
            if delivery.token is not None:
                delivery.token.cancel()
        self.read_pool.waitForDone()
        self.write_pool.waitForDone()
        for delivery in self._pending:
            delivery.dropped = True
        self._pending.clear()

    def _start(
        self,
        pool: QThreadPool,
        work: Callable[[ProgressCallback], T],
        on_done: Done[T],
        on_error: Failed,
        on_progress: Progressed | None,
        token: CancelToken | None,
    ) -> None:
        if self._closed:
            log.debug("job ignored: the runner has shut down")
            return
        delivery = _Delivery(on_done, on_error, on_progress, self._finish, token)
        self._pending.add(delivery)
        pool.start(_Task(work, delivery))

    def _finish(self, delivery: _Delivery) -> None:
        self._pending.discard(delivery)
        delivery.deleteLater()


class ImmediateJobRunner:
    """Runs every job at once on the calling thread: for tests and scripts.

    Errors are handed to ``on_error`` just as the threaded runner does.
    """

    def __init__(self) -> None:
        self.jobs = 0

    def read(self, work: Callable[[], T], on_done: Done[T], on_error: Failed) -> None:
        """Run ``work()`` now."""
        self.write(lambda _progress: work(), on_done, on_error)

    def write(
        self,
        work: Work[T],
        on_done: Done[T],
        on_error: Failed,
        on_progress: Progressed | None = None,
        token: CancelToken | None = None,
    ) -> None:
        """Run ``work(progress)`` now; progress goes straight to ``on_progress``."""
        self.jobs += 1
        forward = on_progress if on_progress is not None else _ignore
        try:
            value = work(_progress_callback(token, forward))
        except Exception as error:
            on_error(error)
        else:
            on_done(value)

    def shutdown(self) -> None:
        """Nothing runs in the background: nothing to wait for."""


def _ignore(_progress: Progress) -> None:
    """Drop a progress report."""
