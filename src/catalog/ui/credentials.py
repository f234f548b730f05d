"""Server passwords in the system keyring (Secret Service, macOS Keychain, Windows
Credential Locker), never in the settings file.

Each password is kept under the service name "Catalog" and the catalogue's URL without
its password. Where no usable keyring exists (a bare server, a locked or broken keyring)
every function here says so by returning False or None; none of them raises, and none
logs a password.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from catalog.domain.errors import StorageUnavailable
from catalog.services.locations import public_target
from catalog.settings import APP_NAME
from catalog.ui.translation import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from keyring.backend import KeyringBackend

SERVICE_NAME = APP_NAME
NO_KEYRING = QT_TRANSLATE_NOOP(
    "Credentials", "No system keyring is available: the password will be asked for each time."
)
"""Said where a password cannot be remembered, in English: :func:`no_keyring_text` gives
it in the interface's language (context "Credentials")."""

log = logging.getLogger(__name__)


def _backend() -> KeyringBackend | None:
    """The keyring in use, or None when it cannot store anything."""
    import keyring  # only when a password is at stake: its backends take 70 ms to load

    try:
        backend = keyring.get_keyring()
        # The fail and null backends rank 0 and -1, and so does a chain of no backends.
        usable = float(backend.priority) > 0
    except Exception as error:  # any backend may fail in its own way (D-Bus, a locked store)
        log.warning("The system keyring cannot be used: %s", type(error).__name__)
        return None
    return backend if usable else None


def no_keyring_text() -> str:
    """:data:`NO_KEYRING` in the interface's language."""
    return QCoreApplication.translate("Credentials", NO_KEYRING)


def available() -> bool:
    """True when a system keyring can keep passwords."""
    return _backend() is not None


def _key(url: str) -> str | None:
    try:
        return public_target(url)
    except StorageUnavailable:
        return None


def save_password(url: str, password: str) -> bool:
    """Keep the password of the catalogue at ``url``; False when it could not be kept."""
    backend, key = _backend(), _key(url)
    if backend is None or key is None or not password:
        return False
    try:
        backend.set_password(SERVICE_NAME, key, password)
    except Exception as error:
        log.warning("The password for %s was not saved: %s", key, type(error).__name__)
        return False
    return True


def load_password(url: str) -> str | None:
    """The saved password of the catalogue at ``url``, or None."""
    backend, key = _backend(), _key(url)
    if backend is None or key is None:
        return None
    try:
        password = backend.get_password(SERVICE_NAME, key)
    except Exception as error:
        log.warning("The password for %s could not be read: %s", key, type(error).__name__)
        return None
    return password or None


def forget_password(url: str) -> bool:
    """Remove the saved password of the catalogue at ``url``; True when one was removed."""
    backend, key = _backend(), _key(url)
    if backend is None or key is None:
        return False
    try:
        if backend.get_password(SERVICE_NAME, key) is None:
            return False
        backend.delete_password(SERVICE_NAME, key)
    except Exception as error:
        log.warning("The password for %s was not removed: %s", key, type(error).__name__)
        return False
    return True
