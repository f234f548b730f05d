"""Run a driver as a real program, kill it with SIGKILL, and keep each battery's figures.

A battery runs ``CATALOG_STRESS_TRIALS`` trials (20 by default) with kill delays drawn
from the seeded generator (``CATALOG_STRESS_SEED``): one delay in each of as many equal
slices of the measured work (plus a twentieth, so a kill lands as the work ends), in a
shuffled order. Every failed check is kept and the battery goes on, so the figures count
every trial; the test fails at the end if any trial did. Each battery's counts go to
``$CATALOG_STRESS_RESULTS/<battery>.json`` (``make stress``: ``results/``), which
``report.py`` renders.
"""

from __future__ import annotations

import json
import os
import platform
import random
import resource
import signal
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import closing
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import partial
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
TRIALS = int(os.environ.get("CATALOG_STRESS_TRIALS", "20"))
SEED = int(os.environ.get("CATALOG_STRESS_SEED", "20261128"))
STRESS_RESULTS = Path(__file__).parent / "results"
"""Where ``make stress`` keeps the figures for the report."""
RESULTS = Path(
    os.environ.get("CATALOG_STRESS_RESULTS")
    or Path(tempfile.gettempdir()) / f"catalog-reliability-{os.getpid()}"
)
"""Where this run writes its figures: ``$CATALOG_STRESS_RESULTS`` (``make stress`` sets
it), else a folder of this run's own, so a plain test run never overwrites them."""
TIMEOUT = 600.0
"""Seconds any one driver may run before it is killed as hung (and the trial fails)."""
MARGIN = 1.05
"""Kills are spread over the measured work times this: the last slice lands as it ends."""


@dataclass
class Run:
    """What a driver said and how it ended.

    Attributes:
        lines: every line it wrote to its standard output before it ended.
        returncode: its exit status (``-9`` when the kill ended it).
        stderr: what it wrote to its standard error.
    """

    lines: list[str]
    returncode: int
    stderr: str

    @property
    def killed(self) -> bool:
        """The kill ended it (rather than the work finishing first)."""
        return self.returncode == -signal.SIGKILL

    def said(self, word: str) -> list[list[str]]:
        """The lines starting with ``word``, split into words (without it)."""
        return [line.split()[1:] for line in self.lines if line.split()[:1] == [word]]

    @property
    def work_seconds(self) -> float:
        """The work's duration, as the driver measured it (it must have finished)."""
        done = self.said("DONE")
        assert done, f"the driver did not finish: {self.describe()}"
        return float(done[0][0])

    def check_ended_well(self) -> None:
        """Fail unless the driver finished its work or was killed (never an error)."""
        assert self.returncode in (0, -signal.SIGKILL), (
            f"the driver failed on its own: {self.describe()}"
        )

    def describe(self) -> str:
        """Exit status, output and the end of the error output, for a failure message."""
        return f"exit {self.returncode}, said {self.lines[-3:]}, stderr: {self.stderr[-1500:]}"


def run_driver(module: str, *args: object, kill_after: float | None = None) -> Run:
    """Run ``python -m tests.reliability.<module> args``; with ``kill_after``, send it
    SIGKILL that many seconds after it says START (it may have finished by then)."""
    lines: list[str] = []
    started = threading.Event()
    start_time: list[float] = []
    with tempfile.TemporaryFile() as errors:
        process = subprocess.Popen(
            [sys.executable, "-m", f"tests.reliability.{module}", *map(str, args)],
            cwd=REPO,
            stdout=subprocess.PIPE,
            stderr=errors,
            text=True,
        )
        assert process.stdout is not None
        stdout = process.stdout

        def read() -> None:
            for line in stdout:
                lines.append(line.rstrip("\n"))
                if line.startswith("START") and not started.is_set():
                    start_time.append(time.perf_counter())
                    started.set()
            started.set()  # the end of the output: nothing more to wait for

        reader = threading.Thread(target=read, name=f"read-{module}", daemon=True)
        reader.start()
        try:
            if kill_after is not None and started.wait(TIMEOUT) and start_time:
                pause = start_time[0] + kill_after - time.perf_counter()
                if pause > 0:
                    time.sleep(pause)
                process.send_signal(signal.SIGKILL)
            process.wait(TIMEOUT)
        finally:
            if process.poll() is None:
                process.kill()
            process.wait()
            reader.join(TIMEOUT)
            stdout.close()
        errors.seek(0)
        stderr = errors.read().decode("utf-8", "replace")
    return Run(lines, process.returncode, stderr)


def delays(span: float, count: int = TRIALS, *, seed: int = SEED) -> list[float]:
    """``count`` kill delays, one drawn in each equal slice of ``span * MARGIN``,
    shuffled."""
    rng = random.Random(seed)
    width = span * MARGIN / count
    drawn = [(slot + rng.random()) * width for slot in range(count)]
    rng.shuffle(drawn)
    return drawn


# ---------------------------------------------------------------------- checks


def integrity(path: Path) -> None:
    """Fail unless SQLite finds the file sound: ``PRAGMA integrity_check`` (opened as
    any SQLite tool would), no foreign key pointing nowhere, and a full-text index that
    passes FTS5's own check and holds exactly the records."""
    with closing(sqlite3.connect(path, isolation_level=None)) as connection:
        verdicts = [row[0] for row in connection.execute("PRAGMA integrity_check")]
        assert verdicts == ["ok"], f"{path.name} is damaged: {verdicts[:5]}"
        broken = connection.execute("PRAGMA foreign_key_check").fetchall()
        assert broken == [], f"{path.name}: {len(broken)} rows point at missing rows"
        tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master")}
        if "record_fts" in tables:
            # Checks the index against its own content and writes nothing.
            connection.execute("INSERT INTO record_fts (record_fts) VALUES ('integrity-check')")
            missing, stray = connection.execute(
                "SELECT (SELECT count(*) FROM records"
                "        WHERE id NOT IN (SELECT rowid FROM record_fts)),"
                " (SELECT count(*) FROM record_fts WHERE rowid NOT IN (SELECT id FROM records))"
            ).fetchone()
            assert (missing, stray) == (0, 0), (
                f"{path.name}: {missing} records not in the full-text index, {stray} stray entries"
            )


def scalar(path: Path, sql: str, *parameters: object) -> object:
    """One value read from a catalogue file."""
    with closing(sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)) as connection:
        return connection.execute(sql, parameters).fetchone()[0]


def opens(path: Path) -> int:
    """Open the catalogue with Catalog itself and return how many records it holds
    outside the trash (``catalog check`` is not run: at 100,000 records it takes longer
    than a trial; ``integrity`` covers its SQLite checks)."""
    from catalog.services.catalog import CatalogService

    service = CatalogService.open(path)
    try:
        assert not service.read_only, service.read_only_reason
        return service.count()
    finally:
        service.close()


# ---------------------------------------------------------------------- figures


@dataclass
class Battery:
    """One promise tested over many trials; counts what happened in each.

    Attributes:
        name: the battery's key (its results file is ``<name>.json``).
        title: the test, as the report names it.
        promise: what it promises, as the report says it.
    """

    name: str
    title: str
    promise: str
    outcomes: Counter[str] = field(default_factory=Counter)
    failures: list[str] = field(default_factory=list)
    seconds: list[float] = field(default_factory=list)
    cpu_seconds: list[float] = field(default_factory=list)
    work_seconds: float = 0.0
    notes: list[str] = field(default_factory=list)
    _began: float = field(default_factory=time.perf_counter)
    _load: float = field(default_factory=lambda: os.getloadavg()[0])

    def run(self, trial: Callable[[int, float], str], kill_delays: list[float]) -> None:
        """Run one trial per delay; a trial returns its outcome or raises on a broken
        promise (kept as a failure, and the next trial runs)."""
        for number, delay in enumerate(kill_delays):
            self._one(f"trial {number} (kill at {delay:.3f} s)", partial(trial, number, delay))

    def once(self, check: Callable[[], str]) -> None:
        """Run one trial that kills nothing (a fault injected another way)."""
        self._one("the trial", check)

    def _one(self, label: str, check: Callable[[], str]) -> None:
        began, cpu = time.perf_counter(), cpu_time()
        try:
            self.outcomes[check()] += 1
        except Exception as error:  # every broken promise is counted, not just the first
            self.outcomes["failed"] += 1
            self.failures.append(f"{label}: {type(error).__name__}: {error}")
        self.seconds.append(time.perf_counter() - began)
        self.cpu_seconds.append(cpu_time() - cpu)

    def finish(self) -> None:
        """Write the figures, then fail if any trial did."""
        write_results(self)
        shown = "\n".join(self.failures[:10])
        message = f"{len(self.failures)} of {len(self.seconds)} trials failed (seed {SEED})"
        assert not self.failures, f"{message}:\n{shown}"


def cpu_time() -> float:
    """Processor seconds used so far by this process and its ended children (drivers)."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def write_results(battery: Battery) -> Path:
    """Save a battery's figures as JSON for the report."""
    RESULTS.mkdir(parents=True, exist_ok=True)
    seconds = battery.seconds or [0.0]
    figures = {
        "name": battery.name,
        "title": battery.title,
        "promise": battery.promise,
        "trials": len(battery.seconds),
        "failures": len(battery.failures),
        "failure_messages": battery.failures[:20],
        "outcomes": dict(sorted(battery.outcomes.items())),
        "notes": battery.notes,
        "seconds_per_trial": round(statistics.mean(seconds), 3),
        "seconds_per_trial_max": round(max(seconds), 3),
        "cpu_seconds_per_trial": round(statistics.mean(battery.cpu_seconds or [0.0]), 3),
        "work_seconds": round(battery.work_seconds, 3),
        "total_seconds": round(time.perf_counter() - battery._began, 1),
        "seed": SEED,
        "date": datetime.now(UTC).strftime("%Y-%m-%d"),
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, {platform.system()}",
        "load_average": round((battery._load + os.getloadavg()[0]) / 2, 1),
        "python": platform.python_version(),
        "sqlite": sqlite3.sqlite_version,
    }
    out = RESULTS / f"{battery.name}.json"
    out.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    return out


def files_in(folder: Path) -> Iterator[Path]:
    """The files directly in ``folder`` (none when it does not exist)."""
    if folder.is_dir():
        yield from sorted(path for path in folder.iterdir() if path.is_file())
