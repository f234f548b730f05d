"""The cycle collector is paused while an import runs, and only then."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from catalog.domain.collation import Collation
from catalog.domain.errors import ImportFileError
from catalog.domain.records import RecordInput
from catalog.services import importing
from catalog.services.catalog import CatalogService
from catalog.services.collection_pause import collection_paused
from catalog.services.transfer.registry import Importer


@pytest.fixture
def collector() -> Iterator[None]:
    was = gc.isenabled()
    gc.enable()
    yield
    if not was:
        gc.disable()


def test_a_pause_resumes_after_the_last_of_nested_or_parallel_ones(collector: None) -> None:
    entered, leave = threading.Event(), threading.Event()

    def pause_elsewhere() -> None:
        with collection_paused():
            entered.set()
            leave.wait(10)

    other = threading.Thread(target=pause_elsewhere)
    with collection_paused():
        assert not gc.isenabled()
        with collection_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()
        other.start()
        assert entered.wait(10)
    assert not gc.isenabled(), "the other thread's pause has not ended"
    leave.set()
    other.join()
    assert gc.isenabled()


def test_a_pause_keeps_a_collector_that_was_off_off() -> None:
    was = gc.isenabled()
    gc.disable()
    try:
        with collection_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()
    finally:
        if was:
            gc.enable()


def test_an_import_runs_paused_and_resumes_after_a_failure(
    collector: None,
    service: CatalogService,
    sample_listing: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    seen: list[bool] = []
    read = importing.checked

    def checked(importer: Importer, path: Path, order: Collation) -> Iterator[RecordInput]:
        for item in read(importer, path, order):
            seen.append(gc.isenabled())
            yield item

    monkeypatch.setattr(importing, "checked", checked)
    report, _ = service.import_file(sample_listing, "listing")
    assert report.records == len(seen) and not any(seen)
    assert gc.isenabled()
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "catalog", "version": 1, "records": [{"title": ""}]}')
    with pytest.raises(ImportFileError):
        service.import_file(bad, "json")
    assert gc.isenabled()
