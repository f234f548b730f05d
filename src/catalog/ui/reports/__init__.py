"""Reports the UI layer writes with Qt: the PDF report."""

from catalog.ui.reports.pdf_report import PdfReportExporter

__all__ = ["PdfReportExporter"]
