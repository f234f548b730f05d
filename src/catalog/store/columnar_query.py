"""Queries and facet counts answered from the columnar index.

Each leaf of the query tree becomes a boolean mask over the index rows; full-text
leaves ask the database's full-text index for ids (nothing else does that as well).
The results equal the SQL compiler's exactly: the tests compare both on random queries.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import numpy.typing as npt
from sqlalchemy import Connection

from catalog.domain import query_ast as q
from catalog.domain.query_ast import FacetField, HasWhat, IsWhat
from catalog.domain.views import FacetName, SortKey, SortOrder
from catalog.store.columnar import (
    NO_DATE,
    BoolArray,
    ColumnarIndex,
    IntArray,
    Pairs,
    settle,
    value_ranks,
)
from catalog.store.facets_repo import Count
from catalog.store.search import matching_ids

__all__ = ["Evaluator", "facet_counts", "ordered_ids", "settle", "value_ranks"]

# Facet fields of the query language → the index's facet names.
_FIELD_FACET = {
    FacetField.TYPE: "type",
    FacetField.LANGUAGE: "language",
    FacetField.COLLECTION: "collection",
    FacetField.TAG: "tag",
    FacetField.PERSON: "person",
    FacetField.ORGANISATION: "organisation",
    FacetField.PLACE: "place",
    FacetField.SUBJECT: "subject",
    FacetField.ARCHIVE: "repository",
}


class Evaluator:
    """Evaluates query trees against one index, asking the database only for full text."""

    def __init__(self, index: ColumnarIndex, connection: Connection) -> None:
        self.index = index
        self.connection = connection

    def matches(self, node: q.Node) -> BoolArray:
        """The rows matching ``node``, trash left out unless the query asks for it."""
        mask = self.mask(node)
        if not q.mentions_trash(node):
            mask &= ~self.index.deleted
        return mask

    def mask(self, node: q.Node) -> BoolArray:
        """The rows matching one node (trash not considered)."""
        index = self.index
        if isinstance(node, q.MatchAll):
            return np.ones(index.size, dtype=np.bool_)
        if isinstance(node, q.And):
            return self._and(node.items)
        if isinstance(node, q.Or):
            result = np.zeros(index.size, dtype=np.bool_)
            for item in node.items:
                result |= self.mask(item)
            return result
        if isinstance(node, q.Not):
            return ~self.mask(node.item)
        if isinstance(node, q.TextTerm):
            return self._text([node])
        if isinstance(node, q.FacetTerm):
            return self._facet(node)
        if isinstance(node, q.DateTerm):
            lower = index.date_lower
            mask: BoolArray = lower != NO_DATE
            if node.lower is not None:
                mask &= lower >= node.lower
            if node.upper is not None:
                mask &= lower <= node.upper
            return mask
        if isinstance(node, q.HasTerm):
            has: BoolArray = self._has(node.what).copy()
            return has
        assert node.what is IsWhat.TRASH
        trash: BoolArray = index.deleted.copy()
        return trash

    def _and(self, items: Sequence[q.Node]) -> BoolArray:
        texts = [item for item in items if isinstance(item, q.TextTerm) and item.tokens]
        result = self._text(texts) if texts else np.ones(self.index.size, dtype=np.bool_)
        for item in items:
            if item not in texts:
                result &= self.mask(item)
        return result

    def _text(self, terms: Sequence[q.TextTerm]) -> BoolArray:
        terms = [term for term in terms if term.tokens]
        if not terms:
            return np.ones(self.index.size, dtype=np.bool_)
        return self.index.mask_of(matching_ids(self.connection, terms))

    def _facet(self, term: q.FacetTerm) -> BoolArray:
        index = self.index
        facet = _FIELD_FACET[term.field]
        wanted = index.keys.get(facet, {}).get(term.key, [])
        if facet in ("type", "repository"):
            column = index.doc_type if facet == "type" else index.repository
            found: BoolArray = np.isin(column, np.asarray(wanted, dtype=np.int32))
            return found
        pairs = index.pairs[facet]
        mask = np.zeros(index.size, dtype=np.bool_)
        if wanted:
            mask[pairs.rows[np.isin(pairs.values, np.asarray(wanted, dtype=np.int32))]] = True
        return mask

    def _has(self, what: HasWhat) -> BoolArray:
        index = self.index
        if what is HasWhat.DATE:
            dated: BoolArray = index.date_lower != NO_DATE
            return dated
        if what is HasWhat.NOTES:
            return index.has_notes
        if what is HasWhat.ATTACHMENTS:
            return index.has_attachments
        if what is HasWhat.RELATIONS:
            return index.has_relations
        mask = np.zeros(index.size, dtype=np.bool_)
        mask[index.pairs["tag"].rows] = True
        return mask


def ordered_ids(
    index: ColumnarIndex,
    mask: BoolArray,
    sort: SortKey,
    descending: bool = False,
    then: Sequence[SortOrder] = (),
) -> IntArray:
    """Record ids of the rows in ``mask``, in the sort's order (as ``search.order_by``)."""
    if then:
        return _ordered_by_keys(index, mask, [SortOrder(sort, descending), *then])
    key = sort.value if sort is not SortKey.ID else None
    rows: npt.NDArray[np.intp]
    if key is None:
        rows = np.flatnonzero(mask)
    else:
        hits = int(np.count_nonzero(mask))
        if hits * 16 < index.size:
            # Few hits: sorting them by rank beats scanning the whole order.
            rows = np.flatnonzero(mask)
            rows = rows[np.argsort(index.rank(key)[rows], kind="stable")]
        else:
            order = index.orders[key]
            rows = order[mask[order]].astype(np.intp)
    ids = index.ids[rows]
    return ids[::-1].copy() if descending else ids


def _ordered_by_keys(index: ColumnarIndex, mask: BoolArray, keys: list[SortOrder]) -> IntArray:
    # Each key but the last by its value alone (group ranks), the last one with its
    # tie-breakers (its full rank); numpy's lexsort takes the most significant key last.
    rows = np.flatnonzero(mask)
    columns: list[npt.NDArray[np.int64]] = []
    for position, key in enumerate(keys):
        last = position == len(keys) - 1
        if key.key is SortKey.ID:
            values = rows.astype(np.int64)  # rows are in id order
        else:
            column = index.rank(key.key.value) if last else index.groups[key.key.value]
            values = column[rows].astype(np.int64)
        columns.append(-values if key.descending else values)
    ordered = rows[np.lexsort(columns[::-1])]
    return index.ids[ordered]


def facet_counts(
    index: ColumnarIndex, mask: BoolArray, facet: FacetName, limit: int | None
) -> list[Count]:
    """A facet's values and counts among the rows in ``mask`` (same order as SQL's)."""
    if facet is FacetName.MONTH:
        months = index.month[mask]
        months = months[months != NO_DATE]
        # Months as consecutive numbers, so counting is a bincount, not a sort.
        pairs = [
            (v // 12 * 100 + v % 12 + 1, n)
            for v, n in _tally(months // 100 * 12 + months % 100 - 1)
        ]
        return pairs[:limit] if limit is not None else pairs
    if facet is FacetName.HAS:
        found = [
            (what.value, int(np.count_nonzero(self_mask & mask)))
            for what, self_mask in (
                (HasWhat.NOTES, index.has_notes),
                (HasWhat.RELATIONS, index.has_relations),
                (HasWhat.ATTACHMENTS, index.has_attachments),
            )
        ]
        return [(what, n) for what, n in found if n][:limit]
    if facet in (FacetName.YEAR, FacetName.DECADE):
        years = index.year[mask]
        years = years[years != NO_DATE]
        if facet is FacetName.DECADE:
            years = (years // 10) * 10
        pairs = _tally(years)
        return pairs[:limit] if limit is not None else pairs
    name = {FacetName.ARCHIVE: "repository"}.get(facet, facet.value)
    if facet in (FacetName.TYPE, FacetName.ARCHIVE):
        codes = (index.doc_type if facet is FacetName.TYPE else index.repository)[mask]
        counts = np.bincount(codes[codes != 0])
    else:
        counts = _pair_counts(index.pairs[name], mask)
    present = np.flatnonzero(counts)
    if present.size == 0:
        return []
    if limit is not None and present.size > limit:
        # Only values counted at least as often as the limit-th can be shown: sorting
        # those few beats sorting every person of a large result.
        cutoff = np.partition(counts[present], present.size - limit)[present.size - limit]
        present = present[counts[present] >= cutoff]
    # Most frequent first; ties by the value's sort key then id, as SQL orders them.
    order = np.lexsort((value_ranks(index, name)[present], -counts[present]))
    if limit is not None:
        order = order[:limit]
    names = index.names.get(name, {})
    return [(names.get(int(v), ""), int(counts[v])) for v in present[order]]


# Pairs counted at once: the values of a million-record result's people, picked out at
# once, are tens of MB, and the window counts facets on two threads at a time.
PAIRS_AT_ONCE = 1 << 20


def _pair_counts(pairs: Pairs, mask: BoolArray) -> IntArray:
    """How many rows in ``mask`` hold each value, a slice of the pairs at a time."""
    counts: IntArray = np.zeros(0, dtype=np.int64)
    for start in range(0, pairs.rows.size, PAIRS_AT_ONCE):
        end = start + PAIRS_AT_ONCE
        part = np.bincount(pairs.values[start:end][mask[pairs.rows[start:end]]])
        if part.size > counts.size:
            part[: counts.size] += counts
            counts = part
        else:
            counts[: part.size] += part
    return counts


def _tally(values: IntArray) -> list[tuple[int, int]]:
    """Each distinct value with its count, ascending (a bincount over a small range)."""
    if values.size == 0:
        return []
    low = int(values.min())
    counts = np.bincount(values - low)
    present = np.flatnonzero(counts)
    return [(int(v) + low, int(counts[v])) for v in present]
