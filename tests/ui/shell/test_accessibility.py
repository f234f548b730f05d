"""Every control of the main window can be named by a screen reader."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QWidget,
)

from tests.ui.conftest import WindowFactory
from tests.ui.fakes import FakeCatalogService

CONTROLS = (
    QAbstractButton,
    QLineEdit,
    QAbstractItemView,
    QComboBox,
    QAbstractSpinBox,
)


def _name(widget: QWidget) -> str:
    # A button's text is what a screen reader says when no name is set.
    if isinstance(widget, QAbstractButton) and not widget.accessibleName():
        return widget.text().replace("&", "") or widget.toolTip()
    return widget.accessibleName()


def test_every_control_of_the_window_has_a_name(
    make_window: WindowFactory, fake_service: FakeCatalogService
) -> None:
    window = make_window(fake_service)
    unnamed = [
        f"{type(w).__name__} {w.objectName()!r} in {type(w.parent()).__name__}"
        for w in window.findChildren(QWidget)
        if isinstance(w, CONTROLS)
        and not isinstance(w, QAbstractSlider)
        and w.isVisibleTo(window)
        and not _name(w)
    ]
    assert unnamed == []
