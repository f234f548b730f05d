"""Mending the columnar index after this program's own edits instead of rebuilding it.

A rebuild reads every record again (about 19 s at a million); an edit touches a few.
The write log (``store.write_log``) says which records and authorities each write of
this program touched. When every write since the index was made is known, only those
rows are read again: their columns and links are replaced, the orders they sit in are
mended, and every array nothing changed in is shared with the old index, which searches
running meanwhile go on using. A write the log does not know (another program's, a large
import's) means a rebuild. The tests hold a mended index equal to a rebuilt one after
random edits and imports.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any

import numpy as np
import numpy.typing as npt
from sqlalchemy import Connection

from catalog.store.columnar import (
    AUTHORITY_KINDS,
    NO_DATE,
    ROW_COLUMNS,
    BoolArray,
    ColumnarIndex,
    Int32Array,
    IntArray,
    Pairs,
    months_of,
    settle,
    years_of,
)
from catalog.store.columnar_build import (
    LINKS,
    VALUE_SORTS,
    authority_kind_codes,
    integers,
    load_authorities,
    load_vocabularies,
    tie_ranks,
)
from catalog.store.columnar_orders import ID_CHUNK, Moved, mend_orders
from catalog.store.write_log import Touched

_KIND_NAMES = (*AUTHORITY_KINDS, "repository")


def patch(
    index: ColumnarIndex, connection: Connection, generation: int, touched: Touched
) -> ColumnarIndex:
    """The index at ``generation``: ``index`` mended for the ``touched`` rows.

    ``connection`` must read one snapshot, the one at ``generation``.
    """
    wanted = sorted(touched.records)
    columns = _read(connection, ["id", *_RECORD_COLUMNS], "records", "id", wanted)
    known = set(index.ids[index.rows_of(wanted)].tolist())
    present = set(columns[:, 0].tolist())
    added, removed = sorted(present - known), sorted(known - present)
    mended = _reshaped(index, generation, added, removed)
    own = mended.ids is not index.ids  # every per-row array is a new one
    rows = mended.rows_of(wanted)
    fresh = mended.rows_of(added)
    dates = np.union1d(_mend_columns(mended, own, columns), fresh).astype(np.int32)
    _mend_flags(mended, own, connection, wanted, rows)
    kinds = _mend_links(mended, connection, wanted, rows)
    _mend_names(mended, connection, touched, kinds)
    retitled = sorted((touched.retitled & present) | set(added))
    mend_orders(mended, index.ties, connection, Moved(rows, fresh, dates, retitled))
    settle(mended)
    return mended


def _reshaped(
    index: ColumnarIndex, generation: int, added: list[int], removed: list[int]
) -> ColumnarIndex:
    """A new index object sharing the old one's arrays; when records were added or
    removed for good, its rows are laid out again (the added rows empty, to be read)."""
    mended = replace(
        index,
        generation=generation,
        orders=dict(index.orders),
        ranks=dict(index.ranks),
        groups=dict(index.groups),
        pairs=dict(index.pairs),
        names=dict(index.names),
        keys=dict(index.keys),
        sort_names={},
        value_ranks=dict(index.value_ranks),
        ties=dict(index.ties),
    )
    if not added and not removed:
        return mended
    last_kept = _last_kept(index, removed)
    if (not removed or removed[0] > last_kept) and (not added or added[0] > last_kept):
        return _reshaped_at_end(index, mended, added, len(removed))
    keep = np.ones(index.size, dtype=np.bool_)
    keep[index.rows_of(removed)] = False
    kept_ids = index.ids[keep]
    added_ids = np.asarray(added, dtype=np.int64)
    mended.ids = np.insert(kept_ids, np.searchsorted(kept_ids, added_ids), added_ids)
    # Where each old row goes (-1: removed); ids stay ascending, so rows keep their order.
    moved = np.full(index.size, -1, dtype=np.int64)
    moved[keep] = np.searchsorted(mended.ids, kept_ids)
    for name in ROW_COLUMNS:
        old = getattr(index, name)
        array = np.zeros(mended.size, dtype=old.dtype)
        array[moved[keep]] = old[keep]
        setattr(mended, name, array)
    mended.ranks = {}
    for key, order in index.orders.items():
        placed = moved[order]
        mended.orders[key] = placed[placed >= 0].astype(np.int32)
        groups = np.full(mended.size, -1, dtype=np.int32)
        groups[moved[keep]] = index.groups[key][keep]
        mended.groups[key] = groups
    for facet, pairs in index.pairs.items():
        placed = moved[pairs.rows]
        kept = placed >= 0
        mended.pairs[facet] = Pairs(placed[kept].astype(np.int32), pairs.values[kept])
    return mended


def _last_kept(index: ColumnarIndex, removed: list[int]) -> int:
    """The largest id the index keeps (0: none)."""
    gone = set(removed)
    for rid in index.ids[::-1][: len(removed) + 1].tolist():
        if rid not in gone:
            return int(rid)
    return 0


def _reshaped_at_end(
    index: ColumnarIndex, mended: ColumnarIndex, added: list[int], removed: int
) -> ColumnarIndex:
    """Rows added or removed after every kept row (a new record, or its undo): the kept
    rows keep their numbers, so orders and links are cut or shared, not laid out."""
    kept = index.size - removed
    grown = len(added)
    mended.ids = np.concatenate([index.ids[:kept], np.asarray(added, dtype=np.int64)])
    for name in ROW_COLUMNS:
        old = getattr(index, name)
        setattr(mended, name, np.concatenate([old[:kept], np.zeros(grown, dtype=old.dtype)]))
    mended.ranks = {}
    for key, order in index.orders.items():
        mended.orders[key] = order[order < kept] if removed else order
        mended.groups[key] = np.concatenate(
            [index.groups[key][:kept], np.full(grown, -1, dtype=np.int32)]
        )
    if removed:
        for facet, pairs in index.pairs.items():
            end = int(np.searchsorted(pairs.rows, kept, side="left"))
            mended.pairs[facet] = Pairs(pairs.rows[:end], pairs.values[:end])
    return mended


# ------------------------------------------------------------------------- columns

_RECORD_COLUMNS = [
    "CASE WHEN deleted THEN 1 ELSE 0 END",
    "date_lower",
    "date_precision",
    "doc_type_id",
    "repository_id",
    "date_upper",
]


def _read(
    connection: Connection, columns: list[str], table: str, column: str, ids: Sequence[int]
) -> IntArray:
    """Integer ``columns`` of ``table``'s rows whose ``column`` is one of ``ids``."""
    parts = []
    for start in range(0, len(ids), ID_CHUNK):
        chosen = ",".join(str(int(i)) for i in ids[start : start + ID_CHUNK])
        parts.append(integers(connection, columns, f"{table} WHERE {column} IN ({chosen})"))
    if not parts:
        return np.zeros((0, len(columns)), dtype=np.int64)
    return np.concatenate(parts)


def _column(old: npt.NDArray[Any], own: bool, rows: Int32Array, values: npt.NDArray[Any]) -> Any:
    """``old`` with ``values`` at ``rows``: ``old`` itself when it is this index's own
    array or nothing differs, else a changed copy (the old index keeps its arrays)."""
    if own:
        array = old
    elif np.array_equal(old[rows], values):
        return old
    else:
        array = old.copy()
    array[rows] = values
    return array


def _mend_columns(mended: ColumnarIndex, own: bool, read: IntArray) -> Int32Array:
    """Write the records' columns; returns the rows whose date order key changed."""
    rows = mended.rows_of(read[:, 0])
    was = mended.date_lower[rows].copy(), mended.precision[rows].copy()
    lower = np.where(read[:, 2] == -1, NO_DATE, read[:, 2])
    upper = np.where(read[:, 6] == -1, NO_DATE, read[:, 6])
    mended.deleted = _column(mended.deleted, own, rows, read[:, 1] != 0)
    mended.date_lower = _column(mended.date_lower, own, rows, lower)
    mended.year = _column(mended.year, own, rows, years_of(lower))
    mended.month = _column(mended.month, own, rows, months_of(lower, upper))
    mended.precision = _column(mended.precision, own, rows, read[:, 3].astype(np.int8))
    mended.doc_type = _column(mended.doc_type, own, rows, np.maximum(read[:, 4], 0))
    mended.repository = _column(mended.repository, own, rows, np.maximum(read[:, 5], 0))
    moved = (mended.date_lower[rows] != was[0]) | (mended.precision[rows] != was[1])
    dated: Int32Array = rows[moved]
    return dated


def _mend_flags(
    mended: ColumnarIndex, own: bool, connection: Connection, wanted: list[int], rows: Int32Array
) -> None:
    def flags(found: set[int]) -> BoolArray:
        return np.asarray([rid in found for rid in mended.ids[rows].tolist()], dtype=np.bool_)

    notes = set(_read(connection, ["record_id"], "annotations", "record_id", wanted)[:, 0].tolist())
    files = set(_read(connection, ["record_id"], "attachments", "record_id", wanted)[:, 0].tolist())
    ends = _read(connection, ["source_id", "target_id"], "relations", "source_id", wanted)
    starts = _read(connection, ["source_id", "target_id"], "relations", "target_id", wanted)
    related = set(ends[:, 0].tolist()) | set(starts[:, 1].tolist())
    mended.has_notes = _column(mended.has_notes, own, rows, flags(notes))
    mended.has_attachments = _column(mended.has_attachments, own, rows, flags(files))
    mended.has_relations = _column(mended.has_relations, own, rows, flags(related))


# --------------------------------------------------------------------------- links


def _mend_links(
    mended: ColumnarIndex, connection: Connection, wanted: list[int], rows: Int32Array
) -> set[str]:
    """Replace the touched rows' multi-valued facets; returns the authority kinds whose
    links name an authority the index does not know (added by the write)."""
    changed = np.unique(rows)
    for name, (table, column) in LINKS.items():
        found = _read(connection, ["record_id", column], table, "record_id", wanted)
        mended.pairs[name] = _replaced(mended.pairs[name], changed, mended, found)
    links = _read(
        connection,
        ["ra.record_id", "ra.authority_id", authority_kind_codes()],
        "record_authorities ra JOIN authorities a ON a.id = ra.authority_id",
        "ra.record_id",
        wanted,
    )
    unknown = set()
    for code, kind in enumerate(AUTHORITY_KINDS):
        found = links[links[:, 2] == code][:, :2]
        names = mended.names.get(kind, {})
        if any(int(value) not in names for value in found[:, 1]):
            unknown.add(kind)
        mended.pairs[kind] = _replaced(mended.pairs[kind], changed, mended, found)
    return unknown


def _replaced(pairs: Pairs, changed: Int32Array, index: ColumnarIndex, found: IntArray) -> Pairs:
    """``pairs`` with the entries of the ``changed`` rows (ascending) replaced by
    ``found`` (record id, value); ``pairs`` itself when they hold the same."""
    rows = index.rows_of(found[:, 0])
    values = found[:, 1].astype(np.int32)
    order = np.lexsort((values, rows))
    rows, values = rows[order], values[order]
    # Pairs are sorted by row: each changed row's entries are one slice of them.
    starts = np.searchsorted(pairs.rows, changed, side="left")
    ends = np.searchsorted(pairs.rows, changed, side="right")
    at = _ranges(starts, ends)
    old_order = np.lexsort((pairs.values[at], pairs.rows[at]))
    if np.array_equal(pairs.rows[at][old_order], rows) and np.array_equal(
        pairs.values[at][old_order], values
    ):
        return pairs
    kept_rows, kept_values = pairs.rows, pairs.values
    if at.size:
        kept_rows, kept_values = np.delete(kept_rows, at), np.delete(kept_values, at)
    place = np.searchsorted(kept_rows, rows, side="left")
    return Pairs(np.insert(kept_rows, place, rows), np.insert(kept_values, place, values))


def _ranges(starts: IntArray, ends: IntArray) -> IntArray:
    """Every position in ``[starts[i], ends[i])``, range after range."""
    lengths = ends - starts
    offsets = np.repeat(starts - (np.cumsum(lengths) - lengths), lengths)
    found: IntArray = np.arange(int(lengths.sum()), dtype=np.int64) + offsets
    return found


# --------------------------------------------------------------------------- names


def _mend_names(
    mended: ColumnarIndex, connection: Connection, touched: Touched, unknown: set[str]
) -> None:
    """Read again the vocabularies (small), the archives (their ranks order the archive
    sort) and every kind of authority the write touched or newly linked."""
    load_vocabularies(mended, connection)
    kinds = {"repository", *unknown}
    touched_ids = sorted(touched.authorities)
    if touched_ids:
        codes = _read(connection, [authority_kind_codes()], "authorities", "id", touched_ids)
        kinds.update(_KIND_NAMES[code] for code in codes[:, 0].tolist() if code >= 0)
        gone = set(touched_ids)
        kinds.update(kind for kind in _KIND_NAMES if gone & mended.names.get(kind, {}).keys())
    load_authorities(mended, connection, kinds)
    for facet in mended.sort_names:
        mended.value_ranks.pop(facet, None)
    for facet in VALUE_SORTS.values():
        mended.ties[facet] = tie_ranks(mended.sort_names.get(facet, {}))
