"""Bulk edits of a selection: one operation over many records, previewed, one undo step.

An operation (``AddTag``, ``Replace`` ...) is a plain value. ``transform`` applies it to
one record's state; ``preview`` runs it over the selection without writing and lists
every field it would change, with the versions it read; ``apply`` writes those changes
in ONE ``Editor.edit`` (one transaction, one undo step) expecting those versions, so a
record changed since the preview raises EditConflict and nothing is written.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from sqlalchemy.orm import Session

from catalog.domain.changes import ChangeSet
from catalog.domain.errors import CatalogError
from catalog.domain.wording import QT_TRANSLATE_NOOP
from catalog.services.editing.bulk_names import BulkResolver
from catalog.services.editing.bulk_ops import (
    AddCollection,
    AddName,
    AddTag,
    BulkOp,
    RemoveCollection,
    RemoveName,
    RemoveTag,
    Replace,
    ReplaceField,
    SetArchive,
    SetLanguage,
    SetType,
    check,
    clean,
    compile_find,
    transform,
)
from catalog.services.editing.editor import Editor
from catalog.services.jobs import Progress, ProgressCallback, no_progress
from catalog.store import unit_of_work
from catalog.store.snapshots import RecordState, Snapshot, capture_records

__all__ = [
    "AddCollection",
    "AddName",
    "AddTag",
    "BulkOp",
    "BulkPreview",
    "FieldChange",
    "RemoveCollection",
    "RemoveName",
    "RemoveTag",
    "Replace",
    "ReplaceField",
    "SetArchive",
    "SetLanguage",
    "SetType",
    "apply",
    "check",
    "compile_find",
    "describe",
    "preview",
    "transform",
]

CHUNK = 500
"""Records read and transformed at a time (progress is reported and cancel checked)."""


FIELD_LABELS: dict[str, str] = {
    "title": "Title",
    "summary": "Summary",
    "source_ref": "Source reference",
    "classification": "Classification",
    "date_text": "Date",
    "tags": "Tags",
    "collections": "Collections",
    "languages": "Languages",
    "type": "Type",
    "archive": "Archive",
    "names": "Names",
}
"""What the preview calls each field a bulk edit can change."""


# ---------------------------------------------------------------------- results


@dataclass(frozen=True)
class FieldChange:
    """One field of one record as it is and as the bulk edit would make it."""

    record_id: int
    title: str
    field: str
    old: str
    new: str


@dataclass
class BulkPreview:
    """What a bulk edit would change, read in one transaction.

    Attributes:
        op: the operation previewed.
        changes: every field that would change, record by record.
        versions: the version each changing record was read at (what apply expects).
        selected: how many records the selection held.
        states: the changing records as read, which apply reuses while their version
            holds (reading 10,000 records again costs a second at a million).
    """

    op: BulkOp
    changes: list[FieldChange] = field(default_factory=list)
    versions: dict[int, int] = field(default_factory=dict)
    selected: int = 0
    states: dict[int, RecordState] = field(default_factory=dict, repr=False)

    @property
    def count(self) -> int:
        """How many records would change."""
        return len(self.versions)

    @property
    def label(self) -> str:
        """The undo step's name ("Add tag “x” to 1,234 records")."""
        return describe(self.op, self.count)


# ---------------------------------------------------------------------- many records


def preview(
    editor: Editor,
    record_ids: Sequence[int],
    op: BulkOp,
    progress: ProgressCallback = no_progress,
) -> BulkPreview:
    """Every change ``op`` would make to the records, read in one transaction."""
    check(op)
    wanted = list(dict.fromkeys(record_ids))
    result = BulkPreview(op, selected=len(wanted))
    with unit_of_work.read(editor.db, consistent=True) as session:
        resolver = BulkResolver(session, None)
        for start in range(0, len(wanted), CHUNK):
            reading = QT_TRANSLATE_NOOP("Errors", "Reading the selected records…")
            progress(Progress.of(start, len(wanted), CatalogError(reading)))
            states = capture_records(session, wanted[start : start + CHUNK])
            pairs = []
            for state in states.values():
                if state is None or state.deleted:
                    continue
                after = transform(state, op, resolver)
                if after != state:
                    pairs.append((state, after))
                    result.versions[state.id] = state.version
                    result.states[state.id] = state
            resolver.learn_names(
                session,
                (
                    p
                    for p in pairs
                    if p[0].links != p[1].links or p[0].repository_id != p[1].repository_id
                ),
            )
            result.changes.extend(
                c for before, after in pairs for c in _fields(before, after, resolver)
            )
        read = QT_TRANSLATE_NOOP("Errors", "Read the selected records.")
        progress(Progress.of(len(wanted), len(wanted), CatalogError(read)))
    return result


def apply(
    editor: Editor,
    preview_or_ids: BulkPreview | Sequence[int],
    op: BulkOp,
    progress: ProgressCallback = no_progress,
) -> ChangeSet:
    """Write ``op`` over the records as one undoable step.

    Given a preview, writes exactly its records, expecting the versions it read: a
    record changed since raises EditConflict and nothing is written. Given ids, previews
    them first.
    """
    if isinstance(preview_or_ids, BulkPreview):
        if preview_or_ids.op != op:
            raise ValueError("the preview was made for another operation")
        found = preview_or_ids
    else:
        found = preview(editor, preview_or_ids, op, progress)
    if not found.versions:
        return ChangeSet()
    total = found.count

    def change(session: Session, current: Snapshot) -> Snapshot:
        target = Snapshot()
        resolver = BulkResolver(session, target)
        ids = sorted(current.records)
        for start in range(0, len(ids), CHUNK):
            changing = QT_TRANSLATE_NOOP("Errors", "Changing {count} records…")
            progress(Progress.of(start, total, CatalogError(changing, count=f"{total:,}")))
            for rid in ids[start : start + CHUNK]:
                state = current.records[rid]
                if state is None:
                    continue
                after = transform(state, op, resolver)
                if after != state:
                    target.records[rid] = after
        writing = QT_TRANSLATE_NOOP("Errors", "Writing {count} records…")
        progress(Progress.of(total, total, CatalogError(writing, count=f"{total:,}")))
        return target

    return editor.edit(
        found.label, list(found.versions), change, expected=found.versions, known=found.states
    )


def describe(op: BulkOp, count: int) -> str:
    """The name of a bulk edit, for the Edit menu's Undo."""
    records = f"{count:,} record{'' if count == 1 else 's'}"
    if isinstance(op, AddTag):
        return f"Add tag “{clean(op.name)}” to {records}"
    if isinstance(op, RemoveTag):
        return f"Remove tag “{clean(op.name)}” from {records}"
    if isinstance(op, AddName):
        return f"Add {op.kind.value} “{clean(op.name)}” to {records}"
    if isinstance(op, RemoveName):
        what = op.kind.value if op.kind else "name"
        return f"Remove {what} “{clean(op.name) or f'#{op.authority_id}'}” from {records}"
    if isinstance(op, AddCollection):
        return f"Add {records} to collection “{clean(op.name)}”"
    if isinstance(op, RemoveCollection):
        return f"Remove {records} from collection “{clean(op.name)}”"
    if isinstance(op, SetType | SetArchive | SetLanguage):
        noun = {SetType: "type", SetArchive: "archive", SetLanguage: "language"}[type(op)]
        name = clean(op.name)
        return f"Set {noun} “{name}” on {records}" if name else f"Clear {noun} of {records}"
    label = FIELD_LABELS[op.field.value].lower()
    return f"Replace “{op.find}” with “{op.replace}” in the {label} of {records}"


def _fields(before: RecordState, after: RecordState, names: BulkResolver) -> list[FieldChange]:
    """The fields that differ between two states of one record, as text."""
    found: list[FieldChange] = []

    def add(name: str, old: str, new: str) -> None:
        if old != new:
            found.append(FieldChange(before.id, before.title, name, old, new))

    for name in ("title", "summary", "source_ref", "classification"):
        add(name, getattr(before, name), getattr(after, name))
    if before.date != after.date:
        found.append(
            FieldChange(
                before.id,
                before.title,
                "date_text",
                before.date.text or before.date.edtf or "",
                after.date.text or after.date.edtf or "",
            )
        )
    add("type", before.doc_type, after.doc_type)
    add("archive", names.name_of(before.repository_id), names.name_of(after.repository_id))
    for name in ("languages", "collections", "tags"):
        add(name, "; ".join(getattr(before, name)), "; ".join(getattr(after, name)))
    if before.links != after.links:
        add("names", names.links_text(before.links), names.links_text(after.links))
    return found
