"""Mending the sort orders of the columnar index for the few rows whose keys changed.

An order lists every row by its sort key; its groups number the rows by the key's
value alone (rows of one value share a number, which a second sort key breaks ties
of). Mending takes the moving rows out and puts each back where its key belongs: a
binary search over the kept rows where the key is in memory (date, type, archive,
language), the title index's preceding record for titles. Date and title groups are
numbered with gaps (:func:`spacing`), so a new value between two others takes a number
between theirs (new values side by side share the gap evenly); the groups of a value
sort are the value's own rank. When many rows move, an order is sorted again whole;
when no gap is left, its groups are numbered again.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass

import numpy as np
from sqlalchemy import Connection, select, text

from catalog.domain.views import SortKey
from catalog.store.columnar import ColumnarIndex, Int32Array, spacing
from catalog.store.columnar_build import (
    VALUE_SORTS,
    set_date_order,
    set_order,
    set_value_order,
    spaced,
    value_groups,
)
from catalog.store.tables import Record

# Above this many moving rows an order is sorted again whole (a numpy sort of a million
# rows takes about a tenth of a second; a binary search per row, some microseconds).
ORDER_MENDS_UP_TO = 2000
ID_CHUNK = 500
"""Record ids per ``IN (...)`` list."""
_DATE, _TITLE = SortKey.DATE.value, SortKey.TITLE.value
_RECORD = Record.__table__.c
_INT32_MAX = np.iinfo(np.int32).max


@dataclass
class Moved:
    """Rows (numbered as in the mended index) whose sort keys may have moved.

    Attributes:
        touched: rows of every record the edits touched.
        added: rows of records the index did not hold (in no order yet).
        dates: rows whose date bound or precision changed, and the added rows.
        retitled: record ids whose title changed, and the added records' ids.
    """

    touched: Int32Array
    added: Int32Array
    dates: Int32Array
    retitled: list[int]


def mend_orders(
    mended: ColumnarIndex,
    old_ties: dict[str, Int32Array],
    connection: Connection,
    moved: Moved,
) -> None:
    """Bring every order of ``mended`` in line with its mended columns."""
    if moved.dates.size and not _mend_date_order(mended, moved):
        set_date_order(mended)
    for sort, facet in VALUE_SORTS.items():
        ties, old = mended.ties[facet], old_ties.get(facet)
        if old is None or not _same_ranking(old, ties, mended.names.get(facet, {})):
            set_value_order(mended, sort, value_groups(mended, sort, ties))
            continue
        rows = moved.touched
        if old.shape == ties.shape and np.array_equal(old, ties):
            groups = mended.groups[sort.value].copy()
            values = value_groups(mended, sort, ties, rows)
            changed = rows[values != groups[rows]]
            groups[rows] = values
        else:  # a value was added between others: the same order under new numbers
            groups = value_groups(mended, sort, ties)
            changed = rows
        moving = np.union1d(changed, moved.dates).astype(np.int32)
        mended.groups[sort.value] = groups
        if moving.size:
            mending = _mend_sorted(
                mended, sort.value, moving, moved.added, _by_value_then_date(mended, sort)
            )
            if mending is None:
                set_value_order(mended, sort, groups)
            else:
                mended.orders[sort.value] = mending[0]
                mended.ranks.pop(sort.value, None)
    if moved.retitled:
        _mend_title_order(mended, connection, moved.retitled)


# ------------------------------------------------------------------- keys in memory


def _mend_sorted(
    index: ColumnarIndex,
    key_name: str,
    moving: Int32Array,
    added: Int32Array,
    key: Callable[[int], tuple[int, ...]],
) -> tuple[Int32Array, list[int]] | None:
    """The order ``key_name`` with the ``moving`` rows put back by ``key``, and where
    they now stand (None: too many moving rows; sort the whole order again)."""
    if moving.size > ORDER_MENDS_UP_TO:
        return None
    kept = _without(index.orders[key_name], np.setdiff1d(moving, added), index.size)
    arriving = sorted((int(row) for row in moving), key=key)
    at = [bisect_left(kept, key(row), key=lambda kept_row: key(int(kept_row))) for row in arriving]
    order: Int32Array = np.insert(kept, at, np.asarray(arriving, dtype=np.int32)).astype(np.int32)
    return order, [a + n for n, a in enumerate(at)]


def _without(order: Int32Array, rows: Int32Array, size: int) -> Int32Array:
    """``order`` without ``rows`` (itself when there are none)."""
    if rows.size == 0:
        return order
    leaving = np.zeros(size, dtype=np.bool_)
    leaving[rows] = True
    kept: Int32Array = order[~leaving[order]]
    return kept


def _date_key(index: ColumnarIndex) -> Callable[[int], tuple[int, ...]]:
    lower, precision = index.date_lower, index.precision
    return lambda row: (int(lower[row]), int(precision[row]), row)


def _mend_date_order(index: ColumnarIndex, moved: Moved) -> bool:
    key = _date_key(index)
    mending = _mend_sorted(index, _DATE, moved.dates, moved.added, key)
    if mending is None:
        return False
    order, placed = mending
    groups = _place_groups(order, placed, index.groups[_DATE], lambda row: key(row)[:2])
    set_order(index, SortKey.DATE, order, groups)
    return True


def _by_value_then_date(index: ColumnarIndex, sort: SortKey) -> Callable[[int], tuple[int, ...]]:
    # The date order sorts by (bound, precision, row): comparing those is comparing ranks.
    groups, date = index.groups[sort.value], _date_key(index)
    return lambda row: (int(groups[row]), *date(row))


def _same_ranking(old: Int32Array, new: Int32Array, names: dict[int, str]) -> bool:
    """True when the values both rankings know keep their order and their ties (a new
    value may slip in between; a renamed one may move, which needs a whole sort)."""
    known = [v for v in names if v < old.shape[0] and v < new.shape[0]]
    both = np.asarray([0, *known], dtype=np.int64)  # 0: no value
    by_old = both[np.argsort(old[both], kind="stable")]
    before, after = old[by_old], new[by_old]
    return bool(
        (np.diff(after) >= 0).all() and ((np.diff(before) == 0) == (np.diff(after) == 0)).all()
    )


# -------------------------------------------------------------------------- groups


def _place_groups(
    order: Int32Array, placed: list[int], groups: Int32Array, value: Callable[[int], Hashable]
) -> Int32Array:
    """The groups with the rows at ``placed`` (ascending positions in ``order``) numbered:
    a neighbour's number for an equal value, else numbers spread evenly between the
    neighbours' over each run of rows placed side by side. When a gap has too few numbers
    left, every group is numbered again (ties known from the old numbers and ``value``)."""
    mended = groups.copy()
    step = spacing(groups.shape[0])
    for first, last in _side_by_side(placed):
        rows = [int(row) for row in order[first : last + 1]]
        before = int(order[first - 1]) if first > 0 else None
        after = int(order[last + 1]) if last + 1 < order.shape[0] else None
        low = None if before is None else int(mended[before])
        high = None if after is None else int(mended[after])
        like_before = None if before is None else value(before)
        like_after = None if after is None else value(after)
        values = [value(row) for row in rows]
        new = list(dict.fromkeys(v for v in values if v != like_before and v != like_after))
        numbers = _spread(low, high, len(new), step)
        if numbers is None:
            return _numbered_again(order, placed, groups, value)
        number_of = dict(zip(new, numbers, strict=True))
        for row, row_value in zip(rows, values, strict=True):
            if before is not None and row_value == like_before:
                mended[row] = mended[before]
            elif after is not None and row_value == like_after:
                mended[row] = mended[after]
            else:
                mended[row] = number_of[row_value]
    return mended


def _side_by_side(placed: list[int]) -> list[tuple[int, int]]:
    """The first and last position of each run of consecutive positions."""
    found: list[tuple[int, int]] = []
    for position in placed:
        if found and found[-1][1] == position - 1:
            found[-1] = (found[-1][0], position)
        else:
            found.append((position, position))
    return found


def _spread(low: int | None, high: int | None, count: int, step: int) -> list[int] | None:
    """``count`` rising numbers above ``low`` and below ``high``, evenly spaced (None:
    too few are free)."""
    if count == 0:
        return []
    if low is None and high is None:
        low, high = 0, (count + 1) * step
    elif low is None:
        assert high is not None
        low = high - (count + 1) * step
    elif high is None:
        high = low + (count + 1) * step
    if high - low <= count or high > _INT32_MAX or low < -_INT32_MAX:
        return None
    return [low + (high - low) * (n + 1) // (count + 1) for n in range(count)]


def _numbered_again(
    order: Int32Array, placed: list[int], groups: Int32Array, value: Callable[[int], Hashable]
) -> Int32Array:
    """Every group numbered again along ``order``: rows that were in the order before tie
    as their old numbers say, a placed row with a neighbour as their values say."""
    in_order = groups[order]
    starts = np.ones(order.shape[0], dtype=np.bool_)
    starts[1:] = in_order[1:] != in_order[:-1]
    for position in {p for at in placed for p in (at, at + 1) if 0 < p < order.shape[0]}:
        starts[position] = value(int(order[position])) != value(int(order[position - 1]))
    return spaced(order, starts)


# -------------------------------------------------------------------------- titles


def _mend_title_order(index: ColumnarIndex, connection: Connection, moving: list[int]) -> None:
    """Take the moving records out of the title order and put each back after the
    kept record that precedes it in (title key, id) order, found with the title index."""
    kept = _without(index.orders[_TITLE], index.rows_of(moving), index.size)
    keys = _title_keys(connection, moving)
    arriving = sorted(moving, key=lambda rid: (keys[rid], rid))
    preceding = _preceding(connection, arriving, keys)
    keys.update((rid, key) for rid, key in preceding.values() if rid is not None)
    position = np.full(index.size, -1, dtype=np.int64)
    position[kept] = np.arange(kept.shape[0])
    leaving = set(moving)
    kept_before = [
        rid for rid, _key in preceding.values() if rid is not None and rid not in leaving
    ]
    position_of = dict(zip(kept_before, position[index.rows_of(kept_before)].tolist(), strict=True))
    after: dict[int, int] = {}  # each arriving record: the position it follows (-1: none)
    for rid in arriving:
        before = preceding[rid][0]
        if before is None:
            after[rid] = -1
        elif before in leaving:  # arriving too, and earlier: it follows the same record
            after[rid] = after[before]
        else:
            after[rid] = position_of[before]
    at = [after[rid] + 1 for rid in arriving]
    order = np.insert(kept, at, index.rows_of(arriving)).astype(np.int32)
    placed = [a + n for n, a in enumerate(at)]
    # The record after each run, to tell whether it ties (the one before is known already).
    after_runs = {int(index.ids[kept[a]]) for a in set(at) if a < kept.shape[0]}
    keys.update(_title_keys(connection, sorted(after_runs - keys.keys())))

    def title(row: int) -> str:
        return keys[int(index.ids[row])]

    set_order(
        index, SortKey.TITLE, order, _place_groups(order, placed, index.groups[_TITLE], title)
    )


def _title_keys(connection: Connection, ids: Sequence[int]) -> dict[int, str]:
    found: dict[int, str] = {}
    for start in range(0, len(ids), ID_CHUNK):
        chunk = [int(i) for i in ids[start : start + ID_CHUNK]]
        rows = connection.execute(
            select(_RECORD.id, _RECORD.title_key).where(_RECORD.id.in_(chunk))
        )
        found.update((int(rid), str(key)) for rid, key in rows)
    return found


# For each arriving record, the record just before it in (title key, id) order, once
# among the records in the trash and once among the others: a seek each in the
# (deleted, title_key, id) index.
_PRECEDING = """
WITH arriving(id, key) AS (VALUES {rows})
SELECT a.id, b.id, b.title_key FROM arriving AS a JOIN records AS b ON b.id IN (
    (SELECT r.id FROM records AS r WHERE r.deleted = :no AND (r.title_key, r.id) < (a.key, a.id)
     ORDER BY r.title_key DESC, r.id DESC LIMIT 1),
    (SELECT r.id FROM records AS r WHERE r.deleted = :yes AND (r.title_key, r.id) < (a.key, a.id)
     ORDER BY r.title_key DESC, r.id DESC LIMIT 1))
"""


def _preceding(
    connection: Connection, arriving: list[int], keys: dict[int, str]
) -> dict[int, tuple[int | None, str]]:
    """The record just before each arriving one in title order, with its key ((None, "")
    for the first); one statement per chunk of records."""
    found: dict[int, tuple[int | None, str]] = dict.fromkeys(arriving, (None, ""))
    for start in range(0, len(arriving), ID_CHUNK):
        chunk = arriving[start : start + ID_CHUNK]
        rows = ", ".join(f"(:i{n}, :k{n})" for n in range(len(chunk)))
        values: dict[str, object] = {"no": False, "yes": True}
        for n, rid in enumerate(chunk):
            values[f"i{n}"], values[f"k{n}"] = rid, keys[rid]
        for rid, before, key in connection.execute(text(_PRECEDING.format(rows=rows)), values):
            if found[rid][0] is None or (key, before) > (found[rid][1], found[rid][0]):
                found[rid] = (int(before), str(key))
    return found
