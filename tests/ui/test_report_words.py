"""The PDF report's fixed words follow the interface's language; record values never do."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtWidgets import QApplication

from catalog.domain.dates import parse_date
from catalog.domain.records import AuthorityKind, RecordDetail
from catalog.services.transfer.html_report import (
    REPORT_TITLE,
    UNTITLED,
    contents_html,
    record_html,
)
from catalog.ui.reports.report_words import FIELD_LABELS, ReportWords
from tests.services.factories import link, make_record, plain_record


class Bracketing(QTranslator):
    """Translates every message of the report's context to ``[text]``."""

    def isEmpty(self) -> bool:
        return False

    def translate(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str:
        if context != "ReportWords":
            return ""
        return f"[{source}]"


@pytest.fixture
def bracketing(qapp: QApplication) -> Iterator[None]:
    translator = Bracketing()
    QCoreApplication.installTranslator(translator)
    yield
    QCoreApplication.removeTranslator(translator)


def full_record() -> RecordDetail:
    """A record with every field the report shows, a repository among its authorities."""
    record = make_record(1)
    repository = link(AuthorityKind.REPOSITORY, "Wilson Center")
    return make_record(1, authorities=(*record.authorities, repository))


def records() -> list[RecordDetail]:
    return [
        full_record(),
        make_record(2, date=parse_date("in the reign of Foo"), summary="Date Contents Cite as:"),
        plain_record(3, title="  "),
    ]


def test_in_english_the_markup_is_the_html_reports(qapp: QApplication) -> None:
    words = ReportWords()
    assert words.english
    assert (words.title, words.untitled) == (REPORT_TITLE, UNTITLED)
    for n, record in enumerate(records(), start=1):
        markup = record_html(record, n)
        assert words.record(markup, not record.title.split()) == markup
    for count in (0, 1, 2, 21):
        contents = contents_html([f"t{n}" for n in range(count)], links=False)
        assert words.contents(contents, count) == contents


def test_every_label_of_the_html_report_is_marked() -> None:
    shown = set(re.findall(r"<dt>([^<]*)</dt>", record_html(full_record(), 1)))
    assert shown == set(FIELD_LABELS)


def test_the_fixed_words_are_translated_and_the_values_are_not(bracketing: None) -> None:
    words = ReportWords()
    assert not words.english
    assert words.title == "[Catalog report]"
    full, undated, untitled = records()
    markup = words.record(record_html(full, 1), False)
    assert set(re.findall(r"<dt>([^<]*)</dt>", markup)) == {f"[{x}]" for x in FIELD_LABELS}
    assert "<b>[Cite as:]</b>" in markup
    assert '<span class="norm">[(normalised: {0})]</span>' not in markup
    assert re.search(r'<span class="norm">\[\(normalised: [^<]*1959-10[^<]*\)\]</span>', markup)
    assert full.title in markup  # values as they were
    other = words.record(record_html(undated, 2), False)
    assert 'in the reign of Foo <span class="norm">[(not understood)]</span>' in other
    assert "Date Contents Cite as:" in other  # a summary holding the fixed words stays
    blank = words.record(record_html(untitled, 3), True)
    assert "<h2>[(untitled)]</h2>" in blank
    contents = words.contents(contents_html(["Contents", "b"], links=False), 2)
    assert "<h2>[Contents]</h2>" in contents and "<p>[2 records]</p>" in contents
    assert "<li>Contents</li>" in contents
