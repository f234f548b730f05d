"""Showing untrusted text safely: record values are never interpreted as markup.

Labels are set to plain text where they are made. Tooltips cannot be: Qt guesses
whether a tooltip is rich text, so a title such as ``<img src="file:...">`` would be
rendered. :func:`safe_tooltip` escapes the text and marks it as (inert) rich text.
"""

from __future__ import annotations

import html


def safe_tooltip(text: str) -> str:
    """A tooltip that shows ``text`` literally, line breaks kept; "" stays "" (no tooltip)."""
    if not text:
        return ""
    escaped = html.escape(text, quote=False).replace("\n", "<br>")
    return f"<qt>{escaped}</qt>"
