"""Browsing end to end: the real window, service and worker threads on a temporary file.

Search → facet click → timeline drag → open a related record from the detail pane →
Back returns to the first record.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from catalog.domain.records import RelationInput, RelationType
from catalog.services.catalog import CatalogService
from catalog.ui.jobs.runner import JobRunner
from catalog.ui.shell.actions import ActionId
from catalog.ui.shell.main_window import MainWindow
from tests.factories import record
from tests.store.helpers import insert
from tests.ui.detail_pane.conftest import link_point

TIMEOUT = 10_000
LEFT, NONE = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path) -> Iterator[MainWindow]:
    service = CatalogService.open(tmp_path / "browse.sqlite", user="tester")
    service.load_sample()
    insert(
        service.db,
        [
            record(
                "Cover memo on citizenship",
                uid="memo",
                date_text="1957-03-02",
                doc_type="Memorandum",
                relations=(RelationInput(RelationType.RELATED_TO, "letter"),),
            ),
            record(
                "Letter on citizenship of Soviet Koreans",
                uid="letter",
                date_text="1957-02-20",
                doc_type="Letter",
            ),
        ],
    )
    runner = JobRunner()
    main = MainWindow(service, runner)
    qtbot.addWidget(main)
    with qtbot.waitExposed(main):
        main.show()
    yield main
    main.close()
    runner.shutdown()
    service.close()


def shown_query(window: MainWindow) -> str | None:
    """The query whose full answer the window shows."""
    return window.search.last.result.query if window.search.last else None


def test_search_facet_timeline_relation_and_back(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.waitUntil(lambda: window.record_list.records.rowCount() == 17, timeout=TIMEOUT)

    # Words, typed.
    qtbot.keyClicks(window.sidebar.search_box.edit, "citizenship")
    qtbot.waitUntil(lambda: shown_query(window) == "citizenship", timeout=TIMEOUT)
    with_words = window.record_list.records.rowCount()
    assert with_words > 2

    # A facet click adds its clause and narrows the list.
    qtbot.waitUntil(
        lambda: window.sidebar.facets.find_value("Memorandum").isValid(), timeout=TIMEOUT
    )
    index = window.sidebar.facets.find_value("Memorandum")
    window.sidebar.tree.scrollTo(index)
    rect = window.sidebar.tree.visualRect(index)
    qtbot.mouseClick(window.sidebar.tree.viewport(), LEFT, NONE, rect.center())
    qtbot.waitUntil(lambda: "type:Memorandum" in window.search.query, timeout=TIMEOUT)
    qtbot.waitUntil(lambda: 0 < window.record_list.records.rowCount() < with_words, timeout=TIMEOUT)

    # Dragging across the timeline adds a date range.
    chart = window.timeline.chart
    qtbot.waitUntil(lambda: bool(window.timeline.state.bins), timeout=TIMEOUT)
    bins = window.timeline.state.bins
    start = chart.bar_rect(0).center().toPoint()
    end = chart.bar_rect(len(bins) - 1).center().toPoint()
    QTest.mousePress(chart, LEFT, NONE, start)
    QTest.mouseMove(chart, QPoint((start.x() + end.x()) // 2, start.y()))
    QTest.mouseMove(chart, end)
    QTest.mouseRelease(chart, LEFT, NONE, end)
    qtbot.waitUntil(lambda: "date:" in (shown_query(window) or ""), timeout=TIMEOUT)
    assert window.record_list.records.rowCount() > 0

    # The cover memo is in the list; its relation opens the letter; Back returns.
    window.sidebar.set_query('"cover memo on citizenship"')
    qtbot.waitUntil(lambda: shown_query(window) == '"cover memo on citizenship"', timeout=TIMEOUT)
    assert window.record_list.records.rowCount() == 1
    window.record_list.selectRow(0)
    qtbot.waitUntil(
        lambda: window.detail.shown is not None and window.detail.shown.detail.uid == "memo",
        timeout=TIMEOUT,
    )
    point = link_point(window.detail.view, "Letter on citizenship of Soviet Koreans")
    qtbot.mouseClick(window.detail.view.viewport(), LEFT, NONE, point)
    qtbot.waitUntil(
        lambda: window.detail.shown is not None and window.detail.shown.detail.uid == "letter",
        timeout=TIMEOUT,
    )
    assert window.window_actions[ActionId.BACK].isEnabled()
    window.window_actions[ActionId.BACK].trigger()
    qtbot.waitUntil(
        lambda: window.detail.shown is not None and window.detail.shown.detail.uid == "memo",
        timeout=TIMEOUT,
    )
