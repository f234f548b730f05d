"""Bulk insertion of imported records with Core ``INSERT``s, batch by batch.

ORM ``add_all`` with relationships costs about thirty times a Core bulk insert here, so
imports build plain rows: records, their links, notes and full-text rows, all inside the
caller's single transaction (a failure anywhere rolls the whole import back).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import Connection, insert, select

from catalog.domain.dates import PartialDate, parse_date, parse_edtf
from catalog.domain.names import sort_key
from catalog.domain.records import AuthorityKind, RecordInput, RelationInput, Role
from catalog.store import fulltext
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


def date_columns(date: PartialDate) -> dict[str, object]:
    """The record columns that hold a parsed date."""
    return {
        "date_text": date.text,
        "date_edtf": date.edtf,
        "date_lower": date.lower,
        "date_upper": date.upper,
        "date_precision": int(date.precision),
        "date_approximate": date.approximate,
        "date_uncertain": date.uncertain,
        "date_sort": UNDATED_SORT if date.lower is None else date.lower,
    }


def record_date(item: RecordInput) -> PartialDate:
    """The date of an imported record: its stated EDTF if any, else its parsed text."""
    if item.edtf:
        return parse_edtf(item.edtf, item.date_text)
    return parse_date(item.date_text)


@dataclass
class BulkWriter:
    """Writes batches of imported records inside one transaction.

    Attributes:
        user: who is importing (recorded as the records' creator).
        warnings: problems that did not stop the import.
        record_ids: ids of the records written, in input order.
    """

    connection: Connection
    user: str = ""
    warnings: list[str] = field(default_factory=list)
    record_ids: list[int] = field(default_factory=list)
    relations: list[tuple[int, RelationInput, int | None]] = field(default_factory=list)
    uids: dict[str, int] = field(default_factory=dict)
    skipped: int = 0

    def __post_init__(self) -> None:
        c = self.connection
        self.doc_types = Vocabulary(DocumentType)
        self.languages = Vocabulary(Language)
        self.collections = Vocabulary(Collection)
        self.tags = Vocabulary(Tag)
        for vocab in (self.doc_types, self.languages, self.collections, self.tags):
            vocab.load(c)
        self.authorities = Authorities()
        self.authorities.load(c)
        self.record_alloc = IdAllocator(c, Record, block=10000)
        self.link_alloc = IdAllocator(c, RecordAuthority, block=10000)
        self.note_alloc = IdAllocator(c, Annotation)
        self.attachment_alloc = IdAllocator(c, Attachment)

    @property
    def authorities_created(self) -> int:
        """How many new authorities the import created."""
        return self.authorities.created

    def write(self, batch: Sequence[RecordInput]) -> None:
        """Insert one batch of records with everything that hangs off them."""
        now = utcnow()
        existing = self._existing_uids([i.uid for i in batch if i.uid])
        records: list[dict[str, object]] = []
        links: list[dict[str, object]] = []
        languages: list[dict[str, object]] = []
        collections: list[dict[str, object]] = []
        tags: list[dict[str, object]] = []
        notes: list[dict[str, object]] = []
        attachments: list[dict[str, object]] = []
        search_parts: list[tuple[int, RecordInput, list[int]]] = []
        for item in batch:
            if item.uid and item.uid in existing:
                self.skipped += 1
                continue
            rid = self.record_alloc.take()
            uid = item.uid or new_uid()
            self.uids[uid] = rid
            self.record_ids.append(rid)
            records.append(self._record_row(rid, uid, item, now))
            linked = self._links(rid, item, now, links)
            for vocab, names, rows, column in (
                (self.languages, item.languages, languages, "language_id"),
                (self.collections, item.collections, collections, "collection_id"),
                (self.tags, item.tags, tags, "tag_id"),
            ):
                seen: set[int] = set()
                for name in names:
                    vid = vocab.id_for(name, now)
                    if vid is not None and vid not in seen:
                        seen.add(vid)
                        rows.append({"record_id": rid, column: vid})
            for note in item.notes:
                notes.append(
                    {
                        "id": self.note_alloc.take(),
                        "record_id": rid,
                        "text": note.text,
                        "author": note.author,
                        "uid": new_uid(),
                        "created": note.created or now,
                        "modified": note.modified or note.created or now,
                        "version": 1,
                    }
                )
            for att in item.attachments:
                attachments.append(
                    {
                        "id": self.attachment_alloc.take(),
                        "record_id": rid,
                        "path": att.path,
                        "role": att.role,
                        "language": att.language,
                        "sha256": att.sha256,
                        "uid": new_uid(),
                        "created": now,
                        "modified": now,
                        "version": 1,
                    }
                )
            for relation in item.relations:
                self.relations.append((rid, relation, item.line))
            search_parts.append((rid, item, linked))
        c = self.connection
        for vocab in (self.doc_types, self.languages, self.collections, self.tags):
            vocab.flush(c)
        self.authorities.flush(c)
        for table, rows in (
            (Record, records),
            (RecordAuthority, links),
            (RecordLanguage, languages),
            (RecordCollection, collections),
            (RecordTag, tags),
            (Annotation, notes),
            (Attachment, attachments),
        ):
            if rows:
                c.execute(insert(table), rows)
        self._index(search_parts)

    def finish(self) -> None:
        """Write the relations, now that every record of the file has an id."""
        if not self.relations:
            return
        wanted = {rel.target_uid for _, rel, _ in self.relations} - self.uids.keys()
        known = self._existing_uids(list(wanted))
        now = utcnow()
        rows: list[dict[str, object]] = []
        seen: set[tuple[int, int, str]] = set()
        for source, rel, line in self.relations:
            target = self.uids.get(rel.target_uid) or known.get(rel.target_uid)
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

    def _record_row(
        self, rid: int, uid: str, item: RecordInput, now: datetime
    ) -> dict[str, object]:
        row: dict[str, object] = {
            "id": rid,
            "uid": uid,
            "title": item.title,
            "title_key": sort_key(item.title),
            "summary": item.summary,
            "doc_type_id": self.doc_types.id_for(item.doc_type, now),
            "repository_id": (
                self.authorities.id_for(AuthorityKind.REPOSITORY, item.archive, (), now)
                if item.archive.strip()
                else None
            ),
            "source_ref": item.source_ref,
            "classification": item.classification,
            "deleted": False,
            "created": item.created or now,
            "modified": item.modified or item.created or now,
            "created_by": self.user,
            "modified_by": self.user,
            "version": 1,
        }
        row.update(date_columns(record_date(item)))
        return row

    def _links(
        self, rid: int, item: RecordInput, now: datetime, rows: list[dict[str, object]]
    ) -> list[int]:
        linked: list[int] = []
        seen: set[tuple[int, str]] = set()
        for link in item.names:
            aid = self.authorities.id_for(link.kind, link.name, link.variants, now)
            if aid is None:
                continue
            role = link.role if isinstance(link.role, Role) else Role(link.role)
            if (aid, role.value) in seen:
                continue
            seen.add((aid, role.value))
            linked.append(aid)
            rows.append(
                {
                    "id": self.link_alloc.take(),
                    "record_id": rid,
                    "authority_id": aid,
                    "role": role.value,
                }
            )
        return linked

    def _index(self, parts: list[tuple[int, RecordInput, list[int]]]) -> None:
        wanted = {aid for _, _, linked in parts for aid in linked}
        repositories = {
            rid: self.authorities.id_for(AuthorityKind.REPOSITORY, item.archive, (), utcnow())
            for rid, item, _ in parts
            if item.archive.strip()
        }
        wanted.update(a for a in repositories.values() if a is not None)
        variants = self.authorities.names_of(self.connection, wanted)
        rows = []
        for rid, item, linked in parts:
            names = [n for aid in linked for n in variants.get(aid, ())]
            repo = repositories.get(rid)
            if repo is not None:
                names.extend(variants.get(repo, ()))
            rows.append(
                fulltext.search_row(
                    rid, item.title, item.summary, (n.text for n in item.notes), names
                )
            )
        fulltext.write_rows(self.connection, rows, new=True)

    def _existing_uids(self, uids: list[str]) -> dict[str, int]:
        found: dict[str, int] = {}
        for start in range(0, len(uids), 500):
            chunk = uids[start : start + 500]
            rows = self.connection.execute(
                select(Record.uid, Record.id).where(Record.uid.in_(chunk))
            )
            found.update({uid: rid for uid, rid in rows})
        return found
