"""Server passwords in the system keyring: kept by URL without the password, never raising."""

from __future__ import annotations

import logging
from collections.abc import Iterator

import keyring
import pytest
from keyring.backends import fail, null

from catalog.ui import credentials
from tests.ui.keyrings import LockedKeyring, MemoryKeyring, installed

URL = "postgresql+psycopg://archivist@db.example.org/soviet_koreans"
SECRET = "s3cret:/@pass"


@pytest.fixture
def memory() -> Iterator[MemoryKeyring]:
    with installed(MemoryKeyring()) as backend:
        yield backend


def test_the_tests_start_without_a_keyring() -> None:
    assert isinstance(keyring.get_keyring(), null.Keyring)
    assert not credentials.available()


def test_a_password_is_kept_under_the_url_without_it(memory: MemoryKeyring) -> None:
    assert credentials.available()
    with_password = "postgresql://archivist:old@db.example.org/soviet_koreans"
    assert credentials.save_password(with_password, SECRET)
    assert memory.passwords == {("Catalog", URL): SECRET}
    assert credentials.load_password(URL) == SECRET
    assert credentials.load_password(with_password) == SECRET  # the same catalogue
    assert credentials.load_password(URL.replace("archivist", "guest")) is None
    assert credentials.forget_password(URL)
    assert memory.passwords == {}
    assert credentials.load_password(URL) is None
    assert not credentials.forget_password(URL)


def test_nothing_is_kept_for_an_empty_password_or_a_bad_url(memory: MemoryKeyring) -> None:
    assert not credentials.save_password(URL, "")
    assert not credentials.save_password("mysql://u@h/db", SECRET)
    assert credentials.load_password("mysql://u@h/db") is None
    assert memory.passwords == {}


@pytest.mark.parametrize("backend", [null.Keyring(), fail.Keyring()], ids=["null", "fail"])
def test_without_a_keyring_nothing_is_kept_and_nothing_raises(
    backend: keyring.backend.KeyringBackend,
) -> None:
    with installed(backend):
        assert not credentials.available()
        assert not credentials.save_password(URL, SECRET)
        assert credentials.load_password(URL) is None
        assert not credentials.forget_password(URL)


@pytest.mark.parametrize(
    "error",
    [keyring.errors.KeyringLocked("locked"), RuntimeError("D-Bus went away")],
    ids=["keyring-error", "other-error"],
)
def test_a_failing_keyring_is_reported_without_the_password(
    error: Exception, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    with installed(LockedKeyring(error)):
        assert credentials.available()  # it exists: only using it fails
        assert not credentials.save_password(URL, SECRET)
        assert credentials.load_password(URL) is None
        assert not credentials.forget_password(URL)
    assert caplog.records  # each failure is logged ...
    assert all(SECRET not in record.getMessage() for record in caplog.records)  # ... not it


def test_a_keyring_that_cannot_even_be_asked_counts_as_none(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def broken() -> keyring.backend.KeyringBackend:
        raise keyring.errors.InitError("no backend could start")

    monkeypatch.setattr(keyring, "get_keyring", broken)
    assert not credentials.available()
    assert not credentials.save_password(URL, SECRET)
    assert credentials.load_password(URL) is None
