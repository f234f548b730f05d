"""Backup files: verified before they count, rotated to the newest N, moved aside whole."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from catalog.domain.errors import StorageUnavailable
from catalog.services import backups
from catalog.services.catalog import CatalogService
from catalog.store import backup as files


@pytest.fixture
def catalogue(tmp_path: Path, sample_listing: Path) -> Path:
    path = tmp_path / "c.sqlite"
    service = CatalogService.open(path, cache_dir=tmp_path)
    service.import_file(sample_listing)
    service.close()
    return path


def names(path: Path) -> list[str]:
    return sorted(p.name for p in files.backup_folder(path).iterdir())


def test_a_backup_is_one_verified_file_with_the_catalogues_records(catalogue: Path) -> None:
    written = backups.take(catalogue, "manual")
    assert written.parent == files.backup_folder(catalogue)
    assert names(catalogue) == [written.name]  # no -wal, -shm or .partial beside it
    assert files.quick_check(written) == "ok"
    with closing(sqlite3.connect(written)) as copy:
        assert copy.execute("SELECT count(*) FROM records").fetchone() == (15,)
        assert copy.execute("PRAGMA journal_mode").fetchone() == ("delete",)
    assert files.state(written) == files.state(catalogue)
    [listed] = files.list_backups(catalogue)
    assert listed.path == written and listed.reason == "manual"


def test_rotation_keeps_the_newest_n(catalogue: Path) -> None:
    taken = [backups.take(catalogue, f"r{n}", keep=3) for n in range(5)]
    assert [b.path for b in files.list_backups(catalogue)] == taken[:1:-1]
    assert names(catalogue) == sorted(p.name for p in taken[2:])


def test_rotation_counts_every_reason_and_never_the_partial_or_foreign_files(
    catalogue: Path,
) -> None:
    folder = files.backup_folder(catalogue)
    folder.mkdir()
    (folder / "c-20200101T000000000000Z-close.sqlite.partial").write_bytes(b"half")
    (folder / "notes.txt").write_text("mine")
    (folder / "other-20200101T000000000000Z-close.sqlite").write_bytes(b"another catalogue")
    first = backups.take(catalogue, "before-0003", keep=2)
    second = backups.take(catalogue, "daily", keep=2)
    third = backups.take(catalogue, "close", keep=2)
    assert not first.exists() and second.exists() and third.exists()
    assert len(names(catalogue)) == 5  # the three foreign files and two backups
    assert files.rotate(catalogue, 0) == [second]  # at least one is always kept
    assert third.exists()


def test_a_failed_verification_never_replaces_an_older_backup(
    catalogue: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    older = [backups.take(catalogue, "daily", keep=2) for _ in range(2)]
    monkeypatch.setattr(files, "quick_check", lambda _path: "*** page 7: btreeInitPage error")
    with pytest.raises(StorageUnavailable, match="failed its check: \\*\\*\\* page 7"):
        backups.take(catalogue, "close", keep=2)
    assert names(catalogue) == sorted(p.name for p in older)  # both kept, nothing half-written


def test_the_backup_api_copies_what_is_only_in_the_write_ahead_log(tmp_path: Path) -> None:
    path = tmp_path / "live.sqlite"
    service = CatalogService.open(path, cache_dir=tmp_path)
    try:
        assert service.editor is not None
        from catalog.domain.drafts import RecordDraft

        service.editor.create_record(RecordDraft("Only in the log so far"))
        assert Path(f"{path}-wal").stat().st_size > 0
        written = backups.take(path, "daily")
        with closing(sqlite3.connect(written)) as copy:
            assert copy.execute("SELECT title FROM records").fetchall() == [
                ("Only in the log so far",)
            ]
    finally:
        service.close()


def test_move_aside_takes_the_log_along_and_deletes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "c.sqlite"
    for suffix, data in (("", b"main"), ("-wal", b"log"), ("-shm", b"index")):
        Path(f"{path}{suffix}").write_bytes(data)
    aside = files.move_aside(path)
    assert aside.name.startswith("c.sqlite.damaged-")
    assert aside.read_bytes() == b"main"
    assert Path(f"{aside}-wal").read_bytes() == b"log"
    assert Path(f"{aside}-shm").read_bytes() == b"index"
    assert not path.exists() and not Path(f"{path}-wal").exists()


def test_rotation_sweeps_what_a_killed_backup_left_an_hour_ago(catalogue: Path) -> None:
    import os
    import time

    folder = files.backup_folder(catalogue)
    folder.mkdir()
    stale = folder / "c-20200101T000000000000Z-daily.sqlite.partial"
    journal = folder / "c-20200101T000000000000Z-daily.sqlite.partial-journal"
    fresh = folder / "c-20990101T000000000000Z-close.sqlite.partial"  # a backup under way
    for path in (stale, journal, fresh):
        path.write_bytes(b"half a catalogue")
    hour_ago = time.time() - files.STALE_PARTIAL - 60
    for path in (stale, journal):
        os.utime(path, (hour_ago, hour_ago))
    backups.take(catalogue, "close", keep=3)
    assert not stale.exists() and not journal.exists()
    assert fresh.exists()
