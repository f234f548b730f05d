"""Marking text for translation where no ``self.tr`` is at hand.

Inside a QObject's methods, write ``self.tr("Text")``. Outside one, write
``QCoreApplication.translate("Context", "Text")``. A table of labels built at import
time, before any translator is installed, marks each label with
:func:`QT_TRANSLATE_NOOP` (so ``make translations`` extracts it) and translates it
where it is shown, with ``QCoreApplication.translate`` and the same context.

PySide6's own ``QT_TRANSLATE_NOOP`` is typed as returning ``object``; this one keeps
the ``str``. ``lupdate`` recognises it by its name.
"""

from __future__ import annotations


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - lupdate finds this name
    """``text`` unchanged, marked for extraction into ``context``."""
    del context
    return text
