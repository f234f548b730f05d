"""Schema versions: create a new catalogue, upgrade an older one, refuse a newer one."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, inspect, select, text

from catalog.domain.errors import SchemaTooNew, StorageUnavailable
from catalog.domain.wording import QT_TRANSLATE_NOOP
from catalog.store import migrations
from catalog.store.backup import backup_name, backup_sqlite
from catalog.store.engine import Database
from catalog.store.tables import CatalogInfo
from catalog.store.unit_of_work import storage_errors

if TYPE_CHECKING:
    from alembic.config import Config

# Raised only for changes an older Catalog cannot write safely; Alembic revisions track
# every change, this number only the incompatible ones.
SCHEMA_MAJOR = 1
# The newest Alembic revision (a test checks it against the migrations). Opening a
# catalogue already at it needs no Alembic at all, which saves a fifth of a second of
# imports before the window's first page.
HEAD_REVISION = "0006"


@dataclass(frozen=True)
class SchemaOutcome:
    """What opening did to the schema.

    Attributes:
        created: the catalogue was new and has been created.
        upgraded_from: the revision an older catalogue was upgraded from.
        backup: the backup taken before the upgrade.
        newer: why the catalogue may be read but not written by this version (it was
            written by a newer Catalog), or "".
    """

    created: bool = False
    upgraded_from: str | None = None
    backup: Path | None = None
    newer: str = ""


def alembic_config() -> Config:
    """Alembic's configuration, pointing at the migrations shipped in the package."""
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(Path(migrations.__file__).parent))
    return config


def head_revision() -> str:
    """The newest schema revision this version of Catalog knows."""
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def current_revision(connection: Connection) -> str | None:
    """The revision a database is at (None for an empty or foreign database)."""
    from alembic.runtime.migration import MigrationContext

    return MigrationContext.configure(connection).get_current_revision()


def prepare(db: Database, *, revision: str | None = None) -> SchemaOutcome:
    """Bring the catalogue's schema to ``revision`` (default: the newest).

    An empty database is created; an older catalogue is backed up and then upgraded;
    a catalogue written by a newer Catalog is opened for reading only (``newer`` says
    why), unless its major version says even reading is unsafe; a database that is not a
    catalogue is refused with a message that says so.
    """
    with storage_errors(db), db.writer.connect() as connection:
        tables = set(inspect(connection).get_table_names())
        stored = _stored_revision(connection) if "alembic_version" in tables else None
        connection.rollback()
    if revision is None and stored == HEAD_REVISION and "records" in tables:
        _check_major(db)
        return SchemaOutcome()
    from alembic.script import ScriptDirectory

    target = revision or head_revision()
    with storage_errors(db), db.writer.connect() as connection:
        current = current_revision(connection)
    known = {rev.revision for rev in ScriptDirectory.from_config(alembic_config()).walk_revisions()}
    if not tables:
        _upgrade(db, target)
        return SchemaOutcome(created=True)
    if current is None or "records" not in tables:
        raise StorageUnavailable(
            QT_TRANSLATE_NOOP("Errors", "{where} is not a Catalog catalogue."),
            where=db.display_name,
        )
    if current not in known:
        # Revisions within one major version only add: an older Catalog reads such a
        # catalogue safely, but must not write what it does not know about.
        _check_major(db)
        return SchemaOutcome(
            newer=f"The catalogue {db.display_name} was written by a newer version of "
            f"Catalog (schema revision {current}; this version knows revisions up to "
            f"{head_revision()}). You can read it; install a newer Catalog to change it."
        )
    _check_major(db)
    if current == target:
        return SchemaOutcome()
    saved = None
    if db.path is not None:
        saved = backup_sqlite(db.path, backup_name(db.path, f"before-{target}"))
    _upgrade(db, target)
    return SchemaOutcome(upgraded_from=current, backup=saved)


def read_only(db: Database) -> bool:
    """True when this connection may read the catalogue but not change it.

    PostgreSQL: the role lacks INSERT, UPDATE or DELETE on the records (a researcher's
    role), or the server only reads (a standby). SQLite: the file or its folder cannot be
    written by this user (the folder holds the write-ahead log).
    """
    if db.dialect == "postgresql":
        with storage_errors(db), db.reader.connect() as connection:
            allowed = connection.scalar(
                text(
                    "SELECT has_table_privilege('records', 'INSERT')"
                    " AND has_table_privilege('records', 'UPDATE')"
                    " AND has_table_privilege('records', 'DELETE')"
                    " AND current_setting('transaction_read_only') = 'off'"
                )
            )
            connection.rollback()
        return not allowed
    if db.path is None:
        return False
    return not (os.access(db.path, os.W_OK) and os.access(db.path.parent, os.W_OK))


def _stored_revision(connection: Connection) -> str | None:
    rows = connection.execute(text("SELECT version_num FROM alembic_version")).all()
    return str(rows[0][0]) if len(rows) == 1 else None


def _upgrade(db: Database, target: str) -> None:
    from alembic import command

    config = alembic_config()
    with storage_errors(db), db.writer.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, target)


def _check_major(db: Database) -> None:
    with storage_errors(db), db.writer.connect() as connection:
        major = connection.scalar(select(CatalogInfo.schema_major).where(CatalogInfo.id == 1))
        connection.rollback()
    if major is not None and major > SCHEMA_MAJOR:
        raise SchemaTooNew(
            QT_TRANSLATE_NOOP(
                "Errors",
                "The catalogue {where} needs a newer version of Catalog "
                "(its schema is version {major}; this version writes version {ours}).",
            ),
            where=db.display_name,
            major=major,
            ours=SCHEMA_MAJOR,
        )
