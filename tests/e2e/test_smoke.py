"""The window over the real CatalogService and the threaded JobRunner, driven by a user.

Welcome page → Load sample records → 15 rows → type a query → click a facet → select a
row → see it in the detail pane → a malformed query is explained and changes nothing.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from catalog.domain.views import FacetName
from catalog.services.catalog import CatalogService
from catalog.ui.filter_sidebar.model import CLAUSE_ROLE
from catalog.ui.jobs.runner import JobRunner
from catalog.ui.shell.main_window import MainWindow

TIMEOUT = 10_000


@pytest.fixture
def real_service(tmp_path: Path) -> Iterator[CatalogService]:
    service = CatalogService.open(tmp_path / "smoke.sqlite", user="tester")
    yield service
    service.close()


@pytest.fixture
def window(qtbot: QtBot, real_service: CatalogService) -> Iterator[MainWindow]:
    runner = JobRunner()
    main = MainWindow(real_service, runner)
    qtbot.addWidget(main)
    with qtbot.waitActive(main):
        main.show()
        main.activateWindow()
    yield main
    main.close()  # cancels and waits for the workers before the catalogue closes
    runner.shutdown()


def message_boxes() -> list[QMessageBox]:
    return [
        w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()
    ]


def cable_count(window: MainWindow) -> int | None:
    index = window.sidebar.facets.find_value("Cable")
    if not index.isValid():
        return None
    return int(index.siblingAtColumn(1).data().replace(",", ""))


def test_smoke(qtbot: QtBot, window: MainWindow, real_service: CatalogService) -> None:
    assert window.windowTitle() == "Catalog — smoke.sqlite"
    qtbot.waitUntil(lambda: window.centre.currentWidget() is window.welcome, timeout=TIMEOUT)

    # Load the sample: a job with progress; the list replaces the welcome page.
    button = window.welcome.findChild(QPushButton, "loadSampleButton")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.record_list.records.rowCount() == 15, timeout=TIMEOUT)
    assert window.centre.currentWidget() is window.list_pane
    qtbot.waitUntil(lambda: window.status_line == "15 records", timeout=TIMEOUT)

    # Search as you type.
    expected = real_service.search("citizenship").total
    assert 0 < expected < 15
    qtbot.keyClicks(window.sidebar.search_box.edit, "citizenship")
    qtbot.waitUntil(
        lambda: window.status_line == f"{expected} of 15 records · citizenship", timeout=TIMEOUT
    )
    assert window.record_list.records.rowCount() == expected

    # The facets follow the query; clicking one adds its clause.
    (types,) = real_service.facets("citizenship", [FacetName.TYPE])
    cables = next(v.count for v in types.values if v.label == "Cable")
    qtbot.waitUntil(lambda: cable_count(window) == cables, timeout=TIMEOUT)
    index = window.sidebar.facets.find_value("Cable")
    assert index.data(CLAUSE_ROLE) == "type:Cable"
    tree = window.sidebar.tree
    tree.scrollTo(index)
    qtbot.mouseClick(
        tree.viewport(), Qt.MouseButton.LeftButton, pos=tree.visualRect(index).center()
    )
    assert "type:Cable" in window.sidebar.query
    narrowed = real_service.search(window.sidebar.query)
    qtbot.waitUntil(
        lambda: window.status_line.startswith(f"{narrowed.total} of 15 records"), timeout=TIMEOUT
    )
    assert window.record_list.records.ids == list(narrowed.ids)

    # Select a row: the detail pane shows that record.
    view = window.record_list
    qtbot.mouseClick(
        view.viewport(),
        Qt.MouseButton.LeftButton,
        pos=view.visualRect(view.records.index(0, 1)).center(),
    )
    detail = real_service.detail(narrowed.ids[0])
    qtbot.waitUntil(lambda: window.detail.field_text("title") == detail.title, timeout=TIMEOUT)
    assert window.detail.field_text("date").startswith(detail.date.text)
    assert "1 selected" in window.status_line

    # A malformed query is explained under the box; the list stays as it was.
    before = window.record_list.records.ids
    for bad in (" date:1959-13", " person:"):
        window.sidebar.search_box.edit.setFocus()
        window.sidebar.search_box.edit.end(False)
        qtbot.keyClicks(window.sidebar.search_box.edit, bad)
        qtbot.keyClick(window.sidebar.search_box.edit, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: window.sidebar.search_box.error_text != "", timeout=TIMEOUT)
        assert window.sidebar.search_box.error_text.startswith("At position ")
        assert window.record_list.records.ids == before
        qtbot.keyClick(window.sidebar.search_box.edit, Qt.Key.Key_Escape)
        qtbot.waitUntil(lambda: window.record_list.records.rowCount() == 15, timeout=TIMEOUT)
        assert window.sidebar.search_box.error_text == ""
        qtbot.keyClicks(window.sidebar.search_box.edit, "citizenship type:Cable")
        qtbot.keyClick(window.sidebar.search_box.edit, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: window.record_list.records.ids == before, timeout=TIMEOUT)

    assert message_boxes() == []
