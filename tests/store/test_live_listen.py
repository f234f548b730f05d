"""The listener hands a burst of notifications on as one change, however it trickles in."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from dataclasses import dataclass
from types import SimpleNamespace
from typing import Any

from catalog.domain.changes import ChangeSet
from catalog.store.live_listen import ChangeListener


@dataclass(frozen=True)
class Notice:
    payload: str
    pid: int = 4242  # another client's server process


class TricklingConnection:
    """Gives one burst per call to ``notifies``; then stops the listener."""

    def __init__(self, bursts: list[list[Notice]], stop: threading.Event) -> None:
        self.bursts = bursts
        self.stop = stop

    def notifies(self, timeout: float, stop_after: int | None = None) -> Iterator[Notice]:
        if not self.bursts:
            self.stop.set()
            return iter(())
        return iter(self.bursts.pop(0))


def test_a_commit_heard_in_several_slices_is_one_change() -> None:
    # A busy machine delivers a commit's notifications over several gathering windows.
    heard: list[ChangeSet] = []
    db: Any = SimpleNamespace(own_backends=set())
    listener = ChangeListener(db, heard.append, lambda up, message: None)
    slices = [[Notice(f"I:{n}")] for n in range(1, 6)]
    listener._connection = TricklingConnection(slices, listener._stop)

    listener._listen()

    assert heard == [ChangeSet(added=frozenset(range(1, 6)), facets=True)]
