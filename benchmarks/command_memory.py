"""Peak memory of the ``catalog`` commands, each run as its own process."""

from __future__ import annotations

from typing import Any

from benchmarks import generate
from benchmarks.measure import run_command
from benchmarks.results import Memory, fmt_s, say
from benchmarks.workspace import CATALOG, Files, remove_catalogue


def command_memory(files: Files, budget: float, info: dict[str, Any]) -> list[Memory]:
    """Time and peak RSS of import, search, facets and export at this size."""
    found: list[Memory] = []
    env = {"XDG_CACHE_HOME": str(files.folder / "xdg-cache"), "CATALOG_DB": ""}
    scratch = files.folder / "cli-import.sqlite"
    remove_catalogue(scratch)
    db = ["--db", str(files.catalogue)]
    long = 3 * 3600.0  # imports and exports are not interrupted
    commands = [
        (
            "catalog import FILE (fresh catalogue)",
            ["--db", str(scratch), "import", str(files.source)],
            long,
        ),
        (
            f"catalog search {generate.COMMON_WORD}",
            [*db, "search", generate.COMMON_WORD],
            budget,
        ),
        ("catalog search (every record)", [*db, "search"], budget),
        ("catalog facets", [*db, "facets"], budget),
        (
            "catalog export --format json (every record)",
            [*db, "export", "--format", "json", "--output", str(files.exports / "cli.json")],
            long,
        ),
    ]
    for label, args, timeout in commands:
        usage = run_command([*CATALOG, *args], env, timeout)
        state = "" if usage.finished else " (killed: over the budget)"
        say(f"  memory: {label}: {usage.peak_mb:.0f} MB, {fmt_s(usage.seconds)}{state}")
        found.append(Memory(label, usage.seconds, usage.peak_mb, usage.finished))
        for path in files.exports.iterdir():
            path.unlink()
    remove_catalogue(scratch)
    startup = run_command([*CATALOG, "--version"], env, budget)
    info["cli_startup_seconds"] = startup.seconds
    info["cli_startup_mb"] = startup.peak_mb
    return found
