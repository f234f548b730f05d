"""Take the user guide's screenshots from the real window: docs/images/*.png.

Builds a temporary catalogue and settings file, opens the real main window offscreen at a
fixed size, and does what a user does: the welcome page, Load sample records, a search
narrowed by a facet with a record selected, the record editor, File → Export… and
Edit → Preferences…. Nothing of yours is read or changed. ``make screenshots`` runs it::

    .venv/bin/python tools/screenshots.py [--output docs/images] [--size 1400x860]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ["QT_QPA_PLATFORM"] = "offscreen"

from PySide6.QtCore import QEventLoop, QSettings, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QPushButton, QWidget

from catalog.app import make_application
from catalog.services.catalog import CatalogService
from catalog.ui.jobs.runner import JobRunner
from catalog.ui.shell.actions import ActionId
from catalog.ui.shell.main_window import MainWindow

ROOT = Path(__file__).resolve().parent.parent
QUERY = "citizenship"
FACET = "Journal/Diary"
ARCHIVIST = "archivist"
EXPORT_FOLDER = Path("/home") / ARCHIVIST / "Documents"  # not the machine's own home


def wait_until(condition: Callable[[], bool], timeout: float = 30.0) -> None:
    """Run the event loop until ``condition()`` holds (jobs deliver through it)."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError("the window did not get there in time")
        loop = QEventLoop()
        QTimer.singleShot(20, loop.quit)
        loop.exec()


def settle(ms: int = 150) -> None:
    """Let layouts and repaints finish."""
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def save(widget: QWidget, path: Path) -> None:
    """Grab a widget into a PNG."""
    settle()
    if not widget.grab().save(str(path)):
        raise OSError(f"could not write {path}")
    print(f"wrote {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}")  # noqa: T201


def grab_modal(trigger: Callable[[], None], name: str, path: Path) -> None:
    """Trigger something that opens a modal dialog, grab the dialog, then cancel it."""

    def grab() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QDialog) or dialog.objectName() != name:
            QTimer.singleShot(50, grab)  # not open yet
            return
        save(dialog, path)
        dialog.reject()

    QTimer.singleShot(100, grab)
    trigger()  # returns once the dialog is closed


def take(output: Path, size: tuple[int, int]) -> None:
    """Every screenshot, into ``output``."""
    app = make_application()
    output.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="catalog-screenshots-") as folder:
        home = Path(folder)
        settings = QSettings(str(home / "settings.ini"), QSettings.Format.IniFormat)
        settings.setValue("archivist/name", ARCHIVIST)
        service = CatalogService.open(home / "catalog.sqlite", user=ARCHIVIST, cache_dir=home)
        runner = JobRunner()
        window = MainWindow(service, runner, settings=settings)
        try:
            window.operations.export_dir = EXPORT_FOLDER
            window.resize(*size)
            window.show()
            wait_until(lambda: window.centre.currentWidget() is window.welcome)
            save(window, output / "welcome.png")

            button = window.welcome.findChild(QPushButton, "loadSampleButton")
            assert button is not None
            QTest.mouseClick(button, Qt.MouseButton.LeftButton)
            wait_until(lambda: window.record_list.records.rowCount() == 15)

            edit = window.sidebar.search_box.edit
            QTest.keyClicks(edit, QUERY)
            QTest.keyClick(edit, Qt.Key.Key_Return)
            wait_until(lambda: window.sidebar.facets.find_value(FACET).isValid())
            tree, index = window.sidebar.tree, window.sidebar.facets.find_value(FACET)
            tree.scrollTo(index)
            center = tree.visualRect(index).center()
            QTest.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=center)
            wanted = service.search(f'{QUERY} type:"{FACET}"').total
            wait_until(lambda: window.status_line.startswith(f"{wanted} of "))
            window.record_list.selectRow(0)
            record_id = window.record_list.records.record_id(0)
            wait_until(lambda: window.detail.shown_id == record_id)
            window.statusBar().clearMessage()  # the counts, not "Imported 15 records"
            save(window, output / "search.png")

            window.window_actions[ActionId.EDIT_RECORD].trigger()
            wait_until(lambda: window.findChild(QDialog, "recordEditor") is not None)
            editor = window.findChild(QDialog, "recordEditor")
            assert editor is not None
            save(editor, output / "editor.png")
            editor.close()

            grab_modal(
                window.window_actions[ActionId.EXPORT].trigger,
                "exportDialog",
                output / "export.png",
            )
            grab_modal(
                window.window_actions[ActionId.PREFERENCES].trigger,
                "preferencesDialog",
                output / "preferences.png",
            )
        finally:
            window.close()
            runner.shutdown()
            service.close()
    app.quit()


def main(argv: list[str] | None = None) -> int:
    """Take the screenshots; returns the exit status."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", type=Path, default=ROOT / "docs" / "images")
    parser.add_argument("--size", default="1400x860", help="window size, WIDTHxHEIGHT")
    args = parser.parse_args(argv)
    width, height = (int(n) for n in args.size.split("x"))
    take(args.output, (width, height))
    return 0


if __name__ == "__main__":
    sys.exit(main())
