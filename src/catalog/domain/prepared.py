"""What storing an imported record works out from the record alone, worked out ahead.

Every row an import builds costs its process the interpreter lock, which the thread
storing the rows needs too; the process reading a large file
(``services.reading_process``) has time to spare. There the record's date is parsed,
its words folded for the full-text index and its title's sort key made (in the
catalogue's order, named beside it), and the record carries the results
(``RecordInput.prepared``) beside the very values they came from: a record changed since
(``dataclasses.replace`` makes new values) is simply worked out again when stored.
"""

from __future__ import annotations

from copy import copy
from functools import lru_cache

from catalog.domain.collation import Collation
from catalog.domain.dates import PartialDate, parse_date, parse_edtf
from catalog.domain.names import search_text
from catalog.domain.records import RecordInput

IndexTexts = tuple[str, str, str]
"""The folded title, summary and notes of a record, as the full-text index holds them."""


def record_date(item: RecordInput) -> PartialDate:
    """The date of an imported record: its stated EDTF if any, else its parsed text."""
    return _date(item.edtf, item.date_text)


@lru_cache(maxsize=4096)
def _date(edtf: str | None, text: str) -> PartialDate:
    # Dates repeat from record to record, and a PartialDate is immutable: records with
    # the same date share one (which a batch sent to another process then carries once).
    if edtf:
        return parse_edtf(edtf, text)
    return parse_date(text)


def index_texts(item: RecordInput) -> IndexTexts:
    """The record's title, summary and notes folded for the full-text index."""
    notes = search_text("\n".join(n.text for n in item.notes)) if item.notes else ""
    return search_text(item.title), search_text(item.summary), notes


def prepare(item: RecordInput, order: Collation) -> RecordInput:
    """The record with its date, index texts and title key in ``order`` worked out (see
    the module's description)."""
    sources = (item.title, item.summary, item.notes, item.edtf, item.date_text)
    worked_out = (index_texts(item), record_date(item), order.key(item.title), order.name)
    done = copy(item)
    # Frozen, but a fresh copy no one else holds; dataclasses.replace would run every
    # field through __init__ again, a third of the work of reading a native record.
    object.__setattr__(done, "prepared", (*sources, *worked_out))
    return done


def date_of(item: RecordInput) -> PartialDate:
    """The record's date: the one worked out ahead while it still fits, else parsed now."""
    ahead = prepared_parts(item)
    return record_date(item) if ahead is None else ahead[1]


def prepared_parts(item: RecordInput) -> tuple[IndexTexts, PartialDate, str, str] | None:
    """The index texts, date, title key and the name of the collation that made it, worked
    out for this record; None when there are none or the record changed since (its values
    are no longer the very ones they came from)."""
    ahead = item.prepared
    if ahead is None:
        return None
    title, summary, notes, edtf, date_text, texts, date, title_key, order = ahead
    if (
        title is not item.title
        or summary is not item.summary
        or notes is not item.notes
        or edtf is not item.edtf
        or date_text is not item.date_text
    ):
        return None
    return texts, date, title_key, order
