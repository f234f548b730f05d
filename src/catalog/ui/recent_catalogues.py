"""The catalogues opened lately: a list in the settings, newest first, and File → Open recent.

Entries are public targets (a file's absolute path, a server URL without its password);
a password is never written here.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QMenu

from catalog.domain.errors import StorageUnavailable
from catalog.services.locations import describe, public_target
from catalog.ui.translation import QT_TRANSLATE_NOOP

RECENT_KEY = "catalogues/recent"
MAX_RECENT = 8
EMPTY_TEXT = QT_TRANSLATE_NOOP("RecentCatalogues", "No recent catalogues")
"""The menu's only entry when the list is empty (in English; the menu translates it)."""


def recent(settings: QSettings | None) -> list[str]:
    """The remembered catalogues, newest first."""
    if settings is None:
        return []
    stored = settings.value(RECENT_KEY, [])
    # QSettings hands back a lone string for a list of one, and None for an empty list.
    entries = [stored] if isinstance(stored, str) else stored
    if not isinstance(entries, list):
        return []
    return [entry for entry in entries if isinstance(entry, str) and entry][:MAX_RECENT]


def _store(settings: QSettings, entries: list[str]) -> None:
    settings.setValue(RECENT_KEY, entries[:MAX_RECENT])
    settings.sync()


def remember(settings: QSettings | None, target: str) -> list[str]:
    """Put a catalogue that opened at the top of the list (once, without its password)."""
    if settings is None:
        return []
    try:
        entry = public_target(target)
    except StorageUnavailable:
        entry = None
    entries = recent(settings)
    if entry is None:
        return entries
    entries = [entry, *(e for e in entries if e != entry)][:MAX_RECENT]
    _store(settings, entries)
    return entries


def forget(settings: QSettings | None, target: str) -> None:
    """Take a catalogue off the list (a file that is gone)."""
    if settings is None:
        return
    try:
        entry = public_target(target) or target
    except StorageUnavailable:
        entry = target
    _store(settings, [e for e in recent(settings) if e not in (entry, target)])


def clear(settings: QSettings | None) -> None:
    """Empty the list."""
    if settings is not None:
        _store(settings, [])


def install(menu: QMenu, settings: QSettings | None, choose: Callable[[str], None]) -> None:
    """Fill ``menu`` with the recent catalogues each time it opens; ``choose`` gets the one
    picked."""
    menu.setObjectName("recentMenu")
    menu.setToolTipsVisible(True)
    menu.aboutToShow.connect(lambda: fill(menu, settings, choose))
    fill(menu, settings, choose)


def fill(menu: QMenu, settings: QSettings | None, choose: Callable[[str], None]) -> None:
    """Rebuild the menu's entries from the settings."""
    menu.clear()
    entries = recent(settings)
    if not entries:
        menu.addAction(QCoreApplication.translate("RecentCatalogues", EMPTY_TEXT)).setEnabled(False)
        return
    for number, target in enumerate(entries, start=1):
        label = describe(target).replace("&", "&&")
        action = menu.addAction(f"&{number} {label}" if number < 10 else label)
        action.setToolTip(target)
        action.setStatusTip(
            QCoreApplication.translate("RecentCatalogues", "Open the catalogue {0}").format(target)
        )
        action.setObjectName(f"recentCatalogue{number}")
        action.triggered.connect(lambda _checked=False, t=target: choose(t))
    menu.addSeparator()
    clear_action = menu.addAction(QCoreApplication.translate("RecentCatalogues", "&Clear the list"))
    clear_action.setStatusTip(
        QCoreApplication.translate("RecentCatalogues", "Forget the catalogues opened lately.")
    )
    clear_action.setObjectName("clearRecentCatalogues")
    clear_action.triggered.connect(lambda: clear(settings))
