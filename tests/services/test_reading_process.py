"""A large import file is read in a second process: same records, same errors, no leftovers."""

from __future__ import annotations

import json
import pickle
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from catalog.domain.collation import collation
from catalog.domain.errors import ImportFileError, QueryError
from catalog.domain.prepared import date_of, prepare, prepared_parts
from catalog.domain.records import RecordInput
from catalog.services import importing, reading_process
from catalog.services.catalog import CatalogService
from catalog.services.jobs import JobCancelled, Progress
from catalog.services.reading_process import read_records
from catalog.services.transfer.listing import ListingImporter
from catalog.services.transfer.native_json import NativeJsonImporter

SAMPLE = Path(__file__).parents[2] / "data" / "sample-listing.txt"


@pytest.fixture
def every_file_in_a_process(monkeypatch: pytest.MonkeyPatch) -> list[subprocess.Popen[bytes]]:
    """Reads every file in a second process; lists the processes started."""
    monkeypatch.setattr(reading_process, "SMALLEST", 0)
    monkeypatch.setattr(reading_process, "BATCH", 3)  # several batches from small files
    started: list[subprocess.Popen[bytes]] = []
    real = subprocess.Popen

    def popen(*args: Any, **kwargs: Any) -> subprocess.Popen[bytes]:
        process = real(*args, **kwargs)
        started.append(process)
        return process

    monkeypatch.setattr(reading_process.subprocess, "Popen", popen)
    return started


def native_file(path: Path, count: int, **extra: object) -> Path:
    records = [
        {"uid": f"uid-{n}", "title": f"Cable {n} from Pyongyang", "date": "1959", **extra}
        for n in range(count)
    ]
    path.write_text(json.dumps({"format": "catalog", "records": records}), encoding="utf-8")
    return path


def refuse_reading_here(monkeypatch: pytest.MonkeyPatch, importer: type[Any]) -> None:
    """The importer fails if it reads in this process (the child is a new interpreter)."""

    def read(self: object, path: Path) -> Iterator[RecordInput]:
        raise AssertionError("read in the importing process")

    monkeypatch.setattr(importer, "read", read)


def test_the_child_reads_the_same_records_in_order(
    every_file_in_a_process: list[subprocess.Popen[bytes]],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    source = native_file(tmp_path / "cables.json", 10)
    here = list(NativeJsonImporter().read(source))
    refuse_reading_here(monkeypatch, NativeJsonImporter)

    there = list(read_records(NativeJsonImporter(), source))

    assert there == here and len(there) == 10
    # Each with its date and index texts worked out there, as storing it here would.
    root = collation()
    assert [prepared_parts(r) for r in there] == [prepared_parts(prepare(r, root)) for r in here]
    assert all(prepared_parts(r) is not None for r in there)
    [child] = every_file_in_a_process
    assert child.returncode == 0


def test_a_batch_carries_each_name_and_date_once(
    every_file_in_a_process: list[subprocess.Popen[bytes]], tmp_path: Path
) -> None:
    """Records naming the same person on the same date share those values, so that a
    batch is pickled, sent and unpickled with each of them once."""
    person = {"kind": "person", "name": "Kim Il Sung", "role": "author"}
    source = native_file(tmp_path / "cables.json", 3, names=[person])

    first, second, third = read_records(NativeJsonImporter(), source)  # one batch of 3

    assert first.names == second.names == third.names and len(first.names) == 1
    assert first.names[0] is second.names[0] is third.names[0]
    assert date_of(first) == date_of(second) and date_of(first).edtf == "1959"
    assert date_of(first) is date_of(second) is date_of(third)


def test_what_the_importer_learnt_comes_back(
    every_file_in_a_process: list[subprocess.Popen[bytes]], tmp_path: Path
) -> None:
    source = native_file(tmp_path / "cables.json", 4, colour="red")
    importer = NativeJsonImporter()

    list(read_records(importer, source))

    assert importer.ignored_fields == ["colour"]
    assert every_file_in_a_process


def test_an_error_in_the_file_is_raised_here_as_the_importer_raised_it(
    every_file_in_a_process: list[subprocess.Popen[bytes]], tmp_path: Path
) -> None:
    source = tmp_path / "broken.json"
    source.write_text(
        '{"format": "catalog", "records": [\n{"title": "Fine"},\n{"title": 7}\n]}',
        encoding="utf-8",
    )
    with pytest.raises(ImportFileError) as here:
        list(NativeJsonImporter().read(source))

    with pytest.raises(ImportFileError) as there:
        list(read_records(NativeJsonImporter(), source))

    assert str(there.value) == str(here.value)
    assert (there.value.line, there.value.template) == (here.value.line, here.value.template)
    assert every_file_in_a_process


def test_stopping_early_stops_the_child(
    every_file_in_a_process: list[subprocess.Popen[bytes]], tmp_path: Path
) -> None:
    records = read_records(NativeJsonImporter(), native_file(tmp_path / "c.json", 50))
    assert next(records).title == "Cable 0 from Pyongyang"

    records.close()  # a cancelled import

    [child] = every_file_in_a_process
    assert child.poll() is not None


def test_a_child_that_dies_is_a_clear_error(
    every_file_in_a_process: list[subprocess.Popen[bytes]],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    monkeypatch.setattr(reading_process, "_CHILD", "import sys; sys.exit(3)")
    source = native_file(tmp_path / "cables.json", 5)

    with pytest.raises(ImportFileError, match="the process reading the file stopped"):
        list(read_records(NativeJsonImporter(), source))


def test_small_files_and_unpicklable_importers_are_read_here(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    started: list[object] = []
    monkeypatch.setattr(reading_process.subprocess, "Popen", lambda *a, **k: started.append(a))
    source = native_file(tmp_path / "cables.json", 3)
    assert len(list(read_records(NativeJsonImporter(), source))) == 3  # under SMALLEST

    monkeypatch.setattr(reading_process, "SMALLEST", 0)
    importer = NativeJsonImporter()
    importer.hook = lambda: None  # type: ignore[attr-defined]  # lambdas do not pickle
    assert len(list(read_records(importer, source))) == 3
    assert started == []


def titles(service: CatalogService) -> list[str]:
    return [detail.title for detail in service.details(service.search("").ids)]


def test_an_import_read_in_a_child_stores_what_one_read_here_stores(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    here = CatalogService.open(tmp_path / "here.sqlite")
    there = CatalogService.open(tmp_path / "there.sqlite")
    try:
        here_report, _ = here.import_file(SAMPLE)
        monkeypatch.setattr(reading_process, "SMALLEST", 0)
        refuse_reading_here(monkeypatch, ListingImporter)
        there_report, _ = there.import_file(SAMPLE)
        assert (there_report.records, there_report.format) == (15, here_report.format)
        assert there_report.warnings == here_report.warnings
        assert titles(there) == titles(here)
    finally:
        here.close()
        there.close()


def test_catalogue_errors_survive_pickling() -> None:
    file_error = ImportFileError("cables.json", "record {number} has no title", 7, number=3)
    query_error = QueryError("unexpected {token}", 4, 2, token=")")

    for error in (file_error, query_error):
        back = pickle.loads(pickle.dumps(error))
        assert type(back) is type(error)
        assert str(back) == str(error)
        assert vars(back) == vars(error)
    assert pickle.loads(pickle.dumps(file_error)).line == 7


def test_a_cancelled_import_stops_the_child_and_writes_nothing(
    every_file_in_a_process: list[subprocess.Popen[bytes]],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    monkeypatch.setattr(importing, "BATCH", 5)
    source = native_file(tmp_path / "cables.json", 40)
    service = CatalogService.open(tmp_path / "c.sqlite")

    def cancel(progress: Progress) -> None:
        if progress.done:
            raise JobCancelled("cancelled")

    try:
        with pytest.raises(JobCancelled):
            service.import_file(source, progress=cancel)
        [child] = every_file_in_a_process
        assert child.poll() is not None
        assert service.count() == 0
    finally:
        service.close()


def test_when_no_process_can_start_the_file_is_read_here(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(reading_process, "SMALLEST", 0)

    def refuse(*args: object, **kwargs: object) -> None:
        raise OSError("Resource temporarily unavailable")

    monkeypatch.setattr(reading_process.subprocess, "Popen", refuse)
    source = native_file(tmp_path / "cables.json", 3)
    assert [r.title for r in read_records(NativeJsonImporter(), source)] == [
        f"Cable {n} from Pyongyang" for n in range(3)
    ]
