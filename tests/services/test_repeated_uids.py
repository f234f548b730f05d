"""A uid given twice in a Catalog JSON file is refused; uids that only share a hash are not.

The reader keeps each uid's hash rather than the uid (``repeated_uids``), and reads the
records whose hashes agree a second time to compare their uids exactly.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from catalog.domain.errors import ImportFileError
from catalog.services.transfer import repeated_uids
from catalog.services.transfer.native_json import NativeJsonImporter
from catalog.services.transfer.repeated_uids import RepeatedUids, first_repeat

HEAD = '{"format": "catalog", "version": 1, "records": [\n'


def _file(tmp_path: Path, uids: list[str]) -> Path:
    lines = [json.dumps({"title": f"Record {n}", "uid": uid}) for n, uid in enumerate(uids)]
    path = tmp_path / "records.json"
    path.write_text(HEAD + ",\n".join(lines) + "\n]}\n", encoding="utf-8")
    return path


def test_only_records_whose_hashes_agree_are_suspects() -> None:
    uids = RepeatedUids()
    for uid in ["a", "b", None, "c", "b", None, "d"]:
        uids.add(uid)
    assert uids.suspects() == {2, 5}  # records without a uid repeat nothing


def test_no_suspects_among_distinct_uids() -> None:
    uids = RepeatedUids()
    for number in range(1000):
        uids.add(f"uid-{number}" if number % 3 else None)
    assert uids.suspects() == set()


def test_the_first_uid_given_again_is_the_repeat() -> None:
    assert first_repeat([(1, "x"), (2, None), (5, "y"), (7, "x"), (9, "y")]) == (7, "x")
    assert first_repeat([(1, "x"), (2, "y")]) is None


def test_a_repeated_uid_far_from_its_first_is_refused_with_its_record_and_line(
    tmp_path: Path,
) -> None:
    uids = [f"uid-{n}" for n in range(500)]
    uids[400] = "uid-3"
    with pytest.raises(ImportFileError) as caught:
        list(NativeJsonImporter().read(_file(tmp_path, uids)))
    assert caught.value.line == 402  # the header's line, then record 401
    assert "record 401 repeats the uid uid-3 of an earlier record" in str(caught.value)


def test_uids_that_only_share_a_hash_are_imported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(repeated_uids, "hash", lambda text: 7, raising=False)  # all collide
    records = list(NativeJsonImporter().read(_file(tmp_path, [f"uid-{n}" for n in range(50)])))
    assert [r.uid for r in records] == [f"uid-{n}" for n in range(50)]


def test_a_repeat_among_colliding_hashes_is_still_found(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(repeated_uids, "hash", lambda text: 7, raising=False)
    with pytest.raises(ImportFileError, match="record 4 repeats the uid b"):
        list(NativeJsonImporter().read(_file(tmp_path, ["a", "b", "c", "b", "a"])))
