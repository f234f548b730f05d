"""An import into an empty catalogue builds the plain indexes of the tables it fills once,
at the end, inside its transaction: the catalogue ends with the same indexes, whole and
consistent, and a failed or cancelled import leaves them as they were."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, event

from catalog.services import importing
from catalog.services.catalog import CatalogService
from catalog.services.jobs import JobCancelled, Progress
from catalog.services.transfer.native_json import NativeJsonExporter
from catalog.store.set_aside_indexes import SetAsideIndexes
from tests.services.factories import make_record


def index_definitions(path: Path) -> list[tuple[str, str | None]]:
    """Every index of the catalogue file, with its SQL (None: a constraint's own)."""
    with sqlite3.connect(path) as connection:
        rows = connection.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' ORDER BY name"
        ).fetchall()
    connection.close()
    return rows


def integrity(path: Path) -> str:
    with sqlite3.connect(path) as connection:
        [(answer,)] = connection.execute("PRAGMA integrity_check").fetchall()
    connection.close()
    return str(answer)


def cables(path: Path, count: int) -> Path:
    NativeJsonExporter().write([make_record(n) for n in range(1, count + 1)], path)
    return path


def dropped_indexes(service: CatalogService) -> list[str]:
    """Collects the DROP INDEX statements the service's writer runs from now on."""
    seen: list[str] = []

    def collect(*args: Any) -> None:
        if args[2].startswith("DROP INDEX"):
            seen.append(args[2])

    event.listen(service.db.writer, "before_cursor_execute", collect)
    return seen


def test_only_plain_indexes_are_set_aside_and_come_back_as_defined(tmp_path: Path) -> None:
    engine = create_engine(f"sqlite:///{tmp_path / 't.sqlite'}")
    with engine.begin() as connection:
        connection.exec_driver_sql("CREATE TABLE t (a INTEGER PRIMARY KEY, b UNIQUE, c, d)")
        connection.exec_driver_sql("CREATE INDEX ix_t_c ON t (c, a)")
        connection.exec_driver_sql("CREATE INDEX ix_t_d ON t (d) WHERE d IS NOT NULL")
        connection.exec_driver_sql("CREATE UNIQUE INDEX ux_t_cd ON t (c, d)")
    before = index_definitions(tmp_path / "t.sqlite")

    with engine.begin() as connection:
        set_aside = SetAsideIndexes.drop(connection, ["t"])
        left = {row[1] for row in connection.exec_driver_sql("PRAGMA index_list(t)")}
        assert left == {"ux_t_cd", "sqlite_autoindex_t_1"}  # the unique ones keep checking
        connection.exec_driver_sql("INSERT INTO t (b, c, d) VALUES (1, 2, 3), (4, 5, NULL)")
        set_aside.restore(connection)
    engine.dispose()

    assert index_definitions(tmp_path / "t.sqlite") == before
    assert integrity(tmp_path / "t.sqlite") == "ok"


def test_an_import_into_an_empty_catalogue_ends_with_every_index_whole(tmp_path: Path) -> None:
    path = tmp_path / "c.sqlite"
    service = CatalogService.open(path)
    try:
        before = index_definitions(path)
        dropped = dropped_indexes(service)
        report, _ = service.import_file(cables(tmp_path / "cables.json", 300), "json")
        assert report.records == 300
        assert any("ix_records_date_sort" in sql for sql in dropped)
        assert len(service.search("date:1959").ids) == 300
    finally:
        service.close()
    assert index_definitions(path) == before
    assert integrity(path) == "ok"  # every index holds exactly its table's rows


def test_an_import_into_a_catalogue_with_records_keeps_its_indexes(tmp_path: Path) -> None:
    service = CatalogService.open(tmp_path / "c.sqlite")
    try:
        service.import_file(cables(tmp_path / "first.json", 5), "json")
        dropped = dropped_indexes(service)
        second = [make_record(n) for n in range(100, 110)]
        NativeJsonExporter().write(second, tmp_path / "second.json")
        report, _ = service.import_file(tmp_path / "second.json", "json")
        assert report.records == 10
        assert dropped == []
    finally:
        service.close()


def test_a_cancelled_import_leaves_the_indexes_as_they_were(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(importing, "BATCH", 5)
    path = tmp_path / "c.sqlite"
    service = CatalogService.open(path)
    before = index_definitions(path)

    def cancel(progress: Progress) -> None:
        if progress.done >= 20:
            raise JobCancelled("cancelled")

    try:
        dropped = dropped_indexes(service)
        with pytest.raises(JobCancelled):
            service.import_file(cables(tmp_path / "cables.json", 40), "json", progress=cancel)
        assert dropped  # the import had set them aside when it was cancelled
        assert service.count() == 0
    finally:
        service.close()
    assert index_definitions(path) == before
