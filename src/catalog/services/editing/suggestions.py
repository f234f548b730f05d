"""Suggested links: known names found in a record's title or summary.

Names are compared as folded token sequences (``catalog.domain.names.name_key``), so
"Kim Il Sung" is found in "KIM IL-SUNG said" and 金日成 inside a Chinese sentence. The
variants are indexed once by their first token; each record's text is then scanned in
one pass, taking the longest name at each place, so a selection of thousands of records
against ten thousand authorities stays quick.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from sqlalchemy import select
from sqlalchemy.orm import Session

from catalog.domain.changes import ChangeSet
from catalog.domain.names import name_key
from catalog.domain.records import AuthorityKind, Role
from catalog.services.editing.editor import Editor
from catalog.store import tables as t
from catalog.store import unit_of_work
from catalog.store.engine import Database
from catalog.store.snapshots import Snapshot

MIN_NAME_CHARS = 2
"""Shorter names (one letter, one character) would be found everywhere: not suggested."""

_BATCH = 500


@dataclass(frozen=True)
class Suggestion:
    """A link to offer: ``matched`` (a form of ``name``) occurs in the record's text."""

    record_id: int
    authority_id: int
    kind: AuthorityKind
    name: str
    matched: str
    role: Role


@dataclass(frozen=True)
class _Form:
    tokens: tuple[str, ...]
    authority_id: int
    kind: AuthorityKind
    name: str
    matched: str


class _NameIndex:
    """Every form of every authority (repositories aside), by its first token."""

    def __init__(self, session: Session) -> None:
        self.by_first: dict[str, list[_Form]] = defaultdict(list)
        rows = session.execute(
            select(t.Authority.id, t.Authority.kind, t.Authority.name, t.AuthorityVariant.name)
            .join(t.AuthorityVariant, t.AuthorityVariant.authority_id == t.Authority.id)
            .where(t.Authority.kind != AuthorityKind.REPOSITORY.value)
            .order_by(t.Authority.id, t.AuthorityVariant.id)
        )
        for aid, kind, name, variant in rows:
            toks = tuple(name_key(variant).split())
            if sum(len(tok) for tok in toks) < MIN_NAME_CHARS:
                continue
            self.by_first[toks[0]].append(_Form(toks, aid, AuthorityKind(kind), name, variant))
        for forms in self.by_first.values():
            forms.sort(key=lambda form: -len(form.tokens))  # longest first

    def find(self, text: str) -> Iterable[_Form]:
        """The forms in ``text``, left to right, the longest at each place."""
        toks = name_key(text).split()
        i = 0
        while i < len(toks):
            step = 1
            for form in self.by_first.get(toks[i], ()):
                n = len(form.tokens)
                if tuple(toks[i : i + n]) == form.tokens:
                    yield form
                    step = n
                    break
            i += step


def suggest(db: Database, record_ids: Sequence[int]) -> list[Suggestion]:
    """Links to offer for each record (in the order given), without links it has."""
    found: list[Suggestion] = []
    with unit_of_work.read(db, consistent=True) as session:
        index = _NameIndex(session)
        if not index.by_first:
            return []
        ids = list(dict.fromkeys(int(i) for i in record_ids))
        for start in range(0, len(ids), _BATCH):
            chunk = ids[start : start + _BATCH]
            linked: dict[int, set[int]] = defaultdict(set)
            for rid, aid in session.execute(
                select(t.RecordAuthority.record_id, t.RecordAuthority.authority_id).where(
                    t.RecordAuthority.record_id.in_(chunk)
                )
            ):
                linked[rid].add(aid)
            texts = {
                rid: (title, summary)
                for rid, title, summary in session.execute(
                    select(t.Record.id, t.Record.title, t.Record.summary).where(
                        t.Record.id.in_(chunk)
                    )
                )
            }
            for rid in chunk:
                if rid not in texts:
                    continue
                seen = linked[rid]
                for text in texts[rid]:
                    for form in index.find(text):
                        if form.authority_id in seen:
                            continue
                        seen.add(form.authority_id)
                        found.append(
                            Suggestion(
                                rid, form.authority_id, form.kind, form.name, form.matched,
                                role_for(form.kind),
                            )
                        )  # fmt: skip
    return found


def role_for(kind: AuthorityKind) -> Role:
    """The role a suggested link takes: subject for subjects, mentioned otherwise."""
    return Role.SUBJECT if kind is AuthorityKind.SUBJECT else Role.MENTIONED


def accept(editor: Editor, suggestions: Sequence[Suggestion]) -> ChangeSet:
    """Add every suggested link as one undoable step (names deleted meanwhile are skipped)."""
    wanted: dict[int, list[tuple[int, str]]] = defaultdict(list)
    for s in suggestions:
        if s.kind is not AuthorityKind.REPOSITORY:
            wanted[s.record_id].append((s.authority_id, s.role.value))
    if not wanted:
        return ChangeSet()
    authority_ids = {aid for links in wanted.values() for aid, _ in links}

    def change(session: Session, current: Snapshot) -> Snapshot:
        alive = set(
            session.scalars(select(t.Authority.id).where(t.Authority.id.in_(authority_ids)))
        )
        target = Snapshot()
        for rid, state in current.records.items():
            if state is None:
                continue
            added = [link for link in wanted[rid] if link[0] in alive]
            links = tuple(dict.fromkeys((*state.links, *added)))
            if links != state.links:
                target.records[rid] = replace(state, links=links)
        return target

    count = sum(len(links) for links in wanted.values())
    label = f"Link {count} suggested name{'s' if count != 1 else ''}"
    return editor.edit(label, wanted.keys(), change)


def titles(db: Database, record_ids: Sequence[int]) -> dict[int, str]:
    """The titles of records, for a dialog that lists suggestions."""
    ids = sorted({int(i) for i in record_ids})
    found: dict[int, str] = {}
    with unit_of_work.read(db) as session:
        for start in range(0, len(ids), _BATCH):
            chunk = ids[start : start + _BATCH]
            query = select(t.Record.id, t.Record.title).where(t.Record.id.in_(chunk))
            found.update({rid: title for rid, title in session.execute(query)})
    return found
