"""The detail pane to a screen reader, a keyboard and in another language."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

import pytest
from PySide6.QtCore import QCoreApplication, Qt, QTranslator
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from catalog.domain.records import RelationType, RelationView
from catalog.ui.detail_pane.document import link_tooltip
from catalog.ui.detail_pane.fields import FilterLink, NoteLink, record_fields
from tests.ui.detail_pane.conftest import LoggingService, PaneFactory
from tests.ui.fakes import full_detail


class Marking(QTranslator):
    """Translates every text into itself between ‹ and ›, so untranslated words show."""

    def translate(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str:
        return f"‹{source}›"

    def isEmpty(self) -> bool:
        return False


@pytest.fixture
def marking() -> Iterator[None]:
    translator = Marking()
    app = QCoreApplication.instance()
    assert app is not None
    app.installTranslator(translator)
    yield
    app.removeTranslator(translator)


def _unnamed(top: QWidget) -> list[str]:
    """Each focusable control of ``top`` (Qt's own parts aside) without a name or description."""
    found = []
    for widget in top.findChildren(QWidget):
        if widget.focusPolicy() == Qt.FocusPolicy.NoFocus or widget.objectName().startswith("qt_"):
            continue
        face = QAccessible.queryAccessibleInterface(widget)
        for text, what in (
            (QAccessible.Text.Name, "name"),
            (QAccessible.Text.Description, "description"),
        ):
            if not face.text(text).strip():
                found.append(f"{widget.objectName() or type(widget).__name__}: no {what}")
    return found


def test_every_control_has_a_name_and_a_description(
    make_pane: PaneFactory, service: LoggingService
) -> None:
    pane = make_pane(service)
    assert _unnamed(pane) == []
    pane.show_ids([42])
    assert _unnamed(pane) == []


def test_links_are_reached_by_tab_and_followed_by_enter(
    qtbot: QtBot, make_pane: PaneFactory, service: LoggingService
) -> None:
    pane = make_pane(service)
    pane.show_ids([42])
    pane.view.setFocus()
    qtbot.waitUntil(pane.view.hasFocus)
    asked: list[str] = []
    pane.filter_requested.connect(asked.append)
    qtbot.keyClick(pane.view, Qt.Key.Key_Tab)
    assert pane.view.textCursor().selectedText() == "Cable"
    qtbot.keyClick(pane.view, Qt.Key.Key_Return)
    assert asked == ["type:Cable"]


def test_fixed_words_go_through_the_translator(
    make_pane: PaneFactory, service: LoggingService, marking: None
) -> None:
    detail = replace(
        full_detail(),
        relations=(RelationView(1, RelationType.REPLY_TO, False, 7, "", ""),),
    )
    fields = {f.key: f for f in record_fields(detail, editable=True)}
    assert fields["date"].label == "‹Date›"
    assert fields["annotations"].label == "‹Notes (1)›"
    assert fields["people"].text == "Kim Il Sung (‹mentioned›); ‹also 김일성›"
    assert fields["relations"].text == "‹answered by›: ‹record 7›"
    assert fields["annotations"].text.startswith("‹Add note…›\n")
    assert "‹Version 3›" in fields["record"].text.split("\n")
    assert link_tooltip(NoteLink("add")) == "‹Add a note to this record›"
    assert link_tooltip(FilterLink("tag:x")) == "<qt>‹Show the records matching tag:x›</qt>"
    pane = make_pane(service)
    assert pane.message().startswith("‹Select a record")
    assert pane.back_action.text() == "‹Back›"
    pane.show_ids([42, 43])
    assert pane.message() == "‹2 records selected.›"
