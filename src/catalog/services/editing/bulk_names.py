"""Names for bulk edits: each authority and vocabulary value looked up once per edit.

A bulk edit applies one operation to thousands of records; the name it carries ("Kim
Il Sung", the tag "citizenship") is resolved on first use and cached, never once per
record. A preview resolver (no target) creates nothing: a name not yet in the catalogue
gets a placeholder id (negative) that only the preview ever sees.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from catalog.domain.names import fold, name_key
from catalog.domain.records import AuthorityKind
from catalog.services.editing.lookups import VocabularyName
from catalog.services.editing.resolve import Resolver, nameless
from catalog.store import tables as t
from catalog.store.base import Base
from catalog.store.snapshots import Link, RecordState, Snapshot


class BulkResolver:
    """Authorities and vocabulary spellings for one bulk edit, with their display names.

    Args:
        session: the edit's (or the preview's) session.
        target: the edit's target snapshot, where new authorities go; None for a
            preview, which must not create anything.
    """

    def __init__(self, session: Session, target: Snapshot | None) -> None:
        self.session = session
        self._resolver = Resolver(session, target) if target is not None else None
        self._authorities: dict[tuple[str, str], int] = {}
        self._existing: dict[tuple[str, str], int | None] = {}
        self._spellings: dict[tuple[str, str], str] = {}
        self._names: dict[int, str] = {}

    def authority(self, kind: AuthorityKind, name: str) -> int:
        """The authority ``name`` means (any variant); a new one if there is none."""
        name = " ".join(name.split())
        key = (kind.value, name_key(name))
        if not key[1]:
            raise nameless(kind)
        found = self._authorities.get(key)
        if found is None:
            if self._resolver is not None:
                found = self._resolver.authority(kind, name)
            else:
                found = self.existing(kind, name)
                if found is None:
                    found = -1 - len(self._authorities)  # a placeholder: never written
            self._authorities[key] = found
            self._names.setdefault(found, name)
        return found

    def existing(
        self, kind: AuthorityKind | None, name: str, authority_id: int | None = None
    ) -> int | None:
        """The authority already in the catalogue under ``name`` (None if there is none)."""
        if authority_id is not None:
            return authority_id
        if kind is None:
            return None
        key = (kind.value, name_key(name))
        if key not in self._existing:
            self._existing[key] = self.session.scalar(
                select(t.AuthorityVariant.authority_id)
                .where(t.AuthorityVariant.kind == kind.value, t.AuthorityVariant.name_key == key[1])
                .order_by(t.AuthorityVariant.authority_id)
                .limit(1)
            )
        return self._existing[key]

    def spelling(self, which: VocabularyName, name: str) -> str:
        """``name`` as the vocabulary spells it already, else as typed (tidied)."""
        name = " ".join(name.split())
        if not name:
            return ""
        key = (which.value, fold(name))
        found = self._spellings.get(key)
        if found is None:
            table = Base.metadata.tables[which.value]
            stored = self.session.scalar(select(table.c.name).where(table.c.key == key[1]))
            found = str(stored) if stored is not None else name
            self._spellings[key] = found
        return found

    # ------------------------------------------------------------------ display

    def learn_names(
        self, session: Session, pairs: Iterable[tuple[RecordState, RecordState]]
    ) -> None:
        """Read the names of every authority the states link to, for the preview."""
        wanted: set[int] = set()
        for pair in pairs:
            for state in pair:
                wanted.update(aid for aid, _role in state.links)
                if state.repository_id is not None:
                    wanted.add(state.repository_id)
        missing = sorted(wanted - self._names.keys())
        for start in range(0, len(missing), 500):
            chunk = missing[start : start + 500]
            for aid, name in session.execute(
                select(t.Authority.id, t.Authority.name).where(t.Authority.id.in_(chunk))
            ):
                self._names[aid] = name

    def name_of(self, authority_id: int | None) -> str:
        """The authorised name of an authority ("" for none)."""
        if authority_id is None:
            return ""
        return self._names.get(authority_id, f"#{authority_id}")

    def links_text(self, links: tuple[Link, ...]) -> str:
        """Linked names as the preview shows them: "Kim Il Sung (author); …"."""
        return "; ".join(f"{self.name_of(aid)} ({role})" for aid, role in links)
