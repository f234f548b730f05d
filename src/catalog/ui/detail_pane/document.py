"""The record as a read-only document of plain text, links and highlights.

The document is built with ``QTextCursor.insertText``, never from HTML, so no record
text is ever parsed as markup: a title such as ``<img src="file:///etc/passwd">`` is
shown as those characters. Links carry only an index (``link:3``) into a list of
``Link`` values, so no record text reaches a URL either, and resource loading is
switched off in case anything ever asks for one.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, QPoint, QUrl, Signal
from PySide6.QtGui import (
    QAction,
    QColor,
    QContextMenuEvent,
    QFont,
    QPalette,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFrameFormat,
    QTextLength,
    QTextTableFormat,
)
from PySide6.QtWidgets import QMenu, QTextBrowser, QWidget

from catalog.ui.detail_pane.fields import (
    EMPTY,
    Field,
    FilterLink,
    Line,
    Link,
    NoteLink,
    RecordLink,
    Span,
)
from catalog.ui.detail_pane.highlight import highlight_spans
from catalog.ui.text import refused_resource, safe_tooltip

LINK_SCHEME = "link"
HIGHLIGHT_BACKGROUND = QColor(255, 226, 112)
HIGHLIGHT_FOREGROUND = QColor(0, 0, 0)
LABEL_WIDTH_PERCENT = 30.0


def link_tooltip(link: Link) -> str:
    """What activating a link does, shown when the pointer rests on it."""
    if isinstance(link, FilterLink):
        text = QCoreApplication.translate("RecordView", "Show the records matching {0}")
        return safe_tooltip(text.format(link.clause))
    if isinstance(link, RecordLink):
        text = QCoreApplication.translate("RecordView", "Show record {0}")
        return safe_tooltip(text.format(link.record_id))
    if isinstance(link, NoteLink):
        if link.action == "add":
            return QCoreApplication.translate("RecordView", "Add a note to this record")
        if link.action == "edit":
            return QCoreApplication.translate("RecordView", "Change the text of this note")
        return QCoreApplication.translate("RecordView", "Delete this note (asks first)")
    text = QCoreApplication.translate("RecordView", "Open {0} with the system's viewer")
    return safe_tooltip(text.format(link.path))


class _RefusingDocument(QTextDocument):
    """The view's document: it loads no resource, an image included (the view's own
    ``loadResource`` refuses too, but a document that is only given None for an image
    has Qt open the image's file itself)."""

    def loadResource(self, kind: int, name: QUrl | str) -> Any:  # noqa: N802
        return refused_resource(kind)


class RecordView(QTextBrowser):
    """A read-only view of one record; activating a link emits ``link_activated(Link)``.

    Attributes:
        links: the links of the document on show, by the index in their href.
        menu_actions: actions put at the top of the context menu.
    """

    link_activated = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDocument(_RefusingDocument(self))
        self.setObjectName("detailRecord")
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setSearchPaths([])
        self.setUndoRedoEnabled(False)
        self.setAccessibleName(self.tr("Record details"))
        self.setAccessibleDescription(
            self.tr(
                "Every field of the record on show. Names, types, archives, collections and "
                "tags are links that narrow the search; related records and attachments open. "
                "Tab moves from link to link; Enter follows the link."
            )
        )
        self.links: list[Link] = []
        self.menu_actions: list[QAction] = []
        self._ranges: dict[str, tuple[int, int]] = {}
        self.anchorClicked.connect(self._on_anchor)

    # ------------------------------------------------------------------ safety

    def loadResource(self, kind: int, name: QUrl | str) -> Any:  # noqa: N802
        """Load nothing: a record's document refers to no image, style sheet or file."""
        return None

    # ------------------------------------------------------------------ content

    def show_fields(self, title: str, fields: Sequence[Field], words: Sequence[str]) -> None:
        """Replace the document with a record's title and fields, search words highlighted."""
        document = self.document()
        document.clear()
        cursor = QTextCursor(document)
        self.links = []
        self._ranges = {}
        heading = QTextCharFormat()
        heading.setFontWeight(QFont.Weight.Bold)
        if self.font().pointSizeF() > 0:  # -1 when the font is sized in pixels
            heading.setFontPointSize(self.font().pointSizeF() * 1.25)
        start = cursor.position()
        for n, line in enumerate(title.split("\n")):
            if n:
                cursor.insertBlock()
            self._insert_line(cursor, (Span(line, searchable=True),), words, heading)
        self._ranges["title"] = (start, cursor.position())
        rows: list[Field] = []
        for field in [*fields, None]:
            if field is not None and not field.wide:
                rows.append(field)
                continue
            if rows:
                self._insert_table(cursor, rows, words)
                rows = []
            if field is not None:
                self._insert_section(cursor, field, words)

    def field_text(self, key: str) -> str:
        """The plain text shown for a field ("" when there is no such field)."""
        if key not in self._ranges:
            return ""
        start, end = self._ranges[key]
        cursor = QTextCursor(self.document())
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        return cursor.selection().toPlainText()

    def field_range(self, key: str) -> tuple[int, int] | None:
        """Where a field's value is in the document (start, end), or None."""
        return self._ranges.get(key)

    def anchor_position(self, text: str) -> int | None:
        """The document position of the first link whose text is ``text``, or None."""
        block = self.document().begin()
        while block.isValid():
            iterator = block.begin()
            while not iterator.atEnd():
                fragment = iterator.fragment()
                if fragment.charFormat().isAnchor() and fragment.text() == text:
                    return fragment.position()
                iterator += 1
            block = block.next()
        return None

    # ------------------------------------------------------------------ context menu

    def context_menu(self, pos: QPoint) -> QMenu:
        """The standard menu (copy, select all) with the pane's actions on top.

        "Copy Link Location" goes: a link's location here is an internal index.
        """
        menu = self.createStandardContextMenu(pos)
        for action in menu.actions():
            if action.objectName() == "link-copy":
                menu.removeAction(action)
        first = menu.actions()[0] if menu.actions() else None
        menu.insertActions(first, self.menu_actions)  # type: ignore[arg-type]
        if first is not None:
            menu.insertSeparator(first)
        return menu

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:  # noqa: N802
        """Show :meth:`context_menu` where the user asked for it."""
        menu = self.context_menu(event.pos())
        menu.exec(event.globalPos())
        menu.deleteLater()

    # ------------------------------------------------------------------ building

    def _insert_table(
        self, cursor: QTextCursor, rows: Sequence[Field], words: Sequence[str]
    ) -> None:
        table_format = QTextTableFormat()
        table_format.setBorderStyle(QTextFrameFormat.BorderStyle.BorderStyle_None)
        table_format.setBorder(0)
        table_format.setCellPadding(2)
        table_format.setCellSpacing(0)
        table_format.setTopMargin(8)
        table_format.setWidth(QTextLength(QTextLength.Type.PercentageLength, 100))
        table_format.setColumnWidthConstraints(
            [
                QTextLength(QTextLength.Type.PercentageLength, LABEL_WIDTH_PERCENT),
                QTextLength(QTextLength.Type.PercentageLength, 100 - LABEL_WIDTH_PERCENT),
            ]
        )
        table = cursor.insertTable(len(rows), 2, table_format)
        for row, field in enumerate(rows):
            label_cursor = table.cellAt(row, 0).firstCursorPosition()
            label_cursor.insertText(field.label, self._label_format())
            value_cursor = table.cellAt(row, 1).firstCursorPosition()
            self._insert_value(value_cursor, field, words)
        cursor.movePosition(QTextCursor.MoveOperation.End)

    def _insert_section(self, cursor: QTextCursor, field: Field, words: Sequence[str]) -> None:
        spaced = QTextBlockFormat()
        spaced.setTopMargin(8)
        cursor.insertBlock(spaced)
        cursor.insertText(field.label, self._label_format())
        cursor.insertBlock(QTextBlockFormat())
        self._insert_value(cursor, field, words)

    def _insert_value(self, cursor: QTextCursor, field: Field, words: Sequence[str]) -> None:
        start = cursor.position()
        if field.empty:
            dim = QTextCharFormat()
            dim.setForeground(self.palette().color(QPalette.ColorRole.PlaceholderText))
            cursor.insertText(EMPTY, dim)
        for n, line in enumerate(field.lines):
            if n:
                cursor.insertBlock()
            self._insert_line(cursor, line, words, QTextCharFormat())
        self._ranges[field.key] = (start, cursor.position())

    def _insert_line(
        self, cursor: QTextCursor, line: Line, words: Sequence[str], base: QTextCharFormat
    ) -> None:
        for span in line:
            if span.link is not None:
                self.links.append(span.link)
                link_format = QTextCharFormat(base)
                link_format.setAnchor(True)
                link_format.setAnchorHref(f"{LINK_SCHEME}:{len(self.links) - 1}")
                link_format.setFontUnderline(True)
                link_format.setForeground(self.palette().color(QPalette.ColorRole.Link))
                link_format.setToolTip(link_tooltip(span.link))
                cursor.insertText(span.text, link_format)
                continue
            spans = highlight_spans(span.text, words) if span.searchable else []
            done = 0
            for start, end in spans:
                cursor.insertText(span.text[done:start], base)
                marked = QTextCharFormat(base)
                marked.setBackground(HIGHLIGHT_BACKGROUND)
                marked.setForeground(HIGHLIGHT_FOREGROUND)
                cursor.insertText(span.text[start:end], marked)
                done = end
            cursor.insertText(span.text[done:], base)

    def _label_format(self) -> QTextCharFormat:
        label = QTextCharFormat()
        label.setFontWeight(QFont.Weight.Bold)
        return label

    def _on_anchor(self, url: QUrl) -> None:
        if url.scheme() != LINK_SCHEME or not url.path().isdigit():
            return
        index = int(url.path())
        if index < len(self.links):
            self.link_activated.emit(self.links[index])
