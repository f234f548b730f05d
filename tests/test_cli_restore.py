"""catalog check --repair, catalog restore, and one writing program per catalogue file."""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from contextlib import closing, contextmanager
from pathlib import Path

import pytest

from catalog.cli import main
from catalog.services import backups
from catalog.store.backup import list_backups

# A second program holding the catalogue open for writing, as the window does.
HOLDER = """
import sys
from catalog.services.catalog import CatalogService
service = CatalogService.open(sys.argv[1], lock=True)
print("read-only" if service.read_only else "writing", flush=True)
sys.stdin.read()
service.close()
"""


@pytest.fixture
def loaded(tmp_path: Path, sample_listing: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    path = tmp_path / "cli.sqlite"
    assert main(["--db", str(path), "import", str(sample_listing)]) == 0
    capsys.readouterr()
    return path


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = main(list(args))
    out, err = capsys.readouterr()
    return status, out, err


def catalog(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "catalog", *args],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )


@contextmanager
def holder(path: Path) -> Iterator[subprocess.Popen[str]]:
    process = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None
        assert process.stdout.readline().strip() == "writing"
        yield process
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()


def test_check_repair_rebuilds_the_search_index(
    loaded: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with closing(sqlite3.connect(loaded)) as raw:
        raw.execute("DELETE FROM record_fts WHERE rowid IN (1, 2)")
        raw.commit()
    status, out, err = run(capsys, "--db", str(loaded), "check")
    assert status == 1
    assert "full-text index: The search index disagrees with the records: 2 records are" in out
    assert "repair: Rebuild the search index" in out and "1 problems found" in err
    status, out, err = run(capsys, "--db", str(loaded), "check", "--repair")
    assert status == 0, err
    assert "repaired: Rebuilt the search index (15 records)" in out
    assert "no problems found (15 records)" in out
    assert run(capsys, "--db", str(loaded), "check")[0] == 0


def test_restore_lists_and_restores_the_newest_good_backup(
    loaded: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, err = run(capsys, "--db", str(loaded), "restore", "--list")
    assert status == 0 and out == "" and err.startswith("0 backups in ")
    backups.take(loaded, "daily")
    status, out, err = run(capsys, "--db", str(loaded), "restore", "--list")
    assert status == 0 and "\tdaily\t" in out and str(list_backups(loaded)[0].path) in out
    with loaded.open("r+b") as handle:
        handle.write(b"garbage where the header was")
    status, out, err = run(capsys, "--db", str(loaded), "search", "")
    assert status == 1 and "damaged" in err and "Traceback" not in err
    status, out, err = run(capsys, "--db", str(loaded), "import", "nothing.csv")
    assert status == 1 and "catalog restore" in err and "Traceback" not in err
    status, out, err = run(capsys, "--db", str(loaded), "restore")
    assert status == 0, err
    assert "restored" in out and "from the backup of" in out
    moved = next(loaded.parent.glob("cli.sqlite.damaged-*"))
    assert f"the previous catalogue was kept as {moved}" in out
    assert moved.read_bytes().startswith(b"garbage")
    status, _, err = run(capsys, "--db", str(loaded), "search", "")
    assert status == 0 and err.strip() == "15 records"


def test_restore_without_a_backup_is_a_one_line_error(
    loaded: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, err = run(capsys, "--db", str(loaded), "restore")
    assert status == 1 and err.startswith("catalog: error: No good backup of") and out == ""
    status, _, err = run(capsys, "--db", "postgresql://u@host/db", "restore")
    assert status == 1 and "pg_restore" in err


def test_a_second_program_reads_but_does_not_write_while_the_first_holds_the_file(
    loaded: Path, sample_listing: Path
) -> None:
    with holder(loaded) as first:
        imported = catalog(
            "--db", str(loaded), "import", "--duplicates", "new", str(sample_listing)
        )
        assert imported.returncode == 1
        assert imported.stderr.strip() == (
            f"catalog: error: Another Catalog is using {loaded}; it is open here for reading only."
        )
        searched = catalog("--db", str(loaded), "search", "")
        assert searched.returncode == 0 and searched.stderr.strip() == "15 records"
        repaired = catalog("--db", str(loaded), "check", "--repair")
        assert repaired.returncode == 0  # nothing to repair, so nothing written
        assert first.stdin is not None
        first.stdin.close()  # the first program closes the catalogue
        first.wait(timeout=60)
    imported = catalog("--db", str(loaded), "import", "--duplicates", "new", str(sample_listing))
    assert imported.returncode == 0, imported.stderr
    assert "imported 15 records" in imported.stdout


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")
def test_a_killed_first_program_leaves_no_lock_behind(loaded: Path, sample_listing: Path) -> None:
    with holder(loaded) as first:
        refused = catalog("--db", str(loaded), "import", "--duplicates", "new", str(sample_listing))
        assert refused.returncode == 1 and "Another Catalog is using" in refused.stderr
        first.send_signal(signal.SIGKILL)
        first.wait(timeout=60)
        imported = catalog(
            "--db", str(loaded), "import", "--duplicates", "new", str(sample_listing)
        )
        assert imported.returncode == 0, imported.stderr
        assert "imported 15 records" in imported.stdout
