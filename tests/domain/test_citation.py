"""archive_citation: a record cited as the Wilson Center Digital Archive cites a document."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from catalog.domain.citation import archive_citation
from catalog.domain.dates import PartialDate
from catalog.domain.records import RecordDetail, RecordInput
from catalog.services.transfer.listing import parse_listing
from tests.ui.records import make_detail

NOW = datetime(2024, 5, 1, tzinfo=UTC)


def detail_of(record: RecordInput, uid: str = "", **fields: Any) -> RecordDetail:
    """The RecordDetail the catalogue would hold for an imported record."""
    values: dict[str, Any] = {
        "uid": uid,
        "summary": record.summary,
        "languages": record.languages,
        "archive": record.archive,
        "source_ref": record.source_ref,
        "classification": record.classification,
        "collections": record.collections,
        "tags": record.tags,
    }
    detail = make_detail(1, record.title, record.date_text, record.doc_type, **values)
    return replace(detail, **fields)


def test_a_record_of_the_sample_listing(sample_listing: Path) -> None:
    records = list(parse_listing(sample_listing.read_text(encoding="utf-8")))
    first = detail_of(records[0], uid="0b7c7a0e-5a8e-4d7b-9a55-7c1a2f1d3e44")
    assert archive_citation(first) == (
        '"Journal of Soviet Ambassador to the DPRK V. I. Ivanov for 6 December 1955," '
        "December 06, 1955. 0b7c7a0e-5a8e-4d7b-9a55-7c1a2f1d3e44"
    )
    cable = next(r for r in records if r.date_text == "October, 1959")
    described = detail_of(
        cable,
        uid="uid-10",
        collections=("Chinese Koreans",),
        archive="PRC FMA",
        source_ref="PRC FMA 118-00776-02",
    )
    assert archive_citation(described) == (
        '"Cable, Chinese Embassy in North Korea to the Foreign Ministry Consular Affairs '
        'Department," October, 1959, Chinese Koreans, PRC FMA 118-00776-02. uid-10'
    )


def test_a_real_wilson_center_item_reads_as_the_archive_cites_it(corpus: Path) -> None:
    items = json.loads((corpus / "wilson_center" / "zotero_translator_items.json").read_text())
    item = next(i["items"][0] for i in items if i["url"].endswith("/134696"))
    record = RecordInput(
        title=item["title"],
        date_text=item["date"],
        collections=(item["archive"],),
        archive="RGASPI",
        source_ref=item["archiveLocation"],
    )
    assert archive_citation(detail_of(record, uid=item["url"])) == (
        '"TASS Digest Distributed to Cde. I.V. Stalin and Cde. C.M. Molotov, '
        "'The Anti-Soviet Fabrications of a Mexican Newspaper; Etc.',\" 1945-10-16, "
        "History and Public Policy Program Digital Archive, RGASPI, f. 558, op. 11, d. 97, "
        "ll. 67-70. Contributed by Sergey Radchenko and translated by Gary Goldberg. "
        "https://digitalarchive.wilsoncenter.org/document/134696"
    )


def test_archive_and_reference_when_the_reference_does_not_name_the_archive() -> None:
    record = RecordInput(
        title="Record of a Conversation with Ri Dong-yong",
        date_text="February 05, 1958",
        archive="AVPRF",
        source_ref="f. 0102, op. 14,\n d. 8",
        collections=("Soviet Koreans", "North Korea in the Cold War"),
    )
    assert archive_citation(detail_of(record, uid="uid-9")) == (
        '"Record of a Conversation with Ri Dong-yong," February 05, 1958, Soviet Koreans; '
        "North Korea in the Cold War, AVPRF, f. 0102, op. 14, d. 8. uid-9"
    )


def test_quotes_questions_missing_dates_and_identifiers() -> None:
    quoted = RecordInput(title='Telegram "On the Question"', date_text="1959-10")
    assert archive_citation(detail_of(quoted)) == "\"Telegram 'On the Question',\" 1959-10."
    question = RecordInput(title="Who Signed the Convention?")
    assert archive_citation(detail_of(question, uid="u")) == ('"Who Signed the Convention?" n.d. u')
    edtf_only = detail_of(RecordInput(title="Memo"), date=PartialDate(edtf="1955-12-06"))
    assert archive_citation(edtf_only) == '"Memo," 1955-12-06.'
