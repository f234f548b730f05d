"""The Import dialog speaks to assistive technology: every control it shows has an
accessible name and description, on the review page, in the mapping step and on the
summary page; the keyboard reaches the mapping step's controls; and the counts, now
built from translatable pieces, read in English as they did."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from catalog.services.catalog import CatalogService
from catalog.ui.dialogs.import_dialog import ImportDialog
from catalog.ui.jobs.runner import ImmediateJobRunner
from tests.accessibility.walk import unnamed
from tests.ui.dialogs.import_helpers import click, open_catalogue, open_dialog, write_csv

ODD = "Heading,When,Keys\nA letter home,4 March 1961,harvest;rice\n"


@pytest.fixture
def catalogue(tmp_path: Path) -> Iterator[CatalogService]:
    yield from open_catalogue(tmp_path)


def test_the_review_page_and_the_summary_name_and_describe_their_controls(
    qtbot: QtBot, catalogue: CatalogService, tmp_path: Path
) -> None:
    first = write_csv(tmp_path / "a.csv", "A letter,1961,x")
    dialog = open_dialog(qtbot, catalogue, first, write_csv(tmp_path / "b.csv", "A letter,1961,x"))
    assert unnamed(dialog) == []
    click(qtbot, dialog.import_button)
    assert dialog.review.duplicates_box.isVisible()  # the second file duplicates the first
    assert unnamed(dialog) == []
    click(qtbot, dialog.import_button)
    assert dialog.finished_all
    assert unnamed(dialog) == []
    face = QAccessible.queryAccessibleInterface(dialog.close_button)
    assert face is not None
    assert face.text(QAccessible.Text.Name) == "Close"


def test_the_mapping_step_names_and_describes_its_controls(
    qtbot: QtBot, catalogue: CatalogService, tmp_path: Path
) -> None:
    path = tmp_path / "odd.csv"
    path.write_text(ODD, encoding="utf-8")
    dialog = open_dialog(qtbot, catalogue, path)
    assert dialog.mapping_step.isVisible()
    assert unnamed(dialog) == []


def test_the_preset_label_takes_the_keyboard_to_the_preset(
    qtbot: QtBot, catalogue: CatalogService, tmp_path: Path
) -> None:
    path = tmp_path / "odd.csv"
    path.write_text(ODD, encoding="utf-8")
    dialog = open_dialog(qtbot, catalogue, path)
    step = dialog.mapping_step
    buddies = [label.buddy() for label in step.findChildren(QLabel)]
    assert step.preset_combo in buddies


def test_tab_goes_through_the_mapping_rows_and_out_of_every_table(
    qtbot: QtBot, catalogue: CatalogService, tmp_path: Path
) -> None:
    path = tmp_path / "odd.csv"
    path.write_text(ODD, encoding="utf-8")
    dialog = ImportDialog(catalogue, [path], ImmediateJobRunner())
    qtbot.addWidget(dialog)
    with qtbot.waitActive(dialog):
        dialog.show()
        dialog.activateWindow()
    step = dialog.mapping_step
    step.preset_combo.setFocus()
    reached: list[str] = []
    for _ in range(30):
        focused = QApplication.focusWidget()
        assert focused is not None
        reached.append(focused.objectName())
        if focused is dialog.import_button:
            break
        qtbot.keyClick(focused, Qt.Key.Key_Tab)
    assert reached == [
        "importMappingPreset",
        "importMappingLoad",
        "importMappingSave",
        "importEncoding",
        "importMappingTable",
        "mappingField:Heading",
        "mappingField:When",
        "mappingField:Keys",
        "importFormat",
        "importPreview",
        "importClose",
        "importRun",
    ]


def test_the_counts_read_as_before_in_english(
    qtbot: QtBot, catalogue: CatalogService, tmp_path: Path
) -> None:
    """The counts, built from translatable pieces, read as English (one warning, one record)."""
    first = write_csv(tmp_path / "a.csv", "A letter,sometime in spring,x", "B,1961,y")
    second = write_csv(tmp_path / "b.csv", "B,1961,y")
    dialog = open_dialog(qtbot, catalogue, first, second)
    assert dialog.plan is not None
    label = dialog.plan.format_label
    assert dialog.review.counts_label.text() == (f"2 records read as {label}; 0 errors, 1 warning.")
    click(qtbot, dialog.import_button)
    assert dialog.review.duplicates_box.title() == ("Duplicates: 1 record already in the catalogue")
    click(qtbot, dialog.import_button)
    assert dialog.summary.text() == (
        "Records: 2 added, 0 updated, 1 skipped.\n"
        "2 warnings (listed below).\n"
        "a.csv: 2 added, 0 updated, 0 skipped.\n"
        "b.csv: 0 added, 0 updated, 1 skipped."
    )


def test_one_warning_is_counted_in_the_singular_in_english(
    qtbot: QtBot, catalogue: CatalogService, tmp_path: Path
) -> None:
    dialog = open_dialog(qtbot, catalogue, write_csv(tmp_path / "a.csv", "A,sometime,x"))
    click(qtbot, dialog.import_button)
    assert dialog.summary.text() == (
        "Records: 1 added, 0 updated, 0 skipped.\n1 warning (listed below)."
    )
