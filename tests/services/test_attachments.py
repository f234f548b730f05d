"""Attachment files: stored by content hash under the catalogue's folder, never outside."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from catalog.domain.drafts import AttachmentChoice
from catalog.domain.errors import InvalidEdit
from catalog.services.catalog import CatalogService
from catalog.services.editing.attachments import AttachmentStore, attachments_root, safe_name


def _file(folder: Path, name: str, data: bytes) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_bytes(data)
    return path


def test_sqlite_root_is_beside_the_catalogue(tmp_path: Path) -> None:
    service = CatalogService.open(tmp_path / "c.sqlite", cache_dir=tmp_path)
    try:
        assert attachments_root(service.db) == tmp_path / "c-files"
    finally:
        service.close()


def test_safe_name_has_no_separators_and_tells_addresses_apart() -> None:
    first = safe_name("postgresql+psycopg://me:***@host:5432/archive")
    second = safe_name("postgresql+psycopg://me:***@host:5432/archive2")
    assert "/" not in first and ":" not in first and "@" not in first
    assert first != second


def test_store_copies_under_hash_and_keeps_one_copy(tmp_path: Path) -> None:
    data = b"scan of a letter" * 1000
    sha = hashlib.sha256(data).hexdigest()
    store = AttachmentStore(tmp_path / "root")
    first = store.store(_file(tmp_path / "in", "Letter.PDF", data), " scan ", "ko")
    second = store.store(_file(tmp_path / "other", "copy.pdf", data), "scan", "")
    assert first == AttachmentChoice(f"{sha[:2]}/{sha}.pdf", sha, "scan", "ko")
    assert second.path == first.path
    stored = store.resolve(first)
    assert stored == (tmp_path / "root" / sha[:2] / f"{sha}.pdf").resolve()
    assert stored.read_bytes() == data
    files = [p for p in (tmp_path / "root").rglob("*") if p.is_file()]
    assert files == [stored]  # no temporary file left, one copy
    assert store.verify(first)


def test_verify_notices_a_changed_or_missing_file(tmp_path: Path) -> None:
    store = AttachmentStore(tmp_path / "root")
    choice = store.store(_file(tmp_path, "a.txt", b"original"))
    store.resolve(choice).write_bytes(b"tampered")
    assert not store.verify(choice)
    store.resolve(choice).unlink()
    assert not store.verify(choice)


def test_store_refuses_a_folder(tmp_path: Path) -> None:
    with pytest.raises(InvalidEdit):
        AttachmentStore(tmp_path / "root").store(tmp_path)


@pytest.mark.parametrize("path", ["../secret.txt", "ab/../../x", "/etc/passwd", "C:/x", ""])
def test_resolve_refuses_paths_that_leave_the_root(tmp_path: Path, path: str) -> None:
    store = AttachmentStore(tmp_path / "root")
    with pytest.raises(InvalidEdit):
        store.resolve(AttachmentChoice(path, "0" * 64))
    assert not store.inside(AttachmentChoice(path, "0" * 64))
    assert not store.verify(AttachmentChoice(path, "0" * 64))


def test_resolve_refuses_a_symbolic_link_out(tmp_path: Path) -> None:
    root = tmp_path / "root"
    root.mkdir()
    outside = _file(tmp_path / "outside", "secret.txt", b"secret")
    (root / "link").symlink_to(outside.parent, target_is_directory=True)
    store = AttachmentStore(root)
    with pytest.raises(InvalidEdit):
        store.resolve(AttachmentChoice("link/secret.txt", "0" * 64))


def test_server_root_is_in_the_data_folder(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from types import SimpleNamespace

    from catalog import settings

    monkeypatch.setattr(settings, "data_dir", lambda: tmp_path / "data")
    address = "postgresql+psycopg://me:***@db.example:5432/archive"
    server = SimpleNamespace(path=None, display_name=address)
    root = attachments_root(server)  # type: ignore[arg-type]
    assert root == tmp_path / "data" / "attachments" / safe_name(address)
