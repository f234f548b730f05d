"""``python -m tests.reliability.drive_import CATALOGUE FILE``: import a CSV file."""

from __future__ import annotations

import sys
from pathlib import Path

from catalog.services.catalog import CatalogService
from tests.reliability.protocol import Say


def main(catalogue: str, file: str) -> None:
    say = Say()
    service = CatalogService.open(catalogue)
    say.start(service.count())
    report, _changes = service.import_file(Path(file), "csv")
    say("COMMITTED", report.records)
    service.close()
    say.done()


if __name__ == "__main__":
    main(*sys.argv[1:])
