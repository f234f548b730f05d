"""Preferences: typed values over a real INI settings file, shared with the Export dialog."""

from __future__ import annotations

import getpass
from pathlib import Path

from PySide6.QtCore import QSettings

from catalog.ui import preferences
from catalog.ui.dialogs.export_choice import load_memory
from catalog.ui.palette import Theme
from catalog.ui.preferences import Preferences
from catalog.ui.record_list.columns import DateDisplay


def ini(path: Path) -> QSettings:
    return QSettings(str(path), QSettings.Format.IniFormat)


CHOSEN = Preferences(
    archivist_name="Nadia  Petrova",
    export_folder=Path("/home/archivist/exports"),
    export_format="csv",
    date_display=DateDisplay.ISO,
    language="de",
    backups_keep=3,
    theme=Theme.DARK,
)


def test_nothing_saved_gives_the_defaults(tmp_path: Path) -> None:
    loaded = preferences.load(ini(tmp_path / "empty.ini"))
    assert loaded == preferences.DEFAULTS
    assert loaded.backups_keep == 7 and loaded.theme is Theme.SYSTEM
    assert loaded.signing_name == getpass.getuser()  # no name given: the login name


def test_a_round_trip_through_an_ini_file(tmp_path: Path) -> None:
    path = tmp_path / "Catalog.ini"
    preferences.save(ini(path), CHOSEN)
    loaded = preferences.load(ini(path))  # a new QSettings reads the file back
    assert loaded == Preferences(**{**CHOSEN.__dict__, "archivist_name": "Nadia Petrova"})
    text = path.read_text(encoding="utf-8")
    for line in ("[backups]", "keep=3", "theme=dark", "date_display=iso", "language=de"):
        assert line in text


def test_the_export_dialog_follows_the_export_preferences(tmp_path: Path) -> None:
    settings = ini(tmp_path / "Catalog.ini")
    preferences.save(settings, CHOSEN)
    memory = load_memory(settings)
    assert (memory.folder, memory.format_name) == (Path("/home/archivist/exports"), "csv")


def test_the_backups_count_is_the_key_the_backups_read(tmp_path: Path) -> None:
    settings = ini(tmp_path / "Catalog.ini")
    preferences.save(settings, CHOSEN)
    assert settings.value("backups/keep") in (3, "3")


def test_unreadable_values_fall_back_to_the_defaults(tmp_path: Path) -> None:
    path = tmp_path / "Catalog.ini"
    path.write_text(
        "[backups]\nkeep=lots\n[ui]\ntheme=purple\ndate_display=roman\n", encoding="utf-8"
    )
    loaded = preferences.load(ini(path))
    assert (loaded.backups_keep, loaded.theme, loaded.date_display) == (
        7,
        Theme.SYSTEM,
        DateDisplay.AS_WRITTEN,
    )
    path.write_text("[backups]\nkeep=5000\n", encoding="utf-8")
    assert preferences.load(ini(path)).backups_keep == preferences.MAX_BACKUPS_KEEP


def test_a_blank_name_is_removed_not_saved(tmp_path: Path) -> None:
    settings = ini(tmp_path / "Catalog.ini")
    settings.setValue("archivist/name", "Old Name")
    preferences.save(settings, Preferences(archivist_name="   "))
    assert not settings.contains("archivist/name")


def test_languages_are_english_and_the_translations_found(tmp_path: Path) -> None:
    assert preferences.languages(tmp_path) == [("en", "English")]
    for name in ("catalog_de.qm", "catalog_ru.qm", "notes.txt"):
        (tmp_path / name).write_bytes(b"")
    found = preferences.languages(tmp_path)
    assert found[0] == ("en", "English")
    assert sorted(code for code, _name in found[1:]) == ["de", "ru"]
    assert dict(found)["de"] == "Deutsch"
    assert preferences.translation_file("de", tmp_path) == tmp_path / "catalog_de.qm"
    assert preferences.translation_file("en", tmp_path) is None
    assert preferences.translation_file("fr", tmp_path) is None
