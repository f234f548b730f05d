"""Screen readers get a name and a description for every control of the record list,
the progress dialog and the user guide."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QProgressBar, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from catalog.ui.help_viewer import GUIDE, UserGuide
from catalog.ui.jobs.progress import JobProgress
from catalog.ui.record_list.widget import RecordList
from tests.ui.fakes import FakeCatalogService


def spoken(widget: QWidget) -> tuple[str, str]:
    """The name and description assistive technology reads for a widget."""
    interface = QAccessible.queryAccessibleInterface(widget)
    assert interface is not None
    return (
        interface.text(QAccessible.Text.Name),
        interface.text(QAccessible.Text.Description),
    )


def test_the_progress_bar_and_cancel_button_are_named(qtbot: QtBot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    progress = JobProgress(parent, "Importing", "Importing…")
    bar = progress.dialog.findChild(QProgressBar)
    button = progress.dialog.findChild(QPushButton)
    assert bar is not None and button is not None
    assert spoken(bar) == ("Progress of Importing", "How much of the job is done.")
    name, description = spoken(button)
    assert name == "Cancel" and description
    progress.close()


def test_the_user_guide_is_named(qtbot: QtBot, tmp_path: Path) -> None:
    (tmp_path / GUIDE).write_text("# Guide\n\nText.\n", encoding="utf-8")
    guide = UserGuide(tmp_path)
    qtbot.addWidget(guide)
    controls = [guide.browser, *guide.findChildren(QPushButton)]
    assert len(controls) == 2
    for control in controls:
        name, description = spoken(control)
        assert name and description, control


def test_the_record_list_is_named(qtbot: QtBot, fake_service: FakeCatalogService) -> None:
    view = RecordList(fake_service)
    qtbot.addWidget(view)
    for widget in (view, view.horizontalHeader()):
        name, description = spoken(widget)
        assert name and description
