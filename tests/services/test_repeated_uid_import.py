"""A uid given twice in an imported file is refused by name and line, whatever the format
and wherever in the file the second one stands; nothing is written.

``importing.checked`` keeps a hash of each uid rather than the uid, and reads the records
whose hashes agree again once the file is read (``repeated_uids``). When the second uid
comes a few batches after the first, the store refuses it before the file is read to its
end; the import then reads the file for the error that names the record.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable
from pathlib import Path

import pytest

from catalog.domain.errors import ImportFileError
from catalog.services import importing
from catalog.services.catalog import CatalogService
from catalog.services.transfer import repeated_uids


def catalog_csv(path: Path, uids: list[str]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        out = csv.writer(handle)
        out.writerow(["uid", "title"])
        out.writerows([uid, f"Record {n}"] for n, uid in enumerate(uids, 1))
    return path


def catalog_json(path: Path, uids: list[str]) -> Path:
    records = [{"uid": uid, "title": f"Record {n}"} for n, uid in enumerate(uids, 1)]
    path.write_text(json.dumps({"format": "catalog", "version": 1, "records": records}))
    return path


def test_a_repeated_uid_is_refused_with_its_line(service: CatalogService, tmp_path: Path) -> None:
    source = catalog_csv(tmp_path / "in.csv", ["a", "b", "c", "b"])

    with pytest.raises(ImportFileError) as caught:
        service.import_file(source, "csv")

    assert caught.value.reason == "the record id b appears twice in the file"
    assert caught.value.line == 5  # the header, then the fourth record
    assert service.count() == 0


def test_the_plan_reports_a_repeated_uid(service: CatalogService, tmp_path: Path) -> None:
    plan = service.plan_import(catalog_csv(tmp_path / "in.csv", ["a", "b", "a"]), "csv")

    [error] = plan.errors
    assert (error.line, error.reason) == (4, "the record id a appears twice in the file")


def test_uids_that_only_share_a_hash_are_imported(
    service: CatalogService, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(repeated_uids, "hash", lambda value: 7, raising=False)  # all collide
    source = catalog_csv(tmp_path / "in.csv", [f"uid-{n}" for n in range(40)])

    report, _ = service.import_file(source, "csv")

    assert report.records == 40 == service.count()


@pytest.mark.parametrize(
    ("write", "fmt", "reason"),
    [
        (catalog_csv, "csv", "the record id uid-10 appears twice in the file"),
        (catalog_json, "json", "record 1500 repeats the uid uid-10 of an earlier record"),
    ],
)
def test_a_repeat_the_store_meets_first_is_named_all_the_same(
    service: CatalogService,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    write: Callable[[Path, list[str]], Path],
    fmt: str,
    reason: str,
) -> None:
    # Small batches: the batch holding record 1500 is stored while 1,500 more are read.
    monkeypatch.setattr(importing, "BATCH", 100)
    uids = [f"uid-{n}" for n in range(1, 3001)]
    uids[1499] = "uid-10"
    source = write(tmp_path / f"in.{fmt}", uids)

    with pytest.raises(ImportFileError) as caught:
        service.import_file(source, fmt)

    assert caught.value.reason == reason
    if fmt == "csv":
        assert caught.value.line == 1501
    assert service.count() == 0
