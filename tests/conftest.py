"""Test-wide settings: Qt offscreen, hypothesis profiles, the corpus folder."""

from __future__ import annotations

import gc
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from hypothesis import HealthCheck, settings

from tests import databases

if TYPE_CHECKING:
    from catalog.services.catalog import CatalogService

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Tests never touch the user's own catalogue, caches or settings.
_HOME = Path(tempfile.mkdtemp(prefix="catalog-tests-"))
for _variable in ("XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME"):
    os.environ[_variable] = str(_HOME / _variable.lower())
os.environ.pop("CATALOG_DB", None)
os.environ["PYTHON_KEYRING_BACKEND"] = "keyring.backends.null.Keyring"  # never the real one

settings.register_profile(
    "ci", max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile("dev", max_examples=100, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "dev"))

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
CORPUS = Path(os.environ.get("CATALOG_CORPUS", SHARED / "corpus"))
SAMPLE_LISTING = REPO / "data" / "sample-listing.txt"


@pytest.fixture(autouse=True)
def _unfrozen() -> Iterator[None]:
    """Each test starts and ends with nothing frozen from the collector's sight (the
    window freezes what it holds once its search index is ready)."""
    gc.unfreeze()
    yield
    gc.unfreeze()


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


@pytest.fixture(autouse=True)
def revealed(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Files the program asked the file manager to show: recorded, never opened."""
    shown: list[Path] = []
    monkeypatch.setattr("catalog.ui.reveal.reveal", lambda path: shown.append(path) or True)
    return shown


@pytest.fixture(autouse=True)
def modifiers_released() -> Iterator[None]:
    """Release the keyboard modifiers a test's simulated keys left held.

    ``qtbot.keyClick(w, key, Ctrl)`` leaves Qt believing Ctrl is still down; a later
    test's ``selectRow`` would then toggle rows into a multiple selection.
    """
    yield
    import sys

    if "PySide6.QtWidgets" not in sys.modules:
        return
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication, QWidget

    if (
        QApplication.instance() is None
        or QApplication.keyboardModifiers() == Qt.KeyboardModifier.NoModifier
    ):
        return
    QTest.keyRelease(QWidget(), Qt.Key.Key_Control)


# --------------------------------------------------------------------------- catalogues


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def catalogue_target(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """Where a fresh catalogue lives: a SQLite file, then a PostgreSQL database."""
    if request.param == "sqlite":
        yield str(tmp_path / "test.sqlite")
        return
    if not databases.PG_URL:
        pytest.skip("CATALOG_TEST_PG_URL is not set (.ci/postgres.sh starts a server)")
    with databases.postgres_catalogue() as url:
        yield url


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def empty_target(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """Where a catalogue can be created: a new SQLite path, then an empty PostgreSQL database."""
    if request.param == "sqlite":
        yield str(tmp_path / "new.sqlite")
        return
    if not databases.PG_URL:
        pytest.skip("CATALOG_TEST_PG_URL is not set (.ci/postgres.sh starts a server)")
    with databases.postgres_catalogue(empty=True) as url:
        yield url


@pytest.fixture
def service(catalogue_target: str) -> Iterator[CatalogService]:
    """An open, empty catalogue on each database."""
    from catalog.services.catalog import CatalogService

    opened = CatalogService.open(catalogue_target, user="tester")
    try:
        yield opened
    finally:
        opened.close()


@pytest.fixture
def sample_service(service: CatalogService) -> CatalogService:
    """A catalogue holding the 15 sample records."""
    service.load_sample()
    return service


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """Drop the PostgreSQL template database, if one was made."""
    if databases.PG_URL:
        databases.drop_template()
