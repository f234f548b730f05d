"""Plain values that cross the layers: what importers produce and what the UI shows.

Nothing here knows about a database or a window. Every class is frozen, so a value read
on a worker thread can be handed to the UI thread safely.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any

from catalog.domain.dates import PartialDate


class AuthorityKind(StrEnum):
    """The kinds of name authority a record links to."""

    PERSON = "person"
    ORGANISATION = "organisation"
    PLACE = "place"
    SUBJECT = "subject"
    REPOSITORY = "repository"


class Role(StrEnum):
    """What a linked authority is to a record."""

    AUTHOR = "author"
    RECIPIENT = "recipient"
    MENTIONED = "mentioned"
    SUBJECT = "subject"
    ARCHIVE = "archive"


class RelationType(StrEnum):
    """Typed links between records, each stored once and read from both ends."""

    COVER_MEMO_FOR = "cover_memo_for"
    REPLY_TO = "reply_to"
    TRANSLATION_OF = "translation_of"
    ATTACHMENT_OF = "attachment_of"
    PART_OF = "part_of"
    SAME_AS = "same_as"
    RELATED_TO = "related_to"

    @property
    def label(self) -> str:
        """How the link reads from the record that holds it."""
        return _RELATION_LABELS[self][0]

    @property
    def inverse_label(self) -> str:
        """How the link reads from the record it points at."""
        return _RELATION_LABELS[self][1]


_RELATION_LABELS: dict[RelationType, tuple[str, str]] = {
    RelationType.COVER_MEMO_FOR: ("cover memo for", "has cover memo"),
    RelationType.REPLY_TO: ("reply to", "answered by"),
    RelationType.TRANSLATION_OF: ("translation of", "has translation"),
    RelationType.ATTACHMENT_OF: ("attachment of", "has attachment"),
    RelationType.PART_OF: ("part of", "has part"),
    RelationType.SAME_AS: ("same as", "same as"),
    RelationType.RELATED_TO: ("related to", "related to"),
}


# ----------------------------------------------------------------------------- input


@dataclass(frozen=True)
class NameLink:
    """A link from a record to an authority, by name (any variant) and kind."""

    kind: AuthorityKind
    name: str
    role: Role = Role.MENTIONED
    variants: tuple[str, ...] = ()


@dataclass(frozen=True)
class AnnotationInput:
    """A note as an importer reads it."""

    text: str
    author: str = ""
    created: datetime | None = None
    modified: datetime | None = None


@dataclass(frozen=True)
class RelationInput:
    """A typed link to another record, named by its stable uid."""

    type: RelationType
    target_uid: str


@dataclass(frozen=True)
class AttachmentInput:
    """An attachment's metadata; the file itself stays where the catalogue keeps it."""

    path: str
    role: str = ""
    language: str = ""
    sha256: str = ""


@dataclass(frozen=True)
class RecordInput:
    """One record as an importer produces it, before it has an id.

    ``edtf`` is set only when the source states the normalised date itself (native JSON);
    otherwise the store parses ``date_text``. ``line`` is where the record starts in its
    file, for error messages.
    """

    title: str
    date_text: str = ""
    summary: str = ""
    doc_type: str = ""
    languages: tuple[str, ...] = ()
    archive: str = ""
    source_ref: str = ""
    classification: str = ""
    collections: tuple[str, ...] = ()
    names: tuple[NameLink, ...] = ()
    tags: tuple[str, ...] = ()
    notes: tuple[AnnotationInput, ...] = ()
    relations: tuple[RelationInput, ...] = ()
    attachments: tuple[AttachmentInput, ...] = ()
    uid: str | None = None
    edtf: str | None = None
    created: datetime | None = None
    modified: datetime | None = None
    line: int | None = None
    prepared: tuple[Any, ...] | None = field(default=None, compare=False, repr=False)
    """What storing it needs, worked out ahead by the process reading the file (see
    ``catalog.domain.prepared``); None: worked out when stored."""


# ----------------------------------------------------------------------------- output


@dataclass(frozen=True)
class RecordSummary:
    """One row of the record list."""

    id: int
    title: str
    date: PartialDate
    doc_type: str
    archive: str = ""
    language: str = ""
    people: tuple[str, ...] = ()
    """Authorised names of the linked persons, authors first."""


@dataclass(frozen=True)
class AuthorityLink:
    """A linked authority as the detail pane shows it."""

    authority_id: int
    kind: AuthorityKind
    name: str
    role: Role
    variants: tuple[str, ...] = ()


@dataclass(frozen=True)
class Annotation:
    """A note on a record."""

    id: int
    text: str
    author: str
    created: datetime
    modified: datetime


@dataclass(frozen=True)
class RelationView:
    """A relation seen from one record: its wording from this end and the other record."""

    relation_id: int
    type: RelationType
    outgoing: bool
    other_id: int
    other_uid: str
    other_title: str

    @property
    def label(self) -> str:
        """The relation's wording as read from this record."""
        return self.type.label if self.outgoing else self.type.inverse_label


@dataclass(frozen=True)
class Attachment:
    """An attachment's metadata."""

    id: int
    path: str
    role: str
    language: str
    sha256: str


@dataclass(frozen=True)
class RecordDetail:
    """Everything the catalogue holds about one record."""

    id: int
    uid: str
    title: str
    date: PartialDate
    summary: str
    doc_type: str
    languages: tuple[str, ...]
    archive: str
    source_ref: str
    classification: str
    collections: tuple[str, ...]
    authorities: tuple[AuthorityLink, ...]
    tags: tuple[str, ...]
    annotations: tuple[Annotation, ...]
    relations: tuple[RelationView, ...]
    attachments: tuple[Attachment, ...]
    created: datetime
    modified: datetime
    version: int
    deleted: bool = False

    def names_of(self, kind: AuthorityKind) -> tuple[AuthorityLink, ...]:
        """The linked authorities of one kind."""
        return tuple(a for a in self.authorities if a.kind is kind)


@dataclass(frozen=True)
class FacetValue:
    """One value of a facet with its count and the query clause that selects it."""

    label: str
    count: int
    clause: str


@dataclass(frozen=True)
class Facet:
    """A facet of the sidebar: its name and values, most frequent first."""

    name: str
    title: str
    values: tuple[FacetValue, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class ImportReport:
    """What an import wrote, or would write on a dry run: ``records`` added (their ids in
    ``record_ids``), ``updated`` existing records, ``skipped`` duplicates."""

    path: str
    format: str
    records: int
    authorities: int
    dry_run: bool
    warnings: tuple[str, ...] = ()
    record_ids: Sequence[int] = ()
    updated: int = 0
    skipped: int = 0


@dataclass(frozen=True)
class ChangeEntry:
    """One line of a record's change log: who changed which field, when, from what to what."""

    at: datetime
    user: str
    action: str
    field: str = ""
    old: str | None = None
    new: str | None = None
