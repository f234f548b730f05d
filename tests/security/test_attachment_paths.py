"""Attachment paths stay inside the catalogue's folder and name ordinary files.

``tests/services/test_attachments.py`` covers ``..``, absolute paths, a drive letter, an
empty path and a symbolic link out; this adds device names, NUL and other control
characters, over-long names, paths that name the folder itself, Windows forms (UNC,
drive-relative, backslashes), through the store, through the editor, and in a catalogue
that an import filled with such paths (the check reports them, and nothing raises).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from catalog.domain.drafts import AttachmentChoice, RecordDraft
from catalog.domain.errors import InvalidEdit
from catalog.services.catalog import CatalogService
from catalog.services.editing.attachments import AttachmentStore
from tests.security.conftest import Canary

SHA = "0" * 64

REFUSED: list[tuple[str, str]] = [
    # (stored path, what the message says)
    ("..", "outside"),
    ("scans/../../secret.txt", "outside"),
    ("..\\..\\secret.txt", "outside"),
    ("/dev/zero", "outside"),
    ("/etc/passwd", "outside"),
    ("\\\\server\\share\\scan.pdf", "outside"),
    ("C:scan.pdf", "outside"),
    ("c:\\windows\\win.ini", "outside"),
    ("CON", "device"),
    ("con", "device"),
    ("NUL", "device"),
    ("nul.txt", "device"),
    ("scans/AUX.pdf", "device"),
    ("PRN", "device"),
    ("COM1", "device"),
    ("lpt9.log", "device"),
    ("COM\u00b9", "device"),
    ("CONIN$", "device"),
    ("scans/CON. ", "device"),
    ("scan\x00.pdf", "control character"),
    ("scan.pdf\x00.txt", "control character"),
    ("scan\n.pdf", "control character"),
    ("scan\x1b[31m.pdf", "control character"),
    ("x" * 256, "too long"),
    ("é" * 128, "too long"),  # 256 bytes in UTF-8
    ("d/" * 600 + "x", "too long"),
    ("scan\ud800.pdf", "characters no file name"),
    ("", "does not name a file"),
    ("   ", "does not name a file"),
    (".", "does not name a file"),
    ("./", "does not name a file"),
]

ACCEPTED = [
    "ab/" + "a" * 64 + ".pdf",  # how the store names what it copies in
    "scans/106-00217-01.pdf",
    "x" * 255,
    "é" * 127,
    "console.pdf",  # a device name only when it is the whole name
    "nullify.txt",
    "COM10",
    "scans/lpt.pdf",
    "~/x",  # no home folder here: a folder named "~" under the root
    "$HOME/x",
]


@pytest.fixture
def store(tmp_path: Path) -> AttachmentStore:
    root = tmp_path / "catalogue-files"
    root.mkdir()
    return AttachmentStore(root)


@pytest.mark.parametrize(("path", "reason"), REFUSED)
def test_the_store_refuses(store: AttachmentStore, path: str, reason: str) -> None:
    choice = AttachmentChoice(path, SHA)
    with pytest.raises(InvalidEdit) as refused:
        store.resolve(choice)
    message = str(refused.value)
    assert reason in message
    assert message.startswith("The attachment path “")
    assert "\x00" not in message and "\n" not in message and len(message) < 200
    assert not store.inside(choice)
    assert not store.verify(choice)


@pytest.mark.parametrize("path", ACCEPTED)
def test_the_store_accepts_ordinary_names(store: AttachmentStore, path: str) -> None:
    target = store.resolve(AttachmentChoice(path, SHA))
    assert target.is_relative_to(store.root.resolve())
    assert store.inside(AttachmentChoice(path, SHA))
    assert not store.verify(AttachmentChoice(path, SHA))  # there is no such file


def test_a_stored_file_still_resolves(store: AttachmentStore, tmp_path: Path) -> None:
    source = tmp_path / "scan.pdf"
    source.write_bytes(b"%PDF-1.4 scan")
    choice = store.store(source)
    assert store.verify(choice)


@pytest.mark.parametrize(
    "path", ["../x.pdf", "/dev/zero", "CON", "scan\x00.pdf", "x" * 300, "scan\ud800.pdf"]
)
def test_the_editor_refuses_such_an_attachment(tmp_path: Path, path: str) -> None:
    service = CatalogService.open(tmp_path / "c.sqlite", cache_dir=tmp_path)
    try:
        editor = service.editor
        assert editor is not None
        draft = RecordDraft(title="Letter", attachments=(AttachmentChoice(path, SHA),))
        with pytest.raises(InvalidEdit, match="The attachment path"):
            editor.create_record(draft)
        assert service.count() == 0
    finally:
        service.close()


def test_a_catalogue_holding_such_paths_is_checked_without_error(tmp_path: Path) -> None:
    """An import keeps the paths a file gives (so nothing is lost); the check then lists
    every one that could not be opened, and none of them makes it raise. (A NUL in a
    path is refused by the import itself.)"""
    hostile = ["../../etc/passwd", "/dev/zero", "CON", "scan\u001b.pdf", "x" * 300]
    records = [
        {
            "uid": f"5b0c7f1e-0d2a-4c1b-9a51-3f0e7c2d9a{n:02d}",
            "title": f"Letter {n}",
            "attachments": [{"path": path, "role": "scan", "language": "", "sha256": ""}],
        }
        for n, path in enumerate(hostile)
    ]
    source = tmp_path / "in.json"
    source.write_text(json.dumps({"format": "catalog", "version": 1, "records": records}))
    service = CatalogService.open(tmp_path / "c.sqlite", cache_dir=tmp_path)
    try:
        service.import_file(source, "json")
        faults = service.check()
        (outside,) = [f for f in faults if "outside the attachment folder" in f.problem]
        assert "5 attachments point outside" in outside.problem
    finally:
        service.close()


def test_the_detail_pane_opens_only_files_inside_the_folder(
    qtbot: Any, tmp_path: Path, canary: Canary
) -> None:
    """Clicking an attachment hands the system viewer only a file under the catalogue's
    folder, whatever path an imported record holds."""
    from PySide6.QtCore import QObject, QUrl, Slot
    from PySide6.QtGui import QDesktopServices

    from catalog.ui.detail_pane.fields import FileLink
    from catalog.ui.detail_pane.widget import DetailPane
    from catalog.ui.jobs.runner import ImmediateJobRunner

    class Viewer(QObject):
        def __init__(self) -> None:
            super().__init__()
            self.urls: list[QUrl] = []

        @Slot(QUrl)
        def open(self, url: QUrl) -> None:
            self.urls.append(url)

    paths = [str(canary.path), "../secret/canary.txt", "scans/scan.pdf"]
    source = tmp_path / "in.json"
    record = {
        "uid": "5b0c7f1e-0d2a-4c1b-9a51-3f0e7c2d9a77",
        "title": "Letter with files",
        "attachments": [{"path": p, "role": "", "language": "", "sha256": ""} for p in paths],
    }
    source.write_text(json.dumps({"format": "catalog", "version": 1, "records": [record]}))
    service = CatalogService.open(tmp_path / "c.sqlite", cache_dir=tmp_path)
    folder = service.attachment_folder
    (folder / "scans").mkdir(parents=True)
    (folder / "scans" / "scan.pdf").write_bytes(b"%PDF-1.4")
    viewer = Viewer()
    QDesktopServices.setUrlHandler("file", viewer, "open")
    try:
        service.import_file(source, "json")
        pane = DetailPane(service, ImmediateJobRunner(), pytest.fail, attachment_folder=folder)
        qtbot.addWidget(pane)
        pane.show_ids(list(service.search("").ids))
        for path in paths:
            pane.view.link_activated.emit(FileLink(path))
    finally:
        QDesktopServices.unsetUrlHandler("file")
        service.close()
    opened = [Path(url.toLocalFile()).resolve() for url in viewer.urls]
    outside = [p for p in opened if not p.is_relative_to(folder.resolve())]
    assert outside == []  # an absolute or '..' path is refused, never handed to a viewer
    assert opened == [(folder / "scans" / "scan.pdf").resolve()]
