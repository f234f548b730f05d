"""The welcome page of an empty catalogue: what Catalog is, its three panes, where it lives."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton
from pytestqt.qtbot import QtBot

from catalog.ui.shell.welcome import GUIDE, PANES, WelcomePage
from tests.ui.conftest import WindowFactory
from tests.ui.fakes import FakeCatalogService


def label(page: WelcomePage, name: str) -> QLabel:
    found = page.findChild(QLabel, name)
    assert found is not None, name
    return found


def test_the_three_panes_each_in_a_sentence(qtbot: QtBot) -> None:
    page = WelcomePage("/home/archivist/catalog.sqlite")
    qtbot.addWidget(page)
    panes = label(page, "welcomePanes").text()
    assert len(PANES) == 3
    for sentence, side in zip(PANES, ("On the left", "In the middle", "On the right"), strict=True):
        assert sentence.startswith(side) and sentence in panes
    assert label(page, "welcomeGuide").text() == GUIDE
    assert "User guide" in GUIDE and "F1" in GUIDE
    for name in ("welcomeHeading", "welcomeAbout", "welcomePanes", "welcomeLocation"):
        assert label(page, name).textFormat() == Qt.TextFormat.PlainText


def test_where_the_catalogue_lives(qtbot: QtBot) -> None:
    page = WelcomePage("/home/archivist/<b>my</b> catalog.sqlite")
    qtbot.addWidget(page)
    where = label(page, "welcomeLocation")
    assert where.text() == "Your catalogue is stored in /home/archivist/<b>my</b> catalog.sqlite"


def test_load_sample_and_import_buttons(qtbot: QtBot) -> None:
    page = WelcomePage("/x.sqlite")
    qtbot.addWidget(page)
    load = page.findChild(QPushButton, "loadSampleButton")
    importing = page.findChild(QPushButton, "importButton")
    assert load is not None and importing is not None
    with qtbot.waitSignal(page.load_sample_requested):
        qtbot.mouseClick(load, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(page.import_requested):
        qtbot.mouseClick(importing, Qt.MouseButton.LeftButton)
    page.set_busy(True)
    assert not load.isEnabled() and not importing.isEnabled()


def test_the_window_shows_it_for_an_empty_catalogue(
    make_window: WindowFactory, empty_service: FakeCatalogService
) -> None:
    window = make_window(empty_service)
    assert window.centre.currentWidget() is window.welcome
    assert PANES[0] in label(window.welcome, "welcomePanes").text()
