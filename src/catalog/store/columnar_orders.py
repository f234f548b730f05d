"""Mending the sort orders of the columnar index for the few rows whose keys changed.

An order lists every row by its sort key; its groups number the rows by the key's
value alone (rows of one value share a number, which a second sort key breaks ties
of). Mending takes the moving rows out and puts each back where its key belongs: a
binary search over the kept rows where the key is in memory (date, type, archive,
language), the title index's preceding record for titles. Date and title groups are
numbered with gaps (:func:`spacing`), so a new value between two others takes a number
between theirs; the groups of a value sort are the value's own rank. When many rows
move, or no gap is left, an order or its groups are made again whole.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass

import numpy as np
from sqlalchemy import Connection, select, tuple_

from catalog.domain.views import SortKey
from catalog.store.columnar import ColumnarIndex, Int32Array, spacing
from catalog.store.columnar_build import (
    VALUE_SORTS,
    runs,
    set_date_order,
    set_order,
    set_value_order,
    title_order,
    value_groups,
)
from catalog.store.tables import Record

# Above this many moving rows an order is sorted again whole (a numpy sort of a million
# rows takes about a tenth of a second; a binary search per row, some microseconds).
ORDER_MENDS_UP_TO = 2000
# Above this many retitled records the title order is read again from the database
# (seconds at a million records; each record mended costs two index seeks).
TITLE_MENDS_UP_TO = 200
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
    if len(moved.retitled) > TITLE_MENDS_UP_TO:
        set_order(mended, SortKey.TITLE, *title_order(mended, connection))
    elif moved.retitled:
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
    groups = index.groups[_DATE].copy()
    if not _place_groups(order, placed, groups, lambda row: key(row)[:2]):
        groups = runs(order, index.date_lower, index.precision)
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
) -> bool:
    """Number the groups of the rows at ``placed`` (ascending positions in ``order``): a
    neighbour's number for an equal value, else one between the neighbours'. False when
    no number is free (the caller numbers every group again)."""
    arrived = set(placed)
    step = spacing(groups.shape[0])
    for position in placed:
        row = int(order[position])
        before = int(order[position - 1]) if position > 0 else None
        following = position + 1
        while following in arrived:
            following += 1
        after = int(order[following]) if following < order.shape[0] else None
        if before is not None and value(before) == value(row):
            groups[row] = groups[before]
        elif after is not None and value(after) == value(row):
            groups[row] = groups[after]
        else:
            low = None if before is None else int(groups[before])
            high = None if after is None else int(groups[after])
            number = _between(low, high, step)
            if number is None:
                return False
            groups[row] = number
    return True


def _between(low: int | None, high: int | None, step: int) -> int | None:
    """A group number above ``low`` and below ``high`` (None: none is free)."""
    if low is None and high is None:
        return step
    if low is None:
        assert high is not None
        low = high - 2 * step
    if high is None:
        high = low + 2 * step
    if high - low < 2 or high > _INT32_MAX or low < -_INT32_MAX:
        return None
    return (low + high) // 2


# -------------------------------------------------------------------------- titles


def _mend_title_order(index: ColumnarIndex, connection: Connection, moving: list[int]) -> None:
    """Take the moving records out of the title order and put each back after the
    record that precedes it in (title key, id) order, found with the title index."""
    moving_rows = index.rows_of(moving)
    kept = _without(index.orders[_TITLE], moving_rows, index.size)
    keys = _title_keys(connection, moving)
    arriving = sorted(moving, key=lambda rid: (keys[rid], rid))
    leaving = set(moving)
    at = []
    for rid in arriving:
        before = _preceding(connection, keys[rid], rid, leaving)
        if before is None:
            at.append(0)
        else:
            keys[before[0]] = before[1]
            row = index.rows_of([before[0]])[0]
            at.append(int(np.flatnonzero(kept == row)[0]) + 1)
    arriving_rows = index.rows_of(arriving)
    order = np.insert(kept, at, arriving_rows).astype(np.int32)
    placed = [a + n for n, a in enumerate(at)]
    neighbours = [int(kept[a]) for a in at if a < kept.shape[0]]
    keys.update(_title_keys(connection, [int(index.ids[row]) for row in neighbours]))
    groups = index.groups[_TITLE].copy()

    def title(row: int) -> str:
        return keys[int(index.ids[row])]

    if _place_groups(order, placed, groups, title):
        set_order(index, SortKey.TITLE, order, groups)
    else:  # no number left between two titles: read the order again
        set_order(index, SortKey.TITLE, *title_order(index, connection))


def _title_keys(connection: Connection, ids: Sequence[int]) -> dict[int, str]:
    found: dict[int, str] = {}
    for start in range(0, len(ids), ID_CHUNK):
        chunk = [int(i) for i in ids[start : start + ID_CHUNK]]
        rows = connection.execute(
            select(_RECORD.id, _RECORD.title_key).where(_RECORD.id.in_(chunk))
        )
        found.update((int(rid), str(key)) for rid, key in rows)
    return found


def _preceding(
    connection: Connection, key: str, rid: int, moving: set[int]
) -> tuple[int, str] | None:
    """The last record before (key, rid) in title order that is not moving."""
    best: tuple[str, int] | None = None
    for deleted in (False, True):
        # A range of the (deleted, title_key, id) index for each value of ``deleted``.
        rows = connection.execute(
            select(_RECORD.id, _RECORD.title_key)
            .where(_RECORD.deleted == deleted, tuple_(_RECORD.title_key, _RECORD.id) < (key, rid))
            .order_by(_RECORD.title_key.desc(), _RECORD.id.desc())
            .limit(len(moving) + 1)
        )
        for found_id, found_key in rows:
            if found_id not in moving:
                if best is None or (found_key, found_id) > best:
                    best = (found_key, found_id)
                break
    return None if best is None else (best[1], best[0])
