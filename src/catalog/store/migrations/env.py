"""Alembic environment: runs on the connection Catalog hands it (never on its own URL)."""

from __future__ import annotations

from alembic import context

from catalog.store import tables  # noqa: F401  (registers the models on Base.metadata)
from catalog.store.base import Base

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=connection.dialect.name == "sqlite",
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
