"""Live updates on a shared PostgreSQL catalogue: from one client's commit to another
client's window showing it.

Two clients open the same PostgreSQL catalogue (``--pg URL`` or ``CATALOG_TEST_PG_URL``,
a server where the role may create a database; ``.ci/postgres.sh`` starts one) holding
``--records`` records. Client A edits a random record's title ``--edits`` times; client B
is the real window (offscreen). For each edit, two delays from A's commit are measured:
until B's listener hears it, and until B's record list shows the new title.

``python -m benchmarks.live_bench`` saves the figures in ``benchmarks/work/live.json``;
``benchmarks.report`` adds them to ``docs/performance.md``.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import tempfile
import time
import uuid
from dataclasses import replace
from functools import partial
from pathlib import Path

import psycopg
from sqlalchemy.engine import make_url

from benchmarks.results import fmt_s, say
from benchmarks.workspace import WORK
from catalog.domain.drafts import RecordDraft
from catalog.services.catalog import CatalogService

RESULTS = WORK / "live.json"
LIMIT = 2.0  # seconds, the figure


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def measure(pg_url: str, records: int, edits: int) -> dict[str, object]:
    """Time ``edits`` edits from commit to listener and to the other window's list."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from catalog.ui.jobs.runner import JobRunner
    from catalog.ui.shell.main_window import MainWindow

    app = QApplication.instance() or QApplication([])
    name = f"catalog_live_{uuid.uuid4().hex[:8]}"
    admin_url = make_url(pg_url).set(drivername="postgresql")
    with psycopg.connect(admin_url.render_as_string(hide_password=False), autocommit=True) as a:
        a.execute(f'CREATE DATABASE "{name}"')
    url = make_url(pg_url).set(database=name).render_as_string(hide_password=False)
    folder = Path(tempfile.mkdtemp())
    try:
        writer = CatalogService.open(url, user="anna", cache_dir=folder / "a")
        reader = CatalogService.open(url, user="boris", cache_dir=folder / "b")
        assert writer.editor is not None
        for n in range(records):
            writer.editor.create_record(RecordDraft(f"Shared record {n}", "1959"))
        runner = JobRunner()
        window = MainWindow(reader, runner)
        window.show()
        heard: dict[int, float] = {}
        window.hub.changes_applied.connect(
            lambda changes: [heard.setdefault(i, time.perf_counter()) for i in changes.records]
        )
        _wait(app, lambda: window.record_list.records.rowCount() == records and window.live.active)
        time.sleep(0.5)
        chooser = random.Random(1)
        ids = list(writer.search("").ids)
        to_listener, to_list = [], []
        for n in range(edits):
            record_id = chooser.choice(ids)
            detail = writer.detail(record_id)
            title = f"Edited {n}"
            heard.pop(record_id, None)
            draft = replace(RecordDraft.from_detail(detail), title=title)
            committed = time.perf_counter()
            writer.editor.update_record(record_id, draft, detail.version)
            model = window.record_list.records
            shown = _wait(app, partial(_title_shown, model, record_id, title))
            to_list.append(shown - committed)
            to_listener.append(heard.get(record_id, shown) - committed)
        window.close()
        runner.shutdown()
        writer.close()
        reader.close()
    finally:
        with psycopg.connect(admin_url.render_as_string(hide_password=False), autocommit=True) as a:
            a.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    return {
        "records": records,
        "edits": edits,
        "heard_median": _percentile(to_listener, 0.5),
        "heard_p95": _percentile(to_listener, 0.95),
        "shown_median": _percentile(to_list, 0.5),
        "shown_p95": _percentile(to_list, 0.95),
        "shown_max": max(to_list),
        "load": os.getloadavg()[0],
    }


def _title_shown(model: object, record_id: int, title: str) -> bool:
    from catalog.ui.record_list.model import RecordTableModel

    assert isinstance(model, RecordTableModel)
    row = model.row_of(record_id)
    if row is None:
        return False
    cells = (model.data(model.index(row, column)) for column in range(model.columnCount()))
    return title in cells


def _wait(app: object, done: object, limit: float = 30.0) -> float:
    from PySide6.QtWidgets import QApplication

    assert isinstance(app, QApplication) and callable(done)
    deadline = time.perf_counter() + limit
    while not done():
        if time.perf_counter() > deadline:
            raise TimeoutError("the other window never showed the change")
        app.processEvents()
        time.sleep(0.002)
    return time.perf_counter()


def render(row: dict[str, object]) -> list[str]:
    """The Markdown section of the report."""
    shown_p95 = float(str(row["shown_p95"]))
    verdict = "PASS" if float(str(row["shown_max"])) <= LIMIT else "MISS"
    return [
        "## Live updates between two clients (PostgreSQL)",
        "",
        "`python -m benchmarks.live_bench`: client A edits a random record's title; client B,"
        " the real window offscreen on the same PostgreSQL catalogue, hears the trigger's"
        " notification and refreshes. Delays from A's commit returning.",
        "",
        "| Records | Edits | Heard (median / p95) | Shown in B's list (median / p95 / max)"
        " | Target | Verdict |",
        "|---:|---:|---|---|---|---|",
        f"| {row['records']} | {row['edits']} |"
        f" {fmt_s(float(str(row['heard_median'])))} / {fmt_s(float(str(row['heard_p95'])))} |"
        f" {fmt_s(float(str(row['shown_median'])))} / {fmt_s(shown_p95)} /"
        f" {fmt_s(float(str(row['shown_max'])))} | every edit ≤ {fmt_s(LIMIT)} | {verdict} |",
        "",
    ]


def load() -> dict[str, object] | None:
    """The saved figures (None when never measured)."""
    try:
        row = json.loads(RESULTS.read_text())
    except (OSError, ValueError):
        return None
    return row if isinstance(row, dict) else None


def main() -> int:
    """Measure and save."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--pg", default=os.environ.get("CATALOG_TEST_PG_URL", ""))
    parser.add_argument("--records", type=int, default=1000)
    parser.add_argument("--edits", type=int, default=50)
    args = parser.parse_args()
    if not args.pg:
        say("no PostgreSQL server: set CATALOG_TEST_PG_URL or pass --pg (skipped)")
        return 0
    WORK.mkdir(parents=True, exist_ok=True)
    row = measure(args.pg, args.records, args.edits)
    RESULTS.write_text(json.dumps(row, indent=1))
    say("\n".join(render(row)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
