"""The record editor dialog (new and existing records) and its parts."""

from catalog.ui.editor.dialog import RecordEditorDialog

__all__ = ["RecordEditorDialog"]
