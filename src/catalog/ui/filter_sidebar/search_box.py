"""The search box: the query as text, searched as you type; its errors shown beneath it.

Typing starts a search ~250 ms after the last key; Enter searches at once; Esc clears.
A malformed query is explained under the box (what is wrong and where, with carets
under the offending characters), never in a dialog, and the last good result stays.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QFontDatabase, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from catalog.domain.errors import QueryError
from catalog.ui.palette import error_color
from catalog.ui.translation import query_problem

DEBOUNCE_MS = 250
EXCERPT_CHARS = 28


def error_excerpt(query: str, position: int, length: int) -> str:
    """Two lines: the part of the query around the problem, and carets under it."""
    start = max(0, min(position, len(query)))
    end = max(start + 1, min(start + max(1, length), len(query)))
    first = max(0, start - EXCERPT_CHARS // 2)
    last = min(len(query), max(end, first + EXCERPT_CHARS))
    shown = "".join(" " if ch.isspace() else ch for ch in query[first:last])
    prefix = "…" if first else ""
    suffix = "…" if last < len(query) else ""
    pad = " " * (len(prefix) + start - first)
    carets = "^" * max(1, min(end, last) - start)
    return f"{prefix}{shown}{suffix}\n{pad}{carets}"


class SearchBox(QWidget):
    """A line edit for the query language, with an error line beneath.

    Signals:
        query_submitted(str): the text to search for (after the debounce, Enter or Esc).
    """

    query_submitted = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edit = QLineEdit()
        self.edit.setObjectName("searchBox")
        examples = "type:Cable, date:1955..1957"  # the query language is never translated
        #: {0} is an example query; the query language itself is not translated.
        self.edit.setPlaceholderText(self.tr("Search: words, {0} …").format(examples))
        self.edit.setClearButtonEnabled(True)
        self.edit.setAccessibleName(self.tr("Search"))
        self.edit.setAccessibleDescription(
            self.tr(
                "Search the catalogue: type words or a query such as {0}. "
                "Searches as you type; Enter searches at once, Esc clears."
            ).format("date:1955..1957")
        )
        self.edit.installEventFilter(self)
        self.error = QLabel()
        self.error.setObjectName("queryError")
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.setWordWrap(True)
        self.error.setStyleSheet(f"color: {error_color()};")
        self.error.hide()
        self.excerpt = QLabel()
        self.excerpt.setObjectName("queryErrorExcerpt")
        self.excerpt.setTextFormat(Qt.TextFormat.PlainText)
        self.excerpt.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.excerpt.setStyleSheet(f"color: {error_color()};")
        self.excerpt.hide()
        self._row = QHBoxLayout()
        self._row.setContentsMargins(0, 0, 0, 0)
        self._row.setSpacing(4)
        self._row.addWidget(self.edit, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(self._row)
        layout.addWidget(self.error)
        layout.addWidget(self.excerpt)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.submit)
        self.edit.textEdited.connect(self._on_text_edited)
        self.edit.returnPressed.connect(self.submit)
        self._submitted: str | None = None
        self._yielded: set[str] = set()

    # ------------------------------------------------------------------ public

    @property
    def text(self) -> str:
        """The query as typed."""
        return self.edit.text()

    def set_query(self, text: str) -> None:
        """Replace the query (a facet click, a cleared search) and search at once."""
        self.edit.setText(text)
        self.submit()

    def add_button(self, button: QWidget) -> None:
        """Put a button beside the box (the error lines stay under the box alone)."""
        self._row.addWidget(button)

    def submit(self) -> None:
        """Search for the text now (unless it was just searched for)."""
        self._timer.stop()
        text = self.edit.text()
        if text != self._submitted:
            self._submitted = text
            self.query_submitted.emit(text)

    def resubmit(self) -> None:
        """Search for the text again even if it has not changed."""
        self._submitted = None
        self.submit()

    def clear(self) -> None:
        """Empty the box and show every record."""
        self.set_query("")

    def show_error(self, query: str, error: QueryError | None) -> None:
        """Explain what is wrong with ``query``; None removes the explanation."""
        if error is None or query != self.edit.text():
            self.error.hide()
            self.excerpt.hide()
            self.edit.setStyleSheet("")
            return
        self.error.setText(
            #: {0} is a character position; {1} says what is wrong.
            self.tr("At position {0}: {1}").format(error.position + 1, query_problem(error))
        )
        self.excerpt.setText(error_excerpt(query, error.position, error.length))
        self.error.show()
        self.excerpt.show()
        self.edit.setStyleSheet(f"QLineEdit {{ border: 1px solid {error_color()}; }}")

    @property
    def error_text(self) -> str:
        """The error shown under the box ("" when there is none)."""
        return self.error.text() if self.error.isVisibleTo(self) else ""

    # ------------------------------------------------------------------ events

    def yield_shortcuts(self, sequences: Iterable[QKeySequence]) -> None:
        """Let these window shortcuts work while the box has the focus.

        A line edit claims some keys for editing (on X11, Ctrl+E is "end of line"),
        which would silently disable a window shortcut such as Ctrl+E for Export.
        """
        self._yielded = {sequence.toString() for sequence in sequences if not sequence.isEmpty()}

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        """Esc in the box clears it; window shortcuts the box yields pass through."""
        if (
            watched is self.edit
            and event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and QKeySequence(event.keyCombination()).toString() in self._yielded
        ):
            event.ignore()  # not overridden: the window's shortcut fires
            return True
        if watched is self.edit and event.type() in (
            QEvent.Type.ShortcutOverride,
            QEvent.Type.KeyPress,
        ):
            assert isinstance(event, QKeyEvent)
            if event.key() == Qt.Key.Key_Escape and event.modifiers() in (
                Qt.KeyboardModifier.NoModifier,
                Qt.KeyboardModifier.KeypadModifier,
            ):
                event.accept()
                if event.type() == QEvent.Type.KeyPress:
                    self.clear()
                return True
        return super().eventFilter(watched, event)

    def _on_text_edited(self, _text: str) -> None:
        self._timer.start()
