"""The practical floor: the same work done with ``sqlite3`` directly, no Catalog code timed.

Import: the schema is created by ``catalog.store.schema.prepare`` on an empty file, then
the records of a generated native JSON file go in with ``executemany`` of pre-built
tuples, in one transaction, with every row Catalog writes (records, vocabularies and their
links, authorities, variants and links, notes, attachments, relations, the FTS5 rows).
Building the tuples (reading the JSON, folding text, parsing dates) is done batch by batch
*outside* the timed part: the floor is what SQLite itself costs.

Queries: hand-written SQL on the same file (FTS5 ``MATCH`` with ``ORDER BY``, ``GROUP BY``
per facet, an ``IN`` query for a page of 50 rows) with the same pragmas as Catalog's.
"""

from __future__ import annotations

import csv
import json
import sqlite3
import time
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from catalog.domain.collation import sort_key
from catalog.domain.dates import PartialDate, parse_date, parse_edtf
from catalog.domain.names import fold, name_key, search_text
from catalog.store import schema
from catalog.store.engine import (
    _SQLITE_PRAGMAS,
    READER_CACHE_KIB,
    WRITER_CACHE_KIB,
    create_database,
)
from catalog.store.tables import UNDATED_SORT

# The pragmas of Catalog's own connections, so both sides run under the same settings.
PRAGMAS = _SQLITE_PRAGMAS
BATCH = 20_000
NOW = "2025-01-01 00:00:00.000000"


def connect(path: Path, *, write: bool = False) -> sqlite3.Connection:
    """A plain ``sqlite3`` connection with the pragmas Catalog's engine sets."""
    connection = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    for pragma in PRAGMAS:
        connection.execute(pragma)
    cache = WRITER_CACHE_KIB if write else READER_CACHE_KIB
    connection.execute(f"PRAGMA cache_size = -{cache}")
    if write:
        connection.execute("PRAGMA journal_mode = WAL")
    else:
        connection.execute("PRAGMA query_only = ON")
    return connection


# ----------------------------------------------------------------------------- import


def read_records(source: Path) -> Iterator[dict[str, Any]]:
    """The record objects of a generated file (one per line, as ``benchmarks.generate`` writes)."""
    with source.open(encoding="utf-8") as lines:
        for line in lines:
            if line.startswith("{") and not line.startswith('{"format"'):
                yield json.loads(line.rstrip().rstrip(","))


def _timestamp(text: str | None) -> str:
    if not text:
        return NOW
    return text.replace("T", " ").replace("Z", "").ljust(19, "0")[:19] + ".000000"


def _date(obj: dict[str, Any] | str | None) -> PartialDate:
    if obj is None:
        return parse_date("")
    if isinstance(obj, str):
        return parse_date(obj)
    if obj.get("edtf"):
        return parse_edtf(obj["edtf"], obj.get("text", ""))
    return parse_date(obj.get("text", ""))


@dataclass
class _Vocab:
    """Name → id of one vocabulary, with the rows still to insert."""

    table: str
    ids: dict[str, int] = field(default_factory=dict)
    rows: list[tuple[Any, ...]] = field(default_factory=list)

    def id_for(self, name: str) -> int | None:
        name = " ".join(name.split())
        if not name:
            return None
        key = fold(name)
        found = self.ids.get(key)
        if found is None:
            found = self.ids[key] = len(self.ids) + 1
            extra = ("",) if self.table == "collections" else ()
            self.rows.append((found, name, key, *extra, f"v-{self.table}-{found}", NOW, NOW, 1))
        return found

    def insert_sql(self) -> str:
        if self.table == "collections":
            return (
                "INSERT INTO collections (id, name, key, description, uid, created, modified,"
                " version) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
            )
        return (
            f"INSERT INTO {self.table} (id, name, key, uid, created, modified, version)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)"
        )


@dataclass
class _Authorities:
    """(kind, name key) → authority id, each authority's variant names, rows to insert."""

    ids: dict[tuple[str, str], int] = field(default_factory=dict)
    names: dict[int, list[str]] = field(default_factory=dict)
    rows: list[tuple[Any, ...]] = field(default_factory=list)
    variant_rows: list[tuple[Any, ...]] = field(default_factory=list)
    variant_count: int = 0

    def id_for(self, kind: str, name: str, variants: Sequence[str] = ()) -> int | None:
        name = " ".join(name.split())
        key = name_key(name)
        if not key:
            return None
        found = self.ids.get((kind, key))
        if found is not None:
            return found
        found = len(self.names) + 1
        self.rows.append((found, kind, name, sort_key(name), "", f"a-{found}", NOW, NOW, 1))
        names: list[str] = []
        for variant in (name, *variants):
            variant = " ".join(variant.split())
            vkey = name_key(variant)
            if not vkey or variant in names:
                continue
            names.append(variant)
            self.ids.setdefault((kind, vkey), found)
            self.variant_count += 1
            self.variant_rows.append((self.variant_count, found, kind, variant, vkey))
        self.names[found] = names
        return found


@dataclass
class _Batch:
    """The tuples of one batch of records, table by table."""

    records: list[tuple[Any, ...]] = field(default_factory=list)
    links: list[tuple[Any, ...]] = field(default_factory=list)
    languages: list[tuple[int, int]] = field(default_factory=list)
    collections: list[tuple[int, int]] = field(default_factory=list)
    tags: list[tuple[int, int]] = field(default_factory=list)
    notes: list[tuple[Any, ...]] = field(default_factory=list)
    attachments: list[tuple[Any, ...]] = field(default_factory=list)
    relations: list[tuple[Any, ...]] = field(default_factory=list)
    fts: list[tuple[Any, ...]] = field(default_factory=list)


class _Builder:
    """Turns record objects into tuples, keeping ids and vocabularies across batches."""

    def __init__(self) -> None:
        self.doc_types = _Vocab("document_types")
        self.languages = _Vocab("languages")
        self.collections = _Vocab("collections")
        self.tags = _Vocab("tags")
        self.authorities = _Authorities()
        self.uids: dict[str, int] = {}
        self.next_id = {"record": 1, "link": 1, "note": 1, "attachment": 1, "relation": 1}

    def _take(self, what: str) -> int:
        value = self.next_id[what]
        self.next_id[what] = value + 1
        return value

    def batch(self, objects: Sequence[dict[str, Any]]) -> _Batch:
        out = _Batch()
        for obj in objects:
            self._record(obj, out)
        return out

    def _record(self, obj: dict[str, Any], out: _Batch) -> None:
        rid = self._take("record")
        self.uids[obj["uid"]] = rid
        date = _date(obj.get("date"))
        archive = obj.get("archive", "")
        repository = self.authorities.id_for("repository", archive) if archive.strip() else None
        created = _timestamp(obj.get("created"))
        out.records.append(
            (
                rid, obj["uid"], obj["title"], sort_key(obj["title"]), obj.get("summary", ""),
                date.text, date.edtf, date.lower, date.upper, int(date.precision),
                date.approximate, date.uncertain,
                UNDATED_SORT if date.lower is None else date.lower,
                self.doc_types.id_for(obj.get("doc_type", "")), repository,
                obj.get("source_ref", ""), obj.get("classification", ""), False, "", "",
                created, _timestamp(obj.get("modified") or obj.get("created")), 1,
            )
        )  # fmt: skip
        names: list[str] = []
        seen: set[tuple[int, str]] = set()
        for link in obj.get("names", []):
            aid = self.authorities.id_for(link["kind"], link["name"], link.get("variants", ()))
            role = link.get("role", "mentioned")
            if aid is None or (aid, role) in seen:
                continue
            seen.add((aid, role))
            out.links.append((self._take("link"), rid, aid, role))
            names.extend(self.authorities.names[aid])
        if repository is not None:
            names.extend(self.authorities.names[repository])
        for vocab, key, rows in (
            (self.languages, "languages", out.languages),
            (self.collections, "collections", out.collections),
            (self.tags, "tags", out.tags),
        ):
            ids = {vocab.id_for(name) for name in obj.get(key, [])} - {None}
            rows.extend((rid, vid) for vid in ids if vid is not None)
        notes = obj.get("notes", [])
        for note in notes:
            nid = self._take("note")
            stamp = _timestamp(note.get("created"))
            out.notes.append(
                (nid, rid, note["text"], note.get("author", ""), f"n-{nid}", stamp, stamp, 1)
            )
        for att in obj.get("attachments", []):
            aid = self._take("attachment")
            out.attachments.append(
                (
                    aid, rid, att["path"], att.get("role", ""), att.get("language", ""),
                    att.get("sha256", ""), f"f-{aid}", NOW, NOW, 1,
                )
            )  # fmt: skip
        for rel in obj.get("relations", []):
            target = self.uids.get(rel["target"])
            if target is not None and target != rid:
                lid = self._take("relation")
                out.relations.append((lid, rid, target, rel["type"], f"r-{lid}", NOW, NOW, 1))
        out.fts.append(
            (
                rid,
                search_text(obj["title"]),
                search_text(obj.get("summary", "")),
                search_text("\n".join(n["text"] for n in notes)),
                search_text("\n".join(names)),
            )
        )


_RECORD_SQL = (
    "INSERT INTO records (id, uid, title, title_key, summary, date_text, date_edtf, date_lower,"
    " date_upper, date_precision, date_approximate, date_uncertain, date_sort, doc_type_id,"
    " repository_id, source_ref, classification, deleted, created_by, modified_by,"
    " created, modified, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
    " ?, ?, ?, ?, ?, ?)"
)
_AUTHORITY_SQL = (
    "INSERT INTO authorities (id, kind, name, sort_key, note, uid, created, modified, version)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
)
_VARIANT_SQL = (
    "INSERT INTO authority_variants (id, authority_id, kind, name, name_key) VALUES (?, ?, ?, ?, ?)"
)
_LINK_SQL = "INSERT INTO record_authorities (id, record_id, authority_id, role) VALUES (?, ?, ?, ?)"
_NOTE_SQL = (
    "INSERT INTO annotations (id, record_id, text, author, uid, created, modified, version)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
)
_ATTACHMENT_SQL = (
    "INSERT INTO attachments (id, record_id, path, role, language, sha256, uid, created,"
    " modified, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)
_RELATION_SQL = (
    "INSERT INTO relations (id, source_id, target_id, type, uid, created, modified, version)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
)
_FTS_SQL = "INSERT INTO record_fts (rowid, title, summary, notes, names) VALUES (?, ?, ?, ?, ?)"


@dataclass(frozen=True)
class ImportFloor:
    """Seconds spent in SQLite (the floor) and, untimed by it, building the tuples."""

    seconds: float
    prepare_seconds: float
    records: int


def create_schema(target: Path) -> None:
    """An empty catalogue at ``target``, created by Catalog's own schema code."""
    db = create_database(target)
    try:
        schema.prepare(db)
    finally:
        db.dispose()


def import_floor(source: Path, target: Path) -> ImportFloor:
    """Insert the records of ``source`` into a fresh catalogue at ``target`` with sqlite3."""
    create_schema(target)
    builder = _Builder()
    connection = connect(target, write=True)
    timed = 0.0
    untimed = 0.0
    count = 0
    try:
        start = time.perf_counter()
        connection.execute("BEGIN IMMEDIATE")
        timed += time.perf_counter() - start
        for objects in _chunks(read_records(source), BATCH):
            start = time.perf_counter()
            batch = builder.batch(objects)
            untimed += time.perf_counter() - start
            start = time.perf_counter()
            _insert(connection, builder, batch)
            timed += time.perf_counter() - start
            count += len(objects)
        start = time.perf_counter()
        connection.execute("UPDATE catalog_info SET generation = generation + 1")
        connection.execute("COMMIT")
        timed += time.perf_counter() - start
    finally:
        connection.close()
    return ImportFloor(timed, untimed, count)


def _insert(connection: sqlite3.Connection, builder: _Builder, batch: _Batch) -> None:
    for vocab in (builder.doc_types, builder.languages, builder.collections, builder.tags):
        if vocab.rows:
            connection.executemany(vocab.insert_sql(), vocab.rows)
            vocab.rows = []
    authorities = builder.authorities
    if authorities.rows:
        connection.executemany(_AUTHORITY_SQL, authorities.rows)
        connection.executemany(_VARIANT_SQL, authorities.variant_rows)
        authorities.rows, authorities.variant_rows = [], []
    connection.executemany(_RECORD_SQL, batch.records)
    connection.executemany(_LINK_SQL, batch.links)
    for table, column, rows in (
        ("record_languages", "language_id", batch.languages),
        ("record_collections", "collection_id", batch.collections),
        ("record_tags", "tag_id", batch.tags),
    ):
        connection.executemany(
            f"INSERT INTO {table} (record_id, {column}) VALUES (?, ?)",
            rows,
        )
    connection.executemany(_NOTE_SQL, batch.notes)
    connection.executemany(_ATTACHMENT_SQL, batch.attachments)
    connection.executemany(_RELATION_SQL, batch.relations)
    connection.executemany(_FTS_SQL, batch.fts)


def _chunks(items: Iterator[dict[str, Any]], size: int) -> Iterator[list[dict[str, Any]]]:
    chunk: list[dict[str, Any]] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


# ----------------------------------------------------------------------------- queries


@dataclass(frozen=True)
class Filter:
    """A query as hand-written SQL: a condition on ``records r`` and its parameters."""

    where: str = ""
    params: tuple[Any, ...] = ()

    def clause(self) -> str:
        """``AND <condition>`` or nothing."""
        return f" AND {self.where}" if self.where else ""


def text_filter(fts_query: str) -> Filter:
    """Records whose full text matches an FTS5 query (``"citizenship"``, ``"coop" *``)."""
    return Filter("r.id IN (SELECT rowid FROM record_fts WHERE record_fts MATCH ?)", (fts_query,))


def doc_type_filter(key: str) -> Filter:
    """Records of the document type with this folded key."""
    return Filter("r.doc_type_id IN (SELECT id FROM document_types WHERE key = ?)", (key,))


def authority_filter(kind: str, key: str) -> Filter:
    """Records linked to the authority of this kind with a variant of this name key."""
    return Filter(
        "r.id IN (SELECT record_id FROM record_authorities WHERE authority_id IN"
        " (SELECT authority_id FROM authority_variants WHERE kind = ? AND name_key = ?))",
        (kind, key),
    )


def both(first: Filter, second: Filter) -> Filter:
    """Records matching both filters."""
    return Filter(f"{first.where} AND {second.where}", first.params + second.params)


ORDER = {
    "date": "r.date_sort, r.date_precision, r.id",
    "title": "r.title_key, r.id",
}


def search_ids(
    connection: sqlite3.Connection, where: Filter, sort: str = "date", limit: int | None = None
) -> list[int]:
    """Ids of the matching records outside the trash, in order (the first ``limit``)."""
    sql = f"SELECT r.id FROM records r WHERE r.deleted = 0{where.clause()} ORDER BY {ORDER[sort]}"
    if limit is not None:
        sql += f" LIMIT {int(limit)}"
    return [row[0] for row in connection.execute(sql, where.params)]


_PAGE_SQL = (
    "SELECT r.id, r.title, r.date_text, r.date_edtf, r.date_lower, r.date_upper,"
    " r.date_precision, r.date_approximate, r.date_uncertain, t.name FROM records r"
    " LEFT JOIN document_types t ON t.id = r.doc_type_id WHERE r.id IN ({marks})"
)


def page(connection: sqlite3.Connection, ids: Sequence[int]) -> list[tuple[Any, ...]]:
    """The list rows of ``ids`` (an IN query), in the order given."""
    sql = _PAGE_SQL.format(marks=",".join("?" * len(ids)))
    found = {row[0]: row for row in connection.execute(sql, list(ids))}
    return [found[i] for i in ids if i in found]


_SINGLE = {
    "type": ("document_types", "doc_type_id", "key"),
    "archive": ("authorities", "repository_id", "sort_key"),
}
_MULTI = {
    "language": ("record_languages", "language_id", "languages"),
    "collection": ("record_collections", "collection_id", "collections"),
    "tag": ("record_tags", "tag_id", "tags"),
}
AUTHORITY_FACETS = ("person", "organisation", "place", "subject")
FACETS = ("type", "decade", "year", "archive", "language", "collection", "tag", *AUTHORITY_FACETS)
# The "has" facet: its values, each with the condition a record meets.
_HAS = {
    "notes": "EXISTS (SELECT 1 FROM annotations x WHERE x.record_id = r.id)",
    "relations": "(EXISTS (SELECT 1 FROM relations x WHERE x.source_id = r.id)"
    " OR EXISTS (SELECT 1 FROM relations x WHERE x.target_id = r.id))",
    "attachments": "EXISTS (SELECT 1 FROM attachments x WHERE x.record_id = r.id)",
}


def facet_sql(facet: str, where: Filter, limit: int | None = 50) -> tuple[str, tuple[Any, ...]]:
    """One facet's GROUP BY query over the matching records.

    Joins start from the matching records (``CROSS JOIN`` fixes the order in SQLite): left
    to itself, the planner may instead walk every authority of a kind and probe the
    composite index once per matching record, which grows with their product.
    """
    hits = f"r.deleted = 0{where.clause()}"
    params = where.params
    limit_sql = "" if limit is None else f" LIMIT {int(limit)}"
    if facet in ("year", "decade"):
        value = "r.date_lower / 10000" if facet == "year" else "r.date_lower / 100000 * 10"
        sql = (
            f"SELECT {value} AS v, count(*) FROM records r"
            f" WHERE r.date_lower IS NOT NULL AND {hits} GROUP BY v ORDER BY v{limit_sql}"
        )
    elif facet == "month":  # dates within one month (the generated years are positive)
        sql = (
            "SELECT r.date_lower / 100 AS v, count(*) FROM records r"
            f" WHERE r.date_lower / 100 = r.date_upper / 100 AND {hits}"
            f" GROUP BY v ORDER BY v{limit_sql}"
        )
    elif facet == "has":
        counts = " UNION ALL ".join(
            f"SELECT '{value}' AS v, count(*) AS n FROM records r WHERE {hits} AND {condition}"
            for value, condition in _HAS.items()
        )
        sql = f"SELECT v, n FROM ({counts}) WHERE n > 0{limit_sql}"
        params = params * len(_HAS)
    elif facet in _SINGLE:
        table, column, key = _SINGLE[facet]
        sql = (
            f"SELECT v.name, count(*) AS n FROM records r JOIN {table} v ON v.id = r.{column}"
            f" WHERE {hits} GROUP BY v.id ORDER BY n DESC, v.{key}, v.id{limit_sql}"
        )
    elif facet in _MULTI:
        link, column, table = _MULTI[facet]
        sql = (
            f"SELECT v.name, count(*) AS n FROM records r"
            f" CROSS JOIN {link} l ON l.record_id = r.id CROSS JOIN {table} v ON v.id = l.{column}"
            f" WHERE {hits} GROUP BY v.id ORDER BY n DESC, v.key, v.id{limit_sql}"
        )
    else:
        sql = (
            "SELECT a.name, count(*) AS n FROM records r"
            " CROSS JOIN record_authorities l ON l.record_id = r.id"
            " CROSS JOIN authorities a ON a.id = l.authority_id"
            f" WHERE a.kind = ? AND {hits}"
            f" GROUP BY a.id ORDER BY n DESC, a.sort_key, a.id{limit_sql}"
        )
        params = (facet, *params)
    return sql, params


EVERY_FACET: dict[str, int | None] = dict.fromkeys(FACETS, 50)


def facets(
    connection: sqlite3.Connection, where: Filter, limits: Mapping[str, int | None] = EVERY_FACET
) -> dict[str, list[tuple[Any, int]]]:
    """Values and counts of each facet in ``limits`` (at most that many values; None: all)."""
    result = {}
    for facet, limit in limits.items():
        sql, params = facet_sql(facet, where, limit)
        result[facet] = connection.execute(sql, params).fetchall()
    return result


@dataclass(frozen=True)
class Refreshed:
    """What the window shows for a query."""

    ids: list[int]
    page: list[tuple[Any, ...]]
    facets: dict[str, list[tuple[Any, int]]]
    total: int


def refresh(
    connection: sqlite3.Connection,
    where: Filter,
    limits: Mapping[str, int | None] = EVERY_FACET,
    sort: str = "date",
) -> Refreshed:
    """After a keystroke: ids in order, the first page, the facets, the catalogue's size."""
    ids = search_ids(connection, where, sort)
    counted = facets(connection, where, limits)
    total = connection.execute("SELECT count(*) FROM records WHERE deleted = 0").fetchone()[0]
    return Refreshed(ids, page(connection, ids[:50]), counted, total)


# ----------------------------------------------------------------------------- export


def _marks(ids: Sequence[int]) -> str:
    return ",".join(str(int(i)) for i in ids)


def _export_batch(connection: sqlite3.Connection, ids: Sequence[int]) -> list[dict[str, Any]]:
    marks = _marks(ids)
    records = {
        row[0]: row
        for row in connection.execute(
            "SELECT r.id, r.uid, r.title, r.date_text, r.date_edtf, r.date_approximate,"
            " r.date_uncertain, r.summary, t.name, a.name, r.source_ref, r.classification,"
            " r.created, r.modified FROM records r"
            " LEFT JOIN document_types t ON t.id = r.doc_type_id"
            f" LEFT JOIN authorities a ON a.id = r.repository_id WHERE r.id IN ({marks})"
        )
    }
    links: dict[int, list[tuple[Any, ...]]] = {}
    for rid, aid, kind, name, role in connection.execute(
        "SELECT l.record_id, a.id, a.kind, a.name, l.role FROM record_authorities l"
        f" JOIN authorities a ON a.id = l.authority_id WHERE l.record_id IN ({marks})"
        " ORDER BY l.id"
    ):
        links.setdefault(rid, []).append((aid, kind, name, role))
    wanted = _marks(sorted({link[0] for rows in links.values() for link in rows})) or "0"
    variants: dict[int, list[str]] = {}
    for aid, name in connection.execute(
        f"SELECT authority_id, name FROM authority_variants WHERE authority_id IN ({wanted})"
        " ORDER BY id"
    ):
        variants.setdefault(aid, []).append(name)
    vocab: dict[str, dict[int, list[str]]] = {}
    for key, (link, column, table) in _MULTI.items():
        found: dict[int, list[str]] = {}
        for rid, name in connection.execute(
            f"SELECT l.record_id, v.name FROM {link} l JOIN {table} v ON v.id = l.{column}"
            f" WHERE l.record_id IN ({marks}) ORDER BY v.name"
        ):
            found.setdefault(rid, []).append(name)
        vocab[key] = found
    notes: dict[int, list[dict[str, Any]]] = {}
    for rid, text, author, created, modified in connection.execute(
        "SELECT record_id, text, author, created, modified FROM annotations"
        f" WHERE record_id IN ({marks}) ORDER BY id"
    ):
        notes.setdefault(rid, []).append(
            {"text": text, "author": author, "created": created, "modified": modified}
        )
    relations: dict[int, list[dict[str, str]]] = {}
    for source, rtype, target_uid in connection.execute(
        "SELECT l.source_id, l.type, o.uid FROM relations l JOIN records o ON o.id = l.target_id"
        f" WHERE l.source_id IN ({marks}) ORDER BY l.id"
    ):
        relations.setdefault(source, []).append({"type": rtype, "target": target_uid})
    attachments: dict[int, list[dict[str, str]]] = {}
    for rid, path, role, language, sha in connection.execute(
        "SELECT record_id, path, role, language, sha256 FROM attachments"
        f" WHERE record_id IN ({marks}) ORDER BY id"
    ):
        attachments.setdefault(rid, []).append(
            {"path": path, "role": role, "language": language, "sha256": sha}
        )
    result = []
    for rid in ids:
        row = records.get(rid)
        if row is None:
            continue
        result.append(
            {
                "uid": row[1],
                "title": row[2],
                "date": {
                    "text": row[3],
                    "edtf": row[4],
                    "approximate": bool(row[5]),
                    "uncertain": bool(row[6]),
                },
                "summary": row[7],
                "doc_type": row[8] or "",
                "languages": vocab["language"].get(rid, []),
                "archive": row[9] or "",
                "source_ref": row[10],
                "classification": row[11],
                "collections": vocab["collection"].get(rid, []),
                "names": [
                    {
                        "kind": kind,
                        "name": name,
                        "role": role,
                        "variants": [v for v in variants.get(aid, []) if v != name],
                    }
                    for aid, kind, name, role in links.get(rid, [])
                ],
                "tags": vocab["tag"].get(rid, []),
                "notes": notes.get(rid, []),
                "relations": relations.get(rid, []),
                "attachments": attachments.get(rid, []),
                "created": row[12],
                "modified": row[13],
            }
        )
    return result


def _exported(connection: sqlite3.Connection, ids: Sequence[int]) -> Iterator[dict[str, Any]]:
    for start in range(0, len(ids), 500):
        yield from _export_batch(connection, ids[start : start + 500])


def export_json(connection: sqlite3.Connection, ids: Sequence[int], output: Path) -> int:
    """Read the records with sqlite3 and write them as native JSON lines."""
    count = 0
    with output.open("w", encoding="utf-8", newline="\n") as out:
        out.write('{"format": "catalog", "version": 1, "records": [')
        for obj in _exported(connection, ids):
            out.write(("\n" if count == 0 else ",\n") + json.dumps(obj, ensure_ascii=False))
            count += 1
        out.write("\n]}\n")
    return count


def export_csv(connection: sqlite3.Connection, ids: Sequence[int], output: Path) -> int:
    """Read the records with sqlite3 and write one CSV row each (lists joined with |)."""
    count = 0
    with output.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out, lineterminator="\r\n")
        writer.writerow(("uid", "title", "date", "edtf", "summary", "type", "languages",
                         "archive", "source_ref", "classification", "collections", "people",
                         "organisations", "places", "subjects", "tags", "notes", "relations",
                         "created", "modified"))  # fmt: skip
        for obj in _exported(connection, ids):
            by_kind: dict[str, list[str]] = {}
            for link in obj["names"]:
                by_kind.setdefault(link["kind"], []).append(link["name"])
            writer.writerow(
                (
                    obj["uid"], obj["title"], obj["date"]["text"], obj["date"]["edtf"],
                    obj["summary"], obj["doc_type"], "|".join(obj["languages"]), obj["archive"],
                    obj["source_ref"], obj["classification"], "|".join(obj["collections"]),
                    "|".join(by_kind.get("person", [])),
                    "|".join(by_kind.get("organisation", [])),
                    "|".join(by_kind.get("place", [])), "|".join(by_kind.get("subject", [])),
                    "|".join(obj["tags"]), "|".join(n["text"] for n in obj["notes"]),
                    "|".join(f"{r['type']}:{r['target']}" for r in obj["relations"]),
                    obj["created"], obj["modified"],
                )
            )  # fmt: skip
            count += 1
    return count
