"""What the window's application does once at start: the user's theme, date display and
language, and the hooks that turn an uncaught exception into a dialog and a log entry."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QSettings, QTranslator
from PySide6.QtWidgets import QApplication

from catalog.ui import preferences
from catalog.ui.palette import apply_theme
from catalog.ui.record_list.columns import set_date_display
from catalog.ui.shell.bugs import BugReporter, ExceptionHooks

TRANSLATIONS = QLibraryInfo.LibraryPath.TranslationsPath


def install_translators(
    app: QApplication, language: str, folder: Path | None = None
) -> list[QTranslator]:
    """Load Catalog's translation of ``language`` and Qt's own (its standard buttons);
    English, or a language with no translation, loads nothing."""
    if language == preferences.ENGLISH:
        return []
    loaded: list[QTranslator] = []
    own = preferences.translation_file(language, folder)
    if own is not None:
        catalog = QTranslator(app)
        if catalog.load(str(own)):
            loaded.append(catalog)
    qt = QTranslator(app)
    if qt.load(QLocale(language), "qtbase", "_", QLibraryInfo.path(TRANSLATIONS)):
        loaded.append(qt)
    return [translator for translator in loaded if app.installTranslator(translator)]


def use_language(app: QApplication, language: str, folder: Path | None = None) -> None:
    """Swap the installed translators for those of ``language`` (English: none). Text
    already shown keeps its language; windows made from now on take the new one."""
    for translator in app.findChildren(QTranslator):
        app.removeTranslator(translator)
        translator.deleteLater()
    install_translators(app, language, folder)


def prepare(app: QApplication, settings: QSettings) -> ExceptionHooks:
    """Apply the saved preferences and install the exception hooks (the caller uninstalls
    them when the application ends)."""
    chosen = preferences.load(settings)
    apply_theme(chosen.theme, app)
    set_date_display(chosen.date_display)
    install_translators(app, chosen.language)
    hooks = ExceptionHooks(BugReporter())
    hooks.install()
    return hooks
