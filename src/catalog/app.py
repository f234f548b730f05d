"""Composition root: settings → service → job runner → main window. No logic lives here."""

from __future__ import annotations

import sys

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from catalog.domain.errors import CatalogError
from catalog.services.catalog import CatalogService
from catalog.settings import APP_NAME, resolve_target
from catalog.ui.dialogs import messages
from catalog.ui.dialogs.archivist_name import saved_name
from catalog.ui.jobs.runner import JobRunner
from catalog.ui.reports import add_qt_exporters
from catalog.ui.shell.main_window import MainWindow


def make_application() -> QApplication:
    """The QApplication (the existing one, when a test or script made it first)."""
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setDesktopFileName("catalog")
    return app


def run_window(db: str | None) -> int:
    """Open the catalogue (``--db``, ``$CATALOG_DB`` or the default) in the window."""
    app = make_application()
    try:
        settings = QSettings()
        service = CatalogService.open(resolve_target(db), user=saved_name(settings))
    except CatalogError as error:
        messages.fatal("Catalog cannot open the catalogue", str(error))
        return 1
    add_qt_exporters(service.registry)
    runner = JobRunner()
    try:
        window = MainWindow(service, runner, settings=settings)
        window.show()
        return app.exec()
    finally:
        runner.shutdown()
        service.close()
