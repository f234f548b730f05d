"""Help → Query language cheat sheet: a small, non-modal window of examples."""

from __future__ import annotations

from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QPlainTextEdit, QVBoxLayout, QWidget

CHEAT_SHEET = """\
WORDS
  citizenship            records with this word anywhere (title, summary, notes)
  veteran*               words starting with "veteran"
  "Soviet Koreans"       this exact phrase
  title:cable            the word only in the title (also summary:, note:)

COMBINING
  citizenship China      both words (AND is implied)
  cable OR telegram      either word (AND, OR, NOT only in capitals)
  citizenship -China     leave out records with "China"  (also: NOT China)
  (cable OR memo) 1959   brackets group

FIELDS (a whole value; quote values with spaces)
  type:Cable             document type
  person:"Kim Il Sung"   also organisation: (org:), place:, subject:
  archive:AVPRF          original archive
  language:Russian       also collection:, tag:

DATES (a record matches when its date starts in the range)
  date:1959              the year 1959        date:1959-10   October 1959
  date:1950s             the decade           date:1955..1957  from 1955 to 1957
  date:>=1956            from 1956 on         date:<1960       before 1960

OTHER
  has:notes              also has:relations, has:attachments, has:date, has:tags
  is:trash               records in the trash

Clicking a value in the sidebar adds its clause to the search box; Esc clears it.
"""


class CheatSheet(QDialog):
    """A read-only page of query examples."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("cheatSheet")
        self.setWindowTitle("Query language cheat sheet")
        text = QPlainTextEdit(CHEAT_SHEET)
        text.setReadOnly(True)
        text.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        text.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(buttons)
        self.resize(640, 560)
