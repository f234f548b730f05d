"""Search words are highlighted in the title, summary and notes, as the search folds them."""

from __future__ import annotations

import pytest

from catalog.domain.records import Annotation
from catalog.ui.detail_pane.document import HIGHLIGHT_BACKGROUND
from catalog.ui.detail_pane.highlight import highlight_spans, words_of
from catalog.ui.detail_pane.widget import DetailPane
from tests.ui.detail_pane.conftest import LoggingService, PaneFactory, at
from tests.ui.fakes import make_detail


def marked(pane: DetailPane) -> list[tuple[int, str]]:
    """(position, text) of each highlighted run in the pane's document, in order."""
    runs: list[tuple[int, str]] = []
    block = pane.view.document().begin()
    while block.isValid():
        iterator = block.begin()
        while not iterator.atEnd():
            fragment = iterator.fragment()
            if fragment.charFormat().background().color() == HIGHLIGHT_BACKGROUND:
                runs.append((fragment.position(), fragment.text()))
            iterator += 1
        block = block.next()
    return runs


def highlighted(pane: DetailPane) -> list[str]:
    return [text for _position, text in marked(pane)]


def highlighted_in(pane: DetailPane, key: str) -> list[str]:
    span = pane.view.field_range(key)
    assert span is not None
    return [text for position, text in marked(pane) if span[0] <= position < span[1]]


@pytest.fixture
def korean(service: LoggingService) -> LoggingService:
    service.records[7] = make_detail(
        7,
        "Cable on CITIZENSHIP from P'yŏngyang 关于国籍问题的电报",
        summary="Citizenship of Soviet Koreans; Korean veterans.\n\nMore on citizenship.",
        tags=("citizenship",),
        annotations=(Annotation(1, "Ask about Citizenship papers.", "mk", at(1), at(2)),),
    )
    return service


def test_query_words_are_highlighted_in_title_summary_and_notes(
    make_pane: PaneFactory, korean: LoggingService
) -> None:
    pane = make_pane(korean)
    pane.set_query("citizenship")
    pane.show_ids([7])
    assert highlighted_in(pane, "title") == ["CITIZENSHIP"]
    assert highlighted_in(pane, "summary") == ["Citizenship", "citizenship"]
    assert highlighted_in(pane, "annotations") == ["Citizenship"]
    assert highlighted_in(pane, "tags") == []  # links are not search text
    assert pane.field_text("summary").count("\n") == 2  # the paragraphs stay apart


def test_folding_diacritics_phrases_prefixes_and_cjk(
    make_pane: PaneFactory, korean: LoggingService
) -> None:
    pane = make_pane(korean)
    pane.show_ids([7])
    assert highlighted(pane) == []
    pane.set_query('P’yongyang "soviet koreans" veteran* 国籍 -cable')
    assert highlighted(pane) == ["P'yŏngyang", "国籍", "Soviet Koreans", "veterans"]
    pane.set_query("korean")  # whole words, as the search matches them
    assert highlighted(pane) == ["Korean"]


def test_a_malformed_query_keeps_the_highlights(
    make_pane: PaneFactory, korean: LoggingService
) -> None:
    pane = make_pane(korean)
    pane.show_ids([7])
    pane.set_query("veterans")
    pane.set_query('veterans "unclosed')
    assert pane.highlighted_words == ["veterans"]
    assert highlighted(pane) == ["veterans"]
    pane.set_query("")
    assert highlighted(pane) == []


def test_highlights_follow_to_the_next_record(
    make_pane: PaneFactory, korean: LoggingService
) -> None:
    pane = make_pane(korean)
    pane.set_query("korean")
    pane.show_ids([43])
    assert highlighted(pane) == ["Korean"]


@pytest.mark.parametrize(
    ("text", "words", "found"),
    [
        ("Kim Il Sung met KIM", ["kim"], ["Kim", "KIM"]),
        ("Koreans and Korea", ["korea"], ["Korea"]),
        ("veterans' benefits", ["veteran*"], ["veterans"]),
        ("P’yŏngyang, Pyongyang", ["P'yongyang"], ["P’yŏngyang"]),
        ("Kim Il-sung spoke", ["kim il sung"], ["Kim Il-sung"]),
        ("Straße und STRASSE", ["strasse"], ["Straße", "STRASSE"]),
        ("中华人民共和国外交部", ["外交"], ["外交"]),
        ("ＡＢＣ news", ["abc"], ["ＡＢＣ"]),
        ("overlapping words", ["overlapping", "overlap*"], ["overlapping"]),
        ("nothing here", ["—", "*"], []),
    ],
)
def test_highlight_spans(text: str, words: list[str], found: list[str]) -> None:
    assert [text[start:end] for start, end in highlight_spans(text, words)] == found


def test_words_of_a_query() -> None:
    assert words_of('citizenship "Soviet Koreans" -draft type:cable') == [
        "citizenship",
        "Soviet Koreans",
    ]
    assert words_of('"unclosed') is None
