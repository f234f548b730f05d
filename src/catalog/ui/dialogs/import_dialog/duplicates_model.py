"""Records of a file that the catalogue already holds, and how each was matched."""

from __future__ import annotations

from PySide6.QtCore import QObject

from catalog.services.import_plan import Duplicate
from catalog.ui.dialogs.import_dialog.table_model import Column, RowsModel


class DuplicatesModel(RowsModel[Duplicate]):
    """One row per duplicate: the imported title beside the existing record."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.columns = [
            Column(self.tr("Line"), lambda d: d.line),
            Column(self.tr("Imported title"), lambda d: d.title),
            Column(
                self.tr("Existing record"),
                lambda d: f"#{d.match.existing_id} {d.match.existing_title}",
            ),
            Column(self.tr("Matched by"), lambda d: self._how(d)),
        ]

    def _how(self, duplicate: Duplicate) -> str:
        if duplicate.match.by_identifier:
            return self.tr("same identifier")
        return self.tr("same date, similar title")
