"""A cancel stops a long statement half-way, and its transaction rolls back."""

from __future__ import annotations

import time

import pytest
from sqlalchemy import select, update
from sqlalchemy.exc import DBAPIError

from catalog.services.jobs import JobCancelled
from catalog.store import tables as t
from catalog.store.engine import Database
from catalog.store.interrupting import interruptible

# Seconds of work if nothing stops it (a count to 50 million, a long sleep).
_SLOW = {
    "sqlite": "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c"
    " WHERE x < 50000000) SELECT count(*) FROM c",
    "postgresql": "SELECT pg_sleep(60)",
}


class Cancel:
    """A job's check: says go once, then stop (as after a press on Cancel)."""

    def __init__(self) -> None:
        self.asked = 0

    def __call__(self) -> None:
        self.asked += 1
        if self.asked > 1:
            raise JobCancelled("cancelled")


def created_by(db: Database) -> str:
    with db.reader.connect() as connection:
        return str(connection.scalar(select(t.CatalogInfo.created_by)))


def test_a_cancel_interrupts_the_statement_and_rolls_back(db: Database) -> None:
    before = created_by(db)
    with pytest.raises(JobCancelled) as raised, db.writer.begin() as connection:
        connection.execute(update(t.CatalogInfo).values(created_by="half-way"))
        with interruptible(connection, Cancel(), every=0.05):
            connection.exec_driver_sql(_SLOW[db.dialect])
    assert isinstance(raised.value.__cause__, DBAPIError)  # stopped, not finished
    assert created_by(db) == before


def test_statements_that_finish_first_are_left_alone(db: Database) -> None:
    check = Cancel()
    with db.writer.begin() as connection, interruptible(connection, check, every=60):
        assert connection.exec_driver_sql("SELECT 1").scalar() == 1
    assert check.asked == 1  # once, before the statements


def test_a_cancel_pressed_before_stops_at_once(db: Database) -> None:
    def stop() -> None:
        raise JobCancelled("cancelled")

    ran = []
    with (
        pytest.raises(JobCancelled),
        db.writer.begin() as connection,
        interruptible(connection, stop, every=60),
    ):
        ran.append(connection.exec_driver_sql("SELECT 1").scalar())
    assert ran == []


def test_a_cancel_as_the_statement_ends_still_cancels(db: Database) -> None:
    with (
        pytest.raises(JobCancelled),
        db.writer.begin() as connection,
        interruptible(connection, Cancel(), every=0.01),
    ):
        connection.exec_driver_sql("SELECT 1")
        time.sleep(0.2)  # the watcher asks meanwhile, after the statement
