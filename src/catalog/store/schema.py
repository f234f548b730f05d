"""Schema versions: create a new catalogue, upgrade an older one, refuse a newer one."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, inspect, select

from catalog.domain.errors import SchemaTooNew, StorageUnavailable
from catalog.store import migrations
from catalog.store.backup import backup_name, backup_sqlite
from catalog.store.engine import Database
from catalog.store.tables import CatalogInfo
from catalog.store.unit_of_work import storage_errors

# Raised only for changes an older Catalog cannot write safely; Alembic revisions track
# every change, this number only the incompatible ones.
SCHEMA_MAJOR = 1


@dataclass(frozen=True)
class SchemaOutcome:
    """What opening did to the schema.

    Attributes:
        created: the catalogue was new and has been created.
        upgraded_from: the revision an older catalogue was upgraded from.
        backup: the backup taken before the upgrade.
    """

    created: bool = False
    upgraded_from: str | None = None
    backup: Path | None = None


def alembic_config() -> Config:
    """Alembic's configuration, pointing at the migrations shipped in the package."""
    config = Config()
    config.set_main_option("script_location", str(Path(migrations.__file__).parent))
    return config


def head_revision() -> str:
    """The newest schema revision this version of Catalog knows."""
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def current_revision(connection: Connection) -> str | None:
    """The revision a database is at (None for an empty or foreign database)."""
    return MigrationContext.configure(connection).get_current_revision()


def prepare(db: Database, *, revision: str | None = None) -> SchemaOutcome:
    """Bring the catalogue's schema to ``revision`` (default: the newest).

    An empty database is created; an older catalogue is backed up and then upgraded;
    a catalogue written by a newer Catalog, or a database that is not a catalogue, is
    refused with a message that says so.
    """
    target = revision or head_revision()
    with storage_errors(db), db.writer.connect() as connection:
        tables = set(inspect(connection).get_table_names())
        current = current_revision(connection)
    known = {rev.revision for rev in ScriptDirectory.from_config(alembic_config()).walk_revisions()}
    if not tables:
        _upgrade(db, target)
        return SchemaOutcome(created=True)
    if current is None or "records" not in tables:
        raise StorageUnavailable(f"{db.display_name} is not a Catalog catalogue.")
    if current not in known:
        raise SchemaTooNew(
            f"The catalogue {db.display_name} was written by a newer version of Catalog "
            f"(schema revision {current}); this version knows revisions up to "
            f"{head_revision()}. Install a newer Catalog to open it."
        )
    _check_major(db)
    if current == target:
        return SchemaOutcome()
    saved = None
    if db.path is not None:
        saved = backup_sqlite(db.path, backup_name(db.path, f"before-{target}"))
    _upgrade(db, target)
    return SchemaOutcome(upgraded_from=current, backup=saved)


def _upgrade(db: Database, target: str) -> None:
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
            f"The catalogue {db.display_name} needs a newer version of Catalog "
            f"(its schema is version {major}; this version writes version {SCHEMA_MAJOR})."
        )
