"""Where a catalogue lives, as text: a SQLite file's path or a PostgreSQL server's URL.

The window keeps catalogues in its recent list and the system keyring by their *public*
form: the absolute path of a file, or the server URL with its password removed. A password
is put back into the URL only for the moment the catalogue is opened.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import inspect
from sqlalchemy.engine import URL
from sqlalchemy.exc import ArgumentError

from catalog.domain.errors import StorageUnavailable
from catalog.store.engine import create_database, to_url
from catalog.store.unit_of_work import storage_errors

DEFAULT_HOST = "localhost"
DEFAULT_PORT = 5432
SERVER_DRIVER = "postgresql+psycopg"
HOLDS_A_CATALOGUE = "Connected: this database holds a Catalog catalogue."
EMPTY_DATABASE = "Connected: the database is empty; Catalog will make it a new catalogue."


@dataclass(frozen=True)
class ServerAddress:
    """A PostgreSQL catalogue, field by field (no password).

    Attributes:
        host: the server's name or address.
        port: its TCP port.
        database: the database holding the catalogue.
        user: the role to log in as.
    """

    host: str = DEFAULT_HOST
    port: int = DEFAULT_PORT
    database: str = ""
    user: str = ""

    @property
    def target(self) -> str:
        """The URL to open, without a password (nor PostgreSQL's own port, so that it
        reads as ``--db`` is usually typed and the keyring finds one entry for both)."""
        url = URL.create(
            SERVER_DRIVER,
            username=self.user or None,
            host=self.host or None,
            port=None if self.port == DEFAULT_PORT else self.port,
            database=self.database or None,
        )
        return url.render_as_string(hide_password=False)


def _url(target: str | Path) -> URL:
    try:
        return to_url(target)
    except ArgumentError as error:
        message = f"{target} is neither a catalogue file nor a server URL."
        raise StorageUnavailable(message) from error


def _without_password(url: URL) -> URL:
    return URL.create(
        url.drivername,
        username=url.username,
        host=url.host,
        port=url.port,
        database=url.database,
        query=url.query,
    )


def is_server(target: str | Path) -> bool:
    """True for a PostgreSQL URL, False for a SQLite file (or ``sqlite://`` URL)."""
    return _url(target).get_backend_name() == "postgresql"


def public_target(target: str | Path) -> str | None:
    """The catalogue as the recent list and the keyring know it: a server URL without its
    password, or a file's absolute path; None for an in-memory catalogue.

    Raises StorageUnavailable for text that names no catalogue.
    """
    url = _url(target)
    if url.get_backend_name() == "postgresql":
        # The password is removed first (``URL.set`` leaves a field alone when given None);
        # only then is the URL rendered in full.
        return _without_password(url).render_as_string(hide_password=False)
    if not url.database or url.database == ":memory:":
        return None
    return str(Path(url.database).expanduser().resolve())


def password_in(target: str | Path) -> str | None:
    """The password a server URL carries, if any ("" counts as none)."""
    url = _url(target)
    if url.get_backend_name() != "postgresql" or url.password is None:
        return None
    return str(url.password) or None


def with_password(target: str | Path, password: str) -> str:
    """The URL to open a server catalogue with (files and empty passwords pass unchanged).

    The result holds the password: hand it to ``CatalogService.open`` and keep it nowhere.
    """
    url = _url(target)
    if url.get_backend_name() != "postgresql" or not password:
        return str(target)
    return url.set(password=password).render_as_string(hide_password=False)


def server_address(target: str | Path) -> ServerAddress | None:
    """The fields of a server URL (None for a file)."""
    url = _url(target)
    if url.get_backend_name() != "postgresql":
        return None
    return ServerAddress(
        host=url.host or DEFAULT_HOST,
        port=url.port or DEFAULT_PORT,
        database=url.database or "",
        user=url.username or "",
    )


def describe(target: str) -> str:
    """A short name for menus: ``user@host:port/database``, or a file's name and folder."""
    try:
        address = server_address(target)
    except StorageUnavailable:
        return target
    if address is not None:
        who = f"{address.user}@" if address.user else ""
        return f"{who}{address.host}:{address.port}/{address.database}"
    path = Path(target)
    return f"{path.name} — {path.parent}"


def same_catalogue(first: str | Path, second: str | Path) -> bool:
    """True when two targets name one catalogue (passwords and spellings aside)."""
    try:
        return public_target(first) == public_target(second)
    except StorageUnavailable:
        return False


def check_connection(target: str) -> str:
    """Connect once (without creating or changing anything) and say what is there.

    Raises StorageUnavailable when the server cannot be reached or refuses the login, or
    when the database holds something other than a catalogue.
    """
    db = create_database(target)
    try:
        with storage_errors(db), db.writer.connect() as connection:
            tables = set(inspect(connection).get_table_names())
            connection.rollback()
    finally:
        db.dispose()
    if not tables:
        return EMPTY_DATABASE
    if {"records", "alembic_version"} <= tables:
        return HOLDS_A_CATALOGUE
    raise StorageUnavailable(f"{db.display_name} is not a Catalog catalogue.")
