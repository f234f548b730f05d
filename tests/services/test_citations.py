"""Citations in the digital archive's style and Chicago's, as plain text and safe HTML."""

from __future__ import annotations

from catalog.services.citations import CitationStyle, cite
from tests.services.factories import make_record

HOSTILE = 'Memo <img src="file:///etc/passwd"> & "others"'


def test_the_archive_style_is_the_domain_citation_and_escaped_as_html() -> None:
    citations = cite([make_record(1, title=HOSTILE)], CitationStyle.ARCHIVE)
    [plain] = citations.plain
    assert plain.startswith("\"Memo <img src='file:///etc/passwd'> & 'others',\" October, 1959")
    assert "<img" not in citations.markup and "&lt;img" in citations.markup


def test_chicago_notes_and_bibliography_follow_the_records_order() -> None:
    records = [make_record(1, title="Zeta cable"), make_record(2, title="Alpha cable")]

    notes = cite(records, CitationStyle.CHICAGO_NOTE).plain
    entries = cite(records, CitationStyle.CHICAGO_BIBLIOGRAPHY).plain

    assert ["Zeta" in notes[0], "Alpha" in notes[1]] == [True, True]
    assert notes[0].startswith("Ivanov, V. I. and Ministry of Foreign Affairs, USSR, “Zeta cable”")
    assert "October 1959" in notes[0]
    assert entries[0].startswith(
        "Ivanov, V. I., and Ministry of Foreign Affairs, USSR. “Zeta cable”."
    )
    assert "Alpha cable" in entries[1]


def test_chicago_html_escapes_what_records_hold() -> None:
    citations = cite([make_record(1, title=HOSTILE)], CitationStyle.CHICAGO_NOTE)
    assert "<img" in citations.text  # plain text keeps the title as written
    assert "<img" not in citations.markup and "&lt;img" in citations.markup
    assert citations.markup.startswith("<p>") and citations.markup.endswith("</p>")


def test_titles_in_any_script_are_kept() -> None:
    title = "김일성 동지와의 담화록 / 与金日成同志的谈话 / Беседа с Ким Ир Сеном"
    for style in CitationStyle:
        assert title in cite([make_record(1, title=title)], style).text


def test_nothing_to_cite() -> None:
    assert cite([], CitationStyle.CHICAGO_NOTE).text == ""
