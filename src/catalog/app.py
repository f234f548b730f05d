"""Composition root: settings → service → job runner → main window. No logic lives here."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from catalog import logs
from catalog.resources import APP_ID, ICON, resource_path
from catalog.services.backups import DEFAULT_KEEP
from catalog.services.catalog import CatalogService
from catalog.settings import APP_NAME, resolve_target
from catalog.ui import startup
from catalog.ui.dialogs.archivist_name import saved_name
from catalog.ui.dialogs.restore_offer import open_or_restore
from catalog.ui.jobs.runner import JobRunner
from catalog.ui.reports import add_qt_exporters
from catalog.ui.shell.switching import CatalogueSwitcher

CONNECT_TIMEOUT_S = 10
BACKUPS_KEEP = "backups/keep"  # how many automatic backups a catalogue file keeps


def make_application() -> QApplication:
    """The QApplication (the existing one, when a test or script made it first)."""
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setDesktopFileName(APP_ID)
    icon = resource_path(ICON)
    app.setWindowIcon(QIcon(str(icon)) if icon else QIcon.fromTheme(APP_ID))
    return app


def kept(settings: QSettings) -> int:
    """How many automatic backups to keep (the ``backups/keep`` setting, default 7)."""
    try:
        return max(1, int(str(settings.value(BACKUPS_KEEP, DEFAULT_KEEP))))
    except ValueError:
        return DEFAULT_KEEP


def run_window(db: str | None, files: Sequence[Path] = ()) -> int:
    """Open the catalogue (``--db``, ``$CATALOG_DB`` or the default) in the window, then
    the Import dialog on ``files`` if any (``catalog FILE``, as the desktop entry starts it).

    A server URL without a password takes the one the system keyring keeps, else the
    Connect dialog asks for it. File → Connect and File → Open recent switch catalogues.
    """
    logs.setup_logging()  # a rotating catalog.log in the user's log folder
    app = make_application()
    # A server that does not answer fails within seconds instead of freezing the window.
    os.environ.setdefault("PGCONNECT_TIMEOUT", str(CONNECT_TIMEOUT_S))
    settings = QSettings()
    hooks = startup.prepare(app, settings)  # theme, dates, language; bugs shown and logged

    def open_service(target: str) -> CatalogService:
        # The window holds a file's single-writer lock and backs it up on close and daily;
        # a damaged file is offered its newest good backup.
        service = open_or_restore(
            lambda: CatalogService.open(
                target,
                user=saved_name(settings),
                lock=True,
                keep_backups=kept(settings),
                sort_keys_now=False,  # a job with progress once the window shows
            )
        )
        add_qt_exporters(service.registry)
        service.start_upkeep()  # the daily backup, when due, off the UI thread
        return service

    switcher = CatalogueSwitcher(open_service, JobRunner, settings)
    try:
        if not switcher.start(resolve_target(db)):
            return 1
        window = switcher.window
        if files and window is not None:
            QTimer.singleShot(0, lambda: window.operations.import_paths(files))
        return app.exec()
    finally:
        switcher.close()
        hooks.uninstall()
