"""Help → User guide: ``docs/user-guide.md`` shown in a window that reaches nothing else.

The guide is Markdown rendered by Qt (raw HTML in it is ignored). Its document loads only
images from ``docs/images`` (PNG or JPEG, by a relative or ``file:`` URL that resolves
inside that folder); every other resource, remote or local, is refused, so the page can
never fetch anything from the network or read a file elsewhere. A click on an
``http(s)`` link opens the system browser; a ``#heading`` link scrolls to the heading;
any other link does nothing.

:func:`docs_folder` is the one place that knows where the guide is: ``$CATALOG_DOCS``,
the frozen app's ``docs/`` (PyInstaller's ``sys._MEIPASS``), else the source tree's.
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QImage, QTextCursor, QTextDocument
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

ENV_DOCS = "CATALOG_DOCS"
GUIDE = "user-guide.md"
IMAGES = "images"
IMAGE_SUFFIXES = frozenset({".png", ".jpg", ".jpeg"})
MAX_IMAGE_BYTES = 20_000_000
SHOWN_WIDTH = 820
"""Wider screenshots are shown this wide (at full resolution on a high-density screen)."""
WEB = frozenset({"http", "https"})


def docs_folder() -> Path | None:
    """The folder holding the user guide and its images, or None when it is not shipped."""
    roots: list[Path] = []
    explicit = os.environ.get(ENV_DOCS, "").strip()
    if explicit:
        roots.append(Path(explicit))
    bundle = getattr(sys, "_MEIPASS", None)
    if isinstance(bundle, str):
        roots.append(Path(bundle) / "docs")
    roots.append(Path(__file__).resolve().parents[3] / "docs")
    return next((root for root in roots if (root / GUIDE).is_file()), None)


def open_in_browser(url: QUrl) -> bool:
    """Open a web address in the system browser (tests replace this)."""
    return QDesktopServices.openUrl(url)


def slug(heading: str) -> str:
    """A heading's anchor as GitHub makes it ("Finding records" -> "finding-records")."""
    kept = re.sub(r"[^\w\- ]", "", heading.strip().lower())
    return kept.replace(" ", "-")


def _refused_image() -> QImage:
    """What a refused image shows: a small empty square."""
    image = QImage(16, 16, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    return image


class GuideDocument(QTextDocument):
    """A text document whose only resources are images in one folder.

    Attributes:
        refused: every resource asked for and refused, as URL text (for tests and logs).
    """

    def __init__(self, folder: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._folder = folder.resolve()
        self._images = self._folder / IMAGES
        self.refused: list[str] = []

    def loadResource(self, type_: int, name: QUrl | str, /) -> Any:  # noqa: N802
        """An image of the images folder; a blank stand-in for any other image, and
        nothing (None) for any other resource.

        The stand-in matters: given no image, Qt's image handler would load the name
        as a file path itself.
        """
        url = QUrl(name)
        is_image = type_ == QTextDocument.ResourceType.ImageResource
        path = self._local_image(url) if is_image else None
        if path is not None:
            image = QImage(str(path))
            if not image.isNull():
                if image.width() > SHOWN_WIDTH:
                    image.setDevicePixelRatio(image.width() / SHOWN_WIDTH)
                return image
        self.refused.append(url.toString())
        return _refused_image() if is_image else None

    def _local_image(self, url: QUrl) -> Path | None:
        if url.scheme() == "file" and not url.host():
            wanted = Path(url.toLocalFile())
        elif not url.scheme() and not url.host() and url.path():
            wanted = self._folder / url.path()
        else:
            return None
        try:
            path = wanted.resolve()
            inside = path.is_relative_to(self._images) and path.is_file()
            small = inside and path.stat().st_size <= MAX_IMAGE_BYTES
        except (OSError, ValueError):
            return None
        return path if small and path.suffix.lower() in IMAGE_SUFFIXES else None


class UserGuide(QDialog):
    """The user guide in a non-modal window.

    Attributes:
        browser: the text view (it follows no link itself).
        document: the guide's document.
    """

    def __init__(self, folder: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("userGuide")
        self.setWindowTitle(self.tr("Catalog user guide"))
        self.setAccessibleName(self.tr("User guide"))
        self.setAccessibleDescription(self.tr("How to use Catalog, with its screenshots."))
        self.document = GuideDocument(folder, self)
        self.browser = QTextBrowser()
        self.browser.setObjectName("userGuideText")
        self.browser.setAccessibleName(self.tr("User guide"))
        self.browser.setAccessibleDescription(
            self.tr(
                "The user guide's text. Tab moves from link to link and Enter follows one; "
                "web links open in the browser."
            )
        )
        self.browser.setOpenLinks(False)
        self.browser.setOpenExternalLinks(False)
        self.browser.setDocument(self.document)
        self.browser.anchorClicked.connect(self.follow)
        self.document.setMarkdown(
            (folder / GUIDE).read_text(encoding="utf-8"),
            QTextDocument.MarkdownFeature.MarkdownDialectGitHub
            | QTextDocument.MarkdownFeature.MarkdownNoHTML,
        )
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setAccessibleName(self.tr("Close"))
        close.setAccessibleDescription(self.tr("Close the user guide."))
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
        self.resize(SHOWN_WIDTH + 80, 760)

    def follow(self, url: QUrl) -> None:
        """A click on a link: the browser for the web, a scroll for a heading, else nothing."""
        if url.scheme().lower() in WEB and url.host():
            open_in_browser(url)
        elif not url.scheme() and not url.path() and url.fragment():
            self.scroll_to_heading(url.fragment())

    def scroll_to_heading(self, anchor: str) -> bool:
        """Show the heading whose anchor is ``anchor``; False when there is none."""
        block = self.document.begin()
        while block.isValid():
            if block.blockFormat().headingLevel() and slug(block.text()) == anchor:
                cursor = QTextCursor(block)
                self.browser.setTextCursor(cursor)
                self.browser.ensureCursorVisible()
                return True
            block = block.next()
        return False
