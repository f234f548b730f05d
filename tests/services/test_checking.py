"""catalog check on deliberately damaged catalogues: each fault is found, each repair works.

The orphan, attachment and search-index faults run on SQLite and PostgreSQL; integrity
and SQLite's foreign-key check are SQLite's own.
"""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from sqlalchemy import select, text

from catalog.domain.drafts import RecordDraft
from catalog.services import checking
from catalog.services.catalog import CatalogService
from catalog.services.editing.attachments import AttachmentStore
from catalog.store import unit_of_work
from catalog.store.tables import ChangeLogEntry


def tamper(service: CatalogService, *statements: str) -> None:
    """Run SQL behind the catalogue's back: no foreign keys, no change log, no index upkeep."""
    if service.db.path is not None:
        with closing(sqlite3.connect(service.db.path)) as raw:
            for statement in statements:
                raw.execute(statement)
            raw.commit()
        return
    with service.db.writer.begin() as connection:
        for statement in statements:
            connection.exec_driver_sql(statement)


def drop_foreign_keys(service: CatalogService, table: str) -> None:
    """PostgreSQL enforces references even for the owner: drop them to make orphans."""
    if service.db.dialect != "postgresql":
        return
    with service.db.writer.begin() as connection:
        names = connection.scalars(
            text(
                "SELECT conname FROM pg_constraint"
                " WHERE conrelid = CAST(:t AS regclass) AND contype = 'f'"
            ),
            {"t": table},
        ).all()
        for name in names:
            connection.exec_driver_sql(f'ALTER TABLE {table} DROP CONSTRAINT "{name}"')


def one_id(service: CatalogService) -> int:
    return int(service.search("").ids[0])


def test_a_sound_catalogue_has_no_faults(sample_service: CatalogService) -> None:
    assert sample_service.check() == []
    assert sample_service.repair([]).done == []


def test_a_missing_search_index_row_is_found_and_rebuilt(sample_service: CatalogService) -> None:
    record = one_id(sample_service)
    if sample_service.db.dialect == "sqlite":
        tamper(sample_service, f"DELETE FROM record_fts WHERE rowid = {record}")
    else:
        tamper(sample_service, f"DELETE FROM record_search WHERE record_id = {record}")
    faults = sample_service.check()
    assert [(f.area, f.repair, f.automatic) for f in faults] == [
        ("full-text index", "Rebuild the search index", True)
    ]
    assert "1 record is missing from it" in faults[0].problem
    report = sample_service.repair(faults)
    assert report.done == ["Rebuilt the search index (15 records)"]
    assert sample_service.check() == []


def test_stale_text_in_the_search_index_is_found(sample_service: CatalogService) -> None:
    record = one_id(sample_service)
    if sample_service.db.dialect == "sqlite":
        tamper(sample_service, f"UPDATE record_fts SET title = 'zanzibar' WHERE rowid = {record}")
    else:
        tamper(
            sample_service,
            "UPDATE record_search SET document = to_tsvector('simple', 'zanzibar')"
            f" WHERE record_id = {record}",
        )
    faults = sample_service.check()
    assert len(faults) == 1 and "1 record is indexed with old text" in faults[0].problem
    sample_service.repair(faults)
    assert sample_service.check() == []
    assert sample_service.search("zanzibar").total == 0


def test_an_orphaned_link_is_found_and_removed_into_the_change_log(
    sample_service: CatalogService,
) -> None:
    drop_foreign_keys(sample_service, "record_authorities")
    drop_foreign_keys(sample_service, "record_tags")
    authority = 1
    tamper(
        sample_service,
        "INSERT INTO record_authorities (record_id, authority_id, role)"
        f" VALUES (999999, {authority}, 'mentioned')",
        "INSERT INTO record_authorities (record_id, authority_id, role)"
        f" VALUES (999998, {authority}, 'author')",
        "INSERT INTO record_tags (record_id, tag_id) VALUES (999999, 1)",
    )
    faults = sample_service.check()
    links = [f for f in faults if f.area == "links"]
    assert len(links) == 1, faults
    assert links[0].repair == "Remove 3 orphaned links"
    assert "2 name links" in links[0].problem and "1 tag link" in links[0].problem
    assert all(f.area in ("links", "full-text index") for f in faults)  # no double report
    sample_service.user = "Anna"
    report = sample_service.repair(faults)
    assert "Removed 3 orphaned links" in report.done
    assert sample_service.check() == []
    with unit_of_work.read(sample_service.db) as session:
        logged = session.execute(
            select(ChangeLogEntry.user, ChangeLogEntry.entity, ChangeLogEntry.record_id).where(
                ChangeLogEntry.action == "repair: removed"
            )
        ).all()
    assert sorted(logged) == [
        ("Anna", "record_authorities", 999998),
        ("Anna", "record_authorities", 999999),
        ("Anna", "record_tags", 999999),
    ]


def test_an_authority_no_record_uses_is_not_a_fault(sample_service: CatalogService) -> None:
    tamper(
        sample_service,
        "INSERT INTO authorities (uid, created, modified, version, kind, name, sort_key, note)"
        " VALUES ('00000000-0000-4000-8000-000000000001', CURRENT_TIMESTAMP,"
        " CURRENT_TIMESTAMP, 1, 'person', 'Nobody', 'nobody', '')",
    )
    assert sample_service.check() == []


def test_a_reference_to_a_missing_document_type_is_cleared(
    sample_service: CatalogService,
) -> None:
    drop_foreign_keys(sample_service, "records")
    record = one_id(sample_service)
    tamper(sample_service, f"UPDATE records SET doc_type_id = 424242 WHERE id = {record}")
    faults = sample_service.check()
    assert [f.repair for f in faults] == ["Clear 1 reference to missing values"]
    assert sample_service.repair(faults).done == ["Cleared 1 reference"]
    assert sample_service.check() == []
    assert sample_service.detail(record).doc_type == ""


def test_a_changed_or_missing_attachment_file_is_reported(
    service: CatalogService, tmp_path: Path
) -> None:
    assert service.editor is not None
    store = AttachmentStore(service.attachment_folder)
    kept, changed, gone = (tmp_path / name for name in ("kept.pdf", "changed.pdf", "gone.pdf"))
    for path in (kept, changed, gone):
        path.write_bytes(f"scan of {path.name}".encode())
    choices = tuple(store.store(path) for path in (kept, changed, gone))
    service.editor.create_record(RecordDraft("Cable with scans", attachments=choices))
    assert service.check() == []
    store.resolve(choices[1]).write_bytes(b"overwritten by a sync tool")
    store.resolve(choices[2]).unlink()
    faults = service.check()
    assert [f.area for f in faults] == ["attached files", "attached files"]
    missing, altered = faults
    assert "1 attached file is missing" in missing.problem
    assert Path(choices[2].path).name in missing.problem
    assert "1 attached file has changed" in altered.problem
    assert Path(choices[1].path).name in altered.problem
    assert not any(f.automatic for f in faults)
    assert service.repair(faults).done == []  # nothing a program can decide


# ---------------------------------------------------------------------- SQLite only


@pytest.fixture
def sample_file(tmp_path: Path, sample_listing: Path) -> Path:
    path = tmp_path / "c.sqlite"
    service = CatalogService.open(path, cache_dir=tmp_path)
    service.import_file(sample_listing)
    service.close()
    return path


def test_an_index_that_disagrees_with_its_table_is_rebuilt(
    sample_file: Path, tmp_path: Path
) -> None:
    with closing(sqlite3.connect(sample_file)) as raw:
        row = raw.execute(
            "SELECT type, name, tbl_name, rootpage, sql FROM sqlite_master"
            " WHERE name = 'ix_records_title_key'"
        ).fetchone()
        raw.execute("PRAGMA writable_schema = ON")
        raw.execute("DELETE FROM sqlite_master WHERE name = 'ix_records_title_key'")
        raw.commit()
    with closing(sqlite3.connect(sample_file)) as raw:  # the index is not kept up now
        raw.execute("UPDATE records SET title_key = 'zz' || title_key WHERE id <= 2")
        raw.execute("PRAGMA writable_schema = ON")
        raw.execute("INSERT INTO sqlite_master VALUES (?, ?, ?, ?, ?)", row)
        raw.commit()
    service = CatalogService.open(sample_file, cache_dir=tmp_path)
    try:
        faults = service.check()
        assert [(f.area, f.repair) for f in faults] == [
            ("integrity", "Rebuild the database's indexes")
        ]
        assert "row 1 missing from index ix_records_title_key" in faults[0].problem
        service.repair(faults)
        assert service.check() == []
    finally:
        service.close()


def test_a_damaged_page_is_reported_with_the_backup_to_restore(
    sample_file: Path, tmp_path: Path
) -> None:
    service = CatalogService.open(sample_file, cache_dir=tmp_path)
    service.backup(service.db.path.parent / "c-backups" / "c-20240102T030405000000Z-daily.sqlite")
    with closing(sqlite3.connect(sample_file)) as raw:
        root = raw.execute(
            "SELECT rootpage FROM sqlite_master WHERE name = 'ix_records_date_sort'"
        ).fetchone()[0]
        size = raw.execute("PRAGMA page_size").fetchone()[0]
        raw.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    with sample_file.open("r+b") as handle:
        handle.seek(size * (root - 1) + 8)
        handle.write(b"\xff" * 8)
    try:
        faults = service.check()
        assert len(faults) == 1
        fault = faults[0]
        assert fault.area == "integrity" and not fault.automatic
        assert "damaged" in fault.problem
        assert fault.repair.startswith("Restore from the backup of 2024-01-0")
        assert "catalog restore" in fault.repair
    finally:
        service.close()


def test_a_foreign_key_fault_outside_the_known_tables_is_reported(
    sample_file: Path, tmp_path: Path
) -> None:
    with closing(sqlite3.connect(sample_file)) as raw:
        raw.execute(
            "CREATE TABLE extra (id INTEGER PRIMARY KEY, record_id INTEGER REFERENCES records (id))"
        )
        raw.execute("INSERT INTO extra (record_id) VALUES (777777)")
        raw.commit()
    service = CatalogService.open(sample_file, cache_dir=tmp_path)
    try:
        faults = service.check()
        assert [(f.area, f.automatic) for f in faults] == [("foreign keys", False)]
        assert "1 rows point at missing rows (extra)" in faults[0].problem
    finally:
        service.close()


def test_repairs_are_one_transaction(sample_file: Path, tmp_path: Path, monkeypatch) -> None:
    with closing(sqlite3.connect(sample_file)) as raw:
        raw.execute("INSERT INTO record_tags (record_id, tag_id) VALUES (999999, 1)")
        raw.execute("DELETE FROM record_fts WHERE rowid = 1")
        raw.commit()
    service = CatalogService.open(sample_file, cache_dir=tmp_path)
    try:
        faults = service.check()
        assert len(faults) == 2

        def broken(*_args: object, **_kwargs: object) -> int:
            raise RuntimeError("disk pulled out")

        monkeypatch.setattr(checking.fulltext, "rebuild", broken)
        with pytest.raises(RuntimeError):
            service.repair(faults)
        assert len(service.check()) == 2  # the orphan removal was rolled back too
    finally:
        service.close()
