"""The catalogue's tables as typed SQLAlchemy models.

Every editable row has a stable ``uid``, ``created``/``modified`` timestamps and a
``version`` that every write checks (optimistic locking). Small vocabularies (document
types, languages, collections, tags) are tables of their own, so facets count integer
keys and renaming a value is one update.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import (
    BigInteger,
    Boolean,
    ForeignKey,
    Index,
    Integer,
    SmallInteger,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, declared_attr, mapped_column

from catalog.store.base import Base
from catalog.store.types import utcnow

# Records without a date sort after every dated one.
UNDATED_SORT = 10**15

# Sort keys compare code point by code point on both databases (PostgreSQL would
# otherwise apply the server's locale), so SQL order and the in-memory index agree.
SortText = Text().with_variant(Text(collation="C"), "postgresql")


def new_uid() -> str:
    """A fresh stable identifier."""
    return str(uuid.uuid4())


class Audited:
    """Columns every editable row carries."""

    uid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uid)
    created: Mapped[datetime] = mapped_column(default=utcnow)
    modified: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    version: Mapped[int] = mapped_column(Integer, default=1)

    @declared_attr.directive
    def __mapper_args__(cls) -> dict[str, Any]:  # noqa: N805 - declared_attr takes the class
        # The ORM checks and bumps ``version`` on every flush: a stale UPDATE is a conflict.
        return {"version_id_col": cls.__table__.c.version}  # type: ignore[attr-defined]


class CatalogInfo(Base):
    """One row about the catalogue itself.

    ``generation`` grows by one with every committed write, so caches (the in-memory
    facet index, other clients) can tell whether what they hold is current.
    ``sort_collation`` names the collation that made the sort keys of titles and names;
    ``sort_locale`` is the language whose order they follow.
    """

    __tablename__ = "catalog_info"

    id: Mapped[int] = mapped_column(primary_key=True)
    schema_major: Mapped[int] = mapped_column(Integer)
    generation: Mapped[int] = mapped_column(BigInteger, default=0)
    created: Mapped[datetime] = mapped_column(default=utcnow)
    created_by: Mapped[str] = mapped_column(String(64), default="")
    # The name of the collation that made the sort keys of titles and names
    # (catalog.domain.collation); "" until the first open by a version that records it.
    sort_collation: Mapped[str] = mapped_column(String(200), default="", server_default="")
    # The ICU locale whose order the sort keys follow ("" for the root order).
    sort_locale: Mapped[str] = mapped_column(String(100), default="", server_default="")


class DocumentType(Audited, Base):
    """A value of the controlled, extensible list of document types."""

    __tablename__ = "document_types"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    key: Mapped[str] = mapped_column(SortText, unique=True)


class Language(Audited, Base):
    """A language of original documents."""

    __tablename__ = "languages"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    key: Mapped[str] = mapped_column(String(200), unique=True)


class Collection(Audited, Base):
    """A curated group of records."""

    __tablename__ = "collections"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(Text)
    key: Mapped[str] = mapped_column(Text, unique=True)
    description: Mapped[str] = mapped_column(Text, default="")


class Tag(Audited, Base):
    """A free label owned by researchers."""

    __tablename__ = "tags"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    key: Mapped[str] = mapped_column(String(200), unique=True)


class Authority(Audited, Base):
    """A person, organisation, place, subject or repository, under its authorised form."""

    __tablename__ = "authorities"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(20))
    name: Mapped[str] = mapped_column(Text)
    sort_key: Mapped[str] = mapped_column(SortText)
    note: Mapped[str] = mapped_column(Text, default="")

    __table_args__ = (Index("ix_authorities_kind_sort", "kind", "sort_key"),)


class AuthorityVariant(Base):
    """One form of an authority's name; the authorised form is a variant too."""

    __tablename__ = "authority_variants"

    id: Mapped[int] = mapped_column(primary_key=True)
    authority_id: Mapped[int] = mapped_column(
        ForeignKey("authorities.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[str] = mapped_column(String(20))
    name: Mapped[str] = mapped_column(Text)
    name_key: Mapped[str] = mapped_column(Text)

    __table_args__ = (
        UniqueConstraint("authority_id", "name", name="uq_authority_variants_name"),
        Index("ix_authority_variants_kind_key", "kind", "name_key"),
    )


class Record(Audited, Base):
    """A catalogued document."""

    __tablename__ = "records"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(Text)
    title_key: Mapped[str] = mapped_column(SortText)
    summary: Mapped[str] = mapped_column(Text, default="")
    date_text: Mapped[str] = mapped_column(Text, default="")
    date_edtf: Mapped[str | None] = mapped_column(String(100))
    date_lower: Mapped[int | None] = mapped_column(BigInteger)
    date_upper: Mapped[int | None] = mapped_column(BigInteger)
    date_precision: Mapped[int] = mapped_column(SmallInteger, default=0)
    date_approximate: Mapped[bool] = mapped_column(Boolean, default=False)
    date_uncertain: Mapped[bool] = mapped_column(Boolean, default=False)
    date_sort: Mapped[int] = mapped_column(BigInteger, default=UNDATED_SORT)
    doc_type_id: Mapped[int | None] = mapped_column(
        ForeignKey("document_types.id", ondelete="SET NULL")
    )
    repository_id: Mapped[int | None] = mapped_column(
        ForeignKey("authorities.id", ondelete="SET NULL")
    )
    source_ref: Mapped[str] = mapped_column(Text, default="")
    classification: Mapped[str] = mapped_column(String(100), default="")
    deleted: Mapped[bool] = mapped_column(Boolean, default=False)
    created_by: Mapped[str] = mapped_column(String(200), default="")
    modified_by: Mapped[str] = mapped_column(String(200), default="")

    __table_args__ = (
        # "deleted" first: the list of records outside the trash, in order, is a scan of
        # the index alone (no look-up of a million rows to check the flag).
        Index("ix_records_date_sort", "deleted", "date_sort", "date_precision", "id"),
        Index("ix_records_title_key", "deleted", "title_key", "id"),
        Index("ix_records_doc_type", "doc_type_id"),
        Index("ix_records_repository", "repository_id"),
        Index("ix_records_date_lower", "date_lower"),
    )


class RecordAuthority(Base):
    """A record's link to an authority, with the role the authority plays."""

    __tablename__ = "record_authorities"

    id: Mapped[int] = mapped_column(primary_key=True)
    record_id: Mapped[int] = mapped_column(ForeignKey("records.id", ondelete="CASCADE"))
    authority_id: Mapped[int] = mapped_column(ForeignKey("authorities.id", ondelete="CASCADE"))
    role: Mapped[str] = mapped_column(String(20))

    __table_args__ = (
        UniqueConstraint("record_id", "authority_id", "role", name="uq_record_authorities_link"),
        Index("ix_record_authorities_authority", "authority_id", "record_id"),
    )


class RecordLanguage(Base):
    """A language of a record's original."""

    __tablename__ = "record_languages"

    record_id: Mapped[int] = mapped_column(
        ForeignKey("records.id", ondelete="CASCADE"), primary_key=True
    )
    language_id: Mapped[int] = mapped_column(
        ForeignKey("languages.id", ondelete="CASCADE"), primary_key=True, index=True
    )


class RecordCollection(Base):
    """Membership of a record in a collection."""

    __tablename__ = "record_collections"

    record_id: Mapped[int] = mapped_column(
        ForeignKey("records.id", ondelete="CASCADE"), primary_key=True
    )
    collection_id: Mapped[int] = mapped_column(
        ForeignKey("collections.id", ondelete="CASCADE"), primary_key=True, index=True
    )


class RecordTag(Base):
    """A tag on a record."""

    __tablename__ = "record_tags"

    record_id: Mapped[int] = mapped_column(
        ForeignKey("records.id", ondelete="CASCADE"), primary_key=True
    )
    tag_id: Mapped[int] = mapped_column(
        ForeignKey("tags.id", ondelete="CASCADE"), primary_key=True, index=True
    )


class Annotation(Audited, Base):
    """A note on a record, with its author."""

    __tablename__ = "annotations"

    id: Mapped[int] = mapped_column(primary_key=True)
    record_id: Mapped[int] = mapped_column(ForeignKey("records.id", ondelete="CASCADE"), index=True)
    text: Mapped[str] = mapped_column(Text)
    author: Mapped[str] = mapped_column(String(200), default="")


class Relation(Audited, Base):
    """A typed link between two records, stored once and read from both ends."""

    __tablename__ = "relations"

    id: Mapped[int] = mapped_column(primary_key=True)
    source_id: Mapped[int] = mapped_column(ForeignKey("records.id", ondelete="CASCADE"))
    target_id: Mapped[int] = mapped_column(ForeignKey("records.id", ondelete="CASCADE"), index=True)
    type: Mapped[str] = mapped_column(String(40))

    __table_args__ = (UniqueConstraint("source_id", "target_id", "type", name="uq_relations_link"),)


class Attachment(Audited, Base):
    """A file attached to a record: path inside the catalogue's folder, and its hash."""

    __tablename__ = "attachments"

    id: Mapped[int] = mapped_column(primary_key=True)
    record_id: Mapped[int] = mapped_column(ForeignKey("records.id", ondelete="CASCADE"), index=True)
    path: Mapped[str] = mapped_column(Text)
    role: Mapped[str] = mapped_column(String(40), default="")
    language: Mapped[str] = mapped_column(String(100), default="")
    sha256: Mapped[str] = mapped_column(String(64), default="")


class ChangeLogEntry(Base):
    """One change to one field of one row: who, when, old and new value."""

    __tablename__ = "change_log"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(default=utcnow)
    user: Mapped[str] = mapped_column(String(200), default="")
    entity: Mapped[str] = mapped_column(String(40))
    entity_id: Mapped[int] = mapped_column(BigInteger)
    record_id: Mapped[int | None] = mapped_column(BigInteger, index=True)
    action: Mapped[str] = mapped_column(String(20))
    field: Mapped[str] = mapped_column(String(60), default="")
    old: Mapped[str | None] = mapped_column(Text)
    new: Mapped[str | None] = mapped_column(Text)
