"""Initial schema: records, authorities with variants, links, notes, relations, log.

Revision ID: 0001
Revises:
Create Date: 2026-11-28 04:53:04.262166
"""

from __future__ import annotations

from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

# Sort keys compare by code point on PostgreSQL too (see catalog.store.tables.SortText).
SORT_TEXT = sa.Text().with_variant(sa.Text(collation="C"), "postgresql")

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "authorities",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("sort_key", SORT_TEXT, nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("uid", sa.String(length=36), nullable=False),
        sa.Column("created", sa.DateTime(timezone=True), nullable=False),
        sa.Column("modified", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_authorities")),
        sa.UniqueConstraint("uid", name=op.f("uq_authorities_uid")),
    )
    with op.batch_alter_table("authorities", schema=None) as batch_op:
        batch_op.create_index("ix_authorities_kind_sort", ["kind", "sort_key"], unique=False)

    op.create_table(
        "catalog_info",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("schema_major", sa.Integer(), nullable=False),
        sa.Column("generation", sa.BigInteger(), nullable=False),
        sa.Column("created", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_by", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_catalog_info")),
    )
    op.create_table(
        "change_log",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("user", sa.String(length=200), nullable=False),
        sa.Column("entity", sa.String(length=40), nullable=False),
        sa.Column("entity_id", sa.BigInteger(), nullable=False),
        sa.Column("record_id", sa.BigInteger(), nullable=True),
        sa.Column("action", sa.String(length=20), nullable=False),
        sa.Column("field", sa.String(length=60), nullable=False),
        sa.Column("old", sa.Text(), nullable=True),
        sa.Column("new", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_change_log")),
    )
    with op.batch_alter_table("change_log", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_change_log_record_id"), ["record_id"], unique=False)

    op.create_table(
        "collections",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("key", sa.Text(), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("uid", sa.String(length=36), nullable=False),
        sa.Column("created", sa.DateTime(timezone=True), nullable=False),
        sa.Column("modified", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_collections")),
        sa.UniqueConstraint("key", name=op.f("uq_collections_key")),
        sa.UniqueConstraint("uid", name=op.f("uq_collections_uid")),
    )
    op.create_table(
        "document_types",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("key", SORT_TEXT, nullable=False),
        sa.Column("uid", sa.String(length=36), nullable=False),
        sa.Column("created", sa.DateTime(timezone=True), nullable=False),
        sa.Column("modified", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_document_types")),
        sa.UniqueConstraint("key", name=op.f("uq_document_types_key")),
        sa.UniqueConstraint("uid", name=op.f("uq_document_types_uid")),
    )
    op.create_table(
        "languages",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("key", sa.String(length=200), nullable=False),
        sa.Column("uid", sa.String(length=36), nullable=False),
        sa.Column("created", sa.DateTime(timezone=True), nullable=False),
        sa.Column("modified", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_languages")),
        sa.UniqueConstraint("key", name=op.f("uq_languages_key")),
        sa.UniqueConstraint("uid", name=op.f("uq_languages_uid")),
    )
    op.create_table(
        "tags",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("key", sa.String(length=200), nullable=False),
        sa.Column("uid", sa.String(length=36), nullable=False),
        sa.Column("created", sa.DateTime(timezone=True), nullable=False),
        sa.Column("modified", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_tags")),
        sa.UniqueConstraint("key", name=op.f("uq_tags_key")),
        sa.UniqueConstraint("uid", name=op.f("uq_tags_uid")),
    )
    op.create_table(
        "authority_variants",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("authority_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("name_key", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["authority_id"],
            ["authorities.id"],
            name=op.f("fk_authority_variants_authority_id_authorities"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_authority_variants")),
        sa.UniqueConstraint("authority_id", "name", name="uq_authority_variants_name"),
    )
    with op.batch_alter_table("authority_variants", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_authority_variants_authority_id"), ["authority_id"], unique=False
        )
        batch_op.create_index("ix_authority_variants_kind_key", ["kind", "name_key"], unique=False)

    op.create_table(
        "records",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("title_key", SORT_TEXT, nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("date_text", sa.Text(), nullable=False),
        sa.Column("date_edtf", sa.String(length=100), nullable=True),
        sa.Column("date_lower", sa.BigInteger(), nullable=True),
        sa.Column("date_upper", sa.BigInteger(), nullable=True),
        sa.Column("date_precision", sa.SmallInteger(), nullable=False),
        sa.Column("date_approximate", sa.Boolean(), nullable=False),
        sa.Column("date_uncertain", sa.Boolean(), nullable=False),
        sa.Column("date_sort", sa.BigInteger(), nullable=False),
        sa.Column("doc_type_id", sa.Integer(), nullable=True),
        sa.Column("repository_id", sa.Integer(), nullable=True),
        sa.Column("source_ref", sa.Text(), nullable=False),
        sa.Column("classification", sa.String(length=100), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("created_by", sa.String(length=200), nullable=False),
        sa.Column("modified_by", sa.String(length=200), nullable=False),
        sa.Column("uid", sa.String(length=36), nullable=False),
        sa.Column("created", sa.DateTime(timezone=True), nullable=False),
        sa.Column("modified", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["doc_type_id"],
            ["document_types.id"],
            name=op.f("fk_records_doc_type_id_document_types"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["repository_id"],
            ["authorities.id"],
            name=op.f("fk_records_repository_id_authorities"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_records")),
        sa.UniqueConstraint("uid", name=op.f("uq_records_uid")),
    )
    with op.batch_alter_table("records", schema=None) as batch_op:
        batch_op.create_index("ix_records_date_lower", ["date_lower"], unique=False)
        batch_op.create_index(
            "ix_records_date_sort", ["deleted", "date_sort", "date_precision", "id"], unique=False
        )
        batch_op.create_index("ix_records_doc_type", ["doc_type_id"], unique=False)
        batch_op.create_index("ix_records_repository", ["repository_id"], unique=False)
        batch_op.create_index("ix_records_title_key", ["deleted", "title_key", "id"], unique=False)

    op.create_table(
        "annotations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("record_id", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("author", sa.String(length=200), nullable=False),
        sa.Column("uid", sa.String(length=36), nullable=False),
        sa.Column("created", sa.DateTime(timezone=True), nullable=False),
        sa.Column("modified", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["record_id"],
            ["records.id"],
            name=op.f("fk_annotations_record_id_records"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_annotations")),
        sa.UniqueConstraint("uid", name=op.f("uq_annotations_uid")),
    )
    with op.batch_alter_table("annotations", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_annotations_record_id"), ["record_id"], unique=False)

    op.create_table(
        "attachments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("record_id", sa.Integer(), nullable=False),
        sa.Column("path", sa.Text(), nullable=False),
        sa.Column("role", sa.String(length=40), nullable=False),
        sa.Column("language", sa.String(length=100), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("uid", sa.String(length=36), nullable=False),
        sa.Column("created", sa.DateTime(timezone=True), nullable=False),
        sa.Column("modified", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["record_id"],
            ["records.id"],
            name=op.f("fk_attachments_record_id_records"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_attachments")),
        sa.UniqueConstraint("uid", name=op.f("uq_attachments_uid")),
    )
    with op.batch_alter_table("attachments", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_attachments_record_id"), ["record_id"], unique=False)

    op.create_table(
        "record_authorities",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("record_id", sa.Integer(), nullable=False),
        sa.Column("authority_id", sa.Integer(), nullable=False),
        sa.Column("role", sa.String(length=20), nullable=False),
        sa.ForeignKeyConstraint(
            ["authority_id"],
            ["authorities.id"],
            name=op.f("fk_record_authorities_authority_id_authorities"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["record_id"],
            ["records.id"],
            name=op.f("fk_record_authorities_record_id_records"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_record_authorities")),
        sa.UniqueConstraint("record_id", "authority_id", "role", name="uq_record_authorities_link"),
    )
    with op.batch_alter_table("record_authorities", schema=None) as batch_op:
        batch_op.create_index(
            "ix_record_authorities_authority", ["authority_id", "record_id"], unique=False
        )

    op.create_table(
        "record_collections",
        sa.Column("record_id", sa.Integer(), nullable=False),
        sa.Column("collection_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["collection_id"],
            ["collections.id"],
            name=op.f("fk_record_collections_collection_id_collections"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["record_id"],
            ["records.id"],
            name=op.f("fk_record_collections_record_id_records"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("record_id", "collection_id", name=op.f("pk_record_collections")),
    )
    with op.batch_alter_table("record_collections", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_record_collections_collection_id"), ["collection_id"], unique=False
        )

    op.create_table(
        "record_languages",
        sa.Column("record_id", sa.Integer(), nullable=False),
        sa.Column("language_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["language_id"],
            ["languages.id"],
            name=op.f("fk_record_languages_language_id_languages"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["record_id"],
            ["records.id"],
            name=op.f("fk_record_languages_record_id_records"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("record_id", "language_id", name=op.f("pk_record_languages")),
    )
    with op.batch_alter_table("record_languages", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_record_languages_language_id"), ["language_id"], unique=False
        )

    op.create_table(
        "record_tags",
        sa.Column("record_id", sa.Integer(), nullable=False),
        sa.Column("tag_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["record_id"],
            ["records.id"],
            name=op.f("fk_record_tags_record_id_records"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["tag_id"], ["tags.id"], name=op.f("fk_record_tags_tag_id_tags"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("record_id", "tag_id", name=op.f("pk_record_tags")),
    )
    with op.batch_alter_table("record_tags", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_record_tags_tag_id"), ["tag_id"], unique=False)

    op.create_table(
        "relations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("source_id", sa.Integer(), nullable=False),
        sa.Column("target_id", sa.Integer(), nullable=False),
        sa.Column("type", sa.String(length=40), nullable=False),
        sa.Column("uid", sa.String(length=36), nullable=False),
        sa.Column("created", sa.DateTime(timezone=True), nullable=False),
        sa.Column("modified", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["source_id"],
            ["records.id"],
            name=op.f("fk_relations_source_id_records"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["target_id"],
            ["records.id"],
            name=op.f("fk_relations_target_id_records"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_relations")),
        sa.UniqueConstraint("source_id", "target_id", "type", name="uq_relations_link"),
        sa.UniqueConstraint("uid", name=op.f("uq_relations_uid")),
    )
    with op.batch_alter_table("relations", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_relations_target_id"), ["target_id"], unique=False)
    info = sa.table(
        "catalog_info",
        sa.column("id", sa.Integer),
        sa.column("schema_major", sa.Integer),
        sa.column("generation", sa.BigInteger),
        sa.column("created", sa.DateTime(timezone=True)),
        sa.column("created_by", sa.String),
    )
    now = datetime.now(UTC)
    if op.get_bind().dialect.name == "sqlite":
        now = now.replace(tzinfo=None)
    op.bulk_insert(
        info,
        [{"id": 1, "schema_major": 1, "generation": 0, "created": now, "created_by": "0001"}],
    )


def downgrade() -> None:
    with op.batch_alter_table("relations", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_relations_target_id"))

    op.drop_table("relations")
    with op.batch_alter_table("record_tags", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_record_tags_tag_id"))

    op.drop_table("record_tags")
    with op.batch_alter_table("record_languages", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_record_languages_language_id"))

    op.drop_table("record_languages")
    with op.batch_alter_table("record_collections", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_record_collections_collection_id"))

    op.drop_table("record_collections")
    with op.batch_alter_table("record_authorities", schema=None) as batch_op:
        batch_op.drop_index("ix_record_authorities_authority")

    op.drop_table("record_authorities")
    with op.batch_alter_table("attachments", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_attachments_record_id"))

    op.drop_table("attachments")
    with op.batch_alter_table("annotations", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_annotations_record_id"))

    op.drop_table("annotations")
    with op.batch_alter_table("records", schema=None) as batch_op:
        batch_op.drop_index("ix_records_title_key")
        batch_op.drop_index("ix_records_repository")
        batch_op.drop_index("ix_records_doc_type")
        batch_op.drop_index("ix_records_date_sort")
        batch_op.drop_index("ix_records_date_lower")

    op.drop_table("records")
    with op.batch_alter_table("authority_variants", schema=None) as batch_op:
        batch_op.drop_index("ix_authority_variants_kind_key")
        batch_op.drop_index(batch_op.f("ix_authority_variants_authority_id"))

    op.drop_table("authority_variants")
    op.drop_table("tags")
    op.drop_table("languages")
    op.drop_table("document_types")
    op.drop_table("collections")
    with op.batch_alter_table("change_log", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_change_log_record_id"))

    op.drop_table("change_log")
    op.drop_table("catalog_info")
    with op.batch_alter_table("authorities", schema=None) as batch_op:
        batch_op.drop_index("ix_authorities_kind_sort")

    op.drop_table("authorities")
