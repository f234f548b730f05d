"""What an export holds besides each record's own fields, as the user chose it.

Every format carries the record's fields; some also carry its notes, its relations and
its authorities' variant names (``Extra``). An exporter says which in ``carries``; the
export service takes out what the user left unticked before the exporter sees a record,
so an exporter never needs to know the options. Tabular formats (CSV, XLSX) also take the
columns and their order, and CSV a byte-order mark.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from enum import Enum

from catalog.domain.errors import ExportError
from catalog.domain.records import RecordDetail
from catalog.domain.wording import QT_TRANSLATE_NOOP


class Extra(Enum):
    """What a format may carry beyond a record's own fields."""

    NOTES = "notes"
    RELATIONS = "relations"
    VARIANTS = "variants"


EVERY_EXTRA = frozenset(Extra)

# The tabular columns that hold an extra: leaving the extra out leaves out its column.
EXTRA_COLUMNS = {Extra.NOTES: "notes", Extra.RELATIONS: "relations"}


@dataclass(frozen=True)
class ExportOptions:
    """The user's choices for one export.

    Attributes:
        extras: what to include of what the format can carry (all of it by default).
        columns: tabular formats only: these columns in this order (empty: every column).
        bom: CSV only: start the file with a UTF-8 byte-order mark (for older Excel).
    """

    extras: frozenset[Extra] = EVERY_EXTRA
    columns: tuple[str, ...] = ()
    bom: bool = False

    def trimmed(self, record: RecordDetail) -> RecordDetail:
        """The record without the extras the user left out."""
        if self.extras == EVERY_EXTRA:
            return record
        changes: dict[str, object] = {}
        if Extra.NOTES not in self.extras:
            changes["annotations"] = ()
        if Extra.RELATIONS not in self.extras:
            changes["relations"] = ()
        if Extra.VARIANTS not in self.extras:
            changes["authorities"] = tuple(replace(a, variants=()) for a in record.authorities)
        return replace(record, **changes)  # type: ignore[arg-type]

    def columns_from(self, known: Sequence[str]) -> tuple[str, ...]:
        """The columns to write, in order, checked against the format's ``known`` ones."""
        chosen = self.columns or tuple(known)
        unknown = [c for c in chosen if c not in known]
        if unknown:
            raise ExportError(
                QT_TRANSLATE_NOOP("Errors", "Unknown column {columns} (known: {known})."),
                columns=", ".join(map(repr, unknown)),
                known=", ".join(known),
            )
        if len(set(chosen)) != len(chosen):
            raise ExportError(
                QT_TRANSLATE_NOOP("Errors", "A column is chosen twice; name each column once.")
            )
        left_out = {EXTRA_COLUMNS[e] for e in EXTRA_COLUMNS if e not in self.extras}
        columns = tuple(c for c in chosen if c not in left_out)
        if not columns:
            raise ExportError(QT_TRANSLATE_NOOP("Errors", "Choose at least one column to export."))
        return columns


EVERYTHING = ExportOptions()
"""Every field, extra and column: what an export holds unless the user chooses less."""
