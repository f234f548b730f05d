"""Open a catalogue in a new process and show its first page, timing each step.

``python -m benchmarks.cold_open DB CACHE_DIR`` prints JSON: seconds spent importing
Catalog, opening the catalogue, and reading the first page of the default list (every id
in date order, then 50 list rows). Nothing of Catalog is imported before the clock starts.
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Sequence
from pathlib import Path


def first_page(db: str, cache_dir: str) -> dict[str, float]:
    """Seconds of each step from the first import of Catalog to the first page."""
    start = time.perf_counter()
    from catalog.services.catalog import CatalogService  # here: the import is timed

    imported = time.perf_counter()
    service = CatalogService.open(db, cache_dir=Path(cache_dir))
    opened = time.perf_counter()
    result = service.search("")
    rows = service.summaries(result.ids[:50])
    done = time.perf_counter()
    assert len(rows) == min(50, result.total)
    assert not service.engine.index_ready, "the first page must not build the index"
    service.close()
    return {
        "imports": imported - start,
        "open": opened - imported,
        "first_page": done - opened,
        "total": done - start,
    }


def main(argv: Sequence[str]) -> int:
    """``python -m benchmarks.cold_open DB CACHE_DIR``."""
    if len(argv) != 2:
        print("usage: python -m benchmarks.cold_open DB CACHE_DIR", file=sys.stderr)
        return 2
    print(json.dumps(first_page(argv[0], argv[1])))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
