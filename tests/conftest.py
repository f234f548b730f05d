"""Test-wide settings: Qt offscreen, hypothesis profiles, the corpus folder."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

settings.register_profile(
    "ci", max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile("dev", max_examples=100, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "dev"))

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
CORPUS = Path(os.environ.get("CATALOG_CORPUS", SHARED / "corpus"))
SAMPLE_LISTING = REPO / "data" / "sample-listing.txt"


@pytest.fixture(scope="session")
def corpus() -> Path:
    """The shared corpus of real files; tests that need it skip when it is absent."""
    if not CORPUS.is_dir():
        pytest.skip(f"corpus folder {CORPUS} is absent (set CATALOG_CORPUS to point at it)")
    return CORPUS


@pytest.fixture(scope="session")
def sample_listing() -> Path:
    """The sample listing that ships in data/."""
    return SAMPLE_LISTING


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark every test that uses qtbot or qapp as a gui test."""
    for item in items:
        fixtures = getattr(item, "fixturenames", ())
        if "qtbot" in fixtures or "qapp" in fixtures:
            item.add_marker(pytest.mark.gui)
