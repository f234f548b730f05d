"""Help → User guide: the shipped guide with its screenshots, and nothing from elsewhere."""

from __future__ import annotations

import re
import socket
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QColor, QImage, QTextDocument, QTextImageFormat
from pytestqt.qtbot import QtBot

from catalog.ui import help_viewer
from catalog.ui.help_viewer import GUIDE, UserGuide, docs_folder
from catalog.ui.shell.actions import ActionId
from tests.conftest import REPO
from tests.ui.conftest import WindowFactory, open_message_boxes
from tests.ui.fakes import FakeCatalogService

CANARY = (37, 23)  # a size no image of the guide has


def image(path: Path, size: tuple[int, int] = (40, 30)) -> None:
    picture = QImage(*size, QImage.Format.Format_RGB32)
    picture.fill(QColor("red"))
    path.parent.mkdir(parents=True, exist_ok=True)
    assert picture.save(str(path))


def shown_images(guide: UserGuide) -> dict[str, QImage]:
    """Every image the document lays out, by name, as the document resolved it."""
    found: dict[str, QImage] = {}
    block = guide.document.begin()
    while block.isValid():
        fragments = block.begin()
        while not fragments.atEnd():
            fmt = fragments.fragment().charFormat()
            if fmt.isImageFormat():
                name = QTextImageFormat(fmt).name()
                loaded = guide.document.resource(QTextDocument.ResourceType.ImageResource, name)
                found[name] = loaded if isinstance(loaded, QImage) else QImage()
            fragments += 1
        block = block.next()
    return found


@pytest.fixture
def listener() -> Iterator[socket.socket]:
    """A loopback port that records whether anything connected to it."""
    server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    server.bind(("127.0.0.1", 0))
    server.listen(5)
    server.setblocking(False)
    yield server
    server.close()


def open_guide(qtbot: QtBot, folder: Path) -> UserGuide:
    guide = UserGuide(folder)
    qtbot.addWidget(guide)
    guide.show()
    qtbot.waitExposed(guide)
    return guide


def test_the_shipped_guide_shows_every_screenshot(qtbot: QtBot) -> None:
    folder = docs_folder()
    assert folder == REPO / "docs"
    text = (folder / GUIDE).read_text(encoding="utf-8")
    names = re.findall(r"!\[[^\]]*\]\(([^)]+)\)", text)
    assert len(names) >= 5 and all(name.startswith("images/") for name in names)
    guide = open_guide(qtbot, folder)
    images = shown_images(guide)
    assert sorted(images) == sorted(names)
    for name, loaded in images.items():
        on_disk = QImage(str(folder / name))
        assert loaded.size() == on_disk.size(), name  # the screenshot itself, not a stand-in
    assert guide.document.refused == []
    assert "The three panes" in guide.document.toPlainText()


def test_images_from_the_network_or_outside_the_images_folder_are_refused(
    qtbot: QtBot, tmp_path: Path, listener: socket.socket
) -> None:
    docs = tmp_path / "docs"
    image(docs / "images" / "inside.png")
    image(tmp_path / "outside" / "canary.png", CANARY)
    image(docs / "canary-beside.png", CANARY)  # in docs, but not in docs/images
    (docs / "images" / "link.png").symlink_to(tmp_path / "outside" / "canary.png")
    port = listener.getsockname()[1]
    remote = f"http://127.0.0.1:{port}/canary.png"
    outside = (tmp_path / "outside" / "canary.png").as_uri()
    refused = [
        remote,
        f"https://127.0.0.1:{port}/canary.png",
        outside,
        "../outside/canary.png",
        "images/../../outside/canary.png",
        str(tmp_path / "outside" / "canary.png"),
        "canary-beside.png",
        "images/link.png",
        "data:image/png;base64,iVBORw0KGgo=",
    ]
    lines = ["# Guide", "![kept](images/inside.png)", *(f"![x]({name})" for name in refused)]
    lines.append(f'<img src="{outside}">')  # raw HTML is shown as text, never loaded
    (docs / GUIDE).write_text("\n\n".join(lines), encoding="utf-8")
    guide = open_guide(qtbot, docs)
    images = shown_images(guide)
    assert images["images/inside.png"].size().toTuple() == (40, 30)
    for name in refused:
        assert name in guide.document.refused, name
        assert images[name].size().toTuple() != CANARY, name
    with pytest.raises(BlockingIOError):
        listener.accept()  # nothing tried to fetch the remote image
    assert f'<img src="{outside}">' in guide.document.toPlainText()


def test_links_open_the_browser_only_for_the_web(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[str] = []
    monkeypatch.setattr(help_viewer, "open_in_browser", lambda url: opened.append(url.toString()))
    (tmp_path / GUIDE).write_text("# Top\n\ntext\n\n## Finding records\n\nmore", encoding="utf-8")
    guide = open_guide(qtbot, tmp_path)
    for link in (
        "https://example.org/help",
        "http://example.org/",
        "file:///etc/passwd",
        "../README.md",
        "mailto:someone@example.org",
        "javascript:alert(1)",
    ):
        guide.follow(QUrl(link))
    assert opened == ["https://example.org/help", "http://example.org/"]
    guide.follow(QUrl("#finding-records"))
    assert guide.browser.textCursor().block().text() == "Finding records"
    assert not guide.scroll_to_heading("no-such-heading")


def test_the_guide_is_found_in_a_frozen_app_or_where_the_environment_says(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bundle = tmp_path / "bundle"
    (bundle / "docs").mkdir(parents=True)
    (bundle / "docs" / GUIDE).write_text("# Guide", encoding="utf-8")
    monkeypatch.setattr(sys, "_MEIPASS", str(bundle), raising=False)
    assert docs_folder() == bundle / "docs"
    elsewhere = tmp_path / "share"
    elsewhere.mkdir()
    (elsewhere / GUIDE).write_text("# Guide", encoding="utf-8")
    monkeypatch.setenv(help_viewer.ENV_DOCS, str(elsewhere))
    assert docs_folder() == elsewhere


def test_help_user_guide_opens_it_once(
    make_window: WindowFactory, fake_service: FakeCatalogService
) -> None:
    window = make_window(fake_service)
    help_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Help")
    assert window.window_actions[ActionId.USER_GUIDE] in help_menu.actions()
    window.window_actions[ActionId.USER_GUIDE].trigger()
    guide = window.help.guide
    assert guide is not None and guide.isVisible()
    window.window_actions[ActionId.USER_GUIDE].trigger()
    assert window.help.guide is guide


def test_a_missing_guide_is_a_message(
    make_window: WindowFactory,
    fake_service: FakeCatalogService,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr("catalog.ui.shell.help_commands.docs_folder", lambda: None)
    window = make_window(fake_service)
    window.window_actions[ActionId.USER_GUIDE].trigger()
    (box,) = open_message_boxes()
    assert "not installed" in box.text()
