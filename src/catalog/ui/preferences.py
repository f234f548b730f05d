"""The user's preferences: typed values over QSettings, read and written in one place.

Nothing else parses these keys by hand. They are shared with the parts that use them:
``archivist/name`` (the archivist's name dialog), ``export/folder`` and ``export/format``
(the Export dialog's remembered choices), ``backups/keep`` (the automatic backups).
"""

from __future__ import annotations

import getpass
import sys
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QLocale, QSettings

from catalog.ui.dialogs.archivist_name import SETTINGS_KEY as NAME_KEY
from catalog.ui.palette import Theme
from catalog.ui.record_list.columns import DateDisplay

EXPORT_FOLDER_KEY = "export/folder"
EXPORT_FORMAT_KEY = "export/format"
DATE_DISPLAY_KEY = "ui/date_display"
LANGUAGE_KEY = "ui/language"
BACKUPS_KEEP_KEY = "backups/keep"
THEME_KEY = "ui/theme"

ENGLISH = "en"
"""The language the interface is written in (no translation file needed)."""
DEFAULT_BACKUPS_KEEP = 7
"""The automatic backups kept when the setting is absent (as the backups themselves do)."""
MAX_BACKUPS_KEEP = 100

TRANSLATIONS = Path("resources") / "translations"
"""Where the interface's translations (``catalog_<language>.qm``) ship."""


@dataclass(frozen=True)
class Preferences:
    """Everything Edit → Preferences sets.

    Attributes:
        archivist_name: the name that signs notes and changes ("" for the login name).
        export_folder: the folder the Export dialog starts in (None: the documents folder).
        export_format: the format the Export dialog offers first ("" for its own first).
        date_display: how the record list shows dates.
        language: the interface's language code ("en", or a translation's).
        backups_keep: how many automatic backups a catalogue file keeps.
        theme: system, light or dark.
    """

    archivist_name: str = ""
    export_folder: Path | None = None
    export_format: str = ""
    date_display: DateDisplay = DateDisplay.AS_WRITTEN
    language: str = ENGLISH
    backups_keep: int = DEFAULT_BACKUPS_KEEP
    theme: Theme = Theme.SYSTEM

    @property
    def signing_name(self) -> str:
        """The name that signs notes and changes: the one given, else the login name."""
        return " ".join(self.archivist_name.split()) or getpass.getuser()


DEFAULTS = Preferences()


def _text(settings: QSettings, key: str) -> str:
    value = settings.value(key, "")
    return value.strip() if isinstance(value, str) else ""


def _count(value: object) -> int:
    try:
        number = int(str(value))
    except ValueError:
        return DEFAULT_BACKUPS_KEEP
    return min(max(number, 1), MAX_BACKUPS_KEEP)


def load(settings: QSettings) -> Preferences:
    """The saved preferences; a missing or unreadable value gives its default."""
    folder = _text(settings, EXPORT_FOLDER_KEY)
    dates = _text(settings, DATE_DISPLAY_KEY)
    theme = _text(settings, THEME_KEY)
    return Preferences(
        archivist_name=_text(settings, NAME_KEY),
        export_folder=Path(folder) if folder else None,
        export_format=_text(settings, EXPORT_FORMAT_KEY),
        date_display=DateDisplay(dates) if dates in set(DateDisplay) else DEFAULTS.date_display,
        language=_text(settings, LANGUAGE_KEY) or ENGLISH,
        backups_keep=_count(settings.value(BACKUPS_KEEP_KEY, DEFAULT_BACKUPS_KEEP)),
        theme=Theme(theme) if theme in set(Theme) else DEFAULTS.theme,
    )


def save(settings: QSettings, preferences: Preferences) -> None:
    """Write every preference (and flush them to disk)."""
    name = " ".join(preferences.archivist_name.split())
    if name:
        settings.setValue(NAME_KEY, name)
    else:
        settings.remove(NAME_KEY)
    if preferences.export_folder is None:
        settings.remove(EXPORT_FOLDER_KEY)
    else:
        settings.setValue(EXPORT_FOLDER_KEY, str(preferences.export_folder))
    settings.setValue(EXPORT_FORMAT_KEY, preferences.export_format)
    settings.setValue(DATE_DISPLAY_KEY, preferences.date_display.value)
    settings.setValue(LANGUAGE_KEY, preferences.language)
    settings.setValue(BACKUPS_KEEP_KEY, _count(preferences.backups_keep))
    settings.setValue(THEME_KEY, preferences.theme.value)
    settings.sync()


# ---------------------------------------------------------------- languages


def translations_folder() -> Path | None:
    """``resources/translations`` of the frozen app, else of the source tree (or None)."""
    bundle = getattr(sys, "_MEIPASS", None)
    roots = [Path(bundle)] if isinstance(bundle, str) else []
    roots.append(Path(__file__).resolve().parents[3])
    return next((p for root in roots if (p := root / TRANSLATIONS).is_dir()), None)


def translation_file(language: str, folder: Path | None = None) -> Path | None:
    """The ``.qm`` file of a language, or None (English needs none)."""
    folder = folder or translations_folder()
    if language == ENGLISH or folder is None:
        return None
    found = [folder / f"catalog_{language}.qm", folder / f"{language}.qm"]
    return next((path for path in found if path.is_file()), None)


def languages(folder: Path | None = None) -> list[tuple[str, str]]:
    """(code, name) of English and of every translation found, English first."""
    folder = folder or translations_folder()
    codes = set()
    if folder is not None:
        codes = {p.stem.removeprefix("catalog_") for p in folder.glob("*.qm") if p.is_file()}
    codes.discard(ENGLISH)
    found = [(code, language_name(code)) for code in codes]
    return [(ENGLISH, "English"), *sorted(found, key=lambda item: item[1].casefold())]


def language_name(code: str) -> str:
    """A language's own name ("Deutsch", "русский"), else its code."""
    locale = QLocale(code)
    if locale.language() == QLocale.Language.C:
        return code
    native = locale.nativeLanguageName()
    return f"{native[:1].upper()}{native[1:]}" if native else code
