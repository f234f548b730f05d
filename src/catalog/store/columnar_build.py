"""Building the columnar index from the database, fast enough for a million records.

Integer columns cross from the database as one aggregated string per query (SQLite's
``group_concat``, PostgreSQL's ``string_agg``) that numpy parses in C: about a tenth of
the cost of handing millions of rows to Python one tuple at a time. Sort orders are
computed with numpy from the same columns, except titles, which the database's index
already holds in order.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from typing import Any

import numpy as np
import numpy.typing as npt
from sqlalchemy import Connection

from catalog.domain.views import SortKey
from catalog.store.columnar import (
    AUTHORITY_KINDS,
    NO_DATE,
    BoolArray,
    ColumnarIndex,
    Int32Array,
    IntArray,
    Pairs,
    months_of,
    spacing,
    years_of,
)

# Multi-valued facets: name → (table, value column).
LINKS = {
    "language": ("record_languages", "language_id"),
    "collection": ("record_collections", "collection_id"),
    "tag": ("record_tags", "tag_id"),
}
# Record ids per read of a link table (a few million links at most).
LINK_CHUNK = 250_000
# Authority kinds by code, so links can be split by kind with numpy.
_KINDS = (*AUTHORITY_KINDS, "repository")
# Sorts by a value of the record, each with the facet whose keys rank the values.
VALUE_SORTS = {SortKey.TYPE: "type", SortKey.ARCHIVE: "repository", SortKey.LANGUAGE: "language"}


def integers(connection: Connection, columns: list[str], source: str) -> IntArray:
    """Integer columns of ``source`` as an array of shape (rows, columns); NULL reads -1."""
    postgres = connection.dialect.name == "postgresql"
    cells = [f"CAST(COALESCE({c}, -1) AS {'TEXT' if postgres else 'INTEGER'})" for c in columns]
    row = " || ',' || ".join(cells)
    aggregate = f"string_agg({row}, ',')" if postgres else f"group_concat({row})"
    text = connection.exec_driver_sql(f"SELECT {aggregate} FROM {source}").scalar()  # noqa: S608
    if not text:
        return np.zeros((0, len(columns)), dtype=np.int64)
    return np.fromstring(text, dtype=np.int64, sep=",").reshape(-1, len(columns))


def build(connection: Connection, generation: int) -> ColumnarIndex:
    """Read every column from the database and compute the sort orders."""
    columns = integers(
        connection,
        [
            "id",
            "CASE WHEN deleted THEN 1 ELSE 0 END",
            "date_lower",
            "date_precision",
            "doc_type_id",
            "repository_id",
            "date_upper",
        ],
        "records",
    )
    columns = columns[np.argsort(columns[:, 0], kind="stable")]
    ids = columns[:, 0].copy()
    lower = np.where(columns[:, 2] == -1, NO_DATE, columns[:, 2])
    upper = np.where(columns[:, 6] == -1, NO_DATE, columns[:, 6])
    doc_type = np.maximum(columns[:, 4], 0).astype(np.int32)
    index = ColumnarIndex(
        generation=generation,
        ids=ids,
        deleted=columns[:, 1] != 0,
        date_lower=lower,
        year=years_of(lower),
        month=months_of(lower, upper),
        precision=columns[:, 3].astype(np.int8),
        doc_type=doc_type,
        repository=np.maximum(columns[:, 5], 0).astype(np.int32),
        has_notes=np.zeros(0, dtype=np.bool_),
        has_relations=np.zeros(0, dtype=np.bool_),
        has_attachments=np.zeros(0, dtype=np.bool_),
        orders={},
        ranks={},
        groups={},
        pairs={},
        names={},
        keys={},
    )
    del columns
    _load_names(index, connection)
    set_date_order(index)
    set_order(index, SortKey.TITLE, *title_order(index, connection))
    index.has_notes = _has(index, connection, "record_id", "annotations")
    index.has_attachments = _has(index, connection, "record_id", "attachments")
    index.has_relations = _has(index, connection, "source_id", "relations") | _has(
        index, connection, "target_id", "relations"
    )
    for name, (table, column) in LINKS.items():
        index.pairs[name] = _concatenate(list(_link_chunks(index, connection, table, column)))
    _authority_pairs(index, connection)
    for sort, facet in VALUE_SORTS.items():
        ties = index.ties[facet] = tie_ranks(index.sort_names.get(facet, {}))
        set_value_order(index, sort, value_groups(index, sort, ties))
    return index


def _link_chunks(
    index: ColumnarIndex, connection: Connection, table: str, column: str
) -> Iterator[Pairs]:
    """A link table's (row, value) pairs, read a range of record ids at a time.

    Millions of links read at once would need hundreds of megabytes of text and
    64-bit integers; a range at a time keeps the peak small.
    """
    if index.size == 0:
        return
    first, last = int(index.ids[0]), int(index.ids[-1])
    for low in range(first, last + 1, LINK_CHUNK):
        high = low + LINK_CHUNK - 1
        source = f"{table} WHERE record_id BETWEEN {low} AND {high}"
        found = integers(connection, ["record_id", column], source)
        yield _pairs(index, found[:, 0], found[:, 1])


def _concatenate(chunks: list[Pairs]) -> Pairs:
    # Chunks come in record order, each sorted by row: together they are sorted.
    if not chunks:
        empty = np.zeros(0, dtype=np.int32)
        return Pairs(empty, empty.copy())
    rows = np.concatenate([c.rows for c in chunks])
    values = np.concatenate([c.values for c in chunks])
    return Pairs(rows, values)


def set_order(index: ColumnarIndex, sort: SortKey, order: Int32Array, groups: Int32Array) -> None:
    index.orders[sort.value] = order
    index.groups[sort.value] = groups.astype(np.int32)
    index.ranks.pop(sort.value, None)


def set_date_order(index: ColumnarIndex) -> None:
    """Order by lower bound (undated last), then precision, then id (rows are in id
    order), as ``store.search`` sorts by ``date_sort``, ``date_precision`` and id."""
    rows = np.arange(index.size, dtype=np.int32)
    order = np.lexsort((rows, index.precision, index.date_lower)).astype(np.int32)
    set_order(index, SortKey.DATE, order, runs(order, index.date_lower, index.precision))


def value_groups(
    index: ColumnarIndex, sort: SortKey, ties: Int32Array, rows: Int32Array | None = None
) -> Int32Array:
    """Each row's rank by the value a type, archive or language sort compares (only
    those of ``rows`` when given)."""
    if sort is SortKey.LANGUAGE:
        return first_languages(index, ties, rows)
    column = index.doc_type if sort is SortKey.TYPE else index.repository
    found: Int32Array = ties[column if rows is None else column[rows]]
    return found


def set_value_order(index: ColumnarIndex, sort: SortKey, groups: Int32Array) -> None:
    """Order by a value's rank, records of one value by date (the date order is set)."""
    order = np.lexsort((index.rank(SortKey.DATE.value), groups)).astype(np.int32)
    set_order(index, sort, order, groups)


def runs(order: Int32Array, *columns: npt.NDArray[np.integer[Any]]) -> Int32Array:
    """Each row's group: rows in ``order`` with equal ``columns`` share a number, and
    the numbers rise along the order with gaps between them (``columnar.spacing``)."""
    changed = np.zeros(order.shape[0], dtype=np.bool_)
    for column in columns:
        in_order = column[order]
        changed[1:] |= in_order[1:] != in_order[:-1]
    return spaced(order, changed)


def spaced(order: Int32Array, starts: BoolArray) -> Int32Array:
    """Group numbers along ``order``, a new one (with a gap) wherever ``starts`` is set."""
    groups = np.empty(order.shape[0], dtype=np.int32)
    groups[order] = np.cumsum(starts, dtype=np.int32) * spacing(order.shape[0])
    return groups


def title_order(index: ColumnarIndex, connection: Connection) -> tuple[Int32Array, Int32Array]:
    # The database sorts titles (its (title_key, id) index holds that order); sorting a
    # million strings in Python would cost seconds. Each id comes with its rank, since an
    # aggregate does not promise to keep the order of its input, and with whether its
    # title equals the one before (ties a second sort key may break).
    ranked = integers(
        connection,
        ["id", "position", "same"],
        "(SELECT id, row_number() OVER w AS position,"
        " CASE WHEN title_key = lag(title_key) OVER w THEN 1 ELSE 0 END AS same"
        " FROM records WINDOW w AS (ORDER BY title_key, id)) AS r",
    )
    by_position = np.argsort(ranked[:, 1], kind="stable")
    order: Int32Array = index.rows_of(ranked[by_position, 0])
    return order, spaced(order, ranked[by_position, 2] == 0)


def tie_ranks(keys: dict[int, str]) -> Int32Array:
    """Rank of each value id by its folded key; equal keys share a rank, and no value
    (id 0) ranks with the empty key, as SQL's ``coalesce(key, '')`` sorts them."""
    position = {key: rank for rank, key in enumerate(sorted({*keys.values(), ""}))}
    ranks = np.zeros(max(keys, default=0) + 1, dtype=np.int32)
    for value, key in keys.items():
        ranks[value] = position[key]
    return ranks


def first_languages(
    index: ColumnarIndex, ranks: Int32Array, rows: Int32Array | None = None
) -> Int32Array:
    """Each row's smallest language rank (0: no language), as SQL's min(key) sorts;
    only those of ``rows`` when given."""
    pairs = index.pairs["language"]
    none = np.iinfo(np.int32).max
    if rows is None:
        first = np.full(index.size, none, dtype=np.int32)
        np.minimum.at(first, pairs.rows, ranks[pairs.values])
    else:
        # Pairs are sorted by row: each row's languages are one slice of them.
        starts = np.searchsorted(pairs.rows, rows, side="left")
        ends = np.searchsorted(pairs.rows, rows, side="right")
        first = np.asarray(
            [ranks[pairs.values[a:b]].min(initial=none) for a, b in zip(starts, ends, strict=True)],
            dtype=np.int32,
        )
    first[first == none] = 0
    return first


def _has(index: ColumnarIndex, connection: Connection, column: str, table: str) -> BoolArray:
    # Table and column names are constants of this module, never user input.
    source = f"(SELECT DISTINCT {column} FROM {table}) AS d"  # noqa: S608
    found = integers(connection, [column], source)
    return index.mask_of(found[:, 0])


def _pairs(index: ColumnarIndex, records: IntArray, values: IntArray) -> Pairs:
    rows = index.rows_of(records)
    order = np.argsort(rows, kind="stable")
    return Pairs(rows[order], values[order].astype(np.int32))


def _authority_pairs(index: ColumnarIndex, connection: Connection) -> None:
    kinds = integers(connection, ["id", authority_kind_codes()], "authorities")
    kind_of = np.full(int(kinds[:, 0].max(initial=0)) + 1, -1, dtype=np.int8)
    kind_of[kinds[:, 0]] = kinds[:, 1]
    by_kind: dict[str, list[Pairs]] = {kind: [] for kind in AUTHORITY_KINDS}
    for chunk in _link_chunks(index, connection, "record_authorities", "authority_id"):
        link_kinds = kind_of[chunk.values]
        for code, kind in enumerate(AUTHORITY_KINDS):
            chosen = link_kinds == code
            by_kind[kind].append(Pairs(chunk.rows[chosen], chunk.values[chosen]))
    for kind, chunks in by_kind.items():
        index.pairs[kind] = _concatenate(chunks)


def _load_names(index: ColumnarIndex, connection: Connection) -> None:
    load_vocabularies(index, connection)
    load_authorities(index, connection, _KINDS)


VOCABULARIES = {
    "type": "document_types",
    "language": "languages",
    "collection": "collections",
    "tag": "tags",
}


def load_vocabularies(index: ColumnarIndex, connection: Connection) -> None:
    """Names and keys of types, languages, collections and tags (small tables)."""
    for facet, table in VOCABULARIES.items():
        rows = connection.exec_driver_sql(f"SELECT id, name, key FROM {table}").fetchall()  # noqa: S608
        index.names[facet] = {r[0]: r[1] for r in rows}
        index.sort_names[facet] = {r[0]: r[2] for r in rows}
        keys: dict[str, list[int]] = defaultdict(list)
        for r in rows:
            keys[r[2]].append(r[0])
        index.keys[facet] = dict(keys)


def load_authorities(index: ColumnarIndex, connection: Connection, kinds: Iterable[str]) -> None:
    """Names, sort keys and variant keys of the authorities of ``kinds``."""
    chosen = [kind for kind in _KINDS if kind in set(kinds)]
    if not chosen:
        return
    for kind in chosen:
        index.names[kind] = {}
        index.sort_names[kind] = {}
        index.keys[kind] = {}
    # The kinds are this module's constants, never user input.
    where = "" if len(chosen) == len(_KINDS) else f" WHERE kind IN ({_quoted(chosen)})"
    for aid, kind, name, sort in connection.exec_driver_sql(
        "SELECT id, kind, name, sort_key FROM authorities" + where  # noqa: S608
    ):
        index.names[kind][aid] = name
        index.sort_names[kind][aid] = sort
    for kind, key, aid in connection.exec_driver_sql(
        "SELECT kind, name_key, authority_id FROM authority_variants" + where  # noqa: S608
    ):
        bucket = index.keys[kind].setdefault(key, [])
        if aid not in bucket:
            bucket.append(aid)


def authority_kind_codes() -> str:
    """SQL turning ``kind`` into its position in the kinds this module knows (-1: other)."""
    cases = " ".join(f"WHEN '{kind}' THEN {code}" for code, kind in enumerate(_KINDS))
    return f"CASE kind {cases} ELSE -1 END"


def _quoted(kinds: Iterable[str]) -> str:
    return ", ".join(f"'{kind}'" for kind in kinds)
