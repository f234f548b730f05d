"""RecordDetail values for the transfer tests, and what an importer should make of them."""

from __future__ import annotations

import zlib
from dataclasses import replace
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

from catalog.domain.dates import parse_date
from catalog.domain.records import (
    Annotation,
    AnnotationInput,
    Attachment,
    AttachmentInput,
    AuthorityKind,
    AuthorityLink,
    NameLink,
    RecordDetail,
    RecordInput,
    RelationInput,
    RelationType,
    RelationView,
    Role,
)

CREATED = datetime(2024, 1, 2, 3, 4, 5, 123456, tzinfo=UTC)
MODIFIED = datetime(2024, 3, 4, 15, 16, 17, tzinfo=timezone(timedelta(hours=9)))


def uid(n: int) -> str:
    """A stable uid for record ``n``."""
    return f"00000000-0000-4000-8000-{n:012d}"


def link(
    kind: AuthorityKind, name: str, role: Role = Role.MENTIONED, *variants: str
) -> AuthorityLink:
    """An authority link with a made-up id."""
    return AuthorityLink(zlib.crc32(f"{kind}:{name}".encode()), kind, name, role, variants)


def make_record(n: int = 1, **changes: Any) -> RecordDetail:
    """A record that uses every field, in several scripts; ``changes`` override fields."""
    record = RecordDetail(
        id=n,
        uid=uid(n),
        title=f"Journal of Soviet Ambassador to the DPRK V. I. Ivanov, part {n}",
        date=parse_date("October, 1959"),
        summary=(
            "Nam Il tells Ivanov that Kim Il Sung (김일성, 金日成, Ким Ир Сен) is settling "
            'the "citizenship" question | with a pipe, a \\ backslash,\nand a second line.'
        ),
        doc_type="Journal/Diary",
        languages=("Russian", "Korean", "Chinese"),
        archive="Archive of Foreign Policy of the Russian Federation (AVPRF)",
        source_ref="f. 0102, op. 11, p. 65, d. 45, ll. 1-3; translated by Gary Goldberg",
        classification="Top Secret",
        collections=("Soviet Koreans", "Korean War | aftermath"),
        authorities=(
            link(AuthorityKind.PERSON, "Ivanov, V. I.", Role.AUTHOR, "Иванов В. И."),
            link(AuthorityKind.PERSON, "Molotov, V. M.", Role.RECIPIENT),
            link(AuthorityKind.PERSON, "Kim Il Sung", Role.MENTIONED, "Kim Il-sung", "김일성"),
            link(AuthorityKind.PERSON, "Huang Yugui", Role.MENTIONED, "Hong Yugui", "黄裕贵"),
            link(AuthorityKind.ORGANISATION, "Korean Workers' Party", Role.MENTIONED),
            link(AuthorityKind.ORGANISATION, "Ministry of Foreign Affairs, USSR", Role.AUTHOR),
            link(AuthorityKind.PLACE, "Pyongyang", Role.MENTIONED, "P'yŏngyang", "평양"),
            link(AuthorityKind.SUBJECT, "Citizenship", Role.SUBJECT),
            link(AuthorityKind.SUBJECT, "Soviet Koreans", Role.SUBJECT),
        ),
        tags=("todo", "check: translation"),
        annotations=(
            Annotation(1, "Compare with the Chinese copy (中文).", "anna", CREATED, MODIFIED),
            Annotation(2, "Ещё одна заметка | with a pipe", "", CREATED, CREATED),
        ),
        relations=(
            RelationView(1, RelationType.REPLY_TO, True, 9, uid(9), "An earlier letter"),
            RelationView(2, RelationType.TRANSLATION_OF, True, 8, uid(8), "The original"),
            RelationView(3, RelationType.COVER_MEMO_FOR, False, 7, uid(7), "Incoming link"),
        ),
        attachments=(
            Attachment(1, "scans/ivanov-1959.pdf", "scan", "Russian", "ab" * 32),
            Attachment(2, "translations/ivanov-1959.txt", "translation", "English", ""),
        ),
        created=CREATED,
        modified=MODIFIED,
        version=3,
    )
    return replace(record, **changes)


def plain_record(n: int = 1, **changes: Any) -> RecordDetail:
    """A record with only a title and a uid."""
    record = RecordDetail(
        id=n,
        uid=uid(n),
        title=f"Record {n}",
        date=parse_date(""),
        summary="",
        doc_type="",
        languages=(),
        archive="",
        source_ref="",
        classification="",
        collections=(),
        authorities=(),
        tags=(),
        annotations=(),
        relations=(),
        attachments=(),
        created=CREATED,
        modified=CREATED,
        version=1,
    )
    return replace(record, **changes)


def expected_input(record: RecordDetail) -> RecordInput:
    """The RecordInput that a lossless import of ``record`` gives (``line`` left out)."""
    return RecordInput(
        title=record.title,
        date_text=record.date.text,
        summary=record.summary,
        doc_type=record.doc_type,
        languages=record.languages,
        archive=record.archive,
        source_ref=record.source_ref,
        classification=record.classification,
        collections=record.collections,
        names=tuple(NameLink(a.kind, a.name, a.role, a.variants) for a in record.authorities),
        tags=record.tags,
        notes=tuple(
            AnnotationInput(a.text, a.author, a.created, a.modified) for a in record.annotations
        ),
        relations=tuple(RelationInput(r.type, r.other_uid) for r in record.relations if r.outgoing),
        attachments=tuple(
            AttachmentInput(a.path, a.role, a.language, a.sha256) for a in record.attachments
        ),
        uid=record.uid,
        edtf=record.date.edtf,
        created=record.created,
        modified=record.modified,
    )
