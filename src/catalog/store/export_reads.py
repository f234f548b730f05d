"""Records read for the fast exports (CSV, native JSON, CSL-JSON): plain values, in batches.

``records_repo.details`` builds a ``RecordDetail`` for the detail pane: frozen dataclasses
all the way down, every timestamp parsed into a ``datetime``. An export of 100,000 records
spends most of its time building those objects only to take them apart again, so the
fast exports read through here instead:

* one query per batch of ids and per part (the records, their authority links, languages,
  collections, tags, notes, outgoing relations, attachments), as ``records_repo`` does;
* only the parts the format writes (``Part``): CSL-JSON reads no notes, for instance;
* each authority (its kind, name and variants) read once per export, not once per link:
  the links of a batch are read alone and the authorities not seen yet fetched after;
* rows straight from the database driver (the statements are SQLAlchemy Core, compiled
  once for the catalogue's dialect), skipping SQLAlchemy's per-row result processing;
* timestamps as the driver gives them, for ``iso_stored`` to write as the exports do
  (``2024-05-01T12:00:00Z``, as ``native_json.format_timestamp`` writes them) without
  making a ``datetime`` of the text SQLite holds.

What comes out is what ``records_repo.details`` holds, in the same order (the tests compare
the two on a varied catalogue). Everything works the same on SQLite and PostgreSQL.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from enum import Enum
from operator import itemgetter
from typing import Any, NamedTuple

from sqlalchemy import (
    BigInteger,
    ClauseElement,
    ColumnElement,
    case,
    cast,
    func,
    literal_column,
    select,
)
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, aliased

from catalog.domain.records import AuthorityKind, RelationType, Role
from catalog.store import tables as t

BATCH = 1000
"""Authorities fetched per query. A batch of records should be no larger either: each id
is a bound parameter of every query of its round."""

SQLITE_CACHE_KIB = 65536
"""SQLite's page cache while an export reads (KiB; a reader's own is smaller): each batch
seeks into a dozen tables and indexes, which then stay cached for the next batch."""

AUTHORITY_CACHE = 50_000
"""Authorities an export keeps between batches; past this the cache starts again, so a
huge name index never all sits in memory."""

_IDS = "__export_ids__"  # where a batch's ids go in a compiled statement
_second = itemgetter(1)

# Stored values checked as records_repo checks them (an unknown one fails the same way).
_KINDS = {kind.value: kind.value for kind in AuthorityKind}
_ROLES = {role.value: role.value for role in Role}
_ROLE_CODES = [role.value for role in Role]  # a link's role as a number below 8
assert len(_ROLE_CODES) <= 8
_RELATION_TYPES = {kind.value: kind.value for kind in RelationType}


class Part(Enum):
    """What an export may read of a record besides its own columns."""

    LANGUAGES = "languages"
    COLLECTIONS = "collections"
    TAGS = "tags"
    NAMES = "names"
    VARIANTS = "variants"
    """The variant names of each linked authority (with ``NAMES``)."""
    NOTES = "notes"
    RELATIONS = "relations"
    ATTACHMENTS = "attachments"


EVERY_PART = frozenset(Part)

Link = tuple[str, str, str, tuple[str, ...]]
"""An authority link: kind, authorised name, role (stored values) and the authority's
variant names other than its name (empty unless ``Part.VARIANTS`` is read). The same
authority in the same role is one tuple, shared by the records that link to it (as long as
the reader keeps it), so writers can keep what they make of a link by the link."""

Note = tuple[str, str, object, object]
"""A note: text, author, created and modified (as stored: see ``iso_stored``)."""

Attachment = tuple[str, str, str, str]
"""An attachment: path, role, language, sha256."""


class ExportRecord(NamedTuple):
    """One record as the fast exports read it: stored values, no domain objects.

    The date is the record's date columns as stored: ``date_text``, ``date_edtf`` (None when
    not understood), ``date_lower`` and ``date_upper`` (day keys or None),
    ``date_precision`` (a ``Precision`` value), ``date_approximate`` and ``date_uncertain``
    (true or false, 1 or 0 on SQLite). ``doc_type`` and ``archive`` are "" when there is
    none. Timestamps are as the driver gives them: ``iso_stored`` writes them as ISO 8601
    UTC text. ``relations`` holds the outgoing links only, as (type, uid of the target).
    The parts not read are empty.
    """

    id: int
    uid: str
    title: str
    date_text: str
    date_edtf: str | None
    date_lower: int | None
    date_upper: int | None
    date_precision: int
    date_approximate: bool | int
    date_uncertain: bool | int
    summary: str
    source_ref: str
    classification: str
    created: object
    modified: object
    doc_type: str
    archive: str
    languages: Sequence[str]
    collections: Sequence[str]
    tags: Sequence[str]
    names: Sequence[Link]
    notes: Sequence[Note]
    relations: Sequence[tuple[str, str]]
    attachments: Sequence[Attachment]


# ----------------------------------------------------------------------------- timestamps


def iso_timestamp(value: datetime) -> str:
    """An aware or naive (UTC) datetime as ISO 8601 UTC text (``...Z``)."""
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.astimezone(UTC).isoformat().replace("+00:00", "Z")


def iso_stored(value: Any) -> str:
    """A stored timestamp as ISO 8601 UTC text: what ``iso_timestamp`` makes of the
    datetime SQLAlchemy would read, without making it when the text says it all.

    SQLite stores naive UTC text (``2024-05-01 12:00:00.000000``), read as
    ``datetime.fromisoformat`` reads it; PostgreSQL hands over aware datetimes.
    """
    if type(value) is str:
        moment = datetime.fromisoformat(value)
        if moment.tzinfo is None:
            return moment.isoformat() + "Z"  # naive means UTC: isoformat adds no offset
        return iso_timestamp(moment)
    if isinstance(value, datetime):
        return iso_timestamp(value)
    raise TypeError(f"not a stored timestamp: {value!r}")


# ----------------------------------------------------------------------------- queries


def _in_batch(column: Any) -> ColumnElement[bool]:
    """``column IN (<the batch's ids>)``, the ids filled in when the SQL is run."""
    clause: ColumnElement[bool] = column.op("IN")(literal_column(f"({_IDS})"))
    return clause


def _queries() -> dict[str, ClauseElement]:
    record, repo, links = t.Record, aliased(t.Authority), t.RecordAuthority
    target = aliased(t.Record)
    queries: dict[str, ClauseElement] = {
        "records": select(
            record.id,
            record.uid,
            record.title,
            record.date_text,
            record.date_edtf,
            record.date_lower,
            record.date_upper,
            record.date_precision,
            record.date_approximate,
            record.date_uncertain,
            record.summary,
            record.source_ref,
            record.classification,
            record.created,
            record.modified,
            func.coalesce(t.DocumentType.name, ""),
            func.coalesce(repo.name, ""),
        )
        .outerjoin(t.DocumentType, t.DocumentType.id == record.doc_type_id)
        .outerjoin(repo, repo.id == record.repository_id)
        .where(_in_batch(record.id)),
        "names": select(
            links.record_id,
            cast(links.authority_id, BigInteger) * 8
            + case({role: code for code, role in enumerate(_ROLE_CODES)}, value=links.role),
        )
        .where(_in_batch(links.record_id))
        .order_by(links.id),
        "roles": select(links.role).distinct().where(_in_batch(links.record_id)),
        "authorities": select(t.Authority.id, t.Authority.kind, t.Authority.name).where(
            _in_batch(t.Authority.id)
        ),
        "variants": select(t.AuthorityVariant.authority_id, t.AuthorityVariant.name)
        .where(_in_batch(t.AuthorityVariant.authority_id))
        .order_by(t.AuthorityVariant.id),
        "notes": select(
            t.Annotation.record_id,
            t.Annotation.text,
            t.Annotation.author,
            t.Annotation.created,
            t.Annotation.modified,
        )
        .where(_in_batch(t.Annotation.record_id))
        .order_by(t.Annotation.id),
        "relations": select(t.Relation.source_id, t.Relation.type, target.uid)
        .join(target, target.id == t.Relation.target_id)
        .where(_in_batch(t.Relation.source_id))
        .order_by(t.Relation.id),
        "attachments": select(
            t.Attachment.record_id,
            t.Attachment.path,
            t.Attachment.role,
            t.Attachment.language,
            t.Attachment.sha256,
        )
        .where(_in_batch(t.Attachment.record_id))
        .order_by(t.Attachment.id),
    }
    for name, link, vocab, column in (
        ("languages", t.RecordLanguage, t.Language, "language_id"),
        ("collections", t.RecordCollection, t.Collection, "collection_id"),
        ("tags", t.RecordTag, t.Tag, "tag_id"),
    ):
        link_table, vocab_table = link.__table__, vocab.__table__
        queries[name] = (
            select(link_table.c.record_id, vocab_table.c.name)
            .join(vocab_table, vocab_table.c.id == link_table.c[column])
            .where(_in_batch(link_table.c.record_id))
            .order_by(vocab_table.c.name)  # as records_repo orders them: the same collation
        )
    return queries


class ExportReader:
    """Reads batches of records for an export, within one read session.

    Use it as a context manager: on SQLite it enlarges the connection's page cache
    (``SQLITE_CACHE_KIB``) while it reads and gives it back its own size after.

    Args:
        session: the read session (its transaction is the export's snapshot).
        parts: what to read besides the records' own columns; the rest comes back empty.
    """

    def __init__(self, session: Session, parts: frozenset[Part] = EVERY_PART) -> None:
        self._parts = parts
        connection = session.connection()
        dialect = connection.dialect
        self._sql = {
            name: str(query.compile(dialect=dialect, compile_kwargs={"literal_binds": True}))
            for name, query in _queries().items()
        }
        self._raw = connection.connection  # the driver's connection, in the session's transaction
        self._dbapi_error: type[Exception] = dialect.loaded_dbapi.Error
        # Ids go in as bound parameters where the driver takes positional ones (SQLite then
        # reuses the prepared statement of every full batch), else as numbers in the SQL.
        self._mark = {"qmark": "?", "format": "%s", "pyformat": "%s"}.get(dialect.paramstyle)
        self._authorities: dict[int, tuple[str, str, tuple[str, ...]]] = {}
        self._links: dict[int, Link] = {}
        self._sqlite = dialect.name == "sqlite"
        self._cache_size: int | None = None

    def __enter__(self) -> ExportReader:
        if self._sqlite:
            cursor = self._raw.cursor()
            try:
                (self._cache_size,) = cursor.execute("PRAGMA cache_size").fetchone()
                cursor.execute(f"PRAGMA cache_size = {-SQLITE_CACHE_KIB}")
            finally:
                cursor.close()
        return self

    def __exit__(self, kind: type[BaseException] | None, *_: object) -> None:
        if self._cache_size is None:
            return
        size, self._cache_size = int(self._cache_size), None
        try:
            cursor = self._raw.cursor()
            try:
                cursor.execute(f"PRAGMA cache_size = {size}")
            finally:
                cursor.close()
        except self._dbapi_error:
            if kind is None:  # else the connection failed already: that error tells more
                raise

    def _rows(self, name: str, ids: Sequence[int]) -> list[Any]:
        """The rows of query ``name`` for ``ids``, as the driver returns them."""
        mark = self._mark
        if mark is None:
            sql, params = self._sql[name].replace(_IDS, ",".join(map(str, ids))), None
        else:
            sql, params = self._sql[name].replace(_IDS, ",".join([mark] * len(ids))), ids
        cursor = self._raw.cursor()
        try:
            if params is None:
                cursor.execute(sql)
            else:
                cursor.execute(sql, params)
            return list(cursor.fetchall())
        except self._dbapi_error as error:  # as SQLAlchemy would raise it, for storage_errors
            raise DBAPIError.instance(sql, params, error, self._dbapi_error) from error
        finally:
            cursor.close()

    def _grouped(self, name: str, ids: Sequence[int]) -> dict[int, list[Any]]:
        """Query ``name``'s rows by record (the first column), each row's other columns
        as one value (or a tuple of them), in the query's order."""
        result: dict[int, list[Any]] = {}
        rows = self._rows(name, ids)
        if rows and len(rows[0]) == 2:
            for rid, value in rows:
                found = result.get(rid)
                if found is None:
                    result[rid] = [value]
                else:
                    found.append(value)
        else:
            for row in rows:
                found = result.get(row[0])
                if found is None:
                    result[row[0]] = [row[1:]]
                else:
                    found.append(row[1:])
        return result

    def batch(self, ids: Sequence[int]) -> list[ExportRecord]:
        """The records ``ids`` (a few thousand at most), in that order; missing ones are
        left out, repeated ones repeated."""
        if not ids:
            return []
        ids = [int(i) for i in ids]
        parts = self._parts
        rows = {row[0]: row for row in self._rows("records", ids)}
        none: tuple[Any, ...] = ()
        languages = self._grouped("languages", ids) if Part.LANGUAGES in parts else {}
        collections = self._grouped("collections", ids) if Part.COLLECTIONS in parts else {}
        tags = self._grouped("tags", ids) if Part.TAGS in parts else {}
        names = self._names(ids) if Part.NAMES in parts else {}
        notes = self._grouped("notes", ids) if Part.NOTES in parts else {}
        relations = self._relations(ids) if Part.RELATIONS in parts else {}
        attachments = self._grouped("attachments", ids) if Part.ATTACHMENTS in parts else {}
        new = tuple.__new__  # ExportRecord(*fields) at C speed: the row's columns, then the parts
        language, collection, tag, name = languages.get, collections.get, tags.get, names.get
        note, relation, attachment = notes.get, relations.get, attachments.get
        result: list[ExportRecord] = []
        append = result.append
        for rid in ids:
            row = rows.get(rid)
            if row is not None:
                append(
                    new(
                        ExportRecord,
                        (
                            *row,
                            language(rid, none),
                            collection(rid, none),
                            tag(rid, none),
                            name(rid, none),
                            note(rid, none),
                            relation(rid, none),
                            attachment(rid, none),
                        ),
                    )
                )
        return result

    def _relations(self, ids: Sequence[int]) -> dict[int, list[tuple[str, str]]]:
        result: dict[int, list[tuple[str, str]]] = {}
        for source, kind, target_uid in self._rows("relations", ids):
            result.setdefault(source, []).append((_RELATION_TYPES[kind], target_uid))
        return result

    def _names(self, ids: Sequence[int]) -> dict[int, list[Link]]:
        # Each link comes as one number, its authority's id * 8 + its role's code: no
        # string to make per link, and one look-up finds the link's tuple.
        rows = self._rows("names", ids)
        links = self._links
        missing = set(map(_second, rows)).difference(links)
        if missing:
            if len(self._authorities) + len(missing) > AUTHORITY_CACHE:
                self._authorities.clear()  # start again, with this batch's links only
                links.clear()
                missing = set(map(_second, rows))
            self._add_links(missing, ids)
        result: dict[int, list[Link]] = {}
        for rid, key in rows:
            link = links.get(key)
            if link is None:  # a link to no authority: the join leaves it out
                continue
            found = result.get(rid)
            if found is None:
                result[rid] = [link]
            else:
                found.append(link)
        return result

    def _add_links(self, keys: set[int | None], ids: Sequence[int]) -> None:
        if None in keys:  # a role this Catalog does not know: fail as records_repo does
            for (role,) in self._rows("roles", ids):
                if role not in _ROLES:
                    raise KeyError(role)
        known = self._authorities
        wanted = {key >> 3 for key in keys if key is not None}
        self._fetch_authorities(sorted(wanted.difference(known)))
        for key in keys:
            if key is not None and key >> 3 in known:
                kind, name, variants = known[key >> 3]
                self._links[key] = (kind, name, _ROLE_CODES[key & 7], variants)

    def _fetch_authorities(self, aids: list[int]) -> None:
        variants: dict[int, list[str]] = {}
        for start in range(0, len(aids), BATCH):
            chunk = aids[start : start + BATCH]
            if Part.VARIANTS in self._parts:
                for aid, variant in self._rows("variants", chunk):
                    variants.setdefault(aid, []).append(variant)
            for aid, kind, name in self._rows("authorities", chunk):
                others = tuple(v for v in variants.get(aid, ()) if v != name)
                self._authorities[aid] = (_KINDS[kind], name, others)
