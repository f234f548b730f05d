"""Full-text index: FTS5 on SQLite, a weighted tsvector with GIN on PostgreSQL.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-28 05:10:00
"""

from __future__ import annotations

from alembic import op

from catalog.store import fulltext

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    connection = op.get_bind()
    fulltext.create_index(connection)
    # Catalogues created before this revision hold records: index them now.
    fulltext.rebuild(connection)


def downgrade() -> None:
    fulltext.drop_index(op.get_bind())
