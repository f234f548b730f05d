"""Unexpected exceptions: logged with their traceback and shown once in a message box."""

from __future__ import annotations

import logging

from PySide6.QtWidgets import QWidget

from catalog.ui.dialogs import messages

log = logging.getLogger(__name__)


class BugReporter:
    """Shows "Something went wrong" for an unexpected exception, once per distinct problem.

    Background reads (facet counts as you type) can fail the same way on every key;
    the user is told once, and every occurrence is logged.

    Attributes:
        reported: how many exceptions were reported (shown or not).
    """

    def __init__(self, parent: QWidget | None) -> None:
        self._parent = parent
        self._seen: set[tuple[str, str]] = set()
        self.reported = 0

    def __call__(self, error: BaseException, doing: str = "") -> None:
        """Report an exception that is a bug, not something the user can fix."""
        self.reported += 1
        log.error("unexpected error%s", f" while {doing}" if doing else "", exc_info=error)
        key = (type(error).__name__, str(error))
        if key in self._seen:
            return
        self._seen.add(key)
        messages.show_bug(self._parent, error, doing)
