"""Edit → Preferences: the form, and what the window does with the answer."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from catalog.ui import preferences
from catalog.ui.dialogs.preferences import LANGUAGE_NOTE, PreferencesDialog
from catalog.ui.jobs.runner import ImmediateJobRunner
from catalog.ui.palette import Theme, apply_theme, is_dark
from catalog.ui.preferences import Preferences
from catalog.ui.record_list.columns import DateDisplay, set_date_display
from catalog.ui.shell.actions import ActionId
from catalog.ui.shell.main_window import MainWindow
from tests.ui.conftest import open_message_boxes
from tests.ui.fakes import FakeCatalogService

FORMATS = [("json", "Catalog JSON (.json)"), ("csv", "CSV (.csv)")]
LANGUAGES = [("en", "English"), ("de", "Deutsch")]


@pytest.fixture(autouse=True)
def _restore_look(qapp: QApplication) -> Iterator[None]:
    """Preferences change the whole application: give the defaults back."""
    yield
    apply_theme(Theme.SYSTEM)
    set_date_display(DateDisplay.AS_WRITTEN)


def make_dialog(qtbot: QtBot, current: Preferences = preferences.DEFAULTS) -> PreferencesDialog:
    dialog = PreferencesDialog(current, FORMATS, LANGUAGES)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_the_form_shows_the_current_preferences(qtbot: QtBot) -> None:
    current = Preferences("Nadia", Path("/data/out"), "csv", DateDisplay.ISO, "de", 3, Theme.DARK)
    dialog = make_dialog(qtbot, current)
    assert dialog.name.text() == "Nadia"
    assert dialog.folder.text() == "/data/out"
    assert dialog.export_format.currentData() == "csv"
    assert dialog.dates.currentData() == DateDisplay.ISO
    assert dialog.language.currentText() == "Deutsch"
    assert dialog.backups.value() == 3
    assert dialog.theme.currentData() == Theme.DARK
    assert dialog.value() == current


def test_edits_come_back_as_preferences(qtbot: QtBot) -> None:
    dialog = make_dialog(qtbot)
    qtbot.keyClicks(dialog.name, "  Kim   Mi-ra ")
    qtbot.keyClicks(dialog.folder, "/tmp/exports")
    dialog.export_format.setCurrentIndex(1)
    dialog.dates.setCurrentIndex(dialog.dates.findData(DateDisplay.ISO))
    dialog.backups.setValue(12)
    dialog.theme.setCurrentIndex(dialog.theme.findData(Theme.LIGHT))
    assert dialog.value() == Preferences(
        "Kim Mi-ra", Path("/tmp/exports"), "csv", DateDisplay.ISO, "en", 12, Theme.LIGHT
    )


def test_choosing_another_language_says_the_window_reopens_in_it(qtbot: QtBot) -> None:
    dialog = make_dialog(qtbot)
    assert not dialog.restart_note.isVisible()
    dialog.language.setCurrentIndex(dialog.language.findData("de"))
    assert dialog.restart_note.isVisible() and dialog.restart_note.text() == LANGUAGE_NOTE
    assert "reopens in the chosen language" in LANGUAGE_NOTE


def test_every_control_has_an_accessible_name(qtbot: QtBot) -> None:
    dialog = make_dialog(qtbot)
    controls = (QLineEdit, QComboBox, QAbstractSpinBox, QAbstractButton)
    unnamed = [
        w.objectName() or type(w).__name__
        for w in dialog.findChildren(QWidget)
        if isinstance(w, controls)
        and not isinstance(w.parent(), QAbstractSpinBox)  # the spin box's own line edit
        and w.isVisibleTo(dialog)
        and not w.accessibleName()
    ]
    assert unnamed == []


# ---------------------------------------------------------------------- the window


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path) -> MainWindow:
    settings = QSettings(str(tmp_path / "Catalog.ini"), QSettings.Format.IniFormat)
    window = MainWindow(FakeCatalogService.with_sample(), ImmediateJobRunner(), settings=settings)
    qtbot.addWidget(window)
    with qtbot.waitActive(window):
        window.show()
    return window


def answer(monkeypatch: pytest.MonkeyPatch, chosen: Preferences | None) -> list[Preferences]:
    """Make the dialog answer ``chosen``; returns the preferences it was shown with."""
    shown: list[Preferences] = []

    def ask(cls: Any, parent: Any, current: Preferences, *_: Any) -> Preferences | None:
        shown.append(current)
        return chosen

    monkeypatch.setattr(PreferencesDialog, "ask", classmethod(ask))
    return shown


def test_ctrl_comma_opens_the_preferences_from_the_search_box(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown = answer(monkeypatch, None)
    window.sidebar.focus_search()
    qtbot.keyClick(
        window.sidebar.search_box.edit, Qt.Key.Key_Comma, Qt.KeyboardModifier.ControlModifier
    )
    assert shown == [preferences.DEFAULTS]


def test_ok_saves_and_applies_theme_and_dates_at_once(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    model = window.record_list.records
    assert model.index(0, 0).data() == "December 06, 1955"
    chosen = Preferences(date_display=DateDisplay.ISO, theme=Theme.DARK, backups_keep=4)
    answer(monkeypatch, chosen)
    changed: list[Any] = []
    model.dataChanged.connect(lambda first, last: changed.append((first.column(), last.row())))
    window.window_actions[ActionId.PREFERENCES].trigger()
    assert model.index(0, 0).data() == "1955-12-06"
    assert changed == [(0, model.rowCount() - 1)]  # the views repaint the dates
    assert is_dark(QApplication.palette())
    saved = QSettings(str(tmp_path / "Catalog.ini"), QSettings.Format.IniFormat)
    assert preferences.load(saved) == chosen
    assert open_message_boxes() == []  # nothing needs a restart


def test_a_new_language_is_saved_and_announced_to_the_window_s_owner(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """The switcher that owns the window rebuilds it (test_interface_language.py)."""
    answer(monkeypatch, Preferences(language="de"))
    chosen: list[str] = []
    window.help.language_chosen.connect(chosen.append)
    window.window_actions[ActionId.PREFERENCES].trigger()
    assert chosen == ["de"]
    saved = QSettings(str(tmp_path / "Catalog.ini"), QSettings.Format.IniFormat)
    assert preferences.load(saved).language == "de"
    assert open_message_boxes() == []


def test_cancel_changes_nothing(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    answer(monkeypatch, None)
    window.window_actions[ActionId.PREFERENCES].trigger()
    assert not (tmp_path / "Catalog.ini").exists() or "theme" not in (
        tmp_path / "Catalog.ini"
    ).read_text(encoding="utf-8")
    assert window.record_list.records.index(0, 0).data() == "December 06, 1955"
