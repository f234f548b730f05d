"""Choosing where a column mapping is loaded from or saved to, kept behind small
functions so tests can patch them (as :mod:`catalog.ui.dialogs.file_pickers` does)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QWidget


def _filter() -> str:
    """“Column mappings (*.json);;All files (*)”, the words translated."""
    mappings = QCoreApplication.translate("MappingFiles", "Column mappings")
    everything = QCoreApplication.translate("MappingFiles", "All files")
    return f"{mappings} (*.json);;{everything} (*)"


def ask_open_mapping(parent: QWidget | None, directory: Path) -> Path | None:
    """The saved mapping the user picked; None when they cancelled."""
    title = QCoreApplication.translate("MappingFiles", "Load mapping")
    name, _filter_used = QFileDialog.getOpenFileName(parent, title, str(directory), _filter())
    return Path(name) if name else None


def ask_save_mapping(parent: QWidget | None, suggested: Path) -> Path | None:
    """Where the user wants the mapping saved; None when they cancelled."""
    title = QCoreApplication.translate("MappingFiles", "Save mapping")
    name, _filter_used = QFileDialog.getSaveFileName(parent, title, str(suggested), _filter())
    if not name:
        return None
    path = Path(name)
    return path if path.suffix else path.with_suffix(".json")
