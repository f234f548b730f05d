"""Go to record: a record number typed as 123 or #123; anything else is refused."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QAbstractButton, QApplication
from pytestqt.qtbot import QtBot

from catalog.ui.dialogs.go_to_record import HINT, GoToRecordDialog, parse_record_id


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("123", 123),
        ("#123", 123),
        ("  # 42 ", 42),
        ("007", 7),
        (str(2**63 - 1), 2**63 - 1),
        ("", None),
        ("#", None),
        ("0", None),
        ("-5", None),
        ("12a", None),
        ("1.5", None),
        ("##3", None),
        ("١٢٣", None),
        (str(2**63), None),
    ],
)
def test_parse_record_id(text: str, expected: int | None) -> None:
    assert parse_record_id(text) == expected


def make_dialog(qtbot: QtBot) -> GoToRecordDialog:
    dialog = GoToRecordDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_typing_a_good_number_and_pressing_enter_accepts_it(qtbot: QtBot) -> None:
    dialog = make_dialog(qtbot)
    assert not dialog.go_button.isEnabled() and dialog.problem.text() == ""
    qtbot.keyClicks(dialog.edit, "#57")
    assert dialog.go_button.isEnabled() and dialog.record_id() == 57
    with qtbot.waitSignal(dialog.accepted, timeout=1000):
        qtbot.keyClick(dialog.edit, Qt.Key.Key_Return)
    assert dialog.result() == GoToRecordDialog.DialogCode.Accepted


def test_bad_input_is_explained_and_cannot_be_accepted(qtbot: QtBot) -> None:
    dialog = make_dialog(qtbot)
    qtbot.keyClicks(dialog.edit, "abc")
    assert not dialog.go_button.isEnabled()
    assert dialog.problem.text() == HINT
    with qtbot.assertNotEmitted(dialog.accepted):
        qtbot.keyClick(dialog.edit, Qt.Key.Key_Return)
    assert dialog.isVisible()
    dialog.edit.clear()
    qtbot.keyClicks(dialog.edit, "0")
    assert not dialog.go_button.isEnabled() and dialog.problem.text() == HINT
    dialog.edit.clear()
    assert dialog.problem.text() == ""  # nothing typed is not an error yet


def test_ask_returns_the_id_or_none_on_cancel(qtbot: QtBot) -> None:
    def answer(text: str | None) -> None:
        dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, GoToRecordDialog))
        if text is None:
            dialog.reject()
        else:
            dialog.edit.setText(text)
            dialog.go_button.click()

    QTimer.singleShot(0, lambda: answer("#9"))
    assert GoToRecordDialog.ask(None) == 9
    QTimer.singleShot(0, lambda: answer(None))
    assert GoToRecordDialog.ask(None) is None


def test_controls_have_accessible_names_and_descriptions(qtbot: QtBot) -> None:
    dialog = make_dialog(qtbot)
    buttons = dialog.findChildren(QAbstractButton)
    assert len(buttons) == 2
    for widget in (dialog, dialog.edit, dialog.problem, *buttons):
        assert widget.accessibleName() and widget.accessibleDescription()
