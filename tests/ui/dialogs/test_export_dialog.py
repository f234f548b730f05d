"""The export dialog returns a choice: format, scope, options and path; it remembers them."""

from __future__ import annotations

from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QRadioButton,
)
from pytestqt.qtbot import QtBot

from catalog.services.transfer.csv_format import COLUMNS
from catalog.services.transfer.export_options import EVERYTHING, ExportOptions, Extra
from catalog.services.transfer.formats import default_registry
from catalog.ui.dialogs.export_choice import ExportMemory, load_memory, save_memory
from catalog.ui.dialogs.export_dialog import (
    ExportChoice,
    ExportDialog,
    ExportFormat,
    ExportScope,
    ScopeCounts,
)

T = TypeVar("T")
COUNTS = ScopeCounts(0, 6, 15)

# Catalog JSON first, then CSV, XLSX, CSL-JSON...: the formats as the window offers them.
FORMATS = [ExportFormat.of(e) for e in default_registry().exporters.values()]


def make_dialog(
    qtbot: QtBot,
    folder: Path,
    counts: ScopeCounts = COUNTS,
    memory: ExportMemory = ExportMemory(),  # noqa: B008 (frozen)
    scope: ExportScope | None = None,
) -> ExportDialog:
    dialog = ExportDialog(None, FORMATS, folder, counts, memory, scope)
    qtbot.addWidget(dialog)
    with qtbot.waitExposed(dialog):
        dialog.show()
    return dialog


def child(dialog: ExportDialog, kind: type[T], name: str) -> T:
    found = dialog.findChild(kind, name)
    assert found is not None, name
    return found


def test_defaults_to_the_current_results_and_the_first_format(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = make_dialog(qtbot, tmp_path)
    assert not child(dialog, QRadioButton, "scope_selected").isEnabled()
    assert child(dialog, QRadioButton, "scope_results").text() == "Current search results (6)"
    assert dialog.choice() == ExportChoice(
        "json", ExportScope.RESULTS, tmp_path / "catalog-export.json", EVERYTHING, reveal=True
    )


def test_choosing_a_format_changes_the_file_suffix(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = make_dialog(qtbot, tmp_path)
    combo = child(dialog, QComboBox, "exportFormat")
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert child(dialog, QLineEdit, "exportPath").text() == str(tmp_path / "catalog-export.csv")


def test_export_accepts_with_the_choice(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = make_dialog(qtbot, tmp_path)
    whole = child(dialog, QRadioButton, "scope_all")
    qtbot.mouseClick(whole, Qt.MouseButton.LeftButton, pos=QPoint(8, whole.height() // 2))
    assert whole.isChecked()
    path = child(dialog, QLineEdit, "exportPath")
    path.clear()
    qtbot.keyClicks(path, str(tmp_path / "out.json"))
    qtbot.mouseClick(child(dialog, QPushButton, "exportOk"), Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted
    choice = dialog.choice()
    assert choice is not None
    assert (choice.format_name, choice.scope, choice.path) == (
        "json",
        ExportScope.ALL,
        tmp_path / "out.json",
    )


def test_a_missing_folder_is_explained_in_the_dialog(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = make_dialog(qtbot, tmp_path)
    path = child(dialog, QLineEdit, "exportPath")
    path.setText(str(tmp_path / "nowhere" / "out.json"))
    qtbot.mouseClick(child(dialog, QPushButton, "exportOk"), Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert "does not exist" in child(dialog, QLabel, "exportProblem").text()


def test_an_existing_file_needs_a_second_press(qtbot: QtBot, tmp_path: Path) -> None:
    (tmp_path / "catalog-export.json").write_text("{}")
    dialog = make_dialog(qtbot, tmp_path)
    ok = child(dialog, QPushButton, "exportOk")
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert "already exists" in child(dialog, QLabel, "exportProblem").text()
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted


def test_cancel_rejects(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = make_dialog(qtbot, tmp_path)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.result() == QDialog.DialogCode.Rejected


def choose_format(dialog: ExportDialog, name: str) -> None:
    combo = child(dialog, QComboBox, "exportFormat")
    combo.setCurrentIndex(combo.findData(name))


def columns_list(dialog: ExportDialog) -> QListWidget:
    return child(dialog, QListWidget, "exportColumns")


def test_csv_offers_its_columns_to_tick_and_order(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = make_dialog(qtbot, tmp_path)
    assert not columns_list(dialog).isVisible()
    choose_format(dialog, "csv")
    columns = columns_list(dialog)
    assert columns.isVisible() and not child(dialog, QCheckBox, "include_notes").isVisible()
    assert [columns.item(i).text() for i in range(columns.count())] == list(COLUMNS)
    # Untick everything but date and title, then move title above date from the keyboard.
    for row in range(columns.count()):
        if columns.item(row).text() not in ("title", "date"):
            columns.item(row).setCheckState(Qt.CheckState.Unchecked)
    columns.setCurrentRow(2)  # date
    qtbot.mouseClick(child(dialog, QPushButton, "columnUp"), Qt.MouseButton.LeftButton)
    qtbot.mouseClick(child(dialog, QCheckBox, "exportBom"), Qt.MouseButton.LeftButton)
    choice = dialog.choice()
    assert choice is not None
    assert choice.options == ExportOptions(columns=("date", "title"), bom=True)


def test_no_column_ticked_disables_export(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = make_dialog(qtbot, tmp_path)
    choose_format(dialog, "xlsx")
    columns = columns_list(dialog)
    for row in range(columns.count()):
        columns.item(row).setCheckState(Qt.CheckState.Unchecked)
    assert not child(dialog, QPushButton, "exportOk").isEnabled()
    assert "at least one column" in child(dialog, QLabel, "exportProblem").text()
    qtbot.mouseClick(child(dialog, QPushButton, "columnsDefault"), Qt.MouseButton.LeftButton)
    assert child(dialog, QPushButton, "exportOk").isEnabled()


def test_extras_the_format_cannot_hold_are_greyed_out_and_say_why(
    qtbot: QtBot, tmp_path: Path
) -> None:
    dialog = make_dialog(qtbot, tmp_path)
    choose_format(dialog, "ris")
    notes = child(dialog, QCheckBox, "include_notes")
    relations = child(dialog, QCheckBox, "include_relations")
    assert notes.isEnabled() and not relations.isEnabled()
    assert "cannot hold the links between records" in relations.toolTip()


def test_unticked_extras_are_left_out(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = make_dialog(qtbot, tmp_path)
    qtbot.mouseClick(child(dialog, QCheckBox, "include_notes"), Qt.MouseButton.LeftButton)
    qtbot.mouseClick(child(dialog, QCheckBox, "include_variants"), Qt.MouseButton.LeftButton)
    choice = dialog.choice()
    assert choice is not None and choice.options.extras == {Extra.RELATIONS}


def test_the_scope_asked_for_is_offered_first(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = make_dialog(qtbot, tmp_path, ScopeCounts(1, 6, 15), scope=ExportScope.SELECTED)
    assert child(dialog, QRadioButton, "scope_selected").isChecked()


def test_choices_are_remembered_for_the_next_export(qtbot: QtBot, tmp_path: Path) -> None:
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    folder = tmp_path / "exports"
    folder.mkdir()
    columns = ExportOptions(columns=("title", "date"), bom=True)
    save_memory(settings, ExportChoice("csv", ExportScope.ALL, folder / "a.csv", columns, False))
    extras = ExportOptions(frozenset({Extra.NOTES}))
    save_memory(settings, ExportChoice("ris", ExportScope.ALL, folder / "b.ris", extras, False))
    reread = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    memory = load_memory(reread)
    assert memory == ExportMemory(
        "ris", frozenset({Extra.NOTES}), {"csv": ("title", "date")}, True, False, folder
    )

    dialog = make_dialog(qtbot, tmp_path, memory=memory)
    choice = dialog.choice()
    assert choice is not None
    assert (choice.format_name, choice.path, choice.reveal) == (
        "ris",
        folder / "catalog-export.ris",
        False,
    )
    assert not child(dialog, QCheckBox, "include_variants").isChecked()
    choose_format(dialog, "csv")
    choice = dialog.choice()
    assert choice is not None and choice.options == columns


def test_nothing_remembered_reads_as_the_defaults(tmp_path: Path) -> None:
    settings = QSettings(str(tmp_path / "none.ini"), QSettings.Format.IniFormat)
    settings.setValue("export/extras", 42)  # damaged: ignored
    assert load_memory(settings) == ExportMemory()
    assert load_memory(None) == ExportMemory()


def test_a_format_that_cannot_hold_an_extra_shows_it_unticked_and_keeps_the_wish(
    qtbot: QtBot, tmp_path: Path
) -> None:
    dialog = make_dialog(qtbot, tmp_path)
    relations = child(dialog, QCheckBox, "include_relations")
    choose_format(dialog, "ris")
    assert not relations.isChecked() and not relations.isEnabled()
    choose_format(dialog, "json")
    assert relations.isChecked() and relations.isEnabled()
