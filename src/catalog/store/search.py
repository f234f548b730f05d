"""Query trees compiled to SQL: one compiler for SQLite (FTS5) and PostgreSQL (tsvector).

Every value reaches the database as a bound parameter. Full-text terms are written into
the FTS5 or tsquery syntax here, from tokens that are letters and digits only and are
quoted besides, so nothing a user types becomes database syntax.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Select,
    and_,
    bindparam,
    exists,
    false,
    func,
    literal_column,
    not_,
    or_,
    select,
    table,
    true,
)
from sqlalchemy.orm import Session
from sqlalchemy.sql import column

from catalog.domain import query_ast as q
from catalog.domain.query_ast import FacetField, HasWhat, TextField
from catalog.domain.views import SortKey, SortOrder
from catalog.store import tables as t
from catalog.store.fulltext import PG_WEIGHTS
from catalog.store.ids import IdList, fetch_ids

_FTS5_COLUMNS = {TextField.TITLE: "title", TextField.SUMMARY: "summary", TextField.NOTE: "notes"}
_PG_WEIGHT = {
    TextField.TITLE: PG_WEIGHTS["title"],
    TextField.SUMMARY: PG_WEIGHTS["summary"],
    TextField.NOTE: PG_WEIGHTS["notes"],
}
# The full-text tables are created by a migration per dialect, not by the ORM.
_FTS5 = table("record_fts", column("rowid"))
_PG_SEARCH = table("record_search", column("record_id"), column("document"))
_AUTHORITY_KIND = {
    FacetField.PERSON: "person",
    FacetField.ORGANISATION: "organisation",
    FacetField.PLACE: "place",
    FacetField.SUBJECT: "subject",
    FacetField.ARCHIVE: "repository",
}


class Compiler:
    """Compiles a query tree into a WHERE clause over ``records`` for one dialect."""

    def __init__(self, dialect: str) -> None:
        self.postgres = dialect == "postgresql"

    def where(self, node: q.Node) -> ColumnElement[bool]:
        """The full condition, leaving trashed records out unless the query asks for them."""
        condition = self.compile(node)
        if q.mentions_trash(node):
            return condition
        return and_(t.Record.deleted == False, condition)  # noqa: E712 (= uses the index)

    def compile(self, node: q.Node) -> ColumnElement[bool]:
        """The condition for one node, trash not considered."""
        if isinstance(node, q.MatchAll):
            return true()
        if isinstance(node, q.And):
            return self._and(node.items)
        if isinstance(node, q.Or):
            return or_(*(self.compile(item) for item in node.items))
        if isinstance(node, q.Not):
            return not_(self.compile(node.item))
        if isinstance(node, q.TextTerm):
            return self.text_match([node])
        if isinstance(node, q.FacetTerm):
            return facet_condition(node)
        if isinstance(node, q.DateTerm):
            return date_condition(node)
        if isinstance(node, q.HasTerm):
            return has_condition(node.what)
        return t.Record.deleted == True  # noqa: E712

    def _and(self, items: Sequence[q.Node]) -> ColumnElement[bool]:
        # Positive text terms go to the full-text engine as one expression: it
        # intersects posting lists far faster than SQL intersects id sets.
        texts = [item for item in items if isinstance(item, q.TextTerm) and item.tokens]
        others = [self.compile(item) for item in items if item not in texts]
        parts = ([self.text_match(texts)] if texts else []) + others
        return and_(*parts) if parts else true()

    def text_match(self, terms: Sequence[q.TextTerm]) -> ColumnElement[bool]:
        """Records whose indexed text contains every term."""
        terms = [term for term in terms if term.tokens]
        if not terms:
            return true()
        return t.Record.id.in_(self.text_ids(terms))

    def text_ids(self, terms: Sequence[q.TextTerm]) -> Select[Any]:
        """The ids of records whose indexed text contains every (non-empty) term."""
        if self.postgres:
            query = " & ".join(tsquery_term(term) for term in terms)
            tsquery = func.to_tsquery("simple", bindparam(None, query))
            return select(_PG_SEARCH.c.record_id).where(_PG_SEARCH.c.document.op("@@")(tsquery))
        query = " AND ".join(fts5_term(term) for term in terms)
        match = literal_column("record_fts").op("MATCH")(bindparam(None, query))
        return select(_FTS5.c.rowid).where(match)


def fts5_term(term: q.TextTerm) -> str:
    """One term in FTS5 query syntax: a quoted phrase, optionally a prefix and a column."""
    phrase = '"' + " ".join(tok.replace('"', '""') for tok in term.tokens) + '"'
    if term.prefix:
        phrase += " *"
    column = _FTS5_COLUMNS.get(term.field)
    return f"{{{column}}} : {phrase}" if column else phrase


def tsquery_term(term: q.TextTerm) -> str:
    """One term in tsquery syntax: quoted lexemes joined by ``<->``, with weight labels."""
    weight = _PG_WEIGHT.get(term.field, "")
    lexemes = []
    for index, token in enumerate(term.tokens):
        quoted = "'" + token.replace("\\", "\\\\").replace("'", "''") + "'"
        last = index == len(term.tokens) - 1
        label = ("*" if term.prefix and last else "") + weight
        lexemes.append(f"{quoted}:{label}" if label else quoted)
    return "(" + " <-> ".join(lexemes) + ")"


def facet_condition(term: q.FacetTerm) -> ColumnElement[bool]:
    """Records whose facet field has the term's value (any variant for authorities)."""
    key = term.key
    field = term.field
    if not key:
        return false()
    if field in _AUTHORITY_KIND:
        authorities = select(t.AuthorityVariant.authority_id).where(
            t.AuthorityVariant.kind == _AUTHORITY_KIND[field], t.AuthorityVariant.name_key == key
        )
        if field is FacetField.ARCHIVE:
            return _present_in(t.Record.repository_id, authorities)
        return t.Record.id.in_(
            select(t.RecordAuthority.record_id).where(
                t.RecordAuthority.authority_id.in_(authorities)
            )
        )
    if field is FacetField.TYPE:
        types = select(t.DocumentType.id).where(t.DocumentType.key == key)
        return _present_in(t.Record.doc_type_id, types)
    if field is FacetField.LANGUAGE:
        members = select(t.RecordLanguage.record_id).join(t.Language).where(t.Language.key == key)
    elif field is FacetField.COLLECTION:
        members = (
            select(t.RecordCollection.record_id).join(t.Collection).where(t.Collection.key == key)
        )
    else:
        members = select(t.RecordTag.record_id).join(t.Tag).where(t.Tag.key == key)
    return t.Record.id.in_(members)


def _present_in(column: Any, values: Select[Any]) -> ColumnElement[bool]:
    # "IS NOT NULL AND" keeps NOT(...) true for records without a value: SQL's
    # NULL IN (...) is unknown, and NOT unknown would leave them out.
    return and_(column.is_not(None), column.in_(values))


def date_condition(term: q.DateTerm) -> ColumnElement[bool]:
    """Records whose lower date bound lies in the term's range."""
    parts: list[ColumnElement[bool]] = [t.Record.date_lower.is_not(None)]
    if term.lower is not None:
        parts.append(t.Record.date_lower >= term.lower)
    if term.upper is not None:
        parts.append(t.Record.date_lower <= term.upper)
    return and_(*parts)


def has_condition(what: HasWhat) -> ColumnElement[bool]:
    """``has:`` conditions."""
    rid = t.Record.id
    if what is HasWhat.DATE:
        return t.Record.date_lower.is_not(None)
    if what is HasWhat.NOTES:
        return exists().where(t.Annotation.record_id == rid)
    if what is HasWhat.ATTACHMENTS:
        return exists().where(t.Attachment.record_id == rid)
    if what is HasWhat.TAGS:
        return exists().where(t.RecordTag.record_id == rid)
    return or_(
        exists().where(t.Relation.source_id == rid), exists().where(t.Relation.target_id == rid)
    )


def _value_columns(sort: SortKey, postgres: bool) -> list[Any]:
    """The columns of a sort key's value alone: records tied on them are equal."""
    record = t.Record
    if sort is SortKey.TITLE:
        return [record.title_key]
    if sort is SortKey.ID:
        return [record.id]
    if sort is SortKey.DATE:
        return [record.date_sort, record.date_precision]
    if sort is SortKey.TYPE:
        key = select(t.DocumentType.key).where(t.DocumentType.id == record.doc_type_id)
    elif sort is SortKey.ARCHIVE:
        key = select(t.Authority.sort_key).where(t.Authority.id == record.repository_id)
    else:
        # Language keys are plain text: compare by code point, as sort keys do.
        language_key: Any = t.Language.key.collate("C") if postgres else t.Language.key
        key = (
            select(func.min(language_key))
            .join(t.RecordLanguage, t.RecordLanguage.language_id == t.Language.id)
            .where(t.RecordLanguage.record_id == record.id)
        )
    return [func.coalesce(key.scalar_subquery(), "")]


def _full_columns(sort: SortKey, postgres: bool) -> list[Any]:
    """A sort key's columns with its tie-breakers: dates for the named ones, then id."""
    record = t.Record
    columns = _value_columns(sort, postgres)
    if sort in (SortKey.TYPE, SortKey.ARCHIVE, SortKey.LANGUAGE):
        columns += [record.date_sort, record.date_precision]
    return columns if sort is SortKey.ID else [*columns, record.id]


def order_by(
    sort: SortKey,
    descending: bool = False,
    then: Sequence[SortOrder] = (),
    postgres: bool = False,
) -> list[Any]:
    """ORDER BY columns: the first key's value, then each next key's, the last one with
    its tie-breakers (ties broken by id at the end, so paging is stable)."""
    keys = [SortOrder(sort, descending), *then]
    columns: list[Any] = []
    for position, key in enumerate(keys):
        last = position == len(keys) - 1
        chosen = _full_columns(key.key, postgres) if last else _value_columns(key.key, postgres)
        columns += [c.desc() for c in chosen] if key.descending else chosen
    return columns


def search_ids(
    session: Session,
    node: q.Node,
    sort: SortKey = SortKey.DATE,
    descending: bool = False,
    limit: int | None = None,
    then: Sequence[SortOrder] = (),
) -> IdList:
    """Ids of the records matching ``node``, in the requested order."""
    dialect = session.get_bind().dialect.name
    query = select(t.Record.id).where(Compiler(dialect).where(node))
    query = query.order_by(*order_by(sort, descending, then, dialect == "postgresql"))
    if limit is not None:
        query = query.limit(limit)
    return fetch_ids(session.connection(), query)


def count_matches(session: Session, node: q.Node) -> int:
    """How many records match ``node``."""
    dialect = session.get_bind().dialect.name
    query = select(func.count()).select_from(t.Record).where(Compiler(dialect).where(node))
    return int(session.scalar(query) or 0)
