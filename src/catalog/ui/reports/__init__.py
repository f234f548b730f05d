"""Reports the UI layer writes with Qt: the PDF report."""

from __future__ import annotations

import os

from catalog.services.transfer.registry import Registry
from catalog.ui.reports.pdf_report import PdfReportExporter

__all__ = ["PdfReportExporter", "add_qt_exporters"]


def add_qt_exporters(registry: Registry) -> None:
    """Add the exporters that need Qt (the PDF report) to a registry.

    The command line has no window: it lays the report out with an offscreen
    application of its own.
    """
    from PySide6.QtGui import QGuiApplication

    if QGuiApplication.instance() is None:
        if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        # Kept for the life of the process: Qt must not be torn down under its objects.
        _APPLICATIONS.append(QGuiApplication([]))
    registry.exporters.setdefault(PdfReportExporter.name, PdfReportExporter())


_APPLICATIONS: list[object] = []
