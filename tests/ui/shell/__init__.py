"""Tests of catalog.ui.shell."""
