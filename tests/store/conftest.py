"""Store fixtures: an open, migrated database on SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from catalog.store.engine import Database, create_database
from catalog.store.schema import prepare


@pytest.fixture
def db(catalogue_target: str) -> Iterator[Database]:
    """A migrated, empty catalogue."""
    database = create_database(catalogue_target)
    prepare(database)
    try:
        yield database
    finally:
        database.dispose()
