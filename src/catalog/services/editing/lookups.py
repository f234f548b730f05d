"""Look-ups the editing dialogs complete from: authorities by any variant, vocabularies."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy import select

from catalog.domain.names import name_key
from catalog.domain.records import AuthorityKind
from catalog.store import tables as t
from catalog.store import unit_of_work
from catalog.store.base import Base
from catalog.store.engine import Database


class VocabularyName(StrEnum):
    """The small controlled lists a record's fields take values from."""

    DOC_TYPE = "document_types"
    LANGUAGE = "languages"
    COLLECTION = "collections"
    TAG = "tags"


@dataclass(frozen=True)
class NameOption:
    """An authority offered for completion, with the variant that matched what was typed."""

    authority_id: int
    kind: AuthorityKind
    name: str
    matched: str

    @property
    def label(self) -> str:
        """What the completion list shows: the authorised name, and the variant if other."""
        return self.name if self.matched == self.name else f"{self.name} ({self.matched})"


def name_options(
    db: Database, kind: AuthorityKind, typed: str, limit: int = 20
) -> list[NameOption]:
    """Authorities of ``kind`` with a variant that starts with (then contains) ``typed``.

    Matching is folded (case, diacritics, apostrophes) and covers every variant in any
    script; each authority is offered once, under its authorised name.
    """
    key = name_key(typed)
    variant, authority = t.AuthorityVariant, t.Authority
    base = (
        select(authority.id, authority.name, variant.name)
        .join(variant, variant.authority_id == authority.id)
        .where(authority.kind == kind.value)
    )
    found: dict[int, NameOption] = {}
    with unit_of_work.read(db) as session:
        patterns = [f"{_escape(key)}%", f"%{_escape(key)}%"] if key else ["%"]
        for pattern in patterns:
            rows = session.execute(
                base.where(variant.name_key.like(pattern, escape="\\"))
                .order_by(authority.sort_key, variant.id)
                .limit(limit * 3)
            )
            for aid, name, matched in rows:
                if aid not in found and len(found) < limit:
                    found[aid] = NameOption(aid, kind, name, matched)
            if len(found) >= limit:
                break
    return list(found.values())


def vocabulary(db: Database, which: VocabularyName) -> list[str]:
    """Every value of a controlled list, in alphabetical order."""
    table = Base.metadata.tables[which.value]
    with unit_of_work.read(db) as session:
        return list(session.scalars(select(table.c.name).order_by(table.c.key)))


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
