"""A full disk (SQLite's ``max_page_count`` just above the catalogue's size): the work
fails with a clear message, nothing of it is written, and the catalogue still opens."""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event

from catalog.domain.errors import StorageUnavailable
from catalog.services.catalog import CatalogService
from catalog.services.editing import bulk
from tests.reliability.conftest import BULK_RECORDS, SMALL_RECORDS
from tests.reliability.content import checksum
from tests.reliability.data import write_csv
from tests.reliability.harness import Battery, integrity, opens, run_driver, scalar

FULL = re.compile(
    r"The disk holding .+ is full\. Nothing was saved; free some space and try again\."
)
MORE = 2_000
"""Records in the file imported onto the full disk (a few hundred pages)."""


def cap(service: CatalogService, pages: int) -> None:
    """Make the service's writing connection fail once the file would pass ``pages``."""
    writer = service.db.writer

    def on_connect(connection: Any, _record: Any) -> None:
        connection.execute(f"PRAGMA max_page_count = {pages}")

    event.listen(writer, "connect", on_connect)
    writer.dispose()  # the pooled connection (pool_size 1) was opened without the cap
    with writer.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA max_page_count").scalar() == pages
        connection.rollback()


def pages_of(path: Path) -> int:
    """The catalogue's size in pages."""
    found = scalar(path, "PRAGMA page_count")
    assert isinstance(found, int)
    return found


def test_import_on_a_full_disk_is_a_message_and_writes_nothing(
    tmp_path: Path, small_catalogue: Path
) -> None:
    battery = Battery(
        "disk-full-import",
        f"Disk full during an import of {MORE:,} records",
        "StorageUnavailable saying the disk is full; nothing written; the catalogue opens, "
        "and imports the same file once there is room.",
    )
    target = tmp_path / "c.sqlite"
    shutil.copyfile(small_catalogue, target)
    more = write_csv(tmp_path / "more.csv", MORE, seed=4, first=500_000)
    before = checksum(target)

    def check() -> str:
        service = CatalogService.open(target)
        try:
            cap(service, pages_of(target) + 4)
            with pytest.raises(StorageUnavailable, match=FULL):
                service.import_file(more, "csv")
            assert service.count() == SMALL_RECORDS
            assert service.editor is not None and not service.editor.history.undo_steps
        finally:
            service.close()
        assert checksum(target) == before
        integrity(target)
        assert opens(target) == SMALL_RECORDS
        service = CatalogService.open(target)
        try:
            service.import_file(more, "csv")
            assert service.count() == SMALL_RECORDS + MORE
        finally:
            service.close()
        return "refused, unchanged"

    battery.once(check)
    battery.finish()


def test_bulk_edit_on_a_full_disk_is_a_message_and_writes_nothing(
    tmp_path: Path, catalogue_10k: Path
) -> None:
    battery = Battery(
        "disk-full-bulk",
        f"Disk full during a bulk edit of {BULK_RECORDS:,} records",
        "StorageUnavailable saying the disk is full; the tag on no record; no undo step; "
        "the catalogue opens.",
    )
    target = tmp_path / "c.sqlite"
    shutil.copyfile(catalogue_10k, target)
    before = checksum(target)

    def check() -> str:
        service = CatalogService.open(target)
        try:
            editor = service.editor
            assert editor is not None
            cap(service, pages_of(target) + 2)
            with pytest.raises(StorageUnavailable, match=FULL):
                bulk.apply(editor, service.search("").ids, bulk.AddTag("full"))
            assert not editor.history.undo_steps
            assert service.search("tag:full").total == 0
        finally:
            service.close()
        assert checksum(target) == before
        integrity(target)
        assert opens(target) == BULK_RECORDS
        return "refused, unchanged"

    battery.once(check)
    battery.finish()


def test_command_line_import_on_a_full_disk_says_so_in_one_line(
    tmp_path: Path, small_catalogue: Path
) -> None:
    battery = Battery(
        "disk-full-cli",
        "Disk full during `catalog import`",
        "One line on standard error saying the disk is full, exit status 1, no "
        "traceback; nothing written; the catalogue opens.",
    )
    target = tmp_path / "c.sqlite"
    shutil.copyfile(small_catalogue, target)
    more = write_csv(tmp_path / "more.csv", MORE, seed=4, first=500_000)
    before = checksum(target)

    def check() -> str:
        pages = pages_of(target) + 4
        run = run_driver("drive_disk_full", pages, "--db", target, "import", more)
        assert run.returncode == 1, run.describe()
        assert run.lines == []
        assert "Traceback" not in run.stderr
        lines = run.stderr.splitlines()
        assert len(lines) == 1 and lines[0].startswith("catalog: error: "), run.stderr
        assert FULL.search(lines[0]), lines[0]
        assert checksum(target) == before
        integrity(target)
        assert opens(target) == SMALL_RECORDS
        return "refused, unchanged"

    battery.once(check)
    battery.finish()
