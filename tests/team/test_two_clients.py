"""Two real client processes on one PostgreSQL catalogue: no acknowledged save is lost,
and a backend killed in the middle of a transaction leaves nothing half-written."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
from sqlalchemy.engine import make_url

from catalog.domain.drafts import RecordDraft
from catalog.services.catalog import CatalogService
from tests import databases

RECORDS = 50
EDITS_EACH = 500  # two clients: 1,000 interleaved edits
REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def shared(tmp_path: Path) -> Iterator[str]:
    if not databases.PG_URL:
        pytest.skip("CATALOG_TEST_PG_URL is not set (.ci/postgres.sh starts a server)")
    with databases.postgres_catalogue() as url:
        service = CatalogService.open(url, user="setup", cache_dir=tmp_path)
        assert service.editor is not None
        for n in range(RECORDS):
            service.editor.create_record(RecordDraft(f"Shared record {n}", "1959"))
        service.close()
        yield url


def client(url: str, name: str, seed: int, out: Path) -> subprocess.Popen[bytes]:
    command = [sys.executable, "-m", "tests.team.edit_client", url, name, str(EDITS_EACH)]
    return subprocess.Popen([*command, str(seed), str(out)], cwd=REPO)


def test_interleaved_edits_lose_no_acknowledged_save(shared: str, tmp_path: Path) -> None:
    outs = [tmp_path / "anna.jsonl", tmp_path / "boris.jsonl"]
    running = [client(shared, "anna", 1, outs[0]), client(shared, "boris", 2, outs[1])]
    assert [p.wait(timeout=600) for p in running] == [0, 0]
    outcomes = [json.loads(line) for out in outs for line in out.read_text().splitlines()]
    assert len(outcomes) == 2 * EDITS_EACH
    conflicts = sum(not o["saved"] for o in outcomes)
    assert 0 < conflicts < len(outcomes)  # they did collide, and most saves went through

    service = CatalogService.open(shared, cache_dir=tmp_path)
    try:
        saved: dict[int, list[dict[str, object]]] = defaultdict(list)
        for outcome in outcomes:
            if outcome["saved"]:
                saved[int(outcome["id"])].append(outcome)
        for record_id in service.search("").ids:
            final = service.detail(record_id)
            acks = saved.get(record_id, [])
            versions = sorted(int(str(a["version"])) for a in acks)
            # Each acknowledged save made exactly one new version: none was overwritten
            # by another save based on the same version (a lost update).
            assert versions == list(range(2, 2 + len(acks))), record_id
            assert final.version == 1 + len(acks)
            if acks:
                newest = max(acks, key=lambda a: int(str(a["version"])))
                assert final.title == newest["title"]
    finally:
        service.close()


def test_a_backend_killed_mid_import_leaves_nothing_half_written(
    shared: str, tmp_path: Path
) -> None:
    rows = "".join(f"00000000-0000-4000-8000-{n:012d},Imported {n}\r\n" for n in range(30_000))
    big = tmp_path / "big.csv"
    big.write_text("uid,title\r\n" + rows, encoding="utf-8")
    importing = subprocess.Popen(
        [sys.executable, "-m", "catalog", "--db", shared, "import", str(big), "--format", "csv"],
        cwd=REPO,
        stderr=subprocess.PIPE,
        text=True,
    )
    plain = make_url(shared).set(drivername="postgresql").render_as_string(hide_password=False)
    with psycopg.connect(plain, autocommit=True) as watcher:
        killed = False
        deadline = time.monotonic() + 120
        while not killed and importing.poll() is None and time.monotonic() < deadline:
            # The import's backend once it has written (it holds a transaction id).
            found = watcher.execute(
                "SELECT pid FROM pg_stat_activity WHERE datname = current_database()"
                " AND pid <> pg_backend_pid() AND backend_xid IS NOT NULL"
            ).fetchall()
            for (pid,) in found:
                killed = bool(watcher.execute("SELECT pg_terminate_backend(%s)", (pid,)).fetchone())
            time.sleep(0.02)
    _out, err = importing.communicate(timeout=120)
    assert killed, "the import finished before its backend could be killed"
    assert importing.returncode == 1
    assert "Traceback" not in err and "catalog: error:" in err

    service = CatalogService.open(shared, cache_dir=tmp_path)
    try:
        assert service.search("").total == RECORDS  # all or nothing: nothing
        assert service.search("Imported").total == 0
    finally:
        service.close()
