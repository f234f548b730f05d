"""ChangeSet: merging two operations and asking what they touched."""

from __future__ import annotations

from catalog.domain.changes import ChangeSet


def test_merged_keeps_everything_both_changed() -> None:
    merged = ChangeSet(added=frozenset({1})).merged(
        ChangeSet(added=frozenset({2}), updated=frozenset({3}), facets=True)
    )
    assert merged == ChangeSet(added=frozenset({1, 2}), updated=frozenset({3}), facets=True)
    assert merged.records == {1, 2, 3} and not merged.empty


def test_a_bulk_change_touches_every_record() -> None:
    bulk = ChangeSet(bulk=True)
    assert not bulk.empty and bulk.touches(12345) and bulk.records == frozenset()
    assert ChangeSet(updated=frozenset({4})).touches(4)
    assert not ChangeSet(updated=frozenset({4})).touches(5)
    assert ChangeSet().empty
    assert ChangeSet(added=frozenset({1})).merged(bulk).bulk
