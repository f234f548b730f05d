"""The Markdown of ``docs/performance.md`` from the measured results."""

from __future__ import annotations

import os
import platform
import sqlite3
import subprocess
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import numpy
import sqlalchemy

import catalog
from benchmarks import corpus_imports, export_bench, live_bench, pg_bench
from benchmarks.results import TARGETS, SizeResult, fmt_s
from benchmarks.workspace import ROOT


def _fmt_ratio(ratio: float | None) -> str:
    return "—" if ratio is None else f"{ratio:.2f}×" if ratio < 10 else f"{ratio:.0f}×"


def verdict(target: str, value: float | None, interrupted: bool = False) -> str:
    """PASS or MISS, and how far from the limit."""
    if value is None:
        return "—"
    limit = TARGETS[target].limit
    share = value / limit
    if interrupted:
        return f"**MISS** (> {share:.0f}× the limit: interrupted)"
    if share <= 1:
        return f"PASS ({share:.2f}× the limit)"
    return f"**MISS** ({share:.1f}× the limit)"


def _limit_text(target: str | None) -> str:
    if target is None:
        return ""
    spec = TARGETS[target]
    if spec.unit == "ratio":
        return f"≤ {spec.limit:g}× floor"
    if spec.unit == "MB":
        return f"< {spec.limit:g} MB"
    return f"≤ {spec.limit * 1000:g} ms" if spec.limit < 1 else f"≤ {spec.limit:g} s"


def _size_label(size: int) -> str:
    if size >= 1_000_000 and size % 1_000_000 == 0:
        return f"{size // 1_000_000}M"
    if size >= 1000 and size % 1000 == 0:
        return f"{size // 1000}k"
    return str(size)


def machine() -> list[str]:
    """Lines describing the machine and the software versions."""
    cpu = "unknown CPU"
    memory = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                memory = f"{int(line.split()[1]) / 2**20:.1f} GB"
    except OSError:
        pass
    return [
        f"- **CPU**: {cpu}, {os.cpu_count()} cores",
        f"- **RAM**: {memory}",
        f"- **OS**: {platform.platform()}",
        f"- **Python**: {platform.python_version()} ({platform.python_implementation()})",
        f"- **SQLite**: {sqlite3.sqlite_version}; SQLAlchemy {sqlalchemy.__version__};"
        f" numpy {numpy.__version__}",
        f"- **Date**: {datetime.now(UTC).strftime('%Y-%m-%d %H:%M UTC')}",
    ]


def revision() -> str:
    """The git commit measured, and whether the source had uncommitted changes."""
    try:
        commit = subprocess.run(
            ["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "-C", str(ROOT), "status", "--porcelain", "--", "src"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "version " + catalog.__version__
    return f"commit {commit}" + (" with uncommitted changes in src/" if dirty else "")


METHOD = """\
- **Data**: `benchmarks/generate.py` writes a native JSON file (one record per line) from a
  fixed seed. Records imitate the Wilson Center listing and the declassified cables of the
  corpus: titles of 20-110 characters, summaries of 150-400 characters naming the record's
  people, places and subjects, 22 document types with a long tail, about 300 archives,
  25 languages, 150 collections, 300 tags; 1-5 people, 1-3 places, 1-3 subjects and 0-2
  organisations per record, drawn with Zipf-like weights from pools that grow with the
  size (up to 100,000 people); 80% of dates to the day, the rest months, years, ranges,
  circa, undated or missing; 3% of records have a note, 1% an attachment, 1% a relation.
  `citizenship` is planted in ~10% of records, the phrase "Soviet Koreans" in ~2%, words
  starting `cooperat` in ~4%, `weisfeiler` in ~0.01%.
- **Import**: `CatalogService.import_file` into a fresh SQLite file (the schema is created
  by `CatalogService.open` first, not timed). The **floor** creates the schema with
  `catalog.store.schema.prepare`, then inserts exactly the rows Catalog writes (checked
  row for row at 10k: records, vocabularies and their links, authorities, variants and
  links, notes, attachments, relations and the FTS5 rows) with `sqlite3` `executemany` of
  pre-built tuples in one transaction, with Catalog's pragmas. Only the SQLite calls are
  timed; building the tuples (JSON decoding, folding, date parsing) is reported apart.
  The same records are then imported as CSV (the catalogue exported by Catalog) and as a
  digital-archive listing (date, title, summary of each record written as the archive's
  page shows them), each in a new process (`benchmarks/format_imports.py`). Their floor
  is the raw-SQL import of what the file carries (CSV: no attachments, no variant names,
  notes as text; listing: date, title, summary, the type guessed from the title); the
  note gives the ratio to the native JSON floor too, and the peak memory of the importing
  process and of the process reading the file, sampled together.
- **Open** (a fresh `CatalogService` each run; none may build the search index, checked):
  (1) `search("", limit=50)` (the first ids and the total) and `summaries` of those;
  (2) `search("")` (every id in date order) and `summaries` of the first 50, as the issue
  defines it; (3) what the window does: `refresh("", sidebar facets, defer_facets=True)`
  and `summaries` of the first 50 (facets of a large result are left pending until the
  index is built; the floor counts them). Also (2) in a new process, imports included.
- **Search ids**: `search(query)`, the ids in date order. **Refresh**: what the window
  shows after a keystroke or a facet click: `refresh(query, facets=<the sidebar's six
  facets: type, decade, year, archive, language, tag; decades and years in full, 50
  values of the others>, defer_facets=False)` (ids in order, every visible facet count,
  the catalogue total) and `summaries` of the first 50 ids. **Facets**: `facets(query)`,
  all 11 facets with 50 values each (people, organisations, places and subjects too).
  Each is measured on the SQL path (before `prepare_index()`) and on the columnar index
  path (after it), and checked against the raw SQL (same ids in the same order, same
  facet counts).
- **Floors for queries** (plain `sqlite3` on the same file, same pragmas): `SELECT r.id
  FROM records r WHERE r.deleted = 0 AND r.id IN (SELECT rowid FROM record_fts WHERE
  record_fts MATCH ?) ORDER BY r.date_sort, r.date_precision, r.id`; one `GROUP BY` query
  per facet, joined from the matching records outward; `count(*)` for the total; a page
  is an `IN` query of 50 ids joined to the document type. The floor returns plain tuples.
  The index path is often faster than this floor: that is the point of the index.
- **Window**: `benchmarks/window_probe.py` starts the real window offscreen in a new
  process (3 launches) on the catalogue, Catalog's bytecode compiled as an installed
  program's is: launch to the first rows painted (timed by the parent from the start of
  the process); then for each query (submitted as a facet click
  or the search box's debounce does: the 250 ms debounce itself is not counted), the time
  until list, facet counts, timeline and status bar are updated and painted (the events
  the answer posted served, then the whole window repainted), 3 runs per
  launch, after the search index is ready; the longest gap of a 1 ms timer on the UI
  thread meanwhile; the time to paint the list after 40 jumps of the scroll bar to random
  positions; the process's peak memory.
- **Page**: `summaries` of 50 ids at 90% of the list sorted by date and by title.
- **Export**: `CatalogService.export` of the first 10,000 records and of all, in native
  JSON and CSV; the floor reads the same data with `sqlite3` (batches of 500 ids) and
  writes it with `json.dumps` / `csv.writer`.
- **Editing** (`benchmarks/edit_bench.py`, on a copy of the catalogue): a save through
  `Editor.update_record` of a record read with `detail` (its title changed), then `undo`,
  on `--runs` random records; a bulk edit adding a tag to 10,000 random records:
  `bulk.preview` (reads and transforms them, what the dialog shows before Apply), then
  `bulk.apply` (one transaction, one undo step, versions checked), then `undo`. Each
  writes the change log and the full-text index where they change. The floors are the
  same rows written with `sqlite3` and nothing else: one `UPDATE` of a title committed;
  10,000 `record_tags` rows inserted with `executemany` and committed.
- **Memory**: peak RSS of `catalog` commands run as subprocesses under `/usr/bin/time -v`
  (`XDG_CACHE_HOME` pointed at the benchmark's folder, so `catalog facets` builds and
  saves its index there and the commands after it may load it).
- **Timing**: wall clock (`time.perf_counter`), median of `--runs` runs after one warm-up
  run; operations slower than 2 s are run 3 times without warm-up, slower than 60 s once;
  searches, facet counts and `search`/`facets` commands still running after `--budget`
  seconds are interrupted and reported as "> budget". Imports are run `--import-runs`
  times. The OS page cache is warm (the catalogue was just written), as it is when the
  window reopens a catalogue it used recently. Run it from a clean checkout or a git
  worktree at a fixed commit: the imports and the window run in new processes that
  import Catalog from the working tree, so an edit made meanwhile would be measured."""

# Causes found by profiling the misses (November 2026). Each note is shown only while its
# target misses; re-check it against a profile when the figures move.
NOTES: dict[str, str] = {
    "import": (
        "**Import.** The floor is SQLite's work alone; Catalog must also read the file."
        " A file over 16 MB is parsed and checked in a second process, which since commit"
        " c64b268 also parses each record's date and folds its words for the full-text"
        " index (records come back pickled); the import's thread builds the rows and lays"
        " them out as statements; the writer thread runs them, in whole multi-row"
        " statements. Since commit a5839c6 an import into an empty catalogue builds the"
        " records' date, title and date-bound indexes once, at the end of its transaction,"
        " instead of row by row (the floor keeps every index in step; a raw-SQL load that"
        " builds all sixteen at the end took 90 s against 119 s at 1M, so keeping indexes"
        " in step is the floor's superlinear part; indexes starting with a foreign key"
        " stay, as SQLite's deferred key checks look rows up by them). On November 29 the"
        " process reading a native JSON file was the busiest of the three (about 178 µs a"
        " record): it rebuilt every record with dataclasses.replace and made a new object"
        " for every name link and date. Since commit a9fdcda a record is copied, and links"
        " and dates are made once and shared (a batch then pickles each once): at 100k its"
        " CPU went from 16.3-17.8 s to 13.6-14.7 s, the importing thread's from 10.3 s to"
        " 6.9-8.3 s. At 1M, against that day's floor of 186-194 s (the machine ran about"
        " 1.5× slower than before): 281 s (1.51×) before, 262 and 287 s after, and 265 s"
        " at commit e264879, whose smaller caches keep the reading process at 70 MB"
        " (`catalog import` at 1M: 368 MB, 373 MB with the reading process). The writer"
        " thread's CPU (176 s) is now about the floor's whole time, so what is left is"
        " the three workers sharing two cores and the writer waiting for the interpreter"
        " lock after each statement; larger statements (32,766 values) and a 1 ms switch"
        " interval did no better, within a spread of about 10%. The CSV import keeps one"
        " hash per record to find a uid given twice (commit 75c225d), not a set of the"
        " uids: its peak at 1M went from 592 to 376 MB. A listing carries only a date, a"
        " title and a summary, so its own floor is small (no names, no vocabularies) while"
        " reading its text and folding it stay: against its own floor it misses by far,"
        " against the native JSON floor of the same records it passes. Its import waits"
        " on the process reading it (17 s per 100k entries that day, while the importing"
        " process idles), a third of that in telling dates from other lines: each line of"
        " up to 60 characters is tried as a date (13.6 µs for a title that is none)."
    ),
    "refresh": (
        "**Refresh on the SQL path** (before the search index is ready). Each facet is a"
        " `GROUP BY` over the matching records (a second per facet per million records),"
        " so the floor misses as well. The window never waits for it: it shows the"
        ' records at once, leaves the counts "being counted" and asks again once the'
        " index is built on a worker (seconds at 1M, loaded from its saved copy after"
        " that). The index path meets the target at every size. In the window (rows"
        " without a path) a common word at 1M records costs its 100k ids from FTS5"
        " (about 40 ms, 27 ms of it SQLite's), the 13 facet counts over 10 million links"
        " (about 25 ms: two threads count them, numpy letting go of the interpreter lock,"
        " while the ids are put in order), the first 200 rows (about 7 ms), then 15-20 ms"
        " of the UI thread's own work: delivering the answer, resetting the list and"
        " sidebar, laying them out and painting."
    ),
    "refresh_p95": (
        "**Window refresh, 95th percentile.** The slow runs are those where the worker's"
        " Python work (facet lists, 13 facets with months) and the UI thread's repaint"
        " meet the other process on this 2-core machine."
    ),
    "stall": (
        "**UI stalls.** Timed gap by gap: a full collection of Python's garbage collector"
        " walked every object the window holds (the search index's names among them),"
        " 50-56 ms every twenty searches or so at 100k records; since commit 5e186ce they"
        " are frozen out of its sight once the index is ready. The rest is the answer's"
        " own work on the UI thread: delivering it, laying out and painting (15-20 ms)."
        " Since commits 8f69806 and 469d59a the facet tree no longer asks every row for"
        " its size, and a search no longer resets the recent searches (which laid the"
        " sidebar out and repainted the window a second time)."
    ),
    "scroll": (
        "**Scrolling.** A jump to an unread part of the list reads one page of 200 rows"
        " (three short queries: rows, their languages, their people) on the UI thread"
        " before painting."
    ),
    "page": "**Page.** A page is one `IN` query of 50 ids and two small look-ups.",
    "memory": (
        "**Memory.** `catalog import` of a Catalog JSON file kept a set of every uid for"
        " its duplicate check (about 120 MB of strings at 1M records) until commit 36535f7,"
        " which keeps one hash a record; the rest is SQLite's 64 MB writer cache and FTS5's"
        " buffers, the batches the reader and writer threads hold in flight, and the"
        " interpreter with its libraries. `catalog search` and `facets` load the saved"
        " search index when it is current (about 290 MB at 1M records), `facets` builds it"
        " when it is not (500 MB in a run after the catalogue's schema was upgraded);"
        " `catalog export` lets the index go once it has the ids (since commit 12d0dfe)."
        " Since commit 901fee1 `catalog import` reads a large file in a second process;"
        " `/usr/bin/time` reports the larger of the two, so both were sampled with `ps`"
        " during a 1M import at commit 363c327: 386 MB together at the peak (332 MB"
        " importing, 54 MB reading). `facets` right after an import builds the index: 493"
        " MB in such a run. Since commit a5839c6 an import into an empty catalogue builds"
        " its indexes at the end, sorting a key of every record; with SQLite's temporary"
        " storage in memory that sort lifted the 1M import to 447 MB, and it grew with the"
        " file. Since commit ecf7928 the writing connection sorts in a temporary file (379"
        " MB measured alone)."
    ),
    "window_memory": (
        "**Window memory.** The columnar index (a few arrays per record and per link) is"
        " held in memory beside Qt and the page cache of rows."
    ),
    "open": (
        "**Open.** Every id of the list is read before the window shows them all; the"
        " window shows the first 200 ids first (`search(limit=)`), and a new process"
        " spends about half a second importing Python, Qt, SQLAlchemy and numpy."
    ),
}


def render(results: Sequence[SizeResult], seed: int, runs: int) -> str:
    """The Markdown of ``docs/performance.md``."""
    lines = [
        "# Performance",
        "",
        "Generated by `python -m benchmarks.run` (`make bench`); do not edit by hand.",
        f"Sizes: {', '.join(f'{r.size:,}' for r in results)} records; seed {seed};"
        f" {runs} runs per fast operation.",
        "",
        "## Machine",
        "",
        *machine(),
        "",
        "## Method",
        "",
        METHOD,
        "",
    ]
    largest = max(results, key=lambda r: r.size)
    lines += _summary(largest)
    corpus = corpus_imports.load()
    if corpus:
        lines += corpus_imports.render(corpus)
    exports = export_bench.load()
    if exports:
        lines += export_bench.render(exports)
    live = live_bench.load()
    if live:
        lines += live_bench.render(live)
    postgres = pg_bench.load()
    if postgres:
        lines += pg_bench.render(postgres)
    for result in sorted(results, key=lambda r: r.size):
        lines += _size_section(result)
    return "\n".join(lines) + "\n"


@dataclass(frozen=True)
class _Case:
    """One measurement a target applies to."""

    value: float
    where: str
    path: str = ""
    interrupted: bool = False


def _cases(result: SizeResult, key: str) -> list[_Case]:
    if key == "memory":
        return [
            _Case(m.peak_mb, f"`{m.command}`" + ("" if m.finished else " (killed over budget)"))
            for m in result.memory
        ]
    cases = []
    for row in result.rows:
        value = row.measured()
        if row.target == key and value is not None:
            where = f"{row.group}: {row.name}" + (f" ({row.path} path)" if row.path else "")
            cases.append(_Case(value, where, row.path, row.over is not None))
    return cases


def _summary(result: SizeResult) -> list[str]:
    lines = [
        f"## Targets at {result.size:,} records",
        "",
        "Worst case of each target (per search path where there are two).",
        "",
        "| Target | Worst case | Value | Passing | Verdict |",
        "|---|---|---|---:|---|",
    ]
    misses: list[str] = []
    for key, spec in TARGETS.items():
        cases = _cases(result, key)
        for path in sorted({c.path for c in cases}):
            group = [c for c in cases if c.path == path]
            worst = max(group, key=lambda c: c.value)
            passing = sum(c.value <= spec.limit and not c.interrupted for c in group)
            if spec.unit == "ratio":
                shown = _fmt_ratio(worst.value)
            elif spec.unit == "MB":
                shown = f"{worst.value:.0f} MB"
            else:
                shown = ("> " if worst.interrupted else "") + fmt_s(worst.value)
            text = verdict(key, worst.value, worst.interrupted)
            lines.append(
                f"| {spec.title} | {worst.where} | {shown} | {passing}/{len(group)} | {text} |"
            )
            if "MISS" in text and key not in misses:
                misses.append(key)
    if result.checks:
        lines += ["", "**Checks that failed** (service and raw SQL disagree):", ""]
        lines += [f"- {c}" for c in result.checks]
    if misses:
        lines += ["", "### What stands in the way", ""]
        lines += [f"- {NOTES[key]}" for key in misses if key in NOTES]
    return [*lines, ""]


def _size_section(result: SizeResult) -> list[str]:
    info = result.info
    lines = [
        f"## {_size_label(result.size)}: {result.size:,} records",
        "",
        f"Catalog {info.get('revision', 'revision unknown')}"
        + "".join(
            f"; {step} rows measured again at {info[f'{step}_revision']}"
            for step in ("import", "window", "memory", "edit", "search")
            if f"{step}_revision" in info
        )
        + ".",
        "",
        f"Native JSON file {info.get('json_mb', 0):.0f} MB; catalogue"
        f" {info.get('catalogue_mb', 0):.0f} MB; {info.get('rows_authorities', 0):,} authorities,"
        f" {info.get('rows_record_authorities', 0):,} authority links; saved search index"
        f" {info.get('index_file_mb', 0):.0f} MB."
        + (
            f" Floor preparation (untimed: JSON decoding, folding, dates):"
            f" {fmt_s(info['import_floor_prepare_seconds'])}."
            if "import_floor_prepare_seconds" in info
            else ""
        ),
        "",
        "| Operation | Path | Hits | Median | Runs | Raw SQL floor | Ratio | Target | Verdict |",
        "|---|---|---:|---:|---:|---:|---:|---|---|",
    ]
    for row in result.rows:
        hits = f"{row.hits:,}" if row.hits is not None else ""
        median = fmt_s(row.median) if row.over is None else f"> {fmt_s(row.over)}"
        if row.target and TARGETS[row.target].unit == "MB" and row.median is not None:
            median = f"{row.median:.0f} MB"
        name = row.name + (f" — {row.note}" if row.note else "")
        lines.append(
            f"| {row.group}: {name} | {row.path} | {hits} | {median} | {row.runs} |"
            f" {fmt_s(row.floor)} | {_fmt_ratio(row.ratio)} | {_limit_text(row.target)} |"
            f" {verdict(row.target, row.measured(), row.over is not None) if row.target else ''} |"
        )
    if result.memory:
        startup = info.get("cli_startup_seconds")
        lines += [
            "",
            f"Command line (`catalog --version` alone: {fmt_s(startup)},"
            f" {info.get('cli_startup_mb', 0):.0f} MB):",
            "",
            "| Command | Wall time | Peak RSS | Target | Verdict |",
            "|---|---:|---:|---|---|",
        ]
        for m in result.memory:
            wall = fmt_s(m.seconds) if m.finished else f"> {fmt_s(m.seconds)} (killed)"
            lines.append(
                f"| `{m.command}` | {wall} | {m.peak_mb:.0f} MB |"
                f" {_limit_text('memory')} | {verdict('memory', m.peak_mb)} |"
            )
    return [*lines, ""]
