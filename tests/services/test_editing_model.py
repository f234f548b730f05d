"""The editing core against a model: random edits, undo and redo, and the store agrees.

A hypothesis state machine runs random sequences of create, edit, annotate, link,
merge, bulk edit, delete (trash), restore, empty trash, undo and redo on a real SQLite
catalogue and on a simple model of it. The model keeps its own undo and redo stacks of whole-model
copies, so undo is checked against "the catalogue as it was before the step", not
against what the editor thinks it wrote. After every step each record of the model is
compared with ``service.details``, records outside the model must be absent, and the
search index must list exactly the model's records outside the trash.

More rules go beside ``merge`` and ``bulk_edit``: a store call, the same change to the
model, then ``done`` (which checks the step is empty exactly when the model is unchanged).
"""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import dataclass, field, replace
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule

from catalog.domain.changes import ChangeSet
from catalog.domain.drafts import NameChoice, RecordDraft
from catalog.domain.errors import RecordNotFound
from catalog.domain.names import name_key
from catalog.domain.records import AuthorityKind, RecordDetail, RelationType
from catalog.services.catalog import CatalogService
from catalog.services.editing import bulk
from catalog.services.editing.authorities import AuthorityEditor
from catalog.services.editing.bulk_ops import AddName, AddTag, RemoveTag
from catalog.services.editing.resolve import tidy

PERSON = AuthorityKind.PERSON
TITLES = ("Cable on the harvest", "평양 보고서", "Memorandum  of a conversation", "Reply")
DATES = ("", "1957", "c. 1950", "1953-03-05", "spring 1951")
TAGS = ("cable", "harvest", "Korea", "쌀")
# "Kim Il-sung" shares a key with "Kim Il Sung"; the Hangul forms are other names
# until a merge makes them variants.
PEOPLE = ("Kim Il Sung", "Kim Il-sung", "김일성", "Pak Hon Yong", "박헌영")
WORDS = ("zebra", "walrus", "okapi", "narwhal")

titles = st.sampled_from(TITLES)
dates = st.sampled_from(DATES)
tag_sets = st.lists(st.sampled_from(TAGS), max_size=3).map(tuple)
people = st.sampled_from((*PEOPLE, None))
note_texts = st.lists(st.sampled_from(WORDS), min_size=1, max_size=2).map(" ".join)
bulk_ops = st.one_of(
    st.builds(AddTag, st.sampled_from(TAGS)),
    st.builds(RemoveTag, st.sampled_from(TAGS)),
    st.builds(AddName, st.just(PERSON), st.sampled_from(PEOPLE)),
)


@dataclass(frozen=True)
class Rec:
    """What the model knows of one record."""

    title: str
    date_text: str
    tags: tuple[str, ...] = ()
    notes: tuple[tuple[int, str], ...] = ()  # (note id, text)
    relations: frozenset[tuple[str, int]] = frozenset()  # (type, target id), outgoing
    deleted: bool = False
    people: tuple[str, ...] = ()  # authorised names, sorted


@dataclass
class Model:
    """The catalogue as the model sees it: records, and person names by matching key."""

    records: dict[int, Rec] = field(default_factory=dict)
    names: dict[str, str] = field(default_factory=dict)  # name key -> authorised name

    def copy(self) -> Model:
        return Model(dict(self.records), dict(self.names))

    def person(self, typed: str | None) -> tuple[str, ...]:
        """The authorised name a typed name resolves to (a new authority if none)."""
        if typed is None:
            return ()
        return (self.names.setdefault(name_key(typed), typed),)


class EditingMachine(RuleBasedStateMachine):
    """Random edits on a fresh catalogue and on the model."""

    def __init__(self) -> None:
        super().__init__()
        self.folder = Path(tempfile.mkdtemp(prefix="catalog-model-"))
        self.service = CatalogService.open(self.folder / "c.sqlite", cache_dir=self.folder)
        self.service.editor.user = "Ann"
        self.editor = self.service.editor
        self.model = Model()
        self.undo_stack: list[Model] = []
        self.redo_stack: list[Model] = []
        self.seen: set[int] = set()

    def teardown(self) -> None:
        self.service.close()
        shutil.rmtree(self.folder, ignore_errors=True)

    # ------------------------------------------------------------------ bookkeeping

    def done(self, before: Model, changes: ChangeSet, *, changed: bool | None = None) -> None:
        """A step was written: the model's history follows the editor's rules.

        ``changed`` says whether the step changes the catalogue (default: whether the
        model changed); a step that changes nothing is no step to undo.
        """
        if changed is None:
            changed = self.model != before
        assert changes.empty == (not changed), (changes, changed)
        if changed:
            self.undo_stack.append(before)
            self.redo_stack.clear()

    def ids(self, *, deleted: bool | None = None) -> list[int]:
        return sorted(
            rid for rid, r in self.model.records.items() if deleted is None or r.deleted == deleted
        )

    def pick(self, data: st.DataObject, *, deleted: bool | None = None) -> int:
        return data.draw(st.sampled_from(self.ids(deleted=deleted)))

    def some(self, data: st.DataObject, *, deleted: bool | None = None) -> list[int]:
        return data.draw(
            st.lists(
                st.sampled_from(self.ids(deleted=deleted)), min_size=1, max_size=3, unique=True
            )
        )

    # ------------------------------------------------------------------ records

    @rule(title=titles, date=dates, tags=tag_sets, person=people)
    def create(self, title: str, date: str, tags: tuple[str, ...], person: str | None) -> None:
        before = self.model.copy()
        names = (NameChoice(PERSON, person),) if person else ()
        rid, changes = self.editor.create_record(RecordDraft(title, date, tags=tags, names=names))
        self.seen.add(rid)
        assert changes.added == {rid}
        self.model.records[rid] = Rec(
            " ".join(title.split()), date, tidy(tags), people=self.model.person(person)
        )
        self.done(before, changes)

    @precondition(lambda self: self.model.records)
    @rule(data=st.data(), title=titles, date=dates, tags=tag_sets, person=people)
    def edit(
        self,
        data: st.DataObject,
        title: str,
        date: str,
        tags: tuple[str, ...],
        person: str | None,
    ) -> None:
        rid = self.pick(data)
        shown = self.service.detail(rid)  # what the editor dialog opens with
        draft = replace(
            RecordDraft.from_detail(shown),
            title=title,
            date_text=date,
            approximate=False,
            uncertain=False,
            tags=tags,
            names=(NameChoice(PERSON, person),) if person else (),
        )
        before = self.model.copy()
        changes = self.editor.update_record(rid, draft, shown.version)
        self.model.records[rid] = replace(
            self.model.records[rid],
            title=" ".join(title.split()),
            date_text=date,
            tags=tidy(tags),
            people=self.model.person(person),
        )
        self.done(before, changes)

    # ------------------------------------------------------------------ notes

    @precondition(lambda self: self.model.records)
    @rule(data=st.data(), text=note_texts)
    def add_note(self, data: st.DataObject, text: str) -> None:
        rid = self.pick(data)
        before = self.model.copy()
        changes = self.editor.add_note(rid, text)
        record = self.model.records[rid]
        known = {nid for nid, _ in record.notes}
        new = [n for n in self.service.detail(rid).annotations if n.id not in known]
        assert [(n.text, n.author) for n in new] == [(text, "Ann")]
        self.model.records[rid] = replace(record, notes=(*record.notes, (new[0].id, text)))
        self.done(before, changes)

    @precondition(lambda self: any(r.notes for r in self.model.records.values()))
    @rule(data=st.data(), text=note_texts)
    def edit_note(self, data: st.DataObject, text: str) -> None:
        rid = data.draw(st.sampled_from([i for i in self.ids() if self.model.records[i].notes]))
        record = self.model.records[rid]
        note_id, _ = data.draw(st.sampled_from(record.notes))
        before = self.model.copy()
        changes = self.editor.edit_note(rid, note_id, text)
        notes = tuple((nid, text if nid == note_id else old) for nid, old in record.notes)
        self.model.records[rid] = replace(record, notes=notes)
        self.done(before, changes, changed=True)  # the note's modified time changes

    @precondition(lambda self: any(r.notes for r in self.model.records.values()))
    @rule(data=st.data())
    def delete_note(self, data: st.DataObject) -> None:
        rid = data.draw(st.sampled_from([i for i in self.ids() if self.model.records[i].notes]))
        record = self.model.records[rid]
        note_id, _ = data.draw(st.sampled_from(record.notes))
        before = self.model.copy()
        changes = self.editor.delete_note(rid, note_id)
        notes = tuple(n for n in record.notes if n[0] != note_id)
        self.model.records[rid] = replace(record, notes=notes)
        self.done(before, changes)

    # ------------------------------------------------------------------ links and names

    @precondition(lambda self: len(self.model.records) >= 2)
    @rule(data=st.data(), relation=st.sampled_from(list(RelationType)))
    def link(self, data: st.DataObject, relation: RelationType) -> None:
        source, target = data.draw(st.permutations(self.ids()))[:2]
        before = self.model.copy()
        changes = self.editor.link(source, target, relation)
        record = self.model.records[source]
        relations = record.relations | {(relation.value, target)}
        self.model.records[source] = replace(record, relations=relations)
        self.done(before, changes)

    @precondition(lambda self: len(set(self.model.names.values())) >= 2)
    @rule(data=st.data())
    def merge(self, data: st.DataObject) -> None:
        keep, drop = data.draw(st.permutations(sorted(set(self.model.names.values()))))[:2]
        authorities = AuthorityEditor(self.editor)
        ids = {row.name: row.id for row in authorities.list(PERSON)}
        before = self.model.copy()
        changes = authorities.merge(ids[keep], ids[drop])
        for rid, record in self.model.records.items():
            moved = tuple(sorted({keep if p == drop else p for p in record.people}))
            self.model.records[rid] = replace(record, people=moved)
        self.model.names = {
            key: keep if name == drop else name for key, name in self.model.names.items()
        }
        self.done(before, changes, changed=True)  # the dropped name goes, always

    @precondition(lambda self: self.model.records)
    @rule(data=st.data(), op=bulk_ops)
    def bulk_edit(self, data: st.DataObject, op: AddTag | RemoveTag | AddName) -> None:
        ids = [rid for rid in self.some(data) if not self.model.records[rid].deleted]
        before = self.model.copy()
        changes = bulk.apply(self.editor, ids, op)  # records in the trash are left alone
        for rid in ids:
            record = self.model.records[rid]
            if isinstance(op, AddTag):
                record = replace(record, tags=tidy((*record.tags, op.name)))
            elif isinstance(op, RemoveTag):
                record = replace(record, tags=tuple(t for t in record.tags if t != op.name))
            else:
                people = {*record.people, *self.model.person(op.name)}
                record = replace(record, people=tuple(sorted(people)))
            self.model.records[rid] = record
        self.done(before, changes)

    # ------------------------------------------------------------------ trash

    @precondition(lambda self: self.model.records)
    @rule(data=st.data())
    def trash(self, data: st.DataObject) -> None:
        self._set_deleted(self.some(data), True)

    @precondition(lambda self: any(r.deleted for r in self.model.records.values()))
    @rule(data=st.data())
    def restore(self, data: st.DataObject) -> None:
        self._set_deleted(self.some(data, deleted=True), False)

    def _set_deleted(self, ids: list[int], deleted: bool) -> None:
        before = self.model.copy()
        call = self.editor.trash if deleted else self.editor.restore
        changes = call(ids)
        for rid in ids:
            self.model.records[rid] = replace(self.model.records[rid], deleted=deleted)
        self.done(before, changes)

    @precondition(lambda self: any(r.deleted for r in self.model.records.values()))
    @rule()
    def empty_trash(self) -> None:
        before = self.model.copy()
        changes = self.editor.empty_trash()
        gone = set(self.ids(deleted=True))
        self.model.records = {
            rid: replace(r, relations=frozenset(x for x in r.relations if x[1] not in gone))
            for rid, r in self.model.records.items()
            if rid not in gone
        }
        self.done(before, changes)

    # ------------------------------------------------------------------ undo and redo

    @precondition(lambda self: self.undo_stack or not self.model.records)
    @rule()
    def undo(self) -> None:
        changes = self.editor.undo()
        if not self.undo_stack:
            assert changes.empty
            return
        self.redo_stack.append(self.model)
        self.model = self.undo_stack.pop()
        assert not changes.empty

    @precondition(lambda self: self.redo_stack or not self.model.records)
    @rule()
    def redo(self) -> None:
        changes = self.editor.redo()
        if not self.redo_stack:
            assert changes.empty
            return
        self.undo_stack.append(self.model)
        self.model = self.redo_stack.pop()
        assert not changes.empty

    # ------------------------------------------------------------------ the store agrees

    @invariant()
    def store_equals_model(self) -> None:
        ids = sorted(self.model.records)
        for detail in self.service.details(ids):
            assert as_rec(detail) == self.model.records[detail.id], detail.id
        for rid in self.seen - set(ids):
            with pytest.raises(RecordNotFound):
                self.service.detail(rid)
        assert {s.id for s in self.editor.trashed()} == set(self.ids(deleted=True))
        names = {row.name for row in AuthorityEditor(self.editor).list(PERSON)}
        assert names == set(self.model.names.values())

    @invariant()
    def search_index_agrees(self) -> None:
        live = self.ids(deleted=False)
        assert sorted(self.service.search("").ids) == live
        for word in WORDS:
            expected = [
                rid
                for rid in live
                if any(word in t.split() for _, t in self.model.records[rid].notes)
            ]
            assert sorted(self.service.search(f"note:{word}").ids) == expected, word


def as_rec(detail: RecordDetail) -> Rec:
    """A stored record in the model's terms."""
    return Rec(
        title=detail.title,
        date_text=detail.date.text or detail.date.edtf or "",
        tags=detail.tags,
        notes=tuple((n.id, n.text) for n in detail.annotations),
        relations=frozenset((r.type.value, r.other_id) for r in detail.relations if r.outgoing),
        deleted=detail.deleted,
        people=tuple(sorted(link.name for link in detail.names_of(PERSON))),
    )


EditingMachine.TestCase.settings = settings(
    max_examples=30,
    stateful_step_count=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
test_editing_model = EditingMachine.TestCase
