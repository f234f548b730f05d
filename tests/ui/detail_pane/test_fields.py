"""record_fields: every field of a record as plain-text spans, the right ones links."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

from catalog.domain.records import Annotation, ChangeEntry, RelationType, RelationView
from catalog.ui.detail_pane.fields import (
    EMPTY,
    FileLink,
    FilterLink,
    RecordLink,
    change_text,
    record_fields,
    timestamp,
)
from tests.ui.fakes import full_detail, make_detail

WHEN = datetime(2024, 5, 3, 9, 30, tzinfo=UTC)


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
        "history",
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
    assert fields["history"].label == "History (0)" and fields["history"].empty
    assert "Version 3" in fields["record"].text and "uid-42" in fields["record"].text
    wide = [f.key for f in fields.values() if f.wide]
    assert wide == ["summary", "annotations", "relations", "attachments", "history"]


def test_links_and_searchable_text() -> None:
    fields = {f.key: f for f in record_fields(full_detail())}
    links = {span.text: span.link for f in fields.values() for line in f.lines for span in line}
    assert links["Kim Il Sung"] == FilterLink('person:"Kim Il Sung"')
    assert links["Chinese Embassy in North Korea"] == FilterLink(
        'organisation:"Chinese Embassy in North Korea"'
    )
    assert links["Cable"] == FilterLink("type:Cable")
    assert links["PRC FMA"] == FilterLink('archive:"PRC FMA"')
    assert links["citizenship"] == FilterLink("tag:citizenship")
    assert links["Letter from the Korean side"] == RecordLink(43)
    assert links["scans/106-00217-01.pdf"] == FileLink("scans/106-00217-01.pdf")
    assert links[" (mentioned); also 김일성"] is None
    searchable = {
        f.key for f in fields.values() for line in f.lines for span in line if span.searchable
    }
    assert searchable == {"summary", "annotations"}


def test_empty_fields_and_dates_not_understood() -> None:
    fields = {f.key: f for f in record_fields(make_detail(1, "Untitled", "sometime in spring"))}
    assert fields["archive"].text == EMPTY and fields["archive"].empty
    assert fields["tags"].empty and fields["people"].empty
    assert fields["date"].text == "sometime in spring\n(not understood as a date)"
    undated = {f.key: f for f in record_fields(make_detail(2, "Undated"))}
    assert undated["date"].text == "No date"
    blank = {f.key: f for f in record_fields(make_detail(3, "Blank", summary="  \n \n"))}
    assert blank["summary"].empty


def test_relations_read_from_this_end_and_notes_say_when_edited() -> None:
    detail = replace(
        full_detail(),
        relations=(
            RelationView(1, RelationType.COVER_MEMO_FOR, False, 7, "uid-7", "Cover memo"),
            RelationView(2, RelationType.SAME_AS, True, 8, "uid-8", ""),
        ),
        annotations=(
            Annotation(1, "First.", "", WHEN, WHEN),
            Annotation(2, "Second.", "ab", WHEN, WHEN.replace(day=4)),
        ),
    )
    fields = {f.key: f for f in record_fields(detail)}
    assert fields["relations"].text == "has cover memo: Cover memo\nsame as: uid-8"
    notes = fields["annotations"].text.split("\n")
    assert notes[0] == f"Unknown author · {timestamp(WHEN)}"
    assert notes[2] == ""  # a blank line between notes
    assert notes[3] == (f"ab · {timestamp(WHEN)} (edited {timestamp(WHEN.replace(day=4))})")


def test_the_change_log_is_newest_first_one_short_line_each() -> None:
    older = ChangeEntry(WHEN, "mk", "created")
    newer = ChangeEntry(WHEN.replace(day=5), "", "edited", "summary", "x" * 100, None)
    fields = {f.key: f for f in record_fields(full_detail(), [older, newer])}
    assert fields["history"].label == "History (2)"
    lines = fields["history"].text.split("\n")
    assert lines[1] == f"{timestamp(WHEN)} · mk · created"
    assert lines[0].startswith(
        f"{timestamp(WHEN.replace(day=5))} · unknown user · edited summary: “x"
    )
    assert lines[0].endswith(f"“{'x' * 59}…” → (empty)")  # long values are cut
    assert change_text(ChangeEntry(WHEN, "mk", "edited", "tags", "a\nb", "c")).endswith(
        "edited tags: “a b” → “c”"
    )
