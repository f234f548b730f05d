"""Only the newest answer counts: request numbers for reads that can overtake each other.

Searches run on a pool of threads, so the answer to an older query may arrive after the
answer to a newer one. Each request is numbered; an outcome is delivered only if no newer
request has been made since, so a stale result never replaces a fresh one.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from catalog.ui.jobs.runner import Done, Failed, Runner

T = TypeVar("T")
V = TypeVar("V")


class LatestOnly:
    """Numbers read requests and delivers only the outcome of the newest one.

    Attributes:
        issued: how many requests have been made.
    """

    def __init__(self, runner: Runner) -> None:
        self._runner = runner
        self.issued = 0

    def read(self, work: Callable[[], T], on_done: Done[T], on_error: Failed) -> int:
        """Start a read; returns its number. Older outstanding reads are now stale."""
        self.issued += 1
        number = self.issued
        self._runner.read(
            work,
            lambda value: self._deliver(number, on_done, value),
            lambda error: self._deliver(number, on_error, error),
        )
        return number

    def forget(self) -> None:
        """Drop every outstanding request's outcome."""
        self.issued += 1

    def _deliver(self, number: int, callback: Callable[[V], None], value: V) -> None:
        if number == self.issued:
            callback(value)
