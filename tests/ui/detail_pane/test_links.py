"""Links in the detail pane: names and values filter, relations open records, files open."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from pytestqt.qtbot import QtBot

from catalog.domain.query import parse_query
from catalog.domain.records import Attachment
from catalog.ui.detail_pane.widget import DetailPane
from tests.ui.detail_pane.conftest import LoggingService, PaneFactory, link_point
from tests.ui.fakes import make_detail


def click_link(qtbot: QtBot, pane: DetailPane, text: str) -> None:
    qtbot.mouseClick(
        pane.view.viewport(), Qt.MouseButton.LeftButton, pos=link_point(pane.view, text)
    )


@pytest.mark.parametrize(
    ("text", "clause"),
    [
        ("Kim Il Sung", 'person:"Kim Il Sung"'),
        ("Chinese Embassy in North Korea", 'organisation:"Chinese Embassy in North Korea"'),
        ("Pyongyang", "place:Pyongyang"),
        ("Citizenship", "subject:Citizenship"),
        ("PRC FMA", 'archive:"PRC FMA"'),
        ("Cable", "type:Cable"),
        ("Chinese Koreans", 'collection:"Chinese Koreans"'),
        ("veterans", "tag:veterans"),
        ("Korean", "language:Korean"),
    ],
)
def test_clicking_a_value_asks_for_a_filter(
    qtbot: QtBot, make_pane: PaneFactory, service: LoggingService, text: str, clause: str
) -> None:
    pane = make_pane(service)
    pane.show_ids([42])
    with qtbot.waitSignal(pane.filter_requested, timeout=1000) as asked:
        click_link(qtbot, pane, text)
    assert asked.args == [clause]
    parse_query(clause)  # a clause the search box reads back


def test_a_name_with_quotes_makes_a_clause_that_reads_back(
    qtbot: QtBot, make_pane: PaneFactory, service: LoggingService
) -> None:
    service.records[7] = make_detail(7, "Odd", tags=('say "hi" (now)',))
    pane = make_pane(service)
    pane.show_ids([7])
    with qtbot.waitSignal(pane.filter_requested, timeout=1000) as asked:
        pane.view.anchorClicked.emit(QUrl("link:0"))
    assert asked.args == ['tag:"say \\"hi\\" (now)"']
    parse_query(asked.args[0])


def test_an_unknown_or_foreign_link_does_nothing(
    qtbot: QtBot, make_pane: PaneFactory, service: LoggingService
) -> None:
    pane = make_pane(service)
    pane.show_ids([42])
    with (
        qtbot.assertNotEmitted(pane.filter_requested),
        qtbot.assertNotEmitted(pane.record_requested),
    ):
        for url in ("link:999", "link:x", "file:///etc/passwd", "https://example.org/"):
            pane.view.anchorClicked.emit(QUrl(url))
    assert pane.shown_id == 42


def test_relations_open_the_other_record_from_both_ends(
    qtbot: QtBot, make_pane: PaneFactory, service: LoggingService
) -> None:
    pane = make_pane(service)
    pane.show_ids([42])
    with (
        qtbot.waitSignal(pane.record_requested, timeout=1000) as requested,
        qtbot.waitSignal(pane.record_shown, timeout=1000) as shown,
    ):
        click_link(qtbot, pane, "Letter from the Korean side")
    assert requested.args == [43] and shown.args == [43]
    assert pane.shown_id == 43
    assert pane.field_text("relations") == f"answered by: {service.records[42].title}"
    with qtbot.waitSignal(pane.record_shown, timeout=1000) as shown:
        click_link(qtbot, pane, service.records[42].title)
    assert shown.args == [42]


def test_an_attachment_opens_with_the_system_viewer(
    qtbot: QtBot,
    make_pane: PaneFactory,
    service: LoggingService,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    (tmp_path / "scans").mkdir()
    (tmp_path / "scans" / "106-00217-01.pdf").write_bytes(b"%PDF-1.4")
    pane = make_pane(service, attachment_folder=tmp_path)
    pane.show_ids([42])
    assert pane.field_text("attachments") == "scans/106-00217-01.pdf (scan, zh)"
    click_link(qtbot, pane, "scans/106-00217-01.pdf")
    assert opened == [QUrl.fromLocalFile(str(tmp_path / "scans" / "106-00217-01.pdf"))]


def test_a_missing_or_unopenable_attachment_is_reported(
    qtbot: QtBot,
    make_pane: PaneFactory,
    service: LoggingService,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: False)
    present = tmp_path / "transcript.txt"
    present.write_text("text")
    service.records[7] = make_detail(
        7,
        "With files",
        attachments=(
            Attachment(1, "gone.pdf", "", "", ""),
            Attachment(2, "transcript.txt", "transcript", "", ""),
        ),
    )
    pane = make_pane(service, attachment_folder=tmp_path)
    pane.show_ids([7])
    with qtbot.waitSignal(pane.status_message, timeout=1000) as said:
        click_link(qtbot, pane, "gone.pdf")
    assert said.args == [f"The attachment gone.pdf is not at {tmp_path / 'gone.pdf'}."]
    with qtbot.waitSignal(pane.status_message, timeout=1000) as said:
        click_link(qtbot, pane, "transcript.txt")
    assert said.args == ["No application could open transcript.txt."]
    assert present.is_file()


def test_links_can_be_reached_and_activated_from_the_keyboard(
    qtbot: QtBot, make_pane: PaneFactory, service: LoggingService
) -> None:
    pane = make_pane(service)
    pane.show_ids([42])
    with qtbot.waitActive(pane):
        pane.activateWindow()
    pane.view.setFocus()
    qtbot.keyClick(pane.view, Qt.Key.Key_Tab)  # the first link: the record's type
    assert pane.view.textCursor().selectedText() == "Cable"
    with qtbot.waitSignal(pane.filter_requested, timeout=1000) as asked:
        qtbot.keyClick(pane.view, Qt.Key.Key_Return)
    assert asked.args == ["type:Cable"]
