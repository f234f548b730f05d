"""Tools → Sort order: the user picks a language and the list sorts in its order."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from catalog.domain.views import SortKey
from catalog.services.catalog import CatalogService
from catalog.ui.dialogs.sort_language import SortLanguageDialog
from catalog.ui.jobs.runner import JobRunner
from catalog.ui.shell.actions import ActionId
from catalog.ui.shell.switching import CatalogueSwitcher
from tests.ui.shell.switching_helpers import TIMEOUT, catalogue, showing

pytest.importorskip("icu", reason="PyICU is not installed (Linux installs it)")

TITLES = ["Zetterberg report", "Åkesson cable", "Oslo memo", "Ölund letter"]


@pytest.fixture
def switcher(qtbot: QtBot, tmp_path: Path) -> Iterator[CatalogueSwitcher]:
    settings = QSettings(str(tmp_path / "catalog.ini"), QSettings.Format.IniFormat)
    made = CatalogueSwitcher(
        lambda target: CatalogService.open(target, cache_dir=tmp_path / "cache"),
        JobRunner,
        settings,
    )
    yield made
    made.close()


def _choose_in_dialog(label: str) -> None:
    """Pick ``label`` in the modal dialog once it is open, then press Enter (OK)."""

    def pick() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, SortLanguageDialog):
            QTimer.singleShot(20, pick)
            return
        dialog.combo.setCurrentIndex(dialog.combo.findText(label))
        QTest.keyClick(dialog.combo, Qt.Key.Key_Return)

    QTimer.singleShot(0, pick)


def test_choosing_swedish_sorts_the_list_in_swedish_order(
    qtbot: QtBot, switcher: CatalogueSwitcher, tmp_path: Path
) -> None:
    path = tmp_path / "sv.sqlite"
    catalogue(path, *TITLES, cache=tmp_path / "cache")
    assert switcher.start(str(path))
    window = showing(qtbot, switcher.window, TITLES)
    service = window._service
    _choose_in_dialog("svenska")
    window.window_actions[ActionId.SORT_LANGUAGE].trigger()
    qtbot.waitUntil(
        lambda: (
            window.statusBar().currentMessage() == "Titles and names now sort in the new order."
        ),
        timeout=TIMEOUT,
    )
    assert service.sort_language() == "sv"
    ids = service.search("", SortKey.TITLE).ids
    in_order = [row.title for row in service.summaries(list(ids))]
    assert in_order == ["Oslo memo", "Zetterberg report", "Åkesson cable", "Ölund letter"]
    assert not window.operations.busy
