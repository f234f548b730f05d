"""Driving the record list as a user does: header and row clicks, what is on screen."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from pytestqt.qtbot import QtBot

from catalog.ui.record_list.widget import RecordList
from tests.ui.fakes import FakeCatalogService


def make_list(qtbot: QtBot, service: FakeCatalogService, show_result: bool = True) -> RecordList:
    view = RecordList(service)
    qtbot.addWidget(view)
    view.resize(800, 400)
    with qtbot.waitExposed(view):
        view.show()
    if show_result:
        view.show_result(service.search("").ids)
    return view


def click_header(qtbot: QtBot, view: RecordList, section: int) -> None:
    header = view.horizontalHeader()
    x = header.sectionViewportPosition(section) + header.sectionSize(section) // 2
    qtbot.mouseClick(
        header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2)
    )


def click_row(
    qtbot: QtBot,
    view: RecordList,
    row: int,
    modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier,
) -> None:
    rect = view.visualRect(view.records.index(row, 1))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, modifier, rect.center())


def visible_rows(view: RecordList) -> range:
    """Rows at least partly on screen."""
    last = view.rowAt(view.viewport().height() - 1)
    return range(view.rowAt(0), (view.records.rowCount() if last < 0 else last + 1))
