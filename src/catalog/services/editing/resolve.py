"""Turning what the editor holds (names, drafts) into states the store can write."""

from __future__ import annotations

from dataclasses import replace

from sqlalchemy import select
from sqlalchemy.orm import Session

from catalog.domain.drafts import NameChoice, RecordDraft
from catalog.domain.errors import InvalidEdit, Word
from catalog.domain.names import name_key
from catalog.domain.records import AuthorityKind, Role
from catalog.domain.wording import QT_TRANSLATE_NOOP
from catalog.store import tables as t
from catalog.store.base import Base
from catalog.store.ids import IdAllocator
from catalog.store.snapshots import (
    AttachmentState,
    AuthorityState,
    RecordState,
    RelationState,
    Snapshot,
)
from catalog.store.types import utcnow


class NewIds:
    """Fresh primary keys for one write transaction (one allocator per table)."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self._allocators: dict[type[Base], IdAllocator] = {}

    def take(self, table: type[Base]) -> int:
        """A key of ``table`` no row holds and no earlier call returned."""
        allocator = self._allocators.get(table)
        if allocator is None:
            allocator = IdAllocator(self.session.connection(), table, block=20)
            self._allocators[table] = allocator
        return allocator.take()


def tidy(values: tuple[str, ...] | list[str]) -> tuple[str, ...]:
    """Names without blanks, repeated spaces or duplicates, in a stable order."""
    return tuple(sorted({" ".join(v.split()) for v in values if v.strip()}))


_NAMELESS = {
    AuthorityKind.PERSON: QT_TRANSLATE_NOOP("Errors", "A person needs a name."),
    AuthorityKind.ORGANISATION: QT_TRANSLATE_NOOP("Errors", "An organisation needs a name."),
    AuthorityKind.PLACE: QT_TRANSLATE_NOOP("Errors", "A place needs a name."),
    AuthorityKind.SUBJECT: QT_TRANSLATE_NOOP("Errors", "A subject needs a name."),
    AuthorityKind.REPOSITORY: QT_TRANSLATE_NOOP("Errors", "A repository needs a name."),
}


def nameless(kind: AuthorityKind) -> InvalidEdit:
    """The error of a name of ``kind`` left blank."""
    return InvalidEdit(_NAMELESS[kind])


def kind_word(kind: AuthorityKind | str) -> Word:
    """A kind of name as a message's value: the window shows it translated (the interface
    marks the kinds in the "NamesField" context)."""
    return Word("NamesField", AuthorityKind(kind).value)


class Resolver:
    """Finds authorities by name (any variant), creating new ones in the target."""

    def __init__(self, session: Session, target: Snapshot) -> None:
        self.session = session
        self.target = target
        self.ids = NewIds(session)
        self._made: dict[tuple[str, str], int] = {}

    def authority(self, kind: AuthorityKind, name: str, authority_id: int | None = None) -> int:
        """The id of the authority chosen: by id, else by any variant, else a new one."""
        if authority_id is not None:
            found = self.session.scalar(
                select(t.Authority.id).where(t.Authority.id == authority_id)
            )
            if found is not None or authority_id in self.target.authorities:
                return authority_id
        name = " ".join(name.split())
        key = name_key(name)
        if not key:
            raise nameless(kind)
        made = self._made.get((kind.value, key))
        if made is not None:
            return made
        found = self.session.scalar(
            select(t.AuthorityVariant.authority_id)
            .where(t.AuthorityVariant.kind == kind.value, t.AuthorityVariant.name_key == key)
            .order_by(t.AuthorityVariant.authority_id)
            .limit(1)
        )
        if found is not None:
            return int(found)
        aid = self.ids.take(t.Authority)
        self.target.authorities[aid] = AuthorityState(
            aid, t.new_uid(), kind.value, name, (name,), created=utcnow()
        )
        self._made[(kind.value, key)] = aid
        return aid

    def links(self, names: tuple[NameChoice, ...]) -> tuple[tuple[int, str], ...]:
        """The (authority id, role) links of the names chosen, without repeats."""
        links: list[tuple[int, str]] = []
        for choice in names:
            role = choice.role
            if choice.kind is AuthorityKind.SUBJECT and role is Role.MENTIONED:
                role = Role.SUBJECT
            link = (self.authority(choice.kind, choice.name, choice.authority_id), role.value)
            if link not in links:
                links.append(link)
        return tuple(links)


def record_state(
    resolver: Resolver,
    draft: RecordDraft,
    base: RecordState,
) -> RecordState:
    """``base`` with every field the draft holds (links resolved, ids kept where unchanged)."""
    if draft.problems():  # the one problem a draft can have
        raise InvalidEdit(QT_TRANSLATE_NOOP("Errors", "A title is required."))
    archive = " ".join(draft.archive.split())
    repository = resolver.authority(AuthorityKind.REPOSITORY, archive) if archive else None
    now = utcnow()
    relations: list[RelationState] = []
    for choice in dict.fromkeys(draft.relations):
        kept = next(
            (r for r in base.relations
             if r.target_id == choice.target_id and r.type == choice.type.value),
            None,
        )  # fmt: skip
        if choice.target_id == base.id:
            raise InvalidEdit(QT_TRANSLATE_NOOP("Errors", "A record cannot be linked to itself."))
        relations.append(
            kept
            or RelationState(
                resolver.ids.take(t.Relation), t.new_uid(), choice.target_id, choice.type.value, now
            )
        )
    attachments: list[AttachmentState] = []
    for att in dict.fromkeys(draft.attachments):
        kept_att = next(
            (a for a in base.attachments
             if (a.path, a.sha256, a.role, a.language)
             == (att.path, att.sha256, att.role, att.language)),
            None,
        )  # fmt: skip
        attachments.append(
            kept_att
            or AttachmentState(
                resolver.ids.take(t.Attachment),
                t.new_uid(),
                att.path,
                att.role,
                att.language,
                att.sha256,
                now,
            )
        )
    return replace(
        base,
        title=" ".join(draft.title.split()),
        date=draft.date,
        summary=draft.summary.strip(),
        doc_type=" ".join(draft.doc_type.split()),
        repository_id=repository,
        source_ref=draft.source_ref.strip(),
        classification=draft.classification.strip(),
        links=resolver.links(draft.names),
        languages=tidy(draft.languages),
        collections=tidy(draft.collections),
        tags=tidy(draft.tags),
        relations=tuple(relations),
        attachments=tuple(attachments),
    )
