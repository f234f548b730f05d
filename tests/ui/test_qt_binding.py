"""The Qt binding keeps Python's reference counts right (PySide6 6.12.0 on Python 3.11 did
not: every call returning nothing dropped a reference to None until Python aborted)."""

from __future__ import annotations

import sys

from PySide6.QtCore import QRectF
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot


def test_calls_returning_nothing_keep_none_alive(qtbot: QtBot) -> None:
    label = QLabel()
    qtbot.addWidget(label)
    rect = QRectF(1, 1, 5, 5)
    before = sys.getrefcount(None)
    for n in range(2000):
        rect.setWidth(n)
        label.setText(str(n))
    # A little slack for whatever the interpreter itself holds meanwhile.
    assert sys.getrefcount(None) >= before - 50
