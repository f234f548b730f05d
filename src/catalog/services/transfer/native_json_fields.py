"""Native JSON record objects read field by field into a RecordInput, and the text rules they obey.

``native_json`` re-exports ``MAX_TITLE``, ``bad_text``, ``parse_timestamp`` and
``record_input``; they live here so that this module does not import ``native_json``.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from functools import lru_cache
from typing import Any, NoReturn, TypeVar

from catalog.domain.errors import CatalogError, ImportFileError, Word
from catalog.domain.records import (
    AnnotationInput,
    AttachmentInput,
    AuthorityKind,
    NameLink,
    RecordInput,
    RelationInput,
    RelationType,
    Role,
)
from catalog.domain.wording import QT_TRANSLATE_NOOP
from catalog.services.transfer.json_stream import short_repr

MAX_TITLE = 2000
"""The longest title, in characters, that an import accepts."""

_E = TypeVar("_E", AuthorityKind, Role, RelationType)
_BAD_CHARS = re.compile(r"[\x00\ud800-\udfff]")


def parse_timestamp(text: str) -> datetime | None:
    """An aware datetime read from ISO 8601 text (naive means UTC); None when not one."""
    try:
        moment = datetime.fromisoformat(text.strip())
    except ValueError:
        return None
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment


def bad_text(text: str) -> Word | None:
    """What makes a string unfit to store (a NUL or a lone surrogate), or None."""
    found = _BAD_CHARS.search(text)
    if found is None:
        return None
    if found.group() == "\x00":
        return Word("Errors", QT_TRANSLATE_NOOP("Errors", "a NUL character"))
    return Word("Errors", QT_TRANSLATE_NOOP("Errors", "a lone surrogate"))


class RecordContext:
    """Where a record stands in its file, and what the read has ignored so far.

    Args:
        path: the file's name, for error messages.
        number: the record's position in the file, from 1.
        line: the line the record starts on.
        ignored: the unknown fields seen so far; reading a record adds to it.
        careful: the record's text holds escapes that may hide a NUL or a lone surrogate,
            so every string is checked.
    """

    def __init__(self, path: str, number: int, line: int, ignored: set[str], careful: bool) -> None:
        self.path, self.number, self.line = path, number, line
        self.ignored, self.careful = ignored, careful

    def fail(self, template: str, **values: object) -> NoReturn:
        """Refuse the record: ``template`` (marked in "Errors") and its values say why."""
        raise ImportFileError(
            self.path,
            QT_TRANSLATE_NOOP("Errors", "record {number}: {problem}"),
            self.line,
            number=self.number,
            problem=CatalogError(template, **values),
        )

    def text(self, value: object, what: object, required: bool = False) -> str:
        """``value`` as text; ``what`` names it (a field's name, or a phrase as an error)."""
        if value is None:
            value = ""
        if not isinstance(value, str):
            self.fail(
                QT_TRANSLATE_NOOP("Errors", "{what} must be a string, not {kind}"),
                what=what,
                kind=json_kind(value),
            )
        problem = bad_text(value)
        if problem:
            self.fail(
                QT_TRANSLATE_NOOP("Errors", "{what} holds {problem}"), what=what, problem=problem
            )
        if required and not value.strip():
            self.fail(QT_TRANSLATE_NOOP("Errors", "{what} is empty"), what=what)
        return value


class _Obj:
    """One JSON object of a record, read field by field; errors name the record.

    Values of the expected type are taken as they are unless the record is ``careful``
    (its text holds escapes that may hide a NUL or a lone surrogate); everything else
    goes through ``RecordContext.text``, which checks it and fails with a message.
    """

    def __init__(self, value: object, what: str, known: frozenset[str], ctx: RecordContext) -> None:
        self.what, self.ctx = what, ctx
        if not isinstance(value, dict):
            ctx.fail(
                QT_TRANSLATE_NOOP("Errors", "{what} must be an object, not {kind}"),
                what=what,
                kind=json_kind(value),
            )
        self.data: dict[str, Any] = value
        if not known.issuperset(value):
            prefix = "" if what == "record" else f"{what}."
            ctx.ignored.update(prefix + key for key in value if key not in known)
        if ctx.careful:
            for key in value:
                ctx.text(
                    key,
                    CatalogError(QT_TRANSLATE_NOOP("Errors", "the key {key}"), key=short_repr(key)),
                )

    def _name(self, key: str) -> str:
        return key if self.what == "record" else f"{self.what}.{key}"

    def text(self, key: str, required: bool = False) -> str:
        value = self.data.get(key)
        if type(value) is str and not self.ctx.careful and (not required or value.strip()):
            return value
        return self.ctx.text(value, self._name(key), required)

    def texts(self, key: str) -> tuple[str, ...]:
        value = self.data.get(key)
        if value is None:
            return ()
        if type(value) is not list or not all(type(v) is str for v in value):
            self.ctx.fail(
                QT_TRANSLATE_NOOP("Errors", "{what} must be a list of strings"),
                what=self._name(key),
            )
        if self.ctx.careful:
            return tuple(self.ctx.text(v, self._name(key)) for v in value)
        return tuple(value)

    def objects(self, key: str, known: frozenset[str]) -> list[_Obj]:
        value = self.data.get(key)
        if value is None:
            return []
        if not isinstance(value, list):
            self.ctx.fail(
                QT_TRANSLATE_NOOP("Errors", "{what} must be a list, not {kind}"),
                what=key,
                kind=json_kind(value),
            )
        return [_Obj(v, key, known, self.ctx) for v in value]

    def time(self, key: str) -> datetime | None:
        value = self.data.get(key)
        if value is None or value == "":
            return None
        moment = parse_timestamp(self.text(key))
        if moment is None:
            self.ctx.fail(
                QT_TRANSLATE_NOOP("Errors", "{what} is not an ISO 8601 timestamp: {value}"),
                what=self._name(key),
                value=short_repr(value),
            )
        return moment

    def choice(self, key: str, kind: type[_E], default: str = "") -> _E:
        value = self.text(key) if key in self.data else default
        try:
            return kind(value)
        except ValueError:
            known = ", ".join(m.value for m in kind)
            missing = Word("Errors", QT_TRANSLATE_NOOP("Errors", "missing"))
            self.ctx.fail(
                QT_TRANSLATE_NOOP("Errors", "{what} is {value} (known: {known})"),
                what=self._name(key),
                value=short_repr(value) if value else missing,
                known=known,
            )


_KIND_NAMES = {
    dict: QT_TRANSLATE_NOOP("Errors", "an object"),
    list: QT_TRANSLATE_NOOP("Errors", "a list"),
    str: QT_TRANSLATE_NOOP("Errors", "a string"),
    bool: QT_TRANSLATE_NOOP("Errors", "true or false"),
}


def json_kind(value: object) -> str | Word:
    """What a JSON value is ("an object", "a list" ...), as a message's value."""
    if value is None:
        return "null"
    return Word("Errors", _KIND_NAMES.get(type(value), QT_TRANSLATE_NOOP("Errors", "a number")))


_RECORD = frozenset((
    "uid", "title", "date", "summary", "doc_type", "languages", "archive", "source_ref",
    "classification", "collections", "names", "tags", "notes", "relations", "attachments",
    "created", "modified",
))  # fmt: skip
_DATE = frozenset(("text", "edtf", "approximate", "uncertain"))
_NAME = frozenset(("kind", "name", "role", "variants"))
_NOTE = frozenset(("text", "author", "created", "modified"))
_RELATION = frozenset(("type", "target"))
_ATTACHMENT = frozenset(("path", "role", "language", "sha256"))


_KINDS = {kind.value: kind for kind in AuthorityKind}
_ROLES = {role.value: role for role in Role}


def _names(r: _Obj, ctx: RecordContext) -> tuple[NameLink, ...]:
    # Names are most of a record's objects (eight or so each): well-formed ones take a
    # short path, anything unusual the checked one, which reports the problem.
    raw = r.data.get("names")
    if type(raw) is list and not ctx.careful:
        quick = [_well_formed_name(n) for n in raw]
        if all(link is not None for link in quick):
            return tuple(link for link in quick if link is not None)
    return tuple(
        NameLink(
            n.choice("kind", AuthorityKind),
            n.text("name", required=True),
            n.choice("role", Role, Role.MENTIONED.value),
            n.texts("variants"),
        )
        for n in r.objects("names", _NAME)
    )


def _well_formed_name(value: object) -> NameLink | None:
    """A name object with known keys and values of the right types, else None."""
    if type(value) is not dict or not _NAME.issuperset(value):
        return None
    kind, name, role = value.get("kind"), value.get("name"), value.get("role", "mentioned")
    if type(kind) is not str or type(name) is not str or type(role) is not str:
        return None
    variants = value.get("variants")
    if variants is None:
        return _link(kind, name, role, ())
    if type(variants) is list and all(type(v) is str for v in variants):
        return _link(kind, name, role, tuple(variants))
    return None


@lru_cache(maxsize=8192)
def _link(kind: str, name: str, role: str, variants: tuple[str, ...]) -> NameLink | None:
    # The same names recur across a file's records: each link is made once, and a
    # batch of records sent to another process carries it once.
    found_kind, found_role = _KINDS.get(kind), _ROLES.get(role)
    if found_kind is None or found_role is None or not name.strip():
        return None
    return NameLink(found_kind, name, found_role, variants)


def record_input(value: object, ctx: RecordContext) -> RecordInput:
    """A record object read into a RecordInput (raising for anything wrong)."""
    if not isinstance(value, dict):
        raise ImportFileError(
            ctx.path,
            QT_TRANSLATE_NOOP("Errors", "record {number} is {kind}, not an object"),
            ctx.line,
            number=ctx.number,
            kind=json_kind(value),
        )
    r = _Obj(value, "record", _RECORD, ctx)
    title = r.data.get("title")
    if title is None or (isinstance(title, str) and not title.strip()):
        raise ImportFileError(
            ctx.path,
            QT_TRANSLATE_NOOP("Errors", "record {number} has no title"),
            ctx.line,
            number=ctx.number,
        )
    title = r.text("title")
    if len(title) > MAX_TITLE:
        ctx.fail(
            QT_TRANSLATE_NOOP("Errors", "the title is longer than {limit} characters ({count})"),
            limit=MAX_TITLE,
            count=len(title),
        )
    date_text, edtf = "", None
    if isinstance(r.data.get("date"), str):
        date_text = r.text("date")
    elif r.data.get("date") is not None:
        date = _Obj(r.data["date"], "date", _DATE, ctx)
        date_text, edtf = date.text("text"), date.text("edtf").strip() or None
        if not all(isinstance(date.data.get(k, False), bool) for k in ("approximate", "uncertain")):
            ctx.fail(
                QT_TRANSLATE_NOOP(
                    "Errors", "date.approximate and date.uncertain must be true or false"
                )
            )
    return RecordInput(
        title=title,
        date_text=date_text,
        summary=r.text("summary"),
        doc_type=r.text("doc_type"),
        languages=r.texts("languages"),
        archive=r.text("archive"),
        source_ref=r.text("source_ref"),
        classification=r.text("classification"),
        collections=r.texts("collections"),
        names=_names(r, ctx),
        tags=r.texts("tags"),
        notes=tuple(
            AnnotationInput(n.text("text"), n.text("author"), n.time("created"), n.time("modified"))
            for n in r.objects("notes", _NOTE)
        ),
        relations=tuple(
            RelationInput(n.choice("type", RelationType), n.text("target", required=True))
            for n in r.objects("relations", _RELATION)
        ),
        attachments=tuple(
            AttachmentInput(
                n.text("path", required=True), n.text("role"), n.text("language"), n.text("sha256")
            )
            for n in r.objects("attachments", _ATTACHMENT)
        ),
        uid=r.text("uid").strip() or None,
        edtf=edtf,
        created=r.time("created"),
        modified=r.time("modified"),
        line=ctx.line,
    )
