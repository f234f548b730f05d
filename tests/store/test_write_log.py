"""The write log: each committed write's generation, with what it said it touched."""

from __future__ import annotations

import pytest
from sqlalchemy import select, update

from catalog.store import tables as t
from catalog.store import unit_of_work, write_log
from catalog.store.engine import Database
from catalog.store.write_log import Touched, WriteLog


def generation(db: Database) -> int:
    with unit_of_work.read(db) as session:
        return int(session.scalar(select(t.CatalogInfo.generation)) or 0)


def test_each_write_notes_its_generation_and_what_it_touched(db: Database) -> None:
    start = generation(db)
    touched = Touched(frozenset({4}), frozenset({4}), frozenset({7}))
    with unit_of_work.write(db) as session:
        write_log.touch(session, Touched(frozenset({4}), frozenset({4})))
        write_log.touch(session, Touched(authorities=frozenset({7})))  # calls add up
    assert generation(db) == start + 1
    assert db.writes.since(start, start + 1) == touched
    with unit_of_work.write(db) as session:
        session.execute(update(t.CatalogInfo).values(created_by="x"))  # says nothing
    assert db.writes.since(start, start + 2) is None
    assert db.writes.since(start + 1, start + 2) is None


@pytest.mark.parametrize("first_unknown", [True, False])
def test_a_write_too_large_to_say_is_unknown_whatever_else_it_says(
    db: Database, monkeypatch: pytest.MonkeyPatch, first_unknown: bool
) -> None:
    monkeypatch.setattr(write_log, "MENDS_UP_TO", 3)
    small = Touched(frozenset({1}), frozenset({1}))
    start = generation(db)
    with unit_of_work.write(db) as session:
        said = [None, small] if first_unknown else [small, None]
        for touched in said:
            write_log.touch(session, touched)
    with unit_of_work.write(db) as session:
        write_log.touch(session, Touched(frozenset({1, 2, 3, 4})))  # more than it mends for
    with unit_of_work.write(db) as session:
        write_log.touch(session, small)
    assert db.writes.since(start, start + 1) is None
    assert db.writes.since(start + 1, start + 2) is None
    assert db.writes.since(start + 2, start + 3) == small


def test_a_write_rolled_back_notes_nothing(db: Database) -> None:
    start = generation(db)
    with pytest.raises(RuntimeError), unit_of_work.write(db) as session:
        write_log.touch(session, Touched(frozenset({1})))
        raise RuntimeError("the edit failed")
    assert generation(db) == start
    with unit_of_work.write(db) as session:
        write_log.touch(session, Touched(frozenset({2})))
    assert db.writes.since(start, start + 1) == Touched(frozenset({2}))


def test_the_write_log_accounts_for_every_generation_or_says_none() -> None:
    log = WriteLog()
    one, two = (
        Touched(frozenset({1}), frozenset({1})),
        Touched(frozenset({2}), authorities=frozenset({9})),
    )
    log.add(5, one)
    log.add(6, two)
    assert log.since(4, 6) == Touched(frozenset({1, 2}), frozenset({1}), frozenset({9}))
    assert log.since(5, 6) == two
    assert log.since(3, 6) is None  # generation 4 is another program's
    assert log.since(6, 6) is None
    log.add(7, None)
    assert log.since(5, 7) is None  # a write that did not say
    for generation in range(8, 8 + WriteLog.KEPT):
        log.add(generation, one)
    assert log.since(5, 8) is None  # forgotten
