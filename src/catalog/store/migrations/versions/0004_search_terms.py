"""Faster full text on PostgreSQL: documents out of the row; words, pairs and fields indexed.

``record_search`` gets the layout ``catalog.store.fulltext`` describes: its tsvectors
stored out of line (the table's own pages stay small, so a common word reads a fifth of
the pages), and a GIN-indexed column of terms (words, pairs of consecutive words, words
labelled with their field) that answers words, prefixes, two-word phrases and fields
without reading documents. The table is altered in place (grants on it stay),
filled again from the records (the pairs need the folded text), then indexed. SQLite's
FTS5 table is unchanged.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-28 18:00:00
"""

from __future__ import annotations

from alembic import op

from catalog.store import fulltext

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    connection = op.get_bind()
    if connection.dialect.name != "postgresql" or fulltext.has_terms(connection):
        return  # SQLite; or a catalogue created at 0002 by this version, already so
    fulltext.upgrade_layout(connection)


def downgrade() -> None:
    connection = op.get_bind()
    if connection.dialect.name != "postgresql":
        return
    # Revision 0003's layout: the documents stay, written inline again as rows change.
    connection.exec_driver_sql("DROP INDEX IF EXISTS ix_record_search_terms")
    connection.exec_driver_sql(
        "ALTER TABLE record_search DROP COLUMN filler, DROP COLUMN terms,"
        " ALTER COLUMN document SET STORAGE EXTENDED, RESET (toast_tuple_target)"
    )
