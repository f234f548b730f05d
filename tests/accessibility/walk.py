"""Walking a window's widget tree for what a screen reader would say about each control.

A *control* is a widget the user can reach: it takes the keyboard focus (by Tab or by a
click) or it is a progress bar, and it is shown, or would be once its page of a stacked
widget or tab widget is turned to. For each, Qt's accessibility interface must give a
name and a description (what Orca, NVDA or VoiceOver read out): the name comes from the
accessible name, a button's text or the label whose buddy the widget is; the description
from the accessible description or, failing that, the tooltip.

Qt's own parts of a composite widget are left out (see :func:`internal`): the composite
itself is the control a screen reader announces.
"""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QProgressBar,
    QStackedLayout,
    QTabBar,
    QTabWidget,
    QWidget,
)

_NAME = QAccessible.Text.Name
_DESCRIPTION = QAccessible.Text.Description


def ancestors(widget: QWidget, top: QWidget) -> Iterator[QWidget]:
    """The widget's parents, nearest first, up to (not including) ``top``."""
    parent = widget.parentWidget()
    while parent is not None and parent is not top:
        yield parent
        parent = parent.parentWidget()


def can_show(widget: QWidget, top: QWidget) -> bool:
    """Shown, or shown once a stacked or tabbed page is turned to.

    A widget hidden on purpose (a mode's button, a row of another format) is not seen.
    A page of a QStackedWidget or QTabWidget is hidden only until it is the current one.
    """
    for each in (widget, *ancestors(widget, top)):
        if not each.isHidden():
            continue
        parent = each.parentWidget()
        if parent is None or not isinstance(parent.layout(), QStackedLayout):
            return False
    return True


def internal(widget: QWidget, top: QWidget) -> str:
    """Why a widget is Qt's own part of a composite (empty when it is a control itself).

    - Qt names its internal parts ``qt_…`` (a spin box's line edit, a scroll area's
      viewport and scroll bars, a tab widget's tab bar, a calendar's navigation bar and
      grid, a message box's labels).
    - A focus proxy and the widget it stands for are one control to the user: the focus
      goes to one when the other is focused (an editable combo box's line edit, a tab
      widget's tab bar); the outer widget is checked.
    - A tab bar's scroll arrows and close buttons belong to its tabs.
    """
    if widget.objectName().startswith("qt_"):
        return "Qt's internal part"
    outer = list(ancestors(widget, top))
    proxy = widget.focusProxy()
    if proxy is not None and proxy in outer:
        return "focus proxy of its parent"
    if any(each.focusProxy() is widget for each in outer):
        return "focus proxy target of its parent"
    if isinstance(widget, QAbstractButton) and isinstance(widget.parentWidget(), QTabBar):
        return "a tab bar's own button"
    return ""


def is_control(widget: QWidget) -> bool:
    """Takes the focus by Tab or by a click, or is a progress bar."""
    return widget.focusPolicy() != Qt.FocusPolicy.NoFocus or isinstance(widget, QProgressBar)


def controls(top: QWidget) -> list[QWidget]:
    """Every control of the window ``top`` (not those of windows it owns, such as dialogs)."""
    return [
        widget
        for widget in top.findChildren(QWidget)
        if widget.window() is top
        and is_control(widget)
        and can_show(widget, top)
        and not internal(widget, top)
    ]


def missing(widget: QWidget) -> list[str]:
    """What a screen reader would not get for a control: "name", "description"."""
    face = QAccessible.queryAccessibleInterface(widget)
    if face is None or not face.isValid():
        return ["accessible interface"]
    gaps = []
    if not face.text(_NAME).strip():
        gaps.append("name")
    elif (
        isinstance(widget, QComboBox)
        and not widget.accessibleName().strip()
        and not face.relations(QAccessible.RelationFlag.Label)
    ):
        # On Linux a combo box's Name is its current value; the name proper is its
        # accessible name or the label it is the buddy of (a "labelled by" relation).
        gaps.append("name (only its current value)")
    bar = widget.tabBar() if isinstance(widget, QTabWidget) else widget
    if isinstance(widget, QTabBar):
        # Qt gives a bare tab bar no description of its own (accessibleDescription is not
        # read): a screen reader describes the focused tab, from the tab's tooltip.
        gaps += [
            f"description of tab {t}"
            for t in range(widget.count())
            if not face.child(t).text(_DESCRIPTION).strip()
        ]
    elif not face.text(_DESCRIPTION).strip():
        gaps.append("description")
    if isinstance(bar, QTabBar):  # each tab is named by its text
        gaps += [f"text of tab {t}" for t in range(bar.count()) if not _plain(bar.tabText(t))]
    return gaps


def _plain(text: str) -> str:
    return text.replace("&", "").strip()


def path(widget: QWidget, top: QWidget) -> str:
    """``top/…/widget``: each level's object name, else its class."""
    chain = [widget, *ancestors(widget, top), top]
    return "/".join(each.objectName() or type(each).__name__ for each in reversed(chain))


def source(widget: QWidget, top: QWidget) -> str:
    """The Catalog module that built the widget's nearest Catalog-made ancestor."""
    for each in (widget, *ancestors(widget, top), top):
        module = type(each).__module__
        if module.startswith("catalog."):
            return module
    return "?"


def unnamed(top: QWidget, label: str = "") -> list[str]:
    """``label > path (Class): no name, description`` for each control lacking either."""
    label = label or top.objectName() or type(top).__name__
    found = []
    for widget in controls(top):
        gaps = missing(widget)
        if gaps:
            found.append(
                f"{label} > {path(widget, top)} ({type(widget).__name__}, "
                f"{source(widget, top)}): no {', '.join(gaps)}"
            )
    return found
