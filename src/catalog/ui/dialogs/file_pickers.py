"""File choosers, kept behind small functions so tests can patch them."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QWidget

# Formats are told by content, not by name; these are the names files of every format
# Catalog imports usually have (EAD and OAI-PMH are XML; Zotero exports JSON, RIS, BibTeX).
IMPORT_PATTERNS = "*.json *.csv *.tsv *.txt *.xlsx *.xml *.ris *.bib"


def ask_import_files(parent: QWidget | None, directory: Path) -> list[Path]:
    """Files the user picked to import; empty when they cancelled."""
    filters = ";;".join(
        (
            QCoreApplication.translate("FilePickers", "Catalogue files ({0})").format(
                IMPORT_PATTERNS
            ),
            QCoreApplication.translate("FilePickers", "All files ({0})").format("*"),
        )
    )
    chosen, _filter = QFileDialog.getOpenFileNames(
        parent,
        QCoreApplication.translate("FilePickers", "Import records"),
        str(directory),
        filters,
    )
    return [Path(name) for name in chosen]
