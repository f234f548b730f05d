"""The sort order dialog: every language named in itself, the current one chosen."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from catalog.domain.collation import ROOT, SORT_LANGUAGES, sort_key
from catalog.ui.dialogs import sort_language
from catalog.ui.dialogs.sort_language import SortLanguageDialog, language_label

pytest.importorskip("icu", reason="PyICU is not installed (Linux installs it)")


def _labels(dialog: SortLanguageDialog) -> list[str]:
    return [dialog.combo.itemText(i) for i in range(dialog.combo.count())]


def test_every_order_is_offered_the_default_first_and_the_current_chosen(qtbot: QtBot) -> None:
    dialog = SortLanguageDialog("sv")
    qtbot.addWidget(dialog)
    labels = _labels(dialog)
    assert labels[0] == "Every language: Unicode's default order"
    assert len(labels) == len(set(labels)) == len(SORT_LANGUAGES)
    assert {"svenska", "русский", "Deutsch (Telefonbuch: ä = ae)", "中文 (拼音)"} <= set(labels)
    assert labels[1:] == sorted(labels[1:], key=sort_key)  # čeština with the c's
    assert dialog.language() == "sv" and dialog.combo.currentText() == "svenska"
    assert dialog.combo.accessibleName() and dialog.combo.isEnabled()


def test_choosing_with_the_keyboard(qtbot: QtBot) -> None:
    dialog = SortLanguageDialog(ROOT)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.combo.setFocus()
    qtbot.keyClick(dialog.combo, Qt.Key.Key_End)  # the last language
    last = dialog.combo.itemData(dialog.combo.count() - 1)
    assert dialog.language() == last != ROOT
    with qtbot.waitSignal(dialog.accepted):
        qtbot.keyClick(dialog.combo, Qt.Key.Key_Return)


def test_without_icu_only_the_default_order_is_there(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sort_language, "icu_available", lambda: False)
    dialog = SortLanguageDialog(ROOT)
    qtbot.addWidget(dialog)
    assert not dialog.combo.isEnabled()
    explanation = dialog.findChild(QLabel, "sortLanguageExplanation")
    assert explanation is not None and "PyICU" in explanation.text()


def test_a_language_without_a_variant_is_named_by_qt() -> None:
    assert language_label("ru") == "русский" and language_label("ja") == "日本語"
    assert language_label("es") == "español"
