"""What the Connect dialog returns, and the checks its fields must pass (no widgets here)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from catalog.services.locations import ServerAddress

BAD_HOST = "The host is a name or an address, such as db.example.org or 192.0.2.10."
_HOST = re.compile(r"[A-Za-z0-9._:\[\]%-]+")


@dataclass(frozen=True)
class Connection:
    """The catalogue chosen.

    Attributes:
        target: a server URL without its password, or a SQLite file's path.
        password: the password typed ("" for none: PGPASSWORD or ~/.pgpass may hold it).
        remember: keep the password in the system keyring once the catalogue opens.
    """

    target: str
    password: str = field(default="", repr=False)
    remember: bool = False


def problems(address: ServerAddress) -> list[str]:
    """What keeps the fields from naming a server (empty when they do)."""
    missing = [
        name
        for name, value in (
            ("the host", address.host),
            ("the database", address.database),
            ("the user", address.user),
        )
        if not value
    ]
    found = [f"Fill in {_join(missing)}."] if missing else []
    if address.host and not _HOST.fullmatch(address.host):
        found.append(BAD_HOST)
    return found


def _join(parts: list[str]) -> str:
    return parts[0] if len(parts) == 1 else f"{', '.join(parts[:-1])} and {parts[-1]}"
