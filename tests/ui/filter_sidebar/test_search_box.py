"""The search box searches as you type (debounced), on Enter, and clears on Esc."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from catalog.domain.errors import QueryError
from catalog.domain.query import parse_query
from catalog.ui.filter_sidebar.search_box import SearchBox, error_excerpt


def make_box(qtbot: QtBot) -> SearchBox:
    box = SearchBox()
    qtbot.addWidget(box)
    with qtbot.waitExposed(box):
        box.show()
    return box


def test_typing_searches_once_after_a_pause(qtbot: QtBot) -> None:
    box = make_box(qtbot)
    submitted: list[str] = []
    box.query_submitted.connect(submitted.append)
    with qtbot.waitSignal(box.query_submitted, timeout=2000) as blocker:
        qtbot.keyClicks(box.edit, "citizenship")
        assert submitted == []  # not on every key
    assert blocker.args == ["citizenship"]
    assert submitted == ["citizenship"]


def test_enter_searches_at_once(qtbot: QtBot) -> None:
    box = make_box(qtbot)
    qtbot.keyClicks(box.edit, "cable")
    with qtbot.waitSignal(box.query_submitted, timeout=100) as blocker:
        qtbot.keyClick(box.edit, Qt.Key.Key_Return)
    assert blocker.args == ["cable"]


def test_esc_clears_the_box_and_searches_for_everything(qtbot: QtBot) -> None:
    box = make_box(qtbot)
    qtbot.keyClicks(box.edit, "cable")
    qtbot.keyClick(box.edit, Qt.Key.Key_Return)
    with qtbot.waitSignal(box.query_submitted, timeout=100) as blocker:
        qtbot.keyClick(box.edit, Qt.Key.Key_Escape)
    assert blocker.args == [""]
    assert box.text == ""


def error_for(query: str) -> QueryError:
    try:
        parse_query(query)
    except QueryError as error:
        return error
    raise AssertionError(f"{query!r} parsed")


def test_a_query_error_is_shown_under_the_box_with_its_position(qtbot: QtBot) -> None:
    box = make_box(qtbot)
    qtbot.keyClicks(box.edit, "cable date:1959-13")
    box.show_error(box.text, error_for(box.text))
    assert box.error_text.startswith("At position 12:")
    assert box.excerpt.isVisible()
    lines = box.excerpt.text().split("\n")
    assert lines[0] == "cable date:1959-13"
    assert lines[1] == " " * 11 + "^" * 7
    box.show_error(box.text, None)
    assert box.error_text == ""
    assert not box.excerpt.isVisible()


def test_an_error_for_an_older_text_is_not_shown(qtbot: QtBot) -> None:
    box = make_box(qtbot)
    qtbot.keyClicks(box.edit, "person:")
    error = error_for("person:")
    qtbot.keyClicks(box.edit, "Nam")
    box.show_error("person:", error)
    assert box.error_text == ""


def test_error_excerpt_of_a_long_query_shows_the_part_around_the_problem() -> None:
    query = "a " * 40 + "bogus:x" + " b" * 40
    position = query.index("bogus")
    text, carets = error_excerpt(query, position, 5).split("\n")
    assert text.startswith("…") and text.endswith("…")
    assert text[carets.index("^") :].startswith("bogus")
    assert carets.strip() == "^^^^^"
