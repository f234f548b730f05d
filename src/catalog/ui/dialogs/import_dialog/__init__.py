"""The Import dialog: review each file (format, preview, validation, duplicates), then
import it as one transaction; see :mod:`.dialog`."""

from catalog.ui.dialogs.import_dialog.dialog import ImportDialog
from catalog.ui.dialogs.import_dialog.drops import dropped_paths

__all__ = ["ImportDialog", "dropped_paths"]
