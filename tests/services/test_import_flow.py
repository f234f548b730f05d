"""Planning an import (preview, validation, duplicates) and importing with a duplicate policy."""

from __future__ import annotations

from pathlib import Path

import pytest

from catalog.domain.drafts import RecordDraft
from catalog.domain.errors import EditConflict
from catalog.services.catalog import CatalogService
from catalog.services.import_matching import DuplicatePolicy
from catalog.services.import_plan import Severity

HEADER = "title,date,summary,tags,notes\n"


def write_csv(path: Path, *rows: str) -> Path:
    path.write_text(HEADER + "".join(row + "\n" for row in rows), encoding="utf-8")
    return path


def test_a_plan_previews_and_validates_without_writing(
    service: CatalogService, tmp_path: Path
) -> None:
    source = write_csv(
        tmp_path / "cables.csv",
        'Cable from Pyongyang,"October, 1959",On citizenship,korea,',
        "Cable from Moscow,sometime in spring,On the talks,,",
    )

    plan = service.plan_import(source)

    assert (plan.format, plan.records, plan.can_import) == ("mapped-csv", 2, True)
    first = plan.preview[0]
    assert (first.title, first.date, first.understood, first.tags) == (
        "Cable from Pyongyang",
        "October, 1959",
        "1959-10 (1959-10-01 to 1959-10-31)",
        "korea",
    )
    [issue] = plan.issues
    assert (issue.line, issue.field, issue.severity) == (3, "date", Severity.WARNING)
    assert "sometime in spring" in issue.reason
    assert service.count() == 0


def test_a_bad_file_is_an_error_in_the_plan(service: CatalogService, tmp_path: Path) -> None:
    source = write_csv(tmp_path / "bad.csv", "Good row,1959,,,", ",1960,no title here,,")

    plan = service.plan_import(source)

    assert not plan.can_import
    [error] = plan.errors
    assert (error.line, error.reason) == (3, "record 2 has no title ('title' empty)")
    assert service.count() == 0


def existing(service: CatalogService) -> int:
    rid, _ = service.editor.create_record(
        RecordDraft("Record of a conversation with Kim Il Sung", "1957-03-02", summary="Old")
    )
    return rid


def test_duplicates_by_date_and_similar_title_are_found(
    service: CatalogService, tmp_path: Path
) -> None:
    rid = existing(service)
    source = write_csv(
        tmp_path / "again.csv",
        "Record of conversation with Kim Il-Sung,1957-03-02,New summary,,",
        "Record of a conversation with Kim Il Sung,1958-03-02,Another year,,",
    )

    plan = service.plan_import(source)

    [duplicate] = plan.duplicates
    assert (duplicate.line, duplicate.match.existing_id, duplicate.match.how) == (
        2,
        rid,
        "same date, similar title",
    )
    assert plan.expected_versions == {rid: service.detail(rid).version}


@pytest.mark.parametrize(
    ("policy", "added", "updated", "skipped"),
    [
        (DuplicatePolicy.SKIP, 1, 0, 1),
        (DuplicatePolicy.NEW, 2, 0, 0),
        (DuplicatePolicy.UPDATE, 1, 1, 0),
    ],
)
def test_each_duplicate_policy(
    service: CatalogService,
    tmp_path: Path,
    policy: DuplicatePolicy,
    added: int,
    updated: int,
    skipped: int,
) -> None:
    rid = existing(service)
    source = write_csv(
        tmp_path / "again.csv",
        "Record of conversation with Kim Il-Sung,1957-03-02,New summary,checked,A new note",
        "Unrelated letter,1960,Other,,",
    )

    report, changes = service.import_file(source, duplicates=policy)

    assert (report.records, report.updated, report.skipped) == (added, updated, skipped)
    record = service.detail(rid)
    if policy is DuplicatePolicy.UPDATE:
        assert (record.summary, record.tags) == ("New summary", ("checked",))
        assert [n.text for n in record.annotations] == ["A new note"]
        assert rid in changes.updated
        assert ("summary", "Old", "New summary") in {
            (e.field, e.old, e.new) for e in service.history(rid)
        }
    else:
        assert record.summary == "Old"
    assert service.count() == 1 + added


def test_an_import_that_updates_is_undone_as_one_step(
    service: CatalogService, tmp_path: Path
) -> None:
    rid = existing(service)
    source = write_csv(
        tmp_path / "again.csv",
        "Record of conversation with Kim Il-Sung,1957-03-02,New summary,,",
        "Unrelated letter,1960,Other,,",
    )
    service.import_file(source, duplicates=DuplicatePolicy.UPDATE)
    assert service.editor.history.undo_label == "Import again.csv"

    service.editor.undo()

    assert service.count() == 1
    assert service.detail(rid).summary == "Old"
    service.editor.redo()
    assert service.count() == 2 and service.detail(rid).summary == "New summary"


def test_an_update_of_a_record_changed_since_the_plan_is_refused_whole(
    service: CatalogService, tmp_path: Path
) -> None:
    rid = existing(service)
    source = write_csv(
        tmp_path / "again.csv",
        "Record of conversation with Kim Il-Sung,1957-03-02,New summary,,",
        "Unrelated letter,1960,Other,,",
    )
    plan = service.plan_import(source)
    service.editor.update_record(
        rid,
        RecordDraft("Record of a conversation with Kim Il Sung", "1957-03-02", summary="Mine"),
        service.detail(rid).version,
    )

    with pytest.raises(EditConflict):
        service.import_file(
            source, duplicates=DuplicatePolicy.UPDATE, expected=plan.expected_versions
        )

    assert service.count() == 1
    assert service.detail(rid).summary == "Mine"
