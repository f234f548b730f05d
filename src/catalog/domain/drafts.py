"""What an archivist types into the record editor, before the store resolves names to ids."""

from __future__ import annotations

import re
from dataclasses import dataclass, fields, replace

from catalog.domain.dates import PartialDate, parse_date, parse_edtf
from catalog.domain.records import AuthorityKind, RecordDetail, RelationType, Role

# No database holds these: a NUL (PostgreSQL refuses it, SQLite cuts text at it in places)
# and the other C0 controls but tab and line breaks; a lone UTF-16 surrogate (pasted from
# a broken source) cannot even be encoded.
_UNSTORABLE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")


def storable(text: str) -> str:
    """``text`` as a database can keep it: NULs and control characters dropped, a lone
    surrogate shown as U+FFFD (the replacement character)."""
    return _SURROGATE.sub("\ufffd", _UNSTORABLE.sub("", text))


# The qualifiers EDTF puts after a date: approximate, uncertain, both.
_QUALIFIERS = {(True, False): "~", (False, True): "?", (True, True): "%"}


def qualified_date(text: str, approximate: bool = False, uncertain: bool = False) -> PartialDate:
    """The date ``text`` means, marked approximate and/or uncertain as the toggles say.

    The toggles add to what the text says itself ("c. 1950" is approximate already);
    they apply to single dates, not to intervals.
    """
    date = parse_date(text)
    if date.edtf is None or "/" in date.edtf or date.edtf == "XXXX":
        return date
    approximate = approximate or date.approximate
    uncertain = uncertain or date.uncertain
    if (approximate, uncertain) == (date.approximate, date.uncertain):
        return date
    plain = date.edtf.rstrip("~?%")
    return parse_edtf(plain + _QUALIFIERS[(approximate, uncertain)], date.text)


@dataclass(frozen=True)
class NameChoice:
    """An authority picked in the editor: an existing one by id, or a new name."""

    kind: AuthorityKind
    name: str
    role: Role = Role.MENTIONED
    authority_id: int | None = None


@dataclass(frozen=True)
class RelationChoice:
    """A link from the edited record to another one."""

    type: RelationType
    target_id: int


@dataclass(frozen=True)
class AttachmentChoice:
    """A file attached to the record, already stored under the catalogue's folder."""

    path: str
    sha256: str
    role: str = ""
    language: str = ""


@dataclass(frozen=True)
class RecordDraft:
    """Every field of a record as the editor holds it."""

    title: str
    date_text: str = ""
    approximate: bool = False
    uncertain: bool = False
    summary: str = ""
    doc_type: str = ""
    languages: tuple[str, ...] = ()
    archive: str = ""
    source_ref: str = ""
    classification: str = ""
    collections: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    names: tuple[NameChoice, ...] = ()
    relations: tuple[RelationChoice, ...] = ()
    attachments: tuple[AttachmentChoice, ...] = ()

    @property
    def date(self) -> PartialDate:
        """The date as understood, with the toggles applied."""
        return qualified_date(self.date_text, self.approximate, self.uncertain)

    def storable(self) -> RecordDraft:
        """The draft with every typed text made :func:`storable` (pasted text can hold
        characters no database keeps)."""
        return replace(
            self,
            title=storable(self.title),
            date_text=storable(self.date_text),
            summary=storable(self.summary),
            doc_type=storable(self.doc_type),
            archive=storable(self.archive),
            source_ref=storable(self.source_ref),
            classification=storable(self.classification),
            languages=tuple(storable(v) for v in self.languages),
            collections=tuple(storable(v) for v in self.collections),
            tags=tuple(storable(v) for v in self.tags),
            names=tuple(replace(n, name=storable(n.name)) for n in self.names),
        )

    def problems(self) -> list[str]:
        """What must be fixed before the record can be saved (empty when it can)."""
        return [] if self.title.strip() else ["A title is required."]

    def warnings(self) -> list[str]:
        """What looks wrong but may be saved anyway."""
        if self.date_text.strip() and not self.date.understood:
            return [f"The date “{self.date_text.strip()}” was not understood; it is kept as typed."]
        return []

    @classmethod
    def from_detail(cls, record: RecordDetail) -> RecordDraft:
        """The draft of an existing record, as the editor opens it."""
        return cls(
            title=record.title,
            date_text=record.date.text or record.date.edtf or "",
            approximate=record.date.approximate,
            uncertain=record.date.uncertain,
            summary=record.summary,
            doc_type=record.doc_type,
            languages=record.languages,
            archive=record.archive,
            source_ref=record.source_ref,
            classification=record.classification,
            collections=record.collections,
            tags=record.tags,
            names=tuple(
                NameChoice(link.kind, link.name, link.role, link.authority_id)
                for link in record.authorities
            ),
            relations=tuple(
                RelationChoice(rel.type, rel.other_id) for rel in record.relations if rel.outgoing
            ),
            attachments=tuple(
                AttachmentChoice(a.path, a.sha256, a.role, a.language) for a in record.attachments
            ),
        )


DRAFT_FIELDS = tuple(f.name for f in fields(RecordDraft))
"""The draft's fields in the editor's order: what a conflict is compared on."""


def differing_fields(first: RecordDraft, second: RecordDraft) -> list[str]:
    """The fields in which two drafts differ, in the editor's order."""
    return [name for name in DRAFT_FIELDS if getattr(first, name) != getattr(second, name)]
