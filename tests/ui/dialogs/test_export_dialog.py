"""The export dialog returns a choice: format, scope and path."""

from __future__ import annotations

from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QComboBox, QDialog, QLabel, QLineEdit, QPushButton, QRadioButton
from pytestqt.qtbot import QtBot

from catalog.ui.dialogs.export_dialog import (
    ExportChoice,
    ExportDialog,
    ExportFormat,
    ExportScope,
    ScopeCounts,
)

T = TypeVar("T")
COUNTS = ScopeCounts(0, 6, 15)

FORMATS = [ExportFormat("json", "Catalog JSON", ".json"), ExportFormat("csv", "CSV", ".csv")]


def make_dialog(qtbot: QtBot, folder: Path, counts: ScopeCounts = COUNTS) -> ExportDialog:
    dialog = ExportDialog(None, FORMATS, folder, counts)
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
        "json", ExportScope.RESULTS, tmp_path / "catalog-export.json"
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
