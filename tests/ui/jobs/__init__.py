"""Tests of catalog.ui.jobs."""
