"""Catalogues and files the crash batteries share, built once per session."""

from __future__ import annotations

import shutil
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from catalog.services.catalog import CatalogService
from catalog.store.engine import create_database
from catalog.store.schema import prepare
from tests.reliability.content import checksum, revision
from tests.reliability.data import write_csv

SMALL_RECORDS = 200
BULK_RECORDS = 10_000
IMPORT_RECORDS = 100_000
OLD_REVISION = "0001"


def imported(target: Path, *files: Path) -> Path:
    """``target`` after importing ``files`` through the service, closed cleanly (one file,
    no write-ahead log left, so a plain copy of it is a whole catalogue)."""
    service = CatalogService.open(target)
    try:
        for file in files:
            service.import_file(file, "csv")
    finally:
        service.close()
    assert not target.with_name(target.name + "-wal").exists()
    return target


@pytest.fixture(scope="session")
def workspace(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder for the session's catalogues and files."""
    return tmp_path_factory.mktemp("reliability")


@pytest.fixture(scope="session")
def small_catalogue(workspace: Path) -> Path:
    """A catalogue of 200 records: the base the import and the edits start from."""
    source = write_csv(workspace / "small.csv", SMALL_RECORDS, seed=1)
    return imported(workspace / "small.sqlite", source)


@pytest.fixture(scope="session")
def csv_100k(workspace: Path) -> Path:
    """A CSV file of 100,000 records, none of them in ``small_catalogue``."""
    return write_csv(workspace / "100k.csv", IMPORT_RECORDS, seed=2, first=SMALL_RECORDS)


@pytest.fixture(scope="session")
def catalogue_10k(workspace: Path) -> Path:
    """A catalogue of exactly 10,000 records."""
    source = write_csv(workspace / "10k.csv", BULK_RECORDS, seed=3)
    return imported(workspace / "10k.sqlite", source)


@pytest.fixture(scope="session")
def old_catalogue(workspace: Path, catalogue_10k: Path) -> Path:
    """The records of ``catalogue_10k`` in a catalogue at the first schema revision, as
    an early Catalog left it (created at 0001, then holding the same rows)."""
    old = workspace / "old.sqlite"
    db = create_database(old)
    try:
        prepare(db, revision=OLD_REVISION)
    finally:
        db.dispose()
    with closing(sqlite3.connect(old)) as connection:
        connection.execute("ATTACH DATABASE ? AS head", (str(catalogue_10k),))
        tables = [
            row[0]
            for row in connection.execute(
                "SELECT name FROM main.sqlite_master WHERE type = 'table'"
                " AND name NOT LIKE 'sqlite%' AND name != 'alembic_version'"
            )
        ]
        with connection:
            for name in tables:
                connection.execute(f'DELETE FROM main."{name}"')
                # The columns the old revision has (later revisions added some).
                info = connection.execute(f'PRAGMA main.table_info("{name}")').fetchall()
                columns = ", ".join(f'"{row[1]}"' for row in info)
                connection.execute(
                    f'INSERT INTO main."{name}" ({columns}) SELECT {columns} FROM head."{name}"'
                )
        connection.execute("DETACH DATABASE head")
    assert revision(old) == OLD_REVISION
    assert checksum(old, index=False) == checksum(catalogue_10k, index=False)
    return old


def fresh(folder: Path) -> Path:
    """An empty folder (emptied if a previous trial left one)."""
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    return folder
