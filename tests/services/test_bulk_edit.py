"""Bulk edits on both databases: every operation, previews, one undo step, conflicts."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

import pytest

from catalog.domain.drafts import NameChoice, RecordDraft
from catalog.domain.errors import EditConflict, InvalidEdit
from catalog.domain.records import AuthorityKind, RecordDetail, Role
from catalog.services import jobs
from catalog.services.catalog import CatalogService
from catalog.services.editing import bulk
from catalog.services.editing.bulk import (
    AddCollection,
    AddName,
    AddTag,
    BulkOp,
    FieldChange,
    RemoveCollection,
    RemoveName,
    RemoveTag,
    Replace,
    ReplaceField,
    SetArchive,
    SetLanguage,
    SetType,
)

PERSON = AuthorityKind.PERSON
CREATED = datetime(2024, 1, 2, tzinfo=UTC)


def draft(title: str, **changes: object) -> RecordDraft:
    """A record with a value in every field a bulk edit touches."""
    base = RecordDraft(
        title=title,
        date_text="October, 1959",
        summary="Nam Il tells Ivanov about Kim Il Sung.",
        doc_type="Cable",
        languages=("Russian",),
        archive="AVPRF",
        source_ref="Fond 0102, Opis 15",
        classification="Secret",
        collections=("Soviet documents",),
        tags=("citizenship",),
        names=(NameChoice(PERSON, "Kim Il Sung", Role.AUTHOR),),
    )
    return replace(base, **changes)  # type: ignore[arg-type]


@pytest.fixture
def ids(service: CatalogService) -> list[int]:
    """Three records: two alike, one with different values."""
    editor = service.editor
    first, _ = editor.create_record(draft("Cable from Pyongyang, part 1"))
    second, _ = editor.create_record(draft("Cable from Pyongyang, part 2"))
    third, _ = editor.create_record(
        draft(
            "Memo on trade",
            tags=("trade", "Citizenship"),
            collections=(),
            doc_type="Memo",
            names=(NameChoice(PERSON, "Nam Il", Role.RECIPIENT),),
        )
    )
    editor.history.clear()
    return [first, second, third]


def details(service: CatalogService, ids: list[int]) -> list[RecordDetail]:
    """Each record as the catalogue holds it, without when it was last written."""
    return [replace(service.detail(rid), version=0, modified=CREATED) for rid in ids]


def names(record: RecordDetail) -> list[tuple[str, Role]]:
    return [(a.name, a.role) for a in record.authorities]


OPS: list[tuple[BulkOp, str, list[tuple[str, str]]]] = [
    (AddTag("korea"), "tags", [("citizenship", "citizenship; korea")] * 2
     + [("citizenship; trade", "citizenship; korea; trade")]),
    (RemoveTag("CITIZENSHIP"), "tags",
     [("citizenship", "")] * 2 + [("citizenship; trade", "trade")]),
    (AddCollection("Soviet documents"), "collections", [("", "Soviet documents")]),
    (RemoveCollection("soviet documents"), "collections", [("Soviet documents", "")] * 2),
    (SetType("memo"), "type", [("Cable", "Memo")] * 2),
    (SetType(""), "type", [("Cable", "")] * 2 + [("Memo", "")]),
    (SetArchive("RGANI"), "archive", [("AVPRF", "RGANI")] * 3),
    (SetLanguage("Korean"), "languages", [("Russian", "Korean")] * 3),
    (AddName(PERSON, "Nam Il", Role.RECIPIENT), "names",
     [("Kim Il Sung (author)", "Kim Il Sung (author); Nam Il (recipient)")] * 2),
    (RemoveName(kind=PERSON, name="KIM IL-SUNG"), "names", [("Kim Il Sung (author)", "")] * 2),
    (Replace(ReplaceField.TITLE, "pyongyang", "P'yŏngyang"), "title",
     [(f"Cable from Pyongyang, part {n}", f"Cable from P'yŏngyang, part {n}") for n in (1, 2)]),
    (Replace(ReplaceField.SUMMARY, "Nam Il", "Nam-il", case_sensitive=True), "summary",
     [("Nam Il tells Ivanov about Kim Il Sung.", "Nam-il tells Ivanov about Kim Il Sung.")] * 3),
    (Replace(ReplaceField.SOURCE_REF, "Opis", "Op."), "source_ref",
     [("Fond 0102, Opis 15", "Fond 0102, Op. 15")] * 3),
    (Replace(ReplaceField.CLASSIFICATION, "secret", "Confidential"), "classification",
     [("Secret", "Confidential")] * 3),
    (Replace(ReplaceField.DATE_TEXT, "October", "November"), "date_text",
     [("October, 1959", "November, 1959")] * 3),
]  # fmt: skip


@pytest.mark.parametrize(("op", "field", "expected"), OPS, ids=lambda v: repr(v)[:40])
def test_every_operation_previews_exactly_its_changes_and_undoes_exactly(
    service: CatalogService,
    ids: list[int],
    op: BulkOp,
    field: str,
    expected: list[tuple[str, str]],
) -> None:
    before = details(service, ids)
    versions = {rid: service.detail(rid).version for rid in ids}

    found = bulk.preview(service.editor, ids, op)

    assert {c.field for c in found.changes} == {field}
    assert sorted((c.old, c.new) for c in found.changes) == sorted(expected)
    assert found.versions == {c.record_id: versions[c.record_id] for c in found.changes}
    assert details(service, ids) == before  # a preview writes nothing

    changes = bulk.apply(service.editor, found, op)

    assert changes.updated == set(found.versions)
    again = bulk.preview(service.editor, ids, op)
    assert again.changes == []  # the edit did what the preview said, nothing left to do
    assert service.editor.history.undo_label == found.label
    assert len(service.editor.history.undo_steps) == 1

    after = details(service, ids)
    service.editor.undo()
    assert details(service, ids) == before
    service.editor.redo()
    assert details(service, ids) == after


def test_the_store_holds_what_the_edit_says(service: CatalogService, ids: list[int]) -> None:
    editor = service.editor
    bulk.apply(editor, ids, AddName(AuthorityKind.SUBJECT, "Citizenship law"))
    bulk.apply(editor, ids, SetArchive("RGANI"))
    bulk.apply(editor, ids[:1], SetLanguage("korean"))

    first = service.detail(ids[0])
    assert ("Citizenship law", Role.SUBJECT) in names(first)
    assert (first.archive, first.languages) == ("RGANI", ("korean",))
    assert list(service.search('subject:"Citizenship law"').ids) == ids
    assert len(editor.history.undo_steps) == 3


def test_names_resolve_once_and_new_names_become_one_authority(
    service: CatalogService, ids: list[int]
) -> None:
    found = bulk.preview(service.editor, ids, AddName(PERSON, "Ivanov V. I."))
    assert [c.new.endswith("Ivanov V. I. (mentioned)") for c in found.changes] == [True] * 3

    bulk.apply(service.editor, found, AddName(PERSON, "Ivanov V. I."))

    linked = {
        a.authority_id for rid in ids for a in service.detail(rid).authorities if "Ivanov" in a.name
    }
    assert len(linked) == 1


def test_a_label_names_the_edit_and_counts_the_records(
    service: CatalogService, ids: list[int]
) -> None:
    found = bulk.preview(service.editor, ids, AddTag("korea"))
    assert found.label == "Add tag “korea” to 3 records"
    assert bulk.describe(RemoveCollection("X"), 1) == "Remove 1 record from collection “X”"
    assert bulk.describe(SetType(""), 1_234) == "Clear type of 1,234 records"


def test_a_regular_expression_replaces_with_its_groups(
    service: CatalogService, ids: list[int]
) -> None:
    op = Replace(ReplaceField.TITLE, r"^(\w+) from (\w+), part (\d)$", r"\2: \1 \3", regex=True)

    found = bulk.preview(service.editor, ids, op)
    bulk.apply(service.editor, found, op)

    assert [service.detail(rid).title for rid in ids] == [
        "Pyongyang: Cable 1",
        "Pyongyang: Cable 2",
        "Memo on trade",
    ]


def test_a_case_sensitive_replace_leaves_other_cases(
    service: CatalogService, ids: list[int]
) -> None:
    op = Replace(ReplaceField.TITLE, "cable", "Telegram", case_sensitive=True)
    assert bulk.preview(service.editor, ids, op).changes == []
    op = Replace(ReplaceField.TITLE, "cable", "Telegram")
    assert len(bulk.preview(service.editor, ids, op).changes) == 2


def test_a_replaced_date_is_understood_again(service: CatalogService, ids: list[int]) -> None:
    bulk.apply(service.editor, ids[:1], Replace(ReplaceField.DATE_TEXT, "October, ", "c. "))
    date = service.detail(ids[0]).date
    assert (date.text, date.edtf, date.approximate) == ("c. 1959", "1959~", True)


@pytest.mark.parametrize(
    ("op", "message"),
    [
        (Replace(ReplaceField.TITLE, "(unclosed", "x", regex=True), "missing \\)"),
        (Replace(ReplaceField.TITLE, "(a)", r"\2", regex=True), "invalid group reference"),
        (Replace(ReplaceField.TITLE, "", "x"), "Type the text to find"),
        (AddTag("  "), "Type a name"),
        (RemoveName(), "Choose the name"),
    ],
)
def test_an_operation_that_cannot_run_is_refused_before_reading(
    service: CatalogService, ids: list[int], op: BulkOp, message: str
) -> None:
    with pytest.raises(InvalidEdit, match=message):
        bulk.preview(service.editor, ids, op)
    with pytest.raises(InvalidEdit, match=message):
        bulk.apply(service.editor, ids, op)
    assert service.editor.history.undo_steps == []


def test_a_replace_that_empties_a_title_is_refused_and_writes_nothing(
    service: CatalogService, ids: list[int]
) -> None:
    before = details(service, ids)
    with pytest.raises(InvalidEdit, match="without a title"):
        bulk.apply(service.editor, ids, Replace(ReplaceField.TITLE, ".*", "", regex=True))
    assert details(service, ids) == before


def test_a_record_changed_since_the_preview_is_a_conflict_and_nothing_is_written(
    service: CatalogService, ids: list[int]
) -> None:
    op = AddTag("korea")
    found = bulk.preview(service.editor, ids, op)
    service.editor.add_note(ids[1], "Edited meanwhile.")
    before = details(service, ids)

    with pytest.raises(EditConflict) as raised:
        bulk.apply(service.editor, found, op)

    assert raised.value.record_ids == (ids[1],)
    assert details(service, ids) == before
    assert service.editor.history.undo_label == "Add note"


def test_records_that_would_not_change_are_left_alone(
    service: CatalogService, ids: list[int]
) -> None:
    version = service.detail(ids[2]).version
    found = bulk.preview(service.editor, [*ids, ids[0], 999_999], SetType("Memo"))
    assert (found.selected, found.count) == (4, 2)
    assert [c.record_id for c in found.changes] == ids[:2]

    bulk.apply(service.editor, found, SetType("Memo"))

    assert service.detail(ids[2]).version == version


def test_nothing_to_change_writes_no_step(service: CatalogService, ids: list[int]) -> None:
    changes = bulk.apply(service.editor, ids, RemoveTag("absent"))
    assert changes.empty
    assert service.editor.history.undo_steps == []


def test_cancel_during_apply_rolls_everything_back(service: CatalogService, ids: list[int]) -> None:
    before = details(service, ids)
    found = bulk.preview(service.editor, ids, AddTag("korea"))

    def cancel(progress: jobs.Progress) -> None:
        if progress.message.startswith("Writing"):
            raise jobs.JobCancelled("cancelled")

    with pytest.raises(jobs.JobCancelled):
        bulk.apply(service.editor, found, AddTag("korea"), cancel)
    assert details(service, ids) == before


def test_a_preview_reports_progress(service: CatalogService, ids: list[int]) -> None:
    seen: list[jobs.Progress] = []
    bulk.preview(service.editor, ids, AddTag("korea"), seen.append)
    assert seen[-1] == jobs.Progress(3, 3, "Read the selected records.")


def test_a_field_change_names_the_record(service: CatalogService, ids: list[int]) -> None:
    found = bulk.preview(service.editor, ids[:1], SetType("Memo"))
    assert found.changes == [
        FieldChange(ids[0], "Cable from Pyongyang, part 1", "type", "Cable", "Memo")
    ]
