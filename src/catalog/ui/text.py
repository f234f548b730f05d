"""Showing untrusted text safely: record values are never interpreted as markup.

Labels are set to plain text where they are made. Tooltips cannot be: Qt guesses
whether a tooltip is rich text, so a title such as ``<img src="file:...">`` would be
rendered. :func:`safe_tooltip` escapes the text and marks it as (inert) rich text.
Documents that lay out markup refuse resources with :func:`refused_resource`.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QTextDocument


def safe_tooltip(text: str) -> str:
    """A tooltip that shows ``text`` literally, line breaks kept; "" stays "" (no tooltip)."""
    if not text:
        return ""
    escaped = html.escape(text, quote=False).replace("\n", "<br>")
    return f"<qt>{escaped}</qt>"


def refused_resource(kind: int) -> QImage | None:
    """What a document's ``loadResource`` returns to refuse a resource of ``kind``.

    None refuses a style sheet or anything else, but not an image: given no image, Qt's
    image handler opens the name as a file itself. A blank image is an answer it keeps.
    """
    if kind != QTextDocument.ResourceType.ImageResource:
        return None
    image = QImage(1, 1, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    return image
