"""Errors a user can meet, kept apart from bugs.

Every class here carries a message written for the person at the keyboard. Anything else
raised inside Catalog is a bug and is reported as one.

A message is a template marked for translation, ``QT_TRANSLATE_NOOP("Errors", "The
folder {folder} does not exist.")``, and the values of its ``{placeholders}``:
``str(error)`` is the English (the command line and the logs print it), and the window
shows :meth:`CatalogError.text_in` its own language (``ui/translation.error_text``). A
template without values is shown as it stands (so it holds no doubled braces). A value
may itself be a :class:`Word` or another error, translated in turn.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from catalog.domain.wording import ERRORS, QT_TRANSLATE_NOOP

Translate = Callable[[str, str], str]
"""``(context, English text) -> the text in some language``, as Qt's ``translate``."""


def english(context: str, text: str) -> str:
    """The :data:`Translate` of the English: the text as it is."""
    del context
    return text


@dataclass(frozen=True)
class Word:
    """A fixed English word given as a value ("person"), marked in ``context`` elsewhere."""

    context: str
    text: str

    def __str__(self) -> str:
        return self.text


def _filled(template: str, values: Mapping[str, object], translate: Translate) -> str:
    text = translate(ERRORS, template)
    if not values:
        return text
    shown: dict[str, object] = {}
    for key, value in values.items():
        if isinstance(value, Word):
            shown[key] = translate(value.context, value.text)
        elif isinstance(value, CatalogError):
            shown[key] = value.text_in(translate)
        else:
            shown[key] = value
    return text.format(**shown)


class CatalogError(Exception):
    """An error with a message meant for the user.

    Attributes:
        template: the message's English template, marked for translation in "Errors".
        values: the values of its placeholders.
        message: the English message.
    """

    def __init__(self, template: str, /, **values: object) -> None:
        self.template = template
        self.values = values
        self.message = _filled(template, values, english)
        super().__init__(self.message)

    def __str__(self) -> str:
        return self.text_in(english)

    def __reduce__(self) -> tuple[Any, ...]:
        # Pickled as its attributes (a file read in a second process fails with one):
        # subclasses' constructors take other arguments than ``args``.
        return (_rebuilt, (type(self), self.__dict__, self.args))

    def message_in(self, translate: Translate) -> str:
        """The message in ``translate``'s language (without where, for the errors that
        say where)."""
        return _filled(self.template, self.values, translate)

    def text_in(self, translate: Translate) -> str:
        """The whole text in ``translate``'s language; ``str(error)`` is the English."""
        return self.message_in(translate)


def _rebuilt(kind: type[CatalogError], state: dict[str, Any], args: tuple[Any, ...]) -> Any:
    """An error as it was pickled (see ``CatalogError.__reduce__``)."""
    error = kind.__new__(kind)
    error.__dict__.update(state)
    error.args = args
    return error


class Notice(str):
    """A message that is not an error, such as an import's warning: a string holding the
    English (the command line prints it), that also keeps its template, marked in "Errors",
    and values, so the window can show it in its own language (``text_in``)."""

    template: str
    values: Mapping[str, object]

    def __new__(cls, template: str, /, **values: object) -> Notice:
        notice = super().__new__(cls, _filled(template, values, english))
        notice.template = template
        notice.values = values
        return notice

    def __reduce__(self) -> tuple[Any, ...]:
        return (_notice, (self.template, dict(self.values)))

    def text_in(self, translate: Translate) -> str:
        """The message in ``translate``'s language."""
        return _filled(self.template, self.values, translate)


def _notice(template: str, values: dict[str, object]) -> Notice:
    """A notice as it was pickled (an import's warnings come back from a second process)."""
    return Notice(template, **values)


class QueryError(CatalogError):
    """A search query that cannot be understood.

    Attributes:
        position: zero-based character offset of the problem in the query text.
        length: how many characters the problem spans (at least 1).
    """

    def __init__(self, template: str, position: int, length: int = 1, **values: object) -> None:
        super().__init__(template, **values)
        self.position = position
        self.length = max(1, length)

    def text_in(self, translate: Translate) -> str:
        where = QT_TRANSLATE_NOOP("Errors", "{reason} (at position {position})")
        reason = self.message_in(translate)
        return _filled(where, {"reason": reason, "position": self.position + 1}, translate)


class ImportFileError(CatalogError):
    """A file that cannot be imported; names the file and where in it the problem is.

    Attributes:
        path: the file.
        line: the line (or row) of the problem, if known.
        reason: the English message, without the file.
    """

    def __init__(self, path: str, template: str, line: int | None = None, **values: object) -> None:
        super().__init__(template, **values)
        self.path = path
        self.line = line
        self.reason = self.message
        self.message = self.text_in(english)
        self.args = (self.message,)

    def text_in(self, translate: Translate) -> str:
        if translate(ERRORS, self.template) == self.template:
            translate = english  # a reason not (yet) translated: all of it in English
        reason = self.message_in(translate)
        if self.line is None:
            where = QT_TRANSLATE_NOOP("Errors", "{path}: {reason}")
        else:
            where = QT_TRANSLATE_NOOP("Errors", "{path}:{line}: {reason}")
        return _filled(where, {"path": self.path, "line": self.line, "reason": reason}, translate)

    @classmethod
    def unreadable(cls, path: str, error: OSError) -> ImportFileError:
        """The file could not be opened or read (gone, a folder, no permission …)."""
        return cls(
            path,
            QT_TRANSLATE_NOOP("Errors", "cannot read the file: {reason}"),
            reason=error.strerror,
        )


class ExportError(CatalogError):
    """An export that could not be written."""

    @classmethod
    def not_unicode(cls, uid: str) -> ExportError:
        """A record whose text the file's encoding cannot hold (a lone surrogate)."""
        return cls(
            QT_TRANSLATE_NOOP("Errors", "record {uid} holds text that is not valid Unicode"),
            uid=uid,
        )

    @classmethod
    def cannot_write(cls, path: object, error: OSError) -> ExportError:
        """The file could not be written (a full disk, a folder that is gone …)."""
        return cls(
            QT_TRANSLATE_NOOP("Errors", "cannot write {path}: {reason}"),
            path=path,
            reason=error.strerror or error,
        )


class StorageUnavailable(CatalogError):
    """The catalogue cannot be opened or written (locked, full disk, unreachable server)."""


class SchemaTooNew(StorageUnavailable):
    """The catalogue was written by a newer version of Catalog."""


class CatalogLocked(StorageUnavailable):
    """Another program holds the catalogue for writing."""


class RecordNotFound(CatalogError):
    """A record id that is not (or no longer) in the catalogue."""


class Conflict(CatalogError):
    """A save based on a version of a row that someone else has changed since."""


class EditConflict(Conflict):
    """Records changed by someone else since the editor (or the undo step) read them.

    Attributes:
        record_ids: the records whose stored version is not the one the edit was based on.
    """

    def __init__(self, template: str, record_ids: tuple[int, ...] = (), **values: object) -> None:
        super().__init__(template, **values)
        self.record_ids = record_ids


class InvalidEdit(CatalogError):
    """An edit that cannot be saved as it stands (a missing title, a file outside the
    catalogue's folder, an authority still in use ...)."""
