"""Fake services for the record list: every summary column filled, and a million ids."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from catalog.domain.dates import parse_date
from catalog.domain.records import AuthorityKind, RecordSummary
from tests.ui.fakes import FakeCatalogService

DATE = parse_date("1959-10-31")


class FullService(FakeCatalogService):
    """Summaries carry archive, language and people, as the store's will."""

    def summaries(self, ids: Sequence[int]) -> list[RecordSummary]:
        self._called("summaries", list(ids))
        rows = []
        for record_id in ids:
            d = self.records.get(record_id)
            if d is None:
                continue
            people = tuple(a.name for a in d.authorities if a.kind is AuthorityKind.PERSON)
            language = ", ".join(d.languages)
            rows.append(
                RecordSummary(d.id, d.title, d.date, d.doc_type, d.archive, language, people)
            )
        return rows


@dataclass
class MillionService(FakeCatalogService):
    """Ids 1..size, each summary made when asked: "Record <id>"."""

    size: int = 1_000_000

    def summaries(self, ids: Sequence[int]) -> list[RecordSummary]:
        self._called("summaries", list(ids))
        return [
            RecordSummary(i, f"Record {i}", DATE, "Cable", "AVPRF")
            for i in ids
            if 1 <= i <= self.size
        ]
