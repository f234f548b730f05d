"""Tests of catalog.ui.filter_sidebar."""
