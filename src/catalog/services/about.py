"""What Help → About tells: the catalogue's database, schema and the libraries in use."""

from __future__ import annotations

import platform
import sys
from dataclasses import dataclass

import sqlalchemy
from sqlalchemy import text

from catalog import __version__
from catalog.domain.collation import collation
from catalog.services.catalog import CatalogService
from catalog.store.schema import HEAD_REVISION
from catalog.store.unit_of_work import storage_errors


@dataclass(frozen=True)
class DatabaseInfo:
    """The database a catalogue lives in.

    Attributes:
        server: the database and its version ("SQLite 3.45.1", "PostgreSQL 16.4").
        schema: the catalogue's schema revision ("0003") and major version.
        sort_order: the language its titles and names sort in ("root" for the default)
            and the name of the collation that made their keys.
        known: the newest revision this Catalog knows.
    """

    server: str
    schema: str
    sort_order: str = ""
    known: str = HEAD_REVISION


def library_versions() -> list[tuple[str, str]]:
    """Catalog and the libraries below the window (Qt's own are the window's to add)."""
    return [
        ("Catalog", __version__),
        ("Python", f"{platform.python_version()} ({sys.implementation.name})"),
        ("SQLAlchemy", sqlalchemy.__version__),
        # Which order titles and names sort in: ICU's, or folded text without it.
        ("Collation", collation().name),
        ("Platform", platform.platform()),
    ]


def database_info(service: object) -> DatabaseInfo | None:
    """Ask the catalogue's database for its version and schema (one short read);
    None for anything that is not an open :class:`CatalogService` (a test's fake)."""
    if not isinstance(service, CatalogService):
        return None
    db = service.db
    with storage_errors(db), db.reader.connect() as connection:
        if db.dialect == "postgresql":
            version = connection.scalar(text("SHOW server_version"))
            server = f"PostgreSQL {str(version).split()[0]}"
        else:
            server = f"SQLite {connection.scalar(text('SELECT sqlite_version()'))}"
        revision = connection.scalar(text("SELECT version_num FROM alembic_version"))
        major, locale, made_by = connection.execute(
            text("SELECT schema_major, sort_locale, sort_collation FROM catalog_info WHERE id = 1")
        ).one()
        connection.rollback()
    order = f"{locale or 'root'} ({made_by})" if made_by else locale or "root"
    return DatabaseInfo(server, f"revision {revision} (major version {major})", order)
