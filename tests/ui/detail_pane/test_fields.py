"""record_fields: every field of a record as plain text."""

from __future__ import annotations

from catalog.ui.detail_pane.fields import EMPTY, record_fields
from tests.ui.fakes import full_detail, make_detail


def test_every_field_is_there() -> None:
    fields = {f.key: f for f in record_fields(full_detail())}
    assert list(fields) == [
        "date",
        "type",
        "languages",
        "archive",
        "source_ref",
        "classification",
        "collections",
        "people",
        "organisations",
        "places",
        "subjects",
        "tags",
        "summary",
        "annotations",
        "relations",
        "attachments",
        "record",
    ]
    assert fields["date"].text == "October, 1959\n1959-10 (1959-10-01 to 1959-10-31)"
    assert fields["languages"].text == "Chinese, Korean"
    assert fields["people"].text == "Kim Il Sung (mentioned); also 김일성"
    assert fields["organisations"].text == "Chinese Embassy in North Korea (author)"
    assert fields["subjects"].text == "Citizenship (subject)"
    assert fields["annotations"].label == "Notes (1)"
    assert fields["annotations"].text.startswith("mk · ")
    assert fields["annotations"].text.endswith("\nCheck the Korean original.")
    assert fields["relations"].text == "reply to: Letter from the Korean side"
    assert fields["attachments"].text == "scans/106-00217-01.pdf (scan, zh)"
    assert "Version 3" in fields["record"].text and "uid-42" in fields["record"].text


def test_empty_fields_show_a_dash_and_dates_say_when_not_understood() -> None:
    fields = {f.key: f for f in record_fields(make_detail(1, "Untitled", "sometime in spring"))}
    assert fields["archive"].text == EMPTY and fields["archive"].empty
    assert fields["date"].text == "sometime in spring\n(not understood as a date)"
    undated = {f.key: f for f in record_fields(make_detail(2, "Undated"))}
    assert undated["date"].text == "No date"
