"""Render the crash-safety figures into ``docs/reliability.md``.

``python -m tests.reliability.report`` reads the JSON each battery wrote (in
``results/``, where ``make stress`` has them written, or ``--results``) and replaces the
part of the document between ``<!-- crash-safety:start -->`` and
``<!-- crash-safety:end -->`` (added at the end, or the document created, when it is not
there yet). Nothing else in the file is touched.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import textwrap
from pathlib import Path
from typing import Any

from tests.reliability.harness import REPO, STRESS_RESULTS

START = "<!-- crash-safety:start -->"
END = "<!-- crash-safety:end -->"
DOCUMENT = REPO / "docs" / "reliability.md"
KILLED = ("import", "bulk", "migration", "backup", "edits")
"""The batteries that kill the program, in the order the table lists them."""
ORDER = (*KILLED, "disk-full-import", "disk-full-bulk", "disk-full-cli")
WIDTH = 90
_UNIT = re.compile(r"(\d) (s|ms)\b")


def load(folder: Path) -> list[dict[str, Any]]:
    """Every battery's figures found in ``folder``, in the table's order."""
    found = {}
    for path in sorted(folder.glob("*.json")):
        figures = json.loads(path.read_text(encoding="utf-8"))
        found[figures["name"]] = figures
    return [found[name] for name in ORDER if name in found] + [
        figures for name, figures in found.items() if name not in ORDER
    ]


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _seconds(value: float) -> str:
    return f"{value:.1f} s" if value >= 0.95 else f"{value * 1000:.0f} ms"


def render(results: list[dict[str, Any]]) -> str:
    """The section: how the batteries work, the table, and what each trial ended as."""
    killed = [r for r in results if r["name"] in KILLED]
    counts = sorted({r["trials"] for r in killed})
    dates = sorted({r["date"] for r in results})
    first = results[0]
    runs = "/".join(str(count) for count in counts) or "no"
    lines = [
        START,
        "## Crash safety",
        "",
        "Each test runs the real program as a separate process (`python -m "
        "tests.reliability.drive_import` and its siblings, through `CatalogService` and "
        "the `catalog` command) and kills it with SIGKILL at a random moment. The kill "
        "delays are seeded; each is drawn in one of as many equal slices of the work's "
        "measured duration (plus a twentieth) as there are trials, so kills land all through "
        "the work, a few as it ends. After each kill the catalogue must pass SQLite's "
        "`PRAGMA integrity_check` and `foreign_key_check`, FTS5's `integrity-check` with "
        "exactly the records in the full-text index, open in Catalog, and hold all or none "
        "of the interrupted work, compared by a checksum of its whole content, index "
        "included (`tests/reliability/content.py`); work the program acknowledged must be "
        "there. The disk-full tests cap the file "
        "with SQLite's `max_page_count`.",
        "",
        "A kill loses nothing the program has handed to the operating system, so these "
        "tests do not show what a power cut would do; that rests on `synchronous = FULL` "
        "and SQLite's own tests.",
        "",
        f"{runs} trials per kill test on {', '.join(dates)} ({first['machine']}, "
        f"Python {first['python']}, SQLite {first['sqlite']}), seed {first['seed']}; "
        "`make stress` runs 200 and rewrites this section. Times are wall-clock, with the "
        "processor time of the test and its drivers beside them (the machine was shared: "
        "its load average while each test ran is given below).",
        "",
        "| Test | What it promises | Trials run | Failures | Per-trial time |",
        "| --- | --- | ---: | ---: | ---: |",
    ]
    for r in results:
        per_trial = _seconds(r["seconds_per_trial"])
        details = [f"CPU {_seconds(r['cpu_seconds_per_trial'])}"]
        if r["trials"] > 1:
            details.insert(0, f"max {_seconds(r['seconds_per_trial_max'])}")
        per_trial += f" ({'; '.join(details)})"
        lines.append(
            f"| {_cell(r['title'])} | {_cell(r['promise'])} | {r['trials']} | "
            f"{r['failures']} | {per_trial} |"
        )
    lines += [
        "",
        'How the trials ended ("killed": the kill ended the program; "finished": the '
        "work was over before the kill came), and how long the work took when run once to "
        "the end:",
        "",
    ]
    for r in results:
        ended = ", ".join(f"{outcome} {count}" for outcome, count in r["outcomes"].items())
        about = [f"work {_seconds(r['work_seconds'])}"] if r["work_seconds"] else []
        about.append(f"load average {r['load_average']:.1f}")
        lines.append(f"- {r['title']} ({', '.join(about)}): {ended}.")
        lines += [f"  {note}" for note in r["notes"]]
        lines += [f"  - failed: {_cell(message)}" for message in r["failure_messages"][:5]]
    lines.append(END)
    return "\n".join(_wrapped(line) for line in lines)


def _wrapped(line: str) -> str:
    """Prose and list items filled to 90 columns (table rows are left whole)."""
    if line.startswith("|") or len(line) <= WIDTH:
        return line
    indent = "  " if line.startswith(("- ", "  ")) else ""
    kept = _UNIT.sub("\\1\0\\2", line)  # "1.7 s" stays on one line
    filled = textwrap.fill(kept, WIDTH, subsequent_indent=indent, break_on_hyphens=False)
    return filled.replace("\0", " ")


def replace_section(text: str, section: str) -> str:
    """``text`` with the section between the markers replaced (or added at the end)."""
    if START in text and END in text:
        head, rest = text.split(START, 1)
        _old, tail = rest.split(END, 1)
        return head + section + tail
    return text.rstrip("\n") + "\n\n" + section + "\n"


def main(argv: list[str] | None = None) -> int:
    """Rewrite the crash-safety section from the results; 1 when there are none."""
    parser = argparse.ArgumentParser(prog="python -m tests.reliability.report")
    parser.add_argument("--results", type=Path, default=STRESS_RESULTS)
    parser.add_argument("--output", type=Path, default=DOCUMENT)
    args = parser.parse_args(argv)
    results = load(args.results)
    if not results:
        sys.stderr.write(f"no results in {args.results}: run pytest tests/reliability first\n")
        return 1
    text = args.output.read_text(encoding="utf-8") if args.output.exists() else "# Reliability\n"
    args.output.write_text(replace_section(text, render(results)), encoding="utf-8")
    sys.stdout.write(f"{args.output}: crash safety from {len(results)} results\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
