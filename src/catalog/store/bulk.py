"""Bulk insertion of imported records with Core ``INSERT``s, batch by batch.

ORM ``add_all`` with relationships costs about thirty times a Core bulk insert here, so
imports build plain rows (tuples, see ``bulk_insert``): records, their links, notes and
full-text rows, all inside the caller's single transaction (a failure anywhere rolls
the whole import back).
"""

from __future__ import annotations

from array import array
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from sqlalchemy import Connection, insert, select

from catalog.domain.dates import PartialDate
from catalog.domain.errors import Notice, Word
from catalog.domain.prepared import index_texts, prepared_parts, record_date
from catalog.domain.records import AuthorityKind, RecordInput, RelationInput
from catalog.domain.wording import QT_TRANSLATE_NOOP
from catalog.store import fulltext
from catalog.store.base import Base
from catalog.store.bulk_insert import (
    BackgroundWriter,
    Row,
    TableInserter,
    deferred_rows,
    execute,
)
from catalog.store.ids import IdAllocator
from catalog.store.interrupting import interruptible
from catalog.store.set_aside_indexes import SetAsideIndexes
from catalog.store.tables import (
    UNDATED_SORT,
    Annotation,
    Attachment,
    Collection,
    DocumentType,
    Language,
    Record,
    RecordAuthority,
    RecordCollection,
    RecordLanguage,
    RecordTag,
    Relation,
    Tag,
    new_uid,
)
from catalog.store.types import utcnow
from catalog.store.vocab import Authorities, Vocabulary
from catalog.store.vocab import write as write_pending
from catalog.store.write_log import MENDS_UP_TO, Touched

DATE_COLUMNS = (
    "date_text",
    "date_edtf",
    "date_lower",
    "date_upper",
    "date_precision",
    "date_approximate",
    "date_uncertain",
    "date_sort",
)
RECORD_COLUMNS = (
    "id",
    "uid",
    "title",
    "title_key",
    "summary",
    "doc_type_id",
    "repository_id",
    "source_ref",
    "classification",
    "deleted",
    "created",
    "modified",
    "created_by",
    "modified_by",
    "version",
    *DATE_COLUMNS,
)
AUDIT_COLUMNS = ("uid", "created", "modified", "version")

_UNSEEN = -1  # a spelling not looked up yet (None is an answer: a blank name); ids are > 0
_REPOSITORY = AuthorityKind.REPOSITORY
_CACHED_DATES = 16384  # distinct dates remembered by an import, then it starts over


def date_values(date: PartialDate) -> tuple[object, ...]:
    """The values of ``DATE_COLUMNS`` for a parsed date."""
    return (
        date.text,
        date.edtf,
        date.lower,
        date.upper,
        int(date.precision),
        date.approximate,
        date.uncertain,
        UNDATED_SORT if date.lower is None else date.lower,
    )


def date_columns(date: PartialDate) -> dict[str, object]:
    """The record columns that hold a parsed date, by name."""
    return dict(zip(DATE_COLUMNS, date_values(date), strict=True))


def _unknown_target(relation: RelationInput, line: int | None) -> Notice:
    """The warning for a relation to a record neither the file nor the catalogue holds."""
    values = {"relation": Word("RelationsTab", relation.type.label), "uid": relation.target_uid}
    if line:
        unknown = QT_TRANSLATE_NOOP(
            "Errors", "line {line}: relation '{relation}' points at unknown record {uid}; left out"
        )
        return Notice(unknown, line=line, **values)
    unknown = QT_TRANSLATE_NOOP(
        "Errors", "relation '{relation}' points at unknown record {uid}; left out"
    )
    return Notice(unknown, **values)


@dataclass
class BulkWriter:
    """Writes batches of imported records inside one transaction.

    Given a second, read-only ``lookup`` connection, the writes run on a background
    thread (see ``BackgroundWriter``) while the caller prepares the next batch, and
    every read goes through ``lookup``; ``close`` must then be called, also on failure,
    before the transaction ends. Without one, each batch is written before ``write``
    returns.

    Attributes:
        user: who is importing (recorded as the records' creator).
        warnings: problems that did not stop the import.
        record_ids: ids of the records written, in input order.
        related: ids of the records the written relations point to.
    """

    connection: Connection
    lookup: Connection | None = None
    user: str = ""
    warnings: list[str] = field(default_factory=list)
    record_ids: array[int] = field(default_factory=lambda: array("q"))
    relations: list[tuple[int, RelationInput, int | None]] = field(default_factory=list)
    skipped: int = 0
    related: set[int] = field(default_factory=set)

    def __post_init__(self) -> None:
        c = self.connection
        # Reads (and PostgreSQL's sequences) go through ``reader``; the write connection
        # may be busy on the background thread. Before this import writes anything,
        # both see the same rows.
        reader = self.reader = self.lookup if self.lookup is not None else c
        self.background = BackgroundWriter() if self.lookup is not None else None
        self.doc_types = Vocabulary(DocumentType)
        self.languages = Vocabulary(Language)
        self.collections = Vocabulary(Collection)
        self.tags = Vocabulary(Tag)
        for vocab in (self.doc_types, self.languages, self.collections, self.tags):
            vocab.load(reader)
        self.authorities = Authorities()
        self.authorities.load(reader)
        # SQLite, the write lock held, no record yet, and reads on another connection: the
        # reads cannot see a record this import does not write, nor one it writes.
        self._alone = (
            c.dialect.name == "sqlite"
            and self.lookup is not None
            and reader.execute(select(Record.id).limit(1)).first() is None
        )
        # (edtf, date text) -> the values of DATE_COLUMNS
        self._dates: dict[tuple[str | None, str], tuple[object, ...]] = {}
        self.record_alloc = IdAllocator(reader, Record, block=10000)
        self.link_alloc = IdAllocator(reader, RecordAuthority, block=10000)
        self.note_alloc = IdAllocator(reader, Annotation)
        self.attachment_alloc = IdAllocator(reader, Attachment)
        # Rows may wait for a later batch, to be written in whole statements (see
        # DeferredRows); ``finish`` writes them. Rows that no other row refers to may
        # always wait; records too where nothing reads them before the end (reads go
        # through ``lookup``) and SQLite checks foreign keys at the commit.
        records_wait = self.lookup is not None and c.dialect.name == "sqlite"
        if records_wait:
            c.exec_driver_sql("PRAGMA defer_foreign_keys = ON")  # until the commit
        self._index = deferred_rows(c, fulltext.SQLITE_INSERT, 5) if records_wait else None
        self.inserters = {
            Record: TableInserter(c, Record, RECORD_COLUMNS, defer=records_wait),
            RecordAuthority: TableInserter(
                c, RecordAuthority, ("id", "record_id", "authority_id", "role"), defer=True
            ),
            RecordLanguage: TableInserter(
                c, RecordLanguage, ("record_id", "language_id"), defer=True
            ),
            RecordCollection: TableInserter(
                c, RecordCollection, ("record_id", "collection_id"), defer=True
            ),
            RecordTag: TableInserter(c, RecordTag, ("record_id", "tag_id"), defer=True),
            Annotation: TableInserter(
                c, Annotation, ("id", "record_id", "text", "author", *AUDIT_COLUMNS), defer=True
            ),
            Attachment: TableInserter(
                c,
                Attachment,
                ("id", "record_id", "path", "role", "language", "sha256", *AUDIT_COLUMNS),
                defer=True,
            ),
        }
        # Into an empty catalogue, the plain indexes of the tables filled here are built
        # once at the end (``finish``) rather than kept in step row by row.
        filled = [str(model.__tablename__) for model in self.inserters]
        self._set_aside = SetAsideIndexes.drop(c, filled) if self._alone else None

    @property
    def authorities_created(self) -> int:
        """How many new authorities the import created."""
        return len(self.authorities.made)

    def write(self, batch: Sequence[RecordInput]) -> None:
        """Insert one batch of records with everything that hangs off them.

        One pass over the records builds every row. Names, vocabulary values and dates
        repeat from record to record, so each spelling is looked up once (the maps'
        ``by_spelling``) and each date parsed once; the order in which new authorities
        and values are created, and so their ids, is that of the records.
        """
        now = utcnow()
        existing = {} if self._alone else self._existing_uids([i.uid for i in batch if i.uid])
        rows: dict[type[Base], list[Row]] = {model: [] for model in self.inserters}
        record_rows, link_rows = rows[Record], rows[RecordAuthority]
        note_rows, attachment_rows = rows[Annotation], rows[Attachment]
        vocabularies = (
            (self.languages, "languages", rows[RecordLanguage]),
            (self.collections, "collections", rows[RecordCollection]),
            (self.tags, "tags", rows[RecordTag]),
        )
        search_rows: list[fulltext.SearchRow] = []
        authorities, reader, user = self.authorities, self.reader, self.user
        title_order = authorities.order  # the catalogue's, read with the authorities
        resolve, spellings, folded = authorities.id_for, authorities.by_spelling, authorities.folded
        doc_types = self.doc_types
        take_record, take_link = self.record_alloc.take, self.link_alloc.take
        record_ids, relations = self.record_ids, self.relations
        for item in batch:
            uid = item.uid
            if uid and uid in existing:
                self.skipped += 1
                continue
            rid = take_record()
            uid = uid or new_uid()
            record_ids.append(rid)
            archive = item.archive
            repository: int | None = None
            if archive and not archive.isspace():
                found = spellings.get((_REPOSITORY, archive), _UNSEEN)
                repository = resolve(_REPOSITORY, archive, (), now) if found == _UNSEEN else found
            title = item.title
            ahead = prepared_parts(item)  # worked out by the process reading the file
            if ahead is None:
                texts, date = index_texts(item), self._date_values(item)
                title_key = title_order.key(title)
            else:
                texts, date, title_key = ahead[0], date_values(ahead[1]), ahead[2]
                if ahead[3] != title_order.name:  # keyed in another order than the catalogue's
                    title_key = title_order.key(title)
            doc_type: int | None = None
            if item.doc_type:
                known = doc_types.by_spelling.get(item.doc_type, _UNSEEN)
                doc_type = doc_types.id_for(item.doc_type, now) if known == _UNSEEN else known
            created = item.created or now
            record_rows.append(
                (rid, uid, title, title_key, item.summary, doc_type,
                 repository, item.source_ref, item.classification, False, created,
                 item.modified or created, user, user, 1, *date)
            )  # fmt: skip
            # Each (authority, role) once; the index gets each authority's names once.
            names: list[str] = []
            linked: set[int] = set()
            seen: set[tuple[int, str]] = set()
            for link in item.names:
                kind, name = link.kind, link.name
                aid = spellings.get((kind, name), _UNSEEN)
                if aid == _UNSEEN:
                    aid = resolve(kind, name, link.variants, now)
                if aid is None:
                    continue
                role: str = link.role._value_
                pair = (aid, role)
                if pair in seen:
                    continue
                seen.add(pair)
                link_rows.append((take_link(), rid, aid, role))
                if aid not in linked:
                    linked.add(aid)
                    text = folded.get(aid)
                    names.append(authorities.folded_names(reader, aid) if text is None else text)
            if repository is not None:
                text = folded.get(repository)
                names.append(authorities.folded_names(reader, repository) if text is None else text)
            for vocab, field_name, out in vocabularies:
                values: tuple[str, ...] = getattr(item, field_name)
                if not values:
                    continue
                chosen: set[int] = set()
                for value in values:
                    vid = vocab.by_spelling.get(value, _UNSEEN)
                    if vid == _UNSEEN:
                        vid = vocab.id_for(value, now)
                    if vid is not None and vid not in chosen:
                        chosen.add(vid)
                        out.append((rid, vid))
            for note in item.notes:
                stamp = note.created or now
                note_rows.append(
                    (self.note_alloc.take(), rid, note.text, note.author, new_uid(), stamp,
                     note.modified or stamp, 1)
                )  # fmt: skip
            for att in item.attachments:
                attachment_rows.append(
                    (self.attachment_alloc.take(), rid, att.path, att.role, att.language,
                     att.sha256, new_uid(), now, now, 1)
                )  # fmt: skip
            for relation in item.relations:
                relations.append((rid, relation, item.line))
            search_rows.append(
                (
                    rid,
                    *texts,
                    " ".join(n for n in names if n),
                )
            )
        new_values = [
            *(p for v in (self.doc_types, self.languages, self.collections, self.tags)
              for p in v.take_pending()),
            *self.authorities.take_pending(),
        ]  # fmt: skip

        # The rows are laid out as statements here, so the writer (which waits on
        # SQLite, then on the interpreter lock) has only SQLite's work left.
        connection = self.connection
        statements = [
            s
            for model, inserter in self.inserters.items()
            for s in inserter.statements(rows[model])
        ]
        indexing = None if self._index is None else self._index.statements(search_rows)

        def store() -> None:
            write_pending(connection, new_values)
            execute(connection, statements)
            if indexing is None:
                fulltext.write_rows(connection, search_rows, new=True)
            else:
                execute(connection, indexing)

        if self.background is None:
            store()
        else:
            self.background.submit(store)

    def touched(self) -> Touched | None:
        """The rows written so far, for mending the search index: the new records, those
        their relations point to, and the new authorities (None: more than the index is
        mended for, see ``write_log.MENDS_UP_TO``)."""
        if len(self.record_ids) + len(self.related) > MENDS_UP_TO:
            return None
        added = frozenset(self.record_ids)
        return Touched(added | self.related, added, frozenset(self.authorities.made))

    def _date_values(self, item: RecordInput) -> tuple[object, ...]:
        """The date columns of a record; dates repeat, so each is parsed once."""
        key = (item.edtf, item.date_text)
        found = self._dates.get(key)
        if found is None:
            if len(self._dates) >= _CACHED_DATES:
                self._dates.clear()
            found = self._dates[key] = date_values(record_date(item))
        return found

    def close(self) -> None:
        """Stop the background writer (after a failure too); nothing is raised."""
        if self.background is not None:
            self.background.close()

    def finish(self, check: Callable[[], None] = lambda: None) -> None:
        """Write the rows still waiting and wait for the batches, then write the relations
        (every record has an id now).

        ``check`` raises to cancel: it is asked while the indexes set aside are built
        again (seconds at a million records), and interrupts that work.
        """

        waiting = [s for inserter in self.inserters.values() for s in inserter.flush_statements()]
        if self._index is not None:
            waiting += self._index.flush_statements()

        def flush() -> None:
            execute(self.connection, waiting)

        if self.background is None:
            flush()
        else:
            self.background.submit(flush)
            self.background.finish()
        if self._set_aside is not None:
            with interruptible(self.connection, check):
                self._set_aside.restore(self.connection)
            self._set_aside = None
        if not self.relations:
            return
        # The write connection sees this import's records as well as the earlier ones.
        wanted = list({rel.target_uid for _, rel, _ in self.relations})
        known = self._existing_uids(wanted, self.connection)
        now = utcnow()
        rows: list[dict[str, object]] = []
        seen: set[tuple[int, int, str]] = set()
        for source, rel, line in self.relations:
            target = known.get(rel.target_uid)
            if target is None:
                self.warnings.append(_unknown_target(rel, line))
                continue
            key = (source, target, rel.type.value)
            if key in seen or source == target:
                continue
            seen.add(key)
            self.related.add(target)
            rows.append(
                {
                    "source_id": source,
                    "target_id": target,
                    "type": rel.type.value,
                    "uid": new_uid(),
                    "created": now,
                    "modified": now,
                    "version": 1,
                }
            )
        if rows:
            self.connection.execute(insert(Relation), rows)

    def _existing_uids(
        self, uids: list[str], connection: Connection | None = None
    ) -> dict[str, int]:
        found: dict[str, int] = {}
        reader = connection or self.reader
        for start in range(0, len(uids), 500):
            chunk = uids[start : start + 500]
            query = select(Record.uid, Record.id).where(Record.uid.in_(chunk))
            found.update({uid: rid for uid, rid in reader.execute(query)})
        return found
