"""File choosers, kept behind small functions so tests can patch them."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget


def ask_import_files(parent: QWidget | None, directory: Path) -> list[Path]:
    """Files the user picked to import; empty when they cancelled."""
    chosen, _filter = QFileDialog.getOpenFileNames(
        parent,
        "Import records",
        str(directory),
        "Catalogue files (*.json *.csv *.txt *.tsv);;All files (*)",
    )
    return [Path(name) for name in chosen]
