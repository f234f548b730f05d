"""A record's date and index texts worked out ahead (by the process reading the file) are
used only for the very values they came from, and survive the pipe."""

from __future__ import annotations

import pickle
from dataclasses import replace

from catalog.domain.collation import collation
from catalog.domain.names import search_text
from catalog.domain.prepared import (
    date_of,
    index_texts,
    prepare,
    prepared_parts,
    record_date,
)
from catalog.domain.records import AnnotationInput, RecordInput

ROOT = collation()
RECORD = RecordInput(
    title="Запись беседы с Ким Ир Сеном",
    date_text="October, 1959",
    summary="Ким Ир Сен говорит о гражданстве.",
    notes=(AnnotationInput("Перевод сверен."),),
)


def test_what_is_worked_out_ahead_is_what_storing_would_work_out() -> None:
    ahead = prepared_parts(prepare(RECORD, ROOT))
    assert ahead == (index_texts(RECORD), record_date(RECORD), ROOT.key(RECORD.title), ROOT.name)
    texts, date, _title_key, _order = ahead
    assert texts[0] == search_text(RECORD.title)
    assert date.edtf == "1959-10"
    assert prepare(RECORD, ROOT) == RECORD  # the same record, only carrying its work


def test_it_survives_pickling_as_the_pipe_sends_it() -> None:
    batch = pickle.loads(
        pickle.dumps([prepare(RECORD, ROOT), prepare(replace(RECORD, title="Б"), ROOT)])
    )
    assert [prepared_parts(item) for item in batch] == [
        (index_texts(RECORD), record_date(RECORD), ROOT.key(RECORD.title), ROOT.name),
        (index_texts(replace(RECORD, title="Б")), record_date(RECORD), ROOT.key("Б"), ROOT.name),
    ]


def test_a_record_changed_since_is_worked_out_again() -> None:
    ready = prepare(RECORD, ROOT)
    assert prepared_parts(RECORD) is None
    for changed in (
        replace(ready, title="Cable"),
        replace(ready, summary="Другое."),
        replace(ready, notes=()),
        replace(ready, date_text="1960"),
        replace(ready, edtf="1960"),
    ):
        assert prepared_parts(changed) is None
    assert prepared_parts(replace(ready, uid="u-1")) is not None  # not what it depends on


def test_the_date_is_taken_from_the_work_done_ahead_while_it_fits() -> None:
    ready = prepare(RECORD, ROOT)
    assert date_of(ready) is prepared_parts(ready)[1]  # type: ignore[index]
    assert date_of(replace(ready, date_text="1960")).edtf == "1960"
    assert date_of(RECORD) == record_date(RECORD)


def test_the_title_key_is_made_in_the_order_given_and_named() -> None:
    swedish = collation("sv")
    ahead = prepared_parts(prepare(replace(RECORD, title="Ölund"), swedish))
    assert ahead is not None and ahead[2:] == (swedish.key("Ölund"), swedish.name)
