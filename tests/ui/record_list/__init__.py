"""Tests of catalog.ui.record_list."""
