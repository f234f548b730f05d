"""Tests of catalog.ui.detail_pane."""
