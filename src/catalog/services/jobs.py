"""Progress reporting and cancellation for long work (import, export, rebuilds).

A long service call takes a ``progress`` callback. The window's job runner passes one
that forwards progress to the UI thread and raises ``JobCancelled`` once the user has
pressed Cancel; the service lets the exception run through its transaction, which rolls
everything back. The command line and tests pass nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from catalog.domain.errors import CatalogError


@dataclass(frozen=True)
class Progress:
    """How far a job has come: ``done`` items, out of ``total`` when known.

    ``message`` is the English (the command line prints it); ``wording``, when there is
    one, the same message marked for translation (the window shows it in its language).
    """

    done: int
    total: int | None = None
    message: str = ""
    wording: CatalogError | None = field(default=None, compare=False)

    @classmethod
    def of(cls, done: int, total: int | None, message: CatalogError) -> Progress:
        """Progress that says ``message``."""
        return cls(done, total, str(message), message)


ProgressCallback = Callable[[Progress], None]


class JobCancelled(Exception):
    """Raised by a progress callback to stop the job; the job's work is rolled back."""


def no_progress(_progress: Progress) -> None:
    """A progress callback that ignores progress."""
