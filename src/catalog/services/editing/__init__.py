"""Editing: record edits, notes, links, authorities, bulk edits, trash, undo and redo."""
