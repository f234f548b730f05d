"""Look-ups from names to ids for the small vocabularies and the authorities.

An import resolves thousands of names per second; these maps load once per import and
create missing entries in bulk, instead of a query per name.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import Connection, insert, select

from catalog.domain.names import fold, name_key, sort_key
from catalog.domain.records import AuthorityKind
from catalog.store.ids import IdAllocator
from catalog.store.tables import (
    Authority,
    AuthorityVariant,
    Collection,
    DocumentType,
    Language,
    Tag,
    new_uid,
)


@dataclass
class Vocabulary:
    """Name → id for one small vocabulary table (document types, languages ...)."""

    table: type[DocumentType] | type[Language] | type[Collection] | type[Tag]
    ids: dict[str, int] = field(default_factory=dict)
    pending: list[dict[str, object]] = field(default_factory=list)
    allocator: IdAllocator | None = None

    def load(self, connection: Connection) -> None:
        """Read the existing values."""
        self.ids = {
            key: vid for key, vid in connection.execute(select(self.table.key, self.table.id))
        }
        self.allocator = IdAllocator(connection, self.table, block=100)

    def id_for(self, name: str, now: datetime) -> int | None:
        """The id of ``name``, creating the value if it is new (written by ``flush``)."""
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

    def flush(self, connection: Connection) -> int:
        """Write the values created since the last flush; returns how many."""
        written = len(self.pending)
        if self.pending:
            connection.execute(insert(self.table), self.pending)
            self.pending = []
        return written


@dataclass
class Authorities:
    """(kind, name key of any variant) → authority id, with each authority's variants."""

    ids: dict[tuple[str, str], int] = field(default_factory=dict)
    variants: dict[int, list[str]] = field(default_factory=dict)
    pending: list[dict[str, object]] = field(default_factory=list)
    pending_variants: list[dict[str, object]] = field(default_factory=list)
    allocator: IdAllocator | None = None
    variant_allocator: IdAllocator | None = None
    created: int = 0

    def load(self, connection: Connection) -> None:
        """Read every variant key; an authority's variant names load when first needed."""
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
        name = " ".join(name.split())
        key = name_key(name)
        if not key:
            return None
        found = self.ids.get((kind.value, key))
        if found is not None:
            return found
        assert self.allocator is not None and self.variant_allocator is not None, "load() first"
        found = self.allocator.take()
        self.created += 1
        self.pending.append(
            {
                "id": found,
                "kind": kind.value,
                "name": name,
                "sort_key": sort_key(name),
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

    def flush(self, connection: Connection) -> None:
        """Write the authorities and variants created since the last flush."""
        if self.pending:
            connection.execute(insert(Authority), self.pending)
            self.pending = []
        if self.pending_variants:
            connection.execute(insert(AuthorityVariant), self.pending_variants)
            self.pending_variants = []
