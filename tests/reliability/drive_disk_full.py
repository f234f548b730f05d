"""``python -m tests.reliability.drive_disk_full PAGES ARGS...``: the ``catalog`` command
(``catalog.cli.main(ARGS)``) on a disk that is full once the catalogue has PAGES pages.

The only change to the real program: every SQLite connection it opens gets
``PRAGMA max_page_count = PAGES``, so a write that needs more pages fails as it would
on a full disk (SQLITE_FULL).
"""

from __future__ import annotations

import sqlite3
import sys
from typing import Any

from sqlalchemy import Engine, event

from catalog.cli import main


def limit(pages: int) -> None:
    """Cap every SQLite connection opened from now on at ``pages`` pages."""

    def on_connect(connection: Any, _record: Any) -> None:
        if isinstance(connection, sqlite3.Connection):
            connection.execute(f"PRAGMA max_page_count = {pages}")

    event.listen(Engine, "connect", on_connect)


if __name__ == "__main__":
    limit(int(sys.argv[1]))
    sys.exit(main(sys.argv[2:]))
