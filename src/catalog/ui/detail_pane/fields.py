"""What the detail pane shows of a record: fields of plain-text spans, some of them links.

The pane's document is built from these values alone, so what a record shows (and
which parts filter, open another record or open a file) is decided and tested here,
without a widget. Clauses are made with ``format_clause``, so any name reads back
exactly. Fixed words (labels, roles, relations) are translated in context
``DetailFields``; record values are shown as they are.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from PySide6.QtCore import QCoreApplication

from catalog.domain.dates import describe
from catalog.domain.query import format_clause
from catalog.domain.records import (
    Annotation,
    Attachment,
    AuthorityKind,
    AuthorityLink,
    ChangeEntry,
    RecordDetail,
    RelationType,
    RelationView,
    Role,
)
from catalog.ui.translation import QT_TRANSLATE_NOOP

EMPTY = "—"
SHORT_VALUE = 60
"""Old and new values in the change log are cut to this many characters."""

_LABELS = {
    "date": QT_TRANSLATE_NOOP("DetailFields", "Date"),
    "type": QT_TRANSLATE_NOOP("DetailFields", "Type"),
    "languages": QT_TRANSLATE_NOOP("DetailFields", "Languages"),
    "archive": QT_TRANSLATE_NOOP("DetailFields", "Archive"),
    "source_ref": QT_TRANSLATE_NOOP("DetailFields", "Source reference"),
    "classification": QT_TRANSLATE_NOOP("DetailFields", "Classification"),
    "collections": QT_TRANSLATE_NOOP("DetailFields", "Collections"),
    "people": QT_TRANSLATE_NOOP("DetailFields", "People"),
    "organisations": QT_TRANSLATE_NOOP("DetailFields", "Organisations"),
    "places": QT_TRANSLATE_NOOP("DetailFields", "Places"),
    "subjects": QT_TRANSLATE_NOOP("DetailFields", "Subjects"),
    "tags": QT_TRANSLATE_NOOP("DetailFields", "Tags"),
    "summary": QT_TRANSLATE_NOOP("DetailFields", "Summary"),
    "annotations": QT_TRANSLATE_NOOP("DetailFields", "Notes ({0})"),
    "relations": QT_TRANSLATE_NOOP("DetailFields", "Related"),
    "attachments": QT_TRANSLATE_NOOP("DetailFields", "Attachments"),
    "history": QT_TRANSLATE_NOOP("DetailFields", "History ({0})"),
    "record": QT_TRANSLATE_NOOP("DetailFields", "Record"),
}
"""Each field's heading by its key, translated where a field is made (``{0}``: a count)."""
_NAME_SECTIONS = (
    ("people", AuthorityKind.PERSON, "person"),
    ("organisations", AuthorityKind.ORGANISATION, "organisation"),
    ("places", AuthorityKind.PLACE, "place"),
    ("subjects", AuthorityKind.SUBJECT, "subject"),
)
_ROLES = {
    Role.AUTHOR: QT_TRANSLATE_NOOP("DetailFields", "author"),
    Role.RECIPIENT: QT_TRANSLATE_NOOP("DetailFields", "recipient"),
    Role.MENTIONED: QT_TRANSLATE_NOOP("DetailFields", "mentioned"),
    Role.SUBJECT: QT_TRANSLATE_NOOP("DetailFields", "subject"),
    Role.ARCHIVE: QT_TRANSLATE_NOOP("DetailFields", "archive"),
}
"""A linked name's role as shown after it (the same words as ``Role``'s values)."""
_RELATIONS = {
    (RelationType.COVER_MEMO_FOR, True): QT_TRANSLATE_NOOP("DetailFields", "cover memo for"),
    (RelationType.COVER_MEMO_FOR, False): QT_TRANSLATE_NOOP("DetailFields", "has cover memo"),
    (RelationType.REPLY_TO, True): QT_TRANSLATE_NOOP("DetailFields", "reply to"),
    (RelationType.REPLY_TO, False): QT_TRANSLATE_NOOP("DetailFields", "answered by"),
    (RelationType.TRANSLATION_OF, True): QT_TRANSLATE_NOOP("DetailFields", "translation of"),
    (RelationType.TRANSLATION_OF, False): QT_TRANSLATE_NOOP("DetailFields", "has translation"),
    (RelationType.ATTACHMENT_OF, True): QT_TRANSLATE_NOOP("DetailFields", "attachment of"),
    (RelationType.ATTACHMENT_OF, False): QT_TRANSLATE_NOOP("DetailFields", "has attachment"),
    (RelationType.PART_OF, True): QT_TRANSLATE_NOOP("DetailFields", "part of"),
    (RelationType.PART_OF, False): QT_TRANSLATE_NOOP("DetailFields", "has part"),
    (RelationType.SAME_AS, True): QT_TRANSLATE_NOOP("DetailFields", "same as"),
    (RelationType.SAME_AS, False): QT_TRANSLATE_NOOP("DetailFields", "same as"),
    (RelationType.RELATED_TO, True): QT_TRANSLATE_NOOP("DetailFields", "related to"),
    (RelationType.RELATED_TO, False): QT_TRANSLATE_NOOP("DetailFields", "related to"),
}
"""A relation's wording read from either end (the same words as ``RelationView.label``)."""


@dataclass(frozen=True)
class FilterLink:
    """Narrow the search to records with this clause."""

    clause: str


@dataclass(frozen=True)
class RecordLink:
    """Show another record."""

    record_id: int


@dataclass(frozen=True)
class FileLink:
    """Open an attachment with the system's viewer."""

    path: str


@dataclass(frozen=True)
class NoteLink:
    """Add a note to the record on show (no note id), or edit or delete one of its notes."""

    action: Literal["add", "edit", "delete"]
    note_id: int | None = None


Link = FilterLink | RecordLink | FileLink | NoteLink

ADD_NOTE = QT_TRANSLATE_NOOP("DetailFields", "Add note…")
EDIT_NOTE = QT_TRANSLATE_NOOP("DetailFields", "Edit")
DELETE_NOTE = QT_TRANSLATE_NOOP("DetailFields", "Delete")


@dataclass(frozen=True)
class Span:
    """A run of record text: plain, a link, or searchable (search words highlighted)."""

    text: str
    link: Link | None = None
    searchable: bool = False


Line = tuple[Span, ...]


@dataclass(frozen=True)
class Field:
    """One field of the pane.

    Attributes:
        key: a stable name (tests and ``DetailPane.field_text`` use it).
        label: the field's heading.
        lines: its value, one tuple of spans per line; none when the record has no value.
        wide: shown as a section under its heading, for long text, rather than a row.
    """

    key: str
    label: str
    lines: tuple[Line, ...]
    wide: bool = False

    @property
    def empty(self) -> bool:
        """True when the record has no value here."""
        return not self.text_lines

    @property
    def text_lines(self) -> list[str]:
        """The lines as plain text."""
        return ["".join(span.text for span in line) for line in self.lines]

    @property
    def text(self) -> str:
        """The value as plain text; EMPTY when the record has none."""
        return "\n".join(self.text_lines) or EMPTY


def record_fields(
    detail: RecordDetail, changes: Sequence[ChangeEntry] = (), *, editable: bool = False
) -> list[Field]:
    """Every field of a record, in reading order; ``changes`` is its change log.

    ``editable`` adds the note links (add, edit, delete): only a catalogue the window
    may change offers them.
    """
    fields = [
        _field("date", [[Span(line)] for line in date_text(detail).split("\n")]),
        _field("type", [_links("type", [detail.doc_type])]),
        _field("languages", [_links("language", detail.languages)]),
        _field("archive", [_links("archive", [detail.archive])]),
        _field("source_ref", _plain_lines(detail.source_ref)),
        _field("classification", _plain_lines(detail.classification)),
        _field("collections", [_links("collection", [c]) for c in detail.collections]),
    ]
    for key, kind, clause_field in _NAME_SECTIONS:
        lines = [name_line(link, clause_field) for link in detail.names_of(kind)]
        fields.append(_field(key, lines))
    changes = sorted(changes, key=lambda entry: entry.at, reverse=True)  # newest first
    fields += [
        _field("tags", [_links("tag", detail.tags)]),
        _field("summary", _plain_lines(detail.summary, searchable=True), wide=True),
        _field(
            "annotations",
            _notes(detail.annotations, editable),
            wide=True,
            count=len(detail.annotations),
        ),
        _field("relations", [relation_line(r) for r in detail.relations], wide=True),
        _field("attachments", [attachment_line(a) for a in detail.attachments], wide=True),
        _field("history", [[Span(change_text(c))] for c in changes], wide=True, count=len(changes)),
        _field("record", _plain_lines(record_text(detail))),
    ]
    return fields


def date_text(detail: RecordDetail) -> str:
    """The archive's own wording, then how Catalog understood it (EDTF and bounds)."""
    date = detail.date
    if not date.text and date.edtf is None:
        return QCoreApplication.translate("DetailFields", "No date")
    if date.edtf is None:
        not_understood = QCoreApplication.translate("DetailFields", "(not understood as a date)")
        return f"{date.text}\n{not_understood}"
    return f"{date.text or date.edtf}\n{describe(date)}"


def name_line(link: AuthorityLink, clause_field: str) -> Line:
    """A linked name that filters by it, with its role and other spellings."""
    role = QCoreApplication.translate("DetailFields", _ROLES.get(link.role, link.role.value))
    rest = f" ({role})"
    if link.variants:
        also = QCoreApplication.translate("DetailFields", "also {0}")
        rest += "; " + also.format(", ".join(link.variants))
    return (Span(link.name, FilterLink(format_clause(clause_field, link.name))), Span(rest))


def relation_line(relation: RelationView) -> Line:
    """A relation as read from this record ("reply to: <title>"), the title a link."""
    title = (
        relation.other_title
        or relation.other_uid
        or QCoreApplication.translate("DetailFields", "record {0}").format(relation.other_id)
    )
    wording = _RELATIONS.get((relation.type, relation.outgoing), relation.label)
    label = QCoreApplication.translate("DetailFields", wording)
    return (Span(f"{label}: "), Span(title, RecordLink(relation.other_id)))


def attachment_line(attachment: Attachment) -> Line:
    """An attachment's path as a link, with its role and language when known."""
    link = Span(attachment.path, FileLink(attachment.path))
    extras = ", ".join(part for part in (attachment.role, attachment.language) if part)
    return (link, Span(f" ({extras})")) if extras else (link,)


def note_lines(note: Annotation, editable: bool = False) -> list[Line]:
    """A note: who wrote it and when (and when it was edited), then its text.

    ``editable`` puts Edit and Delete links after the heading.
    """
    author = note.author or QCoreApplication.translate("DetailFields", "Unknown author")
    heading = f"{author} · {timestamp(note.created)}"
    if note.modified != note.created:
        heading += " " + QCoreApplication.translate("DetailFields", "(edited {0})").format(
            timestamp(note.modified)
        )
    first: Line = (Span(heading),)
    if editable:
        first += (
            Span(" · "),
            Span(QCoreApplication.translate("DetailFields", EDIT_NOTE), NoteLink("edit", note.id)),
            Span(" · "),
            Span(
                QCoreApplication.translate("DetailFields", DELETE_NOTE), NoteLink("delete", note.id)
            ),
        )
    return [first, *_plain_lines(note.text, searchable=True)]


def change_text(entry: ChangeEntry) -> str:
    """One change as a short line: when, who, what, and from what to what."""
    what = " ".join(part for part in (entry.action, entry.field) if part)
    user = entry.user or QCoreApplication.translate("DetailFields", "unknown user")
    text = f"{timestamp(entry.at)} · {user} · {what}"
    if entry.old is not None or entry.new is not None:
        text += f": {_short(entry.old)} → {_short(entry.new)}"
    return text


def timestamp(moment: datetime) -> str:
    """A time in the user's time zone, to the minute."""
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")


def record_text(detail: RecordDetail) -> str:
    """Created, modified, version and the stable id; the trash if it is there."""
    lines = [
        QCoreApplication.translate("DetailFields", "Created {0}").format(timestamp(detail.created)),
        QCoreApplication.translate("DetailFields", "Modified {0}").format(
            timestamp(detail.modified)
        ),
        QCoreApplication.translate("DetailFields", "Version {0}").format(detail.version),
        QCoreApplication.translate("DetailFields", "Id {0}").format(detail.uid),
    ]
    if detail.deleted:
        lines.insert(0, QCoreApplication.translate("DetailFields", "In the trash"))
    return "\n".join(lines)


def _short(value: str | None) -> str:
    if not value:
        return QCoreApplication.translate("DetailFields", "(empty)")
    flat = " ".join(value.split())
    cut = flat if len(flat) <= SHORT_VALUE else flat[: SHORT_VALUE - 1] + "…"
    return QCoreApplication.translate("DetailFields", "“{0}”").format(cut)


def _notes(annotations: Sequence[Annotation], editable: bool = False) -> list[Line]:
    """Every note, a blank line between them; first the Add link when notes can be added."""
    add = QCoreApplication.translate("DetailFields", ADD_NOTE)
    lines: list[Line] = [(Span(add, NoteLink("add")),)] if editable else []
    for note in annotations:
        lines += [(Span(""),)] if lines else []
        lines += note_lines(note, editable)
    return lines


def _plain_lines(text: str, *, searchable: bool = False) -> list[Line]:
    return [(Span(line, searchable=searchable),) for line in text.strip().split("\n")]


def _links(clause_field: str, values: Iterable[str]) -> Line:
    """Values on one line, each a link that filters by it, separated by commas."""
    spans: list[Span] = []
    for value in (v for v in values if v.strip()):
        if spans:
            spans.append(Span(", "))
        spans.append(Span(value, FilterLink(format_clause(clause_field, value))))
    return tuple(spans)


def _field(
    key: str, lines: Iterable[Iterable[Span]], *, wide: bool = False, count: int | None = None
) -> Field:
    """A field under its translated heading (``count`` fills the heading's ``{0}``), without
    blank lines at either end (a value of only spaces counts as none)."""
    label = QCoreApplication.translate("DetailFields", _LABELS[key])
    if count is not None:
        label = label.format(count)
    kept = [tuple(line) for line in lines]
    blank = ["".join(span.text for span in line).strip() == "" for line in kept]
    if all(blank):
        return Field(key, label, (), wide)
    first = blank.index(False)
    last = len(kept) - blank[::-1].index(False)
    return Field(key, label, tuple(kept[first:last]), wide)
