"""Building the columnar index from the database, fast enough for a million records.

Integer columns cross from the database as one aggregated string per query (SQLite's
``group_concat``, PostgreSQL's ``string_agg``) that numpy parses in C: about a tenth of
the cost of handing millions of rows to Python one tuple at a time. Sort orders are
computed with numpy from the same columns, except titles, which the database's index
already holds in order.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

import numpy as np
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
    years_of,
)

# Multi-valued facets: name → (table, value column).
_LINKS = {
    "language": ("record_languages", "language_id"),
    "collection": ("record_collections", "collection_id"),
    "tag": ("record_tags", "tag_id"),
}
# Record ids per read of a link table (a few million links at most).
LINK_CHUNK = 250_000
# Authority kinds by code, so links can be split by kind with numpy.
_KINDS = (*AUTHORITY_KINDS, "repository")


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
            "date_sort",
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
    upper = np.where(columns[:, 7] == -1, NO_DATE, columns[:, 7])
    doc_type = np.maximum(columns[:, 5], 0).astype(np.int32)
    index = ColumnarIndex(
        generation=generation,
        ids=ids,
        deleted=columns[:, 1] != 0,
        date_lower=lower,
        year=years_of(lower),
        month=months_of(lower, upper),
        doc_type=doc_type,
        repository=np.maximum(columns[:, 6], 0).astype(np.int32),
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
    _load_names(index, connection)
    date_order = np.lexsort((ids, columns[:, 4], columns[:, 3])).astype(np.int32)
    _set_order(index, SortKey.DATE, date_order, _runs(date_order, columns[:, 3], columns[:, 4]))
    title_order, title_groups = _title_order(index, connection)
    _set_order(index, SortKey.TITLE, title_order, title_groups)
    date_rank = index.rank(SortKey.DATE.value)
    by_type = _value_ranks(index.sort_names.get("type", {}))[doc_type]
    _set_order(index, SortKey.TYPE, np.lexsort((date_rank, by_type)).astype(np.int32), by_type)
    by_archive = _value_ranks(index.sort_names.get("repository", {}))[index.repository]
    archive_order = np.lexsort((date_rank, by_archive)).astype(np.int32)
    _set_order(index, SortKey.ARCHIVE, archive_order, by_archive)
    del columns
    index.has_notes = _has(index, connection, "record_id", "annotations")
    index.has_attachments = _has(index, connection, "record_id", "attachments")
    index.has_relations = _has(index, connection, "source_id", "relations") | _has(
        index, connection, "target_id", "relations"
    )
    for name, (table, column) in _LINKS.items():
        index.pairs[name] = _concatenate(list(_link_chunks(index, connection, table, column)))
    by_language = _first_language(index)
    language_order = np.lexsort((date_rank, by_language)).astype(np.int32)
    _set_order(index, SortKey.LANGUAGE, language_order, by_language)
    _authority_pairs(index, connection)
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


def _set_order(index: ColumnarIndex, sort: SortKey, order: Int32Array, groups: Int32Array) -> None:
    index.orders[sort.value] = order
    index.groups[sort.value] = groups.astype(np.int32)


def _runs(order: Int32Array, *columns: IntArray) -> Int32Array:
    """Each row's group rank: rows in ``order`` with equal ``columns`` share a rank."""
    changed = np.zeros(order.shape[0], dtype=np.bool_)
    for column in columns:
        in_order = column[order]
        changed[1:] |= in_order[1:] != in_order[:-1]
    groups = np.empty(order.shape[0], dtype=np.int32)
    groups[order] = np.cumsum(changed, dtype=np.int32)
    return groups


def _title_order(index: ColumnarIndex, connection: Connection) -> tuple[Int32Array, Int32Array]:
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
    groups = np.empty(order.shape[0], dtype=np.int32)
    groups[order] = np.cumsum(ranked[by_position, 2] == 0, dtype=np.int32)
    return order, groups


def _value_ranks(keys: dict[int, str]) -> Int32Array:
    """Rank of each value id by its folded key; equal keys share a rank, and no value
    (id 0) ranks with the empty key, as SQL's ``coalesce(key, '')`` sorts them."""
    position = {key: rank for rank, key in enumerate(sorted({*keys.values(), ""}))}
    ranks = np.zeros(max(keys, default=0) + 1, dtype=np.int32)
    for value, key in keys.items():
        ranks[value] = position[key]
    return ranks


def _first_language(index: ColumnarIndex) -> Int32Array:
    """Each row's smallest language rank (0: no language), as SQL's min(key) sorts."""
    pairs = index.pairs["language"]
    ranks = _value_ranks(index.sort_names.get("language", {}))
    first = np.full(index.size, np.iinfo(np.int32).max, dtype=np.int32)
    np.minimum.at(first, pairs.rows, ranks[pairs.values])
    first[first == np.iinfo(np.int32).max] = 0
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
    kinds = integers(
        connection,
        [
            "id",
            "CASE kind "
            + " ".join(f"WHEN '{k}' THEN {n}" for n, k in enumerate(_KINDS))
            + " ELSE -1 END",
        ],
        "authorities",
    )
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
    for facet, table in (
        ("type", "document_types"),
        ("language", "languages"),
        ("collection", "collections"),
        ("tag", "tags"),
    ):
        rows = connection.exec_driver_sql(f"SELECT id, name, key FROM {table}").fetchall()  # noqa: S608
        index.names[facet] = {r[0]: r[1] for r in rows}
        index.sort_names[facet] = {r[0]: r[2] for r in rows}
        keys: dict[str, list[int]] = defaultdict(list)
        for r in rows:
            keys[r[2]].append(r[0])
        index.keys[facet] = dict(keys)
    for kind in _KINDS:
        index.names[kind] = {}
        index.sort_names[kind] = {}
        index.keys[kind] = {}
    for aid, kind, name, sort in connection.exec_driver_sql(
        "SELECT id, kind, name, sort_key FROM authorities"
    ):
        index.names[kind][aid] = name
        index.sort_names[kind][aid] = sort
    for kind, key, aid in connection.exec_driver_sql(
        "SELECT kind, name_key, authority_id FROM authority_variants"
    ):
        bucket = index.keys.setdefault(kind, {}).setdefault(key, [])
        if aid not in bucket:
            bucket.append(aid)
