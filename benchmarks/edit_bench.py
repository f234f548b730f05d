"""Editing benchmarks: a single save, its undo, a bulk edit of 10,000 records, and a
small import into the large catalogue.

They run on a copy of the kept catalogue (the kept one stays as the other benchmarks
left it), each beside its raw-SQL floor: the same rows written with ``sqlite3`` and no
checks, no change log, no full-text index and no undo step.

After each edit or import the window refreshes its list and sidebar; that refresh first
mends the search index for the rows written (``store.columnar_patch``). It is timed too,
beside the same refresh once the index is current again.
"""

from __future__ import annotations

import random
import shutil
import sqlite3
import time
from collections.abc import Callable
from dataclasses import replace
from functools import partial
from pathlib import Path

from benchmarks.results import Row, SizeResult, median, say
from catalog.domain.drafts import RecordDraft
from catalog.services.catalog import CatalogService
from catalog.services.editing import bulk
from catalog.services.import_matching import DuplicatePolicy

BULK_SIZE = 10_000
IMPORT_SIZE = 1_000
# The refresh after an edit: a facet click, every sidebar facet counted.
AFTER_EDIT = "type:Cable"


def editing_rows(catalogue: Path, result: SizeResult, runs: int, seed: int) -> None:
    """Measure saves, undos and bulk edits on a scratch copy of ``catalogue``."""
    scratch = catalogue.with_name("edit-scratch.sqlite")
    say(f"  copying the catalogue to {scratch.name}")
    shutil.copyfile(catalogue, scratch)
    try:
        service = CatalogService.open(scratch, user="bench", cache_dir=scratch.parent / "cache")
        try:
            service.prepare_index()
            ids = _record_ids(scratch)
            rng = random.Random(seed)
            _single(service, result, rng.sample(ids, runs), scratch)
            _bulk(service, result, [rng.sample(ids, BULK_SIZE) for _ in range(runs)], scratch)
            _import(service, result, [rng.sample(ids, IMPORT_SIZE) for _ in range(runs)], scratch)
        finally:
            service.close()
    finally:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{scratch}{suffix}").unlink(missing_ok=True)


def _single(service: CatalogService, result: SizeResult, ids: list[int], scratch: Path) -> None:
    saves, undos, mended, current = [], [], [], []
    editor = service.editor
    assert editor is not None, "the benchmark catalogue is read-only here"
    for rid in ids:
        record = service.detail(rid)
        draft = replace(
            RecordDraft.from_detail(record),
            title=record.title + " (revised)",
            tags=(*record.tags, "revised"),
        )
        saves.append(_seconds(partial(editor.update_record, rid, draft, record.version)))
        mended.append(_refresh(service))
        current.append(_refresh(service))
        undos.append(_seconds(editor.undo))
        mended.append(_refresh(service))
        current.append(_refresh(service))
    result.add(Row("Editing", f"refresh right after a save or undo ({AFTER_EDIT}, index mended)"
                   " — floor: the same refresh, index current", median=median(mended),
                   runs=len(mended), floor=median(current), target="refresh"))  # fmt: skip
    floor = median([_floor_single(scratch, rid) for rid in ids])
    result.add(Row("Editing", "save an edited record", median=median(saves), runs=len(ids),
                   floor=floor, target="save"))  # fmt: skip
    result.add(Row("Editing", "undo that save", median=median(undos), runs=len(ids),
                   floor=floor, target="save"))  # fmt: skip


def _bulk(
    service: CatalogService, result: SizeResult, selections: list[list[int]], scratch: Path
) -> None:
    previews, applies, undos, mended, current = [], [], [], [], []
    editor = service.editor
    assert editor is not None, "the benchmark catalogue is read-only here"
    for run, ids in enumerate(selections):
        operation = bulk.AddTag(f"bench bulk {run}")
        started = time.perf_counter()
        preview = bulk.preview(editor, ids, operation)
        previews.append(time.perf_counter() - started)
        applies.append(_seconds(partial(bulk.apply, editor, preview, operation)))
        mended.append(_refresh(service))
        current.append(_refresh(service))
        undos.append(_seconds(editor.undo))
    floor = median([_floor_bulk(scratch, ids) for ids in selections])
    runs = len(selections)
    result.add(Row("Editing", f"bulk edit preview, {BULK_SIZE:,} records (add a tag)",
                   median=median(previews), runs=runs))  # fmt: skip
    result.add(Row("Editing", f"bulk edit apply, {BULK_SIZE:,} records (add a tag)",
                   median=median(applies), runs=runs, floor=floor, target="bulk"))  # fmt: skip
    result.add(Row("Editing", f"undo that bulk edit, {BULK_SIZE:,} records",
                   median=median(undos), runs=runs, floor=floor, target="bulk"))  # fmt: skip
    result.add(Row("Editing", f"refresh right after that bulk edit ({AFTER_EDIT}, index mended)"
                   " — floor: the same refresh, index current", median=median(mended),
                   runs=runs, floor=median(current)))  # fmt: skip


def _import(
    service: CatalogService, result: SizeResult, selections: list[list[int]], scratch: Path
) -> None:
    """Records of the catalogue exported and imported again as new ones, then undone."""
    editor = service.editor
    assert editor is not None, "the benchmark catalogue is read-only here"
    file = scratch.with_name("import-scratch.json")
    imports, mended, current = [], [], []
    try:
        for ids in selections:
            service.export(ids, "json", file)
            imports.append(_seconds(partial(service.import_file, file, "json",
                                            duplicates=DuplicatePolicy.NEW)))  # fmt: skip
            mended.append(_refresh(service))
            current.append(_refresh(service))
            editor.undo()
    finally:
        file.unlink(missing_ok=True)
    runs = len(selections)
    result.add(Row("Editing", f"import {IMPORT_SIZE:,} records (native JSON, as new records)",
                   median=median(imports), runs=runs))  # fmt: skip
    result.add(Row("Editing", f"refresh right after that import ({AFTER_EDIT}, index mended)"
                   " — floor: the same refresh, index current", median=median(mended),
                   runs=runs, floor=median(current)))  # fmt: skip


def _refresh(service: CatalogService) -> float:
    """The window's refresh after an edit; it must come from the index, not SQL."""
    started = time.perf_counter()
    service.refresh(AFTER_EDIT, defer_facets=True)
    elapsed = time.perf_counter() - started
    assert service.engine.index_generation == service.generation(), "the index was not mended"
    return elapsed


def _seconds(work: Callable[[], object]) -> float:
    started = time.perf_counter()
    work()
    return time.perf_counter() - started


def _record_ids(catalogue: Path) -> list[int]:
    with sqlite3.connect(catalogue) as connection:
        return [rid for (rid,) in connection.execute("SELECT id FROM records WHERE NOT deleted")]


def _floor_single(catalogue: Path, rid: int) -> float:
    """One UPDATE of a title, committed: what any save costs at least."""
    connection = sqlite3.connect(catalogue, isolation_level=None)
    try:
        started = time.perf_counter()
        connection.execute("BEGIN IMMEDIATE")
        connection.execute("UPDATE records SET title = title || '' WHERE id = ?", (rid,))
        connection.execute("COMMIT")
        return time.perf_counter() - started
    finally:
        connection.close()


def _floor_bulk(catalogue: Path, ids: list[int]) -> float:
    """The tag rows of a bulk "add a tag", inserted and committed in one transaction."""
    connection = sqlite3.connect(catalogue, isolation_level=None)
    try:
        connection.execute("INSERT INTO tags (name, key, uid, created, modified, version)"
                           " VALUES ('floor', 'floor', 'floor-tag', 0, 0, 1)")  # fmt: skip
        tag = connection.execute("SELECT id FROM tags WHERE key = 'floor'").fetchone()[0]
        started = time.perf_counter()
        connection.execute("BEGIN IMMEDIATE")
        connection.executemany(
            "INSERT INTO record_tags (record_id, tag_id) VALUES (?, ?)", [(i, tag) for i in ids]
        )
        connection.execute("COMMIT")
        elapsed = time.perf_counter() - started
        connection.execute("DELETE FROM record_tags WHERE tag_id = ?", (tag,))
        connection.execute("DELETE FROM tags WHERE id = ?", (tag,))
        return elapsed
    finally:
        connection.close()
