"""Errors a user can meet, kept apart from bugs.

Every class here carries a message written for the person at the keyboard. Anything else
raised inside Catalog is a bug and is reported as one.
"""

from __future__ import annotations


class CatalogError(Exception):
    """An error with a message meant for the user."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class QueryError(CatalogError):
    """A search query that cannot be understood.

    Attributes:
        position: zero-based character offset of the problem in the query text.
        length: how many characters the problem spans (at least 1).
    """

    def __init__(self, message: str, position: int, length: int = 1) -> None:
        super().__init__(message)
        self.position = position
        self.length = max(1, length)

    def __str__(self) -> str:
        return f"{self.message} (at position {self.position + 1})"


class ImportFileError(CatalogError):
    """A file that cannot be imported; names the file and where in it the problem is."""

    def __init__(self, path: str, message: str, line: int | None = None) -> None:
        where = f"{path}:{line}" if line is not None else path
        super().__init__(f"{where}: {message}")
        self.path = path
        self.line = line
        self.reason = message


class ExportError(CatalogError):
    """An export that could not be written."""


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

    def __init__(self, message: str, record_ids: tuple[int, ...] = ()) -> None:
        super().__init__(message)
        self.record_ids = record_ids


class InvalidEdit(CatalogError):
    """An edit that cannot be saved as it stands (a missing title, a file outside the
    catalogue's folder, an authority still in use ...)."""
