"""A fake service with change logs, and a pane over it, shown and sized like the window's."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtGui import QTextCursor
from pytestqt.qtbot import QtBot

from catalog.domain.records import ChangeEntry, RelationType, RelationView
from catalog.ui.detail_pane.document import RecordView
from catalog.ui.detail_pane.widget import DetailPane
from catalog.ui.jobs.runner import ImmediateJobRunner
from tests.ui.fakes import FakeCatalogService, full_detail, make_detail


@dataclass
class LoggingService(FakeCatalogService):
    """The fake catalogue, plus each record's change log (newest first)."""

    change_logs: dict[int, list[ChangeEntry]] = field(default_factory=dict)

    def history(self, record_id: int) -> list[ChangeEntry]:
        self._called("history", record_id)
        return list(self.change_logs.get(record_id, []))


def at(day: int, hour: int = 12) -> datetime:
    return datetime(2024, 5, day, hour, 0, tzinfo=UTC)


def sample_service() -> LoggingService:
    """Record 42 (every field) replies to 43; 44 and 45 are plain records."""
    detail = full_detail()
    service = LoggingService(
        {
            detail.id: detail,
            43: make_detail(
                43,
                "Letter from the Korean side",
                "1959",
                "Letter",
                relations=(
                    RelationView(9, RelationType.REPLY_TO, False, 42, "uid-42", detail.title),
                ),
            ),
            44: make_detail(44, "Memorandum on Soviet Koreans", "1956", "Memorandum"),
            45: make_detail(45, "Journal of Ambassador Puzanov", "1957", "Journal"),
        }
    )
    service.change_logs[42] = [
        ChangeEntry(at(3), "mk", "edited", "title", "Cable", detail.title),
        ChangeEntry(at(1), "import", "created"),
    ]
    return service


PaneFactory = Callable[..., DetailPane]


@pytest.fixture
def service() -> LoggingService:
    return sample_service()


@pytest.fixture
def make_pane(qtbot: QtBot) -> PaneFactory:
    """Builds a shown pane; ``bugs`` collects unexpected errors."""

    def make(
        service: LoggingService,
        bugs: list[BaseException] | None = None,
        attachment_folder: Path | None = None,
    ) -> DetailPane:
        found = bugs if bugs is not None else []
        pane = DetailPane(
            service, ImmediateJobRunner(), found.append, attachment_folder=attachment_folder
        )
        qtbot.addWidget(pane)
        pane.resize(420, 900)
        pane.show()
        return pane

    return make


def link_point(view: RecordView, text: str) -> QPoint:
    """A point in the viewport over the first link whose text is ``text``."""
    position = view.anchor_position(text)
    assert position is not None, f"no link {text!r}"
    cursor = QTextCursor(view.document())
    cursor.setPosition(position + 1)
    view.setTextCursor(cursor)
    view.ensureCursorVisible()
    rect = view.cursorRect(cursor)
    return QPoint(rect.left(), rect.center().y())
