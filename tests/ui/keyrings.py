"""Keyring backends for tests: one that keeps passwords in a dict, one that always fails.

Tests install them with :func:`installed`, which puts the null backend back afterwards,
so no test ever reaches the developer's own keyring (tests/conftest.py starts with the
null backend too).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TypeVar

import keyring
from keyring.backend import KeyringBackend
from keyring.backends import null
from keyring.errors import KeyringLocked, PasswordDeleteError

Backend = TypeVar("Backend", bound=KeyringBackend)


class MemoryKeyring(KeyringBackend):
    """Passwords in a dict, by (service, user)."""

    priority = 1  # type: ignore[assignment]  # a usable backend ranks above 0

    def __init__(self) -> None:
        super().__init__()
        self.passwords: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.passwords.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.passwords[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if self.passwords.pop((service, username), None) is None:
            raise PasswordDeleteError("no such password")


class LockedKeyring(KeyringBackend):
    """A keyring that exists but refuses every call (locked, or its service crashed)."""

    priority = 1  # type: ignore[assignment]

    def __init__(self, error: Exception | None = None) -> None:
        super().__init__()
        self.error = error or KeyringLocked("the keyring is locked")

    def get_password(self, service: str, username: str) -> str | None:
        raise self.error

    def set_password(self, service: str, username: str, password: str) -> None:
        raise self.error

    def delete_password(self, service: str, username: str) -> None:
        raise self.error


@contextmanager
def installed(backend: Backend) -> Iterator[Backend]:
    """Use ``backend`` as the keyring for the duration, then the null backend again."""
    keyring.set_keyring(backend)
    try:
        yield backend
    finally:
        keyring.set_keyring(null.Keyring())
