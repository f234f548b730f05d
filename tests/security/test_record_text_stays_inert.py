"""Markup in a record is shown as text: it never loads a file, a page or a style sheet.

Records whose titles, summaries, names, tags, notes and attachment details hold
``<img src="file:...">`` (absolute, and relative to the working folder), images and style
sheets on a listener on 127.0.0.1, ``<a href="file:...">``, ``<script>`` and ``<style>``
are shown in the real window over a real SQLite catalogue: the record list (text and
tooltips, a tooltip really shown), the detail pane, the facet sidebar, the editor dialog;
then written as the HTML and PDF reports and as citations. Afterwards the canary file was
never opened (inotify) and the listener never called.

Qt renders a tooltip, and a label left at AutoText, as rich text when it looks like
markup, and a rich-text document loads the images it names. So besides painting
everything (``grab``), every label and tooltip on screen is rendered here the way Qt
would render it, in a document that records the resources it asks for: none may be
asked for, and each must read as the record's text.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QEvent, QModelIndex, Qt, QUrl
from PySide6.QtGui import QHelpEvent, QImage, QTextDocument
from PySide6.QtGui import Qt as GuiQt  # Qt.mightBeRichText lives in QtGui
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLabel, QTextEdit, QWidget
from pytestqt.qtbot import QtBot

from catalog.domain.drafts import AttachmentChoice, NameChoice, RecordDraft
from catalog.domain.records import AuthorityKind, Role
from catalog.services.catalog import CatalogService
from catalog.services.citations import CitationStyle
from catalog.services.editing.authorities import AuthorityRow
from catalog.services.editing.bulk import FieldChange
from tests.security.conftest import Canary, Listener

TIMEOUT = 10_000


# ----------------------------------------------------------------------------- the text


@dataclass(frozen=True)
class Hostile:
    canary: Canary
    listener: Listener

    @property
    def pieces(self) -> list[str]:
        return [
            f'<img src="{self.canary.url}">',
            '<img src="canary.txt">',  # relative: resolved against the working folder
            f'<img src="{self.listener.url("img.png")}">',
            f'<a href="{self.canary.url}">open me</a>',
            "<script>alert('x')</script>",
            f"<style>@import url({self.listener.url('import.css')});</style>",
            f'<link rel="stylesheet" href="{self.listener.url("link.css")}">',
            f'<table background="{self.canary.url}"><tr><td>cell</td></tr></table>',
            "&lt;b&gt; and <b>bold</b>",
        ]

    def line(self, n: int) -> str:
        return self.pieces[n % len(self.pieces)]

    @property
    def all(self) -> str:
        return "\n".join(self.pieces)


@pytest.fixture
def hostile(canary: Canary, listener: Listener, monkeypatch: pytest.MonkeyPatch) -> Hostile:
    monkeypatch.chdir(canary.path.parent)  # so that "canary.txt" names the canary
    return Hostile(canary, listener)


@pytest.fixture
def service(tmp_path: Path, hostile: Hostile) -> Iterator[CatalogService]:
    service = CatalogService.open(tmp_path / "inert.sqlite", user="tester", cache_dir=tmp_path)
    editor = service.editor
    assert editor is not None
    for n, piece in enumerate(hostile.pieces):
        names = tuple(
            NameChoice(kind, f"{piece} {kind.value}", role)
            for kind, role in (
                (AuthorityKind.PERSON, Role.AUTHOR),
                (AuthorityKind.ORGANISATION, Role.MENTIONED),
                (AuthorityKind.PLACE, Role.MENTIONED),
                (AuthorityKind.SUBJECT, Role.SUBJECT),
            )
        )
        record_id, _ = editor.create_record(
            RecordDraft(
                title=piece if n % 2 else f"Letter {piece}",
                date_text="1959",
                summary=hostile.all,
                doc_type=f"{piece} type",
                languages=(f"{piece} language",),
                archive=f"{piece} archive",
                source_ref=f"{piece} ref",
                classification=piece,
                collections=(f"{piece} collection",),
                tags=(f"{piece} tag",),
                names=names,
                attachments=(AttachmentChoice("scans/scan.pdf", piece, piece, piece),),
            )
        )
        editor.add_note(record_id, hostile.all)
    try:
        yield service
    finally:
        service.close()


# ----------------------------------------------------------------------------- rendering


class _Recording(QTextDocument):
    """A document that records every resource its content asks for, and loads none.

    (A blank image, not None, answers for an image: given None, Qt's image handler would
    open the name as a file itself.)
    """

    def __init__(self) -> None:
        super().__init__()
        self.requests: list[str] = []

    def loadResource(self, kind: int, name: QUrl) -> Any:
        self.requests.append(name.toString())
        return QImage(1, 1, QImage.Format.Format_ARGB32) if kind == IMAGE else None


IMAGE = QTextDocument.ResourceType.ImageResource


def rendered(text: str, text_format: Qt.TextFormat = Qt.TextFormat.AutoText) -> _Recording:
    """``text`` laid out as Qt lays out a tooltip or a label in ``text_format``."""
    document = _Recording()
    rich = text_format == Qt.TextFormat.RichText or (
        text_format == Qt.TextFormat.AutoText and GuiQt.mightBeRichText(text)
    )
    if rich:
        document.setHtml(text)
    else:
        document.setPlainText(text)
    document.setTextWidth(400)
    document.documentLayout().documentSize()  # images are asked for during layout
    return document


def assert_inert(text: str, where: str, text_format: Qt.TextFormat = Qt.TextFormat.AutoText) -> str:
    """The text as a person sees it; fails if showing it would load anything."""
    document = rendered(text, text_format)
    assert document.requests == [], f"{where} would load {document.requests}: {text!r}"
    return document.toPlainText()


def test_the_rendering_check_catches_markup(qapp: QApplication, hostile: Hostile) -> None:
    """Unescaped, these pieces make a document ask for the canary and the listener."""
    asked = rendered(hostile.all).requests
    assert hostile.canary.url in asked and "canary.txt" in asked
    assert hostile.listener.url("img.png") in asked
    assert rendered(hostile.all, Qt.TextFormat.PlainText).requests == []
    assert hostile.canary.opened() == 0


def test_documents_that_lay_out_record_text_refuse_images_for_real(
    qapp: QApplication, hostile: Hostile
) -> None:
    """The detail pane's document, and any built on ``refused_resource`` (the PDF
    report's), refuse an image so that Qt does not fall back to opening the file itself:
    a second wall behind the escaping, should markup ever reach them."""
    from catalog.ui.detail_pane.document import RecordView
    from catalog.ui.text import refused_resource

    class Refusing(QTextDocument):
        def loadResource(self, kind: int, name: QUrl) -> Any:
            return refused_resource(kind)

    class Unguarded(QTextDocument):  # what returning None alone would do
        def loadResource(self, kind: int, name: QUrl) -> Any:
            return None

    view = RecordView()
    for document in (view.document(), Refusing()):
        document.setHtml(hostile.all)
        document.setTextWidth(400)
        document.documentLayout().documentSize()
    assert hostile.canary.opened() == 0
    unguarded = Unguarded()
    unguarded.setHtml(hostile.all)
    unguarded.setTextWidth(400)
    unguarded.documentLayout().documentSize()
    if hostile.canary.watch.count() is not None:
        assert hostile.canary.opened() >= 1, "Qt no longer opens an image itself: simplify"


def _looks_hostile(text: str) -> bool:
    return any(mark in text for mark in ("<img", "<script", "<style", "<a ", "<table", "<link"))


def check_widgets(root: QWidget | None = None) -> int:
    """Every label and tooltip showing record text (under ``root``, or anywhere) is inert
    and reads literally; returns how many were checked."""
    checked = 0
    widgets = root.findChildren(QWidget) if root is not None else QApplication.allWidgets()
    for widget in widgets:
        if isinstance(widget, QLabel) and _looks_hostile(widget.text()):
            seen = assert_inert(
                widget.text(), widget.objectName() or "a label", widget.textFormat()
            )
            assert _looks_hostile(seen), f"the label {widget.objectName()} hides the text"
            checked += 1
        tip = widget.toolTip()
        if tip:
            assert_inert(tip, f"the tooltip of {widget.objectName() or type(widget).__name__}")
            checked += 1
        if isinstance(widget, QTextEdit):  # QTextBrowser too
            assert "<img" not in widget.document().toHtml(), "an image in a text view"
        if isinstance(widget, QAbstractItemView) and widget.model() is not None:
            checked += check_model(widget.model())
    return checked


def check_model(model: Any, parent: QModelIndex | None = None) -> int:
    """Every cell's tooltip is inert and shows the markup of its cell as text."""
    parent = parent or QModelIndex()
    checked = 0
    for row in range(model.rowCount(parent)):
        for column in range(_columns(model, parent)):
            index = model.index(row, column, parent)
            tip = index.data(Qt.ItemDataRole.ToolTipRole)
            if isinstance(tip, str) and tip:
                seen = assert_inert(tip, f"the tooltip of {type(model).__name__}[{row},{column}]")
                shown = index.data(Qt.ItemDataRole.DisplayRole)
                if isinstance(shown, str) and _looks_hostile(shown):
                    assert _looks_hostile(seen), f"the tooltip hides the markup: {tip!r}"
                checked += 1
            if column == 0 and model.rowCount(index) > 0:
                checked += check_model(model, index)
    return checked


def _columns(model: Any, parent: QModelIndex) -> int:
    try:
        return int(model.columnCount(parent))
    except TypeError:  # a list model, whose columnCount PySide keeps private
        return 1


def show_tooltip(view: QAbstractItemView, index: QModelIndex) -> None:
    """Hover: the view shows the cell's tooltip in Qt's tooltip label."""
    point = view.visualRect(index).center()
    event = QHelpEvent(QEvent.Type.ToolTip, point, view.viewport().mapToGlobal(point))
    QApplication.sendEvent(view.viewport(), event)


# ----------------------------------------------------------------------------- the window


@pytest.fixture
def window(qtbot: QtBot, service: CatalogService) -> Iterator[Any]:
    from catalog.ui.jobs.runner import JobRunner
    from catalog.ui.shell.main_window import MainWindow

    runner = JobRunner()
    main = MainWindow(service, runner)
    qtbot.addWidget(main)
    with qtbot.waitActive(main):
        main.show()
        main.activateWindow()
    yield main
    main.close()
    runner.shutdown()


def test_the_window_shows_record_text_inert(
    qtbot: QtBot, window: Any, service: CatalogService, hostile: Hostile
) -> None:
    from catalog.ui.editor import RecordEditorDialog

    total = len(hostile.pieces)
    view = window.record_list
    qtbot.waitUntil(lambda: view.records.rowCount() == total, timeout=TIMEOUT)
    title_column = next(
        c for c in range(view.records.columnCount()) if view.records.columns[c].header == "Title"
    )
    checked = 0
    for row in range(total):
        view.selectRow(row)
        record = service.detail(view.selected_ids()[0])
        qtbot.waitUntil(
            lambda r=record: window.detail.field_text("title") == r.title, timeout=TIMEOUT
        )
        assert window.detail.field_text("summary") == hostile.all
        index = view.records.index(row, title_column)
        assert index.data(Qt.ItemDataRole.DisplayRole) == record.title
        show_tooltip(view, index)
        window.grab()  # paint everything, the tooltip too
        checked += check_widgets()
    notes = window.detail.field_text("annotations")
    assert "<script>alert('x')</script>" in notes
    for piece in hostile.pieces:
        assert piece in window.detail.field_text("summary")

    # The editor shows the same text in its fields, and loads nothing either: the first
    # record, whose every field names the canary.
    first = min(service.search("").ids)
    view.selectRow(view.records.row_of(first))
    record = service.detail(first)
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_F2)
    qtbot.waitUntil(lambda: window.findChild(RecordEditorDialog) is not None, timeout=TIMEOUT)
    editor = window.findChild(RecordEditorDialog)
    assert editor.form.title.text() == record.title
    editor.grab()
    checked += check_widgets(editor)
    editor.reject()

    assert checked > total * 10
    assert hostile.listener.hits() == 0, "showing records connected to the listener"
    assert hostile.canary.opened() == 0, "showing records opened the canary"


def test_dialog_models_give_inert_tooltips(qapp: QApplication, hostile: Hostile) -> None:
    """The authority manager and the bulk edit preview show names and values as tooltips."""
    from catalog.ui.dialogs.authorities.model import AuthorityTableModel
    from catalog.ui.dialogs.bulk_edit.changes_model import ChangesModel

    authorities = AuthorityTableModel()
    authorities.set_rows(
        [
            AuthorityRow(n, AuthorityKind.PERSON, piece, (piece, "plain"), 1, 1)
            for n, piece in enumerate(hostile.pieces)
        ]
    )
    changes = ChangesModel()
    changes.set_changes(
        [
            FieldChange(n, piece, "tags", piece, f"{piece}; new")
            for n, piece in enumerate(hostile.pieces)
        ]
    )
    assert check_model(authorities) == len(hostile.pieces) * 3
    assert check_model(changes) == len(hostile.pieces) * 4
    assert hostile.canary.opened() == 0


def test_the_check_dialog_shows_stored_paths_inert(
    qtbot: QtBot, hostile: Hostile, tmp_path: Path
) -> None:
    """Tools → Check catalogue names the attached files it misses, as the records store
    them: an imported path holding markup is listed, and tooltipped, as text."""
    import json

    from catalog.ui.dialogs.check_dialog import CheckDialog
    from catalog.ui.jobs.runner import ImmediateJobRunner

    paths = [f"scans/{piece}.pdf" for piece in ('<img src="canary.txt">', "<b>bold</b>")]
    record = {
        "uid": "5b0c7f1e-0d2a-4c1b-9a51-3f0e7c2d9a55",
        "title": "Letter",
        "attachments": [{"path": p, "role": "", "language": "", "sha256": ""} for p in paths],
    }
    source = tmp_path / "in.json"
    source.write_text(json.dumps({"format": "catalog", "version": 1, "records": [record]}))
    service = CatalogService.open(tmp_path / "check.sqlite", cache_dir=tmp_path)
    try:
        service.import_file(source, "json")
        faults = service.check()
        dialog = CheckDialog(service, ImmediateJobRunner(), pytest.fail)
        qtbot.addWidget(dialog)
        dialog.show_faults(faults)
        dialog.show()
        dialog.grab()
        assert any('<img src="canary.txt">' in f.problem for f in faults)
        assert check_widgets(dialog) >= 2
    finally:
        service.close()
    assert hostile.canary.opened() == 0


# ----------------------------------------------------------------------------- reports


class _Markup(HTMLParser):
    """The tags, attributes and text of an HTML document, as an HTML5 tokenizer reads it."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.attributes: list[str] = []
        self.styles: list[str] = []
        self.text: list[str] = []
        self._in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attributes.extend(value or "" for _, value in attrs)
        self._in_style = tag == "style"

    def handle_endtag(self, tag: str) -> None:
        self._in_style = False

    def handle_data(self, data: str) -> None:
        (self.styles if self._in_style else self.text).append(data)


FORBIDDEN_TAGS = {"img", "script", "link", "iframe", "object", "embed", "base", "svg", "image"}


def assert_markup_inert(html: str, hostile: Hostile) -> None:
    markup = _Markup()
    markup.feed(html)
    markup.close()
    assert FORBIDDEN_TAGS.isdisjoint(markup.tags), FORBIDDEN_TAGS & set(markup.tags)
    assert markup.tags.count("table") == html.count("<table"), "a table from record text"
    for style in markup.styles:
        assert "@import" not in style and "url(" not in style
    for value in markup.attributes:
        assert "canary" not in value and str(hostile.listener.port) not in value, value
        assert not value.strip().lower().startswith(("javascript:", "file:", "http:")), value
    text = "".join(markup.text)
    assert "<script>alert('x')</script>" in text  # shown, as text
    assert hostile.pieces[0] in text


def test_the_html_report_holds_record_text_as_text(
    service: CatalogService, hostile: Hostile, tmp_path: Path
) -> None:
    out = tmp_path / "report.html"
    ids = service.search("").ids
    assert service.export(ids, "html", out) == len(ids)
    assert_markup_inert(out.read_text(encoding="utf-8"), hostile)
    for style in (CitationStyle.ARCHIVE, CitationStyle.CHICAGO_NOTE):
        assert_markup_inert(service.citations(ids, style).markup, hostile)
    assert hostile.listener.hits() == 0
    assert hostile.canary.opened() == 0


def test_the_pdf_report_loads_nothing(
    qapp: QApplication, service: CatalogService, hostile: Hostile, tmp_path: Path
) -> None:
    pypdf = pytest.importorskip("pypdf")
    from catalog.ui.reports import add_qt_exporters

    add_qt_exporters(service.registry)
    out = tmp_path / "report.pdf"
    ids = service.search("").ids
    assert service.export(ids, "pdf", out) == len(ids)
    text = "".join(page.extract_text() for page in pypdf.PdfReader(out).pages)
    assert "<script>alert('x')</script>" in "".join(text.split())  # shown, as text
    assert hostile.listener.hits() == 0, "the PDF writer connected to the listener"
    assert hostile.canary.opened() == 0, "the PDF writer opened the canary"


def test_the_detail_pane_and_tooltips_never_build_markup_from_text() -> None:
    """Every QLabel the UI makes is set to plain text, or holds fixed text; every tooltip
    that can carry record text goes through ``safe_tooltip``. A review of the source, kept
    honest: a new rich-text sink must be looked at and added here."""
    import re

    root = Path(__file__).resolve().parents[2] / "src" / "catalog" / "ui"
    reviewed = {
        # file: the rich-text sinks in it that were reviewed (fixed strings, or escaped)
        "detail_pane/document.py": "QTextBrowser with loadResource refusing; text inserted plain",
        "reports/pdf_report.py": "QTextDocument with loadResource refusing; markup escaped",
        "shell/citing.py": "clipboard HTML from services.citations (escaped)",
        "editor/conflict_dialog.py": "QLabel(<b>heading</b>) of fixed headings only",
        "help_viewer.py": "the bundled user guide (Markdown without HTML); images from docs only",
    }
    sinks = re.compile(
        r"setHtml\(|insertHtml\(|setMarkdown\(|RichText|QTextBrowser\(|QTextEdit\(|QLabel\(f\"<"
    )
    found = set()
    for path in root.rglob("*.py"):
        if sinks.search(path.read_text(encoding="utf-8")):
            found.add(path.relative_to(root).as_posix())
    assert found <= set(reviewed), f"new rich-text sinks to review: {found - set(reviewed)}"
