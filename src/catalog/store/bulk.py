"""Bulk insertion of imported records with Core ``INSERT``s, batch by batch.

ORM ``add_all`` with relationships costs about thirty times a Core bulk insert here, so
imports build plain rows (tuples, see ``bulk_insert``): records, their links, notes and
full-text rows, all inside the caller's single transaction (a failure anywhere rolls
the whole import back).
"""

from __future__ import annotations

from array import array
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import Connection, insert, select

from catalog.domain.dates import PartialDate, parse_date, parse_edtf
from catalog.domain.names import search_text, sort_key
from catalog.domain.records import AuthorityKind, RecordInput, RelationInput
from catalog.store import fulltext
from catalog.store.base import Base
from catalog.store.bulk_insert import BackgroundWriter, Row, TableInserter
from catalog.store.ids import IdAllocator
from catalog.store.tables import (
    UNDATED_SORT,
    Annotation,
    Attachment,
    Collection,
    DocumentType,
    Language,
    Record,
    RecordAuthority,
    RecordCollection,
    RecordLanguage,
    RecordTag,
    Relation,
    Tag,
    new_uid,
)
from catalog.store.types import utcnow
from catalog.store.vocab import Authorities, Vocabulary
from catalog.store.vocab import write as write_pending

DATE_COLUMNS = (
    "date_text",
    "date_edtf",
    "date_lower",
    "date_upper",
    "date_precision",
    "date_approximate",
    "date_uncertain",
    "date_sort",
)
RECORD_COLUMNS = (
    "id",
    "uid",
    "title",
    "title_key",
    "summary",
    "doc_type_id",
    "repository_id",
    "source_ref",
    "classification",
    "deleted",
    "created",
    "modified",
    "created_by",
    "modified_by",
    "version",
    *DATE_COLUMNS,
)
AUDIT_COLUMNS = ("uid", "created", "modified", "version")


def date_values(date: PartialDate) -> tuple[object, ...]:
    """The values of ``DATE_COLUMNS`` for a parsed date."""
    return (
        date.text,
        date.edtf,
        date.lower,
        date.upper,
        int(date.precision),
        date.approximate,
        date.uncertain,
        UNDATED_SORT if date.lower is None else date.lower,
    )


def date_columns(date: PartialDate) -> dict[str, object]:
    """The record columns that hold a parsed date, by name."""
    return dict(zip(DATE_COLUMNS, date_values(date), strict=True))


def record_date(item: RecordInput) -> PartialDate:
    """The date of an imported record: its stated EDTF if any, else its parsed text."""
    if item.edtf:
        return parse_edtf(item.edtf, item.date_text)
    return parse_date(item.date_text)


@dataclass
class BulkWriter:
    """Writes batches of imported records inside one transaction.

    Given a second, read-only ``lookup`` connection, the writes run on a background
    thread (see ``BackgroundWriter``) while the caller prepares the next batch, and
    every read goes through ``lookup``; ``close`` must then be called, also on failure,
    before the transaction ends. Without one, each batch is written before ``write``
    returns.

    Attributes:
        user: who is importing (recorded as the records' creator).
        warnings: problems that did not stop the import.
        record_ids: ids of the records written, in input order.
    """

    connection: Connection
    lookup: Connection | None = None
    user: str = ""
    warnings: list[str] = field(default_factory=list)
    record_ids: array[int] = field(default_factory=lambda: array("q"))
    relations: list[tuple[int, RelationInput, int | None]] = field(default_factory=list)
    skipped: int = 0

    def __post_init__(self) -> None:
        c = self.connection
        # Reads (and PostgreSQL's sequences) go through ``reader``; the write connection
        # may be busy on the background thread. Before this import writes anything,
        # both see the same rows.
        reader = self.reader = self.lookup if self.lookup is not None else c
        self.background = BackgroundWriter() if self.lookup is not None else None
        self.doc_types = Vocabulary(DocumentType)
        self.languages = Vocabulary(Language)
        self.collections = Vocabulary(Collection)
        self.tags = Vocabulary(Tag)
        for vocab in (self.doc_types, self.languages, self.collections, self.tags):
            vocab.load(reader)
        self.authorities = Authorities()
        self.authorities.load(reader)
        self.record_alloc = IdAllocator(reader, Record, block=10000)
        self.link_alloc = IdAllocator(reader, RecordAuthority, block=10000)
        self.note_alloc = IdAllocator(reader, Annotation)
        self.attachment_alloc = IdAllocator(reader, Attachment)
        self.inserters = {
            Record: TableInserter(c, Record, RECORD_COLUMNS),
            RecordAuthority: TableInserter(
                c, RecordAuthority, ("id", "record_id", "authority_id", "role")
            ),
            RecordLanguage: TableInserter(c, RecordLanguage, ("record_id", "language_id")),
            RecordCollection: TableInserter(c, RecordCollection, ("record_id", "collection_id")),
            RecordTag: TableInserter(c, RecordTag, ("record_id", "tag_id")),
            Annotation: TableInserter(
                c, Annotation, ("id", "record_id", "text", "author", *AUDIT_COLUMNS)
            ),
            Attachment: TableInserter(
                c,
                Attachment,
                ("id", "record_id", "path", "role", "language", "sha256", *AUDIT_COLUMNS),
            ),
        }

    @property
    def authorities_created(self) -> int:
        """How many new authorities the import created."""
        return self.authorities.created

    def write(self, batch: Sequence[RecordInput]) -> None:
        """Insert one batch of records with everything that hangs off them."""
        now = utcnow()
        existing = self._existing_uids([i.uid for i in batch if i.uid])
        rows: dict[type[Base], list[Row]] = {model: [] for model in self.inserters}
        search_parts: list[tuple[int, RecordInput, list[int]]] = []
        for item in batch:
            if item.uid and item.uid in existing:
                self.skipped += 1
                continue
            rid = self.record_alloc.take()
            uid = item.uid or new_uid()
            self.record_ids.append(rid)
            rows[Record].append(self._record_row(rid, uid, item, now))
            linked = self._links(rid, item, now, rows[RecordAuthority])
            links: tuple[tuple[Vocabulary, tuple[str, ...], type[Base]], ...] = (
                (self.languages, item.languages, RecordLanguage),
                (self.collections, item.collections, RecordCollection),
                (self.tags, item.tags, RecordTag),
            )
            for vocab, names, model in links:
                seen: set[int] = set()
                for name in names:
                    vid = vocab.id_for(name, now)
                    if vid is not None and vid not in seen:
                        seen.add(vid)
                        rows[model].append((rid, vid))
            for note in item.notes:
                created = note.created or now
                rows[Annotation].append(
                    (self.note_alloc.take(), rid, note.text, note.author, new_uid(), created,
                     note.modified or created, 1)
                )  # fmt: skip
            for att in item.attachments:
                rows[Attachment].append(
                    (self.attachment_alloc.take(), rid, att.path, att.role, att.language,
                     att.sha256, new_uid(), now, now, 1)
                )  # fmt: skip
            for relation in item.relations:
                self.relations.append((rid, relation, item.line))
            search_parts.append((rid, item, linked))
        new_values = [
            *(p for v in (self.doc_types, self.languages, self.collections, self.tags)
              for p in v.take_pending()),
            *self.authorities.take_pending(),
        ]  # fmt: skip
        search_rows = self._search_rows(search_parts)

        def store() -> None:
            write_pending(self.connection, new_values)
            for model, inserter in self.inserters.items():
                inserter.insert(rows[model])
            fulltext.write_rows(self.connection, search_rows, new=True)

        if self.background is None:
            store()
        else:
            self.background.submit(store)

    def close(self) -> None:
        """Stop the background writer (after a failure too); nothing is raised."""
        if self.background is not None:
            self.background.close()

    def finish(self) -> None:
        """Wait for the batches, then write the relations (every record has an id now)."""
        if self.background is not None:
            self.background.finish()
        if not self.relations:
            return
        # The write connection sees this import's records as well as the earlier ones.
        wanted = list({rel.target_uid for _, rel, _ in self.relations})
        known = self._existing_uids(wanted, self.connection)
        now = utcnow()
        rows: list[dict[str, object]] = []
        seen: set[tuple[int, int, str]] = set()
        for source, rel, line in self.relations:
            target = known.get(rel.target_uid)
            if target is None:
                where = f"line {line}: " if line else ""
                self.warnings.append(
                    f"{where}relation '{rel.type.label}' points at unknown record "
                    f"{rel.target_uid}; left out"
                )
                continue
            key = (source, target, rel.type.value)
            if key in seen or source == target:
                continue
            seen.add(key)
            rows.append(
                {
                    "source_id": source,
                    "target_id": target,
                    "type": rel.type.value,
                    "uid": new_uid(),
                    "created": now,
                    "modified": now,
                    "version": 1,
                }
            )
        if rows:
            self.connection.execute(insert(Relation), rows)

    def _record_row(self, rid: int, uid: str, item: RecordInput, now: datetime) -> Row:
        archive = item.archive
        repository = (
            self.authorities.id_for(AuthorityKind.REPOSITORY, archive, (), now)
            if archive and not archive.isspace()
            else None
        )
        created = item.created or now
        return (
            rid,
            uid,
            item.title,
            sort_key(item.title),
            item.summary,
            self.doc_types.id_for(item.doc_type, now) if item.doc_type else None,
            repository,
            item.source_ref,
            item.classification,
            False,
            created,
            item.modified or created,
            self.user,
            self.user,
            1,
            *date_values(record_date(item)),
        )

    def _links(self, rid: int, item: RecordInput, now: datetime, rows: list[Row]) -> list[int]:
        linked: list[int] = []
        seen: set[tuple[int, str]] = set()
        id_for = self.authorities.id_for
        for link in item.names:
            aid = id_for(link.kind, link.name, link.variants, now)
            if aid is None:
                continue
            role = link.role.value
            if (aid, role) in seen:
                continue
            seen.add((aid, role))
            linked.append(aid)
            rows.append((self.link_alloc.take(), rid, aid, role))
        return linked

    def _search_rows(
        self, parts: list[tuple[int, RecordInput, list[int]]]
    ) -> list[fulltext.SearchRow]:
        authorities, connection, now = self.authorities, self.reader, utcnow()
        rows: list[fulltext.SearchRow] = []
        for rid, item, linked in parts:
            names = [authorities.folded_names(connection, aid) for aid in dict.fromkeys(linked)]
            if item.archive and not item.archive.isspace():
                repo = authorities.id_for(AuthorityKind.REPOSITORY, item.archive, (), now)
                if repo is not None:
                    names.append(authorities.folded_names(connection, repo))
            rows.append(
                (
                    rid,
                    search_text(item.title),
                    search_text(item.summary),
                    search_text("\n".join(n.text for n in item.notes)) if item.notes else "",
                    " ".join(n for n in names if n),
                )
            )
        return rows

    def _existing_uids(
        self, uids: list[str], connection: Connection | None = None
    ) -> dict[str, int]:
        found: dict[str, int] = {}
        reader = connection or self.reader
        for start in range(0, len(uids), 500):
            chunk = uids[start : start + 500]
            query = select(Record.uid, Record.id).where(Record.uid.in_(chunk))
            found.update({uid: rid for uid, rid in reader.execute(query)})
        return found
