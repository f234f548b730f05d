"""The change log of an edit: a line per changed field (who, when, old → new value).

Mixed into ``restore.Writer``, which calls these as it writes; the lines are inserted
in one statement at the end of the write.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime

from sqlalchemy import Connection, select
from sqlalchemy.orm import Session

from catalog.store import tables as t
from catalog.store.snapshots import AuthorityState, Link, RecordState, RelationState

_TEXT_FIELDS = ("title", "summary", "source_ref", "classification")


class ChangeLog:
    """Collects change-log lines for the writer that mixes it in."""

    session: Session
    user: str
    now: datetime
    _names: dict[int, str]
    _log_rows: list[dict[str, object]]

    @property
    def connection(self) -> Connection:
        """The session's connection (Core statements, no ORM identity map)."""
        return self.session.connection()

    def _log_fields(self, state: RecordState, before: RecordState) -> None:
        rid = state.id
        if before.deleted != state.deleted:
            self._log(rid, rid, "moved to trash" if state.deleted else "restored from trash")
        for name in _TEXT_FIELDS:
            old, new = getattr(before, name), getattr(state, name)
            if old != new:
                self._log(rid, rid, "updated", name, old, new)
        if before.date != state.date:
            self._log(rid, rid, "updated", "date", _date_text(before), _date_text(state))
        if before.doc_type != state.doc_type:
            self._log(rid, rid, "updated", "type", before.doc_type, state.doc_type)
        if before.repository_id != state.repository_id:
            self._log(
                rid,
                rid,
                "updated",
                "archive",
                self._name(before.repository_id),
                self._name(state.repository_id),
            )
        for name in ("languages", "collections", "tags"):
            old_values, new_values = getattr(before, name), getattr(state, name)
            if old_values != new_values:
                self._log(rid, rid, "updated", name, "; ".join(old_values), "; ".join(new_values))
        if not self._same_names(before.links, state.links):
            self._log(
                rid, rid, "updated", "names", self._links_text(before), self._links_text(state)
            )

    def _same_names(self, before: tuple[Link, ...], after: tuple[Link, ...]) -> bool:
        """True when the links are the same kind by kind: their order across kinds means
        nothing (the editor lists and writes a record's names kind by kind)."""
        if before == after:
            return True
        if sorted(before) != sorted(after):
            return False
        wanted = {aid for aid, _role in before}
        kinds = dict(
            self.connection.execute(
                select(t.Authority.id, t.Authority.kind).where(t.Authority.id.in_(wanted))
            ).all()
        )

        def by_kind(links: tuple[Link, ...]) -> list[Link]:
            return sorted(links, key=lambda link: str(kinds.get(link[0], "")))  # stable

        return by_kind(before) == by_kind(after)

    def _links_text(self, state: RecordState) -> str:
        return "; ".join(f"{self._name(aid)} ({role})" for aid, role in state.links)

    def _remember_names(self, *states: Mapping[int, AuthorityState | None]) -> None:
        for mapping in states:
            for aid, state in mapping.items():
                if state is not None:
                    self._names.setdefault(aid, state.name)

    def _name(self, authority_id: int | None) -> str:
        if authority_id is None:
            return ""
        found = self._names.get(authority_id)
        if found is None:
            found = (
                self.connection.scalar(
                    select(t.Authority.name).where(t.Authority.id == authority_id)
                )
                or f"#{authority_id}"
            )
            self._names[authority_id] = found
        return found

    def _log(
        self,
        record_id: int | None,
        entity_id: int,
        action: str,
        field_name: str = "",
        old: str | None = None,
        new: str | None = None,
        entity: str = "record",
    ) -> None:
        self._log_rows.append(
            {
                "at": self.now,
                "user": self.user,
                "entity": entity,
                "entity_id": entity_id,
                "record_id": record_id,
                "action": action,
                "field": field_name,
                "old": old,
                "new": new,
            }
        )

    def _log_authority(
        self, authority_id: int, action: str, field_name: str, old: str | None, new: str | None
    ) -> None:
        self._log(None, authority_id, action, field_name, old, new, entity="authority")


def _date_text(state: RecordState) -> str:
    return state.date.text or state.date.edtf or ""


def relation_text(relation: RelationState) -> str:
    return f"{relation.type.replace('_', ' ')} #{relation.target_id}"
