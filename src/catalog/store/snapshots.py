"""Snapshots of records and authorities: everything an edit can change, as plain values.

Every edit is written the same way: capture the rows it touches, compute their new
states in Python, write the difference (``store.restore``). Undo writes the captured
states back. A state of ``None`` means the row does not exist.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import cast

from sqlalchemy import Table, select
from sqlalchemy.orm import Session

from catalog.domain.dates import PartialDate
from catalog.store import tables as t
from catalog.store.base import Base
from catalog.store.records_repo import partial_date

Link = tuple[int, str]
"""A record's link to an authority: (authority id, role)."""


@dataclass(frozen=True)
class NoteState:
    """A note on a record."""

    id: int
    uid: str
    text: str
    author: str
    created: datetime
    modified: datetime


@dataclass(frozen=True)
class RelationState:
    """A relation held by the record at its source end."""

    id: int
    uid: str
    target_id: int
    type: str
    created: datetime


@dataclass(frozen=True)
class AttachmentState:
    """An attachment's metadata (the file itself is never deleted by an edit)."""

    id: int
    uid: str
    path: str
    role: str
    language: str
    sha256: str
    created: datetime


@dataclass(frozen=True)
class RecordState:
    """Everything an edit can change about one record.

    Vocabulary values (type, languages, collections, tags) are held by name, so a state
    can be written back after the value was renamed or removed.
    """

    id: int
    uid: str
    title: str
    date: PartialDate
    summary: str = ""
    doc_type: str = ""
    repository_id: int | None = None
    source_ref: str = ""
    classification: str = ""
    deleted: bool = False
    links: tuple[Link, ...] = ()
    languages: tuple[str, ...] = ()
    collections: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    notes: tuple[NoteState, ...] = ()
    relations: tuple[RelationState, ...] = ()
    attachments: tuple[AttachmentState, ...] = ()
    created: datetime | None = None
    created_by: str = ""
    version: int = 0

    def content(self) -> RecordState:
        """The state without its bookkeeping (version), for comparing what it says."""
        return replace(self, version=0)


@dataclass(frozen=True)
class AuthorityState:
    """An authority under its authorised name, with every variant (the name included)."""

    id: int
    uid: str
    kind: str
    name: str
    variants: tuple[str, ...] = ()
    note: str = ""
    created: datetime | None = None
    version: int = 0

    def content(self) -> AuthorityState:
        """The state without its bookkeeping (version)."""
        return replace(self, version=0)


@dataclass
class Snapshot:
    """States of some records and authorities, by id (None: the row does not exist)."""

    records: dict[int, RecordState | None] = field(default_factory=dict)
    authorities: dict[int, AuthorityState | None] = field(default_factory=dict)


def capture_records(session: Session, ids: Iterable[int]) -> dict[int, RecordState | None]:
    """The current state of each record in ``ids`` (None for ids not in the catalogue)."""
    wanted = sorted(set(ids))
    found: dict[int, RecordState | None] = dict.fromkeys(wanted)
    for start in range(0, len(wanted), 500):
        found.update(_capture_batch(session, wanted[start : start + 500]))
    return found


def capture_authorities(session: Session, ids: Iterable[int]) -> dict[int, AuthorityState | None]:
    """The current state of each authority in ``ids`` (None for unknown ids)."""
    wanted = sorted(set(ids))
    found: dict[int, AuthorityState | None] = dict.fromkeys(wanted)
    for start in range(0, len(wanted), 500):
        chunk = wanted[start : start + 500]
        variants: dict[int, list[str]] = defaultdict(list)
        for aid, name in session.execute(
            select(t.AuthorityVariant.authority_id, t.AuthorityVariant.name)
            .where(t.AuthorityVariant.authority_id.in_(chunk))
            .order_by(t.AuthorityVariant.id)
        ):
            variants[aid].append(name)
        for row in session.execute(select(_table(t.Authority)).where(t.Authority.id.in_(chunk))):
            found[row.id] = AuthorityState(
                id=row.id,
                uid=row.uid,
                kind=row.kind,
                name=row.name,
                variants=tuple(variants[row.id]),
                note=row.note,
                created=row.created,
                version=row.version,
            )
    return found


def record_versions(session: Session, ids: Iterable[int]) -> dict[int, int | None]:
    """Each record's version (None for ids not in the catalogue)."""
    wanted = sorted(set(ids))
    found: dict[int, int | None] = dict.fromkeys(wanted)
    for start in range(0, len(wanted), 500):
        chunk = wanted[start : start + 500]
        query = select(t.Record.id, t.Record.version).where(t.Record.id.in_(chunk))
        found.update({rid: version for rid, version in session.execute(query)})
    return found


def authority_versions(session: Session, ids: Iterable[int]) -> dict[int, int | None]:
    """Each authority's version (None for unknown ids)."""
    wanted = sorted(set(ids))
    found: dict[int, int | None] = dict.fromkeys(wanted)
    for start in range(0, len(wanted), 500):
        chunk = wanted[start : start + 500]
        query = select(t.Authority.id, t.Authority.version).where(t.Authority.id.in_(chunk))
        found.update({aid: version for aid, version in session.execute(query)})
    return found


def _capture_batch(session: Session, ids: Sequence[int]) -> dict[int, RecordState]:
    links: dict[int, list[Link]] = defaultdict(list)
    for rid, aid, role in session.execute(
        select(t.RecordAuthority.record_id, t.RecordAuthority.authority_id, t.RecordAuthority.role)
        .where(t.RecordAuthority.record_id.in_(ids))
        .order_by(t.RecordAuthority.id)
    ):
        links[rid].append((aid, role))
    languages = _vocab(session, t.RecordLanguage, t.Language, "language_id", ids)
    collections = _vocab(session, t.RecordCollection, t.Collection, "collection_id", ids)
    tags = _vocab(session, t.RecordTag, t.Tag, "tag_id", ids)
    notes: dict[int, list[NoteState]] = defaultdict(list)
    for n in session.execute(
        select(_table(t.Annotation))
        .where(t.Annotation.record_id.in_(ids))
        .order_by(t.Annotation.id)
    ):
        notes[n.record_id].append(NoteState(n.id, n.uid, n.text, n.author, n.created, n.modified))
    relations: dict[int, list[RelationState]] = defaultdict(list)
    for r in session.execute(
        select(_table(t.Relation)).where(t.Relation.source_id.in_(ids)).order_by(t.Relation.id)
    ):
        relations[r.source_id].append(RelationState(r.id, r.uid, r.target_id, r.type, r.created))
    attachments: dict[int, list[AttachmentState]] = defaultdict(list)
    for a in session.execute(
        select(_table(t.Attachment))
        .where(t.Attachment.record_id.in_(ids))
        .order_by(t.Attachment.id)
    ):
        attachments[a.record_id].append(
            AttachmentState(a.id, a.uid, a.path, a.role, a.language, a.sha256, a.created)
        )
    found: dict[int, RecordState] = {}
    for row in session.execute(
        select(_table(t.Record), t.DocumentType.name.label("doc_type_name"))
        .outerjoin(t.DocumentType, t.DocumentType.id == t.Record.doc_type_id)
        .where(t.Record.id.in_(ids))
    ):
        rid = row.id
        found[rid] = RecordState(
            id=rid,
            uid=row.uid,
            title=row.title,
            date=partial_date(row),
            summary=row.summary,
            doc_type=row.doc_type_name or "",
            repository_id=row.repository_id,
            source_ref=row.source_ref,
            classification=row.classification,
            deleted=bool(row.deleted),
            links=tuple(links[rid]),
            languages=tuple(sorted(languages[rid])),
            collections=tuple(sorted(collections[rid])),
            tags=tuple(sorted(tags[rid])),
            notes=tuple(notes[rid]),
            relations=tuple(relations[rid]),
            attachments=tuple(attachments[rid]),
            created=row.created,
            created_by=row.created_by,
            version=row.version,
        )
    return found


def _vocab(
    session: Session, link: type[Base], vocab: type[Base], column: str, ids: Sequence[int]
) -> dict[int, list[str]]:
    link_table, vocab_table = link.__table__, vocab.__table__
    result: dict[int, list[str]] = defaultdict(list)
    for rid, name in session.execute(
        select(link_table.c.record_id, vocab_table.c.name)
        .join(vocab_table, vocab_table.c.id == link_table.c[column])
        .where(link_table.c.record_id.in_(ids))
    ):
        result[rid].append(name)
    return result


def _table(model: type[Base]) -> Table:
    """The Core table of a model (typed: ``__table__`` is a plain FromClause to mypy)."""
    return cast(Table, model.__table__)
