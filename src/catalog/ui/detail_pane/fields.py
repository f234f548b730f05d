"""What the detail pane shows of a record: fields of plain-text spans, some of them links.

The pane's document is built from these values alone, so what a record shows (and
which parts filter, open another record or open a file) is decided and tested here,
without Qt. Clauses are made with ``format_clause``, so any name reads back exactly.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from catalog.domain.dates import describe
from catalog.domain.query import format_clause
from catalog.domain.records import (
    Annotation,
    Attachment,
    AuthorityKind,
    AuthorityLink,
    ChangeEntry,
    RecordDetail,
    RelationView,
)

EMPTY = "—"
SHORT_VALUE = 60
"""Old and new values in the change log are cut to this many characters."""

_NAME_SECTIONS = (
    ("people", "People", AuthorityKind.PERSON, "person"),
    ("organisations", "Organisations", AuthorityKind.ORGANISATION, "organisation"),
    ("places", "Places", AuthorityKind.PLACE, "place"),
    ("subjects", "Subjects", AuthorityKind.SUBJECT, "subject"),
)


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

ADD_NOTE = "Add note…"
EDIT_NOTE = "Edit"
DELETE_NOTE = "Delete"


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
        _field("date", "Date", [[Span(line)] for line in date_text(detail).split("\n")]),
        _field("type", "Type", [_links("type", [detail.doc_type])]),
        _field("languages", "Languages", [_links("language", detail.languages)]),
        _field("archive", "Archive", [_links("archive", [detail.archive])]),
        _field("source_ref", "Source reference", _plain_lines(detail.source_ref)),
        _field("classification", "Classification", _plain_lines(detail.classification)),
        _field(
            "collections", "Collections", [_links("collection", [c]) for c in detail.collections]
        ),
    ]
    for key, label, kind, clause_field in _NAME_SECTIONS:
        lines = [name_line(link, clause_field) for link in detail.names_of(kind)]
        fields.append(_field(key, label, lines))
    changes = sorted(changes, key=lambda entry: entry.at, reverse=True)  # newest first
    fields += [
        _field("tags", "Tags", [_links("tag", detail.tags)]),
        _field("summary", "Summary", _plain_lines(detail.summary, searchable=True), wide=True),
        _field(
            "annotations",
            f"Notes ({len(detail.annotations)})",
            _notes(detail.annotations, editable),
            wide=True,
        ),
        _field("relations", "Related", [relation_line(r) for r in detail.relations], wide=True),
        _field(
            "attachments", "Attachments", [attachment_line(a) for a in detail.attachments], True
        ),
        _field(
            "history", f"History ({len(changes)})", [[Span(change_text(c))] for c in changes], True
        ),
        _field("record", "Record", _plain_lines(record_text(detail))),
    ]
    return fields


def date_text(detail: RecordDetail) -> str:
    """The archive's own wording, then how Catalog understood it (EDTF and bounds)."""
    date = detail.date
    if not date.text and date.edtf is None:
        return "No date"
    if date.edtf is None:
        return f"{date.text}\n(not understood as a date)"
    return f"{date.text or date.edtf}\n{describe(date)}"


def name_line(link: AuthorityLink, clause_field: str) -> Line:
    """A linked name that filters by it, with its role and other spellings."""
    rest = f" ({link.role.value})"
    if link.variants:
        rest += f"; also {', '.join(link.variants)}"
    return (Span(link.name, FilterLink(format_clause(clause_field, link.name))), Span(rest))


def relation_line(relation: RelationView) -> Line:
    """A relation as read from this record ("reply to: <title>"), the title a link."""
    title = relation.other_title or relation.other_uid or f"record {relation.other_id}"
    return (Span(f"{relation.label}: "), Span(title, RecordLink(relation.other_id)))


def attachment_line(attachment: Attachment) -> Line:
    """An attachment's path as a link, with its role and language when known."""
    link = Span(attachment.path, FileLink(attachment.path))
    extras = ", ".join(part for part in (attachment.role, attachment.language) if part)
    return (link, Span(f" ({extras})")) if extras else (link,)


def note_lines(note: Annotation, editable: bool = False) -> list[Line]:
    """A note: who wrote it and when (and when it was edited), then its text.

    ``editable`` puts Edit and Delete links after the heading.
    """
    heading = f"{note.author or 'Unknown author'} · {timestamp(note.created)}"
    if note.modified != note.created:
        heading += f" (edited {timestamp(note.modified)})"
    first: Line = (Span(heading),)
    if editable:
        first += (
            Span(" · "),
            Span(EDIT_NOTE, NoteLink("edit", note.id)),
            Span(" · "),
            Span(DELETE_NOTE, NoteLink("delete", note.id)),
        )
    return [first, *_plain_lines(note.text, searchable=True)]


def change_text(entry: ChangeEntry) -> str:
    """One change as a short line: when, who, what, and from what to what."""
    what = " ".join(part for part in (entry.action, entry.field) if part)
    text = f"{timestamp(entry.at)} · {entry.user or 'unknown user'} · {what}"
    if entry.old is not None or entry.new is not None:
        text += f": {_short(entry.old)} → {_short(entry.new)}"
    return text


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


def _short(value: str | None) -> str:
    if not value:
        return "(empty)"
    flat = " ".join(value.split())
    return f"“{flat if len(flat) <= SHORT_VALUE else flat[: SHORT_VALUE - 1] + '…'}”"


def _notes(annotations: Sequence[Annotation], editable: bool = False) -> list[Line]:
    """Every note, a blank line between them; first the Add link when notes can be added."""
    lines: list[Line] = [(Span(ADD_NOTE, NoteLink("add")),)] if editable else []
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


def _field(key: str, label: str, lines: Iterable[Iterable[Span]], wide: bool = False) -> Field:
    """A field without blank lines at either end (a value of only spaces counts as none)."""
    kept = [tuple(line) for line in lines]
    blank = ["".join(span.text for span in line).strip() == "" for line in kept]
    if all(blank):
        return Field(key, label, (), wide)
    first = blank.index(False)
    last = len(kept) - blank[::-1].index(False)
    return Field(key, label, tuple(kept[first:last]), wide)
