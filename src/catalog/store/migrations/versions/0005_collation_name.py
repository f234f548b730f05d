"""The catalogue records which collation made its sort keys.

Titles and names were keyed by folded text in code point order; Catalog now makes ICU
sort keys where PyICU is installed (``catalog.domain.collation``). The new column
(``sort_collation``) starts empty, which no collation is called, so the first open by
this version makes every key again (``catalog.store.sort_keys``) and records the name.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-29 11:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column(
        "catalog_info",
        sa.Column("sort_collation", sa.String(200), nullable=False, server_default=""),
    )


def downgrade() -> None:
    with op.batch_alter_table("catalog_info") as batch:
        batch.drop_column("sort_collation")
