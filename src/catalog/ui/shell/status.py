"""The status line: how many records are shown, selected, and for which query."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QLabel

from catalog.ui.text import safe_tooltip

SEPARATOR = " · "


class StatusWording(QObject):
    """The status line's counts, their nouns agreeing with the numbers in any language."""

    def records(self, n: int) -> str:
        """For example "15 records"."""
        text = self.tr("{0} record", "", n) if n == 1 else self.tr("{0} records", "", n)
        return text.format(f"{n:,}")

    def shown_of(self, shown: int, total: int) -> str:
        """For example "6 of 15 records"."""
        if total == 1:
            text = self.tr("{0} of {1} record", "", total)
        else:
            text = self.tr("{0} of {1} records", "", total)
        return text.format(f"{shown:,}", f"{total:,}")

    def selected(self, n: int) -> str:
        """For example "1 selected"."""
        return self.tr("{0} selected", "", n).format(f"{n:,}")


def status_text(shown: int, total: int, selected: int, query: str) -> str:
    """For example "6 of 15 records · 1 selected · citizenship"."""
    wording = StatusWording()
    parts = [wording.shown_of(shown, total) if query.strip() else wording.records(total)]
    if selected:
        parts.append(wording.selected(selected))
    if query.strip():
        parts.append(" ".join(query.split()))
    return SEPARATOR.join(parts)


def read_only_label(reason: str) -> QLabel:
    """The status bar's lasting "Read-only", its tooltip saying why (hidden without one)."""
    label = QLabel(QCoreApplication.translate("StatusWording", "Read-only"))
    label.setVisible(bool(reason))
    label.setObjectName("readOnlyLabel")
    label.setToolTip(safe_tooltip(reason))  # the reason names a file: shown literally
    label.setAccessibleDescription(reason)
    return label
