"""Help → Query language cheat sheet: a small, non-modal window of examples.

The examples are the query language itself and are never translated; what each one
does, the headings and the closing hint are.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QPlainTextEdit, QVBoxLayout, QWidget

from catalog.ui.translation import QT_TRANSLATE_NOOP

Example = tuple[str, str]
"""A query as typed (untranslated), and what it finds (marked for translation)."""

SECTIONS: tuple[tuple[str, tuple[tuple[Example, ...], ...]], ...] = (
    (
        QT_TRANSLATE_NOOP("CheatSheet", "WORDS"),
        (
            (
                (
                    "citizenship",
                    QT_TRANSLATE_NOOP(
                        "CheatSheet", "records with this word anywhere (title, summary, notes)"
                    ),
                ),
            ),
            (("veteran*", QT_TRANSLATE_NOOP("CheatSheet", 'words starting with "veteran"')),),
            (('"Soviet Koreans"', QT_TRANSLATE_NOOP("CheatSheet", "this exact phrase")),),
            (
                (
                    "title:cable",
                    QT_TRANSLATE_NOOP(
                        "CheatSheet", "the word only in the title (also summary:, note:)"
                    ),
                ),
            ),
        ),
    ),
    (
        QT_TRANSLATE_NOOP("CheatSheet", "COMBINING"),
        (
            (
                (
                    "citizenship China",
                    QT_TRANSLATE_NOOP("CheatSheet", "both words (AND is implied)"),
                ),
            ),
            (
                (
                    "cable OR telegram",
                    QT_TRANSLATE_NOOP("CheatSheet", "either word (AND, OR, NOT only in capitals)"),
                ),
            ),
            (
                (
                    "citizenship -China",
                    QT_TRANSLATE_NOOP(
                        "CheatSheet", 'leave out records with "China"  (also: NOT China)'
                    ),
                ),
            ),
            (("(cable OR memo) 1959", QT_TRANSLATE_NOOP("CheatSheet", "brackets group")),),
        ),
    ),
    (
        QT_TRANSLATE_NOOP("CheatSheet", "FIELDS (a whole value; quote values with spaces)"),
        (
            (("type:Cable", QT_TRANSLATE_NOOP("CheatSheet", "document type")),),
            (
                (
                    'person:"Kim Il Sung"',
                    QT_TRANSLATE_NOOP("CheatSheet", "also organisation: (org:), place:, subject:"),
                ),
            ),
            (("archive:AVPRF", QT_TRANSLATE_NOOP("CheatSheet", "original archive")),),
            (("language:Russian", QT_TRANSLATE_NOOP("CheatSheet", "also collection:, tag:")),),
        ),
    ),
    (
        QT_TRANSLATE_NOOP(
            "CheatSheet", "DATES (a record matches when its date starts in the range)"
        ),
        (
            (
                ("date:1959", QT_TRANSLATE_NOOP("CheatSheet", "the year 1959")),
                ("date:1959-10", QT_TRANSLATE_NOOP("CheatSheet", "October 1959")),
            ),
            (
                ("date:1950s", QT_TRANSLATE_NOOP("CheatSheet", "the decade")),
                ("date:1955..1957", QT_TRANSLATE_NOOP("CheatSheet", "from 1955 to 1957")),
            ),
            (
                ("date:>=1956", QT_TRANSLATE_NOOP("CheatSheet", "from 1956 on")),
                ("date:<1960", QT_TRANSLATE_NOOP("CheatSheet", "before 1960")),
            ),
        ),
    ),
    (
        QT_TRANSLATE_NOOP("CheatSheet", "OTHER"),
        (
            (
                (
                    "has:notes",
                    QT_TRANSLATE_NOOP(
                        "CheatSheet", "also has:relations, has:attachments, has:date, has:tags"
                    ),
                ),
            ),
            (("is:trash", QT_TRANSLATE_NOOP("CheatSheet", "records in the trash")),),
        ),
    ),
)
"""The sheet's sections: a heading, then lines of one or two examples each."""

HINT = QT_TRANSLATE_NOOP(
    "CheatSheet",
    "Clicking a value in the sidebar adds its clause to the search box; Esc clears it.",
)

QUERY_WIDTH = 23
"""The column the first explanation starts in (after a two-space indent)."""
SECOND_QUERY_WIDTH = 17
WHAT_WIDTH = 21


def _pad(text: str, width: int) -> str:
    """``text`` filled out to ``width``, always followed by at least two spaces."""
    return text.ljust(width) if len(text) <= width - 2 else f"{text}  "


def cheat_sheet_text() -> str:
    """The whole sheet, its explanations in the interface's language."""

    def tr(text: str) -> str:
        return QCoreApplication.translate("CheatSheet", text)

    lines: list[str] = []
    for heading, rows in SECTIONS:
        lines.append(tr(heading))
        for row in rows:
            parts = []
            for position, (query, what) in enumerate(row):
                last = position == len(row) - 1
                query_width = QUERY_WIDTH if position == 0 else SECOND_QUERY_WIDTH
                parts.append(
                    _pad(query, query_width) + (tr(what) if last else _pad(tr(what), WHAT_WIDTH))
                )
            lines.append("  " + "".join(parts))
        lines.append("")
    lines.append(tr(HINT))
    return "\n".join(lines) + "\n"


class CheatSheet(QDialog):
    """A read-only page of query examples."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("cheatSheet")
        self.setWindowTitle(self.tr("Query language cheat sheet"))
        self.setAccessibleName(self.tr("Query language cheat sheet"))
        self.setAccessibleDescription(self.tr("Examples of what can be typed in the search box"))
        text = QPlainTextEdit(cheat_sheet_text())
        text.setObjectName("cheatSheetText")
        text.setReadOnly(True)
        text.setTextInteractionFlags(  # a caret, so the keyboard (and a screen reader) reads lines
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        text.setAccessibleName(self.tr("Query examples"))
        text.setAccessibleDescription(
            self.tr("Each line shows a query as it is typed, then what it finds")
        )
        text.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        text.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setAccessibleName(self.tr("Close"))
        close.setAccessibleDescription(self.tr("Close the cheat sheet"))
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(buttons)
        self.resize(640, 560)
