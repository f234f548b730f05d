"""Showing an exported file: the freedesktop file-manager call, else the folder is opened."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QObject, QUrl, Slot
from PySide6.QtGui import QDesktopServices
from pytestqt.qtbot import QtBot

from catalog.ui import reveal as desktop
from catalog.ui.reveal import reveal  # the real one (tests replace desktop.reveal)


class Opened(QObject):
    """Receives the file: URLs Qt would hand to the desktop."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[QUrl] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.urls.append(url)


@pytest.fixture
def opened(qtbot: QtBot) -> object:
    receiver = Opened()
    QDesktopServices.setUrlHandler("file", receiver, "open")
    yield receiver
    QDesktopServices.unsetUrlHandler("file")


def test_without_a_file_manager_service_the_folder_opens(
    opened: Opened, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(desktop, "_show_items", lambda url: False)
    exported = tmp_path / "out.csv"
    exported.write_text("x")
    assert reveal(exported)
    assert [u.toLocalFile() for u in opened.urls] == [str(tmp_path)]


def test_a_file_manager_that_answers_shows_the_file_itself(
    opened: Opened, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    asked: list[str] = []
    monkeypatch.setattr(desktop, "_show_items", lambda url: asked.append(url.toString()) or True)
    monkeypatch.setattr(desktop.sys, "platform", "linux")
    assert reveal(tmp_path / "out.csv")
    assert asked == [QUrl.fromLocalFile(str(tmp_path / "out.csv")).toString()]
    assert opened.urls == []
