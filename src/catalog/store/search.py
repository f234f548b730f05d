"""Query trees compiled to SQL: one compiler for SQLite (FTS5) and PostgreSQL (tsvector).

Every value reaches the database as a bound parameter. Full-text terms are written into
the FTS5 or tsquery syntax here, from tokens that are letters and digits only and are
quoted besides, so nothing a user types becomes database syntax.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from itertools import pairwise
from typing import Any

import numpy as np
import numpy.typing as npt
from sqlalchemy import (
    BigInteger,
    Boolean,
    ColumnElement,
    Connection,
    LargeBinary,
    Select,
    and_,
    any_,
    bindparam,
    cast,
    exists,
    false,
    func,
    literal_column,
    not_,
    or_,
    select,
    table,
    text,
    true,
    union_all,
)
from sqlalchemy.dialects.postgresql import ARRAY, TSQUERY
from sqlalchemy.orm import Session
from sqlalchemy.sql import column

from catalog.domain import query_ast as q
from catalog.domain.query_ast import FacetField, HasWhat, TextField
from catalog.domain.views import SortKey, SortOrder
from catalog.store import tables as t
from catalog.store.fulltext import PARTIAL, PG_WEIGHTS, label, lexeme
from catalog.store.ids import IdList, fetch_ids

_FTS5_COLUMNS = {TextField.TITLE: "title", TextField.SUMMARY: "summary", TextField.NOTE: "notes"}
_PG_WEIGHT = {
    TextField.TITLE: PG_WEIGHTS["title"],
    TextField.SUMMARY: PG_WEIGHTS["summary"],
    TextField.NOTE: PG_WEIGHTS["notes"],
}
# The full-text tables are created by a migration per dialect, not by the ORM.
_FTS5 = table("record_fts", column("rowid"))
_PG_SEARCH = table("record_search", column("record_id"), column("document"), column("terms"))
_AUTHORITY_KIND = {
    FacetField.PERSON: "person",
    FacetField.ORGANISATION: "organisation",
    FacetField.PLACE: "place",
    FacetField.SUBJECT: "subject",
    FacetField.ARCHIVE: "repository",
}


# Text hits given to PostgreSQL as an array of ids up to this many (beyond, a subquery).
RESOLVED_UP_TO = 300_000
_RESOLVED = "catalog.search.resolved"


class Compiler:
    """Compiles a query tree into a WHERE clause over ``records`` for one dialect.

    With a ``session`` on PostgreSQL, text terms and facet values are looked up first
    and the clause names the ids found: the planner then knows how many records a
    word or a place has (it has no statistics of the index terms, and cannot guess
    how common a place is from a subquery), and joins them by hashing rather than by
    looking up a hundred thousand records one by one. Each lookup is made once a session.
    """

    def __init__(self, dialect: str, session: Session | None = None) -> None:
        self.postgres = dialect == "postgresql"
        self.session = session if self.postgres else None

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
            if self.session is None:
                return facet_condition(node)
            term = node
            return facet_condition(node, lambda query: self._resolved(term, query))
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
        if self.session is not None:
            ids = self._cached(("text", tuple(terms)), lambda c: matching_ids(c, terms))
            if ids.size <= RESOLVED_UP_TO:
                found = bindparam(None, np.sort(ids).tolist(), type_=ARRAY(BigInteger))
                return t.Record.id == any_(found)
        return t.Record.id.in_(self.text_ids(terms))

    def _resolved(self, term: q.FacetTerm, query: Select[Any]) -> list[int]:
        """The ids of a facet term's value, from ``query``, each once (several variants
        name one authority); cached for the session."""
        found = self._cached(
            ("facet", term.field, term.key),
            lambda c: np.unique(np.asarray(c.scalars(query).all(), dtype=np.int64)),
        )
        return [int(i) for i in found]

    def _cached(
        self, key: tuple[Any, ...], look_up: Callable[[Connection], npt.NDArray[np.int64]]
    ) -> npt.NDArray[np.int64]:
        assert self.session is not None
        cache: dict[tuple[Any, ...], npt.NDArray[np.int64]]
        cache = self.session.info.setdefault(_RESOLVED, {})
        if key not in cache:
            cache[key] = look_up(self.session.connection())
        return cache[key]

    def text_ids(self, terms: Sequence[q.TextTerm]) -> Select[Any]:
        """The ids of records whose indexed text contains every (non-empty) term."""
        if self.postgres:
            return postgres_text_ids(terms)
        query = " AND ".join(fts5_term(term) for term in terms)
        match = literal_column("record_fts").op("MATCH")(bindparam(None, query))
        return select(_FTS5.c.rowid).where(match)


def postgres_text_ids(terms: Sequence[q.TextTerm]) -> Select[Any]:
    """The ids of records holding every term, from ``record_search`` (see fulltext).

    One GIN scan of the index terms finds the records (every word, pair of words and
    field-labelled word the query needs), reading no document: that is the whole answer
    for words, prefixes, two-word phrases and words in a field. Only a phrase of three
    or more words, or a phrase in a field, has the documents of those records checked
    (about 10 µs a record: each document is a TOAST fetch). Records with the term
    ``+partial`` are checked against their documents.
    """
    search = _PG_SEARCH
    needed: list[str] = []  # index terms every match holds
    checked: list[str] = []  # what the documents of those must be checked for
    for term in terms:
        if any(lexeme(token) is None for token in term.tokens):
            return select(search.c.record_id).where(false())  # never indexed: no match
        wanted, exact = index_terms_of(term)
        needed += wanted
        if not exact:
            checked.append(tsquery_term(term))

    def document(parts: Sequence[str]) -> ColumnElement[bool]:
        # The function, not the operator: no index may answer this (the GIN index on
        # the documents would make PostgreSQL check every document holding the words),
        # only the rows the index terms found are checked.
        tsquery = func.to_tsquery("simple", bindparam(None, " & ".join(parts)))
        return func.ts_match_vq(search.c.document, tsquery, type_=Boolean)

    def holding(query: str) -> ColumnElement[bool]:
        # Index terms are lexemes as they are: cast, not parsed (to_tsquery would split
        # "soviet koreans" in two).
        return search.c.terms.op("@@")(cast(bindparam(None, query), TSQUERY))

    record_id = search.c.record_id
    conditions = [holding(" & ".join(needed))] + ([document(checked)] if checked else [])
    found = select(record_id).where(*conditions)
    partial = select(record_id).where(
        holding(_quoted(PARTIAL)), document([tsquery_term(term) for term in terms])
    )
    hits = union_all(found, partial).subquery("hits")
    return select(hits.c.record_id)


def index_terms_of(term: q.TextTerm) -> tuple[list[str], bool]:
    """The index terms (tsquery syntax) every match of ``term`` holds, and whether
    holding them is a match (else the document must be checked too)."""
    weight = _PG_WEIGHT.get(term.field, "")
    tokens = term.tokens
    last = len(tokens) - 1
    labels = [lexeme(label(weight, token)) if weight else None for token in tokens]
    pairs = [lexeme(f"{a} {b}") for a, b in pairwise(tokens)]
    # (term, whether it ends with the last token: a prefix if the query's is)
    wanted: list[tuple[str | None, bool]]
    if len(tokens) == 1:
        wanted = [(labels[0] if weight and labels[0] else tokens[0], True)]
        exact = not weight or labels[0] is not None
    else:
        paired = all(pairs)
        ones = pairs if paired else list(tokens)
        wanted = [(one, n == len(ones) - 1) for n, one in enumerate(ones)]
        if weight:  # the pairs anywhere, each token in the field
            wanted += [(one, n == last) for n, one in enumerate(labels)]
        exact = len(tokens) == 2 and not weight and paired
    return [
        _quoted(one) + (":*" if term.prefix and ends else "") for one, ends in wanted if one
    ], exact


def _quoted(term: str) -> str:
    return "'" + term.replace("\\", "\\\\").replace("'", "''") + "'"


def matching_ids(connection: Connection, terms: Sequence[q.TextTerm]) -> npt.NDArray[np.int64]:
    """The ids of records whose text holds every term, in no particular order.

    PostgreSQL packs them into one ``bytea`` (eight bytes an id): a hundred thousand ids
    arrive in one value instead of a hundred thousand rows.
    """
    compiler = Compiler(connection.dialect.name)
    if not compiler.postgres:
        return fetch_ids(connection, compiler.text_ids(terms)).array
    tune_postgres(connection)
    hits = compiler.text_ids(terms).subquery("hits")
    packed = connection.scalar(
        select(func.string_agg(func.int8send(hits.c.record_id), bindparam(None, b"", LargeBinary)))
    )
    if packed is None:
        return np.zeros(0, dtype=np.int64)
    return np.frombuffer(packed, dtype=">i8").astype(np.int64)


_TUNE = text(
    "SELECT set_config('work_mem', greatest(setting::bigint, 65536)::text || 'kB', true),"
    " set_config('jit', 'off', true) FROM pg_settings WHERE name = 'work_mem'"
)


def tune_postgres(connection: Connection) -> None:
    """Settings for the rest of this transaction, on PostgreSQL: enough memory for the
    bitmap of a few million hits to stay exact (a lossy page has the terms of every row
    on it read back, a TOAST fetch each), and no JIT compilation (tens of milliseconds,
    for queries that take fewer)."""
    if connection.dialect.name == "postgresql":
        connection.execute(_TUNE)


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


def facet_condition(
    term: q.FacetTerm, resolve: Callable[[Select[Any]], list[int]] | None = None
) -> ColumnElement[bool]:
    """Records whose facet field has the term's value (any variant for authorities).

    ``resolve`` turns the subquery of the value's ids into the ids themselves.
    """
    key = term.key
    field = term.field
    if not key:
        return false()

    def ids(query: Select[Any]) -> Select[Any] | list[int]:
        return resolve(query) if resolve else query

    if field in _AUTHORITY_KIND:
        authorities = ids(
            select(t.AuthorityVariant.authority_id).where(
                t.AuthorityVariant.kind == _AUTHORITY_KIND[field],
                t.AuthorityVariant.name_key == key,
            )
        )
        if field is FacetField.ARCHIVE:
            return _present_in(t.Record.repository_id, authorities)
        return t.Record.id.in_(
            select(t.RecordAuthority.record_id).where(
                t.RecordAuthority.authority_id.in_(authorities)
            )
        )
    if field is FacetField.TYPE:
        types = ids(select(t.DocumentType.id).where(t.DocumentType.key == key))
        return _present_in(t.Record.doc_type_id, types)
    link, vocab, column = {
        FacetField.LANGUAGE: (t.RecordLanguage, t.Language, "language_id"),
        FacetField.COLLECTION: (t.RecordCollection, t.Collection, "collection_id"),
        FacetField.TAG: (t.RecordTag, t.Tag, "tag_id"),
    }[field]
    links, values = link.__table__.c, vocab.__table__.c
    if resolve is None:
        members = select(links.record_id).join(vocab).where(values.key == key)
    else:
        found = resolve(select(values.id).where(values.key == key))
        members = select(links.record_id).where(links[column].in_(found))
    return t.Record.id.in_(members)


def _present_in(column: Any, values: Select[Any] | list[int]) -> ColumnElement[bool]:
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
    tune_postgres(session.connection())
    query = select(t.Record.id).where(Compiler(dialect, session).where(node))
    query = query.order_by(*order_by(sort, descending, then, dialect == "postgresql"))
    if limit is not None:
        query = query.limit(limit)
    return fetch_ids(session.connection(), query)


def count_matches(session: Session, node: q.Node) -> int:
    """How many records match ``node``."""
    dialect = session.get_bind().dialect.name
    tune_postgres(session.connection())
    where = Compiler(dialect, session).where(node)
    query = select(func.count()).select_from(t.Record).where(where)
    return int(session.scalar(query) or 0)
