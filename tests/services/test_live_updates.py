"""Live updates on a shared PostgreSQL catalogue: one client hears another's commits."""

from __future__ import annotations

import queue
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url

from catalog.domain.changes import ChangeSet
from catalog.domain.drafts import NameChoice, RecordDraft
from catalog.domain.records import AuthorityKind
from catalog.services.catalog import CatalogService
from catalog.services.editing.authorities import AuthorityEditor
from catalog.store import live_notify
from catalog.store.live_listen import parse
from tests import databases

ARRIVAL = 5.0  # seconds; the issue asks for 2 in the window, this only bounds a hung test


def test_payloads_become_change_sets() -> None:
    assert parse("I:1,2") == ChangeSet(added=frozenset({1, 2}), facets=True)
    assert parse("U:7") == ChangeSet(updated=frozenset({7}), facets=True)
    assert parse("D:9") == ChangeSet(removed=frozenset({9}), facets=True)
    assert parse("U:*").bulk and parse("A:").authorities
    assert parse("garbage").bulk and parse("U:1,x").bulk


def test_the_sql_and_the_python_agree_on_channel_and_limit() -> None:
    functions = live_notify._RECORD_FUNCTION + live_notify._AUTHORITY_FUNCTION
    assert functions.count(f"pg_notify('{live_notify.CHANNEL}'") == 2
    assert f"LIMIT {live_notify.MOST_IDS + 1})" in functions
    assert f"found > {live_notify.MOST_IDS} THEN" in functions


def test_a_sqlite_catalogue_has_no_one_to_listen_to(tmp_path: Path) -> None:
    service = CatalogService.open(tmp_path / "c.sqlite", cache_dir=tmp_path)
    try:
        assert service.watch(lambda _c: None, lambda _s, _m: None) is None
    finally:
        service.close()


class Heard:
    """What a watching client was told, as it arrives."""

    def __init__(self) -> None:
        self.changes: queue.Queue[ChangeSet] = queue.Queue()
        self.states: queue.Queue[tuple[bool, str]] = queue.Queue()

    def next_change(self) -> ChangeSet:
        return self.changes.get(timeout=ARRIVAL)

    def nothing_for(self, seconds: float) -> bool:
        try:
            self.changes.get(timeout=seconds)
        except queue.Empty:
            return True
        return False


@pytest.fixture
def pg_url(tmp_path: Path) -> Iterator[str]:
    if not databases.PG_URL:
        pytest.skip("CATALOG_TEST_PG_URL is not set (.ci/postgres.sh starts a server)")
    with databases.postgres_catalogue() as url:
        yield url


@pytest.fixture
def two_clients(pg_url: str, tmp_path: Path) -> Iterator[tuple[CatalogService, CatalogService]]:
    writer = CatalogService.open(pg_url, user="anna", cache_dir=tmp_path / "a")
    watcher = CatalogService.open(pg_url, user="boris", cache_dir=tmp_path / "b")
    yield writer, watcher
    writer.close()
    watcher.close()


@pytest.fixture
def heard(two_clients: tuple[CatalogService, CatalogService]) -> Iterator[Heard]:
    heard = Heard()
    listener = two_clients[1].watch(heard.changes.put, lambda up, m: heard.states.put((up, m)))
    assert listener is not None and listener.listening.wait(ARRIVAL)
    yield heard
    listener.stop()


def test_another_clients_new_record_note_and_edit_are_heard(
    two_clients: tuple[CatalogService, CatalogService], heard: Heard
) -> None:
    writer, _watcher = two_clients
    record_id, _ = writer.editor.create_record(RecordDraft("Cable from Pyongyang", "1959"))
    assert record_id in heard.next_change().added

    writer.editor.add_note(record_id, "Check the Russian original")
    assert record_id in heard.next_change().updated

    detail = writer.detail(record_id)
    writer.editor.update_record(record_id, RecordDraft("Cable from Moscow", "1959"), detail.version)
    assert record_id in heard.next_change().records

    writer.editor.trash([record_id])
    assert record_id in heard.next_change().records


def test_an_authority_renamed_elsewhere_is_heard(
    two_clients: tuple[CatalogService, CatalogService], heard: Heard
) -> None:
    writer, _watcher = two_clients
    names = (NameChoice(AuthorityKind.PERSON, "Huang Yugui"),)
    writer.editor.create_record(RecordDraft("Letter", "1958", names=names))
    heard.next_change()
    authorities = AuthorityEditor(writer.editor)
    (row,) = authorities.list(AuthorityKind.PERSON)
    authorities.rename(row.id, "Hong Yugui", row.version)
    change = heard.next_change()
    while not change.authorities:  # the rename also touches the linked record
        change = heard.next_change()
    assert change.bulk


@pytest.mark.parametrize(("count", "bulk"), [(500, False), (2500, True)])
def test_an_import_is_heard_whole(
    two_clients: tuple[CatalogService, CatalogService],
    heard: Heard,
    tmp_path: Path,
    count: int,
    bulk: bool,
) -> None:
    writer, watcher = two_clients
    listing = tmp_path / "many.csv"
    rows = "".join(f"00000000-0000-4000-8000-{n:012d},Report {n}\r\n" for n in range(count))
    listing.write_text("uid,title\r\n" + rows, encoding="utf-8")
    writer.import_file(listing, "csv")
    heard_ids: set[int] = set()
    change = ChangeSet()
    while not change.bulk and len(heard_ids) < count:
        change = heard.next_change()
        heard_ids |= change.added
    assert change.bulk is bulk
    if not bulk:
        assert heard_ids == set(watcher.search("").ids)


def test_a_client_does_not_hear_its_own_changes(
    two_clients: tuple[CatalogService, CatalogService], heard: Heard
) -> None:
    _writer, watcher = two_clients
    watcher.editor.create_record(RecordDraft("My own record", "1960"))
    assert heard.nothing_for(1.0)


def test_a_rolled_back_write_is_never_heard(pg_url: str, heard: Heard) -> None:
    url = make_url(pg_url).set(drivername="postgresql").render_as_string(hide_password=False)
    with psycopg.connect(url) as connection:
        connection.execute(
            "INSERT INTO records (uid, title, date_text, summary, source_ref, classification,"
            " date_precision, date_approximate, date_uncertain, deleted, version, created,"
            " modified, created_by) SELECT 'x', 'Never', '', '', '', '', 0, false, false,"
            " false, 1, now(), now(), '' WHERE false"
        )
        connection.rollback()
    assert heard.nothing_for(1.0)


def test_a_lost_connection_is_reported_and_comes_back(
    two_clients: tuple[CatalogService, CatalogService], heard: Heard
) -> None:
    writer, _watcher = two_clients
    with writer.db.writer.connect() as connection:
        ended = connection.execute(
            text(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                " WHERE datname = current_database() AND query LIKE 'LISTEN%'"
            )
        ).all()
    assert ended == [(True,)]
    assert heard.states.get(timeout=ARRIVAL)[0] is False
    assert heard.states.get(timeout=ARRIVAL + 8) == (True, "")
    assert heard.next_change().bulk  # what was missed meanwhile: refresh everything
    record_id, _ = writer.editor.create_record(RecordDraft("After the break", "1961"))
    assert record_id in heard.next_change().added
