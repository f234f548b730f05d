"""Marking text for translation where no ``self.tr`` is at hand.

Inside a QObject's methods, write ``self.tr("Text")``. Outside one, write
``QCoreApplication.translate("Context", "Text")``. A table of labels built at import
time, before any translator is installed, marks each label with
:func:`QT_TRANSLATE_NOOP` (so ``make translations`` extracts it) and translates it
where it is shown, with ``QCoreApplication.translate`` and the same context.

PySide6's own ``QT_TRANSLATE_NOOP`` is typed as returning ``object``; this one (the
services' own, :mod:`catalog.domain.wording`) keeps the ``str``. ``lupdate`` recognises
it by its name.

The errors the services raise carry their message as a template marked in the "Errors"
context; :func:`error_text` shows one in the interface's language (``str(error)`` is
the English, for the command line and the logs).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from catalog.domain.errors import CatalogError, Notice, QueryError
from catalog.domain.wording import FORMATS, QT_TRANSLATE_NOOP

__all__ = ["QT_TRANSLATE_NOOP", "error_text", "format_label", "notice_text", "query_problem"]


def format_label(label: str) -> str:
    """An import or export format's label (marked in the services) in the user's language."""
    return QCoreApplication.translate(FORMATS, label)


def _translate(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)


def error_text(error: BaseException) -> str:
    """What an error says, in the interface's language when it is a :class:`CatalogError`
    (any other error as it stands)."""
    if isinstance(error, CatalogError):
        return error.text_in(_translate)
    return str(error)


def notice_text(text: str) -> str:
    """A warning in the interface's language when it is a :class:`Notice` (any other text
    as it stands)."""
    return text.text_in(_translate) if isinstance(text, Notice) else text


def query_problem(error: QueryError) -> str:
    """A query error's message in the interface's language, without its position."""
    return error.message_in(_translate)
