"""The single-writer lock: one holder at a time, released by the OS when its process dies."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from catalog.store.file_lock import FileLock, lock_path

HOLD = """
import sys
from pathlib import Path
from catalog.store.file_lock import FileLock
lock = FileLock(Path(sys.argv[1]))
print("taken" if lock.acquire() else "refused", flush=True)
sys.stdin.read()
"""


def test_one_holder_at_a_time_in_one_process(tmp_path: Path) -> None:
    catalogue = tmp_path / "c.sqlite"
    first, second = FileLock(catalogue), FileLock(catalogue)
    assert first.acquire() and first.held
    assert lock_path(catalogue) == tmp_path / "c.sqlite.lock"
    assert not second.acquire() and not second.held
    first.release()
    assert second.acquire()
    assert second.previous == "closed"
    second.release()


def test_the_state_left_behind_is_read_by_the_next_holder(tmp_path: Path) -> None:
    catalogue = tmp_path / "c.sqlite"
    lock = FileLock(catalogue)
    assert lock.acquire() and lock.previous == ""
    assert lock.path.read_text().strip() == f"open {os.getpid()}"
    lock.mark("damaged page 3")
    lock.release("damaged page 3")
    again = FileLock(catalogue)
    assert again.acquire() and again.previous == "damaged page 3"
    again.release()


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")
def test_the_lock_dies_with_a_killed_process(tmp_path: Path) -> None:
    catalogue = tmp_path / "c.sqlite"
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(catalogue)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "taken"
        mine = FileLock(catalogue)
        assert not mine.acquire()
        holder.send_signal(signal.SIGKILL)
        holder.wait(timeout=30)
        assert mine.acquire()
        assert mine.previous == f"open {holder.pid}"  # the holder never closed cleanly
        mine.release()
    finally:
        if holder.poll() is None:
            holder.kill()
            holder.wait()
