"""The import writer as it was before its faster path, kept to prove the new one stores
the same rows (``test_bulk_equivalence``).

``ReferenceBulkWriter`` builds rows as the writer did up to commit bb77a32 (a pass for
the records, then one for their full-text rows; every name, value and date looked up or
parsed each time), and ``ReferenceInserter`` sends them as that commit did: one
``executemany`` per table, each value through its column's bind processor.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Connection

from catalog.domain.collation import sort_key
from catalog.domain.names import search_text
from catalog.domain.records import AuthorityKind, RecordInput
from catalog.store import fulltext
from catalog.store.base import Base
from catalog.store.bulk import BulkWriter, date_values, record_date
from catalog.store.bulk_insert import Row, TableInserter
from catalog.store.tables import (
    Annotation,
    Attachment,
    Record,
    RecordAuthority,
    RecordCollection,
    RecordLanguage,
    RecordTag,
    new_uid,
)
from catalog.store.types import utcnow
from catalog.store.vocab import Vocabulary
from catalog.store.vocab import write as write_pending


class ReferenceInserter(TableInserter):
    """``TableInserter`` as it was: one executemany, every value processed."""

    def __init__(self, connection: Connection, model: type[Base], columns: Sequence[str]) -> None:
        super().__init__(connection, model, columns)
        self._multi = None
        self._plain = [(index, processor) for index, processor, _ in self._processors]

    def insert(self, rows: Sequence[Row]) -> None:
        if not rows:
            return
        prepared: list[Any] = (
            [self._process(row) for row in rows] if self._processors else list(rows)
        )
        if self._order is not None:
            order = self._order
            if order:
                prepared = [tuple(row[i] for i in order) for row in prepared]
        else:
            names = self.columns
            prepared = [dict(zip(names, row, strict=True)) for row in prepared]
        self.connection.exec_driver_sql(self.sql, prepared)

    def _process(self, row: Row) -> Row:
        values = list(row)
        for index, processor in self._plain:
            if values[index] is not None:
                values[index] = processor(values[index])
        return tuple(values)


class ReferenceBulkWriter(BulkWriter):
    """``BulkWriter`` with its ``write`` as it was."""

    def __post_init__(self) -> None:
        super().__post_init__()
        self.inserters = {
            model: ReferenceInserter(self.connection, model, inserter.columns)
            for model, inserter in self.inserters.items()
        }

    def write(self, batch: Sequence[RecordInput]) -> None:
        now = utcnow()
        existing = self._existing_uids([i.uid for i in batch if i.uid])
        rows: dict[type[Base], list[Row]] = {model: [] for model in self.inserters}
        search_parts: list[tuple[int, RecordInput, list[int]]] = []
        for item in batch:
            if item.uid and item.uid in existing:
                self.skipped += 1
                continue
            rid = self.record_alloc.take()
            uid = item.uid or new_uid()
            self.record_ids.append(rid)
            rows[Record].append(self._record_row(rid, uid, item, now))
            linked = self._links(rid, item, now, rows[RecordAuthority])
            links: tuple[tuple[Vocabulary, tuple[str, ...], type[Base]], ...] = (
                (self.languages, item.languages, RecordLanguage),
                (self.collections, item.collections, RecordCollection),
                (self.tags, item.tags, RecordTag),
            )
            for vocab, names, model in links:
                seen: set[int] = set()
                for name in names:
                    vid = vocab.id_for(name, now)
                    if vid is not None and vid not in seen:
                        seen.add(vid)
                        rows[model].append((rid, vid))
            for note in item.notes:
                created = note.created or now
                rows[Annotation].append(
                    (self.note_alloc.take(), rid, note.text, note.author, new_uid(),
                     created, note.modified or created, 1)
                )  # fmt: skip
            for att in item.attachments:
                rows[Attachment].append(
                    (self.attachment_alloc.take(), rid, att.path, att.role, att.language,
                     att.sha256, new_uid(), now, now, 1)
                )  # fmt: skip
            for relation in item.relations:
                self.relations.append((rid, relation, item.line))
            search_parts.append((rid, item, linked))
        new_values = [
            *(p for v in (self.doc_types, self.languages, self.collections, self.tags)
              for p in v.take_pending()),
            *self.authorities.take_pending(),
        ]  # fmt: skip
        search_rows = self._search_rows(search_parts)

        def store() -> None:
            write_pending(self.connection, new_values)
            for model, inserter in self.inserters.items():
                inserter.insert(rows[model])
            fulltext.write_rows(self.connection, search_rows, new=True)

        if self.background is None:
            store()
        else:
            self.background.submit(store)

    def _record_row(self, rid: int, uid: str, item: RecordInput, now: datetime) -> Row:
        archive = item.archive
        repository = (
            self.authorities.id_for(AuthorityKind.REPOSITORY, archive, (), now)
            if archive and not archive.isspace()
            else None
        )
        created = item.created or now
        return (
            rid,
            uid,
            item.title,
            sort_key(item.title),
            item.summary,
            self.doc_types.id_for(item.doc_type, now) if item.doc_type else None,
            repository,
            item.source_ref,
            item.classification,
            False,
            created,
            item.modified or created,
            self.user,
            self.user,
            1,
            *date_values(record_date(item)),
        )

    def _links(self, rid: int, item: RecordInput, now: datetime, rows: list[Row]) -> list[int]:
        linked: list[int] = []
        seen: set[tuple[int, str]] = set()
        id_for = self.authorities.id_for
        for link in item.names:
            aid = id_for(link.kind, link.name, link.variants, now)
            if aid is None:
                continue
            role = link.role.value
            if (aid, role) in seen:
                continue
            seen.add((aid, role))
            linked.append(aid)
            rows.append((self.link_alloc.take(), rid, aid, role))
        return linked

    def _search_rows(
        self, parts: list[tuple[int, RecordInput, list[int]]]
    ) -> list[fulltext.SearchRow]:
        authorities, connection, now = self.authorities, self.reader, utcnow()
        rows: list[fulltext.SearchRow] = []
        for rid, item, linked in parts:
            names = [authorities.folded_names(connection, aid) for aid in dict.fromkeys(linked)]
            if item.archive and not item.archive.isspace():
                repo = authorities.id_for(AuthorityKind.REPOSITORY, item.archive, (), now)
                if repo is not None:
                    names.append(authorities.folded_names(connection, repo))
            rows.append(
                (
                    rid,
                    search_text(item.title),
                    search_text(item.summary),
                    search_text("\n".join(n.text for n in item.notes)) if item.notes else "",
                    " ".join(n for n in names if n),
                )
            )
        return rows
