"""Shared steps of the Import dialog tests: a real catalogue, CSV files, the dialog."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QAbstractButton, QComboBox, QRadioButton
from pytestqt.qtbot import QtBot

from catalog.services.catalog import CatalogService
from catalog.ui.dialogs.import_dialog import ImportDialog
from catalog.ui.jobs.runner import ImmediateJobRunner, Runner


def open_catalogue(tmp_path: Path) -> Iterator[CatalogService]:
    """An empty SQLite catalogue (for a fixture to yield from)."""
    service = CatalogService.open(tmp_path / "c.sqlite", cache_dir=tmp_path)
    try:
        yield service
    finally:
        service.close()


def write_csv(path: Path, *rows: str, header: str = "title,date,summary") -> Path:
    """A CSV file in Catalog's own format."""
    path.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    return path


def open_dialog(
    qtbot: QtBot, service: CatalogService, *paths: Path, runner: Runner | None = None
) -> ImportDialog:
    """The dialog on some files, shown (it checks the first file at once)."""
    dialog = ImportDialog(service, list(paths), runner or ImmediateJobRunner())
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def click(qtbot: QtBot, button: QAbstractButton) -> None:
    assert button.isVisible() and button.isEnabled(), button.text()
    # A radio button takes clicks on its circle and text only, not across its width.
    if isinstance(button, QRadioButton):
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=QPoint(6, button.height() // 2))
        assert button.isChecked()
    else:
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def choose_format(qtbot: QtBot, combo: QComboBox, name: str) -> None:
    """Pick a format with the arrow keys, as a user would (each step checks the file)."""
    target = combo.findData(name)
    assert target >= 0
    for _ in range(combo.count() + 1):
        if combo.currentIndex() == target:
            break
        key = Qt.Key.Key_Down if combo.currentIndex() < target else Qt.Key.Key_Up
        qtbot.keyClick(combo, key)
    assert combo.currentData() == name


def titles(service: CatalogService) -> list[str]:
    """Every record's title, sorted."""
    ids = list(service.search("").ids)
    return sorted(summary.title for summary in service.summaries(ids))


def column(model: object, title: str) -> int:
    """The index of a column by its header."""
    from PySide6.QtCore import QAbstractItemModel

    assert isinstance(model, QAbstractItemModel)
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    return headers.index(title)


def cell(model: object, row: int, title: str) -> str:
    """The text of a cell, by row and column header."""
    from PySide6.QtCore import QAbstractItemModel

    assert isinstance(model, QAbstractItemModel)
    return str(model.data(model.index(row, column(model, title))))
