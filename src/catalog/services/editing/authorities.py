"""The name-authority manager: list, create, rename, re-word, merge, split and delete.

Every change goes through ``Editor.edit`` so it is one step to undo, and every change
based on what a dialog showed passes the version it showed: an authority changed by
someone else since raises EditConflict and nothing is written. The records that link an
authority are read inside the write transaction, so none is missed by a race.
"""

from __future__ import annotations

import builtins
from collections.abc import Iterable
from dataclasses import dataclass, replace

from sqlalchemy import func, select, union
from sqlalchemy.orm import Session

from catalog.domain.changes import ChangeSet
from catalog.domain.errors import EditConflict, InvalidEdit, RecordNotFound
from catalog.domain.names import name_key
from catalog.domain.records import AuthorityKind
from catalog.domain.wording import QT_TRANSLATE_NOOP
from catalog.services.editing.editor import Editor
from catalog.services.editing.resolve import NewIds, kind_word, nameless
from catalog.store import tables as t
from catalog.store import unit_of_work
from catalog.store.snapshots import AuthorityState, RecordState, Snapshot, capture_records
from catalog.store.types import utcnow


@dataclass(frozen=True)
class AuthorityRow:
    """One row of the manager's list.

    Attributes:
        variants: the other forms of the name (the authorised name left out).
        records: how many records link it or are held by it (trashed ones included:
            deleting it would change them too).
    """

    id: int
    kind: AuthorityKind
    name: str
    variants: tuple[str, ...]
    records: int
    version: int


class AuthorityEditor:
    """Changes to name authorities, each one undoable step of the shared Editor."""

    def __init__(self, editor: Editor) -> None:
        self.editor = editor

    # ------------------------------------------------------------------ reading

    def list(self, kind: AuthorityKind, filter_text: str = "") -> list[AuthorityRow]:
        """Authorities of ``kind`` in order of their authorised name.

        ``filter_text`` keeps those with a variant containing it (folded: case,
        diacritics and punctuation do not matter; any script).
        """
        query = select(t.Authority.id, t.Authority.name, t.Authority.version).where(
            t.Authority.kind == kind.value
        )
        key = name_key(filter_text)
        if key:
            pattern = "%" + key.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
            query = query.where(
                t.Authority.id.in_(
                    select(t.AuthorityVariant.authority_id).where(
                        t.AuthorityVariant.kind == kind.value,
                        t.AuthorityVariant.name_key.like(pattern, escape="\\"),
                    )
                )
            )
        with unit_of_work.read(self.editor.db, consistent=True) as session:
            rows = session.execute(query.order_by(t.Authority.sort_key, t.Authority.id)).all()
            variants: dict[int, list[str]] = {}
            for aid, name in session.execute(
                select(t.AuthorityVariant.authority_id, t.AuthorityVariant.name)
                .where(t.AuthorityVariant.authority_id.in_(query.with_only_columns(t.Authority.id)))
                .order_by(t.AuthorityVariant.id)
            ):
                variants.setdefault(aid, []).append(name)
            counts = _counts(session, kind)
        return [
            AuthorityRow(
                aid,
                kind,
                name,
                tuple(v for v in variants.get(aid, ()) if v != name),
                counts.get(aid, 0),
                version,
            )
            for aid, name, version in rows
        ]

    def records_of(self, authority_id: int) -> builtins.list[tuple[int, str]]:
        """(id, title) of the records that link the authority or are held by it."""
        with unit_of_work.read(self.editor.db) as session:
            ids = _linking(session, authority_id)
            if not ids:
                return []
            rows = session.execute(
                select(t.Record.id, t.Record.title)
                .where(t.Record.id.in_(ids))
                .order_by(t.Record.title_key, t.Record.id)
            )
            return [(rid, title) for rid, title in rows]

    # ------------------------------------------------------------------ changes

    def create(
        self, kind: AuthorityKind, name: str, variants: Iterable[str] = ()
    ) -> tuple[int, ChangeSet]:
        """Add an authority; InvalidEdit if one of ``kind`` already bears the name."""
        name = _clean(name, kind)
        made: list[int] = []

        def change(session: Session, current: Snapshot) -> Snapshot:
            _refuse_taken(session, kind, name)
            aid = NewIds(session).take(t.Authority)
            made.append(aid)
            state = AuthorityState(
                aid, t.new_uid(), kind.value, name, _forms(name, variants), created=utcnow()
            )
            return Snapshot(authorities={aid: state})

        changes = self.editor.edit(f"Add {kind.value} “{name}”", (), change)
        return made[0], changes

    def rename(self, authority_id: int, new_name: str, version: int) -> ChangeSet:
        """Make ``new_name`` the authorised name; the old one stays as a variant."""

        def change(session: Session, current: Snapshot) -> Snapshot:
            state = _current(current, authority_id, version)
            name = _clean(new_name, AuthorityKind(state.kind))
            if name == state.name:
                return Snapshot()
            _refuse_taken(session, AuthorityKind(state.kind), name, exclude=authority_id)
            renamed = replace(state, name=name, variants=_forms(name, state.variants))
            return Snapshot(authorities={authority_id: renamed})

        return self.editor.edit(
            f"Rename to “{' '.join(new_name.split())}”", (), change, authority_ids=[authority_id]
        )

    def set_variants(self, authority_id: int, variants: Iterable[str], version: int) -> ChangeSet:
        """Replace the other forms of the name (the authorised name always stays)."""
        wanted = list(variants)

        def change(session: Session, current: Snapshot) -> Snapshot:
            state = _current(current, authority_id, version)
            forms = _forms(state.name, wanted)
            if forms == state.variants:
                return Snapshot()
            return Snapshot(authorities={authority_id: replace(state, variants=forms)})

        return self.editor.edit("Edit name variants", (), change, authority_ids=[authority_id])

    def merge(
        self,
        keep_id: int,
        drop_id: int,
        keep_version: int | None = None,
        drop_version: int | None = None,
    ) -> ChangeSet:
        """Fold ``drop`` into ``keep``: its records and variants follow, it is deleted."""
        if keep_id == drop_id:
            raise InvalidEdit(QT_TRANSLATE_NOOP("Errors", "A name cannot be merged with itself."))

        def change(session: Session, current: Snapshot) -> Snapshot:
            keep = _current(current, keep_id, keep_version)
            drop = _current(current, drop_id, drop_version)
            if keep.kind != drop.kind:
                raise InvalidEdit(
                    QT_TRANSLATE_NOOP(
                        "Errors",
                        "“{drop}” is a {drop_kind} and “{keep}” a {keep_kind}: "
                        "only names of the same kind can be merged.",
                    ),
                    drop=drop.name,
                    drop_kind=kind_word(drop.kind),
                    keep=keep.name,
                    keep_kind=kind_word(keep.kind),
                )
            target = Snapshot()
            for state in _linking_states(session, current, drop_id):
                moved = _moved(state, drop_id, keep_id)
                if moved != state:
                    target.records[state.id] = moved
            target.authorities[keep_id] = replace(
                keep, variants=_forms(keep.name, (*keep.variants, *drop.variants))
            )
            target.authorities[drop_id] = None
            return target

        label = f"Merge “{self._name(drop_id)}” into “{self._name(keep_id)}”"
        return self.editor.edit(label, (), change, authority_ids=[keep_id, drop_id])

    def split(
        self,
        authority_id: int,
        new_name: str,
        variants: Iterable[str],
        record_ids: Iterable[int],
        version: int | None = None,
    ) -> tuple[int, ChangeSet]:
        """Part of an authority becomes a new one of the same kind.

        The new authority takes ``new_name`` and the chosen ``variants`` (which leave the
        original; its authorised name cannot) and the links of the given records.
        """
        chosen = [" ".join(v.split()) for v in variants if v.strip()]
        moving = set(record_ids)
        made: list[int] = []

        def change(session: Session, current: Snapshot) -> Snapshot:
            state = _current(current, authority_id, version)
            kind = AuthorityKind(state.kind)
            name = _clean(new_name, kind)
            if state.name in chosen or state.name == name:
                raise InvalidEdit(
                    QT_TRANSLATE_NOOP(
                        "Errors", "“{name}” is the authorised name and stays; rename it first."
                    ),
                    name=state.name,
                )
            new_id = NewIds(session).take(t.Authority)
            made.append(new_id)
            leaving = {name, *chosen}
            target = Snapshot()
            target.authorities[new_id] = AuthorityState(
                new_id, t.new_uid(), kind.value, name, _forms(name, chosen), created=utcnow()
            )
            target.authorities[authority_id] = replace(
                state, variants=tuple(v for v in state.variants if v not in leaving)
            )
            for record in _linking_states(session, current, authority_id):
                if record.id in moving:
                    target.records[record.id] = _moved(record, authority_id, new_id)
            return target

        changes = self.editor.edit(
            f"Split “{' '.join(new_name.split())}” off", (), change, authority_ids=[authority_id]
        )
        return made[0], changes

    def delete(self, authority_id: int, version: int | None = None) -> ChangeSet:
        """Delete an authority no record uses; InvalidEdit with the count otherwise."""

        def change(session: Session, current: Snapshot) -> Snapshot:
            state = _current(current, authority_id, version)
            used = len(_linking(session, authority_id))
            if used:
                template = (
                    QT_TRANSLATE_NOOP(
                        "Errors",
                        "“{name}” is used by 1 record; merge it into another name instead.",
                    )
                    if used == 1
                    else QT_TRANSLATE_NOOP(
                        "Errors",
                        "“{name}” is used by {count} records; merge it into another name instead.",
                    )
                )
                raise InvalidEdit(template, name=state.name, count=used)
            return Snapshot(authorities={authority_id: None})

        label = f"Delete “{self._name(authority_id)}”"
        return self.editor.edit(label, (), change, authority_ids=[authority_id])

    def _name(self, authority_id: int) -> str:
        """The authorised name, for the label of an undo step."""
        with unit_of_work.read(self.editor.db) as session:
            name = session.scalar(select(t.Authority.name).where(t.Authority.id == authority_id))
        return name or f"#{authority_id}"


# ---------------------------------------------------------------------- helpers


def _clean(name: str, kind: AuthorityKind) -> str:
    name = " ".join(name.split())
    if not name_key(name):
        raise nameless(kind)
    return name


def _forms(name: str, variants: Iterable[str]) -> tuple[str, ...]:
    """The authorised name first, then the other forms: tidied, without repeats."""
    cleaned = (" ".join(v.split()) for v in variants)
    return tuple(dict.fromkeys((name, *(v for v in cleaned if v))))


def _current(current: Snapshot, authority_id: int, version: int | None) -> AuthorityState:
    state = current.authorities.get(authority_id)
    if state is None:
        raise RecordNotFound(
            QT_TRANSLATE_NOOP("Errors", "That name is no longer in the catalogue.")
        )
    if version is not None and state.version != version:
        raise EditConflict(
            QT_TRANSLATE_NOOP(
                "Errors",
                "“{name}” was changed by someone else since it was shown; "
                "nothing was overwritten. Look at it again and repeat the change.",
            ),
            name=state.name,
        )
    return state


def _refuse_taken(
    session: Session, kind: AuthorityKind, name: str, exclude: int | None = None
) -> None:
    """InvalidEdit if another authority of ``kind`` has a form with the same key."""
    query = (
        select(t.Authority.name)
        .join(t.AuthorityVariant, t.AuthorityVariant.authority_id == t.Authority.id)
        .where(t.AuthorityVariant.kind == kind.value, t.AuthorityVariant.name_key == name_key(name))
    )
    if exclude is not None:
        query = query.where(t.Authority.id != exclude)
    other = session.scalar(query.limit(1))
    if other is not None:
        raise InvalidEdit(
            QT_TRANSLATE_NOOP(
                "Errors",
                "“{name}” is already a name of the {kind} “{other}”: "
                "add it as a variant or merge the two instead.",
            ),
            name=name,
            kind=kind_word(kind),
            other=other,
        )


def _linking(session: Session, authority_id: int) -> list[int]:
    """Ids of the records that link the authority or are held by it (trashed too)."""
    linked = select(t.RecordAuthority.record_id).where(
        t.RecordAuthority.authority_id == authority_id
    )
    held = select(t.Record.id).where(t.Record.repository_id == authority_id)
    return sorted({*session.scalars(linked), *session.scalars(held)})


def _linking_states(session: Session, current: Snapshot, authority_id: int) -> list[RecordState]:
    """The records using the authority, captured into ``current`` so undo restores them."""
    ids = _linking(session, authority_id)
    missing = [rid for rid in ids if rid not in current.records]
    if missing:
        current.records.update(capture_records(session, missing))
    return [s for rid in ids if (s := current.records.get(rid)) is not None]


def _moved(state: RecordState, old: int, new: int) -> RecordState:
    """The record with its links to ``old`` moved to ``new`` (no duplicate links)."""
    links = tuple(dict.fromkeys((new if aid == old else aid, role) for aid, role in state.links))
    repository = new if state.repository_id == old else state.repository_id
    return replace(state, links=links, repository_id=repository)


def _counts(session: Session, kind: AuthorityKind) -> dict[int, int]:
    """Records per authority of ``kind``: links and holdings, each record once."""
    of_kind = select(t.Authority.id).where(t.Authority.kind == kind.value)
    link = t.RecordAuthority
    linked = select(link.authority_id.label("aid"), link.record_id.label("rid")).where(
        link.authority_id.in_(of_kind)
    )
    held = select(t.Record.repository_id.label("aid"), t.Record.id.label("rid")).where(
        t.Record.repository_id.in_(of_kind)
    )
    uses = union(linked, held).subquery()
    query = select(uses.c.aid, func.count()).group_by(uses.c.aid)
    return {int(aid): int(n) for aid, n in session.execute(query)}
