"""File → Import… and Export… from the main window (with a fake catalogue)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMenu, QPushButton
from pytestqt.qtbot import QtBot

from catalog.domain.errors import ImportFileError
from catalog.services.jobs import JobCancelled
from catalog.services.transfer.export_options import ExportOptions, Extra
from catalog.ui.dialogs import file_pickers
from catalog.ui.dialogs.export_dialog import ExportChoice, ExportDialog, ExportScope
from catalog.ui.dialogs.import_dialog import ImportDialog
from catalog.ui.shell.actions import ActionId
from catalog.ui.shell.main_window import MainWindow
from tests.ui.conftest import WindowFactory, open_message_boxes
from tests.ui.fakes import FakeCatalogService, make_detail
from tests.ui.shell.driving import click_row, type_query

# ---------------------------------------------------------------------- import


def _import_dialog(window: MainWindow) -> ImportDialog:
    dialog = window.findChild(ImportDialog, "importDialog")
    assert isinstance(dialog, ImportDialog) and dialog.isVisible()
    return dialog


def test_import_adds_records_and_reports_in_the_status_bar(
    qtbot: QtBot,
    make_window: WindowFactory,
    fake_service: FakeCatalogService,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    fake_service.imports["new.json"] = [make_detail(0, "Letter from Pyongyang", "1961", "Letter")]
    monkeypatch.setattr(
        file_pickers, "ask_import_files", lambda parent, folder: [Path("/data/new.json")]
    )
    window = make_window(fake_service)
    window.window_actions[ActionId.IMPORT].trigger()
    dialog = _import_dialog(window)
    assert fake_service.called("import_file") == []  # checked, not yet imported
    assert dialog.review.preview_model.rowCount() == 1
    assert not window.window_actions[ActionId.EXPORT].isEnabled()  # busy while it is open
    with qtbot.waitSignal(window.hub.changes_applied):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert window.record_list.records.rowCount() == 8
    assert window.statusBar().currentMessage() == "Imported 1 record from new.json."
    assert window.sidebar.facets.find_value("Letter").isValid()
    assert list(window.record_list.selected_ids()) == [8]
    assert "Records: 1 added, 0 updated, 0 skipped." in dialog.summary.text()
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    assert window.window_actions[ActionId.EXPORT].isEnabled()


def test_a_bad_import_file_gets_a_clear_message(
    qtbot: QtBot,
    make_window: WindowFactory,
    fake_service: FakeCatalogService,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    fake_service.imports["bad.csv"] = [make_detail(0, "A record", "1950")]
    fake_service.fail["import_file"] = ImportFileError("/data/bad.csv", "the file is empty")
    monkeypatch.setattr(
        file_pickers, "ask_import_files", lambda parent, folder: [Path("/data/bad.csv")]
    )
    window = make_window(fake_service)
    window.window_actions[ActionId.IMPORT].trigger()
    dialog = _import_dialog(window)
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert "/data/bad.csv: the file is empty" in dialog.notice.text()
    assert "Nothing from bad.csv was written." in dialog.notice.text()
    assert open_message_boxes() == []
    assert window.record_list.records.rowCount() == 7
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    assert window.window_actions[ActionId.IMPORT].isEnabled()


def test_a_file_that_cannot_be_read_says_why_in_the_dialog(
    make_window: WindowFactory, fake_service: FakeCatalogService, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake_service.fail["plan_import"] = ImportFileError("/data/odd.bin", "the format is unknown")
    monkeypatch.setattr(
        file_pickers, "ask_import_files", lambda parent, folder: [Path("/data/odd.bin")]
    )
    window = make_window(fake_service)
    window.window_actions[ActionId.IMPORT].trigger()
    dialog = _import_dialog(window)
    assert "/data/odd.bin: the format is unknown" in dialog.notice.text()
    assert not dialog.import_button.isEnabled()


def test_an_unexpected_exception_says_something_went_wrong(
    qtbot: QtBot,
    make_window: WindowFactory,
    fake_service: FakeCatalogService,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    fake_service.imports["x.json"] = [make_detail(0, "A record", "1950")]
    fake_service.fail["import_file"] = RuntimeError("disk on fire")
    monkeypatch.setattr(
        file_pickers, "ask_import_files", lambda parent, folder: [Path("/data/x.json")]
    )
    window = make_window(fake_service)
    window.window_actions[ActionId.IMPORT].trigger()
    dialog = _import_dialog(window)
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    (box,) = open_message_boxes()
    assert box.windowTitle() == "Something went wrong"
    assert "RuntimeError: disk on fire" in box.detailedText()
    assert "Nothing from x.json was written." in dialog.notice.text()
    assert window.isVisible()


def test_a_cancelled_import_says_nothing_was_kept(
    qtbot: QtBot,
    make_window: WindowFactory,
    fake_service: FakeCatalogService,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    fake_service.imports["big.json"] = [make_detail(0, "A record", "1950")]
    fake_service.fail["import_file"] = JobCancelled()
    monkeypatch.setattr(
        file_pickers, "ask_import_files", lambda parent, folder: [Path("/data/big.json")]
    )
    window = make_window(fake_service)
    window.window_actions[ActionId.IMPORT].trigger()
    dialog = _import_dialog(window)
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert open_message_boxes() == []
    assert dialog.notice.text() == "The import was cancelled. Nothing from big.json was written."
    assert window.record_list.records.rowCount() == 7


def test_choosing_no_file_imports_nothing(
    make_window: WindowFactory, fake_service: FakeCatalogService, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(file_pickers, "ask_import_files", lambda parent, folder: [])
    window = make_window(fake_service)
    window.window_actions[ActionId.IMPORT].trigger()
    assert fake_service.called("import_file") == []


# ---------------------------------------------------------------------- export


@pytest.mark.parametrize(
    ("scope", "expected"),
    [
        (ExportScope.SELECTED, "selected"),
        (ExportScope.RESULTS, "results"),
        (ExportScope.ALL, "all"),
    ],
)
def test_export_writes_the_chosen_records(
    qtbot: QtBot,
    make_window: WindowFactory,
    fake_service: FakeCatalogService,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    scope: ExportScope,
    expected: str,
) -> None:
    asked: list[Any] = []

    def ask(cls: Any, parent: Any, formats: Any, folder: Any, counts: Any, *_: Any) -> ExportChoice:
        asked.append((formats, counts))
        return ExportChoice("csv", scope, tmp_path / "out.csv")

    monkeypatch.setattr(ExportDialog, "ask", classmethod(ask))
    window = make_window(fake_service)
    type_query(qtbot, window, "cable")
    click_row(qtbot, window, 1)
    window.window_actions[ActionId.EXPORT].trigger()
    formats, counts = asked[0]
    assert [f.name for f in formats] == ["lines", "csv"]
    assert (counts.selected, counts.results, counts.total) == (1, 3, 7)
    ids, format_name, output = fake_service.called("export")[-1]
    wanted = {
        "selected": window.record_list.selected_ids(),
        "results": window.record_list.records.ids,
        "all": fake_service.search("").ids,
    }[expected]
    assert (ids, format_name, output) == (wanted, "csv", tmp_path / "out.csv")
    noun = "records" if len(wanted) > 1 else "record"
    expected_message = f"Exported {len(wanted)} {noun} to {tmp_path / 'out.csv'}."
    assert window.statusBar().currentMessage() == expected_message


def test_a_cancelled_export_dialog_exports_nothing(
    make_window: WindowFactory, fake_service: FakeCatalogService, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ExportDialog, "ask", classmethod(lambda cls, *args: None))
    window = make_window(fake_service)
    window.window_actions[ActionId.EXPORT].trigger()
    assert fake_service.called("export") == []


def test_ctrl_e_exports_even_from_the_search_box(
    qtbot: QtBot,
    make_window: WindowFactory,
    fake_service: FakeCatalogService,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    asked: list[Any] = []
    monkeypatch.setattr(ExportDialog, "ask", classmethod(lambda cls, *args: asked.append(args)))
    window = make_window(fake_service)
    edit = window.sidebar.search_box.edit
    assert edit.hasFocus()
    qtbot.keyClick(edit, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert len(asked) == 1


def test_the_welcome_pages_import_button_opens_the_file_chooser(
    qtbot: QtBot,
    make_window: WindowFactory,
    empty_service: FakeCatalogService,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    empty_service.imports["first.json"] = [make_detail(0, "The first record", "1950")]
    monkeypatch.setattr(
        file_pickers, "ask_import_files", lambda parent, folder: [Path("/data/first.json")]
    )
    window = make_window(empty_service)
    button = window.welcome.findChild(QPushButton, "importButton")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(_import_dialog(window).import_button, Qt.MouseButton.LeftButton)
    assert window.centre.currentWidget() is window.list_pane
    assert window.status_line == "1 record · 1 selected"  # the new record


def test_export_passes_the_options_and_shows_the_file(
    make_window: WindowFactory,
    fake_service: FakeCatalogService,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    revealed: list[Path],
) -> None:
    options = ExportOptions(frozenset({Extra.RELATIONS}))
    choice = ExportChoice("lines", ExportScope.ALL, tmp_path / "out.txt", options, reveal=True)
    monkeypatch.setattr(ExportDialog, "ask", classmethod(lambda cls, *args: choice))
    window = make_window(fake_service)
    window.window_actions[ActionId.EXPORT].trigger()
    assert fake_service.export_options == [options]
    assert revealed == [tmp_path / "out.txt"]


def test_an_export_not_asked_to_show_its_file_does_not(
    make_window: WindowFactory,
    fake_service: FakeCatalogService,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    revealed: list[Path],
) -> None:
    choice = ExportChoice("lines", ExportScope.ALL, tmp_path / "out.txt")
    monkeypatch.setattr(ExportDialog, "ask", classmethod(lambda cls, *args: choice))
    make_window(fake_service).window_actions[ActionId.EXPORT].trigger()
    assert fake_service.called("export") and revealed == []


@pytest.mark.qt_log_ignore("This plugin does not support")  # the offscreen popup menu
def test_the_list_menu_exports_the_record_under_the_pointer(
    qtbot: QtBot,
    make_window: WindowFactory,
    fake_service: FakeCatalogService,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    asked: list[tuple[Any, ...]] = []
    monkeypatch.setattr(ExportDialog, "ask", classmethod(lambda cls, *args: asked.append(args)))
    window = make_window(fake_service)
    records = window.record_list
    click_row(qtbot, window, 0)
    row_2 = records.visualRect(records.model().index(2, 0)).center()
    records.customContextMenuRequested.emit(row_2)

    assert list(records.selected_ids()) == [records.records.ids[2]]
    menu = records.findChild(QMenu, "recordListMenu")
    assert isinstance(menu, QMenu) and menu.isVisible()
    texts = [a.text() for a in menu.actions() if not a.isSeparator()]
    assert "Export &selected records…" in texts and "&Edit record…" in texts
    next(a for a in menu.actions() if a.text() == "Export &selected records…").trigger()
    menu.close()
    (_parent, _formats, _folder, counts, _memory, scope) = asked[0]
    assert counts.selected == 1 and scope is ExportScope.SELECTED
