"""The PDF report's fixed words in the interface's language.

The report's markup is the HTML report's (``catalog.services.transfer.html_report``),
which knows no Qt and writes English. Its fixed words stand in known places: the field
labels in ``<dt>``, the citation's "Cite as:", the Date field's notes, the contents'
heading and count, the placeholder of an empty title. Every record value in the markup is
escaped (it holds no ``<``), so each fixed word is replaced in its place and no value is
ever touched. In English nothing is replaced: the markup stays byte for byte the HTML
report's.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QObject

from catalog.services.transfer.html_report import text
from catalog.ui.translation import QT_TRANSLATE_NOOP

FIELD_LABELS = (
    QT_TRANSLATE_NOOP("ReportWords", "Date"),
    QT_TRANSLATE_NOOP("ReportWords", "Type"),
    QT_TRANSLATE_NOOP("ReportWords", "Archive"),
    QT_TRANSLATE_NOOP("ReportWords", "Source reference"),
    QT_TRANSLATE_NOOP("ReportWords", "Classification"),
    QT_TRANSLATE_NOOP("ReportWords", "Collections"),
    QT_TRANSLATE_NOOP("ReportWords", "Languages"),
    QT_TRANSLATE_NOOP("ReportWords", "Names"),
    QT_TRANSLATE_NOOP("ReportWords", "Subjects"),
    QT_TRANSLATE_NOOP("ReportWords", "Places"),
    QT_TRANSLATE_NOOP("ReportWords", "Repositories"),
    QT_TRANSLATE_NOOP("ReportWords", "Tags"),
    QT_TRANSLATE_NOOP("ReportWords", "Summary"),
    QT_TRANSLATE_NOOP("ReportWords", "Notes"),
    QT_TRANSLATE_NOOP("ReportWords", "Relations"),
    QT_TRANSLATE_NOOP("ReportWords", "Attachments"),
    QT_TRANSLATE_NOOP("ReportWords", "Identifier"),
)
"""The labels the HTML report gives a record's fields, in English."""

_LABEL = re.compile(r"<dt>([^<]*)</dt>")
_DATE = re.compile(r"<dt>Date</dt><dd>(.*?)</dd>")
_NORMALISED = re.compile(r'<span class="norm">\(normalised: ([^<]*)\)</span>')
_NOT_UNDERSTOOD = '<span class="norm">(not understood)</span>'
_CITE_AS = '<p class="citation"><b>Cite as:</b> '
_UNTITLED = "<h2>(untitled)</h2>"


class ReportWords(QObject):
    """The report's fixed words, translated once when a report starts.

    Attributes:
        title: the report's title (its heading and the PDF's title).
        untitled: what an empty title shows.
        english: True when nothing is translated (the markup is left as it is).
    """

    def __init__(self) -> None:
        super().__init__()
        self.title = self.tr("Catalog report")
        self.untitled = self.tr("(untitled)")
        self._labels = {label: self.tr(label) for label in FIELD_LABELS}
        self._cite_as = self.tr("Cite as:")
        self._not_understood = self.tr("(not understood)")
        self._normalised = self.tr("(normalised: {0})")
        self._contents = self.tr("Contents")
        self.english = (
            self.title == "Catalog report"
            and self.untitled == "(untitled)"
            and all(english == shown for english, shown in self._labels.items())
            and self._cite_as == "Cite as:"
            and self._not_understood == "(not understood)"
            and self._normalised == "(normalised: {0})"
            and self._contents == "Contents"
            and self.count(1) == "1 record"
            and self.count(2) == "2 records"
        )

    def count(self, n: int) -> str:
        """How many records the report holds, as the contents say it."""
        return (self.tr("{0} record", "", n) if n == 1 else self.tr("{0} records", "", n)).format(n)

    def record(self, markup: str, blank_title: bool) -> str:
        """One record's markup (``record_html``) with its fixed words translated."""
        if self.english:
            return markup
        if blank_title:
            markup = markup.replace(_UNTITLED, f"<h2>{text(self.untitled)}</h2>", 1)
        markup = _DATE.sub(self._date, markup, count=1)
        markup = _LABEL.sub(self._label, markup)
        return markup.replace(_CITE_AS, f'<p class="citation"><b>{text(self._cite_as)}</b> ', 1)

    def contents(self, markup: str, count: int) -> str:
        """The contents' markup (``contents_html``) with its heading and count translated."""
        if self.english:
            return markup
        markup = markup.replace("<h2>Contents</h2>", f"<h2>{text(self._contents)}</h2>", 1)
        english = f"<p>{count} {'record' if count == 1 else 'records'}</p>"
        return markup.replace(english, f"<p>{text(self.count(count))}</p>", 1)

    def _label(self, found: re.Match[str]) -> str:
        label = found.group(1)
        return f"<dt>{text(self._labels.get(label, label))}</dt>"

    def _date(self, found: re.Match[str]) -> str:
        value = found.group(1).replace(
            _NOT_UNDERSTOOD, f'<span class="norm">{text(self._not_understood)}</span>'
        )
        value = _NORMALISED.sub(
            lambda note: (
                f'<span class="norm">{text(self._normalised).format(note.group(1))}</span>'
            ),
            value,
        )
        return f"<dt>Date</dt><dd>{value}</dd>"
