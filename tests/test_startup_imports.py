"""What the window's modules import before its first page: nothing heavy that only some
commands need (openpyxl for XLSX, keyring for server passwords; 70 ms each here)."""

from __future__ import annotations

import subprocess
import sys

import pytest

LATE = ("openpyxl", "keyring")


@pytest.mark.parametrize("module", ["catalog.app", "catalog.ui.shell.main_window", "catalog.cli"])
def test_the_window_and_the_command_line_load_without_late_libraries(module: str) -> None:
    probe = f"import sys, {module}; print(*[m for m in {LATE!r} if m in sys.modules])"
    loaded = subprocess.run(
        [sys.executable, "-c", probe],
        capture_output=True,
        text=True,
        check=True,
        env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin"},
    ).stdout.split()
    assert loaded == []
