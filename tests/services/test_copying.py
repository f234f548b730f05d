"""``copy_catalogue`` between SQLite and PostgreSQL: every row arrives, or nothing does."""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import ExitStack
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import inspect, select

from catalog.domain.drafts import NameChoice, RecordDraft
from catalog.domain.errors import SchemaTooNew, StorageUnavailable
from catalog.domain.records import AuthorityKind, RelationType, Role
from catalog.services.catalog import CatalogService
from catalog.services.copying import CopyRefused, copied_tables, copy_catalogue
from catalog.services.editing.attachments import AttachmentStore
from catalog.services.editing.authorities import AuthorityEditor
from catalog.services.jobs import JobCancelled, Progress
from catalog.store import schema
from catalog.store.engine import create_database
from tests import databases

PERSON = AuthorityKind.PERSON
Place = Callable[[str, str], str]

PG = pytest.mark.postgres
PAIRS = [
    pytest.param("sqlite", "sqlite", id="sqlite-to-sqlite"),
    pytest.param("sqlite", "postgres", marks=PG, id="sqlite-to-postgres"),
    pytest.param("postgres", "sqlite", marks=PG, id="postgres-to-sqlite"),
    pytest.param("postgres", "postgres", marks=PG, id="postgres-to-postgres"),
]


@pytest.fixture
def place(tmp_path: Path) -> Iterator[Place]:
    """Where a catalogue can go: ``place(kind, name)`` is a new file or an empty database."""
    with ExitStack() as stack:

        def make(kind: str, name: str) -> str:
            if kind == "sqlite":
                return str(tmp_path / f"{name}.sqlite")
            if not databases.PG_URL:
                pytest.skip("CATALOG_TEST_PG_URL is not set (.ci/postgres.sh starts a server)")
            return stack.enter_context(databases.postgres_catalogue(empty=True))

        yield make


def opened(target: str, tmp_path: Path) -> CatalogService:
    return CatalogService.open(target, user="archivist", cache_dir=tmp_path / "cache")


def build_rich(target: str, tmp_path: Path, sample_listing: Path) -> None:
    """A catalogue with a row in every table, made through the services."""
    service = opened(target, tmp_path)
    try:
        service.import_file(sample_listing)
        ids = list(service.search("").ids)
        service.editor.add_note(ids[0], "Seen in the reading room: a carbon copy")
        service.editor.link(ids[0], ids[1], RelationType.REPLY_TO)
        AuthorityEditor(service.editor).create(PERSON, "Kim Il Sung", ["김일성", "Kim Il-sung"])
        scan = tmp_path / "scan.pdf"
        scan.write_bytes(b"%PDF-1.4 a scanned cable")
        attachment = AttachmentStore(service.attachment_folder).store(scan, "scan", "ru")
        draft = RecordDraft(
            title="Cable on the citizenship question",
            date_text="October, 1959",
            summary="Nam Il tells Ivanov about Kim Il Sung.",
            doc_type="Cable",
            languages=("Russian",),
            archive="AVPRF",
            collections=("Consular affairs",),
            tags=("citizenship",),
            names=(NameChoice(PERSON, "김일성", Role.AUTHOR),),
            attachments=(attachment,),
        )
        service.editor.create_record(draft)
        service.editor.trash([ids[2]])
    finally:
        service.close()


def table_rows(target: str) -> dict[str, list[tuple[Any, ...]]]:
    """Every copied table's rows in primary-key order, as Python values."""
    db = create_database(target)
    try:
        with db.reader.connect() as connection:
            return {
                table.name: [
                    tuple(row)
                    for row in connection.execute(
                        select(table).order_by(*table.primary_key.columns)
                    )
                ]
                for table in copied_tables()
            }
    finally:
        db.dispose()


def catalogue_rows(target: str) -> int:
    """Rows in every table together (0 also for a database without the tables)."""
    db = create_database(target)
    try:
        with db.reader.connect() as connection:
            names = set(inspect(connection).get_table_names())
        return sum(len(rows) for rows in table_rows(target).values()) if "records" in names else 0
    finally:
        db.dispose()


@pytest.mark.parametrize(("source_kind", "destination_kind"), PAIRS)
def test_every_row_arrives_and_the_copy_works(
    place: Place, tmp_path: Path, sample_listing: Path, source_kind: str, destination_kind: str
) -> None:
    source = place(source_kind, "source")
    destination = place(destination_kind, "destination")
    build_rich(source, tmp_path, sample_listing)
    seen: list[Progress] = []

    report = copy_catalogue(source, destination, seen.append)

    expected = table_rows(source)
    assert all(expected.values()), "the source has a row in every table"
    assert table_rows(destination) == expected
    assert dict(report.tables) == {name: len(rows) for name, rows in expected.items()}
    assert report.indexed == len(expected["records"]) == 16
    assert seen[-1].done == seen[-1].total == report.total
    assert {p.message for p in seen} >= {"Copying records", "Rebuilding the search index"}
    before, after = opened(source, tmp_path), opened(destination, tmp_path)
    try:
        for query in ("citizenship", "김일성", "carbon", 'person:"Kim Il-sung"'):
            assert list(after.search(query).ids) == list(before.search(query).ids), query
        assert after.search("citizenship").total > 0
        # Attached files are not in the database: they are moved as docs/team.md says.
        shutil.copytree(before.attachment_folder, after.attachment_folder, dirs_exist_ok=True)
        assert after.check() == []
        highest = max(row[0] for row in expected["records"])
        new_id, _ = after.editor.create_record(RecordDraft(title="Written after the copy"))
        assert new_id > highest
        after.editor.add_note(new_id, "so is this note")
        assert list(after.search("written after").ids) == [new_id]
    finally:
        before.close()
        after.close()


def test_an_existing_empty_catalogue_can_receive_a_copy(
    catalogue_target: str, tmp_path: Path, sample_listing: Path
) -> None:
    source = str(tmp_path / "source.sqlite")
    build_rich(source, tmp_path, sample_listing)
    opened(catalogue_target, tmp_path).close()  # created, never written

    copy_catalogue(source, catalogue_target)

    assert table_rows(catalogue_target) == table_rows(source)


def test_a_destination_with_records_is_refused_and_kept(
    catalogue_target: str, tmp_path: Path, sample_listing: Path
) -> None:
    source = str(tmp_path / "source.sqlite")
    build_rich(source, tmp_path, sample_listing)
    service = opened(catalogue_target, tmp_path)
    service.editor.create_record(RecordDraft(title="Already here"))
    service.close()
    before = table_rows(catalogue_target)

    with pytest.raises(CopyRefused, match=r"already holds a catalogue \(1 records\)"):
        copy_catalogue(source, catalogue_target)

    assert table_rows(catalogue_target) == before


def test_the_same_catalogue_is_refused(tmp_path: Path, sample_listing: Path) -> None:
    source = tmp_path / "source.sqlite"
    build_rich(str(source), tmp_path, sample_listing)
    before = table_rows(str(source))
    link = tmp_path / "link.sqlite"
    link.symlink_to(source)

    for destination in (source, link, tmp_path / "." / "source.sqlite"):
        with pytest.raises(CopyRefused, match="the same catalogue"):
            copy_catalogue(source, destination)

    assert table_rows(str(source)) == before


def test_a_missing_source_is_refused_and_nothing_is_created(tmp_path: Path) -> None:
    missing, destination = tmp_path / "missing.sqlite", tmp_path / "destination.sqlite"

    with pytest.raises(CopyRefused, match="There is no catalogue at"):
        copy_catalogue(missing, destination)

    assert not missing.exists() and not destination.exists()


def test_what_is_not_a_catalogue_is_refused(tmp_path: Path) -> None:
    text_file = tmp_path / "notes.txt"
    text_file.write_text("not a database at all\n" * 100)
    foreign = tmp_path / "foreign.sqlite"
    with sqlite3.connect(foreign) as connection:
        connection.execute("CREATE TABLE things (id INTEGER PRIMARY KEY)")
    connection.close()
    destination = tmp_path / "destination.sqlite"

    with pytest.raises(StorageUnavailable, match="not a Catalog catalogue"):
        copy_catalogue(text_file, destination)
    with pytest.raises(CopyRefused, match="not a Catalog catalogue"):
        copy_catalogue(foreign, destination)

    assert not destination.exists()
    assert text_file.read_text().startswith("not a database")


def test_a_destination_that_is_not_a_catalogue_is_left_alone(
    tmp_path: Path, sample_listing: Path
) -> None:
    source = tmp_path / "source.sqlite"
    build_rich(str(source), tmp_path, sample_listing)
    foreign = tmp_path / "foreign.sqlite"
    with sqlite3.connect(foreign) as connection:
        connection.execute("CREATE TABLE things (id INTEGER PRIMARY KEY, name TEXT)")
        connection.execute("INSERT INTO things VALUES (1, 'kept')")
    connection.close()

    with pytest.raises(StorageUnavailable, match="not a Catalog catalogue"):
        copy_catalogue(source, foreign)

    with sqlite3.connect(foreign) as connection:
        tables = [row[0] for row in connection.execute("SELECT name FROM sqlite_master")]
        assert tables == ["things"]
        assert connection.execute("SELECT name FROM things").fetchall() == [("kept",)]
    connection.close()


def test_a_catalogue_of_a_newer_version_is_refused_at_either_end(
    tmp_path: Path, sample_listing: Path
) -> None:
    source, newer = tmp_path / "source.sqlite", tmp_path / "newer.sqlite"
    build_rich(str(source), tmp_path, sample_listing)
    opened(str(newer), tmp_path).close()
    with sqlite3.connect(newer) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999'")
    connection.close()
    destination = tmp_path / "destination.sqlite"

    with pytest.raises(SchemaTooNew, match="newer version of Catalog"):
        copy_catalogue(newer, destination)
    with pytest.raises(SchemaTooNew, match="newer version of Catalog"):
        copy_catalogue(source, newer)

    assert not destination.exists()
    assert catalogue_rows(str(newer)) == 0


@PG
def test_an_empty_postgres_source_is_not_a_catalogue(place: Place, tmp_path: Path) -> None:
    source = place("postgres", "source")
    destination = tmp_path / "destination.sqlite"

    with pytest.raises(CopyRefused, match="not a Catalog catalogue"):
        copy_catalogue(source, destination)

    assert not destination.exists()
    assert catalogue_rows(source) == 0


def test_an_older_source_is_refused_not_upgraded(tmp_path: Path) -> None:
    source = tmp_path / "old.sqlite"
    db = create_database(source)
    schema.prepare(db, revision="0001")
    db.dispose()
    destination = tmp_path / "destination.sqlite"

    with pytest.raises(CopyRefused, match=r"older version of Catalog.*Open it once"):
        copy_catalogue(source, destination)

    db = create_database(source)
    with db.reader.connect() as connection:
        assert schema.current_revision(connection) == "0001"
    db.dispose()
    assert not destination.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["old.sqlite"]  # no backup taken


@pytest.mark.parametrize("kind", ["sqlite", pytest.param("postgres", marks=PG)])
def test_a_cancel_mid_copy_leaves_no_records(
    place: Place, tmp_path: Path, sample_listing: Path, kind: str
) -> None:
    source = str(tmp_path / "source.sqlite")
    build_rich(source, tmp_path, sample_listing)
    destination = place(kind, "destination")

    def cancel_after_a_batch(step: Progress) -> None:
        if step.done > 0:
            raise JobCancelled

    with pytest.raises(JobCancelled):
        copy_catalogue(source, destination, cancel_after_a_batch, batch=2)

    if kind == "sqlite":
        assert list(tmp_path.glob("destination*")) == []
    else:
        assert catalogue_rows(destination) == 0
    copy_catalogue(source, destination)  # and the destination still takes a copy
    assert table_rows(destination) == table_rows(source)


def test_small_batches_page_through_every_table(tmp_path: Path, sample_listing: Path) -> None:
    source, destination = tmp_path / "source.sqlite", tmp_path / "destination.sqlite"
    build_rich(str(source), tmp_path, sample_listing)

    copy_catalogue(source, destination, batch=1)

    assert table_rows(str(destination)) == table_rows(str(source))


def test_a_count_that_differs_undoes_the_copy(
    tmp_path: Path, sample_listing: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from catalog.services import copying

    source, destination = tmp_path / "source.sqlite", tmp_path / "destination.sqlite"
    build_rich(str(source), tmp_path, sample_listing)
    real_batches = copying._batches

    def losing_a_row(connection: Any, table: Any, size: int) -> Iterator[Any]:
        for rows in real_batches(connection, table, size):
            yield rows[:-1] if table.name == "change_log" else rows  # no row points at it

    monkeypatch.setattr(copying, "_batches", losing_a_row)

    logged = len(table_rows(str(source))["change_log"])
    with pytest.raises(CopyRefused, match=rf"change_log: {logged} read, {logged - 1} written"):
        copy_catalogue(source, destination)

    assert list(tmp_path.glob("destination*")) == []


@PG
def test_a_value_postgres_cannot_hold_is_named_and_nothing_is_kept(
    place: Place, tmp_path: Path, sample_listing: Path
) -> None:
    source = tmp_path / "source.sqlite"
    build_rich(str(source), tmp_path, sample_listing)
    destination = place("postgres", "destination")
    with sqlite3.connect(source) as connection:
        connection.execute("UPDATE records SET summary = 'a' || char(0) || 'b' WHERE id = 3")
    connection.close()

    with pytest.raises(CopyRefused, match="A row of records cannot be written"):
        copy_catalogue(source, destination)

    assert catalogue_rows(destination) == 0
