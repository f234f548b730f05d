"""Timing helpers: medians of several runs, a time budget, peak memory of commands."""

from __future__ import annotations

import json
import os
import re
import signal
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, event

SLOW = 2.0  # seconds: an operation this slow is run 3 times, not the full count
VERY_SLOW = 60.0  # seconds: an operation this slow is run once
ROOT = Path(__file__).resolve().parents[1]


@dataclass
class Timing:
    """Wall-clock seconds of each run of one operation (warm-up excluded)."""

    runs: list[float] = field(default_factory=list)
    result: Any = None

    @property
    def median(self) -> float:
        """The median run."""
        return statistics.median(self.runs)


def timed(action: Callable[[], Any], runs: int = 5, *, warm_up: bool = True) -> Timing:
    """Run ``action`` several times; the number of runs shrinks for slow actions.

    A first run of a fast action is a warm-up (statement caches, the page cache) and is
    not counted; an action slower than :data:`SLOW` is counted from its first run and run
    three times at most, one slower than :data:`VERY_SLOW` once.
    """
    timing = Timing()
    start = time.perf_counter()
    timing.result = action()
    first = time.perf_counter() - start
    if not warm_up or first >= SLOW:
        timing.runs.append(first)
    wanted = 1 if first >= VERY_SLOW else 3 if first >= SLOW else runs
    while len(timing.runs) < wanted:
        start = time.perf_counter()
        timing.result = action()
        timing.runs.append(time.perf_counter() - start)
    return timing


class OverBudget(Exception):
    """An operation was interrupted because it ran longer than its budget."""

    def __init__(self, seconds: float) -> None:
        super().__init__(f"interrupted after {seconds:g} s")
        self.seconds = seconds


@contextmanager
def budget(engine: Engine, seconds: float) -> Iterator[None]:
    """Interrupt the SQLite statements of ``engine`` still running after ``seconds``.

    Raises OverBudget (whatever error the interrupted call raised) when time ran out.
    """
    connections: list[sqlite3.Connection] = []
    expired = threading.Event()

    def remember(dbapi_connection: sqlite3.Connection, *_: Any) -> None:
        connections.append(dbapi_connection)

    def interrupt() -> None:
        expired.set()
        for connection in connections:
            connection.interrupt()

    event.listen(engine, "checkout", remember)
    timer = threading.Timer(seconds, interrupt)
    timer.start()
    try:
        yield
    except Exception as error:
        if expired.is_set():
            raise OverBudget(seconds) from error
        raise
    finally:
        timer.cancel()
        event.remove(engine, "checkout", remember)


@dataclass(frozen=True)
class Usage:
    """What one command cost: wall-clock seconds, peak resident memory, whether it ended."""

    seconds: float
    peak_mb: float
    finished: bool


def run_command(args: Sequence[str], env: dict[str, str], timeout: float) -> Usage:
    """Run a command under ``/usr/bin/time -v``, output discarded; its time and peak RSS.

    (``/usr/bin/time`` rather than ``wait4`` here: a child forked from this large process
    would report this process's size as its own peak.) A command still running after
    ``timeout`` seconds is killed; its peak is then its high-water mark just before.
    """
    with tempfile.TemporaryFile() as errors:
        start = time.perf_counter()
        process = subprocess.Popen(
            ["/usr/bin/time", "-v", *args],
            stdout=subprocess.DEVNULL,
            stderr=errors,
            env={**os.environ, **env},
            start_new_session=True,
        )
        try:
            status = process.wait(timeout)
        except subprocess.TimeoutExpired:
            peak = max((_high_water_mb(pid) for pid in _children(process.pid)), default=0.0)
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
            return Usage(time.perf_counter() - start, peak, finished=False)
        seconds = time.perf_counter() - start
        errors.seek(0)
        report = errors.read().decode(errors="replace")
    if status != 0:
        raise RuntimeError(f"{' '.join(args)} failed ({status}): {report[-500:]}")
    found = re.search(r"Maximum resident set size \(kbytes\): (\d+)", report)
    peak = int(found.group(1)) / 1024 if found else float("nan")
    return Usage(seconds, peak, finished=True)


def _children(pid: int) -> list[int]:
    try:
        text = Path(f"/proc/{pid}/task/{pid}/children").read_text()
    except OSError:
        return []
    return [int(child) for child in text.split()]


def _high_water_mb(pid: int) -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def first_page_in_new_process(db: Path, cache_dir: Path) -> dict[str, float]:
    """Open ``db`` in a new Python process (``benchmarks.cold_open``): seconds per step."""
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks.cold_open", str(db), str(cache_dir)],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    result: dict[str, float] = json.loads(done.stdout)
    result["process"] = time.perf_counter() - start
    return result
