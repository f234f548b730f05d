"""Imported records that update the catalogue's copies, and the step that undoes an import.

Updates are written inside the import's own transaction through the editing core's
writer, so they check versions, go into the change log and are undone with the rest.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from sqlalchemy.orm import Session

from catalog.domain.drafts import NameChoice, RecordDraft
from catalog.domain.errors import EditConflict
from catalog.domain.records import RecordInput
from catalog.services.editing.core import touched_rows
from catalog.services.editing.editor import IMPORT_UNDO_LIMIT
from catalog.services.editing.history import Step
from catalog.services.editing.resolve import Resolver, record_state
from catalog.services.import_matching import Match
from catalog.store import tables as t
from catalog.store import write_log
from catalog.store.restore import Writer
from catalog.store.snapshots import (
    NoteState,
    Snapshot,
    authority_versions,
    capture_records,
    record_versions,
)
from catalog.store.types import utcnow


@dataclass
class Updates:
    """What the updates of an import wrote: the states they replaced."""

    before: Snapshot

    @property
    def records(self) -> list[int]:
        """The updated records."""
        return list(self.before.records)


def apply_updates(
    session: Session,
    user: str,
    updates: Sequence[tuple[Match, RecordInput]],
    expected: Mapping[int, int] | None,
) -> Updates | None:
    """Write each imported record over the one it duplicates (its notes are added)."""
    if not updates:
        return None
    ids = [match.existing_id for match, _item in updates]
    current = Snapshot(capture_records(session, ids))
    wanted = (
        dict(expected) if expected is not None else {m.existing_id: m.version for m, _ in updates}
    )
    stale = tuple(
        rid
        for rid in ids
        if (state := current.records.get(rid)) is None or state.version != wanted.get(rid)
    )
    if stale:
        raise EditConflict(
            f"{len(stale)} record(s) to update changed since the import was checked "
            f"(record {', '.join(map(str, stale[:5]))}); nothing was imported.",
            stale,
        )
    target = Snapshot()
    resolver = Resolver(session, target)
    now = utcnow()
    for match, item in updates:
        base = current.records[match.existing_id]
        assert base is not None
        updated = record_state(resolver, _draft(item), base)
        known = {note.text for note in base.notes}
        added = tuple(
            NoteState(resolver.ids.take(t.Annotation), t.new_uid(), note.text, note.author,
                      note.created or now, note.modified or now)
            for note in item.notes
            if note.text not in known
        )  # fmt: skip
        target.records[match.existing_id] = replace(
            updated,
            relations=base.relations,
            attachments=base.attachments,
            notes=(*base.notes, *added),
        )
    current.authorities.update(dict.fromkeys(target.authorities))
    Writer(session, user).write(target, current)
    write_log.touch(session, touched_rows(target, current))
    return Updates(Snapshot(dict(current.records), dict(current.authorities)))


def undo_step(
    session: Session, label: str, added: Sequence[int], updates: Updates | None
) -> Step | None:
    """The step that removes an import's records and puts updated ones back."""
    updated = updates.records if updates else []
    if len(added) + len(updated) > IMPORT_UNDO_LIMIT:
        return None
    states = Snapshot(dict.fromkeys(int(i) for i in added))
    if updates is not None:
        states.records.update(updates.before.records)
        states.authorities.update(updates.before.authorities)
    versions: dict[int, int | None] = dict.fromkeys((int(i) for i in added), 1)
    versions.update(record_versions(session, updated))
    return Step(label, states, versions, authority_versions(session, states.authorities))


def _draft(item: RecordInput) -> RecordDraft:
    return RecordDraft(
        title=item.title,
        date_text=item.date_text or (item.edtf or ""),
        summary=item.summary,
        doc_type=item.doc_type,
        languages=item.languages,
        archive=item.archive,
        source_ref=item.source_ref,
        classification=item.classification,
        collections=item.collections,
        tags=item.tags,
        names=tuple(NameChoice(link.kind, link.name, link.role) for link in item.names),
    )
