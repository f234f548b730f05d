"""The Qt binding keeps Python's reference counts right (PySide6 6.12.0 on Python 3.11 did
not: every call returning nothing dropped a reference to None until Python aborted)."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, QRectF, Signal
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


def test_signal_emits_keep_true_and_none_alive(qtbot: QtBot) -> None:
    class Emitter(QObject):
        flag = Signal(bool)
        bare = Signal()

    emitter = Emitter()
    emitter.flag.connect(lambda _value: None)
    emitter.bare.connect(lambda: None)
    before = sys.getrefcount(True), sys.getrefcount(None)
    for _ in range(2000):
        emitter.flag.emit(True)
        emitter.bare.emit()
    assert sys.getrefcount(True) >= before[0] - 50
    assert sys.getrefcount(None) >= before[1] - 50
