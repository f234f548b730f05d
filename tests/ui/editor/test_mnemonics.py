"""The record editor's Alt+letter keys: each letter once, and each lands in its field."""

from __future__ import annotations

import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

from PySide6.QtCore import Qt, QTranslator
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QTabWidget
from pytestqt.qtbot import QtBot

from catalog.ui.editor import RecordEditorDialog
from tests.ui.editor.conftest import OpenEditor

RUSSIAN_TS = Path(__file__).resolve().parents[3] / "resources" / "translations" / "catalog_ru.ts"
MNEMONIC = re.compile(r"&([^&\s])")


def mnemonics(dialog: RecordEditorDialog) -> list[str]:
    """The letter after each "&" of the labels, buttons and tabs that carry one."""
    texts = [label.text() for label in dialog.findChildren(QLabel) if label.buddy() is not None]
    texts += [button.text() for button in dialog.findChildren(QAbstractButton)]
    for tabs in dialog.findChildren(QTabWidget):
        texts += [tabs.tabText(index) for index in range(tabs.count())]
    return [m.group(1).casefold() for text in texts if (m := MNEMONIC.search(text))]


def test_no_two_controls_share_a_letter(open_editor: OpenEditor) -> None:
    dialog = open_editor(None)
    letters = mnemonics(dialog)
    assert len(letters) >= 15
    assert [letter for letter, n in Counter(letters).items() if n > 1] == []


def test_alt_letter_puts_the_cursor_in_the_date_and_the_value_fields(
    qtbot: QtBot, open_editor: OpenEditor
) -> None:
    dialog = open_editor(None)
    for letter, field in (
        (Qt.Key.Key_D, dialog.form.date.edit),
        (Qt.Key.Key_L, dialog.form.languages.edit),
        (Qt.Key.Key_G, dialog.form.tags.edit),
    ):
        qtbot.keyClick(QApplication.focusWidget(), letter, Qt.KeyboardModifier.AltModifier)
        assert QApplication.focusWidget() is field, letter


def test_no_two_controls_share_a_letter_in_russian(
    open_editor: OpenEditor, tmp_path: Path, qapp: QApplication
) -> None:
    compiled = tmp_path / "catalog_ru.qm"
    lrelease = Path(sys.executable).parent / "pyside6-lrelease"
    subprocess.run([lrelease, "-silent", RUSSIAN_TS, "-qm", compiled], check=True)
    translator = QTranslator()
    assert translator.load(str(compiled))
    qapp.installTranslator(translator)
    try:
        dialog = open_editor(None)
        letters = mnemonics(dialog)
    finally:
        qapp.removeTranslator(translator)
    assert "з" in letters  # З&аголовок: the Russian labels are on show
    assert [letter for letter, n in Counter(letters).items() if n > 1] == []
