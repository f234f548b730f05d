"""Benchmarks of one catalogue size: import, open, searches, index, pages, exports, memory."""

from __future__ import annotations

import argparse
import json
import shutil
import sqlite3
import time
from collections.abc import Callable, Sequence
from functools import partial
from typing import Any

from benchmarks import floor, generate
from benchmarks.command_memory import command_memory
from benchmarks.edit_bench import editing_rows
from benchmarks.format_imports import format_import_rows
from benchmarks.measure import (
    OverBudget,
    Timing,
    budget,
    first_page_in_new_process,
    timed,
)
from benchmarks.report import revision
from benchmarks.results import Row, SizeResult, fmt_s, median, say
from benchmarks.window_bench import WindowQuery, window_rows
from benchmarks.workspace import (
    EXPORT_SOME,
    PAGE,
    SIDEBAR,
    WORK,
    Files,
    Query,
    queries,
    read_json,
    remove_catalogue,
    stamps,
)
from catalog.services.catalog import CatalogService, SortKey
from catalog.services.search_engine import cache_file
from catalog.ui.shell.search_controller import FACET_LIMITS


class SizeBench:
    """Benchmarks one catalogue size."""

    def __init__(self, size: int, options: argparse.Namespace) -> None:
        self.size = size
        self.seed: int = options.seed
        self.runs: int = options.runs
        self.import_runs: int = options.import_runs
        self.keep: bool = options.keep
        self.budget: float = options.budget
        self.files = Files(WORK / f"size-{size}")
        self.result = SizeResult(size, path=str(self.files.results))
        self.floors: dict[str, float] = {}  # raw-SQL floors the window's rows reuse

    def run(self) -> SizeResult:
        files = self.files
        say(f"== {self.size} records ({files.folder})")
        self.result.info["revision"] = revision()
        current = stamps(self.size, self.seed)
        kept = read_json(files.stamp) if self.keep else {}
        if kept.get("json") != current["json"] and files.folder.exists():
            shutil.rmtree(files.folder)
        reusable = kept == current
        if not reusable:  # Catalog changed: its catalogue and import figures are stale
            remove_catalogue(files.catalogue)
            shutil.rmtree(files.cache, ignore_errors=True)
        files.folder.mkdir(parents=True, exist_ok=True)
        files.exports.mkdir(exist_ok=True)
        self._generate()
        files.stamp.write_text(json.dumps(current))
        earlier = SizeResult.load(files.results) if reusable else None
        files.results.unlink(missing_ok=True)
        self._import(earlier)
        self._describe()
        connection = floor.connect(files.catalogue)
        try:
            self._open(connection)
            service = CatalogService.open(files.catalogue, cache_dir=files.cache)
            try:
                floors = self._searches(service, connection, "SQL", {})
                self._index(service)
                self._searches(service, connection, "index", floors)
                self._pages(service, connection)
                self._window(floors)
                self._exports(service, connection)
            finally:
                service.close()
        finally:
            connection.close()
        editing_rows(files.catalogue, self.result, self.runs, self.seed)
        self._memory()
        self.result.save(files.results)
        if not self.keep:
            shutil.rmtree(files.folder)
        return self.result

    def redo(self, step: str) -> SizeResult:
        """Measure one step again ("window", "import", "memory", "edit" or "search": the
        searches on the index, against the raw-SQL floors kept) on a kept run."""
        kept = SizeResult.load(self.files.results)
        if kept is None or not self.files.catalogue.is_file():
            raise SystemExit(f"no kept run of {self.size} records: run with --keep first")
        search_floors = _kept_search_floors(kept)
        if step == "memory":
            kept.memory = []
        elif step == "search":
            kept.rows = [
                row for row in kept.rows if not (row.path == "index" and row.group in _SEARCHES)
            ]
            kept.checks = [check for check in kept.checks if not check.startswith("index ")]
        else:
            group = {"window": "Window", "import": "Import", "edit": "Editing"}[step]
            kept.rows = [row for row in kept.rows if row.group != group]
        kept.path = str(self.files.results)
        kept.info[f"{step}_revision"] = revision()
        self.result = kept
        say(f"== {step} again, {self.size} records ({self.files.folder})")
        if step == "import":
            self._import(None)
        elif step == "memory":
            self._memory()
        elif step == "edit":
            editing_rows(self.files.catalogue, kept, self.runs, self.seed)
        elif step == "search":
            self._index_searches(search_floors)
        else:
            self._window(self._kept_floors(kept))
        kept.save(self.files.results)
        return kept

    def _index_searches(self, floors: dict[str, float]) -> None:
        connection = floor.connect(self.files.catalogue)
        service = CatalogService.open(self.files.catalogue, cache_dir=self.files.cache)
        try:
            service.prepare_index()
            self._searches(service, connection, "index", floors)
        finally:
            service.close()
            connection.close()

    def _kept_floors(self, kept: SizeResult) -> dict[str, float]:
        """The raw-SQL floors a kept run measured, as the window step wants them."""
        floors: dict[str, float] = {}
        for row in kept.rows:
            label = row.name.split(":", 1)[0]
            if row.group == "Refresh" and row.path == "SQL" and row.floor is not None:
                floors[f"refresh {label}"] = row.floor
            elif row.group == "Open" and row.name.startswith("open, first 50") and row.floor:
                self.floors["first page"] = row.floor
            elif row.group == "Page" and row.floor is not None:
                self.floors.setdefault("page", row.floor)
        return floors

    # ------------------------------------------------------------------ steps

    def _generate(self) -> None:
        source = self.files.source
        if source.is_file():
            say(f"  reusing {source}")
            return
        start = time.perf_counter()
        generate.write(source, self.size, self.seed)
        self.result.info["generate_seconds"] = time.perf_counter() - start

    def _import(self, earlier: SizeResult | None) -> None:
        files = self.files
        reused = [r for r in earlier.rows if r.group == "Import"] if earlier else []
        if earlier and reused and files.catalogue.is_file():
            say("  reusing the catalogue and import figures of an earlier run")
            for row in reused:
                row.note = (row.note + " (measured by an earlier run)").strip()
                self.result.rows.append(row)
            self.result.info.update(
                {k: v for k, v in earlier.info.items() if k.startswith("import")}
            )
            return
        floors: list[floor.ImportFloor] = []
        for _ in range(self.import_runs):
            remove_catalogue(files.floor_catalogue)
            floors.append(floor.import_floor(files.source, files.floor_catalogue))
            remove_catalogue(files.floor_catalogue)
        times: list[float] = []
        for _ in range(self.import_runs):
            remove_catalogue(files.catalogue)
            shutil.rmtree(files.cache, ignore_errors=True)
            service = CatalogService.open(files.catalogue, cache_dir=files.cache)
            try:
                start = time.perf_counter()
                report, _ = service.import_file(files.source, "json")
                times.append(time.perf_counter() - start)
            finally:
                service.close()
            assert report.records == self.size, report
        floor_median = median([f.seconds for f in floors])
        self.result.add(
            Row(
                "Import",
                "import the native JSON file (CatalogService.import_file)",
                median=median(times),
                runs=len(times),
                floor=floor_median,
                hits=self.size,
                target="import",
                note="floor: executemany of pre-built tuples, one transaction",
            )
        )
        self.result.info["import_floor_prepare_seconds"] = median(
            [f.prepare_seconds for f in floors]
        )
        for row in format_import_rows(files, self.size, self.import_runs, floor_median):
            self.result.add(row)

    def _describe(self) -> None:
        files, info = self.files, self.result.info
        info["json_mb"] = files.source.stat().st_size / 2**20
        info["catalogue_mb"] = files.catalogue.stat().st_size / 2**20
        with sqlite3.connect(files.catalogue) as connection:
            for table in ("records", "authorities", "record_authorities", "record_tags"):
                info[f"rows_{table}"] = connection.execute(
                    f"SELECT count(*) FROM {table}"
                ).fetchone()[0]

    def _open(self, connection: sqlite3.Connection) -> None:
        files = self.files

        def first_page() -> int:
            service = CatalogService.open(files.catalogue, cache_dir=files.cache)
            try:
                result = service.search("")
                rows = service.summaries(result.ids[:PAGE])
                assert not service.engine.index_ready, "the first page built the index"
                return len(rows)
            finally:
                service.close()

        def first_page_floor() -> int:
            own = floor.connect(files.catalogue)
            try:
                ids = floor.search_ids(own, floor.Filter())
                return len(floor.page(own, ids[:PAGE]))
            finally:
                own.close()

        def first_page_limited() -> int:
            service = CatalogService.open(files.catalogue, cache_dir=files.cache)
            try:
                result = service.search("", limit=PAGE)
                rows = service.summaries(result.ids)
                assert result.total == self.size and not service.engine.index_ready
                return len(rows)
            finally:
                service.close()

        def first_page_limited_floor() -> int:
            own = floor.connect(files.catalogue)
            try:
                ids = floor.search_ids(own, floor.Filter(), limit=PAGE)
                own.execute("SELECT count(*) FROM records WHERE deleted = 0").fetchone()
                return len(floor.page(own, ids))
            finally:
                own.close()

        limited = timed(first_page_limited, self.runs)
        self.floors["first page"] = timed(first_page_limited_floor, self.runs).median
        self.result.add(
            Row(
                "Open",
                "open, first 50 ids and the total (search limit=50), first page",
                median=limited.median,
                runs=len(limited.runs),
                floor=self.floors["first page"],
                hits=self.size,
                target="open",
            )
        )
        service_time = timed(first_page, self.runs)
        floor_time = timed(first_page_floor, self.runs)
        self.result.add(
            Row(
                "Open",
                "open, all ids in date order, first page of 50 (in process)",
                median=service_time.median,
                runs=len(service_time.runs),
                floor=floor_time.median,
                hits=self.size,
                target="open",
            )
        )

        def window_open() -> int:
            service = CatalogService.open(files.catalogue, cache_dir=files.cache)
            try:
                with budget(service.db.reader, self.budget):
                    shown = service.refresh("", facets=FACET_LIMITS, defer_facets=True)
                rows = service.summaries(shown.result.ids[:PAGE])
                assert len(rows) == min(PAGE, shown.result.total)
                assert not service.engine.index_ready, "the first page built the index"
                return shown.facets_pending
            finally:
                service.close()

        def window_open_floor() -> int:
            own = floor.connect(files.catalogue)
            try:
                return len(floor.refresh(own, floor.Filter(), SIDEBAR).page)
            finally:
                own.close()

        try:
            window: Timing | OverBudget = timed(window_open, self.runs)
        except OverBudget as over:
            window = over
        row = self._add_timing(
            "Open",
            "the window's open: open, refresh('', sidebar facets, defer_facets=True), first page",
            "",
            window,
            timed(window_open_floor, self.runs).median,
            self.size,
        )
        row.target = "open"
        if isinstance(window, Timing) and window.result:
            row.note = "facets left pending until the search index is built; floor counts them"
        cold = [first_page_in_new_process(files.catalogue, files.cache) for _ in range(3)]
        self.result.add(
            Row(
                "Open",
                "the same in a new process, Python imports included",
                median=median([c["total"] for c in cold]),
                runs=len(cold),
                hits=self.size,
                note=f"of which imports {fmt_s(median([c['imports'] for c in cold]))};"
                f" whole process {fmt_s(median([c['process'] for c in cold]))}",
            )
        )

    def _searches(
        self,
        service: CatalogService,
        connection: sqlite3.Connection,
        path: str,
        floors: dict[str, float],
    ) -> dict[str, float]:
        """Search ids, full refreshes and facet counts; floors measured on the first call."""
        assert service.engine.index_ready == (path == "index")
        measured = dict(floors)

        def floor_of(key: str, action: Callable[[], Any]) -> float:
            if key not in measured:
                measured[key] = timed(action, self.runs).median
            return measured[key]

        for query in queries():
            name = f"{query.label}: {query.text or '(empty)'}"
            expected = floor.search_ids(connection, query.sql)
            floor_ids = floor_of(
                f"ids {query.label}", partial(floor.search_ids, connection, query.sql)
            )
            search = self._time_service(service, partial(service.search, query.text))
            if isinstance(search, Timing) and list(search.result.ids) != expected:
                self._mismatch(f"{path} search {query.text!r}: ids differ from the raw SQL")
            self._add_timing("Search ids", name, path, search, floor_ids, len(expected))

            def refresh(q: Query = query) -> Any:
                shown = service.refresh(q.text, facets=FACET_LIMITS, defer_facets=False)
                return shown, service.summaries(shown.result.ids[:PAGE])

            floor_full = floor_of(
                f"refresh {query.label}",
                partial(floor.refresh, connection, query.sql, SIDEBAR),
            )
            full = self._time_service(service, refresh)
            if isinstance(full, Timing):
                self._check_facets(path, query, full.result[0].facets, connection)
            row = self._add_timing("Refresh", name, path, full, floor_full, len(expected))
            row.target = "refresh"
        filters = ("all records", "facet click", "common word")
        for query in [q for q in queries() if q.label in filters]:
            floor_counts = floor_of(
                f"facets {query.label}", partial(floor.facets, connection, query.sql)
            )
            counts = self._time_service(service, partial(service.facets, query.text))
            name = f"every facet, {query.label}: {query.text or '(no filter)'}"
            self._add_timing("Facets", name, path, counts, floor_counts)
        return measured

    def _time_service(
        self, service: CatalogService, action: Callable[[], Any]
    ) -> Timing | OverBudget:
        """Time a service call, interrupting it when it runs past the budget."""

        def guarded() -> Any:
            with budget(service.db.reader, self.budget):
                return action()

        try:
            return timed(guarded, self.runs)
        except OverBudget as over:
            return over

    def _add_timing(
        self,
        group: str,
        name: str,
        path: str,
        timing: Timing | OverBudget,
        floor_seconds: float | None,
        hits: int | None = None,
    ) -> Row:
        if isinstance(timing, OverBudget):
            row = Row(group, name, path, None, 1, floor_seconds, hits, over=timing.seconds)
            row.note = f"interrupted after {timing.seconds:g} s"
            return self.result.add(row)
        return self.result.add(
            Row(group, name, path, timing.median, len(timing.runs), floor_seconds, hits)
        )

    def _check_facets(
        self, path: str, query: Query, facets: Sequence[Any], connection: sqlite3.Connection
    ) -> None:
        expected = floor.facets(connection, query.sql, SIDEBAR)
        for facet in facets:
            got = [v.count for v in facet.values]
            want = [n for _, n in expected[facet.name]]
            if got != want:
                self._mismatch(f"{path} facet {facet.name} of {query.text!r} differs from SQL")

    def _mismatch(self, message: str) -> None:
        say(f"  CHECK FAILED: {message}")
        self.result.checks.append(message)

    def _index(self, service: CatalogService) -> None:
        files = self.files
        saved = cache_file(files.cache, service.location)

        builds: list[float] = []
        for _ in range(3 if self.size < 1_000_000 else 2):
            fresh = CatalogService.open(files.catalogue, cache_dir=files.cache)
            saved.unlink(missing_ok=True)
            start = time.perf_counter()
            fresh.prepare_index()
            builds.append(time.perf_counter() - start)
            fresh.close()
        self.result.add(
            Row(
                "Search index",
                "prepare_index(): build from the database and save",
                median=median(builds),
                runs=len(builds),
                hits=self.size,
            )
        )
        loads: list[float] = []
        for _ in range(self.runs):
            fresh = CatalogService.open(files.catalogue, cache_dir=files.cache)
            start = time.perf_counter()
            assert fresh.load_saved_index(), "the saved index was not current"
            loads.append(time.perf_counter() - start)
            fresh.close()
        self.result.add(
            Row(
                "Search index",
                "load_saved_index(): load the saved copy",
                median=median(loads),
                runs=len(loads),
                hits=self.size,
            )
        )
        self.result.info["index_file_mb"] = saved.stat().st_size / 2**20
        service.prepare_index()

    def _pages(self, service: CatalogService, connection: sqlite3.Connection) -> None:
        for sort in (SortKey.DATE, SortKey.TITLE):
            ids = list(service.search("", sort).ids)
            start = int(len(ids) * 0.9)
            page_ids = ids[start : start + PAGE]
            rows = timed(partial(service.summaries, page_ids), self.runs)
            if [r.id for r in rows.result] != page_ids:
                self._mismatch(f"page of {sort.value} sort: rows out of order")
            floor_rows = timed(partial(floor.page, connection, page_ids), self.runs)
            self.floors.setdefault("page", floor_rows.median)
            self.result.add(
                Row(
                    "Page",
                    f"summaries of 50 rows at 90% of the list, {sort.value} sort",
                    median=rows.median,
                    runs=len(rows.runs),
                    floor=floor_rows.median,
                    hits=PAGE,
                    target="page",
                )
            )

    def _window(self, floors: dict[str, float]) -> None:
        """The real window, offscreen, in its own process (see benchmarks.window_probe)."""
        chosen = [q for q in queries() if q.label != "all records"]
        asked = [WindowQuery(q.label, q.text, floors.get(f"refresh {q.label}")) for q in chosen]
        for row in window_rows(self.files.catalogue, self.files.cache, asked, self.floors):
            self.result.add(row)

    def _exports(self, service: CatalogService, connection: sqlite3.Connection) -> None:
        ids = list(service.search("").ids)
        out = self.files.exports
        sets = [(f"first {min(EXPORT_SOME, len(ids)):,}", ids[:EXPORT_SOME])]
        if len(ids) > EXPORT_SOME:
            sets.append((f"all {len(ids):,}", ids))
        for label, chosen in sets:
            for name, raw in (("json", floor.export_json), ("csv", floor.export_csv)):
                done = timed(
                    partial(service.export, chosen, name, out / f"catalog.{name}"),
                    self.runs,
                    warm_up=False,
                )
                floor_done = timed(
                    partial(raw, connection, chosen, out / f"floor.{name}"),
                    self.runs,
                    warm_up=False,
                )
                self.result.add(
                    Row(
                        "Export",
                        f"{name}, {label} records",
                        median=done.median,
                        runs=len(done.runs),
                        floor=floor_done.median,
                        hits=len(chosen),
                        note="floor: sqlite3 reads + json.dumps / csv.writer",
                    )
                )
                for path in out.iterdir():
                    path.unlink()

    def _memory(self) -> None:
        self.result.memory.extend(command_memory(self.files, self.budget, self.result.info))


# The rows _searches adds, by group, and the prefix of their floors' keys.
_SEARCHES = {"Search ids": "ids", "Refresh": "refresh", "Facets": "facets"}


def _kept_search_floors(kept: SizeResult) -> dict[str, float]:
    """The raw-SQL floors of the searches a kept run measured, keyed as _searches keys them."""
    floors: dict[str, float] = {}
    for row in kept.rows:
        if row.group in _SEARCHES and row.path == "SQL" and row.floor is not None:
            label = row.name.removeprefix("every facet, ").split(":", 1)[0]
            floors[f"{_SEARCHES[row.group]} {label}"] = row.floor
    return floors
