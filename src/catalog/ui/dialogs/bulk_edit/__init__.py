"""Bulk edit of the selection: the dialog, its form and its preview table."""

from catalog.ui.dialogs.bulk_edit.dialog import BulkEditDialog

__all__ = ["BulkEditDialog"]
