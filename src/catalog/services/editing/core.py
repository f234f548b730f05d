"""The one way an edit is written: capture, check versions, compute, write, remember.

An edit names the records and authorities it touches and a function from their current
states to their new ones. ``apply_edit`` runs it in one write transaction and returns
the step that undoes it; ``apply_step`` writes a step back and returns its inverse.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping

from sqlalchemy.orm import Session

from catalog.domain.changes import ChangeSet
from catalog.domain.errors import EditConflict
from catalog.domain.wording import QT_TRANSLATE_NOOP
from catalog.services.editing.history import Step
from catalog.store import unit_of_work, write_log
from catalog.store.engine import Database
from catalog.store.restore import Writer
from catalog.store.snapshots import (
    RecordState,
    Snapshot,
    authority_versions,
    capture_authorities,
    capture_records,
    record_versions,
)

Change = Callable[[Session, Snapshot], Snapshot]
"""Computes an edit's target states from the current ones (may read more with the session)."""


def apply_edit(
    db: Database,
    user: str,
    label: str,
    record_ids: Iterable[int],
    authority_ids: Iterable[int],
    change: Change,
    expected: Mapping[int, int] | None = None,
    known: Mapping[int, RecordState] | None = None,
) -> tuple[Step, ChangeSet]:
    """Run one edit as one transaction; returns its undo step and what it changed.

    ``expected`` maps record ids to the versions the edit was based on (what the editor
    showed); a record changed since raises EditConflict and nothing is written.
    ``known`` holds states read earlier (a bulk edit's preview): those still at their
    version are taken as they are instead of being read again.
    """
    with unit_of_work.write(db) as session:
        current = Snapshot(
            _records(session, record_ids, known), capture_authorities(session, authority_ids)
        )
        if expected:
            _check(_versions(current), dict(expected))
        target = change(session, current)
        _complete(current, target, session)
        step, changes = _write(session, user, target, current, label)
    return step, changes


def apply_step(db: Database, user: str, step: Step) -> tuple[Step, ChangeSet]:
    """Write a step's states back (undo or redo); returns the step that reverses it.

    Raises EditConflict, writing nothing, when any row changed since the step was made.
    """
    with unit_of_work.write(db) as session:
        current = Snapshot(
            capture_records(session, step.states.records),
            capture_authorities(session, step.states.authorities),
        )
        _check(_versions(current), step.record_versions)
        _check(
            {aid: s.version if s else None for aid, s in current.authorities.items()},
            step.authority_versions,
            what="names",
        )
        return _write(session, user, step.states, current, step.label)


def _records(
    session: Session, record_ids: Iterable[int], known: Mapping[int, RecordState] | None
) -> dict[int, RecordState | None]:
    """The current states of the records, reusing ``known`` ones whose version still holds."""
    if not known:
        return capture_records(session, record_ids)
    wanted = set(record_ids)
    versions = record_versions(session, wanted & known.keys())
    found: dict[int, RecordState | None] = {
        rid: known[rid] for rid, version in versions.items() if version == known[rid].version
    }
    found.update(capture_records(session, wanted - found.keys()))
    return found


def _complete(current: Snapshot, target: Snapshot, session: Session) -> None:
    """Capture rows the change added to its target without naming them up front."""
    missing_records = target.records.keys() - current.records.keys()
    if missing_records:
        current.records.update(capture_records(session, missing_records))
    missing_authorities = target.authorities.keys() - current.authorities.keys()
    if missing_authorities:
        current.authorities.update(capture_authorities(session, missing_authorities))


def _write(
    session: Session, user: str, target: Snapshot, current: Snapshot, label: str
) -> tuple[Step, ChangeSet]:
    writer = Writer(session, user)
    changed = writer.write(target, current)
    write_log.touch(session, touched_rows(target, current))
    authorities_changed = {
        aid for aid, state in target.authorities.items() if state != current.authorities.get(aid)
    }
    session.flush()
    undo = Snapshot(
        {rid: current.records.get(rid) for rid in target.records},
        {aid: current.authorities.get(aid) for aid in target.authorities},
    )
    step = Step(
        label,
        undo,
        record_versions(session, target.records),
        authority_versions(session, target.authorities),
    )
    added = frozenset(r for r in changed if current.records.get(r) is None)
    removed = frozenset(
        r
        for r in changed
        if target.records.get(r) is None
        or (_state_deleted(target, r) and not _state_deleted(current, r))
    )
    changes = ChangeSet(
        added=added,
        updated=frozenset(changed - added - removed),
        removed=removed,
        facets=bool(changed or authorities_changed),
        authorities=bool(authorities_changed),
    )
    return step, changes


def _versions(snapshot: Snapshot) -> dict[int, int | None]:
    return {rid: s.version if s else None for rid, s in snapshot.records.items()}


def _state_deleted(snapshot: Snapshot, record_id: int) -> bool:
    state = snapshot.records.get(record_id)
    return state is not None and state.deleted


def _check(
    found: Mapping[int, int | None], expected: Mapping[int, int | None], what: str = "records"
) -> None:
    stale = tuple(sorted(key for key, version in expected.items() if found.get(key) != version))
    if not stale:
        return
    shown = ", ".join(str(key) for key in stale[:5]) + (" …" if len(stale) > 5 else "")
    if what == "records":
        template = (
            QT_TRANSLATE_NOOP(
                "Errors", "Changed since you opened it (record {ids}); nothing was overwritten."
            )
            if len(stale) == 1
            else QT_TRANSLATE_NOOP(
                "Errors", "Changed since you opened it (records {ids}); nothing was overwritten."
            )
        )
    else:
        template = (
            QT_TRANSLATE_NOOP(
                "Errors", "Changed since you opened it (name {ids}); nothing was overwritten."
            )
            if len(stale) == 1
            else QT_TRANSLATE_NOOP(
                "Errors", "Changed since you opened it (names {ids}); nothing was overwritten."
            )
        )
    raise EditConflict(template, stale if what == "records" else (), ids=shown)


def touched_rows(target: Snapshot, current: Snapshot) -> write_log.Touched:
    """Every row the write may change, for mending the search index: the records, the
    other end of each relation they gain or lose, and the authorities."""
    records = set(target.records)
    retitled = set()
    for rid in target.records:
        after, before = target.records[rid], current.records.get(rid)
        for state in (after, before):
            if state is not None:
                records.update(relation.target_id for relation in state.relations)
        if after is None or before is None or after.title != before.title:
            retitled.add(rid)
    return write_log.Touched(frozenset(records), frozenset(retitled), frozenset(target.authorities))
