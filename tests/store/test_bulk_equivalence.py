"""The import writer's faster path stores exactly what the old one did.

The same records (every field, repeated and blank names, values that fold alike, dates
of every kind, uids already in the catalogue, relations in and out of the file) are
written by ``BulkWriter`` into one catalogue and by the writer as it was
(``reference_bulk``) into another; every row of every table the writer fills, and the
full-text index, must come out the same, byte for byte on SQLite.
"""

from __future__ import annotations

import itertools
import random
from collections.abc import Iterator, Sequence
from contextlib import ExitStack
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Connection

from catalog.domain.records import (
    AnnotationInput,
    AttachmentInput,
    AuthorityKind,
    NameLink,
    RecordInput,
    RelationInput,
    RelationType,
    Role,
)
from catalog.services import importing
from catalog.services.catalog import CatalogService
from catalog.services.transfer.native_json import NativeJsonExporter
from catalog.store import bulk, unit_of_work, vocab
from catalog.store.bulk import BulkWriter
from catalog.store.bulk_insert import TableInserter, insert_rows
from catalog.store.engine import Database, create_database
from catalog.store.schema import prepare
from catalog.store.tables import Record, Tag
from tests import databases
from tests.services.factories import make_record, plain_record

from . import reference_bulk
from .reference_bulk import ReferenceBulkWriter, ReferenceInserter

WRITTEN = (
    "document_types",
    "languages",
    "collections",
    "tags",
    "authorities",
    "authority_variants",
    "records",
    "record_authorities",
    "record_languages",
    "record_collections",
    "record_tags",
    "annotations",
    "relations",
    "attachments",
)
NOW = datetime(2025, 6, 7, 8, 9, 10, 111213, tzinfo=UTC)
TOKYO = timezone(timedelta(hours=9))

NAMES = [
    (AuthorityKind.PERSON, "Kim Il Sung", ("김일성", "Ким Ир Сен")),
    (AuthorityKind.PERSON, "KIM IL SUNG", ()),
    (AuthorityKind.PERSON, "Kim Il-sung", ("Kim Ir Sen",)),
    (AuthorityKind.PERSON, "Kim Ir Sen", ()),
    (AuthorityKind.PERSON, "Zoë  Ångström", ("Zoe Angstrom",)),
    (AuthorityKind.PERSON, "   ", ()),
    (AuthorityKind.PERSON, "金日成", ()),
    (AuthorityKind.PLACE, "Pyongyang", ("P'yŏngyang", "PYONGYANG", "Pyongyang")),
    (AuthorityKind.PLACE, "P’yŏngyang", ()),
    (AuthorityKind.PLACE, "Seoul", ()),
    (AuthorityKind.ORGANISATION, "AVPRF", ()),
    (AuthorityKind.ORGANISATION, "Ministry of\tForeign Affairs", ("MFA", "MFA")),
    (AuthorityKind.SUBJECT, "Korean War", ()),
    (AuthorityKind.SUBJECT, "!!!", ()),
    (AuthorityKind.SUBJECT, "Citizenship -- Koreans", ()),
]
ARCHIVES = ["", "   ", "AVPRF", "avprf", "Archive of Foreign Policy (AVPRF)", "Kim Il Sung"]
DOC_TYPES = ["", "Cable", "cable", " Cable ", "Journal/Diary", "Памятная записка"]
WORDS = ["Russian", "russian", "Korean", "", " Korean ", "Chinese", "한국어"]
DATES = [
    ("October, 1959", None),
    ("", None),
    ("c. 1950", "1950~"),
    ("nonsense", None),
    ("1959", "not edtf"),
    ("", "1960-05"),
    ("June 6-8, 1955", None),
    ("1955-1957", "1955/1957"),
    ("undated", "XXXX"),
    ("Spring 1955", None),
]
TITLES = [
    "Journal of Ambassador V. I. Ivanov",
    "'Reply to the Ministry'",
    "!!!",
    "Ünïcödé tïtlé",
    "金日成同志的讲话",
    "  Spaces   inside  ",
]
STAMPS = [
    None,
    datetime(2024, 1, 2, 3, 4, 5, 123456, tzinfo=UTC),
    datetime(2024, 3, 4, 15, 16, 17, tzinfo=TOKYO),
    datetime(1899, 12, 31, 23, 59, 59, tzinfo=UTC),
]


def uid(prefix: int, n: int) -> str:
    return f"00000000-0000-4000-{prefix:04d}-{n:012d}"


def make_records(
    prefix: int, count: int, seed: int, known: Sequence[str] = ()
) -> list[RecordInput]:
    """``count`` records using every field; uids of ``known`` records are reused at times."""
    rng = random.Random(seed)
    made: list[RecordInput] = []
    for n in range(count):
        names = []
        for kind, name, variants in rng.sample(NAMES, rng.randint(0, 6)):
            names.append(NameLink(kind, name, rng.choice(list(Role)), variants))
        if names and rng.random() < 0.3:
            names.append(names[0])  # the same link twice
        date_text, edtf = rng.choice(DATES)
        targets = [*known[:3], *(r.uid for r in made[-3:] if r.uid)]
        relations = tuple(
            RelationInput(rng.choice(list(RelationType)), target)
            for target in rng.sample([*targets, uid(9, 9), uid(prefix, n)], rng.randint(0, 2))
        )
        record_uid: str | None = uid(prefix, n)
        if rng.random() < 0.2:
            record_uid = None
        elif known and rng.random() < 0.1:
            record_uid = rng.choice(known)  # already in the catalogue: skipped
        made.append(
            RecordInput(
                title=f"{rng.choice(TITLES)} {n}" if rng.random() < 0.8 else rng.choice(TITLES),
                date_text=date_text,
                edtf=edtf,
                summary=rng.choice(["", "Nam Il tells Ivanov (김일성) about the question.", "x"]),
                doc_type=rng.choice(DOC_TYPES),
                languages=tuple(rng.sample(WORDS, rng.randint(0, 3))),
                archive=rng.choice(ARCHIVES),
                source_ref=rng.choice(["", "f. 0102, op. 11"]),
                classification=rng.choice(["", "Top Secret"]),
                collections=tuple(rng.sample(["Soviet Koreans", "soviet koreans", "War"], 2)),
                names=tuple(names),
                tags=tuple(rng.sample(["todo", "TODO", "checked", " ", "ünï"], rng.randint(0, 3))),
                notes=tuple(
                    AnnotationInput(
                        rng.choice(["A note", "Кириллица", "second\nline"]),
                        rng.choice(["", "gk"]),
                        rng.choice(STAMPS),
                        rng.choice(STAMPS),
                    )
                    for _ in range(rng.randint(0, 2))
                ),
                relations=relations,
                attachments=tuple(
                    AttachmentInput(f"scans/{n}-{i}.pdf", "scan", "ru", "ab" * 32)
                    for i in range(rng.randint(0, 1))
                ),
                uid=record_uid,
                created=rng.choice(STAMPS),
                modified=rng.choice(STAMPS),
                line=n + 1,
            )
        )
    return made


@pytest.fixture
def steady(monkeypatch: pytest.MonkeyPatch) -> None:
    """The clock stands still (new uids count up from zero in each write), so two writes
    compare."""
    for module in (bulk, reference_bulk):
        monkeypatch.setattr(module, "utcnow", lambda: NOW)


def count_uids(monkeypatch: pytest.MonkeyPatch, prefix: str = "u") -> None:
    """New uids count up from zero from here on."""
    counter = itertools.count()

    def new_uid() -> str:
        return f"{prefix}-{next(counter):08d}"

    for module in (bulk, vocab, reference_bulk):
        monkeypatch.setattr(module, "new_uid", new_uid)


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def two_databases(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[list[Database]]:
    """Two migrated, empty catalogues on the same kind of database."""
    with ExitStack() as stack:
        if request.param == "sqlite":
            targets = [str(tmp_path / "new.sqlite"), str(tmp_path / "old.sqlite")]
        else:
            if not databases.PG_URL:
                pytest.skip("CATALOG_TEST_PG_URL is not set (.ci/postgres.sh starts a server)")
            targets = [stack.enter_context(databases.postgres_catalogue()) for _ in range(2)]
        opened = []
        for target in targets:
            db = create_database(target)
            stack.callback(db.dispose)
            prepare(db)
            opened.append(db)
        yield opened


def write(
    db: Database,
    writer_class: type[BulkWriter],
    batches: Sequence[Sequence[RecordInput]],
    background: bool,
    monkeypatch: pytest.MonkeyPatch,
    prefix: str,
) -> tuple[list[int], int, list[str]]:
    count_uids(monkeypatch, prefix)
    with ExitStack() as stack:
        session = stack.enter_context(unit_of_work.write(db))
        lookup: Connection | None = None
        if background and db.separate_connections:
            lookup = stack.enter_context(unit_of_work.read(db)).connection()
        writer = writer_class(session.connection(), lookup, user="tester")
        try:
            for batch in batches:
                writer.write(batch)
            writer.finish()
        finally:
            writer.close()
        return list(writer.record_ids), writer.skipped, writer.warnings


def dump(db: Database) -> dict[str, list[tuple[Any, ...]]]:
    """Every row the writer fills, as the driver returns it (no type conversion)."""
    found: dict[str, list[tuple[Any, ...]]] = {}
    with db.writer.connect() as connection:
        for table in WRITTEN:
            result = connection.exec_driver_sql(f"SELECT * FROM {table} ORDER BY 1, 2")
            found[table] = [tuple(row) for row in result]
        if db.dialect == "sqlite":
            sql = "SELECT rowid, title, summary, notes, names FROM record_fts ORDER BY rowid"
        else:
            sql = "SELECT * FROM record_search ORDER BY record_id"
        found["full text"] = [tuple(map(str, row)) for row in connection.exec_driver_sql(sql)]
    return found


@pytest.mark.parametrize("background", [False, True], ids=["in turn", "writer thread"])
def test_the_writer_stores_what_the_old_writer_stored(
    two_databases: list[Database],
    steady: None,
    monkeypatch: pytest.MonkeyPatch,
    background: bool,
) -> None:
    seed = make_records(1, 40, seed=1)
    known = [r.uid for r in seed if r.uid]
    # Small batches, then one large enough for several sizes of multi-row statement.
    records = make_records(2, 3300, seed=2, known=known)
    batches = [records[:7], records[7:20], records[20:21], records[21:]]
    results = []
    for db, writer_class in zip(two_databases, (BulkWriter, ReferenceBulkWriter), strict=True):
        write(db, BulkWriter, [seed], background, monkeypatch, "seed")  # the same catalogue first
        results.append(write(db, writer_class, batches, background, monkeypatch, "u"))
    new, old = (dump(db) for db in two_databases)
    assert results[0] == results[1]
    assert results[0][1] > 0, "no record was skipped"
    assert results[0][2], "no relation was left out"
    for table in new:
        assert new[table] == old[table], table
    assert len(new["records"]) == 40 + len(results[0][0])
    assert len(new["full text"]) == len(new["records"])


@pytest.mark.parametrize("source", ["listing", "json"])
def test_an_import_stores_what_the_old_writer_stored(
    two_databases: list[Database],
    steady: None,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    sample_listing: Path,
    source: str,
) -> None:
    path, format_name = sample_listing, "listing"
    if source == "json":
        path, format_name = tmp_path / "records.json", "json"
        details = [make_record(n) for n in range(1, 30)] + [plain_record(n) for n in range(30, 40)]
        NativeJsonExporter().write(details, path)
    for db, writer_class in zip(two_databases, (BulkWriter, ReferenceBulkWriter), strict=True):
        monkeypatch.setattr(importing, "BulkWriter", writer_class)
        count_uids(monkeypatch)
        service = CatalogService.open(db.url.render_as_string(False), user="tester")
        try:
            service.import_file(path, format_name)
        finally:
            service.close()
    new, old = (dump(db) for db in two_databases)
    for table in new:
        assert new[table] == old[table], table
    assert new["records"]


@pytest.mark.parametrize("count", [0, 1, 3, 4, 5, 16, 17, 1023, 1424, 1425, 2900, 4096, 9000])
def test_multi_row_inserts_store_what_executemany_stored(
    two_databases: list[Database], count: int
) -> None:
    rng = random.Random(count)
    rows = [
        (n + 1, f"tag {n} {rng.random()}", f"key {n}", f"uid-{n}", stamp, stamp or NOW, 1)
        for n in range(count)
        for stamp in [rng.choice([*STAMPS[1:], NOW + timedelta(microseconds=n)])]
    ]
    columns = ("id", "name", "key", "uid", "created", "modified", "version")
    with unit_of_work.write(two_databases[0]) as session:
        inserter = TableInserter(session.connection(), Tag, columns, defer=True)
        for part in (rows[: count // 3], rows[count // 3 : count // 2], rows[count // 2 :]):
            inserter.insert(part)  # the rows of a part that fill no statement wait
        inserter.flush()
    with unit_of_work.write(two_databases[1]) as session:
        ReferenceInserter(session.connection(), Tag, columns).insert(rows)
    new, old = (dump(db) for db in two_databases)
    assert new["tags"] == old["tags"]
    assert len(new["tags"]) == count


def test_remembered_bind_values_are_those_of_the_column_types(tmp_path: Path) -> None:
    db = create_database(tmp_path / "c.sqlite")
    columns = bulk.RECORD_COLUMNS

    def row(**values: Any) -> tuple[Any, ...]:
        return tuple(values.get(name) for name in columns)

    try:
        prepare(db)
        with unit_of_work.write(db) as session:
            inserter = TableInserter(session.connection(), Record, columns)
            reference = ReferenceInserter(session.connection(), Record, columns)
            stamps = [*STAMPS[1:], NOW, NOW.astimezone(TOKYO), NOW.replace(microsecond=0)]
            for _ in range(2):
                for flag in (True, False, 1, 0):
                    assert inserter._process(row(deleted=flag)) == reference._process(
                        row(deleted=flag)
                    )
                for stamp in stamps:
                    assert inserter._process(row(created=stamp)) == reference._process(
                        row(created=stamp)
                    )
            for _ in range(2):  # refused every time, never remembered
                with pytest.raises(ValueError, match="naive"):
                    inserter._process(row(created=datetime(2024, 1, 1)))
    finally:
        db.dispose()


def test_insert_rows_stores_what_executemany_stored(tmp_path: Path) -> None:
    sql = "INSERT INTO record_fts (rowid, title, summary, notes, names) VALUES (?, ?, ?, ?, ?)"
    rows = [
        (n, f"title {n}", "summary ünï", "" if n % 3 else "note", "kim il sung")
        for n in range(1, 7000)
    ]
    found = []
    for name, send in (("multi", insert_rows), ("many", None)):
        db = create_database(tmp_path / f"{name}.sqlite")
        try:
            prepare(db)
            with unit_of_work.write(db) as session:
                connection = session.connection()
                if send is None:
                    connection.exec_driver_sql(sql, rows)
                else:
                    send(connection, sql, rows)
                    send(connection, sql, [])
            with db.writer.connect() as connection:
                found.append(
                    connection.exec_driver_sql(
                        "SELECT rowid, title, summary, notes, names FROM record_fts ORDER BY rowid"
                    ).all()
                )
        finally:
            db.dispose()
    assert found[0] == found[1]
    assert len(found[0]) == len(rows)
