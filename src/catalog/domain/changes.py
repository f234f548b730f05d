"""ChangeSet: what one operation changed, so each view decides what to refresh."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ChangeSet:
    """The outcome of one mutation.

    Attributes:
        added: ids of records created.
        updated: ids of records whose fields, links or notes changed.
        removed: ids of records deleted or moved to the trash.
        facets: True when facet values or counts may have changed.
        authorities: True when authority records changed.
        bulk: so many records changed that they are not listed (a large import):
            views refresh everything.
    """

    added: frozenset[int] = frozenset()
    updated: frozenset[int] = frozenset()
    removed: frozenset[int] = frozenset()
    facets: bool = False
    authorities: bool = False
    bulk: bool = False

    @property
    def empty(self) -> bool:
        """True when nothing changed."""
        return not (
            self.added
            or self.updated
            or self.removed
            or self.facets
            or self.authorities
            or self.bulk
        )

    def merged(self, other: ChangeSet) -> ChangeSet:
        """One ChangeSet for this operation and another after it."""
        return ChangeSet(
            added=self.added | other.added,
            updated=self.updated | other.updated,
            removed=self.removed | other.removed,
            facets=self.facets or other.facets,
            authorities=self.authorities or other.authorities,
            bulk=self.bulk or other.bulk,
        )

    def touches(self, record_id: int) -> bool:
        """True if the change may have changed this record."""
        return self.bulk or record_id in self.added | self.updated | self.removed

    @property
    def records(self) -> frozenset[int]:
        """Every record id the change touched."""
        return self.added | self.updated | self.removed
