"""What Help → About asks the catalogue: its database's version and schema revision."""

from __future__ import annotations

import sqlite3

import sqlalchemy

from catalog.domain.collation import collation
from catalog.services.about import database_info, library_versions
from catalog.services.catalog import CatalogService
from catalog.store.schema import HEAD_REVISION, SCHEMA_MAJOR


def test_the_database_and_schema_of_a_catalogue(service: CatalogService) -> None:
    info = database_info(service)
    assert info is not None
    if service.db.dialect == "sqlite":
        assert info.server == f"SQLite {sqlite3.sqlite_version}"
    else:
        assert info.server.startswith("PostgreSQL ")
    assert info.schema == f"revision {HEAD_REVISION} (major version {SCHEMA_MAJOR})"
    assert info.sort_order == f"root ({collation().name})"
    if collation().name.startswith("icu"):  # a language can be chosen
        service.remake_sort_keys(language="sv")
        info = database_info(service)
        assert info is not None and info.sort_order == f"sv ({collation('sv').name})"
    assert info.known == HEAD_REVISION


def test_anything_but_a_catalogue_service_has_no_database() -> None:
    assert database_info(object()) is None


def test_the_libraries() -> None:
    versions = dict(library_versions())
    assert versions["SQLAlchemy"] == sqlalchemy.__version__
    assert {"Catalog", "Python", "Platform"} <= versions.keys()
    assert versions["Collation"] == collation().name
