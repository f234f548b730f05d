"""The record list: a table over the ids a search found, rows read in pages."""
