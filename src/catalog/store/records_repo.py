"""Reads of records as domain values: rows for the list, details for the pane and exports."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from sqlalchemy import case, func, or_, select
from sqlalchemy.orm import Session, aliased

from catalog.domain.dates import PartialDate, Precision
from catalog.domain.errors import RecordNotFound
from catalog.domain.records import (
    Annotation,
    Attachment,
    AuthorityKind,
    AuthorityLink,
    ChangeEntry,
    RecordDetail,
    RecordSummary,
    RelationType,
    RelationView,
    Role,
)
from catalog.store import tables as t
from catalog.store.base import Base


def partial_date(row: Any) -> PartialDate:
    """The PartialDate held in a row's date columns."""
    return PartialDate(
        text=row.date_text,
        edtf=row.date_edtf,
        lower=row.date_lower,
        upper=row.date_upper,
        precision=Precision(row.date_precision),
        approximate=bool(row.date_approximate),
        uncertain=bool(row.date_uncertain),
    )


_SUMMARY_COLUMNS = (
    t.Record.id,
    t.Record.title,
    t.Record.date_text,
    t.Record.date_edtf,
    t.Record.date_lower,
    t.Record.date_upper,
    t.Record.date_precision,
    t.Record.date_approximate,
    t.Record.date_uncertain,
    t.DocumentType.name.label("doc_type"),
)


def summaries(session: Session, ids: Sequence[int], *, names: bool = True) -> list[RecordSummary]:
    """List rows for ``ids``, in the order given (missing ids are left out); without
    ``names``, the rows carry no languages or people."""
    found: dict[int, RecordSummary] = {}
    repository = aliased(t.Authority)
    for start in range(0, len(ids), 900):
        chunk = ids[start : start + 900]
        query = (
            select(*_SUMMARY_COLUMNS, repository.name.label("archive"))
            .outerjoin(t.DocumentType, t.DocumentType.id == t.Record.doc_type_id)
            .outerjoin(repository, repository.id == t.Record.repository_id)
            .where(t.Record.id.in_(chunk))
        )
        languages = _first_languages(session, chunk) if names else {}
        people = _people(session, chunk) if names else {}
        for row in session.execute(query):
            found[row.id] = RecordSummary(
                id=row.id,
                title=row.title,
                date=partial_date(row),
                doc_type=row.doc_type or "",
                archive=row.archive or "",
                language=languages.get(row.id, ""),
                people=tuple(people.get(row.id, ())),
            )
    return [found[i] for i in ids if i in found]


def _first_languages(session: Session, ids: Sequence[int]) -> dict[int, str]:
    """Each record's first language by key, as the list sorts them."""
    rows = session.execute(
        select(t.RecordLanguage.record_id, t.Language.name)
        .join(t.Language, t.Language.id == t.RecordLanguage.language_id)
        .where(t.RecordLanguage.record_id.in_(ids))
        .order_by(t.Language.key.desc())
    )
    return {record_id: name for record_id, name in rows}  # the smallest key wins


def _people(session: Session, ids: Sequence[int]) -> dict[int, list[str]]:
    """Authorised names of each record's persons: authors, recipients, then the rest."""
    links = t.RecordAuthority
    rank = case(
        (links.role == Role.AUTHOR.value, 0), (links.role == Role.RECIPIENT.value, 1), else_=2
    )
    # The kind is checked here, not in SQL: told ``kind = 'person'``, SQLite walks every
    # person and probes their links (200 ms a page) instead of the page's few links.
    rows = session.execute(
        select(links.record_id, t.Authority.name, t.Authority.kind)
        .join(t.Authority, t.Authority.id == links.authority_id)
        .where(links.record_id.in_(ids))
        .order_by(links.record_id, rank, links.id)
    )
    people: dict[int, list[str]] = {}
    for record_id, name, kind in rows:
        if kind != AuthorityKind.PERSON.value:
            continue
        names = people.setdefault(record_id, [])
        if name not in names:
            names.append(name)
    return people


def history(session: Session, record_id: int, limit: int = 200) -> list[ChangeEntry]:
    """The newest lines of a record's change log, ending with its creation.

    Imports log one line per file, not per record, so the creation comes from the
    record itself (when and by whom).
    """
    log = t.ChangeLogEntry
    rows = session.execute(
        select(log.at, log.user, log.action, log.field, log.old, log.new)
        .where(log.record_id == record_id)
        .order_by(log.id.desc())
        .limit(limit)
    )
    entries = [ChangeEntry(*row) for row in rows]
    created = session.execute(
        select(t.Record.created, t.Record.created_by).where(t.Record.id == record_id)
    ).first()
    if created is None:
        raise RecordNotFound(f"Record {record_id} is not in the catalogue.")
    return [*entries, ChangeEntry(created.created, created.created_by, "created")]


def detail(session: Session, record_id: int) -> RecordDetail:
    """Everything about one record."""
    found = details(session, [record_id])
    if not found:
        raise RecordNotFound(f"Record {record_id} is not in the catalogue.")
    return found[0]


def details(session: Session, ids: Sequence[int]) -> list[RecordDetail]:
    """Everything about each record in ``ids``, in the order given (a few queries per batch)."""
    result: list[RecordDetail] = []
    for start in range(0, len(ids), 500):
        result.extend(_details_batch(session, ids[start : start + 500]))
    return result


def _details_batch(session: Session, ids: Sequence[int]) -> list[RecordDetail]:
    repo = aliased(t.Authority)
    rows = session.execute(
        select(t.Record, t.DocumentType.name, repo.name)
        .outerjoin(t.DocumentType, t.DocumentType.id == t.Record.doc_type_id)
        .outerjoin(repo, repo.id == t.Record.repository_id)
        .where(t.Record.id.in_(ids))
    ).all()
    authorities = _authorities(session, ids)
    languages = _names(session, t.RecordLanguage, t.Language, "language_id", ids)
    collections = _names(session, t.RecordCollection, t.Collection, "collection_id", ids)
    tags = _names(session, t.RecordTag, t.Tag, "tag_id", ids)
    notes = _annotations(session, ids)
    relations = _relations(session, ids)
    attachments = _attachments(session, ids)
    by_id: dict[int, RecordDetail] = {}
    for record, doc_type, archive in rows:
        rid = record.id
        by_id[rid] = RecordDetail(
            id=rid,
            uid=record.uid,
            title=record.title,
            date=partial_date(record),
            summary=record.summary,
            doc_type=doc_type or "",
            languages=tuple(languages[rid]),
            archive=archive or "",
            source_ref=record.source_ref,
            classification=record.classification,
            collections=tuple(collections[rid]),
            authorities=tuple(authorities[rid]),
            tags=tuple(tags[rid]),
            annotations=tuple(notes[rid]),
            relations=tuple(relations[rid]),
            attachments=tuple(attachments[rid]),
            created=record.created,
            modified=record.modified,
            version=record.version,
            deleted=record.deleted,
        )
    session.expunge_all()
    return [by_id[i] for i in ids if i in by_id]


def _authorities(session: Session, ids: Sequence[int]) -> dict[int, list[AuthorityLink]]:
    links = session.execute(
        select(
            t.RecordAuthority.record_id,
            t.Authority.id,
            t.Authority.kind,
            t.Authority.name,
            t.RecordAuthority.role,
        )
        .join(t.Authority, t.Authority.id == t.RecordAuthority.authority_id)
        .where(t.RecordAuthority.record_id.in_(ids))
        .order_by(t.RecordAuthority.id)
    ).all()
    variants: dict[int, list[str]] = defaultdict(list)
    for aid, name in session.execute(
        select(t.AuthorityVariant.authority_id, t.AuthorityVariant.name)
        .where(t.AuthorityVariant.authority_id.in_({row[1] for row in links}))
        .order_by(t.AuthorityVariant.id)
    ):
        variants[aid].append(name)
    result: dict[int, list[AuthorityLink]] = defaultdict(list)
    for rid, aid, kind, name, role in links:
        others = tuple(v for v in variants[aid] if v != name)
        result[rid].append(AuthorityLink(aid, AuthorityKind(kind), name, Role(role), others))
    return result


def _names(
    session: Session, link: type[Base], vocab: type[Base], column: str, ids: Sequence[int]
) -> dict[int, list[str]]:
    link_table = link.__table__
    vocab_table = vocab.__table__
    result: dict[int, list[str]] = defaultdict(list)
    query = (
        select(link_table.c.record_id, vocab_table.c.name)
        .join(vocab_table, vocab_table.c.id == link_table.c[column])
        .where(link_table.c.record_id.in_(ids))
        .order_by(vocab_table.c.name)
    )
    for rid, name in session.execute(query):
        result[rid].append(name)
    return result


def _annotations(session: Session, ids: Sequence[int]) -> dict[int, list[Annotation]]:
    result: dict[int, list[Annotation]] = defaultdict(list)
    for note in session.scalars(
        select(t.Annotation).where(t.Annotation.record_id.in_(ids)).order_by(t.Annotation.id)
    ):
        result[note.record_id].append(
            Annotation(note.id, note.text, note.author, note.created, note.modified)
        )
    return result


def _relations(session: Session, ids: Sequence[int]) -> dict[int, list[RelationView]]:
    other = aliased(t.Record)
    result: dict[int, list[RelationView]] = defaultdict(list)
    query = (
        select(
            t.Relation.id,
            t.Relation.type,
            t.Relation.source_id,
            t.Relation.target_id,
            other.id,
            other.uid,
            other.title,
        )
        .join(
            other,
            or_(
                (t.Relation.source_id.in_(ids)) & (other.id == t.Relation.target_id),
                (t.Relation.target_id.in_(ids)) & (other.id == t.Relation.source_id),
            ),
        )
        .order_by(t.Relation.id)
    )
    wanted = set(ids)
    for row in session.execute(query):
        rel_id, rtype, source, target, oid, ouid, otitle = row
        outgoing = source in wanted and oid == target
        holder = source if outgoing else target
        result[holder].append(
            RelationView(rel_id, RelationType(rtype), outgoing, oid, ouid, otitle)
        )
    return result


def _attachments(session: Session, ids: Sequence[int]) -> dict[int, list[Attachment]]:
    result: dict[int, list[Attachment]] = defaultdict(list)
    for att in session.scalars(
        select(t.Attachment).where(t.Attachment.record_id.in_(ids)).order_by(t.Attachment.id)
    ):
        result[att.record_id].append(
            Attachment(att.id, att.path, att.role, att.language, att.sha256)
        )
    return result


def count(session: Session, *, include_deleted: bool = False) -> int:
    """How many records the catalogue holds (outside the trash unless asked)."""
    query = select(func.count()).select_from(t.Record)
    if not include_deleted:
        query = query.where(t.Record.deleted == False)  # noqa: E712
    return int(session.scalar(query) or 0)
