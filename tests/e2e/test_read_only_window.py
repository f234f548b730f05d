"""A researcher's view: on a read-only role the window hides or disables every edit."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from catalog.services.catalog import CatalogService
from catalog.ui.jobs.runner import JobRunner
from catalog.ui.shell.actions import SPECS, ActionId
from catalog.ui.shell.main_window import MainWindow
from tests.services.test_read_only import reader_url, shared  # noqa: F401 (fixture)


def test_every_editing_action_is_off_for_a_reader(
    qtbot: QtBot,
    shared: str,  # noqa: F811
    tmp_path: Path,
) -> None:
    service = CatalogService.open(reader_url(shared), user="boris", cache_dir=tmp_path)
    runner = JobRunner()
    window = MainWindow(service, runner)
    qtbot.addWidget(window)
    try:
        with qtbot.waitExposed(window):
            window.show()
        qtbot.waitUntil(lambda: window.record_list.records.rowCount() == 1, timeout=10_000)
        window.record_list.selectRow(0)
        writing = [action_id for action_id, spec in SPECS.items() if spec.writes]
        assert ActionId.EDIT_RECORD in writing and ActionId.NEW_RECORD in writing
        for action_id in writing:
            assert not window.window_actions[action_id].isEnabled(), action_id
        assert not window.window_actions[ActionId.IMPORT].isEnabled()
        assert not window.window_actions[ActionId.LOAD_SAMPLE].isEnabled()
        assert window.window_actions[ActionId.EXPORT].isEnabled()  # reading still works
        assert not window.detail.add_note_action.isVisible()
        label = window.statusBar().findChild(QLabel, "readOnlyLabel")
        assert label is not None and "read-only for you" in label.toolTip()
    finally:
        window.close()
        runner.shutdown()
        service.close()
