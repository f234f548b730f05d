"""History: the browser-like list of visited records, on its own."""

from __future__ import annotations

import pytest

from catalog.ui.detail_pane.history import History


def test_a_new_history_has_nowhere_to_go() -> None:
    history = History()
    assert history.current is None and history.entries == ()
    assert not history.can_go_back and not history.can_go_forward
    assert history.back() is None and history.forward() is None


def test_back_and_forward_move_through_visits() -> None:
    history = History()
    for record_id in (1, 2, 3):
        assert history.visit(record_id)
    assert history.current == 3 and history.can_go_back and not history.can_go_forward
    assert history.back() == 2
    assert history.back() == 1
    assert history.back() is None and history.current == 1
    assert history.forward() == 2
    assert history.forward() == 3
    assert history.forward() is None and history.current == 3


def test_visiting_after_going_back_drops_the_forward_list() -> None:
    history = History()
    for record_id in (1, 2, 3):
        history.visit(record_id)
    history.back()
    history.back()
    history.visit(4)
    assert history.entries == (1, 4)
    assert not history.can_go_forward and history.back() == 1


def test_visiting_the_current_record_changes_nothing() -> None:
    history = History()
    history.visit(1)
    history.visit(2)
    history.back()
    assert not history.visit(1)  # the current one: the forward list survives
    assert history.entries == (1, 2) and history.can_go_forward
    history.forward()
    assert not history.visit(2)
    assert history.entries == (1, 2)
    assert history.visit(1)  # not consecutive: a new entry
    assert history.entries == (1, 2, 1)


def test_the_oldest_entries_go_beyond_the_limit() -> None:
    history = History(limit=3)
    for record_id in range(1, 6):
        history.visit(record_id)
    assert history.entries == (3, 4, 5)
    assert history.back() == 4 and history.back() == 3 and history.back() is None
    history.forward()
    history.visit(9)
    assert history.entries == (3, 4, 9)


def test_a_history_holds_at_least_one_entry() -> None:
    with pytest.raises(ValueError, match="at least one"):
        History(limit=0)
