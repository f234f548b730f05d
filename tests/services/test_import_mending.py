"""After an import the search index is mended for the new records, not rebuilt.

An archivist adding a finding aid of a few hundred records to a catalogue of a million
used to wait for a rebuild (about 19 s there, the sidebar's counts "being counted"
meanwhile). Each import below runs on a catalogue whose index is loaded; the next
search must find the index current without a rebuild, and equal to a fresh build.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from catalog.domain.records import RelationType
from catalog.services.catalog import CatalogService
from catalog.services.import_matching import DuplicatePolicy
from catalog.store import write_log
from tests.services.test_index_mending import Editing, assert_same, editor_of, rebuilt


def catalogue_with_index(service: CatalogService) -> Editing:
    editing = Editing(service, 11)
    for _ in range(10):
        editing.create()
    editor_of(service).link(editing.ids[0], editing.ids[1], RelationType.RELATED_TO)
    service.prepare_index()
    return editing


def record(title: str, **fields: object) -> dict[str, object]:
    return {"title": title, **fields}


def write_json(folder: Path, records: list[dict[str, object]]) -> Path:
    path = folder / "import.json"
    path.write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")
    return path


def imported_records(service: CatalogService, editing: Editing) -> list[dict[str, object]]:
    """Records that reach into everything the index holds: titles among and equal to the
    catalogue's, new and known names, new vocabulary values, relations to records already
    there and to each other, notes and attachments."""
    known = service.detail(editing.ids[2]).uid
    return [
        record(
            "Memo",  # a title the catalogue has already
            uid="import-1",
            date="October, 1959",
            doc_type="Telegram",
            languages=["Hungarian", "Russian"],
            archive="Hungarian National Archives",
            collections=["Veterans", "New collection"],
            tags=["imported"],
            names=[
                {"kind": "person", "name": "Kim Il Sung", "role": "author"},
                {"kind": "person", "name": "Imre Nagy", "role": "recipient"},
                {"kind": "place", "name": "Budapest"},
            ],
            relations=[{"type": "related_to", "target": known}],
            notes=[{"text": "checked against the original"}],
        ),
        record(
            "Ёлка в Пхеньяне",
            uid="import-2",
            date="1956-11",
            names=[{"kind": "subject", "name": "Hungarian revolution"}],
            relations=[{"type": "part_of", "target": "import-1"}],
            attachments=[{"path": "scans/import-2.pdf"}],
        ),
        record("黄玉贵的信", date="c. 1950", doc_type="Letter", archive="AVPRF"),
        record("Aardvark report", date=""),
        record("zzz last title", date="undated", tags=["todo"]),
    ]


def assert_mended(service: CatalogService) -> None:
    service.search("")  # mends the index; a search never rebuilds it (SQL answers then)
    index = service.engine._index
    assert index is not None and index.generation == service.generation()
    assert_same(index, rebuilt(service))


def test_an_import_mends_the_index(service: CatalogService, tmp_path: Path) -> None:
    editing = catalogue_with_index(service)
    report, _changes = service.import_file(
        write_json(tmp_path, imported_records(service, editing)), "json"
    )
    assert report.records == 5
    assert_mended(service)


def test_the_sample_listing_imported_twice_mends_the_index(service: CatalogService) -> None:
    catalogue_with_index(service)
    service.load_sample()
    assert_mended(service)
    service.load_sample()  # the same titles and dates again, beside the first ones
    assert_mended(service)


def test_undoing_an_import_mends_the_index(service: CatalogService, tmp_path: Path) -> None:
    editing = catalogue_with_index(service)
    service.import_file(write_json(tmp_path, imported_records(service, editing)), "json")
    assert_mended(service)
    editor_of(service).undo()
    assert_mended(service)
    editor_of(service).redo()
    assert_mended(service)


def test_records_updated_by_an_import_are_mended(service: CatalogService, tmp_path: Path) -> None:
    editing = catalogue_with_index(service)
    known = service.detail(editing.ids[3])
    update = record(
        "Zeta report, revised",
        uid=known.uid,
        date="1962",
        doc_type="Report",
        names=[{"kind": "person", "name": "Someone New", "role": "author"}],
        tags=["revised"],
    )
    path = write_json(tmp_path, [update, record("Another new record", date="1958")])
    report, _changes = service.import_file(path, "json", duplicates=DuplicatePolicy.UPDATE)
    assert (report.records, report.updated) == (1, 1)
    assert_mended(service)


def test_an_import_into_an_empty_catalogue_mends_its_empty_index(service: CatalogService) -> None:
    service.prepare_index()
    service.load_sample()
    assert_mended(service)


def test_an_import_larger_than_the_mending_limit_rebuilds(
    service: CatalogService, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    editing = catalogue_with_index(service)
    monkeypatch.setattr(write_log, "MENDS_UP_TO", 3)
    from catalog.store import bulk

    monkeypatch.setattr(bulk, "MENDS_UP_TO", 3)
    service.import_file(write_json(tmp_path, imported_records(service, editing)), "json")
    service.search("")
    index = service.engine._index
    assert index is not None and index.generation < service.generation()  # not mended
    assert_same(service.engine.prepare_index(), rebuilt(service))
