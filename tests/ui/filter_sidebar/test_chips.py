"""Each clause of the query is a chip; its × removes exactly that clause and searches."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from catalog.domain.query_clauses import clauses
from catalog.ui.filter_sidebar.chips import CHIP_CHARS, ChipBar
from catalog.ui.filter_sidebar.widget import FilterSidebar
from tests.ui.filter_sidebar.helpers import click, make_sidebar


def chip_names(sidebar: FilterSidebar) -> list[str]:
    return [chip.accessibleName() for chip in sidebar.chips.chips if chip.isVisible()]


def chip(sidebar: FilterSidebar, clause: str) -> QPushButton:
    (found,) = [c for c in sidebar.chips.chips if c.accessibleName() == f"Remove filter {clause}"]
    return found


def test_chips_follow_typed_and_clicked_clauses(qtbot: QtBot) -> None:
    sidebar = make_sidebar(qtbot)
    assert not sidebar.chips.isVisible()
    qtbot.keyClicks(sidebar.search_box.edit, 'citizenship person:"Kim Il Sung"')
    assert chip_names(sidebar) == [
        "Remove filter citizenship",
        'Remove filter person:"Kim Il Sung"',
    ]
    click(qtbot, sidebar.tree, sidebar.facets.find_value("Cable"), Qt.KeyboardModifier.AltModifier)
    assert chip_names(sidebar)[-1] == "Remove filter -type:Cable"
    assert chip(sidebar, "-type:Cable").text() == "-type:Cable  ×"


def test_removing_a_chip_removes_exactly_its_clause_and_searches(qtbot: QtBot) -> None:
    sidebar = make_sidebar(qtbot)
    sidebar.set_query('citizenship person:"Kim Il Sung" -type:Cable date:1950s')
    with qtbot.waitSignal(sidebar.query_changed, timeout=100) as blocker:
        qtbot.mouseClick(chip(sidebar, 'person:"Kim Il Sung"'), Qt.MouseButton.LeftButton)
    assert blocker.args == ["citizenship -type:Cable date:1950s"]
    qtbot.mouseClick(chip(sidebar, "-type:Cable"), Qt.MouseButton.LeftButton)
    assert sidebar.query == "citizenship date:1950s"
    qtbot.mouseClick(chip(sidebar, "citizenship"), Qt.MouseButton.LeftButton)
    qtbot.mouseClick(chip(sidebar, "date:1950s"), Qt.MouseButton.LeftButton)
    assert sidebar.query == ""
    assert not sidebar.chips.isVisible()


def test_a_chip_of_a_repeated_word_removes_only_that_one(qtbot: QtBot) -> None:
    sidebar = make_sidebar(qtbot)
    sidebar.set_query("a OR b a")
    second_a = sidebar.chips.chips[2]
    qtbot.mouseClick(second_a, Qt.MouseButton.LeftButton)
    assert sidebar.query == "a OR b"


def test_chips_are_reached_and_removed_from_the_keyboard(qtbot: QtBot) -> None:
    sidebar = make_sidebar(qtbot)
    sidebar.set_query('tag:"to do" -type:Cable date:1959')
    sidebar.search_box.edit.setFocus()
    qtbot.keyClick(sidebar.search_box.edit, Qt.Key.Key_Tab)
    assert sidebar.save_button.hasFocus()
    qtbot.keyClick(sidebar.save_button, Qt.Key.Key_Tab)
    first = sidebar.chips.chips[0]
    assert first.hasFocus() and first.accessibleName() == 'Remove filter tag:"to do"'
    qtbot.keyClick(first, Qt.Key.Key_Tab)
    second = sidebar.chips.chips[1]
    assert second.hasFocus()
    qtbot.keyClick(second, Qt.Key.Key_Space)
    assert sidebar.query == 'tag:"to do" date:1959'
    focused = sidebar.chips.chips[1]
    assert focused.hasFocus() and focused.accessibleName() == "Remove filter date:1959"
    qtbot.keyClick(focused, Qt.Key.Key_Delete)
    qtbot.keyClick(sidebar.chips.chips[0], Qt.Key.Key_Backspace)
    assert sidebar.query == ""
    assert sidebar.search_box.edit.hasFocus()  # no chips left: back to the box


def test_after_the_chips_tab_goes_on_to_the_facets(qtbot: QtBot) -> None:
    sidebar = make_sidebar(qtbot)
    sidebar.set_query("a")
    sidebar.chips.chips[0].setFocus()
    qtbot.keyClick(sidebar.chips.chips[0], Qt.Key.Key_Tab)
    assert sidebar.tree.hasFocus()  # the searches list is hidden while empty


def test_long_clauses_are_cut_on_the_chip_but_named_whole(qtbot: QtBot) -> None:
    bar = ChipBar()
    qtbot.addWidget(bar)
    clause = "title:" + "x" * 60
    bar.set_clauses(clauses(clause))
    (only,) = bar.chips
    assert len(only.text().removesuffix("  ×")) == CHIP_CHARS
    assert only.text().endswith("…  ×")
    assert only.accessibleName() == f"Remove filter {clause}"
    assert clause in only.toolTip()


def test_an_ampersand_is_shown_not_taken_as_a_mnemonic(qtbot: QtBot) -> None:
    bar = ChipBar()
    qtbot.addWidget(bar)
    bar.set_clauses(clauses("R&D"))
    assert bar.chips[0].text() == "R&&D  ×"


def test_chips_wrap_onto_more_lines_when_narrow(qtbot: QtBot) -> None:
    sidebar = make_sidebar(qtbot)
    sidebar.set_query(" ".join(f"word{n}" for n in range(12)))
    qtbot.waitUntil(lambda: sidebar.chips.chips[-1].isVisible())
    tops = {c.geometry().top() for c in sidebar.chips.chips}
    assert len(tops) > 1
    for chip_button in sidebar.chips.chips:
        assert sidebar.chips.rect().contains(chip_button.geometry())
    layout = sidebar.chips.layout()
    assert layout.heightForWidth(200) > layout.heightForWidth(2000)
