"""An in-memory columnar copy of what searches filter, sort and count on.

One row per record, in id order, held in numpy arrays (a few bytes per record instead
of Python objects): sort ranks, date bounds, small codes for single-valued facets and
(row, value) pairs for the multi-valued ones. Facet counts become ``bincount`` over the
rows a query selects, and a sorted result is the precomputed order filtered by a mask,
so a million-record sidebar costs tens of milliseconds instead of a GROUP BY per facet.

The index is a cache: it records the catalogue generation it was built at and is used
only while that generation is current. A saved copy (``.npz``) loads in milliseconds.
"""

from __future__ import annotations

import io
import json
import os
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

FORMAT_VERSION = 3
NO_DATE = np.iinfo(np.int64).max

IntArray = npt.NDArray[np.int64]
Int32Array = npt.NDArray[np.int32]
Int8Array = npt.NDArray[np.int8]
BoolArray = npt.NDArray[np.bool_]

AUTHORITY_KINDS = ("person", "organisation", "place", "subject")

ROW_COLUMNS = (
    "deleted",
    "date_lower",
    "year",
    "month",
    "precision",
    "doc_type",
    "repository",
    "has_notes",
    "has_relations",
    "has_attachments",
)
"""The columns with one value per row (besides ``ids``)."""


@dataclass
class Pairs:
    """(row, value) pairs of one multi-valued facet, sorted by row."""

    rows: Int32Array
    values: Int32Array


@dataclass
class ColumnarIndex:
    """Columns of every record, plus the names behind the codes.

    Attributes:
        generation: the catalogue generation the index reflects.
        ids: record ids, ascending; row ``i`` of every column is record ``ids[i]``.
        month: year * 100 + month of records dated within one month, else NO_DATE.
        precision: the date's precision (the date order's second key, after the lower
            bound; undated records carry NO_DATE as their bound, which sorts them last).
        orders: per sort key, the rows in that order (ascending).
        ranks: per sort key, each row's position in that order, computed on first use
            (:meth:`rank`): most sessions sort one or two ways.
        groups: per sort key, each row's rank by the key's value alone (equal values,
            equal ranks), so a second key can break the ties. Date and title groups
            are numbered with gaps (:func:`spacing`) so mending can fit a value in.
        names: per facet, value id → display name.
        keys: per facet, folded key → value ids (authorities: any variant's key).
        sort_names: per facet, value id → sort key; only while the index is built
            (``columnar_query.settle`` turns them into ``value_ranks``).
        value_ranks: per facet, each value id's position among the facet's values
            sorted by key, then id (how a facet lists values counted alike).
        ties: for the facets a value sort orders by (type, archive, language), each
            value id's rank by key alone (equal keys, equal ranks): those sorts' groups.
    """

    generation: int
    ids: IntArray
    deleted: BoolArray
    date_lower: IntArray
    year: IntArray
    month: IntArray
    precision: Int8Array
    doc_type: Int32Array
    repository: Int32Array
    has_notes: BoolArray
    has_relations: BoolArray
    has_attachments: BoolArray
    orders: dict[str, Int32Array]
    ranks: dict[str, Int32Array]
    groups: dict[str, Int32Array]
    pairs: dict[str, Pairs]
    names: dict[str, dict[int, str]]
    keys: dict[str, dict[str, list[int]]]
    sort_names: dict[str, dict[int, str]] = field(default_factory=dict)
    value_ranks: dict[str, Int32Array] = field(default_factory=dict)
    ties: dict[str, Int32Array] = field(default_factory=dict)

    def rank(self, key: str) -> Int32Array:
        """Each row's position in the order of sort ``key``."""
        found = self.ranks.get(key)
        if found is None:
            found = self.ranks[key] = inverse(self.orders[key])
        return found

    @property
    def size(self) -> int:
        """How many records (trash included) the index holds."""
        return int(self.ids.shape[0])

    def rows_of(self, record_ids: npt.ArrayLike) -> Int32Array:
        """Rows of the given record ids (ids not in the index are dropped)."""
        wanted = np.asarray(record_ids, dtype=np.int64)
        rows = np.searchsorted(self.ids, wanted)
        rows = np.clip(rows, 0, max(self.size - 1, 0))
        if self.size == 0:
            return np.zeros(0, dtype=np.int32)
        found = self.ids[rows] == wanted
        result: Int32Array = rows[found].astype(np.int32)
        return result

    def mask_of(self, record_ids: npt.ArrayLike) -> BoolArray:
        """A row mask with the given record ids set."""
        mask = np.zeros(self.size, dtype=np.bool_)
        mask[self.rows_of(record_ids)] = True
        return mask


def spacing(size: int) -> int:
    """The step between neighbouring date or title group numbers for ``size`` rows."""
    return max(1, min(1024, (np.iinfo(np.int32).max - 1) // (size + 2)))


def years_of(lower: IntArray) -> IntArray:
    """Year of each day key (floor division keeps years before the common era right)."""
    return np.where(lower == NO_DATE, NO_DATE, lower // 10000)


def months_of(lower: IntArray, upper: IntArray) -> IntArray:
    """``year * 100 + month`` where both bounds fall in one month, else NO_DATE."""
    year = lower // 10000
    month = year * 100 + (lower - year * 10000) // 100
    upper_year = upper // 10000
    upper_month = upper_year * 100 + (upper - upper_year * 10000) // 100
    known = (lower != NO_DATE) & (upper != NO_DATE) & (month == upper_month)
    return np.where(known, month, NO_DATE)


def inverse(order: Int32Array) -> Int32Array:
    """Each row's position in ``order`` (the inverse permutation)."""
    ranks = np.empty(order.shape[0], dtype=np.int32)
    ranks[order] = np.arange(order.shape[0], dtype=np.int32)
    return ranks


def settle(index: ColumnarIndex) -> None:
    """Rank every facet's values now and let go of their sort keys (tens of MB at 1M).

    Called once an index is built and saved, or loaded: the keys are needed only to
    compute the ranks, and the saved copy keeps them for the next load.
    """
    for facet in list(index.sort_names):
        value_ranks(index, facet)
    index.sort_names = {}


def value_ranks(index: ColumnarIndex, facet: str) -> Int32Array:
    """Each value id's position when the facet's values are sorted by key, then id.

    Computed once per index (sorting a hundred thousand names takes a moment).
    """
    ranks = index.value_ranks.get(facet)
    if ranks is None:
        keys = index.sort_names.get(facet, {})
        ordered = sorted(keys, key=lambda value: (keys[value], value))
        ranks = np.zeros(max(keys, default=0) + 1, dtype=np.int32)
        ranks[np.asarray(ordered, dtype=np.int64)] = np.arange(len(ordered), dtype=np.int32)
        index.value_ranks[facet] = ranks
    return ranks


# ----------------------------------------------------------------------------- saving


def save(index: ColumnarIndex, path: Path, identity: str) -> None:
    """Write the index to ``path`` atomically (temporary file, then rename).

    The index is settled first: the copy keeps each facet's value ranks, not its keys.
    """
    settle(index)
    arrays: dict[str, Any] = {
        "ids": index.ids,
        "deleted": index.deleted,
        "date_lower": index.date_lower,
        "month": index.month,
        "precision": index.precision,
        "doc_type": index.doc_type,
        "repository": index.repository,
        "has_notes": index.has_notes,
        "has_relations": index.has_relations,
        "has_attachments": index.has_attachments,
    }
    for key, order in index.orders.items():
        arrays[f"order_{key}"] = order
    for key, group in index.groups.items():
        arrays[f"group_{key}"] = group
    for key, pairs in index.pairs.items():
        arrays[f"pairs_rows_{key}"] = pairs.rows
        arrays[f"pairs_values_{key}"] = pairs.values
    for key, ranks in index.value_ranks.items():
        arrays[f"value_ranks_{key}"] = ranks
    for key, ties in index.ties.items():
        arrays[f"ties_{key}"] = ties
    meta = {
        "version": FORMAT_VERSION,
        "identity": identity,
        "generation": index.generation,
        "names": {f: {str(k): v for k, v in m.items()} for f, m in index.names.items()},
        "keys": index.keys,
    }
    arrays["meta"] = np.frombuffer(json.dumps(meta).encode(), dtype=np.uint8)
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + f".{os.getpid()}.partial")
    with partial.open("wb") as handle:
        np.savez(handle, **arrays)
    partial.replace(path)


def _int_keys(by_facet: dict[str, dict[str, str]]) -> dict[str, dict[int, str]]:
    """JSON's string keys back to ids, one facet at a time (each freed once converted)."""
    converted = {}
    for facet in list(by_facet):
        converted[facet] = {int(k): v for k, v in by_facet.pop(facet).items()}
    return converted


def load(path: Path, identity: str) -> ColumnarIndex | None:
    """The saved index at ``path`` if it belongs to this catalogue, else None."""
    try:
        with path.open("rb") as handle, np.load(handle, allow_pickle=False) as data:
            meta = json.loads(data["meta"].tobytes())  # bytes: no decoded copy
            if meta.get("version") != FORMAT_VERSION or meta.get("identity") != identity:
                return None
            arrays = {name: data[name] for name in data.files if name != "meta"}
    except (OSError, ValueError, KeyError, zipfile.BadZipFile, io.UnsupportedOperation):
        return None
    orders = {k[6:]: v for k, v in arrays.items() if k.startswith("order_")}
    groups = {k[6:]: v for k, v in arrays.items() if k.startswith("group_")}
    value_ranks = {k[12:]: v for k, v in arrays.items() if k.startswith("value_ranks_")}
    ties = {k[5:]: v for k, v in arrays.items() if k.startswith("ties_")}
    pairs = {
        k[11:]: Pairs(v, arrays[f"pairs_values_{k[11:]}"])
        for k, v in arrays.items()
        if k.startswith("pairs_rows_")
    }
    lower = arrays["date_lower"]
    return ColumnarIndex(
        generation=int(meta["generation"]),
        ids=arrays["ids"],
        deleted=arrays["deleted"],
        date_lower=lower,
        year=years_of(lower),
        month=arrays["month"],
        precision=arrays["precision"],
        doc_type=arrays["doc_type"],
        repository=arrays["repository"],
        has_notes=arrays["has_notes"],
        has_relations=arrays["has_relations"],
        has_attachments=arrays["has_attachments"],
        orders=orders,
        ranks={},
        groups=groups,
        pairs=pairs,
        names=_int_keys(meta.pop("names")),
        keys=meta.pop("keys"),
        value_ranks=value_ranks,
        ties=ties,
    )
