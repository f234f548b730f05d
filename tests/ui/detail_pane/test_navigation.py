"""Back and Forward through the records the pane has shown, as in a browser."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QToolButton
from pytestqt.qtbot import QtBot

from catalog.ui.detail_pane.widget import DetailPane
from tests.ui.detail_pane.conftest import LoggingService, PaneFactory


def button(pane: DetailPane, name: str) -> QToolButton:
    found = pane.findChild(QToolButton, name)
    assert isinstance(found, QToolButton)
    return found


def test_back_and_forward_buttons_move_through_visited_records(
    qtbot: QtBot, make_pane: PaneFactory, service: LoggingService
) -> None:
    pane = make_pane(service)
    back, forward = button(pane, "detailBack"), button(pane, "detailForward")
    assert not back.isEnabled() and not forward.isEnabled()
    with qtbot.waitSignal(pane.history_changed) as changed:
        pane.show_ids([42])
        pane.show_ids([43])
    assert changed.args == [True, False]
    assert back.isEnabled() and not forward.isEnabled()
    with (
        qtbot.waitSignal(pane.record_shown) as shown,
        qtbot.waitSignal(pane.history_changed) as changed,
    ):
        qtbot.mouseClick(back, Qt.MouseButton.LeftButton)
    assert shown.args == [42] and changed.args == [False, True]
    assert pane.shown_id == 42 and not back.isEnabled() and forward.isEnabled()
    with qtbot.waitSignal(pane.record_shown) as shown:
        qtbot.mouseClick(forward, Qt.MouseButton.LeftButton)
    assert shown.args == [43] and pane.shown_id == 43
    assert pane.can_go_back and not pane.can_go_forward


def test_visiting_after_going_back_drops_the_forward_records(
    make_pane: PaneFactory, service: LoggingService
) -> None:
    pane = make_pane(service)
    for record_id in (42, 43, 44):
        pane.show_ids([record_id])
    pane.go_back()
    pane.go_back()
    assert pane.shown_id == 42 and pane.can_go_forward
    pane.show_ids([45])
    assert not pane.can_go_forward
    pane.go_back()
    assert pane.shown_id == 42
    pane.go_back()
    assert pane.shown_id == 42  # nothing older: Back does nothing


def test_list_selection_is_not_announced_but_navigation_is(
    qtbot: QtBot, make_pane: PaneFactory, service: LoggingService
) -> None:
    pane = make_pane(service)
    with qtbot.assertNotEmitted(pane.record_shown):
        pane.show_ids([42])
    with qtbot.waitSignal(pane.record_shown) as shown:
        pane.show_record(44)
    assert shown.args == [44]
    # The window selects the announced record in its list: nothing is read again.
    reads = len(service.called("detail"))
    with qtbot.assertNotEmitted(pane.record_shown):
        pane.show_ids([44])
    assert len(service.called("detail")) == reads
    pane.go_back()
    assert pane.shown_id == 42


def test_selecting_several_records_keeps_the_history(
    make_pane: PaneFactory, service: LoggingService
) -> None:
    pane = make_pane(service)
    pane.show_ids([42])
    pane.show_ids([43])
    pane.show_ids([42, 43])
    assert pane.shown_id is None and pane.can_go_back
    pane.go_back()
    assert pane.shown_id == 42


def test_alt_left_and_alt_right_go_back_and_forward(
    qtbot: QtBot, make_pane: PaneFactory, service: LoggingService
) -> None:
    pane = make_pane(service)
    pane.show_ids([42])
    pane.show_ids([43])
    with qtbot.waitActive(pane):
        pane.activateWindow()
    pane.view.setFocus()
    qtbot.keyClick(pane.view, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert pane.shown_id == 42
    qtbot.keyClick(pane.view, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert pane.shown_id == 43


def test_a_record_gone_from_the_catalogue_is_explained_on_the_way_back(
    make_pane: PaneFactory, service: LoggingService
) -> None:
    pane = make_pane(service)
    pane.show_ids([44])
    pane.show_ids([45])
    del service.records[44]
    pane.go_back()
    assert pane.message() == "This record is no longer in the catalogue."
    pane.go_forward()
    assert pane.shown_id == 45
