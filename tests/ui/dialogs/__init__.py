"""Tests of catalog.ui.dialogs."""
