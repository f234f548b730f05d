"""The first records of a file, as the import will store them."""

from __future__ import annotations

from PySide6.QtCore import QObject

from catalog.services.import_plan import RecordPreview
from catalog.ui.dialogs.import_dialog.table_model import Column, RowsModel


class PreviewModel(RowsModel[RecordPreview]):
    """One row per previewed record: the date as written and as Catalog understands it."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.columns = [
            Column(self.tr("Line"), lambda r: r.line),
            Column(self.tr("Title"), lambda r: r.title),
            Column(self.tr("Date"), lambda r: r.date),
            Column(self.tr("Understood as"), lambda r: r.understood),
            Column(self.tr("Type"), lambda r: r.doc_type),
            Column(self.tr("Archive"), lambda r: r.archive),
            Column(self.tr("Names"), lambda r: r.names),
            Column(self.tr("Languages"), lambda r: r.languages),
            Column(self.tr("Tags"), lambda r: r.tags),
            Column(self.tr("Summary"), lambda r: r.summary),
        ]
