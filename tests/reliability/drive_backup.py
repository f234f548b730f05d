"""``python -m tests.reliability.drive_backup CATALOGUE DESTINATION``: back it up."""

from __future__ import annotations

import sys
from pathlib import Path

from catalog.services.catalog import CatalogService
from tests.reliability.protocol import Say


def main(catalogue: str, destination: str) -> None:
    say = Say()
    service = CatalogService.open(catalogue)
    say.start()
    written = service.backup(Path(destination))
    say("COMMITTED", written)
    service.close()
    say.done()


if __name__ == "__main__":
    main(*sys.argv[1:])
