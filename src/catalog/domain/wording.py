"""Marking fixed English words for the interface's translation, without Qt.

The services name things a person reads in the window (an export format's label, for
one). They stay plain Python, so they cannot translate; they mark each such constant
with :func:`QT_TRANSLATE_NOOP` and a context, ``make translations`` extracts it (lupdate
finds the call by its name), and the window shows it with
``QCoreApplication.translate(context, value)``. The command line prints the English.
"""

from __future__ import annotations

FORMATS = "Formats"
"""The context of the import and export formats' labels (written out as a literal in each
mark: lupdate reads only literals)."""

ERRORS = "Errors"
"""The context of the messages of the errors a user meets (:mod:`catalog.domain.errors`:
each template marked as ``QT_TRANSLATE_NOOP("Errors", "...")``, the context written out
as a literal in each mark: lupdate reads only literals)."""


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - lupdate finds this name
    """``text`` unchanged, marked for extraction into ``context``."""
    del context
    return text
