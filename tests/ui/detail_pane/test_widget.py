"""The detail pane shows the selected record as plain text, with its change log and citation."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QPoint, Qt, QUrl
from PySide6.QtGui import QGuiApplication, QTextDocument
from PySide6.QtWidgets import QLabel, QToolButton
from pytestqt.qtbot import QtBot

from catalog.domain.changes import ChangeSet
from catalog.domain.citation import archive_citation
from catalog.ui.detail_pane.widget import CITATION_COPIED, NOTHING_SELECTED, DetailPane
from tests.ui.detail_pane.conftest import LoggingService, PaneFactory, link_point
from tests.ui.fakes import ManualRunner, make_detail

MARKUP_TITLE = '<b>Bold</b> <img src="file:///etc/passwd"> 전보 电报'


def test_one_selected_record_is_shown_with_every_field(
    make_pane: PaneFactory, service: LoggingService
) -> None:
    detail = service.records[42]
    pane = make_pane(service)
    assert pane.message() == NOTHING_SELECTED
    assert not pane.copy_citation_action.isEnabled()
    pane.show_ids([42])
    assert pane.shown_id == 42 and pane.message() == ""
    assert pane.field_text("title") == detail.title
    assert pane.field_text("date") == "October, 1959\n1959-10 (1959-10-01 to 1959-10-31)"
    assert pane.field_text("tags") == "citizenship, veterans"
    assert pane.field_text("people") == "Kim Il Sung (mentioned); also 김일성"
    assert pane.field_text("source_ref") == "106-00217-01"
    assert pane.field_text("relations") == "reply to: Letter from the Korean side"
    assert pane.field_text("annotations").endswith("Check the Korean original.")
    assert pane.field_text("nonsense") == ""
    plain = pane.view.toPlainText()
    for label in ("Date", "Archive", "Summary", "Notes (1)", "Related", "History (2)"):
        assert label in plain


def test_the_change_log_is_shown_newest_first(
    make_pane: PaneFactory, service: LoggingService
) -> None:
    pane = make_pane(service)
    pane.show_ids([42])
    lines = pane.field_text("history").split("\n")
    assert len(lines) == 2
    assert lines[0].endswith(f"· mk · edited title: “Cable” → “{service.records[42].title}”")
    assert lines[1].endswith("· import · created")
    assert service.called("history") == [42]
    pane.show_ids([43])
    assert pane.field_text("history") == "—"


def test_record_text_is_never_rendered_as_markup(
    make_pane: PaneFactory, service: LoggingService
) -> None:
    service.records[7] = make_detail(
        7, MARKUP_TITLE, summary="<i>attempt</i> <a href='x'>link</a>", tags=("<b>tag</b>",)
    )
    pane = make_pane(service)
    pane.show_ids([7])
    assert pane.field_text("title") == MARKUP_TITLE
    assert pane.field_text("summary") == "<i>attempt</i> <a href='x'>link</a>"
    assert pane.field_text("tags") == "<b>tag</b>"
    document = pane.view.document()
    block = document.begin()
    while block.isValid():
        iterator = block.begin()
        while not iterator.atEnd():
            fragment = iterator.fragment()
            assert not fragment.charFormat().isImageFormat()
            href = fragment.charFormat().anchorHref()
            assert href == "" or href.startswith("link:")  # no record text in any URL
            iterator += 1
        block = block.next()
    assert "&lt;img src=&quot;file:///etc/passwd&quot;&gt;" in document.toHtml()
    image = QTextDocument.ResourceType.ImageResource.value
    assert pane.view.loadResource(image, QUrl("file:///etc/passwd")) is None


def test_copy_citation_puts_the_citation_on_the_clipboard(
    qtbot: QtBot, make_pane: PaneFactory, service: LoggingService
) -> None:
    pane = make_pane(service)
    pane.show_ids([42])
    QGuiApplication.clipboard().setText("something else")
    button = pane.findChild(QToolButton, "detailCopyCitation")
    assert button is not None and button.isEnabled()
    with qtbot.waitSignal(pane.status_message) as said:
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert said.args == [CITATION_COPIED]
    expected = archive_citation(service.records[42])
    assert QGuiApplication.clipboard().text() == expected
    assert expected.startswith('"<b>Cable</b>')


def test_copy_citation_is_in_the_context_menu(
    make_pane: PaneFactory, service: LoggingService
) -> None:
    pane = make_pane(service)
    pane.show_ids([43])
    QGuiApplication.clipboard().setText("")
    menu = pane.view.context_menu(QPoint(5, 5))
    texts = [action.text() for action in menu.actions()]
    assert texts[0] == "Copy citation"
    assert any("Copy" in text for text in texts[1:])  # the standard actions stay
    on_link = pane.view.context_menu(link_point(pane.view, service.records[42].title))
    assert "Copy &Link Location" not in [action.text() for action in on_link.actions()]
    on_link.deleteLater()
    menu.actions()[0].trigger()
    assert QGuiApplication.clipboard().text() == archive_citation(service.records[43])
    menu.deleteLater()


def test_every_control_has_an_accessible_name_and_description(
    make_pane: PaneFactory, service: LoggingService
) -> None:
    pane = make_pane(service)
    buttons = pane.findChildren(QToolButton)
    assert {b.objectName() for b in buttons} >= {
        "detailBack",
        "detailForward",
        "detailCopyCitation",
    }
    message = pane.findChild(QLabel, "detailMessage")
    for widget in [*buttons, pane.view, pane, message]:
        assert widget.accessibleName(), widget.objectName()
        assert widget.accessibleDescription(), widget.objectName()


def test_several_selected_records_are_counted(
    make_pane: PaneFactory, service: LoggingService
) -> None:
    pane = make_pane(service)
    pane.show_ids([42])
    pane.show_ids([42, 43, 44])
    assert pane.message() == "3 records selected."
    assert pane.shown_id is None and pane.field_text("title") == ""
    assert not pane.copy_citation_action.isEnabled()
    pane.show_ids([])
    assert pane.message() == NOTHING_SELECTED


def test_a_missing_record_is_explained(make_pane: PaneFactory, service: LoggingService) -> None:
    pane = make_pane(service)
    pane.show_ids([999])
    assert pane.message() == "This record is no longer in the catalogue."


def test_an_unexpected_error_is_reported_as_a_bug(
    make_pane: PaneFactory, service: LoggingService
) -> None:
    bugs: list[BaseException] = []
    service.fail["history"] = KeyError("boom")
    pane = make_pane(service, bugs)
    pane.show_ids([42])
    assert pane.message() == "The record could not be shown."
    assert len(bugs) == 1


def test_a_change_to_the_record_on_show_reloads_it(
    make_pane: PaneFactory, service: LoggingService
) -> None:
    pane = make_pane(service)
    pane.show_ids([44])
    service.records[44] = replace(service.records[44], title="A new title")
    pane.on_changes(ChangeSet(updated=frozenset({43})))
    assert pane.field_text("title") != "A new title"
    pane.on_changes(ChangeSet(updated=frozenset({44})))
    assert pane.field_text("title") == "A new title"


def test_the_record_on_show_is_not_read_again_when_selected_again(
    make_pane: PaneFactory, service: LoggingService
) -> None:
    pane = make_pane(service)
    pane.show_ids([42])
    pane.show_ids([42])
    assert service.called("detail") == [42]


def pane_showing_42(qtbot: QtBot, service: LoggingService) -> tuple[DetailPane, ManualRunner]:
    """A pane on record 42 whose later reads wait until the test finishes them."""
    runner = ManualRunner()
    pane = DetailPane(service, runner, lambda error: None)
    qtbot.addWidget(pane)
    pane.show()
    pane.show_ids([42])
    runner.finish_all()
    return pane, runner


def test_a_change_heard_while_the_list_reselects_the_record_is_still_shown(
    qtbot: QtBot, service: LoggingService
) -> None:
    # Another archivist retitles the record on show: the pane reads it again, and the
    # list, refreshed by the same change, selects the record again before that read
    # answers. The fresh read must not be dropped as stale.
    pane, runner = pane_showing_42(qtbot, service)
    service.records[42] = replace(service.records[42], title="Retitled by Anna")
    pane.on_changes(ChangeSet(updated=frozenset({42})))
    pane.show_ids([42])
    runner.finish_all()
    assert pane.field_text("title") == "Retitled by Anna"


def test_a_slower_read_of_another_record_does_not_replace_the_one_selected_again(
    qtbot: QtBot, service: LoggingService
) -> None:
    pane, runner = pane_showing_42(qtbot, service)
    pane.show_ids([44])
    pane.show_ids([42])  # back before 44 was read
    runner.finish_all()
    assert pane.shown_id == 42
    assert pane.field_text("title") == service.records[42].title
