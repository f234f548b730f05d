"""Creating, upgrading and refusing catalogues."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import insert, select, text

from catalog.domain.errors import SchemaTooNew, StorageUnavailable
from catalog.store import tables as t
from catalog.store import unit_of_work
from catalog.store.backup import backup_folder
from catalog.store.base import Base
from catalog.store.engine import Database, create_database
from catalog.store.schema import head_revision, prepare
from tests.store.helpers import find, raw_record_row


def test_new_catalogue_is_created_at_head(empty_target: str) -> None:
    db = create_database(empty_target)
    try:
        first = prepare(db)
        second = prepare(db)
        assert first.created and not second.created and second.upgraded_from is None
        with db.reader.connect() as connection:
            assert MigrationContext.configure(connection).get_current_revision() == head_revision()
    finally:
        db.dispose()


def test_migrations_build_exactly_the_models(db: Database) -> None:
    with db.writer.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        differences = compare_metadata(context, Base.metadata)
        connection.rollback()
    # The full-text tables are made by a migration per dialect and are not models.
    differences = [
        d for d in differences if "record_fts" not in str(d) and "record_search" not in str(d)
    ]
    assert differences == []


def test_sqlite_catalogue_uses_wal_and_foreign_keys(tmp_path: Path) -> None:
    db = create_database(tmp_path / "c.sqlite")
    prepare(db)
    try:
        with db.writer.connect() as connection:
            assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            connection.rollback()
        with db.reader.connect() as connection:
            assert connection.exec_driver_sql("PRAGMA query_only").scalar() == 1
            connection.rollback()
    finally:
        db.dispose()


def test_the_writer_sorts_in_a_file_and_readers_in_memory(tmp_path: Path) -> None:
    # An import into an empty catalogue builds its indexes at the end, sorting a key of
    # every record: held in memory, a million records' sort lifted a command-line import
    # to 447 MB. A search's sorts are small and quicker in memory.
    file, memory = 1, 2
    db = create_database(tmp_path / "c.sqlite")
    prepare(db)
    try:
        with db.writer.connect() as connection:
            assert connection.exec_driver_sql("PRAGMA temp_store").scalar() == file
            connection.rollback()
        with db.reader.connect() as connection:
            assert connection.exec_driver_sql("PRAGMA temp_store").scalar() == memory
            connection.rollback()
    finally:
        db.dispose()


def test_older_catalogue_is_backed_up_then_upgraded_with_its_records(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    db = create_database(path)
    prepare(db, revision="0001")
    with unit_of_work.write(db) as session:
        session.execute(
            insert(t.Record),
            [raw_record_row("Record of a Conversation", "Ri Dong-yong on citizenship")],
        )
    outcome = prepare(db)
    try:
        assert outcome.upgraded_from == "0001"
        assert outcome.backup is not None and outcome.backup.parent == backup_folder(path)
        with sqlite3.connect(outcome.backup) as copy:
            assert copy.execute("SELECT title FROM records").fetchall() == [
                ("Record of a Conversation",)
            ]
            assert copy.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)
        # The upgrade indexed the record that was already there.
        assert find(db, "citizenship") == [1]
        assert find(db, "title:conversation") == [1]
    finally:
        db.dispose()


def test_catalogue_from_a_newer_version_opens_for_reading_only(catalogue_target: str) -> None:
    db = create_database(catalogue_target)
    prepare(db)
    with db.writer.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    try:
        outcome = prepare(db)
        assert re.search(r"newer version of Catalog \(schema revision 9999", outcome.newer)
        assert "install a newer Catalog to change it" in outcome.newer
        with db.writer.connect() as connection:  # left as it was: not "upgraded" back
            assert connection.scalar(text("SELECT version_num FROM alembic_version")) == "9999"
    finally:
        db.dispose()


def test_incompatible_major_version_is_refused(catalogue_target: str) -> None:
    db = create_database(catalogue_target)
    prepare(db)
    with db.writer.begin() as connection:
        connection.execute(text("UPDATE catalog_info SET schema_major = 2"))
    try:
        with pytest.raises(SchemaTooNew, match="needs a newer version"):
            prepare(db)
    finally:
        db.dispose()


def test_a_database_that_is_not_a_catalogue_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite"
    with sqlite3.connect(path) as other:
        other.execute("CREATE TABLE notes (x)")
    db = create_database(path)
    try:
        with pytest.raises(StorageUnavailable, match="not a Catalog catalogue"):
            prepare(db)
    finally:
        db.dispose()
    with sqlite3.connect(path) as other:
        assert [r[0] for r in other.execute("SELECT name FROM sqlite_master")] == ["notes"]


def test_a_file_that_is_not_sqlite_is_refused_clearly(tmp_path: Path) -> None:
    path = tmp_path / "letter.sqlite"
    path.write_text("Dear colleague,\n" * 100)
    db = create_database(path)
    try:
        with pytest.raises(StorageUnavailable, match="damaged or is not a Catalog catalogue"):
            prepare(db)
    finally:
        db.dispose()
    assert path.read_text().startswith("Dear colleague")


def test_missing_folder_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(StorageUnavailable, match="does not exist"):
        create_database(tmp_path / "nowhere" / "c.sqlite")


def test_every_write_bumps_the_generation(db: Database) -> None:
    def generation() -> int:
        with unit_of_work.read(db) as session:
            return int(session.scalar(select(t.CatalogInfo.generation)) or 0)

    before = generation()
    with unit_of_work.write(db):
        pass
    assert generation() == before + 1
    with pytest.raises(RuntimeError), unit_of_work.write(db):
        raise RuntimeError("boom")
    assert generation() == before + 1


def test_the_fast_path_revision_is_the_newest_migration() -> None:
    from catalog.store.schema import HEAD_REVISION

    assert head_revision() == HEAD_REVISION
