"""``python -m tests.reliability.drive_migrate CATALOGUE``: open an older catalogue,
which backs it up and upgrades it to the newest schema."""

from __future__ import annotations

import sys

from catalog.services.catalog import CatalogService
from tests.reliability.protocol import Say


def main(catalogue: str) -> None:
    say = Say()
    say.start()
    service = CatalogService.open(catalogue)
    say("COMMITTED", service.opened.upgraded_from)
    service.close()
    say.done()


if __name__ == "__main__":
    main(*sys.argv[1:])
