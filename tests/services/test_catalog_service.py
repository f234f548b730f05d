"""CatalogService use cases on SQLite and PostgreSQL: import, search, facets, export."""

from __future__ import annotations

import json
import threading
from pathlib import Path

import pytest

from catalog.domain.errors import ImportFileError, QueryError
from catalog.domain.views import FacetName, SortKey
from catalog.services.catalog import CatalogService


def snapshot(service: CatalogService) -> list[tuple[str, str, str, str]]:
    """What the catalogue holds, for before/after comparisons."""
    ids = service.search("").ids
    return [(d.uid, d.title, d.date.text, d.summary) for d in service.details(list(ids))]


def test_sample_loads_with_dates_and_types(sample_service: CatalogService) -> None:
    assert sample_service.count() == 15
    first = sample_service.detail(sample_service.search("").ids[0])
    assert first.date.text == "December 06, 1955" and first.date.edtf == "1955-12-06"
    assert first.doc_type == "Journal/Diary"
    october = sample_service.search('"Consular Affairs Department" date:1959-10')
    (detail,) = sample_service.details(list(october.ids))
    assert detail.date.text == "October, 1959" and detail.date.edtf == "1959-10"


def test_search_folds_case_and_finds_prefixes(sample_service: CatalogService) -> None:
    assert sample_service.search("CITIZENSHIP").total == sample_service.search("citizenship").total
    assert sample_service.search("veteran*").total == 2
    assert sample_service.search("title:journal").total == 6


def test_malformed_query_is_a_query_error_with_a_position(sample_service: CatalogService) -> None:
    with pytest.raises(QueryError) as raised:
        sample_service.search("citizenship colour:red")
    assert raised.value.position == len("citizenship ")


def test_facets_count_the_current_query(sample_service: CatalogService) -> None:
    facets = {f.name: f for f in sample_service.facets("citizenship", [FacetName.TYPE])}
    counts = {v.label: v.count for v in facets["type"].values}
    assert sum(counts.values()) == sample_service.search("citizenship").total
    cable = next(v for v in facets["type"].values if v.label == "Cable")
    assert sample_service.search(f"citizenship {cable.clause}").total == cable.count


def test_refresh_is_the_same_with_and_without_the_index(sample_service: CatalogService) -> None:
    limits = dict.fromkeys(FacetName, 3)
    before = sample_service.refresh("citizenship OR benefits", SortKey.TITLE, False, limits)
    sample_service.prepare_index()
    assert sample_service.engine.index_ready
    after = sample_service.refresh("citizenship OR benefits", SortKey.TITLE, False, limits)
    assert list(after.result.ids) == list(before.result.ids)
    assert after.facets == before.facets
    assert after.catalogue_total == before.catalogue_total == 15


def test_facets_are_counted_on_threads_that_stop_with_the_engine(
    sample_service: CatalogService,
) -> None:
    limits = dict.fromkeys(FacetName, 3)
    sample_service.prepare_index()
    first = sample_service.refresh("citizenship", SortKey.TITLE, False, limits)
    counters = [t for t in threading.enumerate() if t.name.startswith("facet-count")]
    assert counters  # the counts came from the counting threads
    sample_service.engine.close()
    for thread in counters:
        thread.join(timeout=10)
        assert not thread.is_alive()
    again = sample_service.refresh("citizenship", SortKey.TITLE, False, limits)  # new threads
    assert again.facets == first.facets


def test_a_released_index_frees_it_and_answers_stay_the_same(
    sample_service: CatalogService,
) -> None:
    sample_service.prepare_index()
    with_index = list(sample_service.search("citizenship", SortKey.TITLE).ids)
    sample_service.release_index()
    assert not sample_service.engine.index_ready
    assert list(sample_service.search("citizenship", SortKey.TITLE).ids) == with_index


def test_index_is_not_used_once_stale(sample_service: CatalogService, tmp_path: Path) -> None:
    sample_service.prepare_index()
    extra = tmp_path / "extra.txt"
    extra.write_text("• March 3, 1962\n\nCable about citizenship\n\nA new cable.\n")
    sample_service.import_file(extra)
    # The index was built before the import: answers must come from the database.
    assert sample_service.search("date:1962").total == 1


def test_dry_run_reports_and_writes_nothing(service: CatalogService, sample_listing: Path) -> None:
    report, changes = service.import_file(sample_listing, dry_run=True)
    assert report.dry_run and report.records == 15 and changes.empty
    assert service.count() == 0


def test_bad_file_leaves_the_catalogue_unchanged(
    sample_service: CatalogService, tmp_path: Path
) -> None:
    before = snapshot(sample_service)
    bad = tmp_path / "bad.json"
    bad.write_text(
        '{"format": "catalog", "version": 1, "records": [\n{"title": "ok"},\n{"title": ""}\n]}'
    )
    with pytest.raises(ImportFileError) as raised:
        sample_service.import_file(bad)
    assert "bad.json" in str(raised.value)
    assert snapshot(sample_service) == before


def test_cancelled_import_leaves_nothing(service: CatalogService, tmp_path: Path) -> None:
    from catalog.services.jobs import JobCancelled, Progress

    big = tmp_path / "big.csv"
    big.write_text(
        "title,date\n" + "".join(f"Cable {n},1959-10-{n % 28 + 1:02d}\n" for n in range(5000))
    )

    def cancel_after_first_batch(progress: Progress) -> None:
        if progress.done >= 2000:
            raise JobCancelled

    with pytest.raises(JobCancelled):
        service.import_file(big, progress=cancel_after_first_batch)
    assert service.count() == 0


def test_an_import_cancelled_while_its_indexes_are_built_leaves_nothing(
    service: CatalogService, tmp_path: Path
) -> None:
    from catalog.services.jobs import JobCancelled, Progress

    if service.db.dialect != "sqlite":
        pytest.skip("only a SQLite import sets indexes aside, to build them at its end")
    listing = tmp_path / "cables.csv"
    listing.write_text("title,date\n" + "".join(f"Cable {n},1959\n" for n in range(3000)))
    said: list[str] = []

    def cancel_while_indexing(progress: Progress) -> None:
        said.append(progress.message)
        if "indexes" in progress.message:
            raise JobCancelled

    with pytest.raises(JobCancelled):
        service.import_file(listing, progress=cancel_while_indexing)
    assert "Building the catalogue's indexes" in said
    assert service.count() == 0


def test_reimporting_native_json_skips_records_already_there(
    sample_service: CatalogService, tmp_path: Path
) -> None:
    out = tmp_path / "all.json"
    sample_service.export(sample_service.search("").ids, "json", out)
    report, _ = sample_service.import_file(out)
    assert report.records == 0 and any("skipped" in w for w in report.warnings)
    assert sample_service.count() == 15


def test_native_json_export_then_import_gives_the_same_catalogue(
    sample_service: CatalogService, tmp_path: Path
) -> None:
    out = tmp_path / "all.json"
    assert sample_service.export(sample_service.search("").ids, "json", out) == 15
    copy = CatalogService.open(tmp_path / "copy.sqlite")
    try:
        copy.import_file(out)
        originals = sample_service.details(list(sample_service.search("").ids))
        copies = copy.details(list(copy.search("").ids))
        strip = lambda d: (d.uid, d.title, d.date, d.summary, d.doc_type, d.created)  # noqa: E731
        assert [strip(d) for d in copies] == [strip(d) for d in originals]
    finally:
        copy.close()


def test_csv_export_imports_back(sample_service: CatalogService, tmp_path: Path) -> None:
    out = tmp_path / "all.csv"
    sample_service.export(sample_service.search("").ids, "csv", out)
    copy = CatalogService.open(tmp_path / "copy.sqlite")
    try:
        report, _ = copy.import_file(out)
        assert report.format == "csv" and report.records == 15
        assert snapshot(copy) == snapshot(sample_service)
    finally:
        copy.close()


def test_csl_json_export_is_valid(
    sample_service: CatalogService, tmp_path: Path, corpus: Path
) -> None:
    import jsonschema

    out = tmp_path / "cite.json"
    sample_service.export(sample_service.search("").ids, "csl-json", out)
    items = json.loads(out.read_text())
    schema = json.loads((corpus / "schemas" / "csl" / "csl-data.json").read_text())
    jsonschema.Draft7Validator(schema).validate(items)
    october = next(i for i in items if i["title"].startswith("Cable, Chinese Embassy"))
    assert october["issued"]["date-parts"] == [[1959, 10]]


def test_export_never_leaves_a_partial_file(sample_service: CatalogService, tmp_path: Path) -> None:
    from catalog.services.jobs import JobCancelled, Progress

    folder = tmp_path / "exports"
    folder.mkdir()
    out = folder / "x.json"
    out.write_text("previous export")

    def cancel(progress: Progress) -> None:
        if progress.done:
            raise JobCancelled

    with pytest.raises(JobCancelled):
        sample_service.export(sample_service.search("").ids, "json", out, progress=cancel)
    assert out.read_text() == "previous export"
    assert [p.name for p in folder.iterdir()] == ["x.json"]


def test_check_finds_nothing_wrong(sample_service: CatalogService) -> None:
    assert sample_service.check() == []


def test_check_finds_a_stale_full_text_index(sample_service: CatalogService) -> None:
    from catalog.store import unit_of_work

    with unit_of_work.write(sample_service.db) as session:
        table = "record_fts" if sample_service.db.dialect == "sqlite" else "record_search"
        key = "rowid" if table == "record_fts" else "record_id"
        session.connection().exec_driver_sql(f"DELETE FROM {table} WHERE {key} = 1")
    faults = sample_service.check()
    assert [f.area for f in faults] == ["full-text index"]


def test_exported_file_gets_ordinary_permissions(
    sample_service: CatalogService, tmp_path: Path
) -> None:
    import os

    umask = os.umask(0o022)
    try:
        out = tmp_path / "out.csv"
        sample_service.export(sample_service.search("").ids, "csv", out)
        assert out.stat().st_mode & 0o777 == 0o644
    finally:
        os.umask(umask)


def test_a_window_refresh_of_a_large_result_waits_for_the_index(
    sample_service: CatalogService, monkeypatch: pytest.MonkeyPatch
) -> None:
    from catalog.services import search_engine

    monkeypatch.setattr(search_engine, "SQL_FACETS_UP_TO", 5)
    deferred = sample_service.refresh("citizenship", defer_facets=True)
    assert deferred.facets_pending and deferred.facets == []
    assert deferred.result.total == 10
    small = sample_service.refresh("date:1955", defer_facets=True)
    assert not small.facets_pending and small.facets
    assert not sample_service.refresh("citizenship").facets_pending  # the command line waits
    sample_service.prepare_index()
    ready = sample_service.refresh("citizenship", defer_facets=True)
    assert not ready.facets_pending
    assert ready.facets == sample_service.refresh("citizenship").facets


@pytest.mark.parametrize("indexed", [False, True])
def test_a_limited_search_gives_the_first_ids_and_the_whole_count(
    sample_service: CatalogService, indexed: bool
) -> None:
    if indexed:
        sample_service.prepare_index()
    everything = sample_service.search("citizenship", SortKey.TITLE, descending=True)
    first = sample_service.search("citizenship", SortKey.TITLE, descending=True, limit=3)
    assert list(first.ids) == list(everything.ids[:3])
    assert first.total == everything.total == 10
    few = sample_service.search("date:1955", limit=3)
    assert few.total == len(few.ids) == 2


def test_a_large_import_reports_its_ids_compactly(
    service: CatalogService, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from catalog.services import importing

    monkeypatch.setattr(importing, "LISTED_CHANGES", 10)
    big = tmp_path / "big.csv"
    big.write_text("title\n" + "".join(f"Cable {n}\n" for n in range(25)))
    report, changes = service.import_file(big)
    assert isinstance(report.record_ids, range) and len(report.record_ids) == 25
    assert changes.bulk and changes.added == frozenset()
    small = tmp_path / "small.csv"
    small.write_text("title\nOne more cable\n")
    _, changes = service.import_file(small)
    assert not changes.bulk and len(changes.added) == 1


def test_compact_keeps_gaps() -> None:
    from catalog.services.importing import compact

    assert compact([4, 5, 6]) == range(4, 7)
    assert compact([4, 6]) == (4, 6)
    assert compact([]) == ()
