"""Every control of every window and dialog has an accessible name and description.

The main window is walked over a catalogue holding the sample records, a record shown
and a query with chips; each dialog is opened the way the window opens it (its action,
its command, or its constructor with the arguments the window passes), shown, walked
and closed. A blocking dialog (``exec``) is walked from a timer while it waits.

:data:`REGISTRY` names every dialog; :func:`test_every_dialog_is_registered` fails when
a module of ``catalog.ui`` defines a dialog, or builds one of Qt's, that it does not
list, so a new dialog cannot be missed. What each failure lists:
``Dialog > object path (class, module): no name, description``.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QPushButton, QWidget
from pytestqt.qtbot import QtBot

import catalog.ui
from catalog.domain.drafts import NameChoice, RecordDraft
from catalog.domain.records import AuthorityKind, Role
from catalog.domain.views import FacetName
from catalog.services import backups
from catalog.services.catalog import CatalogService
from catalog.services.editing.authorities import AuthorityEditor
from catalog.services.editing.editor import Editor
from catalog.ui import preferences, recent_catalogues
from catalog.ui.dialogs import messages
from catalog.ui.dialogs.about import AboutDialog
from catalog.ui.dialogs.authorities import AuthoritiesDialog, SuggestionsDialog
from catalog.ui.dialogs.authorities.prompts import (
    MergeDialog,
    NameDialog,
    SplitDialog,
    VariantsDialog,
)
from catalog.ui.dialogs.bulk_edit import BulkEditDialog
from catalog.ui.dialogs.cheat_sheet import CheatSheet
from catalog.ui.dialogs.check_dialog import CheckDialog
from catalog.ui.dialogs.connect_dialog import ConnectDialog
from catalog.ui.dialogs.export_choice import ExportMemory
from catalog.ui.dialogs.export_dialog import ExportDialog, ExportFormat, ScopeCounts
from catalog.ui.dialogs.go_to_record import GoToRecordDialog
from catalog.ui.dialogs.import_dialog import ImportDialog
from catalog.ui.dialogs.note_dialog import ConfirmDeleteNote, NoteDialog
from catalog.ui.dialogs.preferences import PreferencesDialog
from catalog.ui.dialogs.restore_offer import RestoreOffer
from catalog.ui.dialogs.shortcuts import ShortcutsDialog
from catalog.ui.dialogs.sort_language import SortLanguageDialog
from catalog.ui.dialogs.trash import TrashDialog
from catalog.ui.editor import RecordEditorDialog
from catalog.ui.editor.conflict_dialog import ConflictDialog
from catalog.ui.filter_sidebar.all_values import AllValuesDialog
from catalog.ui.help_viewer import UserGuide
from catalog.ui.jobs.progress import JobProgress
from catalog.ui.jobs.runner import ImmediateJobRunner
from catalog.ui.shell.actions import ActionId
from catalog.ui.shell.main_window import MainWindow
from tests.accessibility.conftest import OpenWindow
from tests.accessibility.walk import unnamed
from tests.conftest import REPO, SAMPLE_LISTING

TIMEOUT = 5_000
UI_SOURCE = Path(catalog.ui.__file__).parent


@dataclass
class Scene:
    """The window over the sample, and what the builders need besides."""

    qtbot: QtBot
    window: MainWindow
    service: CatalogService
    tmp_path: Path

    def walk(self, label: str, top: QWidget) -> list[str]:
        """Show ``top`` (if it is not yet), walk it, close it."""
        if not top.isVisible():
            top.show()
        try:
            return unnamed(top, label)
        finally:
            close(top)

    def walk_modal(self, label: str, start: Callable[[], object]) -> list[str]:
        """Run ``start``, which opens a modal dialog (blocking or not); walk and close it."""
        found: list[str] = []
        opened: list[QWidget] = []
        before = QApplication.activeModalWidget()
        deadline = time.monotonic() + TIMEOUT / 1000

        def look() -> None:
            modal = QApplication.activeModalWidget()
            if modal is None or modal is before:
                if time.monotonic() < deadline:
                    QTimer.singleShot(10, look)
                return
            opened.append(modal)
            found.extend(unnamed(modal, label))
            close(modal)

        QTimer.singleShot(0, look)
        start()
        self.qtbot.waitUntil(lambda: bool(opened), timeout=TIMEOUT)
        return found

    def select_rows(self, count: int) -> list[int]:
        """Select the first ``count`` rows of the record list; their ids."""
        view = self.window.record_list
        view.clearSelection()
        view.selectRow(0)
        for row in range(1, count):
            view.selectionModel().select(
                view.records.index(row, 0),
                view.selectionModel().SelectionFlag.Select
                | view.selectionModel().SelectionFlag.Rows,
            )
        return list(view.selected_ids())


def close(top: QWidget) -> None:
    """Close a dialog without its questions (a record editor with changes asks)."""
    if isinstance(top, RecordEditorDialog):
        top.baseline = top.draft()
    if isinstance(top, QDialog):
        top.reject()
    top.close()


Builder = Callable[[Scene], list[str]]


@dataclass(frozen=True)
class Entry:
    """One dialog (or window) to walk.

    Attributes:
        build: opens, walks and closes it; returns the failures.
        covers: the dialog classes it walks.
        modules: the modules whose Qt standard dialog (QMessageBox, QInputDialog,
            QProgressDialog) it walks.
    """

    build: Builder
    covers: tuple[type[QDialog], ...] = ()
    modules: tuple[str, ...] = ()


# ---------------------------------------------------------------------- builders


def _editor(scene: Scene) -> Editor:
    editor = scene.service.editor
    assert editor is not None
    return editor


def main_window(scene: Scene) -> list[str]:
    window = scene.window
    window.sidebar.set_query("type:Cable")  # chips, facets and a shorter list
    scene.qtbot.waitUntil(lambda: bool(window.sidebar.chips.chips), timeout=TIMEOUT)
    scene.select_rows(1)
    scene.qtbot.waitUntil(lambda: window.detail.shown is not None, timeout=TIMEOUT)
    return unnamed(window, "Main window")


def record_editor(scene: Scene) -> list[str]:
    found = []
    (record_id,) = scene.select_rows(1)
    for label, target in (("Record editor (new)", None), ("Record editor", record_id)):
        dialog = scene.window.editing.open_editor(target)
        assert dialog is not None
        found += scene.walk(label, dialog)
    return found


def editor_questions(scene: Scene) -> list[str]:
    """Unsaved changes (Esc after typing) and Possible duplicate (saving a twin)."""
    found = []
    (record_id,) = scene.select_rows(1)
    detail = scene.service.detail(record_id)
    dialog = scene.window.editing.open_editor(None)
    assert isinstance(dialog, RecordEditorDialog)
    dialog.form.title.setText(detail.title)
    dialog.form.date.set_values(detail.date.text, False, False)
    found += scene.walk_modal("Unsaved changes question", dialog.reject)
    found += scene.walk_modal("Possible duplicate question", dialog.save)
    close(dialog)
    return found


def conflict(scene: Scene) -> list[str]:
    base = RecordDraft(title="Letter", date_text="1950")
    mine = RecordDraft(title="Letter to the ministry", date_text="1950-03")
    theirs = RecordDraft(title="A letter", date_text="1951", summary="Typed copy")
    return scene.walk("Conflict dialog", ConflictDialog(mine, theirs, base, scene.window))


def notes(scene: Scene) -> list[str]:
    (record_id,) = scene.select_rows(1)
    _editor(scene).add_note(record_id, "Checked against the original.")
    detail = scene.service.detail(record_id)
    found = scene.walk_modal("Add note", scene.window.detail.add_note)
    note = detail.annotations[-1]
    found += scene.walk_modal("Edit note", lambda: scene.window.detail.notes.edit(record_id, note))
    found += scene.walk_modal(
        "Delete note", lambda: scene.window.detail.notes.delete(record_id, note)
    )
    return found


def authorities(scene: Scene) -> list[str]:
    people = ("Pak Hon-yong", "Kim Pyong-hwa")  # the sample links no authorities
    names_of = tuple(NameChoice(AuthorityKind.PERSON, n, Role.MENTIONED) for n in people)
    _editor(scene).create_record(RecordDraft(title="A letter", names=names_of))
    dialog = scene.window.editing.show_authorities()
    assert isinstance(dialog, AuthoritiesDialog)
    found = unnamed(dialog, "Name authorities")
    names = AuthorityEditor(_editor(scene))
    row = max(names.list(AuthorityKind.PERSON), key=lambda r: r.records)
    prompts: list[tuple[str, QDialog]] = [
        ("New name", NameDialog("New name", "Authorised form of the name:", "", dialog)),
        ("Rename", NameDialog("Rename", "Authorised form of the name:", row.name, dialog)),
        ("Variant names", VariantsDialog(row.name, (*row.variants, "Variant"), dialog)),
        (
            "Merge into",
            MergeDialog(row, lambda text: names.list(AuthorityKind.PERSON, text), dialog),
        ),
        ("Split a name", SplitDialog(row, names.records_of(row.id), dialog)),
    ]
    for label, prompt in prompts:
        found += scene.walk(label, prompt)
    close(dialog)
    return found


def suggestions(scene: Scene) -> list[str]:
    scene.select_rows(scene.window.record_list.records.rowCount())
    dialog = scene.window.editing.suggest_names()
    assert dialog is not None
    return scene.walk("Suggested names", dialog)


def bulk_edit(scene: Scene) -> list[str]:
    scene.select_rows(3)
    dialog = scene.window.editing.bulk_edit()
    assert dialog is not None
    return scene.walk("Bulk edit", dialog)


def trash(scene: Scene) -> list[str]:
    _editor(scene).trash(scene.select_rows(2))
    dialog = scene.window.editing.show_trash()
    assert isinstance(dialog, TrashDialog)
    empty = dialog.findChild(QPushButton, "trashEmpty") or next(
        b for b in dialog.findChildren(QPushButton) if "mpty" in b.text()
    )
    found = unnamed(dialog, "Trash")
    found += scene.walk_modal("Empty trash question", empty.click)
    close(dialog)
    return found


def check(scene: Scene) -> list[str]:
    scene.window.window_actions[ActionId.CHECK_CATALOGUE].trigger()
    dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, CheckDialog))
    return scene.walk("Check catalogue", dialog)


def export(scene: Scene) -> list[str]:
    found = []
    formats = [ExportFormat.of(e) for e in scene.service.registry.exporters.values()]
    counts = ScopeCounts(1, 5, 15)
    tabular = next(f for f in formats if f.columns)
    other = next(f for f in formats if not f.columns and f.carries)
    for fmt in (tabular, other):
        dialog = ExportDialog(
            scene.window, formats, scene.tmp_path, counts, ExportMemory(format_name=fmt.name)
        )
        found += scene.walk(f"Export ({fmt.label})", dialog)
    return found


def progress(scene: Scene) -> list[str]:
    job = JobProgress(scene.window, "Exporting records", "Exporting records…")
    job.dialog.setMaximum(15)
    job.dialog.setValue(5)
    found = scene.walk("Progress", job.dialog)
    job.close()
    return found


def go_to_record(scene: Scene) -> list[str]:
    return scene.walk_modal(
        "Go to record", scene.window.window_actions[ActionId.GO_TO_RECORD].trigger
    )


def sort_order(scene: Scene) -> list[str]:
    return scene.walk_modal(
        "Sort order", scene.window.window_actions[ActionId.SORT_LANGUAGE].trigger
    )


def preferences_dialog(scene: Scene) -> list[str]:
    formats = [
        (name, f"{exporter.label} ({exporter.suffix})")
        for name, exporter in scene.service.registry.exporters.items()
    ]
    current = preferences.load(QSettings(str(scene.tmp_path / "p.ini"), QSettings.Format.IniFormat))
    dialog = PreferencesDialog(current, formats, preferences.languages(), scene.window)
    return scene.walk("Preferences", dialog)


def archivist_name(scene: Scene) -> list[str]:
    return scene.walk_modal(
        "Your name", scene.window.window_actions[ActionId.ARCHIVIST_NAME].trigger
    )


def save_search(scene: Scene) -> list[str]:
    scene.window.sidebar.set_query("citizenship")
    return scene.walk_modal(
        "Save search", scene.window.window_actions[ActionId.SAVE_SEARCH].trigger
    )


def about(scene: Scene) -> list[str]:
    scene.window.window_actions[ActionId.ABOUT].trigger()
    dialog = scene.window.help.about
    assert dialog is not None
    return scene.walk("About", dialog)


def user_guide(scene: Scene) -> list[str]:
    scene.window.window_actions[ActionId.USER_GUIDE].trigger()
    guide = scene.window.help.guide or UserGuide(REPO / "docs", scene.window)
    return scene.walk("User guide", guide)


def cheat_sheet(scene: Scene) -> list[str]:
    scene.window.window_actions[ActionId.CHEAT_SHEET].trigger()
    dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, CheatSheet))
    return scene.walk("Cheat sheet", dialog)


def shortcuts(scene: Scene) -> list[str]:
    scene.window.window_actions[ActionId.SHORTCUTS].trigger()
    dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, ShortcutsDialog))
    return scene.walk("Keyboard shortcuts", dialog)


def all_values(scene: Scene) -> list[str]:
    scene.window.sidebar.all_values_requested.emit(FacetName.PERSON.value)
    dialog = scene.window.sidebar.all_values
    assert dialog is not None
    return scene.walk("All values", dialog)


def import_wizard(scene: Scene) -> list[str]:
    """The review page (a listing), the mapping step (a CSV of unknown columns), the summary."""
    odd = scene.tmp_path / "odd columns.csv"
    odd.write_text("Heading,When,Notes\nA letter,1950,typed\n", encoding="utf-8")
    dialog = scene.window.operations.import_paths([SAMPLE_LISTING, odd])
    assert isinstance(dialog, ImportDialog)
    found = unnamed(dialog, "Import (review)")
    dialog.skip_button.click()
    scene.qtbot.waitUntil(lambda: dialog.path == odd and dialog.plan is not None)
    found += unnamed(dialog, "Import (mapping)")
    dialog.skip_button.click()
    scene.qtbot.waitUntil(lambda: dialog.finished_all, timeout=TIMEOUT)
    found += unnamed(dialog, "Import (summary)")
    close(dialog)
    return found


def connect(scene: Scene) -> list[str]:
    settings = QSettings(str(scene.tmp_path / "c.ini"), QSettings.Format.IniFormat)
    recent_catalogues.remember(settings, str(scene.tmp_path / "other.sqlite"))
    recent_catalogues.remember(settings, "postgresql://archivist@db.example.org/catalog")
    dialog = ConnectDialog(scene.window, settings, "", "", ImmediateJobRunner())
    return scene.walk("Connect", dialog)


def restore_offer(scene: Scene) -> list[str]:
    damaged = backups.CatalogueDamaged(scene.tmp_path / "a11y.sqlite", "malformed")
    backup = backups.BackupFile(scene.tmp_path / "backup.sqlite", datetime.now(UTC), "daily")
    return scene.walk("Restore offer", RestoreOffer(damaged, backup, scene.window))


def message_boxes(scene: Scene) -> list[str]:
    window = scene.window
    try:
        raise RuntimeError("a test of the bug report")
    except RuntimeError as error:
        bug = error
    return [
        *scene.walk_modal("Error message", lambda: messages.show_error(window, "Export", "No.")),
        *scene.walk_modal(
            "Information", lambda: messages.show_info(window, "Import", "Done.", "2", "a\nb")
        ),
        *scene.walk_modal("Bug report", lambda: messages.show_bug(window, bug, "testing")),
    ]


REGISTRY: dict[str, Entry] = {
    "Main window": Entry(main_window),
    "Record editor": Entry(record_editor, (RecordEditorDialog,)),
    "Editor questions": Entry(editor_questions, modules=("catalog.ui.editor.questions",)),
    "Conflict dialog": Entry(conflict, (ConflictDialog,)),
    "Notes": Entry(notes, (NoteDialog, ConfirmDeleteNote)),
    "Name authorities": Entry(
        authorities, (AuthoritiesDialog, NameDialog, VariantsDialog, MergeDialog, SplitDialog)
    ),
    "Suggested names": Entry(suggestions, (SuggestionsDialog,)),
    "Bulk edit": Entry(bulk_edit, (BulkEditDialog,)),
    "Trash": Entry(trash, (TrashDialog,), ("catalog.ui.dialogs.trash",)),
    "Check catalogue": Entry(check, (CheckDialog,)),
    "Export": Entry(export, (ExportDialog,)),
    "Progress": Entry(progress, modules=("catalog.ui.jobs.progress",)),
    "Go to record": Entry(go_to_record, (GoToRecordDialog,)),
    "Sort order": Entry(sort_order, (SortLanguageDialog,)),
    "Preferences": Entry(preferences_dialog, (PreferencesDialog,)),
    "Your name": Entry(archivist_name, modules=("catalog.ui.dialogs.archivist_name",)),
    "Save search": Entry(save_search, modules=("catalog.ui.filter_sidebar.searches_panel",)),
    "About": Entry(about, (AboutDialog,)),
    "User guide": Entry(user_guide, (UserGuide,)),
    "Cheat sheet": Entry(cheat_sheet, (CheatSheet,)),
    "Keyboard shortcuts": Entry(shortcuts, (ShortcutsDialog,)),
    "All values": Entry(all_values, (AllValuesDialog,)),
    "Import": Entry(import_wizard, (ImportDialog,)),
    "Connect": Entry(connect, (ConnectDialog,)),
    "Restore offer": Entry(restore_offer, (RestoreOffer,)),
    "Message boxes": Entry(message_boxes, modules=("catalog.ui.dialogs.messages",)),
}

FILE_CHOOSERS = {
    "catalog.ui.dialogs.file_pickers",
    "catalog.ui.dialogs.export_dialog",
    "catalog.ui.dialogs.import_dialog.mapping_files",
    "catalog.ui.dialogs.preferences",
    "catalog.ui.editor.attachments_tab",
}
"""Modules that ask for a file or folder with QFileDialog: not walked, since on a desktop
the platform's own chooser (and its own accessibility) is shown, not a Catalog dialog."""

_STANDARD = re.compile(r"\bQ(?:MessageBox|InputDialog|ProgressDialog)\s*[.(]")
_FILE_DIALOG = re.compile(r"\bQFileDialog\s*\.")


# ---------------------------------------------------------------------- tests


@pytest.fixture
def scene(
    qtbot: QtBot, open_window: OpenWindow, catalogue: CatalogService, tmp_path: Path
) -> Scene:
    window = open_window(ImmediateJobRunner())
    qtbot.waitUntil(lambda: window.record_list.records.rowCount() == 15, timeout=TIMEOUT)
    return Scene(qtbot, window, catalogue, tmp_path)


@pytest.fixture(autouse=True)
def _close_leftovers(qapp: QApplication) -> Iterator[None]:
    yield
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QDialog) and widget.isVisible():
            close(widget)


@pytest.mark.parametrize("label", list(REGISTRY))
def test_every_control_has_a_name_and_a_description(scene: Scene, label: str) -> None:
    failures = REGISTRY[label].build(scene)
    assert failures == [], "\n".join(["controls a screen reader cannot name:", *failures])


def _ui_modules() -> Iterator[str]:
    for info in pkgutil.walk_packages(catalog.ui.__path__, "catalog.ui."):
        yield info.name


def test_every_dialog_is_registered() -> None:
    """Each QDialog subclass of catalog.ui, and each module building one of Qt's
    standard dialogs, is walked by an entry of REGISTRY (or is a file chooser)."""
    covered = {cls for entry in REGISTRY.values() for cls in entry.covers}
    modules = {name for entry in REGISTRY.values() for name in entry.modules}
    defined: set[type] = set()
    standard: set[str] = set()
    choosers: set[str] = set()
    for name in _ui_modules():
        module = importlib.import_module(name)
        defined |= {
            value
            for value in vars(module).values()
            if isinstance(value, type) and issubclass(value, QDialog) and value.__module__ == name
        }
        text = Path(module.__file__ or "").read_text(encoding="utf-8")
        if _STANDARD.search(text):
            standard.add(name)
        if _FILE_DIALOG.search(text):
            choosers.add(name)
    assert sorted(c.__qualname__ for c in defined - covered) == []
    assert sorted(standard - modules) == []
    assert sorted(choosers - FILE_CHOOSERS) == []
