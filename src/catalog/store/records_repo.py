"""Reads of records as domain values: rows for the list, details for the pane and exports."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from sqlalchemy import BindParameter, Connection, bindparam, case, func, or_, select
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
from catalog.domain.wording import QT_TRANSLATE_NOOP
from catalog.store import tables as t
from catalog.store.base import Base

NO_RECORD = QT_TRANSLATE_NOOP("Errors", "Record {record} is not in the catalogue.")
"""The message of a record id not (or no longer) in the catalogue."""


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


# What partial_date reads.
_DATE_COLUMNS = (
    t.Record.date_text,
    t.Record.date_edtf,
    t.Record.date_lower,
    t.Record.date_upper,
    t.Record.date_precision,
    t.Record.date_approximate,
    t.Record.date_uncertain,
)

# The ids of a page, bound as one list (binding each id on its own costs more than
# reading its row).
_IDS: BindParameter[int] = bindparam("ids", expanding=True)

_SUMMARY_COLUMNS = (
    t.Record.id,
    t.Record.title,
    *_DATE_COLUMNS,
    t.DocumentType.name.label("doc_type"),
)


def summaries(session: Session, ids: Sequence[int], *, names: bool = True) -> list[RecordSummary]:
    """List rows for ``ids``, in the order given (missing ids are left out); without
    ``names``, the rows carry no languages or people."""
    # Core, not the ORM: a page is read on every scroll, and the ORM's row handling
    # was a third of its time.
    connection = session.connection()
    found: dict[int, RecordSummary] = {}
    repository = aliased(t.Authority)
    for start in range(0, len(ids), 900):
        chunk = ids[start : start + 900]
        query = (
            select(*_SUMMARY_COLUMNS, repository.name.label("archive"))
            .outerjoin(t.DocumentType, t.DocumentType.id == t.Record.doc_type_id)
            .outerjoin(repository, repository.id == t.Record.repository_id)
            .where(t.Record.id.in_(_IDS))
        )
        languages = _first_languages(connection, chunk) if names else {}
        people = _people(connection, chunk) if names else {}
        for row in connection.execute(query, {"ids": chunk}).all():
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


def _first_languages(connection: Connection, ids: Sequence[int]) -> dict[int, str]:
    """Each record's first language by key, as the list sorts them."""
    rows = connection.execute(
        select(t.RecordLanguage.record_id, t.Language.name)
        .join(t.Language, t.Language.id == t.RecordLanguage.language_id)
        .where(t.RecordLanguage.record_id.in_(_IDS))
        .order_by(t.Language.key.desc()),
        {"ids": ids},
    )
    return {record_id: name for record_id, name in rows.all()}  # the smallest key wins


def _people(connection: Connection, ids: Sequence[int]) -> dict[int, list[str]]:
    """Authorised names of each record's persons: authors, recipients, then the rest."""
    links = t.RecordAuthority
    rank = case(
        (links.role == Role.AUTHOR.value, 0), (links.role == Role.RECIPIENT.value, 1), else_=2
    )
    # The kind is compared as ``kind || ''`` so that no index applies to it: told
    # ``kind = 'person'``, SQLite walks every person and probes their links (200 ms a
    # page) instead of the page's few links.
    person = t.Authority.kind.concat("") == AuthorityKind.PERSON.value
    rows = connection.execute(
        select(links.record_id, t.Authority.name)
        .join(t.Authority, t.Authority.id == links.authority_id)
        .where(links.record_id.in_(_IDS), person)
        .order_by(links.record_id, rank, links.id),
        {"ids": ids},
    )
    people: dict[int, list[str]] = {}
    for record_id, name in rows.all():
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
        raise RecordNotFound(NO_RECORD, record=record_id)
    return [*entries, ChangeEntry(created.created, created.created_by, "created")]


def detail(session: Session, record_id: int) -> RecordDetail:
    """Everything about one record."""
    found = details(session, [record_id])
    if not found:
        raise RecordNotFound(NO_RECORD, record=record_id)
    return found[0]


# Records read per round of queries: fewer rounds cost less, but each id is a bound
# parameter of every query in the round (SQLite allows 32,766).
DETAIL_BATCH = 1000


def details(session: Session, ids: Sequence[int]) -> list[RecordDetail]:
    """Everything about each record in ``ids``, in the order given (a few queries per batch)."""
    result: list[RecordDetail] = []
    for start in range(0, len(ids), DETAIL_BATCH):
        result.extend(_details_batch(session, ids[start : start + DETAIL_BATCH]))
    return result


_DETAIL_COLUMNS = (
    t.Record.id,
    t.Record.uid,
    t.Record.title,
    *_DATE_COLUMNS,
    t.Record.summary,
    t.Record.source_ref,
    t.Record.classification,
    t.Record.created,
    t.Record.modified,
    t.Record.version,
    t.Record.deleted,
    t.DocumentType.name.label("doc_type"),
)
# Enum members by stored value: a dict look-up is several times cheaper than Enum(value),
# which counts when an export reads a million records' links.
_KINDS = {kind.value: kind for kind in AuthorityKind}
_ROLES = {role.value: role for role in Role}
_RELATION_TYPES = {kind.value: kind for kind in RelationType}


def _details_batch(session: Session, ids: Sequence[int]) -> list[RecordDetail]:
    repo = aliased(t.Authority)
    rows = (
        session.connection()
        .execute(
            select(*_DETAIL_COLUMNS, repo.name.label("archive"))
            .outerjoin(t.DocumentType, t.DocumentType.id == t.Record.doc_type_id)
            .outerjoin(repo, repo.id == t.Record.repository_id)
            .where(t.Record.id.in_(ids))
        )
        .all()
    )
    authorities = _authorities(session, ids)
    languages = _names(session, t.RecordLanguage, t.Language, "language_id", ids)
    collections = _names(session, t.RecordCollection, t.Collection, "collection_id", ids)
    tags = _names(session, t.RecordTag, t.Tag, "tag_id", ids)
    notes = _annotations(session, ids)
    relations = _relations(session, ids)
    attachments = _attachments(session, ids)
    none: tuple[Any, ...] = ()
    by_id: dict[int, RecordDetail] = {}
    for row in rows:
        rid = row.id
        by_id[rid] = RecordDetail(
            id=rid,
            uid=row.uid,
            title=row.title,
            date=partial_date(row),
            summary=row.summary,
            doc_type=row.doc_type or "",
            languages=tuple(languages.get(rid, none)),
            archive=row.archive or "",
            source_ref=row.source_ref,
            classification=row.classification,
            collections=tuple(collections.get(rid, none)),
            authorities=tuple(authorities.get(rid, none)),
            tags=tuple(tags.get(rid, none)),
            annotations=tuple(notes.get(rid, none)),
            relations=tuple(relations.get(rid, none)),
            attachments=tuple(attachments.get(rid, none)),
            created=row.created,
            modified=row.modified,
            version=row.version,
            deleted=bool(row.deleted),
        )
    return [by_id[i] for i in ids if i in by_id]


def _authorities(session: Session, ids: Sequence[int]) -> dict[int, list[AuthorityLink]]:
    links = (
        session.connection()
        .execute(
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
        )
        .all()
    )
    variants: dict[int, list[str]] = defaultdict(list)
    for aid, name in session.connection().execute(
        select(t.AuthorityVariant.authority_id, t.AuthorityVariant.name)
        .where(
            t.AuthorityVariant.authority_id.in_(
                select(t.RecordAuthority.authority_id).where(t.RecordAuthority.record_id.in_(ids))
            )
        )
        .order_by(t.AuthorityVariant.id)
    ):
        variants[aid].append(name)
    others: dict[tuple[int, str], tuple[str, ...]] = {}
    result: dict[int, list[AuthorityLink]] = defaultdict(list)
    for rid, aid, kind, name, role in links:
        key = (aid, name)
        if key not in others:
            others[key] = tuple(v for v in variants.get(aid, ()) if v != name)
        result[rid].append(AuthorityLink(aid, _KINDS[kind], name, _ROLES[role], others[key]))
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
    for rid, name in session.connection().execute(query):
        result[rid].append(name)
    return result


def _annotations(session: Session, ids: Sequence[int]) -> dict[int, list[Annotation]]:
    result: dict[int, list[Annotation]] = defaultdict(list)
    notes = t.Annotation
    for rid, nid, text, author, created, modified in session.connection().execute(
        select(notes.record_id, notes.id, notes.text, notes.author, notes.created, notes.modified)
        .where(notes.record_id.in_(ids))
        .order_by(notes.id)
    ):
        result[rid].append(Annotation(nid, text, author, created, modified))
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
    for row in session.connection().execute(query):
        rel_id, rtype, source, target, oid, ouid, otitle = row
        outgoing = source in wanted and oid == target
        holder = source if outgoing else target
        result[holder].append(
            RelationView(rel_id, _RELATION_TYPES[rtype], outgoing, oid, ouid, otitle)
        )
    return result


def _attachments(session: Session, ids: Sequence[int]) -> dict[int, list[Attachment]]:
    result: dict[int, list[Attachment]] = defaultdict(list)
    files = t.Attachment
    for rid, aid, path, role, language, sha256 in session.connection().execute(
        select(files.record_id, files.id, files.path, files.role, files.language, files.sha256)
        .where(files.record_id.in_(ids))
        .order_by(files.id)
    ):
        result[rid].append(Attachment(aid, path, role, language, sha256))
    return result


def count(session: Session, *, include_deleted: bool = False) -> int:
    """How many records the catalogue holds (outside the trash unless asked)."""
    query = select(func.count()).select_from(t.Record)
    if not include_deleted:
        query = query.where(t.Record.deleted == False)  # noqa: E712
    return int(session.scalar(query) or 0)
