"""Live updates: PostgreSQL triggers notify other clients of every committed change.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-28 14:00:00
"""

from __future__ import annotations

from alembic import op

from catalog.store import live_notify

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    live_notify.install(op.get_bind())


def downgrade() -> None:
    live_notify.remove(op.get_bind())
