"""Bulk edit operations, and what each does to one record's state.

An operation is a plain value (``AddTag("x")``, ``Replace(...)``); ``transform`` is a
pure function of a record's state, given a resolver that looks names up once per edit.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from enum import StrEnum
from typing import Any

from catalog.domain.drafts import qualified_date
from catalog.domain.errors import InvalidEdit
from catalog.domain.names import fold
from catalog.domain.records import AuthorityKind, Role
from catalog.domain.wording import QT_TRANSLATE_NOOP
from catalog.services.editing.bulk_names import BulkResolver
from catalog.services.editing.lookups import VocabularyName
from catalog.services.editing.resolve import tidy
from catalog.store.snapshots import RecordState


class ReplaceField(StrEnum):
    """The text fields find and replace works on."""

    TITLE = "title"
    SUMMARY = "summary"
    SOURCE_REF = "source_ref"
    CLASSIFICATION = "classification"
    DATE_TEXT = "date_text"


# ---------------------------------------------------------------------- operations


@dataclass(frozen=True)
class AddTag:
    """Give every record the tag (records that have it already are left alone)."""

    name: str


@dataclass(frozen=True)
class RemoveTag:
    """Take the tag off every record (matched regardless of case and accents)."""

    name: str


@dataclass(frozen=True)
class AddName:
    """Link every record to a person, subject ... (an unknown name becomes an authority)."""

    kind: AuthorityKind
    name: str
    role: Role = Role.MENTIONED


@dataclass(frozen=True)
class RemoveName:
    """Unlink an authority (by id, else by kind and any variant of its name), any role."""

    authority_id: int | None = None
    kind: AuthorityKind | None = None
    name: str = ""


@dataclass(frozen=True)
class AddCollection:
    """Put every record in the collection."""

    name: str


@dataclass(frozen=True)
class RemoveCollection:
    """Take every record out of the collection."""

    name: str


@dataclass(frozen=True)
class SetType:
    """Set the document type (blank: no type)."""

    name: str


@dataclass(frozen=True)
class SetArchive:
    """Set the archive holding the records (blank: none)."""

    name: str


@dataclass(frozen=True)
class SetLanguage:
    """Replace the languages with this one (blank: none)."""

    name: str


@dataclass(frozen=True)
class Replace:
    """Find and replace in one text field, as plain text or a regular expression.

    With ``regex`` the replacement may refer to groups (``\\1``, ``\\g<name>``).
    """

    field: ReplaceField
    find: str
    replace: str = ""
    regex: bool = False
    case_sensitive: bool = False


BulkOp = (
    AddTag
    | RemoveTag
    | AddName
    | RemoveName
    | AddCollection
    | RemoveCollection
    | SetType
    | SetArchive
    | SetLanguage
    | Replace
)


# ---------------------------------------------------------------------- one record


def transform(state: RecordState, op: BulkOp, resolver: BulkResolver) -> RecordState:
    """The record as ``op`` leaves it (the same state when the op changes nothing)."""
    if isinstance(op, AddTag):
        return replace(
            state, tags=_added(state.tags, resolver.spelling(VocabularyName.TAG, op.name))
        )
    if isinstance(op, RemoveTag):
        return replace(state, tags=_removed(state.tags, op.name))
    if isinstance(op, AddCollection):
        name = resolver.spelling(VocabularyName.COLLECTION, op.name)
        return replace(state, collections=_added(state.collections, name))
    if isinstance(op, RemoveCollection):
        return replace(state, collections=_removed(state.collections, op.name))
    if isinstance(op, SetType):
        return replace(state, doc_type=resolver.spelling(VocabularyName.DOC_TYPE, op.name))
    if isinstance(op, SetLanguage):
        name = resolver.spelling(VocabularyName.LANGUAGE, op.name)
        return replace(state, languages=(name,) if name else ())
    if isinstance(op, SetArchive):
        name = clean(op.name)
        archive = resolver.authority(AuthorityKind.REPOSITORY, name) if name else None
        return replace(state, repository_id=archive)
    if isinstance(op, AddName):
        role = op.role
        if op.kind is AuthorityKind.SUBJECT and role is Role.MENTIONED:
            role = Role.SUBJECT
        link = (resolver.authority(op.kind, op.name), role.value)
        return state if link in state.links else replace(state, links=(*state.links, link))
    if isinstance(op, RemoveName):
        aid = resolver.existing(op.kind, op.name, op.authority_id)
        if aid is None:
            return state
        return replace(state, links=tuple(link for link in state.links if link[0] != aid))
    return _replaced(state, op)


def clean(name: str) -> str:
    """A name with its white space tidied."""
    return " ".join(name.split())


def _added(values: tuple[str, ...], name: str) -> tuple[str, ...]:
    key = fold(name)
    if any(fold(value) == key for value in values):
        return values
    return tidy((*values, name))


def _removed(values: tuple[str, ...], name: str) -> tuple[str, ...]:
    key = fold(clean(name))
    return tuple(value for value in values if fold(value) != key)


def _replaced(state: RecordState, op: Replace) -> RecordState:
    pattern = compile_find(op)
    substitute = _substitution(pattern, op)
    if op.field is ReplaceField.DATE_TEXT:
        old_text = state.date.text or state.date.edtf or ""
        new_text = substitute(old_text).strip()
        if new_text == old_text:
            return state
        written = qualified_date(old_text).approximate, qualified_date(old_text).uncertain
        # Keep the approximate and uncertain toggles the text itself did not say.
        approximate = state.date.approximate and not written[0]
        uncertain = state.date.uncertain and not written[1]
        return replace(state, date=qualified_date(new_text, approximate, uncertain))
    old = getattr(state, op.field.value)
    new = substitute(old)
    if new == old:
        return state
    new = clean(new) if op.field is ReplaceField.TITLE else new.strip()
    if op.field is ReplaceField.TITLE and not new:
        raise InvalidEdit(
            QT_TRANSLATE_NOOP(
                "Errors", "The replacement would leave record {record} without a title."
            ),
            record=state.id,
        )
    fields: dict[str, Any] = {op.field.value: new}
    return replace(state, **fields) if new != old else state


def compile_find(op: Replace) -> re.Pattern[str]:
    """The pattern ``op`` looks for; InvalidEdit for blank text or a bad expression."""
    if not op.find:
        raise InvalidEdit(QT_TRANSLATE_NOOP("Errors", "Type the text to find."))
    flags = 0 if op.case_sensitive else re.IGNORECASE
    try:
        return re.compile(op.find if op.regex else re.escape(op.find), flags)
    except re.error as error:
        raise InvalidEdit(
            QT_TRANSLATE_NOOP("Errors", "The regular expression is not valid: {error}."),
            error=error,
        ) from error


def _substitution(pattern: re.Pattern[str], op: Replace) -> Callable[[str], str]:
    if not op.regex:
        literal = op.replace
        return lambda text: pattern.sub(lambda _match: literal, text)

    def substitute(text: str) -> str:
        try:
            return pattern.sub(op.replace, text)
        except (re.error, IndexError) as error:
            raise InvalidEdit(
                QT_TRANSLATE_NOOP("Errors", "The replacement is not valid: {error}."),
                error=error,
            ) from error

    return substitute


def check(op: BulkOp) -> None:
    """Refuse an operation that cannot run (a blank name, a bad regular expression)."""
    if isinstance(op, Replace):
        _substitution(compile_find(op), op)("")  # a bad template fails on any text
        return
    if isinstance(op, RemoveName):
        if op.authority_id is None and (op.kind is None or not clean(op.name)):
            raise InvalidEdit(QT_TRANSLATE_NOOP("Errors", "Choose the name to remove."))
        return
    named = AddTag | RemoveTag | AddCollection | RemoveCollection | AddName
    if isinstance(op, named) and not clean(op.name):
        raise InvalidEdit(QT_TRANSLATE_NOOP("Errors", "Type a name first."))
