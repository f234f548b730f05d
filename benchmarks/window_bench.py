"""The window benchmark: launch ``benchmarks.window_probe`` and turn its report into rows."""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from benchmarks.measure import ROOT
from benchmarks.results import Row, median

LAUNCHES = 3


@dataclass(frozen=True)
class WindowQuery:
    """A query the probe submits, its label, and the raw-SQL floor of the same refresh."""

    label: str
    text: str
    floor: float | None


def _percentile(values: Sequence[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def _probe(db: Path, cache: Path, queries: Sequence[str]) -> tuple[float, dict[str, Any]]:
    """Run the probe once: seconds from launch to the first rows painted, and its report."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    start = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-m", "benchmarks.window_probe", str(db), str(cache), json.dumps(queries)],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        cwd=ROOT,
        env=env,
    )
    assert process.stdout is not None
    painted = None
    report: dict[str, Any] = {}
    for line in process.stdout:
        if line.strip() == "painted" and painted is None:
            painted = time.perf_counter() - start
        elif line.startswith("{"):
            report = json.loads(line)
    if process.wait() != 0 or painted is None or not report:
        raise RuntimeError("the window probe failed")
    return painted, report


def window_rows(
    db: Path, cache: Path, queries: Sequence[WindowQuery], floors: Mapping[str, float]
) -> list[Row]:
    """Launch the window a few times; rows for launch, refreshes, stalls, scroll, memory."""
    # An installed program has its bytecode compiled; this machine's environment may say
    # PYTHONDONTWRITEBYTECODE, which would make every launch compile Catalog first.
    subprocess.run(
        [sys.executable, "-m", "compileall", "-q", str(ROOT / "src" / "catalog")], check=True
    )
    launches: list[float] = []
    reports = []
    for _ in range(LAUNCHES):
        painted, report = _probe(db, cache, [q.text for q in queries])
        launches.append(painted)
        reports.append(report)
    rows = [
        Row(
            "Window",
            "launch (new process) to the first rows painted",
            median=median(launches),
            runs=len(launches),
            floor=floors.get("first page"),
            target="open",
            note="floor: the first page with raw SQL, in an open connection",
        )
    ]
    every: list[float] = []
    for query in queries:
        runs = [s for report in reports for s in report["refresh"][query.text]]
        every += runs
        rows.append(
            Row(
                "Window",
                f"query to list, counts, timeline and status painted: {query.label}",
                median=statistics.median(runs),
                runs=len(runs),
                floor=query.floor,
                target="refresh",
                note=f"95th percentile {_percentile(runs, 0.95) * 1000:.0f} ms",
            )
        )
    rows.append(
        Row(
            "Window",
            "95th percentile of every query above",
            median=_percentile(every, 0.95),
            runs=len(every),
            target="refresh_p95",
        )
    )
    stalls = [s for report in reports for s in report["stalls"]]
    rows.append(
        Row(
            "Window",
            "longest the UI thread was blocked while those queries ran",
            median=max(stalls),
            runs=len(stalls),
            target="stall",
            note=f"worst of all queries (a 1 ms timer's longest wait); median"
            f" {statistics.median(stalls) * 1000:.0f} ms, 95th percentile"
            f" {_percentile(stalls, 0.95) * 1000:.0f} ms",
        )
    )
    scroll = [s for report in reports for s in report["scroll"]]
    rows.append(
        Row(
            "Window",
            "scroll-bar jump to a random position, painted",
            median=statistics.median(scroll),
            runs=len(scroll),
            floor=floors.get("page"),
            target="scroll",
            note=f"95th percentile {_percentile(scroll, 0.95) * 1000:.1f} ms",
        )
    )
    rows.append(
        Row(
            "Window",
            "peak memory of the whole program (MB, not seconds)",
            median=max(report["peak_mb"] for report in reports),
            runs=len(reports),
            target="window_memory",
        )
    )
    return rows
