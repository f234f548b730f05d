"""Finding a uid given twice in a file without keeping every uid.

A set of the uids of a million records holds about 120 MB of strings, more than the
rest of an import's own data. This keeps one hash a record instead (8 bytes). When two
hashes agree, which almost always means the same uid, the caller reads the uids of just
those records again to be sure: only a uid that really repeats is refused.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable

import numpy as np


class RepeatedUids:
    """Collects the uids of a file's records, in file order; :meth:`suspects` names the
    records whose uid may repeat another's."""

    def __init__(self) -> None:
        # hash() is salted per process, which is harmless: both readings of the file
        # happen in this one.
        self._hashes = array("q")

    def add(self, uid: str | None) -> None:
        """Note the next record's uid (None: it has none)."""
        # A record without a uid gets a hash of its own; should it meet a uid's, the
        # second look finds no uid there and nothing repeats.
        self._hashes.append(hash(uid) if uid is not None else hash((len(self._hashes),)))

    def suspects(self) -> set[int]:
        """The numbers (from 1) of the records whose uid's hash another record shares."""
        hashes = np.frombuffer(self._hashes, dtype=np.int64)
        values, counts = np.unique(hashes, return_counts=True)
        shared = values[counts > 1]
        if shared.size == 0:
            return set()
        return {int(i) + 1 for i in np.flatnonzero(np.isin(hashes, shared))}


def first_repeat(uids: Iterable[tuple[int, str | None]]) -> tuple[int, str] | None:
    """The first (record number, uid) of ``uids`` (in file order) whose uid came before."""
    seen: set[str] = set()
    for number, uid in uids:
        if uid is None:
            continue
        if uid in seen:
            return number, uid
        seen.add(uid)
    return None
