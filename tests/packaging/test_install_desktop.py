"""``make install-desktop``: the desktop files land in $XDG_DATA_HOME, the MIME database
is rebuilt, and a native JSON export is then recognised as Catalog's."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from catalog.resources import APP_ID
from catalog.services.transfer.native_json import NativeJsonExporter

REPO = Path(__file__).resolve().parents[2]
INSTALLED = [
    f"applications/{APP_ID}.desktop",
    f"icons/hicolor/scalable/apps/{APP_ID}.svg",
    f"metainfo/{APP_ID}.metainfo.xml",
    f"mime/packages/{APP_ID}.xml",
]
MIME_OF = """
import sys
from PySide6.QtCore import QMimeDatabase
for path in sys.argv[1:]:
    print(QMimeDatabase().mimeTypeForFile(path).name())
"""


def install(data: Path, *make_args: str) -> str:
    done = subprocess.run(
        ["make", "--no-print-directory", "install-desktop", f"XDG_DATA_HOME={data}", *make_args],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout


def test_the_files_land_in_the_xdg_data_folder(tmp_path: Path) -> None:
    data = tmp_path / "share"
    out = install(data)
    for name in INSTALLED:
        assert (data / name).is_file(), out
        assert f"installed {data / name}" in out
    source = REPO / "resources" / f"{APP_ID}.metainfo.xml"
    assert (data / INSTALLED[2]).read_bytes() == source.read_bytes()
    entry = (data / INSTALLED[0]).read_text(encoding="utf-8")
    assert "\nExec=catalog %F\n" in entry and "\nTryExec=catalog\n" in entry


def test_the_entry_can_start_the_built_program(tmp_path: Path) -> None:
    data = tmp_path / "share"
    program = tmp_path / "My Apps" / "catalog"
    install(data, f"CATALOG_EXEC={program}")
    entry = (data / INSTALLED[0]).read_text(encoding="utf-8")
    assert f'\nExec="{program}" %F\n' in entry  # quoted: the path holds a space
    assert f"\nTryExec={program}\n" in entry
    if shutil.which("desktop-file-validate"):
        subprocess.run(["desktop-file-validate", str(data / INSTALLED[0])], check=True)


def test_uninstall_removes_them(tmp_path: Path) -> None:
    data = tmp_path / "share"
    install(data)
    env = dict(os.environ, XDG_DATA_HOME=str(data))
    script = REPO / "packaging" / "install_desktop.py"
    subprocess.run([sys.executable, str(script), "--uninstall"], env=env, check=True)
    assert not any((data / name).exists() for name in INSTALLED)


def test_a_native_json_export_is_recognised(tmp_path: Path) -> None:
    if shutil.which("update-mime-database") is None:
        pytest.skip("update-mime-database (shared-mime-info) is not installed")
    data = tmp_path / "share"
    install(data)
    assert (data / "mime" / "mime.cache").is_file()
    # Found by its content where its name says nothing. (A plain "*.json" name wins over
    # the content: shared-mime-info takes the glob's type unless it subclasses the magic's.)
    exported = tmp_path / "export"
    NativeJsonExporter().write([], exported)
    named = tmp_path / "records.catalog.json"  # found by name
    named.write_text("[]\n", encoding="utf-8")
    other = tmp_path / "other.json"
    other.write_text('{"format": "other"}\n', encoding="utf-8")
    env = dict(os.environ, XDG_DATA_HOME=str(data), QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [sys.executable, "-c", MIME_OF, str(exported), str(named), str(other)],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert done.stdout.split() == [
        "application/x-catalog+json",
        "application/x-catalog+json",
        "application/json",
    ]
