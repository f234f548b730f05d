"""Exports of every format from the generated 100,000-record catalogue: time in this
process (median of a few runs, wall clock and this process's CPU) and peak memory of the
``catalog export`` command.

``python -m benchmarks.export_bench`` saves the figures in ``benchmarks/work/exports.json``;
``benchmarks.report`` adds them to ``docs/performance.md``. It needs the catalogue a kept
run left (``benchmarks/work/size-100000/catalog.sqlite``) and works on a copy of it.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from benchmarks.measure import run_command
from benchmarks.results import TARGETS, fmt_s, median, say
from benchmarks.workspace import CATALOG, WORK
from catalog.services.catalog import CatalogService

RESULTS = WORK / "exports.json"
CATALOGUE = WORK / "size-100000" / "catalog.sqlite"
SLOW = 30.0  # seconds: an export whose first run is this slow is run once

# (format, how many records (None: every record), what the issue asks of it in seconds)
FORMATS: list[tuple[str, int | None, float | None]] = [
    ("csv", None, 5.0),
    ("json", None, 5.0),
    ("csl-json", None, 5.0),
    ("xlsx", None, None),
    ("ris", None, None),
    ("bibtex", None, None),
    ("dc", None, None),
    ("oai-pmh", None, None),
    ("ead3", None, None),
    ("html", 1000, 5.0),
    ("pdf", 1000, 15.0),
]
# The medians before the fast path for CSV, native JSON and CSL-JSON (commit 24b52bb, every
# format reading RecordDetails; load average 2.4 to 4.5 on 2 cores), shown beside today's.
BEFORE_REVISION = "24b52bb"
BEFORE = {"csv": 23.88, "json": 21.16, "csl-json": 20.83}
# The formats whose ``catalog export`` of every record is run for its peak memory.
MEMORY_FORMATS = ["csv", "json", "csl-json", "xlsx"]


def measure(folder: Path, runs: int = 3) -> dict[str, Any]:
    """Time each format's export and the peak memory of the command, on a copy in ``folder``."""
    copy = folder / "catalog.sqlite"
    for suffix in ("", "-wal"):
        if Path(f"{CATALOGUE}{suffix}").is_file():
            shutil.copyfile(f"{CATALOGUE}{suffix}", f"{copy}{suffix}")
    service = CatalogService.open(copy, cache_dir=folder / "cache")
    try:
        ids = list(service.search("").ids)
        say(f"  {len(ids):,} records in the copy of {CATALOGUE.name}")
        rows = [
            _timed(service, ids, name, count, limit, folder, runs) for name, count, limit in FORMATS
        ]
    finally:
        service.close()
    memory = [_memory(copy, name, folder, len(ids)) for name in MEMORY_FORMATS]
    return {"records": len(ids), "rows": rows, "memory": memory}


def _timed(
    service: CatalogService,
    ids: Sequence[int],
    name: str,
    count: int | None,
    limit: float | None,
    folder: Path,
    runs: int,
) -> dict[str, object]:
    """Median seconds of ``service.export`` of ``count`` records as ``name``."""
    if name == "pdf":  # laid out by Qt, which the services do not load
        from catalog.ui.reports import add_qt_exporters

        add_qt_exporters(service.registry)
    chosen = ids if count is None else ids[:count]
    output = folder / f"export{service.registry.exporters[name].suffix}"
    load_before = os.getloadavg()[0]
    seconds: list[float] = []
    cpu: list[float] = []
    megabytes = 0.0
    written = 0
    while len(seconds) < runs:
        started, used = time.perf_counter(), time.process_time()
        written = service.export(chosen, name, output)
        seconds.append(time.perf_counter() - started)
        cpu.append(time.process_time() - used)
        megabytes = output.stat().st_size / 1e6
        output.unlink()
        if seconds[0] > SLOW:
            break
    row: dict[str, object] = {
        "format": name,
        "records": written,
        "median": median(seconds),
        "seconds": seconds,
        "cpu": cpu,
        "runs": len(seconds),
        "megabytes": megabytes,
        "limit": limit,
        "load_before": load_before,
    }
    say(
        f"  {name}: {written:,} records in {fmt_s(median(seconds))}"
        f" (CPU {fmt_s(median(cpu))}, {megabytes:.1f} MB)"
    )
    return row


def _memory(copy: Path, name: str, folder: Path, records: int) -> dict[str, object]:
    """Wall time and peak RSS of ``catalog export --format name`` of every record."""
    output = folder / f"cli-export.{name}"
    env = {"XDG_CACHE_HOME": str(folder / "xdg-cache"), "CATALOG_DB": ""}
    args = ["--db", str(copy), "export", "--format", name, "--output", str(output)]
    usage = run_command([*CATALOG, *args], env, 3 * 3600.0)
    output.unlink(missing_ok=True)
    command = f"catalog export --format {name} (every record)"
    say(f"  memory: {command}: {usage.peak_mb:.0f} MB, {fmt_s(usage.seconds)}")
    return {
        "command": command,
        "format": name,
        "records": records,
        "seconds": usage.seconds,
        "peak_mb": usage.peak_mb,
    }


def _verdict(value: float, limit: float | None) -> str:
    return "" if limit is None else ("PASS" if value <= limit else "MISS")


def render(results: dict[str, Any]) -> list[str]:
    """The Markdown section of the report."""
    load = results.get("load_average") or [0.0, 0.0, 0.0]
    end = results.get("load_average_end") or [0.0, 0.0, 0.0]
    memory_limit = TARGETS["memory"].limit
    lines = [
        f"## Exports of every format ({int(results['records']):,} records)",
        "",
        "`python -m benchmarks.export_bench` on a copy of the generated 100,000-record"
        f" catalogue ({results.get('revision', 'revision unknown')}): `CatalogService.export`"
        " of every record (of the first 1,000 for the HTML and PDF reports) in one process,"
        ' the ids taken once from `search("")` (date order). What is timed is the whole'
        " export: reading the records from the store in batches of 1,000, writing them to a"
        " temporary file beside the destination, and renaming it into place. CSV, native"
        " JSON and CSL-JSON read plain rows through `store/export_reads.py` (one query per"
        " batch and per part of a record, only the parts the format writes, each authority"
        " once per export) and write each batch in one piece; the other formats read"
        " `RecordDetail`s (`records_repo.details`) and write record by record. Median of"
        " the runs (an export whose first run takes over 30 s is run once), wall clock and"
        " this process's CPU time, and the best run; the file is deleted after each run."
        " Peak memory is that of a separate `catalog export` process of every record, under"
        " `/usr/bin/time -v`,"
        " with `XDG_CACHE_HOME` in the benchmark's folder (no saved search index, so the ids"
        " come from SQL); its wall time includes starting Python. The fast formats give"
        " SQLite a 64 MB page cache while they read (`SQLITE_CACHE_KIB`), most of their"
        " peak above the record path's. The machine has 2 cores"
        " and other work (test runs) may share it, so the figures are noisy: the load"
        f" average (1 / 5 / 15 min) was {load[0]:.2f} / {load[1]:.2f} / {load[2]:.2f} at"
        f" the start and {end[0]:.2f} / {end[1]:.2f} / {end[2]:.2f} at the end; the 1-min"
        " figure before each format is in the table. On this shared machine wall time"
        " follows the load, and CPU time rises with it too (the cores share caches and"
        " memory): compare runs with their load. (The"
        " export rows of the per-size tables further down were measured before this fast"
        " path, at the commits those sections name.)",
        "",
        f"| Format | Records | Median | Best | CPU | Runs | File size | Load"
        f" | Before ({BEFORE_REVISION}) | Target | Verdict |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---|---|",
    ]
    for row in results["rows"]:
        limit = row["limit"]
        value = float(row["median"])
        target = f"≤ {fmt_s(float(limit))}" if limit is not None else ""
        cpu = fmt_s(median(row["cpu"])) if row.get("cpu") else ""
        load_before = f"{float(row['load_before']):.2f}" if "load_before" in row else ""
        before = fmt_s(BEFORE[row["format"]]) if row["format"] in BEFORE else ""
        best = fmt_s(min(row["seconds"]))
        lines.append(
            f"| {row['format']} | {int(row['records']):,} | {fmt_s(value)} | {best} | {cpu} |"
            f" {row['runs']} | {float(row['megabytes']):.1f} MB | {load_before} | {before} |"
            f" {target} | {_verdict(value, limit)} |"
        )
    lines += [
        "",
        "| Command | Records | Wall time | Peak RSS | Target | Verdict |",
        "|---|---:|---:|---:|---|---|",
    ]
    for entry in results["memory"]:
        peak = float(entry["peak_mb"])
        lines.append(
            f"| `{entry['command']}` | {int(entry['records']):,} |"
            f" {fmt_s(float(entry['seconds']))} | {peak:.0f} MB | < {memory_limit:g} MB |"
            f" {'PASS' if peak < memory_limit else 'MISS'} |"
        )
    return [*lines, ""]


def load() -> dict[str, Any]:
    """The saved figures (empty when never measured)."""
    try:
        results = json.loads(RESULTS.read_text())
    except (OSError, ValueError):
        return {}
    return results if isinstance(results, dict) and results.get("rows") else {}


def main(argv: Sequence[str] | None = None) -> int:
    """Measure and save."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="runs of each export")
    args = parser.parse_args(argv)
    if not CATALOGUE.is_file():
        say(f"{CATALOGUE} is missing (make it with a --keep run of benchmarks.run): skipped")
        return 0
    from benchmarks.report import revision  # report imports this module

    WORK.mkdir(parents=True, exist_ok=True)
    load_average = list(os.getloadavg())
    say(f"load average at the start: {' / '.join(f'{x:.2f}' for x in load_average)}")
    folder = Path(tempfile.mkdtemp(prefix="export-bench-"))
    try:
        results = {
            "load_average": load_average,
            "revision": revision(),
            "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
            **measure(folder, args.runs),
            "load_average_end": list(os.getloadavg()),
        }
    finally:
        shutil.rmtree(folder)
    RESULTS.write_text(json.dumps(results, indent=1))
    say(f"wrote {RESULTS}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
