"""The log file: rotating, in the user's log folder or where $CATALOG_LOG_DIR says."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from logging.handlers import RotatingFileHandler
from pathlib import Path

import pytest

from catalog import logs


@pytest.fixture(autouse=True)
def _stop() -> Iterator[None]:
    level = logging.getLogger().level
    yield
    logs.stop_logging()
    logging.getLogger().setLevel(level)


def test_the_log_rotates_at_a_megabyte_keeping_five(tmp_path: Path) -> None:
    path = logs.setup_logging(folder=tmp_path)
    assert path == tmp_path / "catalog.log" == logs.current_log_file()
    (handler,) = [h for h in logging.getLogger().handlers if isinstance(h, RotatingFileHandler)]
    assert (handler.maxBytes, handler.backupCount) == (1_000_000, 5)
    logging.getLogger("catalog.test").warning("a line for the log")
    handler.flush()
    text = path.read_text(encoding="utf-8")
    assert "Catalog " in text and "WARNING catalog.test" in text and "a line for the log" in text


def test_setting_up_again_replaces_the_file(tmp_path: Path) -> None:
    logs.setup_logging(folder=tmp_path / "a")
    logs.setup_logging(folder=tmp_path / "b")
    handlers = [h for h in logging.getLogger().handlers if isinstance(h, RotatingFileHandler)]
    assert [Path(h.baseFilename) for h in handlers] == [tmp_path / "b" / "catalog.log"]


def test_the_folder_comes_from_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(logs.ENV_LOG_DIR, str(tmp_path / "logs"))
    assert logs.setup_logging() == tmp_path / "logs" / "catalog.log"
    monkeypatch.delenv(logs.ENV_LOG_DIR)
    assert logs.log_dir().name in ("log", "Logs", "Catalog")  # the platform's own


def test_an_unwritable_folder_logs_nowhere_and_carries_on(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    assert logs.setup_logging(folder=blocker / "logs") is None
    assert logs.current_log_file() is None
