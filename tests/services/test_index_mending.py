"""After this program's own edits the search index is mended, and equals a rebuilt one.

Random edits of every kind (records, notes, relations, trash, bulk edits, authorities,
undo and redo) run on a catalogue whose index is loaded; after each, the next search
must find the index current without a rebuild, and every column, order, link and name
in it must equal what a fresh build reads from the database.
"""

from __future__ import annotations

import contextlib
import random
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest
from sqlalchemy import update

from catalog.domain.drafts import NameChoice, RecordDraft
from catalog.domain.errors import CatalogError
from catalog.domain.records import AuthorityKind, RelationType, Role
from catalog.services.catalog import CatalogService
from catalog.services.editing import bulk
from catalog.services.editing.authorities import AuthorityEditor
from catalog.services.editing.bulk_ops import (
    AddName,
    AddTag,
    BulkOp,
    Replace,
    ReplaceField,
    SetType,
)
from catalog.services.editing.editor import Editor
from catalog.store import columnar_build, unit_of_work
from catalog.store.columnar import ROW_COLUMNS, ColumnarIndex, settle
from catalog.store.tables import Record

PERSON = AuthorityKind.PERSON
PEOPLE = ["Kim Il Sung", "Nam Il", "Puzanov", "Ри Дон Ён", "黄玉贵", "Ivanov"]
PLACES = ["Pyongyang", "Moscow", "Beijing"]
TITLES = ["Cable on veterans", "Memo", "Ёлка", "김일성 서한", "Abc", "abc", "Zeta report", "Memo"]
DATES = ["1955", "October, 1959", "undated", "c. 1950", "", "1957-03", "1961?"]
TYPES = ["Cable", "Letter", "Memorandum", ""]


def draft(rng: random.Random) -> RecordDraft:
    return RecordDraft(
        title=rng.choice(TITLES),
        date_text=rng.choice(DATES),
        summary="Talks in " + rng.choice(PLACES),
        doc_type=rng.choice(TYPES),
        languages=tuple(rng.sample(["Russian", "Korean", "Chinese"], rng.randint(0, 2))),
        archive=rng.choice(["AVPRF", "PRC FMA", "", "Archive " + str(rng.randint(1, 3))]),
        tags=tuple(rng.sample(["todo", "checked", "scan", f"t{rng.randint(1, 5)}"], 2)),
        collections=tuple(rng.sample(["Soviet Koreans", "Veterans"], rng.randint(0, 1))),
        names=tuple(
            NameChoice(PERSON, name, rng.choice([Role.AUTHOR, Role.MENTIONED]))
            for name in rng.sample(PEOPLE, rng.randint(0, 2))
        )
        + tuple(NameChoice(AuthorityKind.PLACE, p) for p in rng.sample(PLACES, 1)),
    )


def editor_of(service: CatalogService) -> Editor:
    editor = service.editor
    assert editor is not None
    return editor


class Editing:
    """Random edits through the services, as the window makes them."""

    def __init__(self, service: CatalogService, seed: int) -> None:
        self.service = service
        self.editor = editor_of(service)
        self.rng = random.Random(seed)
        self.authorities = AuthorityEditor(self.editor)
        self.ids: list[int] = []

    def pick(self) -> int:
        return self.rng.choice(self.ids)

    def create(self) -> None:
        rid, _ = self.editor.create_record(draft(self.rng))
        self.ids.append(rid)

    def update(self) -> None:
        rid = self.pick()
        self.editor.update_record(rid, draft(self.rng), self.service.detail(rid).version)

    def note(self) -> None:
        self.editor.add_note(self.pick(), "check the date")

    def drop_note(self) -> None:
        rid = self.pick()
        notes = self.service.detail(rid).annotations
        if notes:
            self.editor.delete_note(rid, notes[0].id)

    def link(self) -> None:
        source, target = self.pick(), self.pick()
        if source != target:
            self.editor.link(source, target, RelationType.RELATED_TO)

    def unlink(self) -> None:
        relations = self.service.detail(self.pick()).relations
        if relations:
            self.editor.unlink(relations[0].relation_id)

    def trash(self) -> None:
        self.editor.trash(self.rng.sample(self.ids, min(2, len(self.ids))))

    def restore(self) -> None:
        self.editor.restore(self.rng.sample(self.ids, min(3, len(self.ids))))

    def bulk(self) -> None:
        ops: list[BulkOp] = [
            AddTag("bulk"),
            SetType(self.rng.choice(TYPES)),
            AddName(PERSON, self.rng.choice([*PEOPLE, "New Person"])),
            Replace(ReplaceField.TITLE, "Memo", "Memorandum"),
            Replace(ReplaceField.DATE_TEXT, "1955", "1956"),
        ]
        op = self.rng.choice(ops)
        bulk.apply(self.editor, self.rng.sample(self.ids, min(5, len(self.ids))), op)

    def rename(self) -> None:
        rows = self.authorities.list(self.rng.choice([PERSON, AuthorityKind.REPOSITORY]))
        if rows:
            row = self.rng.choice(rows)
            # A new name may move the authority among the others, or keep its place.
            name = self.rng.choice([f"{row.name} B", f"Zz {row.name}", f"Aa {row.name}"])
            self.authorities.rename(row.id, name, row.version)

    def merge(self) -> None:
        rows = self.authorities.list(PERSON)
        if len(rows) > 1:
            keep, drop = self.rng.sample(rows, 2)
            self.authorities.merge(keep.id, drop.id)

    def new_name(self) -> None:
        self.authorities.create(PERSON, f"Unlinked {self.rng.randint(1, 10**6)}")

    def variants(self) -> None:
        rows = self.authorities.list(PERSON)
        if rows:
            row = self.rng.choice(rows)
            self.authorities.set_variants(row.id, [row.name, f"Alias {row.id}"], row.version)

    def undo(self) -> None:
        self.editor.undo()

    def redo(self) -> None:
        self.editor.redo()

    def steps(self) -> list[Callable[[], None]]:
        return [
            self.create,
            self.update,
            self.update,
            self.note,
            self.drop_note,
            self.link,
            self.unlink,
            self.trash,
            self.restore,
            self.bulk,
            self.rename,
            self.merge,
            self.variants,
            self.new_name,
            self.undo,
            self.redo,
        ]


def rebuilt(service: CatalogService) -> ColumnarIndex:
    with unit_of_work.read(service.db, consistent=True) as session:
        index = columnar_build.build(session.connection(), service.generation())
    settle(index)
    return index


def runs_of(index: ColumnarIndex, key: str) -> list[bool]:
    """Where a group starts along the order; groups must rise along it. (Mended groups
    may be numbered differently from a rebuild's: only which rows tie matters.)"""
    in_order = index.groups[key][index.orders[key]]
    assert (np.diff(in_order) >= 0).all(), f"{key} groups fall along the order"
    return (np.diff(in_order) != 0).tolist()


def pairs_of(index: ColumnarIndex, facet: str) -> list[tuple[int, int]]:
    pairs = index.pairs[facet]
    assert (np.diff(pairs.rows) >= 0).all(), f"{facet} pairs out of row order"
    return sorted(zip(pairs.rows.tolist(), pairs.values.tolist(), strict=True))


def assert_same(mended: ColumnarIndex, fresh: ColumnarIndex) -> None:
    assert mended.generation == fresh.generation
    for column in ("ids", *ROW_COLUMNS):
        assert np.array_equal(getattr(mended, column), getattr(fresh, column)), column
    assert mended.orders.keys() == fresh.orders.keys()
    for key in fresh.orders:
        order = fresh.orders[key]
        assert np.array_equal(mended.orders[key], order), f"{key} order"
        assert np.array_equal(runs_of(mended, key), runs_of(fresh, key)), f"{key} groups"
        assert np.array_equal(mended.rank(key), fresh.rank(key)), f"{key} ranks"
    assert mended.pairs.keys() == fresh.pairs.keys()
    for facet in fresh.pairs:
        assert pairs_of(mended, facet) == pairs_of(fresh, facet), facet
    assert mended.names == fresh.names
    for facet, keys in fresh.keys.items():
        assert {k: sorted(v) for k, v in mended.keys[facet].items()} == {
            k: sorted(v) for k, v in keys.items()
        }, facet
    for facet, ties in fresh.ties.items():
        named = sorted(fresh.names.get(facet, {}))
        assert mended.ties[facet][named].tolist() == ties[named].tolist(), facet
    for facet, ranks in fresh.value_ranks.items():
        named = sorted(fresh.names.get(facet, {}))
        assert mended.value_ranks[facet][named].tolist() == ranks[named].tolist(), facet


def attempt(action: Callable[[], None], service: CatalogService) -> bool:
    """Run one edit; True when it wrote (the services may refuse one, writing nothing)."""
    before = service.generation()
    with contextlib.suppress(CatalogError):
        action()
    return service.generation() > before


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_edits_mend_the_index_to_what_a_rebuild_reads(service: CatalogService, seed: int) -> None:
    random_edits(service, seed)


def test_groups_without_gaps_are_numbered_again(
    service: CatalogService, monkeypatch: pytest.MonkeyPatch
) -> None:
    from catalog.store import columnar_build, columnar_orders

    for module in (columnar_build, columnar_orders):
        monkeypatch.setattr(module, "spacing", lambda size: 1)
    random_edits(service, 8)


def random_edits(service: CatalogService, seed: int) -> None:
    editing = Editing(service, seed)
    for _ in range(12):
        editing.create()
    service.prepare_index()
    steps = editing.steps()
    wrote = set()
    for _ in range(60):
        step = editing.rng.choice(steps)
        if attempt(step, service):
            wrote.add(step.__name__)
        service.search("")  # the next search brings the index up to date
        index = service.engine._index
        assert index is not None and index.generation == service.generation()
        assert_same(index, rebuilt(service))
    assert len(wrote) >= 13, sorted(wrote)


def test_records_removed_for_good_and_brought_back_are_mended(service: CatalogService) -> None:
    editing = Editing(service, 4)
    for _ in range(6):
        editing.create()
    editing.editor.link(editing.ids[0], editing.ids[1], RelationType.RELATED_TO)
    service.prepare_index()

    def trash() -> None:
        editing.editor.trash(editing.ids[1:3])

    for action in (
        editing.create,  # after every other record
        editing.editor.undo,  # the last record removed for good
        editing.editor.redo,
        trash,
        editing.editor.empty_trash,
        editing.editor.undo,  # back under ids below the last one
        editing.editor.redo,
    ):
        action()
        service.search("")
        index = service.engine._index
        assert index is not None and index.generation == service.generation()
        assert_same(index, rebuilt(service))


def test_a_write_that_does_not_say_what_it_touched_rebuilds(service: CatalogService) -> None:
    editing = Editing(service, 5)
    editing.create()
    service.prepare_index()
    with unit_of_work.write(service.db) as session:  # says nothing of what it wrote
        session.execute(update(Record).values(summary="changed"))
    service.search("")
    assert service.engine._index.generation < service.generation()  # type: ignore[union-attr]


def test_records_given_one_title_are_placed_among_themselves(service: CatalogService) -> None:
    editing = Editing(service, 6)
    for _ in range(9):
        editing.create()
    service.prepare_index()
    for title in ("Same title", "Abc", "Ёлка", "김일성 서한"):
        chosen = editing.rng.sample(editing.ids, 4)
        bulk.apply(editing.editor, chosen, Replace(ReplaceField.TITLE, ".*", title, regex=True))
        service.search("")
        index = service.engine._index
        assert index is not None and index.generation == service.generation()
        assert_same(index, rebuilt(service))


def test_new_titles_are_placed_a_chunk_at_a_time(
    service: CatalogService, monkeypatch: pytest.MonkeyPatch
) -> None:
    from catalog.store import columnar_orders

    editing = Editing(service, 6)
    for _ in range(8):
        editing.create()
    service.prepare_index()
    monkeypatch.setattr(columnar_orders, "ID_CHUNK", 3)
    bulk.apply(editing.editor, editing.ids, Replace(ReplaceField.TITLE, "e", "ё"))
    service.search("")
    index = service.engine._index
    assert index is not None and index.generation == service.generation()
    assert_same(index, rebuilt(service))


@pytest.mark.parametrize("searched", [True, False])
def test_a_mended_index_is_saved_when_the_catalogue_closes(
    catalogue_target: str, tmp_path: Path, searched: bool
) -> None:
    service = CatalogService.open(catalogue_target, user="tester", cache_dir=tmp_path)
    try:
        editing = Editing(service, 7)
        for _ in range(4):
            editing.create()
        service.prepare_index()
        editing.update()
        editing.create()
        if searched:
            service.search("")
            assert service.engine.index_generation == service.generation()
        else:  # closed before any search saw the edits: mended on the way out
            assert service.engine.index_generation != service.generation()
    finally:
        service.close()
    again = CatalogService.open(catalogue_target, user="tester", cache_dir=tmp_path)
    try:
        assert again.load_saved_index()
        assert again.engine._index is not None
        assert_same(again.engine._index, rebuilt(again))
    finally:
        again.close()
