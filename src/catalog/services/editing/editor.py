"""Editor: every change an archivist makes to records, each one step to undo.

Methods run one write transaction each and return the ChangeSet the window refreshes
from. Record edits based on what a dialog showed pass the version it showed; a record
changed since raises EditConflict and nothing is written.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace

from sqlalchemy import select
from sqlalchemy.orm import Session

from catalog.domain.changes import ChangeSet
from catalog.domain.dates import UNDATED
from catalog.domain.drafts import RecordDraft, storable
from catalog.domain.errors import EditConflict, InvalidEdit, RecordNotFound
from catalog.domain.records import AuthorityKind, RecordSummary, RelationType
from catalog.domain.wording import QT_TRANSLATE_NOOP
from catalog.services.editing.attachments import AttachmentStore, attachments_root
from catalog.services.editing.core import Change, apply_edit, apply_step
from catalog.services.editing.history import Step, UndoHistory
from catalog.services.editing.lookups import NameOption, VocabularyName, name_options, vocabulary
from catalog.services.editing.resolve import NewIds, Resolver, record_state
from catalog.store import records_repo, unit_of_work
from catalog.store import tables as t
from catalog.store.engine import Database
from catalog.store.snapshots import NoteState, RecordState, RelationState, Snapshot
from catalog.store.types import utcnow

_NO_RECORD = QT_TRANSLATE_NOOP("Errors", "Record {record} is not in the catalogue.")


class Editor:
    """Edits, trash, undo and redo on one open catalogue.

    Attributes:
        user: the archivist's name, written to the change log and on notes.
        history: the undo and redo steps, shared by every dialog.
    """

    def __init__(self, db: Database, user: str = "", history: UndoHistory | None = None) -> None:
        self.db = db
        self.user = user
        self.history = history or UndoHistory()
        # Dialogs save on the UI thread while undo runs on the worker: one change at a
        # time, so the history's stacks always match what was written.
        self._lock = threading.RLock()

    # ------------------------------------------------------------------ the core

    def edit(
        self,
        label: str,
        record_ids: Iterable[int],
        change: Change,
        *,
        authority_ids: Iterable[int] = (),
        expected: Mapping[int, int] | None = None,
        known: Mapping[int, RecordState] | None = None,
    ) -> ChangeSet:
        """Run one change as one undoable step (see ``core.apply_edit``)."""
        with self._lock:
            step, changes = apply_edit(
                self.db, self.user, label, record_ids, authority_ids, change, expected, known
            )
            if not changes.empty:
                self.history.done(step)
            return changes

    def remember(self, step: Step) -> None:
        """Make a change written elsewhere (an import, in its own transaction) undoable."""
        with self._lock:
            self.history.done(step)

    def undo(self) -> ChangeSet:
        """Revert the last change; EditConflict if its records changed since."""
        return self._replay(self.history.undo_steps, self.history.redo_steps)

    def redo(self) -> ChangeSet:
        """Apply the last undone change again."""
        return self._replay(self.history.redo_steps, self.history.undo_steps)

    def _replay(self, source: list[Step], target: list[Step]) -> ChangeSet:
        with self._lock:
            return self._replay_locked(source, target)

    def _replay_locked(self, source: list[Step], target: list[Step]) -> ChangeSet:
        if not source:
            return ChangeSet()
        step = source[-1]
        try:
            inverse, changes = apply_step(self.db, self.user, step)
        except EditConflict as conflict:
            # The step can never apply now; keeping it would block every older step.
            source.pop()
            template = (
                QT_TRANSLATE_NOOP("Errors", "Cannot undo “{label}”: {reason}")
                if target is self.history.redo_steps
                else QT_TRANSLATE_NOOP("Errors", "Cannot redo “{label}”: {reason}")
            )
            raise EditConflict(
                template, conflict.record_ids, label=step.label, reason=conflict
            ) from conflict
        source.pop()
        target.append(inverse)
        self.history.renumber(step, inverse)
        return changes

    # ------------------------------------------------------------------ records

    def create_record(self, draft: RecordDraft) -> tuple[int, ChangeSet]:
        """Add a record; returns its id."""
        draft = draft.storable()
        made: list[int] = []

        def change(session: Session, current: Snapshot) -> Snapshot:
            target = Snapshot()
            resolver = Resolver(session, target)
            rid = resolver.ids.take(t.Record)
            made.append(rid)
            base = RecordState(rid, t.new_uid(), "", UNDATED, created_by=self.user)
            self._check_new_files(draft, base)
            target.records[rid] = record_state(resolver, draft, base)
            return target

        changes = self.edit(f"Add record “{_short(draft.title)}”", (), change)
        return made[0], changes

    def update_record(self, record_id: int, draft: RecordDraft, version: int) -> ChangeSet:
        """Save the editor's draft over the record, if it is still at ``version``."""
        draft = draft.storable()

        def change(session: Session, current: Snapshot) -> Snapshot:
            base = _existing(current, record_id)
            self._check_new_files(draft, base)
            target = Snapshot()
            target.records[record_id] = record_state(Resolver(session, target), draft, base)
            return target

        return self.edit(
            f"Edit “{_short(draft.title)}”", [record_id], change, expected={record_id: version}
        )

    def _check_new_files(self, draft: RecordDraft, base: RecordState) -> None:
        """Refuse attachments added by this edit whose path leaves the catalogue's folder
        (those already on the record, from an import, are kept as they are)."""
        held = {a.path for a in base.attachments}
        added = [a for a in draft.attachments if a.path not in held]
        if added:
            store = AttachmentStore(attachments_root(self.db))
            for attachment in added:
                store.resolve(attachment)  # InvalidEdit when it is outside

    # ------------------------------------------------------------------ notes

    def add_note(self, record_id: int, text: str) -> ChangeSet:
        """Add a note, signed with the archivist's name."""
        text = _note_text(text)

        def change(session: Session, current: Snapshot) -> Snapshot:
            state = _existing(current, record_id)
            now = utcnow()
            note = NoteState(
                NewIds(session).take(t.Annotation), t.new_uid(), text, self.user, now, now
            )
            return Snapshot({record_id: replace(state, notes=(*state.notes, note))})

        return self.edit("Add note", [record_id], change)

    def edit_note(
        self, record_id: int, note_id: int, text: str, seen: str | None = None
    ) -> ChangeSet:
        """Change the text of a note; ``seen`` is the text the archivist was shown (a note
        someone else changed since is a conflict, not overwritten)."""
        text = _note_text(text)

        def change(session: Session, current: Snapshot) -> Snapshot:
            state = _existing(current, record_id)
            _check_note(state, note_id, seen)
            notes = tuple(
                replace(n, text=text, modified=utcnow()) if n.id == note_id else n
                for n in state.notes
            )
            return Snapshot({record_id: replace(state, notes=notes)})

        return self.edit("Edit note", [record_id], change)

    def delete_note(self, record_id: int, note_id: int, seen: str | None = None) -> ChangeSet:
        """Remove a note (``seen``: the text shown, as for ``edit_note``)."""

        def change(session: Session, current: Snapshot) -> Snapshot:
            state = _existing(current, record_id)
            _check_note(state, note_id, seen)
            notes = tuple(n for n in state.notes if n.id != note_id)
            return Snapshot({record_id: replace(state, notes=notes)})

        return self.edit("Delete note", [record_id], change)

    # ------------------------------------------------------------------ relations

    def link(self, source_id: int, target_id: int, relation: RelationType) -> ChangeSet:
        """Link two records; the other record shows the inverse at once."""
        if source_id == target_id:
            raise InvalidEdit(QT_TRANSLATE_NOOP("Errors", "A record cannot be linked to itself."))

        def change(session: Session, current: Snapshot) -> Snapshot:
            state = _existing(current, source_id)
            if _existing(current, target_id) is None:  # pragma: no cover - _existing raises
                raise RecordNotFound(_NO_RECORD, record=target_id)
            if any(r.target_id == target_id and r.type == relation.value for r in state.relations):
                return Snapshot()
            rel = RelationState(
                NewIds(session).take(t.Relation), t.new_uid(), target_id, relation.value, utcnow()
            )
            return Snapshot({source_id: replace(state, relations=(*state.relations, rel))})

        return self.edit(f"Link records ({relation.label})", [source_id, target_id], change)

    def unlink(self, relation_id: int) -> ChangeSet:
        """Remove a relation (from whichever end it is seen)."""
        with unit_of_work.read(self.db) as session:
            source = session.scalar(
                select(t.Relation.source_id).where(t.Relation.id == relation_id)
            )
        if source is None:
            return ChangeSet()

        def change(session: Session, current: Snapshot) -> Snapshot:
            state = _existing(current, source)
            kept = tuple(r for r in state.relations if r.id != relation_id)
            return Snapshot({source: replace(state, relations=kept)})

        return self.edit("Remove link", [source], change)

    # ------------------------------------------------------------------ trash

    def trash(self, record_ids: Sequence[int]) -> ChangeSet:
        """Move records to the trash (they leave every search; restore brings them back)."""
        return self._set_deleted(record_ids, True, _count_label("Delete", record_ids))

    def restore(self, record_ids: Sequence[int]) -> ChangeSet:
        """Bring records back from the trash."""
        return self._set_deleted(record_ids, False, _count_label("Restore", record_ids))

    def _set_deleted(self, record_ids: Sequence[int], deleted: bool, label: str) -> ChangeSet:
        def change(session: Session, current: Snapshot) -> Snapshot:
            return Snapshot(
                {
                    rid: replace(state, deleted=deleted)
                    for rid, state in current.records.items()
                    if state is not None and state.deleted != deleted
                }
            )

        return self.edit(label, record_ids, change)

    def trashed(self) -> list[RecordSummary]:
        """The records in the trash, most recently deleted first."""
        with unit_of_work.read(self.db) as session:
            ids = list(
                session.scalars(
                    select(t.Record.id)
                    .where(t.Record.deleted == True)  # noqa: E712
                    .order_by(t.Record.modified.desc(), t.Record.id.desc())
                )
            )
            return records_repo.summaries(session, ids, names=False)

    def empty_trash(self) -> ChangeSet:
        """Delete the records in the trash for good (one step to undo)."""
        with unit_of_work.read(self.db) as session:
            doomed = set(session.scalars(select(t.Record.id).where(t.Record.deleted == True)))  # noqa: E712
            linking = set(
                session.scalars(
                    select(t.Relation.source_id).where(t.Relation.target_id.in_(doomed))
                )
            ) if doomed else set()  # fmt: skip
        if not doomed:
            return ChangeSet()

        def change(session: Session, current: Snapshot) -> Snapshot:
            gone = {rid for rid, s in current.records.items() if s is not None and s.deleted}
            target: dict[int, RecordState | None] = dict.fromkeys(gone)
            for rid, state in current.records.items():
                if state is not None and rid not in gone:
                    kept = tuple(r for r in state.relations if r.target_id not in gone)
                    if kept != state.relations:
                        target[rid] = replace(state, relations=kept)
            return Snapshot(target)

        return self.edit(_count_label("Empty trash of", doomed), doomed | linking, change)

    # ------------------------------------------------------------------ look-ups

    def name_options(self, kind: AuthorityKind, typed: str, limit: int = 20) -> list[NameOption]:
        """Authorities to complete ``typed`` with, matched on any variant."""
        return name_options(self.db, kind, typed, limit)

    def vocabulary(self, which: VocabularyName) -> list[str]:
        """The values of a controlled list (document types, languages, collections, tags)."""
        return vocabulary(self.db, which)

    def similar(self, draft: RecordDraft, exclude: int | None = None) -> list[RecordSummary]:
        """Records with the same date and a similar title (possible duplicates)."""
        from rapidfuzz import fuzz  # loaded when first needed: faster start-up

        date = draft.date
        title = " ".join(draft.title.split())
        if date.lower is None or not title:
            return []
        with unit_of_work.read(self.db) as session:
            rows = session.execute(
                select(t.Record.id, t.Record.title).where(
                    t.Record.deleted == False,  # noqa: E712
                    t.Record.date_lower == date.lower,
                    t.Record.date_upper == date.upper,
                )
            ).all()
            ids = [
                rid
                for rid, other in rows
                if rid != exclude
                and fuzz.token_sort_ratio(title.casefold(), other.casefold()) >= SIMILAR_TITLE
            ]
            return records_repo.summaries(session, ids, names=False)


IMPORT_UNDO_LIMIT = 100_000
"""Imports up to this many records can be undone (undo holds each record's state)."""

SIMILAR_TITLE = 85
"""How alike two titles must be (rapidfuzz token sort ratio, 0-100) to be a likely duplicate."""


def _existing(current: Snapshot, record_id: int) -> RecordState:
    state = current.records.get(record_id)
    if state is None:
        raise RecordNotFound(_NO_RECORD, record=record_id)
    return state


def _check_note(state: RecordState, note_id: int, seen: str | None) -> None:
    note = next((n for n in state.notes if n.id == note_id), None)
    if note is None:
        raise RecordNotFound(
            QT_TRANSLATE_NOOP("Errors", "That note is no longer in the catalogue.")
        )
    if seen is not None and note.text != seen:
        raise EditConflict(
            QT_TRANSLATE_NOOP(
                "Errors", "Someone changed this note since it was shown; nothing was overwritten."
            ),
            (state.id,),
        )


def _note_text(text: str) -> str:
    text = storable(text).strip()
    if not text:
        raise InvalidEdit(QT_TRANSLATE_NOOP("Errors", "A note needs some text."))
    return text


def _short(title: str, width: int = 40) -> str:
    title = " ".join(title.split())
    return title if len(title) <= width else title[: width - 1] + "…"


def _count_label(verb: str, ids: Iterable[int]) -> str:
    count = len(set(ids))
    return f"{verb} {count} record{'s' if count != 1 else ''}"
