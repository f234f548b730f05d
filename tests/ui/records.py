"""Records for widget tests: a small sample, and one record with every field filled in."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from catalog.domain.dates import parse_date
from catalog.domain.records import (
    Annotation,
    Attachment,
    AuthorityKind,
    AuthorityLink,
    RecordDetail,
    RelationType,
    RelationView,
    Role,
)

NOW = datetime(2024, 5, 1, 12, 0, tzinfo=UTC)


def make_detail(
    record_id: int, title: str, date: str = "", doc_type: str = "", **fields: Any
) -> RecordDetail:
    """A RecordDetail with defaults for every field not given."""
    values: dict[str, Any] = {
        "id": record_id,
        "uid": f"uid-{record_id}",
        "title": title,
        "date": parse_date(date),
        "summary": "",
        "doc_type": doc_type,
        "languages": (),
        "archive": "",
        "source_ref": "",
        "classification": "",
        "collections": (),
        "authorities": (),
        "tags": (),
        "annotations": (),
        "relations": (),
        "attachments": (),
        "created": NOW,
        "modified": NOW,
        "version": 1,
    }
    values.update(fields)
    return RecordDetail(**values)


SAMPLE: tuple[tuple[str, str, str, str], ...] = (
    (
        "December 06, 1955",
        "Journal of Ambassador Ivanov for 6 December 1955",
        "Journal",
        "citizenship of Soviet Koreans",
    ),
    (
        "January 02, 1956",
        "Record of a Conversation with Ri Dong-yong",
        "Record of Conversation",
        "study in the USSR",
    ),
    ("February 02, 1956", "Memorandum on Soviet Koreans", "Memorandum", "dual citizenship"),
    (
        "September 04, 1957",
        "Journal of Ambassador Puzanov for 4 September 1957",
        "Journal",
        "a citizenship convention",
    ),
    (
        "October, 1959",
        "Cable, Chinese Embassy in North Korea to the Foreign Ministry",
        "Cable",
        "citizenship of veterans",
    ),
    ("October 28, 1959", "Cable from the Chinese Interior Ministry", "Cable", "veterans benefits"),
    (
        "May 11, 1960",
        "Cable from the Ministry of Public Security",
        "Cable",
        "citizenship for soldiers",
    ),
)


def sample_details(start: int = 1) -> list[RecordDetail]:
    """Seven small records in the spirit of the shipped sample."""
    return [
        make_detail(
            start + n, title, date, doc_type, summary=summary, tags=("korea",) if n % 2 else ()
        )
        for n, (date, title, doc_type, summary) in enumerate(SAMPLE)
    ]


def full_detail() -> RecordDetail:
    """A record with every field filled in, including text that looks like markup."""
    return make_detail(
        42,
        "<b>Cable</b> <img src='file:///etc/passwd'> 전보 电报 Телеграмма",
        "October, 1959",
        "Cable",
        summary="Chinese and North Korean officials <i>attempt</i> to resolve the question.",
        languages=("Chinese", "Korean"),
        archive="PRC FMA",
        source_ref="106-00217-01",
        classification="Secret",
        collections=("Chinese Koreans",),
        authorities=(
            AuthorityLink(1, AuthorityKind.PERSON, "Kim Il Sung", Role.MENTIONED, ("김일성",)),
            AuthorityLink(
                2, AuthorityKind.ORGANISATION, "Chinese Embassy in North Korea", Role.AUTHOR
            ),
            AuthorityLink(3, AuthorityKind.PLACE, "Pyongyang", Role.MENTIONED),
            AuthorityLink(4, AuthorityKind.SUBJECT, "Citizenship", Role.SUBJECT),
        ),
        tags=("citizenship", "veterans"),
        annotations=(Annotation(7, "Check the Korean original.", "mk", NOW, NOW),),
        relations=(
            RelationView(
                9, RelationType.REPLY_TO, True, 43, "uid-43", "Letter from the Korean side"
            ),
        ),
        attachments=(Attachment(5, "scans/106-00217-01.pdf", "scan", "zh", ""),),
        version=3,
    )
