# ruff: noqa: T201  (a command-line script: it says what it did)
"""Install Catalog's desktop integration into the user's XDG data folder.

``make install-desktop`` runs this. It copies, from ``resources/``:

- the desktop entry to ``$XDG_DATA_HOME/applications/``,
- the icon to ``$XDG_DATA_HOME/icons/hicolor/scalable/apps/``,
- the AppStream metainfo to ``$XDG_DATA_HOME/metainfo/``,
- the MIME type of the native JSON export to ``$XDG_DATA_HOME/mime/packages/``,

then refreshes the MIME and desktop databases with ``update-mime-database`` and
``update-desktop-database`` where those programs exist. ``$XDG_DATA_HOME`` defaults to
``~/.local/share``. ``--exec`` names the program the desktop entry starts (default
``catalog``, found on ``PATH``; give the built ``dist/catalog/catalog`` to use that).
``--uninstall`` removes what an install put there.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from pathlib import Path

APP_ID = "org.catalog.Catalog"
RESOURCES = Path(__file__).resolve().parents[1] / "resources"

# source in resources/ -> folder under $XDG_DATA_HOME
FILES = {
    f"{APP_ID}.desktop": "applications",
    f"icons/{APP_ID}.svg": "icons/hicolor/scalable/apps",
    f"{APP_ID}.metainfo.xml": "metainfo",
    f"mime/{APP_ID}.xml": "mime/packages",
}


def data_home() -> Path:
    """``$XDG_DATA_HOME``, else ``~/.local/share`` (the XDG base directory default)."""
    value = os.environ.get("XDG_DATA_HOME", "")
    return Path(value) if os.path.isabs(value) else Path.home() / ".local" / "share"


def quoted(argument: str) -> str:
    """One argument of a desktop entry's Exec key, quoted as the specification asks."""
    if argument and not any(c in argument for c in " \t\n\"'\\><~|&;$*?#()`"):
        return argument
    escaped = "".join("\\" + c if c in '"`$\\' else c for c in argument)
    return f'"{escaped}"'


def desktop_entry(program: str) -> str:
    """The desktop entry, starting ``program`` (its Exec and TryExec keys rewritten)."""
    lines = []
    for line in (RESOURCES / f"{APP_ID}.desktop").read_text(encoding="utf-8").splitlines():
        if line.startswith("Exec="):
            line = f"Exec={quoted(program)} %F"
        elif line.startswith("TryExec="):
            line = f"TryExec={program}"
        lines.append(line)
    return "\n".join(lines) + "\n"


def refresh(data: Path) -> None:
    """Rebuild the MIME and desktop databases, where the tools for it are installed."""
    for tool, folder in (
        ("update-mime-database", data / "mime"),
        ("update-desktop-database", data / "applications"),
    ):
        path = shutil.which(tool)
        if path is None:
            print(f"{tool} not found: skipped")
            continue
        subprocess.run([path, str(folder)], check=True)  # noqa: S603 (a fixed tool, our folder)


def install(data: Path, program: str) -> None:
    for source, folder in FILES.items():
        target = data / folder / Path(source).name
        target.parent.mkdir(parents=True, exist_ok=True)
        if source.endswith(".desktop"):
            target.write_text(desktop_entry(program), encoding="utf-8")
        else:
            shutil.copyfile(RESOURCES / source, target)
        print(f"installed {target}")
    refresh(data)


def uninstall(data: Path) -> None:
    for source, folder in FILES.items():
        target = data / folder / Path(source).name
        if target.exists():
            target.unlink()
            print(f"removed {target}")
    refresh(data)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--exec", dest="program", default="catalog", help="program to start")
    parser.add_argument("--uninstall", action="store_true", help="remove the installed files")
    args = parser.parse_args(argv)
    data = data_home()
    if args.uninstall:
        uninstall(data)
    else:
        install(data, args.program)
    return 0


if __name__ == "__main__":
    sys.exit(main())
