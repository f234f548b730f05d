"""Undo and redo: each step holds the states to write back and the versions it expects.

A step is symmetric: applying it writes its states and yields the step that undoes
that (the states it replaced). So undo and redo are the same operation on two stacks.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Protocol

from catalog.store.snapshots import Snapshot


class _Versioned(Protocol):
    @property
    def version(self) -> int: ...


@dataclass(frozen=True)
class Step:
    """One undoable change.

    Attributes:
        label: what the change was, for the Edit menu ("Edit record 12").
        states: the rows as they must be written back.
        record_versions: each record's version the catalogue must still hold (None:
            the record must not exist), else someone changed it since and the step
            would overwrite their work.
        authority_versions: the same for authorities.
    """

    label: str
    states: Snapshot
    record_versions: dict[int, int | None] = field(default_factory=dict)
    authority_versions: dict[int, int | None] = field(default_factory=dict)


@dataclass
class UndoHistory:
    """The undo and redo stacks of one open catalogue, shared by every dialog."""

    limit: int = 100
    undo_steps: list[Step] = field(default_factory=list)
    redo_steps: list[Step] = field(default_factory=list)

    def done(self, step: Step) -> None:
        """Record a new change: it can be undone, and nothing can be redone any more."""
        self.undo_steps.append(step)
        del self.undo_steps[: -self.limit]
        self.redo_steps.clear()

    @property
    def undo_label(self) -> str | None:
        """The name of the change Undo would revert, if any."""
        return self.undo_steps[-1].label if self.undo_steps else None

    @property
    def redo_label(self) -> str | None:
        """The name of the change Redo would apply again, if any."""
        return self.redo_steps[-1].label if self.redo_steps else None

    def renumber(self, written: Step, inverse: Step) -> None:
        """After ``written`` was applied, let the other steps expect the new versions.

        Writing a state back bumps the version of its row although the content is the
        one the older steps expected; they now expect the new version instead.
        """
        records = _moves(written.states.records, inverse.record_versions)
        authorities = _moves(written.states.authorities, inverse.authority_versions)
        for steps in (self.undo_steps, self.redo_steps):
            for index, step in enumerate(steps):
                if step is inverse:
                    continue
                steps[index] = replace(
                    step,
                    record_versions=_renumbered(step.record_versions, records),
                    authority_versions=_renumbered(step.authority_versions, authorities),
                )

    def clear(self) -> None:
        """Forget every step (the catalogue was replaced)."""
        self.undo_steps.clear()
        self.redo_steps.clear()


def _moves(
    states: Mapping[int, _Versioned | None], now: Mapping[int, int | None]
) -> dict[int, tuple[int, int | None]]:
    """Row id -> (version its written state had, version it has now)."""
    return {key: (state.version, now.get(key)) for key, state in states.items() if state}


def _renumbered(
    expected: dict[int, int | None], moves: Mapping[int, tuple[int, int | None]]
) -> dict[int, int | None]:
    renumbered = dict(expected)
    for key, (old, new) in moves.items():
        if renumbered.get(key, -1) == old:
            renumbered[key] = new
    return renumbered
