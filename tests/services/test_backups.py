"""Automatic backups, one writer per file, a damaged catalogue at open, and restoring."""

from __future__ import annotations

import os
import sqlite3
from contextlib import closing
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from catalog.domain.drafts import RecordDraft
from catalog.domain.errors import StorageUnavailable
from catalog.services import backups
from catalog.services.catalog import CatalogService
from catalog.store import backup as files
from catalog.store.file_lock import lock_path


def open_locked(path: Path, tmp_path: Path, keep: int = 7) -> CatalogService:
    return CatalogService.open(path, cache_dir=tmp_path, lock=True, keep_backups=keep)


@pytest.fixture
def catalogue(tmp_path: Path, sample_listing: Path) -> Path:
    path = tmp_path / "c.sqlite"
    service = CatalogService.open(path, cache_dir=tmp_path)
    service.import_file(sample_listing)
    service.close()
    return path


def reasons(path: Path) -> list[str]:
    return [backup.reason for backup in files.list_backups(path)]


def add_record(service: CatalogService, title: str) -> None:
    assert service.editor is not None
    service.editor.create_record(RecordDraft(title))


# ---------------------------------------------------------------------- automatic backups


def test_closing_a_changed_catalogue_takes_a_backup(catalogue: Path, tmp_path: Path) -> None:
    service = open_locked(catalogue, tmp_path)
    add_record(service, "Written just before closing")
    service.close()
    assert reasons(catalogue) == ["close"]
    [backup] = files.list_backups(catalogue)
    with closing(sqlite3.connect(backup.path)) as copy:
        assert copy.execute("SELECT count(*) FROM records").fetchone() == (16,)
    again = open_locked(catalogue, tmp_path)
    again.close()  # nothing changed since that backup: no second copy of the same
    assert reasons(catalogue) == ["close"]


def test_no_automatic_backups_unless_asked_for(catalogue: Path, tmp_path: Path) -> None:
    service = CatalogService.open(catalogue, cache_dir=tmp_path, lock=True)
    add_record(service, "Not backed up")
    service.start_upkeep()
    service.close()
    assert reasons(catalogue) == []


def test_the_daily_backup_only_when_due(catalogue: Path, tmp_path: Path) -> None:
    now = datetime.now(UTC)
    assert backups.daily(catalogue, now=now) is not None  # none yet: due
    assert backups.daily(catalogue, now=now) is None  # one from just now
    assert backups.daily(catalogue, now=now + timedelta(hours=25)) is None  # unchanged
    service = CatalogService.open(catalogue, cache_dir=tmp_path)
    add_record(service, "A day's work")
    service.close()
    assert backups.daily(catalogue, now=now + timedelta(hours=23)) is None  # not a day yet
    assert backups.daily(catalogue, now=now + timedelta(hours=25)) is not None
    assert reasons(catalogue) == ["daily", "daily"]


def test_the_daily_backup_runs_in_the_background_at_open(catalogue: Path, tmp_path: Path) -> None:
    service = open_locked(catalogue, tmp_path, keep=3)
    service.start_upkeep()
    service.close()  # waits for it; nothing changed since, so no backup on close
    assert reasons(catalogue) == ["daily"]


def test_automatic_backups_are_rotated(catalogue: Path, tmp_path: Path) -> None:
    for n in range(4):
        service = open_locked(catalogue, tmp_path, keep=2)
        add_record(service, f"Session {n}")
        service.close()
    assert reasons(catalogue) == ["close", "close"]


def test_a_migration_is_still_preceded_by_a_backup(tmp_path: Path) -> None:
    from catalog.store import schema
    from catalog.store.engine import create_database

    path = tmp_path / "old.sqlite"
    db = create_database(path)
    schema.prepare(db, revision="0001")
    db.dispose()
    service = open_locked(path, tmp_path)
    try:
        assert service.opened.upgraded_from == "0001"
    finally:
        service.close()
    assert f"before-{schema.HEAD_REVISION}" in reasons(path)


# ---------------------------------------------------------------------- one writer


def test_a_second_service_on_the_file_reads_only_until_the_first_closes(
    catalogue: Path, tmp_path: Path, sample_listing: Path
) -> None:
    first = open_locked(catalogue, tmp_path)
    second = open_locked(catalogue, tmp_path)
    try:
        assert not first.read_only
        assert second.read_only and second.editor is None
        assert second.read_only_reason == (
            f"Another Catalog is using {catalogue}; it is open here for reading only."
        )
        assert second.search("").total == 15  # reading works
        with pytest.raises(StorageUnavailable, match="Another Catalog is using"):
            second.import_file(sample_listing)
        with pytest.raises(StorageUnavailable, match="Another Catalog is using"):
            second.repair(first.check())
        assert second.backup_on_close() is None
        reader = CatalogService.open(catalogue, cache_dir=tmp_path)  # a search: no lock
        assert not reader.read_only and reader.search("").total == 15
        reader.close()
    finally:
        second.close()
        first.close()
    third = open_locked(catalogue, tmp_path)
    try:
        assert not third.read_only
        add_record(third, "Written once the first had closed")
    finally:
        third.close()


def test_a_server_or_memory_catalogue_takes_no_lock(tmp_path: Path) -> None:
    service = CatalogService.open("sqlite://", lock=True, keep_backups=3)
    try:
        assert service.keeper is None and not service.read_only
        assert service.backup_on_close() is None
    finally:
        service.close()


# ---------------------------------------------------------------------- damage and restore


def garble_header(path: Path) -> None:
    with path.open("r+b") as handle:
        handle.write(b"this is not SQLite at all")


def test_a_damaged_file_at_open_is_reported_and_left_alone(catalogue: Path, tmp_path: Path) -> None:
    backups.take(catalogue, "daily")
    garble_header(catalogue)
    before = catalogue.read_bytes()
    with pytest.raises(backups.CatalogueDamaged) as raised:
        open_locked(catalogue, tmp_path)
    assert raised.value.path == catalogue
    assert "catalog restore" in str(raised.value)
    assert catalogue.read_bytes() == before  # nothing moved or written without consent
    assert lock_path(catalogue).read_text().startswith("damaged")


def test_a_truncated_file_is_damaged_too(catalogue: Path, tmp_path: Path) -> None:
    size = catalogue.stat().st_size
    with catalogue.open("r+b") as handle:
        handle.truncate(size // 2)
    with pytest.raises(backups.CatalogueDamaged):
        open_locked(catalogue, tmp_path)


def test_a_damaged_page_fails_the_quick_check_at_open(catalogue: Path, tmp_path: Path) -> None:
    with closing(sqlite3.connect(catalogue)) as raw:
        root = raw.execute(
            "SELECT rootpage FROM sqlite_master WHERE name = 'ix_records_title_key'"
        ).fetchone()[0]
        size = raw.execute("PRAGMA page_size").fetchone()[0]
    with catalogue.open("r+b") as handle:
        handle.seek(size * (root - 1) + 8)
        handle.write(b"\xff" * 8)
    with pytest.raises(backups.CatalogueDamaged, match="tree page"):
        open_locked(catalogue, tmp_path)


def test_a_large_file_is_checked_at_open_only_after_an_unclean_end(
    catalogue: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    checked: list[Path] = []
    monkeypatch.setattr(backups, "CHECK_AT_OPEN_BYTES", 1)
    monkeypatch.setattr(files, "quick_check", lambda path: checked.append(path) or "ok")
    open_locked(catalogue, tmp_path, keep=0).close()
    assert checked == []  # the lock file said nothing about how the last session ended
    lock_path(catalogue).write_text("open 12345\n")  # a session that was killed
    open_locked(catalogue, tmp_path, keep=0).close()
    assert checked == [catalogue]
    open_locked(catalogue, tmp_path, keep=0).close()  # that one closed cleanly
    assert checked == [catalogue]


def test_restore_moves_the_damaged_file_aside_and_brings_the_records_back(
    catalogue: Path, tmp_path: Path
) -> None:
    backups.take(catalogue, "daily")
    garble_header(catalogue)
    Path(f"{catalogue}-wal").write_bytes(b"the damaged file's log")
    restored = backups.restore(catalogue)
    assert restored.backup.reason == "daily"
    assert restored.moved_to is not None and restored.moved_to.name.startswith("c.sqlite.damaged-")
    assert restored.moved_to.read_bytes().startswith(b"this is not SQLite")
    assert Path(f"{restored.moved_to}-wal").read_bytes() == b"the damaged file's log"
    assert not Path(f"{catalogue}-wal").exists()
    service = open_locked(catalogue, tmp_path)
    try:
        assert service.search("").total == 15 and service.check() == []
    finally:
        service.close()


def test_restore_takes_the_newest_backup_that_passes_its_check(
    catalogue: Path, tmp_path: Path
) -> None:
    good = backups.take(catalogue, "daily")
    newest = backups.take(catalogue, "close")
    garble_header(newest)
    assert backups.newest_good(catalogue) is not None
    assert backups.newest_good(catalogue).path == good  # type: ignore[union-attr]
    assert backups.restore(catalogue).backup.path == good


def test_restore_of_a_named_file_and_its_refusals(catalogue: Path, tmp_path: Path) -> None:
    with pytest.raises(StorageUnavailable, match="No good backup"):
        backups.restore(catalogue)
    not_a_catalogue = tmp_path / "x.sqlite"
    with closing(sqlite3.connect(not_a_catalogue)) as raw:
        raw.execute("CREATE TABLE t (x)")
    with pytest.raises(StorageUnavailable, match="not a Catalog catalogue"):
        backups.restore(catalogue, not_a_catalogue)
    copy = CatalogService.open(catalogue, cache_dir=tmp_path).backup(tmp_path / "mine.sqlite")
    holder = open_locked(catalogue, tmp_path)
    try:
        with pytest.raises(StorageUnavailable, match="close it before restoring"):
            backups.restore(catalogue, copy)
    finally:
        holder.close()
    restored = backups.restore(catalogue, copy)
    assert restored.backup.path == copy.resolve()
    assert restored.moved_to is not None and ".replaced-" in restored.moved_to.name


def test_a_daily_backup_of_a_damaged_file_marks_it_for_the_next_open(
    catalogue: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    service = open_locked(catalogue, tmp_path)
    monkeypatch.setattr(files, "quick_check", lambda _path: "*** page 9 is broken")
    service.start_upkeep()
    service.close()
    assert service.keeper is not None and service.keeper.damage == "*** page 9 is broken"
    assert lock_path(catalogue).read_text().startswith("damaged *** page 9")
    assert reasons(catalogue) == []
    with pytest.raises(backups.CatalogueDamaged, match="page 9"):
        open_locked(catalogue, tmp_path)
    monkeypatch.undo()
    assert os.path.exists(catalogue)
