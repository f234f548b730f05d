"""Message boxes: non-blocking, plain text, bugs with details."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from catalog.domain.errors import ImportFileError
from catalog.ui.dialogs import messages


def test_an_error_box_shows_the_message_as_plain_text(qtbot: QtBot) -> None:
    box = messages.show_error(
        None, "Import failed", ImportFileError("a.csv", "<b>bad</b> header", 3)
    )
    assert box.isVisible()  # open() returns at once: no nested event loop
    assert box.text() == "a.csv:3: <b>bad</b> header"
    assert box.textFormat() == Qt.TextFormat.PlainText
    box.close()


def test_a_bug_box_says_something_went_wrong_and_has_the_traceback(qtbot: QtBot) -> None:
    try:
        raise ValueError("unexpected")
    except ValueError as error:
        box = messages.show_bug(None, error, "the import")
    assert box.windowTitle() == messages.BUG_TITLE
    assert "could not finish the import" in box.text()
    assert "ValueError: unexpected" in box.detailedText()
    assert "Traceback" in box.detailedText()
    box.close()
