"""RecordIds: ids of runs of rows, read like a list without a Python int per row."""

from __future__ import annotations

import numpy as np
import pytest

from catalog.store.ids import IdList
from catalog.ui.record_list.ids import IdArray, RecordIds, id_array, merge_runs, runs


def ids_of(*values: int) -> IdArray:
    return id_array(list(values))


def test_runs_read_as_one_list_in_row_order() -> None:
    ids = ids_of(10, 11, 12, 13, 14, 15)
    chosen = RecordIds(ids, np.array([0, 3]), np.array([2, 5]))
    assert len(chosen) == 4
    assert [chosen[n] for n in range(4)] == [10, 11, 13, 14]
    assert chosen[-1] == 14 and chosen[-4] == 10
    assert list(chosen) == [10, 11, 13, 14] and chosen == [10, 11, 13, 14]
    assert chosen[1:3] == [11, 13]
    assert 13 in chosen and 12 not in chosen and "13" not in chosen
    assert chosen.rows.tolist() == [0, 1, 3, 4]
    assert np.asarray(chosen).tolist() == [10, 11, 13, 14]
    with pytest.raises(IndexError):
        chosen[4]


def test_one_run_is_a_view_of_the_ids() -> None:
    ids = id_array(range(1, 1_000_001))
    everything = RecordIds(ids)
    assert len(everything) == 1_000_000 and everything[999_999] == 1_000_000
    assert np.shares_memory(everything.array, ids)
    assert not everything.array.flags.writeable


def test_equality_is_by_ids_in_order() -> None:
    a = RecordIds(ids_of(1, 2, 3))
    assert a == [1, 2, 3] and [1, 2, 3] == a and a == (1, 2, 3)  # noqa: SIM300 (reflected)
    assert a != [3, 2, 1] and a != [1, 2] and a == RecordIds(ids_of(1, 2, 3))
    assert (["x"], a) == (["x"], [1, 2, 3])  # as inside a tuple of call arguments
    assert RecordIds(ids_of()) == [] and len(RecordIds(ids_of())) == 0
    assert repr(RecordIds(id_array(range(20)))).startswith("RecordIds([0, 1, 2")


def test_id_array_takes_id_lists_and_arrays_as_they_are() -> None:
    held = np.arange(5, dtype=np.int64)
    assert np.shares_memory(id_array(IdList(held)), held)
    assert np.shares_memory(id_array(held), held)
    assert id_array(np.array([3, 1], dtype=np.int32)).dtype == np.int64
    assert id_array(range(2, 8, 3)).tolist() == [2, 5]
    assert held.flags.writeable  # the caller's array is left writable


def test_runs_of_a_mask() -> None:
    starts, stops = runs(np.array([True, True, False, True, False, False, True]))
    assert starts.tolist() == [0, 3, 6] and stops.tolist() == [2, 4, 7]
    empty = runs(np.zeros(0, dtype=bool))
    assert empty[0].tolist() == [] and empty[1].tolist() == []


def test_overlapping_runs_are_merged_and_sorted() -> None:
    starts, stops = merge_runs(np.array([5, 0, 1, 8, 9]), np.array([7, 2, 4, 9, 12]))
    assert starts.tolist() == [0, 5, 8] and stops.tolist() == [4, 7, 12]
