"""The status line: how many records are shown, selected, and for which query."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

from catalog.ui.text import safe_tooltip

SEPARATOR = " · "


def _records(n: int) -> str:
    return f"{n:,} record" + ("" if n == 1 else "s")


def status_text(shown: int, total: int, selected: int, query: str) -> str:
    """For example "6 of 15 records · 1 selected · citizenship"."""
    parts = [f"{shown:,} of {_records(total)}" if query.strip() else _records(total)]
    if selected:
        parts.append(f"{selected:,} selected")
    if query.strip():
        parts.append(" ".join(query.split()))
    return SEPARATOR.join(parts)


def read_only_label(reason: str) -> QLabel:
    """The status bar's lasting "Read-only", its tooltip saying why (hidden without one)."""
    label = QLabel("Read-only")
    label.setVisible(bool(reason))
    label.setObjectName("readOnlyLabel")
    label.setToolTip(safe_tooltip(reason))  # the reason names a file: shown literally
    label.setAccessibleDescription(reason)
    return label
