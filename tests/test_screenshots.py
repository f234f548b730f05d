"""`make screenshots` still works: the script drives the real window and writes every PNG."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from tests.conftest import REPO

NAMES = ("welcome.png", "search.png", "editor.png", "export.png", "preferences.png")


@pytest.mark.slow
def test_the_script_writes_every_screenshot(tmp_path: Path) -> None:
    done = subprocess.run(
        [
            sys.executable,
            str(REPO / "tools" / "screenshots.py"),
            "--output",
            str(tmp_path),
            "--size",
            "1100x700",
        ],
        capture_output=True,
        text=True,
        timeout=240,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    for name in NAMES:
        picture = QImage(str(tmp_path / name))
        assert not picture.isNull(), name
    assert QImage(str(tmp_path / "search.png")).size().toTuple() == (1100, 700)
    guide = (REPO / "docs" / "user-guide.md").read_text(encoding="utf-8")
    assert all(f"images/{name}" in guide for name in NAMES)
    assert all((REPO / "docs" / "images" / name).is_file() for name in NAMES)
