"""Write states of records and authorities (see ``store.snapshots``): the one write path
of every edit, every undo and every redo.

Only what differs from the current state is written, each changed row's version goes up
by one, the full-text index follows, and each changed field gets a line in the change
log (who, when, old and new value). The caller's transaction makes it all or nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from functools import cached_property
from typing import Any, cast

from sqlalchemy import Table, Update, bindparam, delete, insert, select, update
from sqlalchemy.orm import Session

from catalog.domain.errors import EditConflict
from catalog.domain.names import fold, name_key
from catalog.domain.wording import QT_TRANSLATE_NOOP
from catalog.store import fulltext
from catalog.store import tables as t
from catalog.store.base import Base
from catalog.store.bulk import date_columns
from catalog.store.change_log import ChangeLog, relation_text
from catalog.store.snapshots import (
    AttachmentState,
    AuthorityState,
    RecordState,
    RelationState,
    Snapshot,
)
from catalog.store.sort_keys import catalogue_order
from catalog.store.types import utcnow

_Owned = AttachmentState | RelationState
"""A row a record owns by id and writes with it."""


def _table(model: type[Base]) -> Table:
    """The Core table of a model (typed: ``__table__`` is a plain FromClause to mypy)."""
    return cast(Table, model.__table__)


_VOCAB_LINKS: dict[str, tuple[Table, Table, str]] = {
    "languages": (_table(t.RecordLanguage), _table(t.Language), "language_id"),
    "collections": (_table(t.RecordCollection), _table(t.Collection), "collection_id"),
    "tags": (_table(t.RecordTag), _table(t.Tag), "tag_id"),
}


@dataclass
class Writer(ChangeLog):
    """Writes target states over current ones inside one session's transaction."""

    session: Session
    user: str = ""
    now: datetime = field(default_factory=utcnow)
    _vocab_ids: dict[tuple[str, str], int] = field(default_factory=dict)
    _names: dict[int, str] = field(default_factory=dict)
    _log_rows: list[dict[str, object]] = field(default_factory=list)

    @cached_property
    def _sort_key(self) -> Callable[[str], str]:
        """Keys in the catalogue's order, read when first needed."""
        return catalogue_order(self.connection).key

    def write(self, target: Snapshot, current: Snapshot) -> set[int]:
        """Make the catalogue hold ``target``; ``current`` is what it holds now.

        Returns the ids of the records whose content changed.
        """
        self._remember_names(target.authorities, current.authorities)
        reindex: set[int] = set()
        for aid, authority in target.authorities.items():
            if authority is not None and authority != current.authorities.get(aid):
                self._write_authority(authority, current.authorities.get(aid))
                reindex |= self._records_linking(aid)
        pairs = [
            (state, current.records.get(rid))
            for rid, state in target.records.items()
            if state is not None and state != current.records.get(rid)
        ]
        self._write_records(pairs)
        changed = {state.id for state, _before in pairs}
        reindex |= {state.id for state, before in pairs if _indexed_change(state, before)}
        for rid, state in target.records.items():
            before = current.records.get(rid)
            if state is not None and before is not None and state != before:
                self._write_relations(state, before)
            elif state is not None and before is None:
                self._write_relations(state, None)
        doomed = [
            rid
            for rid, state in target.records.items()
            if state is None and current.records.get(rid) is not None
        ]
        for start in range(0, len(doomed), 500):
            chunk = doomed[start : start + 500]
            self.connection.execute(delete(_table(t.Record)).where(t.Record.id.in_(chunk)))
            fulltext.remove(self.connection, chunk)
        for rid in doomed:
            self._log(rid, rid, "deleted permanently")
        changed.update(doomed)
        for aid, gone in target.authorities.items():
            before_authority = current.authorities.get(aid)
            if gone is None and before_authority is not None:
                self.connection.execute(delete(_table(t.Authority)).where(t.Authority.id == aid))
                self._log_authority(aid, "deleted", "name", before_authority.name, None)
        alive = {rid for rid in reindex if target.records.get(rid, 1) is not None}
        fulltext.refresh(self.session, alive)
        if self._log_rows:
            self.connection.execute(insert(_table(t.ChangeLogEntry)), self._log_rows)
            self._log_rows = []
        return changed

    # ----------------------------------------------------------------- authorities

    def _write_authority(self, state: AuthorityState, before: AuthorityState | None) -> None:
        table = _table(t.Authority)
        values = {
            "kind": state.kind,
            "name": state.name,
            "sort_key": self._sort_key(state.name),
            "note": state.note,
            "modified": self.now,
        }
        if before is None:
            self.connection.execute(
                insert(table).values(
                    id=state.id,
                    uid=state.uid,
                    created=state.created or self.now,
                    version=max(state.version, 1),
                    **values,
                )
            )
            self._log_authority(state.id, "created", "name", None, state.name)
        else:
            self._guarded(
                update(table)
                .where(table.c.id == state.id, table.c.version == before.version)
                .values(version=before.version + 1, **values),
                "name",
                state.id,
            )
            if before.name != state.name:
                self._log_authority(state.id, "updated", "name", before.name, state.name)
            if before.note != state.note:
                self._log_authority(state.id, "updated", "note", before.note, state.note)
        if before is None or before.variants != state.variants or before.kind != state.kind:
            variants = _table(t.AuthorityVariant)
            self.connection.execute(delete(variants).where(variants.c.authority_id == state.id))
            names = list(dict.fromkeys((state.name, *state.variants)))
            self.connection.execute(
                insert(variants),
                [
                    {
                        "authority_id": state.id,
                        "kind": state.kind,
                        "name": name,
                        "name_key": name_key(name),
                    }
                    for name in names
                ],
            )
            if before is not None and before.variants != state.variants:
                self._log_authority(
                    state.id,
                    "updated",
                    "variants",
                    "; ".join(before.variants),
                    "; ".join(state.variants),
                )

    def _guarded(self, statement: Update, noun: str, row_id: int) -> None:
        """Run a versioned UPDATE; no row updated means another writer got there first."""
        if self.connection.execute(statement).rowcount != 1:
            if noun == "record":
                template = QT_TRANSLATE_NOOP(
                    "Errors",
                    "The record {id} was changed by someone else meanwhile; "
                    "nothing was overwritten.",
                )
            else:
                template = QT_TRANSLATE_NOOP(
                    "Errors",
                    "The name {id} was changed by someone else meanwhile; nothing was overwritten.",
                )
            raise EditConflict(template, (row_id,) if noun == "record" else (), id=row_id)

    def _records_linking(self, authority_id: int) -> set[int]:
        linked = self.connection.scalars(
            select(t.RecordAuthority.record_id).where(
                t.RecordAuthority.authority_id == authority_id
            )
        )
        held = self.connection.scalars(
            select(t.Record.id).where(t.Record.repository_id == authority_id)
        )
        return {*linked, *held}

    # ----------------------------------------------------------------- records

    def _write_records(self, pairs: list[tuple[RecordState, RecordState | None]]) -> None:
        """Write changed records (new ones have no ``before``) a thousand at a time.

        Updates carry the version they were read at: a row someone else changed since
        is not matched, and the edit fails as a conflict.
        """
        for start in range(0, len(pairs), 1000):
            chunk = pairs[start : start + 1000]
            created = [state for state, before in chunk if before is None]
            if created:
                self.connection.execute(
                    insert(_table(t.Record)),
                    [
                        {
                            "id": state.id,
                            "uid": state.uid,
                            "created": state.created or self.now,
                            "created_by": state.created_by or self.user,
                            "version": max(state.version, 1),
                            **self._record_values(state),
                        }
                        for state in created
                    ],
                )
            updated = [(state, before) for state, before in chunk if before is not None]
            if updated:
                self._update_rows(updated)
            self._write_links(chunk)
            for state, before in chunk:
                if before is None:
                    if state.version:
                        self._log(state.id, state.id, "restored")
                else:
                    self._log_fields(state, before)
                self._write_notes(state, before)
                self._write_attachments(state, before)

    def _record_values(self, state: RecordState) -> dict[str, object]:
        return {
            "title": state.title,
            "title_key": self._sort_key(state.title),
            "summary": state.summary,
            "doc_type_id": self._vocab_id("document_types", state.doc_type),
            "repository_id": state.repository_id,
            "source_ref": state.source_ref,
            "classification": state.classification,
            "deleted": state.deleted,
            "modified": self.now,
            "modified_by": self.user,
            **date_columns(state.date),
        }

    def _update_rows(self, pairs: list[tuple[RecordState, RecordState]]) -> None:
        table = _table(t.Record)
        statement = update(table).where(
            table.c.id == bindparam("b_id"), table.c.version == bindparam("b_version")
        )
        rows = [
            {
                "b_id": state.id,
                "b_version": before.version,
                "version": before.version + 1,
                **self._record_values(state),
            }
            for state, before in pairs
        ]
        if self.connection.execute(statement, rows).rowcount == len(rows):
            return
        ids = [state.id for state, _before in pairs]
        written = dict(
            self.connection.execute(select(table.c.id, table.c.version).where(table.c.id.in_(ids)))
            .tuples()
            .all()
        )
        stale = tuple(s.id for s, b in pairs if written.get(s.id) != b.version + 1)
        raise EditConflict(
            QT_TRANSLATE_NOOP(
                "Errors",
                "Record {ids} was changed by someone else meanwhile; nothing was overwritten.",
            ),
            stale,
            ids=", ".join(map(str, stale[:5])),
        )

    def _write_links(self, pairs: list[tuple[RecordState, RecordState | None]]) -> None:
        """Replace the authority and vocabulary links that changed, for many records."""
        links = [state for state, before in pairs if before is None or before.links != state.links]
        held = _table(t.RecordAuthority)
        self._replace(
            held,
            [s.id for s in links],
            [{"record_id": s.id, "authority_id": a, "role": r} for s in links for a, r in s.links],
        )
        for name, (link_table, vocab_table, column) in _VOCAB_LINKS.items():
            moved = [
                state
                for state, before in pairs
                if before is None or getattr(before, name) != getattr(state, name)
            ]
            rows = [
                {"record_id": s.id, column: vid}
                for s in moved
                for vid in sorted(
                    {
                        v
                        for v in (self._vocab_id(vocab_table.name, n) for n in getattr(s, name))
                        if v
                    }
                )
            ]
            self._replace(link_table, [s.id for s in moved], rows)

    def _vocab_ids_of(self, table_name: str, names: tuple[str, ...]) -> list[int]:
        return sorted({v for v in (self._vocab_id(table_name, n) for n in names) if v is not None})

    def _replace(
        self, table: Table, record_ids: list[int], rows: Sequence[Mapping[str, object]]
    ) -> None:
        if record_ids:
            self.connection.execute(delete(table).where(table.c.record_id.in_(record_ids)))
        if rows:
            self.connection.execute(insert(table), rows)

    def _write_notes(self, state: RecordState, before: RecordState | None) -> None:
        table = _table(t.Annotation)
        old = {n.id: n for n in before.notes} if before else {}
        new = {n.id: n for n in state.notes}
        for nid in old.keys() - new.keys():
            self.connection.execute(delete(table).where(table.c.id == nid))
            self._log(state.id, nid, "updated", "note", old[nid].text, None, entity="annotation")
        for nid, note in new.items():
            if nid not in old:
                self.connection.execute(
                    insert(table).values(
                        id=nid,
                        uid=note.uid,
                        record_id=state.id,
                        text=note.text,
                        author=note.author,
                        created=note.created,
                        modified=note.modified,
                        version=1,
                    )
                )
                if before is not None:
                    self._log(
                        state.id, nid, "updated", "note", None, note.text, entity="annotation"
                    )
            elif old[nid] != note:
                self.connection.execute(
                    update(table)
                    .where(table.c.id == nid)
                    .values(
                        text=note.text,
                        author=note.author,
                        modified=note.modified,
                        version=table.c.version + 1,
                    )
                )
                self._log(
                    state.id, nid, "updated", "note", old[nid].text, note.text, entity="annotation"
                )

    def _write_attachments(self, state: RecordState, before: RecordState | None) -> None:
        self._write_owned(
            _table(t.Attachment),
            state.id,
            {a.id: a for a in before.attachments} if before else None,
            {a.id: a for a in state.attachments},
            "attachment",
            lambda a: {"uid": a.uid, "record_id": state.id, "path": a.path, "role": a.role,
                       "language": a.language, "sha256": a.sha256, "created": a.created},
            lambda a: a.path,
        )  # fmt: skip

    def _write_relations(self, state: RecordState, before: RecordState | None) -> None:
        self._write_owned(
            _table(t.Relation),
            state.id,
            {r.id: r for r in before.relations} if before else None,
            {r.id: r for r in state.relations},
            "relation",
            lambda r: {"uid": r.uid, "source_id": state.id, "target_id": r.target_id,
                       "type": r.type, "created": r.created},
            relation_text,
        )  # fmt: skip

    def _write_owned(
        self,
        table: Table,
        record_id: int,
        old: Mapping[int, _Owned] | None,
        new: Mapping[int, _Owned],
        noun: str,
        values: Callable[[Any], dict[str, object]],
        shown: Callable[[Any], str],
    ) -> None:
        """Rows a record owns by id (attachments, relations): deleted, changed or added.

        ``old`` is None for a record being created (nothing to log then).
        """
        before = old or {}
        for row_id in before.keys() - new.keys():
            self.connection.execute(delete(table).where(table.c.id == row_id))
            self._log(record_id, row_id, "updated", noun, shown(before[row_id]), None)
        for row_id, row in new.items():
            if before.get(row_id) == row:
                continue
            if row_id in before:
                self.connection.execute(delete(table).where(table.c.id == row_id))
            self.connection.execute(
                insert(table).values(id=row_id, modified=self.now, version=1, **values(row))
            )
            if old is not None:
                self._log(record_id, row_id, "updated", noun, None, shown(row))

    # ----------------------------------------------------------------- vocabularies

    def _vocab_id(self, table_name: str, name: str) -> int | None:
        name = " ".join(name.split())
        if not name:
            return None
        key = fold(name)
        found = self._vocab_ids.get((table_name, key))
        if found is not None:
            return found
        table = Base.metadata.tables[table_name]
        existing = self.connection.scalar(select(table.c.id).where(table.c.key == key))
        if existing is None:
            existing = self.connection.execute(
                insert(table).values(
                    name=name,
                    key=key,
                    uid=t.new_uid(),
                    created=self.now,
                    modified=self.now,
                    version=1,
                )
            ).inserted_primary_key[0]  # type: ignore[index]
        self._vocab_ids[(table_name, key)] = int(existing)
        return int(existing)

    # ----------------------------------------------------------------- change log


def _indexed_change(state: RecordState, before: RecordState | None) -> bool:
    """True when the full-text index must be rewritten (tags, dates, types are not in it)."""
    return before is None or (
        (state.title, state.summary, state.repository_id, state.links)
        != (before.title, before.summary, before.repository_id, before.links)
        or [n.text for n in state.notes] != [n.text for n in before.notes]
    )
