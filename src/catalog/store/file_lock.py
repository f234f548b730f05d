"""One writing program per catalogue file: an operating-system lock that dies with its holder.

The lock is taken on ``<catalogue>.lock`` (never on the database file itself, whose locks
belong to SQLite) and held for as long as the catalogue is open for writing. The
operating system releases it when the process ends, however it ends (a crash, a kill,
a power cut), so a stale lock never keeps a catalogue shut.

The lock file also says how the last holder left: ``open`` while it is held, ``closed``
after a clean close, ``damaged …`` once a check found the file damaged. The next holder
reads that and checks the file more thoroughly when the last session did not end well.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import IO

# Windows locks byte ranges: lock one byte far past the state text, so others can read it.
_WINDOWS_LOCK_OFFSET = 1 << 20


def lock_path(catalogue: Path) -> Path:
    """The lock file of a catalogue file."""
    return catalogue.with_name(catalogue.name + ".lock")


def _try_lock(handle: IO[bytes]) -> bool:
    """Take the lock without waiting; False when another holds it."""
    if sys.platform == "win32":
        import msvcrt

        handle.seek(_WINDOWS_LOCK_OFFSET)
        try:
            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


def _unlock(handle: IO[bytes]) -> None:
    if sys.platform == "win32":
        import msvcrt

        handle.seek(_WINDOWS_LOCK_OFFSET)
        msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)
        return
    import fcntl

    fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


class FileLock:
    """The single-writer lock of one catalogue file.

    Attributes:
        path: the lock file.
        previous: the state the last holder left (``""`` for a new lock file).
    """

    def __init__(self, catalogue: Path) -> None:
        self.path = lock_path(catalogue)
        self.previous = ""
        self._handle: IO[bytes] | None = None

    @property
    def held(self) -> bool:
        """True while this object holds the lock."""
        return self._handle is not None

    def acquire(self) -> bool:
        """Take the lock if no other program (or object) holds it; never waits.

        Raises OSError when the lock file cannot be created (a read-only folder).
        """
        if self._handle is not None:
            return True
        # Opened for update without truncating: the state text is read before it is replaced.
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        handle = os.fdopen(fd, "r+b", buffering=0)
        try:
            if not _try_lock(handle):
                handle.close()
                return False
            handle.seek(0)
            self.previous = handle.read(400).decode("utf-8", "replace").strip()
        except BaseException:
            handle.close()
            raise
        self._handle = handle
        self.mark(f"open {os.getpid()}")
        return True

    def mark(self, state: str) -> None:
        """Write how the catalogue is now (``open``, ``closed``, ``damaged …``)."""
        if self._handle is None:
            return
        try:
            self._handle.seek(0)
            self._handle.truncate()
            self._handle.write(state.encode("utf-8")[:400] + b"\n")
            os.fsync(self._handle.fileno())
        except OSError:
            pass  # the state is a hint for the next opener, never a reason to fail

    def release(self, state: str = "closed") -> None:
        """Leave ``state`` for the next holder and let go of the lock."""
        handle = self._handle
        if handle is None:
            return
        self.mark(state)
        self._handle = None
        try:
            _unlock(handle)
        finally:
            handle.close()
