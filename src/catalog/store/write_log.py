"""What this program's recent writes touched, by the generation each one made.

Every committed write bumps the catalogue's generation (``unit_of_work.write``). A
write that knows exactly which records and authorities it changed says so with
:func:`touch`; the log keeps that beside the generation, so the columnar index can mend
those rows instead of reading a million again. A write that says nothing is logged as
unknown, and so is every write by another program (its generation never appears here):
either makes the index rebuild, which keeps a mended index equal to a rebuilt one.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass

from sqlalchemy.orm import Session

_KEY = "catalog.touched"
_UNKNOWN = "unknown"

MENDS_UP_TO = 20_000
"""A write that touched more records than this is logged as unknown: the index is rebuilt
for it. Mending reads each record's links again (about a tenth of a millisecond) while
a search waits, where during a rebuild searches go on with SQL; and the log holds no
large import's million ids."""


@dataclass(frozen=True)
class Touched:
    """Rows one or more writes changed.

    Attributes:
        records: every record whose row, links, notes, relations or attachments may
            have changed (both ends of a changed relation included).
        retitled: records whose title changed, were added or were removed.
        authorities: authorities added, renamed, merged or removed.
    """

    records: frozenset[int] = frozenset()
    retitled: frozenset[int] = frozenset()
    authorities: frozenset[int] = frozenset()

    def merged(self, other: Touched) -> Touched:
        """The rows of this write and of another."""
        return Touched(
            self.records | other.records,
            self.retitled | other.retitled,
            self.authorities | other.authorities,
        )


def touch(session: Session, touched: Touched | None) -> None:
    """Record, in the write's session, rows the write changed (calls accumulate); None
    (too many to say) makes the whole write unknown, whatever else it says."""
    earlier = session.info.get(_KEY)
    if touched is None or len(touched.records) > MENDS_UP_TO or earlier == _UNKNOWN:
        session.info[_KEY] = _UNKNOWN
    else:
        session.info[_KEY] = touched if earlier is None else earlier.merged(touched)


def touched_by(session: Session) -> Touched | None:
    """What the write in ``session`` said it touched (None: it did not say)."""
    found = session.info.get(_KEY)
    return found if isinstance(found, Touched) else None


class WriteLog:
    """The last few generations this program made, each with what it touched."""

    KEPT = 256

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._entries: dict[int, Touched | None] = {}

    def add(self, generation: int, touched: Touched | None) -> None:
        """Note the generation a committed write made and what it touched."""
        with self._lock:
            self._entries[generation] = touched
            for old in sorted(self._entries)[: max(0, len(self._entries) - self.KEPT)]:
                del self._entries[old]

    def since(self, generation: int, current: int) -> Touched | None:
        """Everything touched after ``generation`` up to ``current``, or None when any
        write in between is unknown (another program's, or one that did not say)."""
        if current <= generation:
            return None
        merged = Touched()
        with self._lock:
            for made in range(generation + 1, current + 1):
                found = self._entries.get(made)
                if found is None:
                    return None
                merged = merged.merged(found)
        return merged
