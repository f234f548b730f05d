"""The Import dialog on a real catalogue: preview, validation, format, duplicates, cancel."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QAbstractItemView, QComboBox, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from catalog.domain.drafts import RecordDraft
from catalog.services.catalog import CatalogService
from catalog.services.import_matching import DuplicatePolicy
from catalog.ui.jobs.runner import JobRunner
from tests.ui.dialogs.import_helpers import (
    cell,
    choose_format,
    click,
    open_catalogue,
    open_dialog,
    titles,
    write_csv,
)
from tests.ui.fakes import ManualRunner

LETTER = "Letter from Pyongyang,4 March 1961,A letter about the harvest"
REPORT = "Report on the harvest,sometime in spring,Crops and weather"


@pytest.fixture
def catalogue(tmp_path: Path) -> Iterator[CatalogService]:
    yield from open_catalogue(tmp_path)


# ---------------------------------------------------------------------- review


def test_the_preview_shows_the_first_records_with_the_understood_date(
    qtbot: QtBot, catalogue: CatalogService, tmp_path: Path
) -> None:
    dialog = open_dialog(qtbot, catalogue, write_csv(tmp_path / "a.csv", LETTER, REPORT))
    model = dialog.review.preview_model
    assert model.rowCount() == 2
    assert cell(model, 0, "Title") == "Letter from Pyongyang"
    assert cell(model, 0, "Date") == "4 March 1961"
    assert cell(model, 0, "Understood as") == "1961-03-04"
    assert cell(model, 0, "Line") == "2"
    assert dialog.review.format_combo.currentData() == "mapped-csv"  # not Catalog's own CSV
    assert "2 records read as" in dialog.review.counts_label.text()
    assert dialog.import_button.isEnabled()
    assert titles(catalogue) == []  # nothing written before Import


def test_an_unknown_date_is_a_warning_with_its_line_and_field(
    qtbot: QtBot, catalogue: CatalogService, tmp_path: Path
) -> None:
    dialog = open_dialog(qtbot, catalogue, write_csv(tmp_path / "a.csv", LETTER, REPORT))
    report = dialog.review.report_model
    assert report.rowCount() == 1
    assert dialog.review.report.isVisible()
    assert cell(report, 0, "File") == "a.csv"
    assert cell(report, 0, "Line") == "3"
    assert cell(report, 0, "Field") == "date"
    assert "sometime in spring" in cell(report, 0, "Reason")
    assert cell(report, 0, "Severity") == "Warning"
    click(qtbot, dialog.import_button)  # a warning does not stop the import
    assert titles(catalogue) == ["Letter from Pyongyang", "Report on the harvest"]


def test_a_missing_title_is_an_error_and_nothing_can_be_imported(
    qtbot: QtBot, catalogue: CatalogService, tmp_path: Path
) -> None:
    path = write_csv(tmp_path / "bad.csv", LETTER, ",1962,No title here")
    dialog = open_dialog(qtbot, catalogue, path)
    report = dialog.review.report_model
    assert cell(report, 0, "Severity") == "Error"
    assert cell(report, 0, "Line") == "3"
    assert "no title" in cell(report, 0, "Reason")
    assert not dialog.import_button.isEnabled()
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.keyClick(dialog, Qt.Key.Key_Return)
    assert titles(catalogue) == []
    assert not dialog.finished_all


def test_choosing_another_format_checks_the_file_again(
    qtbot: QtBot, catalogue: CatalogService, tmp_path: Path
) -> None:
    dialog = open_dialog(qtbot, catalogue, write_csv(tmp_path / "a.csv", LETTER))
    choose_format(qtbot, dialog.review.format_combo, "listing")
    assert dialog.plan is not None and dialog.plan.format == "listing"
    assert dialog.review.preview_model.rowCount() == 0
    assert cell(dialog.review.report_model, 0, "Severity") == "Error"
    assert not dialog.import_button.isEnabled()
    choose_format(qtbot, dialog.review.format_combo, "mapped-csv")
    assert dialog.plan is not None and dialog.plan.format == "mapped-csv"
    assert dialog.import_button.isEnabled()
    click(qtbot, dialog.import_button)
    assert titles(catalogue) == ["Letter from Pyongyang"]


def test_a_file_no_format_recognises_asks_for_the_format(
    qtbot: QtBot, catalogue: CatalogService, tmp_path: Path
) -> None:
    path = tmp_path / "notes.dat"
    path.write_text("just some words\nand more words\n", encoding="utf-8")
    dialog = open_dialog(qtbot, catalogue, path)
    assert dialog.plan is None
    assert "Choose the format" in dialog.notice.text()
    assert dialog.review.format_combo.currentIndex() == -1
    assert not dialog.import_button.isEnabled()
    choose_format(qtbot, dialog.review.format_combo, "csv")
    assert dialog.plan is not None and dialog.plan.format == "csv"
    assert dialog.review.report_model.rowCount() >= 1  # CSV without a title column
    assert not dialog.import_button.isEnabled()


# ---------------------------------------------------------------------- duplicates


def _existing(catalogue: CatalogService, tmp_path: Path) -> int:
    first = write_csv(tmp_path / "first.csv", "Letter from Pyongyang,4 March 1961,The original")
    report, _changes = catalogue.import_file(first)
    return report.record_ids[0]


SECOND = (
    "Letter from Pyong-yang,4 March 1961,A better summary",  # same date, similar title
    "Cable to Moscow,1962,A new record",
)


@pytest.mark.parametrize(
    ("policy", "expected_titles", "summary", "counts"),
    [
        (
            DuplicatePolicy.SKIP,
            ["Cable to Moscow", "Letter from Pyongyang"],
            "The original",
            "1 added, 0 updated, 1 skipped",
        ),
        (
            DuplicatePolicy.NEW,
            ["Cable to Moscow", "Letter from Pyong-yang", "Letter from Pyongyang"],
            "The original",
            "2 added, 0 updated, 0 skipped",
        ),
        (
            DuplicatePolicy.UPDATE,
            ["Cable to Moscow", "Letter from Pyong-yang"],
            "A better summary",
            "1 added, 1 updated, 0 skipped",
        ),
    ],
)
def test_duplicates_are_skipped_added_or_updated_as_chosen(
    qtbot: QtBot,
    catalogue: CatalogService,
    tmp_path: Path,
    policy: DuplicatePolicy,
    expected_titles: list[str],
    summary: str,
    counts: str,
) -> None:
    existing = _existing(catalogue, tmp_path)
    dialog = open_dialog(qtbot, catalogue, write_csv(tmp_path / "second.csv", *SECOND))
    review = dialog.review
    assert review.duplicates_box.isVisible()
    duplicates = review.duplicates_model
    assert duplicates.rowCount() == 1
    assert cell(duplicates, 0, "Line") == "2"
    assert cell(duplicates, 0, "Imported title") == "Letter from Pyong-yang"
    assert cell(duplicates, 0, "Existing record") == f"#{existing} Letter from Pyongyang"
    assert cell(duplicates, 0, "Matched by") == "same date, similar title"
    click(qtbot, review.policy_buttons[policy])
    click(qtbot, dialog.import_button)
    assert titles(catalogue) == expected_titles
    assert catalogue.detail(existing).summary == summary
    assert dialog.finished_all
    assert f"Records: {counts}." in dialog.summary.text()
    if policy is DuplicatePolicy.UPDATE:
        assert any(entry.field == "summary" for entry in catalogue.history(existing))


def test_an_update_of_a_record_changed_since_the_check_writes_nothing(
    qtbot: QtBot, catalogue: CatalogService, tmp_path: Path
) -> None:
    existing = _existing(catalogue, tmp_path)
    dialog = open_dialog(qtbot, catalogue, write_csv(tmp_path / "second.csv", *SECOND))
    # Someone edits the record while the dialog shows the plan.
    detail = catalogue.detail(existing)
    draft = RecordDraft.from_detail(detail)
    assert catalogue.editor is not None
    catalogue.editor.update_record(
        existing, replace(draft, summary="Edited meanwhile"), detail.version
    )
    click(qtbot, dialog.review.policy_buttons[DuplicatePolicy.UPDATE])
    click(qtbot, dialog.import_button)
    assert "Nothing from second.csv was written" in dialog.notice.text()
    assert "checked again" in dialog.notice.text()
    assert titles(catalogue) == ["Letter from Pyongyang"]
    assert catalogue.detail(existing).summary == "Edited meanwhile"
    assert not dialog.finished_all
    # The new check read the new version: the update now goes through.
    click(qtbot, dialog.import_button)
    assert catalogue.detail(existing).summary == "A better summary"


# ---------------------------------------------------------------------- jobs


def test_cancel_during_the_import_leaves_the_catalogue_unchanged(
    qtbot: QtBot, catalogue: CatalogService, tmp_path: Path
) -> None:
    runner = ManualRunner()
    dialog = open_dialog(
        qtbot, catalogue, write_csv(tmp_path / "a.csv", LETTER, REPORT), runner=runner
    )
    assert not dialog.import_button.isEnabled()  # still checking
    runner.finish_all()
    click(qtbot, dialog.import_button)
    assert not dialog.import_button.isEnabled()  # importing
    assert dialog.job is not None
    dialog.job.dialog.show()
    cancel = dialog.job.dialog.findChild(QPushButton)
    assert cancel is not None
    qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    runner.finish_all()
    assert titles(catalogue) == []
    assert "cancelled" in dialog.notice.text()
    assert dialog.import_button.isEnabled()  # the user may try again
    click(qtbot, dialog.import_button)
    runner.finish_all()
    assert len(titles(catalogue)) == 2


def test_several_files_one_after_another_each_its_own_transaction(
    qtbot: QtBot, catalogue: CatalogService, tmp_path: Path
) -> None:
    a = write_csv(tmp_path / "a.csv", LETTER)
    b = write_csv(tmp_path / "b.csv", ",1950,untitled")
    c = write_csv(tmp_path / "c.csv", REPORT)
    dialog = open_dialog(qtbot, catalogue, a, b, c)
    imported: list[object] = []
    dialog.imported.connect(lambda report, changes: imported.append(report.path))
    assert "(file 1 of 3)" in dialog.review.file_label.text()
    click(qtbot, dialog.import_button)
    assert "(file 2 of 3)" in dialog.review.file_label.text()
    assert not dialog.import_button.isEnabled()  # b.csv has an error
    click(qtbot, dialog.skip_button)
    click(qtbot, dialog.import_button)
    assert dialog.finished_all
    assert imported == [str(a), str(c)]
    text = dialog.summary.text()
    assert "Records: 2 added, 0 updated, 0 skipped." in text
    assert "b.csv: not imported." in text
    assert "1 warning" in text  # c.csv's unknown date
    assert "c.csv:" in dialog.warnings.toPlainText()
    assert dialog.close_button.text() == "Close"
    click(qtbot, dialog.close_button)
    assert not dialog.isVisible()
    assert catalogue.editor is not None
    assert catalogue.editor.history.undo_label == "Import c.csv"


def test_every_control_has_a_name(qtbot: QtBot, catalogue: CatalogService, tmp_path: Path) -> None:
    _existing(catalogue, tmp_path)
    dialog = open_dialog(qtbot, catalogue, write_csv(tmp_path / "second.csv", *SECOND))
    controls = (QAbstractButton, QAbstractItemView, QComboBox)
    unnamed = [
        f"{type(w).__name__} {w.objectName()!r} in {type(w.parent()).__name__}"
        for w in dialog.findChildren(QWidget)
        if isinstance(w, controls) and w.isVisibleTo(dialog) and not w.accessibleName()
    ]
    assert unnamed == []


def test_the_jobs_run_off_the_ui_thread(
    qtbot: QtBot, catalogue: CatalogService, tmp_path: Path
) -> None:
    runner = JobRunner()
    try:
        dialog = open_dialog(
            qtbot, catalogue, write_csv(tmp_path / "a.csv", LETTER, REPORT), runner=runner
        )
        qtbot.waitUntil(dialog.import_button.isEnabled)
        click(qtbot, dialog.import_button)
        qtbot.waitUntil(lambda: dialog.finished_all)
        assert titles(catalogue) == ["Letter from Pyongyang", "Report on the harvest"]
    finally:
        runner.shutdown()
