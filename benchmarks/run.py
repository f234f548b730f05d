"""Run the benchmarks and write ``docs/performance.md``.

``python -m benchmarks.run --sizes 10000,100000,1000000 --output docs/performance.md``

For each size: generate a native JSON file (``benchmarks.generate``), import it into a
fresh SQLite catalogue, then time opening, searching, facet counts, deep pages, building
and loading the search index, and exports, each beside the same work done with raw SQL
(``benchmarks.floor``) on the same file. Peak memory of the ``catalog`` command is taken
with ``/usr/bin/time -v``. Generated files live in ``benchmarks/work/`` (git-ignored) and
are deleted afterwards unless ``--keep`` is given, in which case a later ``--keep`` run
reuses them (and the import figures measured with them).
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path

from benchmarks.report import render
from benchmarks.results import SizeResult, say
from benchmarks.size_bench import SizeBench
from benchmarks.workspace import ROOT, WORK, Files


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point: ``python -m benchmarks.run --sizes ... --output ...``."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--sizes", default="10000,100000,1000000", help="comma-separated record counts"
    )
    parser.add_argument("--output", type=Path, default=ROOT / "docs" / "performance.md")
    parser.add_argument("--runs", type=int, default=5, help="runs per fast operation")
    parser.add_argument("--import-runs", type=int, default=2, help="runs of each import")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--budget",
        type=float,
        default=60.0,
        help="seconds after which a search, facet count or command is interrupted",
    )
    parser.add_argument(
        "--keep", action="store_true", help="keep generated files and reuse those of a kept run"
    )
    parser.add_argument(
        "--render-only",
        action="store_true",
        help="write the report from the results a --keep run left in benchmarks/work",
    )
    parser.add_argument(
        "--redo",
        choices=["window", "import", "memory", "edit", "search"],
        help="measure one step again on the catalogues a --keep run left in benchmarks/work",
    )
    args = parser.parse_args(argv)
    sizes = [int(s.replace("_", "")) for s in args.sizes.split(",") if s.strip()]
    results = []
    if args.render_only:
        for size in sizes:
            kept = SizeResult.load(Files(WORK / f"size-{size}").results)
            if kept is None:
                parser.error(f"no kept results for {size} records")
            results.append(kept)
        args.output.write_text(render(results, args.seed, args.runs))
        say(f"wrote {args.output}")
        return 0
    for size in sizes:
        bench = SizeBench(size, args)
        results.append(bench.redo(args.redo) if args.redo else bench.run())
        args.output.parent.mkdir(parents=True, exist_ok=True)
        args.output.write_text(render(results, args.seed, args.runs))
        say(f"wrote {args.output}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
