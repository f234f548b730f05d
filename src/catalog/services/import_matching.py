"""Records of a file that the catalogue already holds: by identifier, or by date and a
similar title (rapidfuzz), so an import can skip them, add them anyway or update them."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy import Connection, select

from catalog.domain.prepared import date_of
from catalog.domain.records import RecordInput
from catalog.store.tables import Record

SIMILAR_TITLE = 85
"""How alike two titles must be (token sort ratio, 0-100) to call records the same."""


class DuplicatePolicy(StrEnum):
    """What an import does with a record the catalogue already holds."""

    SKIP = "skip"
    NEW = "new"
    UPDATE = "update"


@dataclass(frozen=True)
class Match:
    """An existing record that an imported one duplicates.

    Attributes:
        existing_id: the record in the catalogue.
        existing_title: its title, for the report.
        version: its version when the match was found (an update expects it).
        by_identifier: matched by identifier (else by date and a similar title).
    """

    existing_id: int
    existing_title: str
    version: int
    by_identifier: bool

    @property
    def how(self) -> str:
        """How the match was made, for people."""
        return "same identifier" if self.by_identifier else "same date, similar title"


class DuplicateFinder:
    """Finds the catalogue's copies of imported records, a batch at a time."""

    def __init__(self, connection: Connection) -> None:
        self.connection = connection

    def find(self, items: Sequence[RecordInput]) -> dict[int, Match]:
        """Index in ``items`` → the existing record it duplicates."""
        found: dict[int, Match] = {}
        uids = [item.uid for item in items if item.uid]
        if uids:
            by_uid = {
                row.uid: row
                for row in self.connection.execute(
                    select(Record.uid, Record.id, Record.title, Record.version).where(
                        Record.uid.in_(uids)
                    )
                )
            }
            for index, item in enumerate(items):
                row = by_uid.get(item.uid or "")
                if row is not None:
                    found[index] = Match(row.id, row.title, row.version, True)
        self._by_date_and_title(items, found)
        return found

    def _by_date_and_title(self, items: Sequence[RecordInput], found: dict[int, Match]) -> None:
        from rapidfuzz import fuzz  # loaded when first needed: faster start-up

        wanted: dict[tuple[int, int | None], list[int]] = defaultdict(list)
        for index, item in enumerate(items):
            date = date_of(item)
            if index not in found and date.lower is not None:
                wanted[(date.lower, date.upper)].append(index)
        if not wanted:
            return
        lowers = sorted({lower for lower, _upper in wanted})
        candidates: dict[tuple[int | None, int | None], list[tuple[int, str, int]]]
        candidates = defaultdict(list)
        for start in range(0, len(lowers), 500):
            rows = self.connection.execute(
                select(
                    Record.id, Record.title, Record.version, Record.date_lower, Record.date_upper
                ).where(
                    Record.date_lower.in_(lowers[start : start + 500]),
                    Record.deleted == False,  # noqa: E712
                )
            )
            for rid, title, version, lower, upper in rows:
                candidates[(lower, upper)].append((rid, title, version))
        for bounds, indexes in wanted.items():
            for index in indexes:
                title = items[index].title.casefold()
                for rid, other, version in candidates.get(bounds, ()):
                    if fuzz.token_sort_ratio(title, other.casefold()) >= SIMILAR_TITLE:
                        found[index] = Match(rid, other, version, False)
                        break
