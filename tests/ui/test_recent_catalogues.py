"""The recent catalogues: newest first, each once, at most eight, never with a password."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMenu
from pytestqt.qtbot import QtBot

from catalog.ui import recent_catalogues as recent


def ini(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "catalog.ini"), QSettings.Format.IniFormat)


def test_newest_first_each_once(tmp_path: Path) -> None:
    settings = ini(tmp_path)
    first, second = tmp_path / "a.sqlite", tmp_path / "b.sqlite"
    recent.remember(settings, str(first))
    recent.remember(settings, "postgresql://catalog:secret@db.example.org:5433/team")
    recent.remember(settings, str(second))
    recent.remember(settings, "postgresql+psycopg://catalog:other@db.example.org:5433/team")
    assert recent.recent(ini(tmp_path)) == [
        "postgresql+psycopg://catalog@db.example.org:5433/team",
        str(second),
        str(first),
    ]
    stored = (tmp_path / "catalog.ini").read_bytes()
    assert b"secret" not in stored and b"other" not in stored


def test_a_path_is_kept_absolute_and_one_entry_is_a_list(tmp_path: Path) -> None:
    settings = ini(tmp_path)
    recent.remember(settings, str(tmp_path / "sub" / ".." / "c.sqlite"))
    assert recent.recent(ini(tmp_path)) == [str(tmp_path / "c.sqlite")]


def test_at_most_eight(tmp_path: Path) -> None:
    settings = ini(tmp_path)
    for number in range(12):
        recent.remember(settings, str(tmp_path / f"{number}.sqlite"))
    kept = recent.recent(ini(tmp_path))
    assert kept == [str(tmp_path / f"{n}.sqlite") for n in range(11, 3, -1)]
    assert len(kept) == recent.MAX_RECENT == 8


def test_forget_clear_and_nonsense(tmp_path: Path) -> None:
    settings = ini(tmp_path)
    assert recent.recent(settings) == []
    recent.remember(settings, "sqlite://")  # in memory: nothing to come back to
    recent.remember(settings, "mysql://u@h/db")  # not a catalogue
    assert recent.recent(settings) == []
    recent.remember(settings, str(tmp_path / "a.sqlite"))
    recent.remember(settings, "postgresql://u:pw@h/db")
    recent.forget(settings, "postgresql+psycopg://u:pw@h/db")
    assert recent.recent(settings) == [str(tmp_path / "a.sqlite")]
    recent.clear(settings)
    assert recent.recent(ini(tmp_path)) == []
    settings.setValue(recent.RECENT_KEY, 42)  # a damaged settings file
    assert recent.recent(settings) == []
    assert recent.recent(None) == [] and recent.remember(None, "x.sqlite") == []


def test_the_menu_lists_them_and_clears_them(qtbot: QtBot, tmp_path: Path) -> None:
    settings = ini(tmp_path)
    menu = QMenu()
    qtbot.addWidget(menu)
    chosen: list[str] = []
    recent.install(menu, settings, chosen.append)
    assert [a.text() for a in menu.actions()] == [recent.EMPTY_TEXT]
    assert not menu.actions()[0].isEnabled()
    recent.remember(settings, str(tmp_path / "R&D.sqlite"))
    recent.remember(settings, "postgresql://catalog:pw@db.example.org/team")
    menu.aboutToShow.emit()
    entries = [a for a in menu.actions() if not a.isSeparator()]
    assert [a.text() for a in entries] == [
        "&1 catalog@db.example.org:5432/team",
        f"&2 R&&D.sqlite — {tmp_path}",
        "&Clear the list",
    ]
    entries[1].trigger()
    assert chosen == [str(tmp_path / "R&D.sqlite")]
    entries[2].trigger()
    menu.aboutToShow.emit()
    assert recent.recent(settings) == []
    assert [a.text() for a in menu.actions()] == [recent.EMPTY_TEXT]
