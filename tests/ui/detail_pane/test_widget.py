"""The detail pane shows the selected record as plain text."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from catalog.domain.changes import ChangeSet
from catalog.ui.detail_pane.widget import NOTHING_SELECTED, DetailPane
from catalog.ui.jobs.runner import ImmediateJobRunner
from tests.ui.fakes import FakeCatalogService, full_detail, make_detail


def make_pane(
    qtbot: QtBot, service: FakeCatalogService, bugs: list[BaseException] | None = None
) -> DetailPane:
    found = bugs if bugs is not None else []
    pane = DetailPane(service, ImmediateJobRunner(), found.append)
    qtbot.addWidget(pane)
    pane.resize(400, 700)
    pane.show()
    return pane


def message(pane: DetailPane) -> str:
    label = pane.widget().findChild(QLabel, "detailMessage")
    return label.text() if label is not None else ""


def test_one_selected_record_is_shown_with_every_field(qtbot: QtBot) -> None:
    detail = full_detail()
    pane = make_pane(qtbot, FakeCatalogService({detail.id: detail}))
    assert message(pane) == NOTHING_SELECTED
    pane.show_ids([detail.id])
    assert pane.shown_id == detail.id
    assert pane.field_text("title") == detail.title
    assert pane.field_text("date").startswith("October, 1959\n1959-10")
    assert pane.field_text("tags") == "citizenship, veterans"


def test_record_text_is_never_rendered_as_markup(qtbot: QtBot) -> None:
    detail = full_detail()
    pane = make_pane(qtbot, FakeCatalogService({detail.id: detail}))
    pane.show_ids([detail.id])
    labels = pane.widget().findChildren(QLabel)
    assert labels
    assert all(label.textFormat() == Qt.TextFormat.PlainText for label in labels)
    assert "<img src='file:///etc/passwd'>" in pane.field_text("title")


def test_several_selected_records_are_counted(
    qtbot: QtBot, fake_service: FakeCatalogService
) -> None:
    pane = make_pane(qtbot, fake_service)
    pane.show_ids([1, 2, 3])
    assert message(pane) == "3 records selected."
    assert pane.shown_id is None
    pane.show_ids([])
    assert message(pane) == NOTHING_SELECTED


def test_a_missing_record_is_explained(qtbot: QtBot, fake_service: FakeCatalogService) -> None:
    pane = make_pane(qtbot, fake_service)
    pane.show_ids([999])
    assert message(pane) == "This record is no longer in the catalogue."


def test_an_unexpected_error_is_reported_as_a_bug(
    qtbot: QtBot, fake_service: FakeCatalogService
) -> None:
    bugs: list[BaseException] = []
    fake_service.fail["detail"] = KeyError("boom")
    pane = make_pane(qtbot, fake_service, bugs)
    pane.show_ids([1])
    assert message(pane) == "The record could not be shown."
    assert len(bugs) == 1


def test_a_change_to_the_record_on_show_reloads_it(
    qtbot: QtBot, fake_service: FakeCatalogService
) -> None:
    pane = make_pane(qtbot, fake_service)
    pane.show_ids([1])
    fake_service.records[1] = make_detail(1, "A new title", "1955")
    pane.on_changes(ChangeSet(updated=frozenset({2})))
    assert pane.field_text("title") != "A new title"
    pane.on_changes(ChangeSet(updated=frozenset({1})))
    assert pane.field_text("title") == "A new title"
