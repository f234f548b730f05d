"""What the Connect dialog returns, and the checks its fields must pass (no widgets here).

The checks' messages are shown in the dialog, so they are translated in its context.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from PySide6.QtCore import QCoreApplication

from catalog.services.locations import ServerAddress
from catalog.ui.translation import QT_TRANSLATE_NOOP

BAD_HOST = QT_TRANSLATE_NOOP(
    "ConnectDialog", "The host is a name or an address, such as db.example.org or 192.0.2.10."
)
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
            (QCoreApplication.translate("ConnectDialog", "the host"), address.host),
            (QCoreApplication.translate("ConnectDialog", "the database"), address.database),
            (QCoreApplication.translate("ConnectDialog", "the user"), address.user),
        )
        if not value
    ]
    found = []
    if missing:
        found.append(
            QCoreApplication.translate("ConnectDialog", "Fill in {0}.").format(_join(missing))
        )
    if address.host and not _HOST.fullmatch(address.host):
        found.append(QCoreApplication.translate("ConnectDialog", BAD_HOST))
    return found


def _join(parts: list[str]) -> str:
    if len(parts) == 1:
        return parts[0]
    both = QCoreApplication.translate("ConnectDialog", "{0} and {1}", "the last two of a list")
    return both.format(", ".join(parts[:-1]), parts[-1])
