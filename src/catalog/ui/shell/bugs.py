"""Unexpected exceptions: logged with their traceback and shown once in a message box.

The window reports what its jobs and slots catch; :class:`ExceptionHooks` reports what
escapes everything else (a Qt slot, a thread), so a bug is a dialog and a log entry,
never a program that silently stops doing something.
"""

from __future__ import annotations

import logging
import sys
import threading
from collections.abc import Callable
from types import TracebackType
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication, QMainWindow, QMessageBox, QWidget

from catalog.ui.dialogs import messages

log = logging.getLogger(__name__)

SysHook = Callable[[type[BaseException], BaseException, TracebackType | None], Any]
ThreadHook = Callable[[threading.ExceptHookArgs], Any]


class BugReporter:
    """Shows "Something went wrong" for an unexpected exception, once per distinct problem.

    Background reads (facet counts as you type) can fail the same way on every key;
    the user is told once, and every occurrence is logged.

    Attributes:
        reported: how many exceptions were reported (shown or not).
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        self._parent = parent
        self._seen: set[tuple[str, str]] = set()
        self._unparented: list[QMessageBox] = []
        self.reported = 0

    def __call__(self, error: BaseException, doing: str = "") -> None:
        """Report an exception that is a bug, not something the user can fix."""
        self.reported += 1
        log.error("unexpected error%s", f" while {doing}" if doing else "", exc_info=error)
        key = (type(error).__name__, str(error))
        if key in self._seen:
            return
        self._seen.add(key)
        box = messages.show_bug(self._parent or _main_window(), error, doing)
        if box.parent() is None:  # nothing else keeps a box without a parent alive
            self._unparented.append(box)
            box.finished.connect(lambda _result: self._unparented.remove(box))


def _main_window() -> QWidget | None:
    """The window a box without a parent of its own belongs to: the active one, else the
    first visible main window (the application may be in the background)."""
    active = QApplication.activeWindow()
    if active is not None:
        return active
    shown = (w for w in QApplication.topLevelWidgets() if w.isVisible())
    return next((w for w in shown if isinstance(w, QMainWindow)), None)


class ExceptionHooks(QObject):
    """``sys.excepthook`` and ``threading.excepthook`` that report to a BugReporter.

    PySide6 prints an exception that escapes a slot and carries on; with these hooks it
    is also logged and shown. An exception in another thread is carried to the UI thread
    first (a queued signal). Ctrl+C in a terminal still ends the program.
    """

    _raised = Signal(object)

    def __init__(self, report: Callable[[BaseException], None]) -> None:
        super().__init__()
        self._report = report
        self._raised.connect(self._deliver)
        self._previous: tuple[SysHook, ThreadHook] | None = None

    def install(self) -> None:
        """Route uncaught exceptions here (until :meth:`uninstall`)."""
        if self._previous is None:
            self._previous = (sys.excepthook, threading.excepthook)
            sys.excepthook = self.excepthook
            threading.excepthook = self.thread_excepthook

    def uninstall(self) -> None:
        """Give the hooks found at :meth:`install` back."""
        if self._previous is not None:
            sys.excepthook, threading.excepthook = self._previous
            self._previous = None

    def excepthook(
        self,
        kind: type[BaseException],
        error: BaseException,
        trace: TracebackType | None,
    ) -> None:
        """An exception nothing caught (on any thread that calls it)."""
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, error, trace)
            return
        if error.__traceback__ is None and trace is not None:
            error = error.with_traceback(trace)
        self._raised.emit(error)  # direct on the UI thread, queued from another

    def thread_excepthook(self, args: threading.ExceptHookArgs) -> None:
        """An exception that ended a Python thread."""
        if args.exc_value is None or issubclass(args.exc_type, SystemExit):
            return
        self.excepthook(args.exc_type, args.exc_value, args.exc_traceback)

    def _deliver(self, error: object) -> None:
        if isinstance(error, BaseException):
            self._report(error)
