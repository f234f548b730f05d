"""The report rewrites its own section of docs/reliability.md and nothing else."""

from __future__ import annotations

import json
from pathlib import Path

from tests.reliability.report import END, START, main, render, replace_section

FIGURES = {
    "name": "import",
    "title": "Import of 100,000 records (CSV)",
    "promise": "None or all | never part",
    "trials": 20,
    "failures": 1,
    "failure_messages": ["trial 3 (kill at 1.000 s): AssertionError: part"],
    "outcomes": {"killed: none": 18, "failed": 1, "finished: all": 1},
    "notes": [],
    "seconds_per_trial": 6.25,
    "seconds_per_trial_max": 12.5,
    "cpu_seconds_per_trial": 3.0,
    "work_seconds": 10.0,
    "total_seconds": 130.0,
    "seed": 7,
    "date": "2026-11-28",
    "machine": "x86_64, 2 cores, Linux",
    "load_average": 1.5,
    "python": "3.11.7",
    "sqlite": "3.40.1",
}


def test_the_section_lists_every_figure_and_escapes_the_table() -> None:
    section = render([FIGURES])
    assert section.startswith(START) and section.endswith(END)
    assert "20 trials per kill test on 2026-11-28" in section
    assert (
        "| Import of 100,000 records (CSV) | None or all \\| never part | 20 | 1 | "
        "6.2 s (max 12.5 s; CPU 3.0 s) |" in section
    )
    assert "killed: none 18" in section and "failed: trial 3" in section


def test_only_the_section_between_the_markers_is_replaced() -> None:
    other = "# Reliability\n\n## Backups\n\nText of another engineer.\n"
    first = replace_section(other, f"{START}\nold\n{END}")
    assert first == other + f"\n{START}\nold\n{END}\n"
    second = replace_section(first + "\n## After\n", f"{START}\nnew\n{END}")
    assert second == other + f"\n{START}\nnew\n{END}\n\n## After\n"


def test_the_document_is_created_when_absent(tmp_path: Path) -> None:
    results = tmp_path / "results"
    results.mkdir()
    (results / "import.json").write_text(json.dumps(FIGURES), encoding="utf-8")
    document = tmp_path / "reliability.md"
    assert main(["--results", str(results), "--output", str(document)]) == 0
    text = document.read_text(encoding="utf-8")
    assert text.startswith("# Reliability\n\n" + START) and text.endswith(END + "\n")
    assert main(["--results", str(tmp_path / "none"), "--output", str(document)]) == 1
