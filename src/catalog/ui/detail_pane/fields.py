"""What the detail pane shows of a record, as (label, text) pairs of plain text."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from catalog.domain.dates import describe
from catalog.domain.records import (
    Annotation,
    Attachment,
    AuthorityKind,
    AuthorityLink,
    RecordDetail,
    RelationView,
)

EMPTY = "—"

_NAME_SECTIONS = (
    ("people", "People", AuthorityKind.PERSON),
    ("organisations", "Organisations", AuthorityKind.ORGANISATION),
    ("places", "Places", AuthorityKind.PLACE),
    ("subjects", "Subjects", AuthorityKind.SUBJECT),
)


@dataclass(frozen=True)
class Field:
    """One row of the detail pane.

    Attributes:
        key: a stable name (the row's widgets are named after it).
        label: the row's label.
        text: the value as plain text; EMPTY when the record has none.
    """

    key: str
    label: str
    text: str

    @property
    def empty(self) -> bool:
        """True when the record has no value here."""
        return self.text == EMPTY


def record_fields(detail: RecordDetail) -> list[Field]:
    """Every field of a record, in reading order, formatted as plain text."""
    fields = [
        Field("date", "Date", date_text(detail)),
        Field("type", "Type", detail.doc_type),
        Field("languages", "Languages", ", ".join(detail.languages)),
        Field("archive", "Archive", detail.archive),
        Field("source_ref", "Source reference", detail.source_ref),
        Field("classification", "Classification", detail.classification),
        Field("collections", "Collections", "\n".join(detail.collections)),
    ]
    for key, label, kind in _NAME_SECTIONS:
        fields.append(Field(key, label, "\n".join(map(link_text, detail.names_of(kind)))))
    named = {kind for _key, _label, kind in _NAME_SECTIONS} | {AuthorityKind.REPOSITORY}
    others = [link for link in detail.authorities if link.kind not in named]
    if others:
        fields.append(Field("other_names", "Other names", "\n".join(map(link_text, others))))
    fields += [
        Field("tags", "Tags", ", ".join(detail.tags)),
        Field("summary", "Summary", detail.summary),
        Field("annotations", f"Notes ({len(detail.annotations)})", _notes(detail.annotations)),
        Field("relations", "Related", "\n".join(map(relation_text, detail.relations))),
        Field("attachments", "Attachments", "\n".join(map(attachment_text, detail.attachments))),
        Field("record", "Record", record_text(detail)),
    ]
    return [Field(f.key, f.label, f.text.strip() or EMPTY) for f in fields]


def date_text(detail: RecordDetail) -> str:
    """The archive's own wording, then how Catalog understood it."""
    date = detail.date
    if not date.text and date.edtf is None:
        return "No date"
    if date.edtf is None:
        return f"{date.text}\n(not understood as a date)"
    return f"{date.text or date.edtf}\n{describe(date)}"


def link_text(link: AuthorityLink) -> str:
    """A linked name with its role (and other spellings)."""
    text = f"{link.name} ({link.role.value})"
    if link.variants:
        text += f"; also {', '.join(link.variants)}"
    return text


def relation_text(relation: RelationView) -> str:
    """A relation as read from this record: "reply to: <other title>"."""
    return f"{relation.label}: {relation.other_title or relation.other_uid}"


def attachment_text(attachment: Attachment) -> str:
    """An attachment's path with its role and language when known."""
    extras = ", ".join(part for part in (attachment.role, attachment.language) if part)
    return f"{attachment.path} ({extras})" if extras else attachment.path


def timestamp(moment: datetime) -> str:
    """A time in the user's time zone, to the minute."""
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")


def record_text(detail: RecordDetail) -> str:
    """Created, modified, version and the stable id; the trash if it is there."""
    lines = [
        f"Created {timestamp(detail.created)}",
        f"Modified {timestamp(detail.modified)}",
        f"Version {detail.version}",
        f"Id {detail.uid}",
    ]
    if detail.deleted:
        lines.insert(0, "In the trash")
    return "\n".join(lines)


def _notes(annotations: tuple[Annotation, ...]) -> str:
    return "\n\n".join(
        f"{note.author or 'Unknown author'} · {timestamp(note.created)}\n{note.text}"
        for note in annotations
    )
