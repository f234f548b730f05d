"""Imports of the real files in ``../shared/corpus``: the largest EAD3 finding aid and the
Chile declassified documents, each into a fresh SQLite catalogue, median of a few runs.

``python -m benchmarks.corpus_imports`` saves the figures in
``benchmarks/work/corpus-imports.json``; ``benchmarks.report`` adds them to
``docs/performance.md``.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
import time
from pathlib import Path

from benchmarks.results import fmt_s, median, say
from benchmarks.workspace import ROOT, WORK
from catalog.services.catalog import CatalogService

RESULTS = WORK / "corpus-imports.json"
CORPUS = Path(os.environ.get("CATALOG_CORPUS", ROOT.parent / "shared" / "corpus"))

# (file in the corpus, what the issue asks of it in seconds, or None)
FILES: list[tuple[str, float | None]] = [
    ("ead/ead3/NCSU/mc00246.xml", 5.0),
    ("chile_declassified/chile_documents.json", None),
    ("chile_declassified/chile_documents.csv", None),
    ("oai_pmh/real_erasmus_dspace/erasmus_2004_ListRecords_oai_dc.xml", None),
]


def measure(runs: int = 3) -> list[dict[str, object]]:
    """Time each file's import (format detected) into a new catalogue."""
    rows: list[dict[str, object]] = []
    for relative, limit in FILES:
        path = CORPUS / relative
        if not path.is_file():
            say(f"  {relative}: not in the corpus, skipped")
            continue
        seconds, records = [], 0
        for _ in range(runs):
            folder = Path(tempfile.mkdtemp())
            try:
                service = CatalogService.open(folder / "c.sqlite", cache_dir=folder)
                started = time.perf_counter()
                report, _ = service.import_file(path)
                seconds.append(time.perf_counter() - started)
                records = report.records
                service.close()
            finally:
                shutil.rmtree(folder)
        row = {
            "file": relative,
            "format": report.format,
            "records": records,
            "megabytes": path.stat().st_size / 1e6,
            "median": median(seconds),
            "runs": runs,
            "limit": limit,
        }
        say(f"  {relative}: {records:,} records in {fmt_s(median(seconds))}")
        rows.append(row)
    return rows


def render(rows: list[dict[str, object]]) -> list[str]:
    """The Markdown section of the report."""
    lines = [
        "## Imports of real files (corpus)",
        "",
        "`python -m benchmarks.corpus_imports`: each file imported (format detected) into a"
        " new SQLite catalogue, median of the runs; the whole import is timed (reading,"
        " checks, writing, full-text index, commit).",
        "",
        "| File | Format | Records | Size | Median | Runs | Target | Verdict |",
        "|---|---|---:|---:|---:|---:|---|---|",
    ]
    for row in rows:
        limit = row["limit"]
        value = float(str(row["median"]))
        target = f"≤ {fmt_s(float(str(limit)))}" if limit is not None else ""
        verdict = "" if limit is None else ("PASS" if value <= float(str(limit)) else "MISS")
        lines.append(
            f"| `{row['file']}` | {row['format']} | {int(str(row['records'])):,} |"
            f" {float(str(row['megabytes'])):.1f} MB | {fmt_s(value)} | {row['runs']} |"
            f" {target} | {verdict} |"
        )
    return [*lines, ""]


def load() -> list[dict[str, object]]:
    """The saved figures (empty when never measured)."""
    try:
        rows = json.loads(RESULTS.read_text())
    except (OSError, ValueError):
        return []
    return rows if isinstance(rows, list) else []


def main() -> int:
    """Measure and save."""
    WORK.mkdir(parents=True, exist_ok=True)
    rows = measure()
    RESULTS.write_text(json.dumps(rows, indent=1))
    say(f"wrote {RESULTS}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
