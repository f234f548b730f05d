"""Look-ups from names to ids for the small vocabularies and the authorities.

An import resolves thousands of names per second; these maps load once per import and
create missing entries in bulk, instead of a query per name.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import Connection, insert, select

from catalog.domain.collation import Collation, collation
from catalog.domain.names import fold, name_key, search_text
from catalog.domain.records import AuthorityKind
from catalog.store.base import Base
from catalog.store.ids import IdAllocator
from catalog.store.sort_keys import catalogue_order
from catalog.store.tables import (
    Authority,
    AuthorityVariant,
    Collection,
    DocumentType,
    Language,
    Tag,
    new_uid,
)

# Rows to insert, by table, in order (new vocabulary values, authorities, variants).
Pending = list[tuple[type[Base], list[dict[str, object]]]]

# Marks a spelling not looked up yet (None is a real answer: a blank name).
_UNSEEN = -1


@dataclass
class Vocabulary:
    """Name → id for one small vocabulary table (document types, languages ...)."""

    table: type[DocumentType] | type[Language] | type[Collection] | type[Tag]
    ids: dict[str, int] = field(default_factory=dict)
    pending: list[dict[str, object]] = field(default_factory=list)
    allocator: IdAllocator | None = None
    by_spelling: dict[str, int | None] = field(default_factory=dict)

    def load(self, connection: Connection) -> None:
        """Read the existing values."""
        self.ids = {
            key: vid for key, vid in connection.execute(select(self.table.key, self.table.id))
        }
        self.allocator = IdAllocator(connection, self.table, block=100)

    def id_for(self, name: str, now: datetime) -> int | None:
        """The id of ``name``, creating the value if it is new (written by ``flush``)."""
        seen = self.by_spelling.get(name, _UNSEEN)
        if seen is not _UNSEEN:
            return seen
        found = self._resolve(name, now)
        self.by_spelling[name] = found
        return found

    def _resolve(self, name: str, now: datetime) -> int | None:
        name = " ".join(name.split())
        if not name:
            return None
        key = fold(name)
        found = self.ids.get(key)
        if found is None:
            assert self.allocator is not None, "load() first"
            found = self.allocator.take()
            self.ids[key] = found
            self.pending.append(
                {
                    "id": found,
                    "name": name,
                    "key": key,
                    "uid": new_uid(),
                    "created": now,
                    "modified": now,
                    "version": 1,
                }
            )
        return found

    def take_pending(self) -> Pending:
        """The values created since the last call, as inserts to run (see ``write``)."""
        taken, self.pending = self.pending, []
        return [(self.table, taken)] if taken else []


@dataclass
class Authorities:
    """(kind, name key of any variant) → authority id, with each authority's variants."""

    ids: dict[tuple[str, str], int] = field(default_factory=dict)
    variants: dict[int, list[str]] = field(default_factory=dict)
    pending: list[dict[str, object]] = field(default_factory=list)
    pending_variants: list[dict[str, object]] = field(default_factory=list)
    allocator: IdAllocator | None = None
    variant_allocator: IdAllocator | None = None
    made: list[int] = field(default_factory=list)
    """Ids of the authorities created since ``load``."""
    by_spelling: dict[tuple[AuthorityKind, str], int | None] = field(default_factory=dict)
    folded: dict[int, str] = field(default_factory=dict)
    order: Collation = field(default_factory=collation)

    def load(self, connection: Connection) -> None:
        """Read every variant key, and the catalogue's order that new names are keyed in;
        an authority's variant names load when first needed."""
        self.order = catalogue_order(connection)
        rows = connection.execute(
            select(
                AuthorityVariant.kind, AuthorityVariant.name_key, AuthorityVariant.authority_id
            ).order_by(AuthorityVariant.authority_id)
        )
        for kind, key, authority_id in rows:
            self.ids.setdefault((kind, key), authority_id)
        self.allocator = IdAllocator(connection, Authority)
        self.variant_allocator = IdAllocator(connection, AuthorityVariant)

    def id_for(
        self, kind: AuthorityKind, name: str, extra: Iterable[str], now: datetime
    ) -> int | None:
        """The authority ``name`` names (any variant), created with ``extra`` if new."""
        # The same spellings come back record after record: skip folding them again.
        seen = self.by_spelling.get((kind, name), _UNSEEN)
        if seen is not _UNSEEN:
            return seen
        found = self._resolve(kind, name, extra, now)
        self.by_spelling[(kind, name)] = found
        return found

    def folded_names(self, connection: Connection, authority_id: int) -> str:
        """Every variant of an authority, folded for the full-text index (cached)."""
        folded = self.folded.get(authority_id)
        if folded is None:
            names = self.names_of(connection, [authority_id])[authority_id]
            folded = self.folded[authority_id] = search_text("\n".join(names))
        return folded

    def _resolve(
        self, kind: AuthorityKind, name: str, extra: Iterable[str], now: datetime
    ) -> int | None:
        name = " ".join(name.split())
        key = name_key(name)
        if not key:
            return None
        found = self.ids.get((kind.value, key))
        if found is not None:
            return found
        assert self.allocator is not None and self.variant_allocator is not None, "load() first"
        found = self.allocator.take()
        self.made.append(found)
        self.pending.append(
            {
                "id": found,
                "kind": kind.value,
                "name": name,
                "sort_key": self.order.key(name),
                "note": "",
                "uid": new_uid(),
                "created": now,
                "modified": now,
                "version": 1,
            }
        )
        names: list[str] = []
        for variant in (name, *extra):
            variant = " ".join(variant.split())
            vkey = name_key(variant)
            if not vkey or variant in names:
                continue
            names.append(variant)
            self.ids.setdefault((kind.value, vkey), found)
            self.pending_variants.append(
                {
                    "id": self.variant_allocator.take(),
                    "authority_id": found,
                    "kind": kind.value,
                    "name": variant,
                    "name_key": vkey,
                }
            )
        self.variants[found] = names
        return found

    def names_of(
        self, connection: Connection, authority_ids: Iterable[int]
    ) -> dict[int, list[str]]:
        """Every variant name of each authority (read from the database when not cached)."""
        missing = [i for i in set(authority_ids) if i not in self.variants]
        if missing:
            for aid in missing:
                self.variants[aid] = []
            rows = connection.execute(
                select(AuthorityVariant.authority_id, AuthorityVariant.name)
                .where(AuthorityVariant.authority_id.in_(missing))
                .order_by(AuthorityVariant.id)
            )
            for aid, variant in rows:
                self.variants[aid].append(variant)
        return self.variants

    def take_pending(self) -> Pending:
        """The authorities and variants created since the last call, as inserts to run."""
        taken: Pending = []
        if self.pending:
            taken.append((Authority, self.pending))
            self.pending = []
        if self.pending_variants:
            taken.append((AuthorityVariant, self.pending_variants))
            self.pending_variants = []
        return taken


def write(connection: Connection, pending: Pending) -> None:
    """Run inserts taken with ``take_pending``."""
    for table, rows in pending:
        connection.execute(insert(table), rows)
