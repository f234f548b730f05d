"""Facet counts with GROUP BY: the answer any database can give, and the reference the
in-memory index is tested against."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import CompoundSelect, Select, case, func, literal, select, union_all
from sqlalchemy.orm import Session

from catalog.domain import query_ast as q
from catalog.domain.views import FacetName
from catalog.store import tables as t
from catalog.store.search import Compiler, has_condition, tune_postgres

# The "has" facet's values, in the order the sidebar lists them.
HAS_VALUES = (q.HasWhat.NOTES, q.HasWhat.RELATIONS, q.HasWhat.ATTACHMENTS)

# Per facet: the value as a number (year, decade) or the authorised name.
Count = tuple[Any, int]


def year_of(column: Any) -> Any:
    """SQL for the year of a day key, rounding down for years before the common era."""
    # Both databases truncate integer division toward zero; shift negatives to floor.
    return (column - case((column < 0, 9999), else_=0)) // 10000


def month_of(lower: Any, upper: Any) -> Any:
    """SQL for ``year * 100 + month`` of dates within one month (NULL for the others)."""

    def month(column: Any) -> Any:
        year = year_of(column)
        return year * 100 + (column - year * 10000) // 100

    return case((month(lower) == month(upper), month(lower)), else_=None)


def facet_counts(
    session: Session, node: q.Node, facet: FacetName, limit: int | None = None
) -> list[Count]:
    """Values of one facet among the records matching ``node``.

    Years and decades come in order; other values most frequent first, ties in the order
    of their folded keys (compared by code point on both databases), then by id.
    """
    dialect = session.get_bind().dialect.name
    tune_postgres(session.connection())
    hits = select(t.Record.id).where(Compiler(dialect, session).where(node))
    query = _grouped(facet, hits, dialect == "postgresql")
    if limit is not None:
        query = query.limit(limit)
    found = [(value, int(n)) for value, n in session.execute(query)]
    return [(value, n) for value, n in found if n] if facet is FacetName.HAS else found


def _grouped(
    facet: FacetName, hits: Select[Any], postgres: bool
) -> Select[Any, int] | CompoundSelect[Any]:
    n = func.count().label("n")
    record = t.Record
    if facet is FacetName.HAS:
        return union_all(
            *(
                select(literal(what.value).label("v"), func.count().label("n")).where(
                    record.id.in_(hits), has_condition(what)
                )
                for what in HAS_VALUES
            )
        )
    if facet is FacetName.MONTH:
        month = month_of(record.date_lower, record.date_upper)
        return (
            select(month.label("v"), n)
            .where(record.id.in_(hits), month.is_not(None))
            .group_by("v")
            .order_by("v")
        )

    def by_code_point(column: Any) -> Any:
        return column.collate("C") if postgres else column

    if facet in (FacetName.YEAR, FacetName.DECADE):
        year = year_of(record.date_lower)
        value = (
            year if facet is FacetName.YEAR else (year - case((year < 0, 9), else_=0)) // 10 * 10
        )
        return (
            select(value.label("v"), n)
            .where(record.id.in_(hits), record.date_lower.is_not(None))
            .group_by("v")
            .order_by("v")
        )
    if facet is FacetName.TYPE:
        doc_type = t.DocumentType
        return (
            select(doc_type.name, n)
            .select_from(record)
            .join(doc_type, doc_type.id == record.doc_type_id)
            .where(record.id.in_(hits))
            .group_by(doc_type.id, doc_type.name, doc_type.key)
            .order_by(n.desc(), by_code_point(doc_type.key), doc_type.id)
        )
    authority = t.Authority
    if facet is FacetName.ARCHIVE:
        return (
            select(authority.name, n)
            .select_from(record)
            .join(authority, authority.id == record.repository_id)
            .where(record.id.in_(hits))
            .group_by(authority.id, authority.name, authority.sort_key)
            .order_by(n.desc(), by_code_point(authority.sort_key), authority.id)
        )
    if facet in (FacetName.PERSON, FacetName.ORGANISATION, FacetName.PLACE, FacetName.SUBJECT):
        # Count the links of the matching records first, then look up the authorities:
        # joined directly, SQLite would walk every authority of the kind and probe the
        # matching records for each (seconds instead of milliseconds).
        links = t.RecordAuthority
        counted = (
            select(links.authority_id.label("aid"), func.count().label("n"))
            .where(links.record_id.in_(hits))
            .group_by(links.authority_id)
            .subquery()
        )
        return (
            select(authority.name, counted.c.n)
            .join(counted, counted.c.aid == authority.id)
            .where(authority.kind == facet.value)
            .order_by(counted.c.n.desc(), by_code_point(authority.sort_key), authority.id)
        )
    link, vocab, column = {
        FacetName.LANGUAGE: (t.RecordLanguage, t.Language, "language_id"),
        FacetName.COLLECTION: (t.RecordCollection, t.Collection, "collection_id"),
        FacetName.TAG: (t.RecordTag, t.Tag, "tag_id"),
    }[facet]
    link_table, vocab_table = link.__table__, vocab.__table__
    return (
        select(vocab_table.c.name, n)
        .select_from(link_table)
        .join(vocab_table, vocab_table.c.id == link_table.c[column])
        .where(link_table.c.record_id.in_(hits))
        .group_by(vocab_table.c.id, vocab_table.c.name, vocab_table.c.key)
        .order_by(n.desc(), by_code_point(vocab_table.c.key), vocab_table.c.id)
    )


def all_facets(
    session: Session, node: q.Node, facets: Iterable[FacetName], limit: int | None = None
) -> dict[FacetName, list[Count]]:
    """Counts of several facets for one query."""
    return {facet: facet_counts(session, node, facet, limit) for facet in facets}
