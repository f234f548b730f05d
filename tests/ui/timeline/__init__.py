"""Tests of catalog.ui.timeline."""
