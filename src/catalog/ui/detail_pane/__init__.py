"""The detail pane: every field of one record, as plain text."""
