"""Fresh catalogues for tests: a SQLite file, or a new PostgreSQL database per test.

PostgreSQL tests run only when ``CATALOG_TEST_PG_URL`` names a server where the role may
create databases (``.ci/postgres.sh`` starts one). Each test gets its own database,
copied from a template that is migrated once per session.
"""

from __future__ import annotations

import os
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager

import psycopg
from sqlalchemy.engine import make_url

PG_URL = os.environ.get("CATALOG_TEST_PG_URL", "")
TEMPLATE = f"catalog_tpl_{os.getpid()}"
_template_ready = False


def _admin() -> psycopg.Connection[tuple[object, ...]]:
    url = make_url(PG_URL)
    return psycopg.connect(
        host=url.host,
        port=url.port,
        user=url.username,
        password=url.password,
        dbname=url.database,
        autocommit=True,
    )


def _url_for(database: str) -> str:
    return (
        make_url(PG_URL)
        .set(drivername="postgresql+psycopg", database=database)
        .render_as_string(hide_password=False)
    )


def _ensure_template() -> None:
    global _template_ready
    if _template_ready:
        return
    from catalog.store.engine import create_database
    from catalog.store.schema import prepare

    with _admin() as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{TEMPLATE}"')
        admin.execute(f'CREATE DATABASE "{TEMPLATE}"')
    db = create_database(_url_for(TEMPLATE))
    try:
        prepare(db)
    finally:
        db.dispose()
    _template_ready = True


@contextmanager
def postgres_catalogue(empty: bool = False) -> Iterator[str]:
    """The URL of a new PostgreSQL database (migrated unless ``empty``), dropped after."""
    name = f"catalog_t_{uuid.uuid4().hex[:12]}"
    if not empty:
        _ensure_template()
    with _admin() as admin:
        template = f' TEMPLATE "{TEMPLATE}"' if not empty else ""
        for attempt in range(100):
            try:
                admin.execute(f'CREATE DATABASE "{name}"{template}')
                break
            except psycopg.errors.ObjectInUse:
                # The template is briefly busy while a previous copy finishes.
                if attempt == 99:
                    raise
                time.sleep(0.1)
    try:
        yield _url_for(name)
    finally:
        _drop(name)


def _drop(name: str) -> None:
    """Drop a test database, waiting out an autovacuum worker that is still in it.

    ``WITH (FORCE)`` ends the test's own connections, but the ``catalog`` role may not
    end a worker of the server's (InsufficientPrivilege): it finishes in a moment.
    """
    with _admin() as admin:
        for attempt in range(100):
            try:
                admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
                return
            except (psycopg.errors.InsufficientPrivilege, psycopg.errors.ObjectInUse):
                if attempt == 99:
                    raise
                time.sleep(0.1)


def drop_template() -> None:
    """Remove the session's template database."""
    if _template_ready:
        with _admin() as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{TEMPLATE}" WITH (FORCE)')
