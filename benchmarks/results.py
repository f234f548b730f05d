"""What a benchmark run measured: rows, memory figures and the targets they are held to."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any


def say(message: str) -> None:
    print(message, flush=True)


def median(values: Sequence[float]) -> float:
    ordered = sorted(values)
    middle = len(ordered) // 2
    if len(ordered) % 2:
        return ordered[middle]
    return (ordered[middle - 1] + ordered[middle]) / 2


def fmt_s(seconds: float | None) -> str:
    if seconds is None:
        return "—"
    if seconds < 0.001:
        return f"{seconds * 1000:.2f} ms"
    if seconds < 0.1:
        return f"{seconds * 1000:.1f} ms"
    if seconds < 1:
        return f"{seconds * 1000:.0f} ms"
    if seconds < 100:
        return f"{seconds:.2f} s"
    return f"{seconds:.0f} s"


@dataclass(frozen=True)
class Target:
    """A speed target of the issue: a limit on seconds, on a ratio to the floor, or on MB."""

    title: str
    unit: str  # "s", "ratio" or "MB"
    limit: float


TARGETS = {
    "import": Target("Import within 1.5x the raw-SQL floor", "ratio", 1.5),
    "refresh": Target(
        "Search or facet-click refresh (ids, first page, every visible facet) within 150 ms",
        "s",
        0.150,
    ),
    "page": Target("Any page of the sorted list within 20 ms", "s", 0.020),
    "memory": Target("Peak memory of the command line under 400 MB", "MB", 400.0),
    "open": Target("Open to the first page within 1 s", "s", 1.0),
    "refresh_p95": Target("Window refresh, 95th percentile, within 300 ms", "s", 0.300),
    "stall": Target("UI thread never blocked longer than 50 ms", "s", 0.050),
    "scroll": Target("Any scroll position painted within 30 ms", "s", 0.030),
    "window_memory": Target("Memory of the whole window program under 500 MB", "MB", 500.0),
    "save": Target("A single save or undo within 100 ms", "s", 0.100),
    "bulk": Target("A bulk edit of 10,000 records (or its undo) within 3 s", "s", 3.0),
}


@dataclass
class Row:
    """One measured operation of one size."""

    group: str
    name: str
    path: str = ""
    median: float | None = None
    runs: int = 0
    floor: float | None = None
    hits: int | None = None
    target: str | None = None
    note: str = ""
    over: float | None = None  # the budget, when the operation was interrupted

    @property
    def ratio(self) -> float | None:
        """Median over floor."""
        if self.median is None or not self.floor:
            return None
        return self.median / self.floor

    def measured(self) -> float | None:
        """The value the target limits (the ratio for the import, else the median)."""
        if self.target is None:
            return None
        if TARGETS[self.target].unit == "ratio":
            return self.ratio
        return self.median if self.median is not None else self.over


@dataclass
class Memory:
    """Peak resident memory of one ``catalog`` command."""

    command: str
    seconds: float
    peak_mb: float
    finished: bool = True


@dataclass
class SizeResult:
    """Everything measured at one size."""

    size: int
    rows: list[Row] = field(default_factory=list)
    memory: list[Memory] = field(default_factory=list)
    info: dict[str, Any] = field(default_factory=dict)
    checks: list[str] = field(default_factory=list)
    path: str = ""  # where the results are saved as they come

    def add(self, row: Row) -> Row:
        self.rows.append(row)
        if self.path:
            self.save(Path(self.path))
        say(
            f"  {row.group}: {row.name} {row.path}:"
            f" {fmt_s(row.median) if row.over is None else f'> {fmt_s(row.over)}'}"
            f" (floor {fmt_s(row.floor)})"
        )
        return row

    def save(self, path: Path) -> None:
        path.write_text(json.dumps(asdict(self), indent=1))

    @classmethod
    def load(cls, path: Path) -> SizeResult | None:
        try:
            data = json.loads(path.read_text())
        except (OSError, ValueError):
            return None
        return cls(
            size=data["size"],
            rows=[Row(**r) for r in data["rows"]],
            memory=[Memory(**m) for m in data["memory"]],
            info=data["info"],
            checks=data["checks"],
            path=data.get("path", ""),
        )
