"""The real window, offscreen, timed as a user meets it: launch, clicks, typing, scrolling.

``python -m benchmarks.window_probe DB CACHE_DIR CLAUSES_JSON`` prints ``painted`` on its
own line the moment the record list first paints rows (the parent times the launch up to
that line), then one JSON object:

- ``refresh``: per query, seconds from the query reaching the search controller (a facet
  click, or the search box's debounce firing) until the list, the facet counts and the
  status bar have all been updated and painted;
- ``stalls``: per query, the longest the UI thread went without serving a 1 ms timer
  while it ran (the window freezing, as a user would feel it);
- ``scroll``: seconds to paint the list after jumping the scroll bar to a position;
- ``peak_mb``: the process's peak resident memory.

Nothing of Catalog or Qt is imported before the clock starts, as when a user launches it.
"""

from __future__ import annotations

import itertools
import json
import os
import random
import resource
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

WARM_UP_QUERIES = 2
SCROLL_JUMPS = 40


class Probe:
    """Drives one window and collects its timings."""

    def __init__(self, db: str, cache_dir: str) -> None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        from PySide6.QtCore import QEvent, QObject, QTimer
        from PySide6.QtWidgets import QApplication

        from catalog.app import make_application
        from catalog.services.catalog import CatalogService
        from catalog.ui.jobs.runner import JobRunner
        from catalog.ui.shell.main_window import MainWindow

        self.app: QApplication = make_application()
        # As the application opens it (outdated sort keys would be a job after the paint).
        self.service = CatalogService.open(
            db, user="bench", cache_dir=Path(cache_dir), sort_keys_now=False
        )
        self.runner = JobRunner()
        self.window = MainWindow(self.service, self.runner)
        self.window.resize(1300, 850)
        self.painted_rows = False
        self.last_paint = 0.0
        window = self.window
        probe = self

        class PaintWatcher(QObject):
            def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
                if event.type() == QEvent.Type.Paint:
                    probe.last_paint = time.perf_counter()
                    if not probe.painted_rows and window.record_list.model().rowCount() > 0:
                        probe.painted_rows = True
                        print("painted", flush=True)
                return False

        self._watcher = PaintWatcher()
        window.record_list.viewport().installEventFilter(self._watcher)
        self._ticks: list[float] = []
        self._timer = QTimer()
        self._timer.setInterval(1)
        self._timer.timeout.connect(lambda: self._ticks.append(time.perf_counter()))
        self.updates = 0
        window.search.facets_ready.connect(self._on_facets)

    def _on_facets(self, outcome: Any) -> None:
        if not outcome.pending:
            self.updates += 1

    def wait(self, condition: Callable[[], bool], timeout: float = 120.0) -> None:
        """Serve events until ``condition()`` holds."""
        deadline = time.perf_counter() + timeout
        while not condition():
            if time.perf_counter() > deadline:
                raise TimeoutError("the window did not answer in time")
            self.app.processEvents()
            time.sleep(0.0005)

    def launch(self) -> None:
        """Show the window and wait for the first rows, then for the search index."""
        self.window.show()
        self.wait(lambda: self.painted_rows)
        self.wait(lambda: self.service.engine.index_ready and self.updates > 0, 600.0)

    def refresh(self, query: str) -> tuple[float, float]:
        """Seconds from submitting ``query`` to everything painted, and the longest stall."""
        before = self.updates
        self._ticks = []
        self._timer.start()
        start = time.perf_counter()
        self.window.sidebar.query_changed.emit(query)  # what a click or the debounce does
        self.wait(lambda: self.updates > before)
        # The layouts the answer asked for (views laid out again after a reset), then
        # a paint of the whole window: painting before those layouts would paint it
        # twice and charge the second paint to the next query.
        self.app.processEvents()
        self.window.repaint()  # paint list, sidebar, timeline and status bar now
        done = time.perf_counter()
        self._timer.stop()
        ticks = [start, *self._ticks, done]
        stall = max(b - a for a, b in itertools.pairwise(ticks))
        return done - start, stall

    def scroll(self, rng: random.Random) -> list[float]:
        """Seconds to paint the list after each jump of the scroll bar."""
        bar = self.window.record_list.verticalScrollBar()
        times = []
        for _ in range(SCROLL_JUMPS):
            position = rng.randint(bar.minimum(), bar.maximum())
            start = time.perf_counter()
            bar.setValue(position)
            self.window.record_list.viewport().repaint()
            times.append(time.perf_counter() - start)
        return times

    def close(self) -> None:
        self.window.close()
        self.runner.shutdown()
        self.service.close()


def main(argv: Sequence[str]) -> int:
    """``python -m benchmarks.window_probe DB CACHE_DIR CLAUSES_JSON``."""
    if len(argv) != 3:
        print("usage: python -m benchmarks.window_probe DB CACHE_DIR CLAUSES_JSON", file=sys.stderr)
        return 2
    queries: list[str] = json.loads(argv[2])
    probe = Probe(argv[0], argv[1])
    probe.launch()
    refresh: dict[str, list[float]] = {}
    stalls: list[float] = []
    for query in queries[:WARM_UP_QUERIES]:
        probe.refresh(query)
    for _ in range(3):
        for query in queries:
            seconds, stall = probe.refresh(query)
            refresh.setdefault(query, []).append(seconds)
            stalls.append(stall)
    probe.refresh("")
    scroll = probe.scroll(random.Random(1))
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    probe.close()
    print(json.dumps({"refresh": refresh, "stalls": stalls, "scroll": scroll, "peak_mb": peak_mb}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
