"""PDF report: the HTML report's markup laid out by Qt and written by Qt's own PDF writer.

No external tool is involved: ``QTextDocument`` lays the markup out and ``QPdfWriter``
writes the pages, embedding the fonts it used (subsets, with a ToUnicode map, so text can
be searched and extracted). The markup is the HTML report's (``record_html`` and
``contents_html`` from ``catalog.services.transfer.html_report``), in which every value is
escaped; the document never loads a resource (``loadResource`` refuses every request), so
nothing named in a record can make the writer read a file or the network.

Memory stays bounded, as in the HTML report: the contents come first but the records
arrive once, so each record's markup goes to a temporary file as it arrives and only the
titles are kept. The records are then laid out and painted ``CHUNK`` at a time, each chunk
a document of its own starting on a new page; Qt keeps lines whole across page breaks.
The contents list the titles without page numbers or links (Qt's PDF writer would turn a
``#fragment`` link into an address the viewer cannot follow).
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, TextIO

from PySide6.QtCore import QMarginsF, QRectF, QSizeF, QUrl
from PySide6.QtGui import QFont, QPageLayout, QPageSize, QPainter, QPdfWriter, QTextDocument

from catalog.domain.errors import ExportError
from catalog.domain.records import RecordDetail
from catalog.domain.wording import QT_TRANSLATE_NOOP
from catalog.services.transfer.export_options import EVERY_EXTRA, Extra
from catalog.services.transfer.html_report import (
    CSS,
    contents_html,
    heading,
    record_html,
    text,
)
from catalog.ui.reports.report_words import ReportWords
from catalog.ui.text import refused_resource

CHUNK = 200
"""Records laid out together in one document."""

RESOLUTION = 300
"""Device pixels per inch of the PDF writer (layout units; the PDF itself is vector)."""

MARGIN_MM = 18.0

FONT_FAMILIES = [
    "Noto Serif",
    "DejaVu Serif",
    "Times New Roman",
    # First for Chinese, Japanese and Korean where installed: its characters have glyphs of
    # their own, so text extracts exactly. Noto CJK gives 民 and 黄 the glyphs of the
    # radicals ⺠ and ⻩, and Qt's PDF writer maps a shared glyph back to the lowest code
    # point, so a reader would extract (and search for) the radical.
    "Droid Sans Fallback",
    "Noto Serif CJK KR",
    "Noto Serif CJK SC",
    "Source Han Serif",
    "Batang",
    "SimSun",
    "Noto Sans CJK KR",
    "Noto Sans CJK SC",
]


class _NoResources(QTextDocument):
    """A text document that never loads an image, style sheet or anything else."""

    def loadResource(self, type: int, name: QUrl | str, /) -> Any:  # noqa: N802 (Qt)
        """Refuse every resource: the report is built from text alone."""
        return refused_resource(type)


class PdfReportExporter:
    """Writes records as a printable PDF report, with Qt's own PDF writer."""

    name = "pdf"
    label = QT_TRANSLATE_NOOP("Formats", "PDF report (printable)")
    suffix = ".pdf"
    carries: frozenset[Extra] = EVERY_EXTRA

    def write(self, records: Iterable[RecordDetail], out: Path) -> int:
        """Write every record to ``out``; return how many were written."""
        titles: list[str] = []
        uid = ""
        words = ReportWords()
        try:
            with tempfile.TemporaryFile(
                "w+", encoding="utf-8", newline="\n", dir=out.parent, prefix=".report-"
            ) as body:
                for record in records:
                    uid = record.uid
                    blank = not record.title.split()
                    titles.append(words.untitled if blank else heading(record))
                    markup = words.record(record_html(record, len(titles)), blank)
                    body.write(json.dumps(markup, ensure_ascii=False) + "\n")
                uid = ""
                body.flush()
                body.seek(0)
                self._paint(out, titles, body, words)
        except UnicodeEncodeError:
            raise ExportError.not_unicode(uid) from None
        except OSError as error:
            raise ExportError.cannot_write(out, error) from None
        return len(titles)

    def _paint(self, out: Path, titles: list[str], body: TextIO, words: ReportWords) -> None:
        writer = QPdfWriter(str(out))
        writer.setTitle(words.title)
        writer.setCreator("Catalog")
        writer.setResolution(RESOLUTION)
        writer.setPageLayout(
            QPageLayout(
                QPageSize(QPageSize.PageSizeId.A4),
                QPageLayout.Orientation.Portrait,
                QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM),
                QPageLayout.Unit.Millimeter,
            )
        )
        painter = QPainter()
        if not painter.begin(writer):
            raise ExportError(
                QT_TRANSLATE_NOOP("Errors", "cannot write {path}: the PDF writer could not start"),
                path=out,
            )
        try:
            first = True
            contents = words.contents(contents_html(titles, links=False), len(titles))
            front = f"<h1>{text(words.title)}</h1>\n" + contents
            for markup in (front, *_chunks(body)):
                first = _paint_document(writer, painter, markup, first)
        finally:
            painter.end()
        if not out.exists() or out.stat().st_size == 0:
            raise ExportError(
                QT_TRANSLATE_NOOP("Errors", "cannot write {path}: the PDF writer produced nothing"),
                path=out,
            )


def _chunks(body: TextIO) -> Iterator[str]:
    """The records' markup, ``CHUNK`` records at a time."""
    batch: list[str] = []
    for line in body:
        batch.append(json.loads(line))
        if len(batch) == CHUNK:
            yield "".join(batch)
            batch = []
    if batch:
        yield "".join(batch)


def _paint_document(writer: QPdfWriter, painter: QPainter, markup: str, first: bool) -> bool:
    """Lay ``markup`` out in pages of the writer's size and paint them; False afterwards."""
    document = _NoResources()
    document.documentLayout().setPaintDevice(writer)
    font = QFont()
    font.setFamilies(FONT_FAMILIES)
    font.setPointSizeF(10.5)
    document.setDefaultFont(font)
    document.setDefaultStyleSheet(CSS)
    document.setHtml(markup)
    width, height = float(writer.width()), float(writer.height())
    document.setPageSize(QSizeF(width, height))
    for page in range(document.pageCount()):
        if not first and not writer.newPage():
            raise OSError("the PDF writer could not start a new page")
        first = False
        painter.save()
        painter.translate(0, -page * height)
        document.drawContents(painter, QRectF(0, page * height, width, height))
        painter.restore()
    return first
