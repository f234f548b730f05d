"""Choosing where a column mapping is loaded from or saved to, kept behind small
functions so tests can patch them (as :mod:`catalog.ui.dialogs.file_pickers` does)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget

_FILTER = "Column mappings (*.json);;All files (*)"


def ask_open_mapping(parent: QWidget | None, directory: Path) -> Path | None:
    """The saved mapping the user picked; None when they cancelled."""
    name, _filter = QFileDialog.getOpenFileName(parent, "Load mapping", str(directory), _FILTER)
    return Path(name) if name else None


def ask_save_mapping(parent: QWidget | None, suggested: Path) -> Path | None:
    """Where the user wants the mapping saved; None when they cancelled."""
    name, _filter = QFileDialog.getSaveFileName(parent, "Save mapping", str(suggested), _FILTER)
    if not name:
        return None
    path = Path(name)
    return path if path.suffix else path.with_suffix(".json")
