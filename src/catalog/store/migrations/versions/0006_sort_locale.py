"""A catalogue may sort its titles and names in a language's order.

The new column (``sort_locale``) holds the ICU locale of that order; empty is CLDR's root
order, which every catalogue had until now, so nothing is made again.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-29 13:10:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column(
        "catalog_info",
        sa.Column("sort_locale", sa.String(100), nullable=False, server_default=""),
    )


def downgrade() -> None:
    with op.batch_alter_table("catalog_info") as batch:
        batch.drop_column("sort_locale")
