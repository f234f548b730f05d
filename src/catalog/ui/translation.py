"""Marking text for translation where no ``self.tr`` is at hand.

Inside a QObject's methods, write ``self.tr("Text")``. Outside one, write
``QCoreApplication.translate("Context", "Text")``. A table of labels built at import
time, before any translator is installed, marks each label with
:func:`QT_TRANSLATE_NOOP` (so ``make translations`` extracts it) and translates it
where it is shown, with ``QCoreApplication.translate`` and the same context.

PySide6's own ``QT_TRANSLATE_NOOP`` is typed as returning ``object``; this one (the
services' own, :mod:`catalog.domain.wording`) keeps the ``str``. ``lupdate`` recognises
it by its name.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from catalog.domain.wording import FORMATS, QT_TRANSLATE_NOOP

__all__ = ["QT_TRANSLATE_NOOP", "format_label"]


def format_label(label: str) -> str:
    """An import or export format's label (marked in the services) in the user's language."""
    return QCoreApplication.translate(FORMATS, label)
