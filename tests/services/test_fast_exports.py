"""The fast exports (CSV, native JSON, CSL-JSON) write exactly what the record path writes.

``CatalogService.export`` reads these formats through ``store.export_reads`` and each
exporter's ``write_batches``; the reference is the path every other format takes
(``records_repo.details``, the options' ``trimmed``, the exporter's ``write``). Both run
on the same varied catalogue (names in every role with variants, notes, relations both
ways, attachments, partial dates of every kind, text that needs quoting, escaping,
neutralising or JSON escapes, several scripts) on SQLite and PostgreSQL, and the files
must be the same bytes.
"""

from __future__ import annotations

import csv
import gc
import io
import json
import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import UTC, datetime, timedelta, timezone, tzinfo
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import text

from catalog.domain.dates import parse_date
from catalog.domain.errors import ExportError
from catalog.domain.records import (
    Annotation,
    Attachment,
    AuthorityKind,
    RecordDetail,
    RelationType,
    RelationView,
    Role,
)
from catalog.services import exporting
from catalog.services.catalog import CatalogService
from catalog.services.exporting import BatchExporter, configured_exporter
from catalog.services.jobs import Progress
from catalog.services.transfer import csl_json, csv_export, native_json
from catalog.services.transfer.csv_export import csv_line
from catalog.services.transfer.csv_format import COLUMNS
from catalog.services.transfer.export_options import EVERYTHING, ExportOptions, Extra
from catalog.services.transfer.formats import default_registry
from catalog.services.transfer.native_json import NativeJsonExporter, format_timestamp
from catalog.store import export_reads, records_repo, unit_of_work
from catalog.store.engine import READER_CACHE_KIB
from catalog.store.export_reads import ExportRecord, iso_stored, iso_timestamp
from tests.services.factories import link, make_record, plain_record, uid

FAST = ["csv", "json", "csl-json"]
REGISTRY = default_registry()

# Text that each format must treat with care: CSV quoting, ``|`` and ``\`` escapes, white
# space at the ends, formula starts (and apostrophes before them), JSON escapes,
# several scripts, characters outside the BMP, combining marks.
AWKWARD = [
    "plain",
    "comma, and more",
    'a "quoted" word',
    "two\nlines",
    "carriage\rreturn",
    "crlf\r\nline",
    "tab\there",
    "pipe | inside",
    "back\\slash",
    "\\|",
    "  spaces at both ends  ",
    "=SUM(A1:A2)",
    "+1 234",
    "-1959",
    "@handle",
    "'=already guarded",
    "''+two apostrophes",
    "\tstarts with a tab",
    "Ким Ир Сен",
    "김일성 金日成",
    "مرحبا بالعالم",
    "e\u0301 combining",
    "📜 scroll 𝔄",
    "nbsp\u00a0inside\u00a0",
    "line\u2028separator",
    "bell\x07 unit\x1f del\x7f",
    "",
]

DATES = [
    "October, 1959",
    "",
    "1959",
    "1959-10-03",
    "December 06, 1955",
    "c. 1950",
    "[1950?]",
    "1950~",
    "1950?~",
    "1950s",
    "195X",
    "19XX",
    "XXXX",
    "Spring 1955",
    "1955-21",
    "1955-1957",
    "1950/1960",
    "1950-03/1950-05-02",
    "1950/..",
    "../1960",
    "-0044-03-15",
    "Y170000002",
    "156X-12-25",
    "not a date at all",
    "undated",
]


def _record(n: int, count: int) -> RecordDetail:
    """Record ``n`` of ``count``: every field, varied by ``n``."""
    awkward = AWKWARD[n % len(AWKWARD)]
    other = AWKWARD[(n * 7 + 3) % len(AWKWARD)]
    base = make_record(n) if n % 5 else plain_record(n)
    people = [
        link(AuthorityKind.PERSON, f"Person {n % 4}", Role.AUTHOR, f"Variant {n % 4}"),
        link(AuthorityKind.PERSON, f"Person {(n + 1) % 4}", Role.RECIPIENT),
        link(AuthorityKind.PERSON, f"Person {(n + 2) % 4}", Role.MENTIONED, "Person 0"),
        link(AuthorityKind.PERSON, f"Person {n % 4}", Role.MENTIONED),
        link(AuthorityKind.ORGANISATION, f"Org, {awkward}".strip(), Role.RECIPIENT, "Org"),
        link(AuthorityKind.PLACE, f"Place {other}".strip(), Role.MENTIONED),
        link(AuthorityKind.SUBJECT, f"Subject {n % 3}", Role.SUBJECT, "Topic"),
        link(AuthorityKind.SUBJECT, f"{awkward} subject".strip(), Role.SUBJECT),
    ]
    authorities = tuple(people[: n % (len(people) + 1)]) + base.authorities[: n % 3]
    stamp = datetime(2020, 1, 1, tzinfo=UTC) + timedelta(days=n, seconds=n * 37)
    micro = stamp.replace(microsecond=(n * 12345) % 1_000_000)
    relations = tuple(
        RelationView(0, kind, True, 0, uid(target), "")
        for kind, target in (
            (RelationType.REPLY_TO, (n + 1) % count + 1),
            (RelationType.PART_OF, (n + 5) % count + 1),
            (RelationType.SAME_AS, (n * 3) % count + 1),
        )[: n % 4]
        if target != n
    )
    return replace(
        base,
        title=f"{awkward or 'Untitled'} {n}",
        date=parse_date(DATES[n % len(DATES)]),
        summary=f"{other} — summary {n}, with {awkward}" if n % 6 else "",
        doc_type=["", "Letter", "Memo, internal", awkward or "Report"][n % 4],
        languages=(("Russian", awkward or "Korean", "English")[: n % 4]),
        archive=["", "AVPRF", f"Archive {awkward}".strip()][n % 3],
        source_ref=f"f. {n}, op. 2, d. {n * 3}; {awkward}",
        classification=["", "Top Secret", awkward][n % 3],
        collections=(f"Collection {n % 2}", awkward)[: n % 3],
        authorities=authorities,
        tags=(("todo", awkward, f"tag-{n % 5}"))[: (n + 1) % 4],
        annotations=tuple(
            Annotation(0, f"Note {i} on {n}: {awkward}", ["", "anna", "Борис"][i % 3], micro, stamp)
            for i in range(n % 3)
        ),
        relations=relations,
        attachments=tuple(
            Attachment(0, f"scans/{n}-{i}.pdf", ["scan", "", "translation"][i], "Russian", "")
            for i in range(n % 3)
        ),
        created=stamp if n % 2 else micro,
        modified=stamp + timedelta(hours=n) if n % 3 else stamp,
    )


@pytest.fixture
def varied(service: CatalogService, tmp_path: Path) -> CatalogService:
    """The service's catalogue holding 60 varied records and the 15 sample ones."""
    count = 60
    source = tmp_path / "varied.json"
    NativeJsonExporter().write([_record(n, count) for n in range(1, count + 1)], source)
    report, _ = service.import_file(source, "json")
    assert report.records == count, report.warnings
    service.load_sample()
    return service


def _reference(
    service: CatalogService, ids: Sequence[int], name: str, options: ExportOptions, out: Path
) -> int:
    """The export as the record path writes it (what every export did before)."""
    exporter = configured_exporter(service.registry, name, options)
    with unit_of_work.read(service.db) as session:
        details = records_repo.details(session, [int(i) for i in ids])
    return exporter.write([options.trimmed(r) for r in details], out)


def _bytes(path: Path) -> bytes:
    """The file, but for the time of the export in a native JSON header."""
    return re.sub(rb'"exported": "[^"]*"', b'"exported": ""', path.read_bytes())


def _same(
    service: CatalogService,
    ids: Sequence[int],
    name: str,
    tmp_path: Path,
    options: ExportOptions = EVERYTHING,
) -> bytes:
    old, new = tmp_path / f"old-{name}", tmp_path / f"new-{name}"
    expected = _reference(service, ids, name, options, old)
    assert service.export(ids, name, new, options=options) == expected
    assert _bytes(new) == _bytes(old)
    return new.read_bytes()


def test_the_fast_formats_take_the_fast_path(service: CatalogService) -> None:
    for name in FAST:
        assert isinstance(service.registry.exporters[name], BatchExporter)
    assert not isinstance(service.registry.exporters["xlsx"], BatchExporter)


@pytest.mark.parametrize("name", FAST)
def test_every_record_in_date_order(varied: CatalogService, name: str, tmp_path: Path) -> None:
    ids = varied.search("").ids
    assert len(ids) == 75
    _same(varied, ids, name, tmp_path)


def test_the_varied_catalogue_is_varied(varied: CatalogService, tmp_path: Path) -> None:
    varied.export(varied.search("").ids, "json", tmp_path / "all.json")
    records = json.loads((tmp_path / "all.json").read_text(encoding="utf-8"))["records"]
    names = [n for r in records for n in r["names"]]
    dates = [r["date"] for r in records]
    assert sum(bool(r["notes"]) for r in records) > 20
    assert sum(bool(r["relations"]) for r in records) > 20
    assert sum(bool(r["attachments"]) for r in records) > 20
    assert sum(bool(n["variants"]) for n in names) > 20
    assert {n["role"] for n in names} >= {"author", "recipient", "mentioned", "subject"}
    assert {n["kind"] for n in names} >= {"person", "organisation", "place", "subject"}
    assert sum(d["edtf"] is None for d in dates) > 1
    assert sum(d["approximate"] for d in dates) > 1 and sum(d["uncertain"] for d in dates) > 1
    assert sum("/" in (d["edtf"] or "") for d in dates) > 3
    text = json.dumps(records, ensure_ascii=False)
    for piece in ("Ким", "김일성", "📜", "\\n", "\\r", '\\"', "|", "=SUM", "\\u0007"):
        assert piece in text, piece


@pytest.mark.parametrize("name", FAST)
def test_any_order_repeats_and_missing_ids(
    varied: CatalogService, name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ids = list(varied.search("").ids)
    chosen = [*reversed(ids[10:40]), ids[12], 987_654_321, ids[0], ids[0], *ids[50:]]
    monkeypatch.setattr(exporting, "BATCH", 7)  # batches end anywhere
    _same(varied, chosen, name, tmp_path)


@pytest.mark.parametrize("name", FAST)
def test_small_caches_start_again_without_changing_a_byte(
    varied: CatalogService, name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(exporting, "BATCH", 5)
    monkeypatch.setattr(export_reads, "AUTHORITY_CACHE", 4)
    for module in (csv_export, native_json, csl_json):
        monkeypatch.setattr(module, "_CACHED", 3)
    _same(varied, varied.search("").ids, name, tmp_path)


@pytest.mark.parametrize("name", FAST)
@pytest.mark.parametrize(
    "extras",
    [
        frozenset(),
        frozenset({Extra.NOTES}),
        frozenset({Extra.RELATIONS}),
        frozenset({Extra.VARIANTS}),
        frozenset({Extra.NOTES, Extra.VARIANTS}),
    ],
)
def test_extras_left_out(
    varied: CatalogService, name: str, extras: frozenset[Extra], tmp_path: Path
) -> None:
    _same(varied, varied.search("").ids, name, tmp_path, ExportOptions(extras))


@pytest.mark.parametrize(
    "options",
    [
        ExportOptions(bom=True),
        ExportOptions(columns=("title",)),
        ExportOptions(columns=("summary",)),
        ExportOptions(columns=("relations", "uid", "notes", "date", "people")),
        ExportOptions(columns=tuple(reversed(COLUMNS)), bom=True),
        ExportOptions(frozenset({Extra.RELATIONS}), columns=("notes", "relations", "tags")),
    ],
)
def test_csv_columns_and_byte_order_mark(
    varied: CatalogService, options: ExportOptions, tmp_path: Path
) -> None:
    _same(varied, varied.search("").ids, "csv", tmp_path, options)


@pytest.mark.parametrize("name", FAST)
def test_no_records(varied: CatalogService, name: str, tmp_path: Path) -> None:
    _same(varied, [], name, tmp_path)
    _same(varied, [987_654_321], name, tmp_path)


@pytest.mark.parametrize("name", FAST)
def test_records_in_the_trash_and_renamed_authorities(
    varied: CatalogService, name: str, tmp_path: Path
) -> None:
    ids = list(varied.search("").ids)
    with unit_of_work.write(varied.db) as session:
        session.execute(
            text("UPDATE records SET deleted = :yes WHERE id = :id"), {"yes": True, "id": ids[3]}
        )
        session.execute(
            text(
                "UPDATE authorities SET name = 'Person 1 (renamed), \"x\"' WHERE name = 'Person 1'"
            )
        )
        session.execute(
            text("UPDATE records SET doc_type_id = NULL, repository_id = NULL WHERE id = :id"),
            {"id": ids[4]},
        )
    _same(varied, ids, name, tmp_path)


@pytest.mark.parametrize("name", FAST)
def test_a_role_this_catalog_does_not_know_fails_as_before(
    varied: CatalogService, name: str, tmp_path: Path
) -> None:
    ids = varied.search("").ids
    with unit_of_work.write(varied.db) as session:
        session.execute(
            text(
                "UPDATE record_authorities SET role = 'patron'"
                " WHERE id = (SELECT MIN(id) FROM record_authorities)"
            )
        )
    with pytest.raises(KeyError, match="patron"):
        _reference(varied, ids, name, EVERYTHING, tmp_path / "old")
    with pytest.raises(KeyError, match="patron"):
        varied.export(ids, name, tmp_path / "new")


def test_the_collector_rests_only_while_a_fast_export_runs(
    varied: CatalogService, tmp_path: Path
) -> None:
    seen: list[bool] = []
    varied.export(
        varied.search("").ids, "csv", tmp_path / "x.csv", lambda _: seen.append(gc.isenabled())
    )
    assert seen[0] and not any(seen[1:-1]) and seen[-1] and gc.isenabled()
    with exporting.collector_paused():
        with exporting.collector_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()


def test_a_failed_export_leaves_the_collector_and_the_page_cache_as_they_were(
    varied: CatalogService, tmp_path: Path
) -> None:
    (tmp_path / "out").mkdir()

    def stop(progress: Progress) -> None:
        if progress.done:
            raise RuntimeError("cancelled")

    with pytest.raises(RuntimeError, match="cancelled"):
        varied.export(varied.search("").ids, "json", tmp_path / "out" / "x.json", stop)
    assert gc.isenabled() and not list((tmp_path / "out").iterdir())
    if varied.db.dialect == "sqlite":
        with unit_of_work.read(varied.db) as session:
            size = session.connection().exec_driver_sql("PRAGMA cache_size").scalar()
        assert size == -READER_CACHE_KIB


def test_the_reader_gives_sqlite_its_page_cache_back(service: CatalogService) -> None:
    if service.db.dialect != "sqlite":
        pytest.skip("a SQLite setting")
    with unit_of_work.read(service.db) as session:
        connection = session.connection()

        def size() -> object:
            return connection.exec_driver_sql("PRAGMA cache_size").scalar()

        assert size() == -READER_CACHE_KIB
        with export_reads.ExportReader(session) as reader:
            assert size() == -export_reads.SQLITE_CACHE_KIB
            assert reader.batch([1, 2]) == []
        assert size() == -READER_CACHE_KIB


# ----------------------------------------------------------------------------- pieces


def _export_record(record: RecordDetail) -> ExportRecord:
    """A RecordDetail as the reader would hand it over (for the writers' own tests)."""
    date = record.date
    return ExportRecord(
        record.id, record.uid, record.title, date.text, date.edtf, date.lower, date.upper,
        int(date.precision), date.approximate, date.uncertain, record.summary,
        record.source_ref, record.classification, record.created, record.modified,
        record.doc_type, record.archive, record.languages, record.collections, record.tags,
        tuple((a.kind.value, a.name, a.role.value, a.variants) for a in record.authorities),
        tuple((n.text, n.author, n.created, n.modified) for n in record.annotations),
        tuple((r.type.value, r.other_uid) for r in record.relations if r.outgoing),
        tuple((a.path, a.role, a.language, a.sha256) for a in record.attachments),
    )  # fmt: skip


@pytest.mark.parametrize("name", FAST)
def test_a_lone_surrogate_names_its_record_as_before(name: str, tmp_path: Path) -> None:
    records = [make_record(1), make_record(2, summary="bad \ud800 text"), make_record(3)]
    exporter = configured_exporter(REGISTRY, name, EVERYTHING)
    assert isinstance(exporter, BatchExporter)
    with pytest.raises(ExportError) as old:
        exporter.write(records, tmp_path / "old")
    with pytest.raises(ExportError) as new:
        exporter.write_batches([[_export_record(r) for r in records]], tmp_path / "new")
    assert str(new.value) == str(old.value) and uid(2) in str(new.value)


@pytest.mark.parametrize("name", FAST)
def test_the_writers_alone_match_on_made_up_records(name: str, tmp_path: Path) -> None:
    records = [make_record(1), plain_record(2), make_record(3, date=parse_date("1950/1960~"))]
    exporter = configured_exporter(REGISTRY, name, EVERYTHING)
    assert isinstance(exporter, BatchExporter)
    exporter.write(records, tmp_path / "old")
    exporter.write_batches(
        [[_export_record(r) for r in records[:2]], [], [_export_record(records[2])]],
        tmp_path / "new",
    )
    assert _bytes(tmp_path / "new") == _bytes(tmp_path / "old")


cell = st.text(st.characters(codec="utf-8"), max_size=12) | st.sampled_from(AWKWARD)


@given(st.lists(cell, min_size=1, max_size=6))
def test_csv_lines_are_what_the_csv_module_writes(cells: list[str]) -> None:
    buffer = io.StringIO(newline="")
    csv.writer(buffer, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL).writerow(cells)
    assert csv_line(cells) == buffer.getvalue()


zones: st.SearchStrategy[tzinfo] = st.sampled_from(
    [UTC, timezone(timedelta(hours=9)), timezone(-timedelta(hours=12, minutes=30))]
)
moments = st.datetimes(datetime(1, 1, 2), datetime(9999, 12, 30)) | st.datetimes(
    datetime(1, 1, 2), datetime(9999, 12, 30), timezones=zones
)


def _sqlite_text(moment: datetime) -> str:
    """A naive datetime as SQLAlchemy stores it in SQLite."""
    return (
        f"{moment.year:04d}-{moment.month:02d}-{moment.day:02d} {moment.hour:02d}:"
        f"{moment.minute:02d}:{moment.second:02d}.{moment.microsecond:06d}"
    )


@given(moments)
def test_timestamps_are_written_as_native_json_writes_them(moment: datetime) -> None:
    expected = format_timestamp(moment)
    assert iso_timestamp(moment) == expected
    assert iso_stored(moment) == expected
    if moment.tzinfo is None:  # as SQLite stores it, read back as SQLAlchemy reads it
        assert iso_stored(_sqlite_text(moment)) == expected
        assert iso_stored(moment.isoformat(sep=" ")) == expected
    else:
        assert iso_stored(moment.isoformat()) == expected
