"""An import writes whole multi-row statements: each one costs its writing thread a wait
for the interpreter lock, so a batch's remainders wait for the next batch."""

from __future__ import annotations

import math
from collections import Counter
from pathlib import Path
from typing import Any

from sqlalchemy import event

from catalog.services.catalog import CatalogService
from catalog.services.transfer.native_json import NativeJsonExporter
from catalog.store import unit_of_work
from catalog.store.bulk_insert import MAX_VALUES, deferred_rows
from catalog.store.engine import create_database
from catalog.store.fulltext import SQLITE_INSERT
from catalog.store.schema import prepare
from tests.services.factories import make_record


def rows_written(statements: list[tuple[str, Any]]) -> int:
    """Rows the statements insert (each runs once, or once per tuple of a list)."""
    return sum(
        sql.count("(?") * (len(params) if isinstance(params, list) else 1)
        for sql, params in statements
    )


def test_deferred_rows_go_in_whole_statements_until_the_flush(tmp_path: Path) -> None:
    db = create_database(tmp_path / "c.sqlite")
    try:
        prepare(db)
        with unit_of_work.write(db) as session:
            deferred = deferred_rows(session.connection(), SQLITE_INSERT, 5)
            assert deferred is not None
            largest = MAX_VALUES // 5
            rows = [(n, f"title {n}", "", "", "") for n in range(1, 2 * largest + 100)]

            assert deferred.statements(rows[: largest - 1]) == []  # not a whole one yet
            [(sql, params)] = deferred.statements(rows[largest - 1 :])
            assert sql.count("(?") == largest and len(params) == 2  # two whole statements
            rest = deferred.flush_statements()
            assert rows_written(rest) == 99
            assert deferred.flush_statements() == []
    finally:
        db.dispose()


def test_an_import_indexes_its_records_in_a_few_statements(tmp_path: Path) -> None:
    count = 5000
    source = tmp_path / "cables.json"
    NativeJsonExporter().write([make_record(n) for n in range(1, count + 1)], source)

    target = CatalogService.open(tmp_path / "target.sqlite")
    executions: Counter[str] = Counter()

    def count_inserts(*args: Any) -> None:
        statement, parameters, many = args[2], args[3], args[5]
        if statement.startswith("INSERT INTO"):
            table = statement.split()[2]
            executions[table] += len(parameters) if many else 1

    event.listen(target.db.writer, "before_cursor_execute", count_inserts)
    try:
        report, _ = target.import_file(source, "json")
        assert report.records == count
        assert len(target.search("journal").ids) == count  # the index holds them
    finally:
        target.close()
    per_statement = MAX_VALUES // 5
    # Whole statements, then the last remainder in statements of falling sizes (powers
    # of four): never a statement per record, as an executemany would run.
    assert executions["record_fts"] <= math.ceil(count / per_statement) + 3 * 6
    assert executions["records"] <= math.ceil(count / (MAX_VALUES // 20)) + 3 * 5
