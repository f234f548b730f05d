"""A record changed behind the editor's back: both versions field by field, nothing lost."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QRadioButton
from pytestqt.qtbot import QtBot

from catalog.domain.drafts import RecordDraft
from catalog.services.catalog import CatalogService
from catalog.ui.editor.conflict_dialog import ConflictDialog
from tests.ui.editor.conftest import OpenEditor, type_into

ORIGINAL = RecordDraft("Minutes", date_text="1950", summary="First reading.")


def when_conflict_opens(qtbot: QtBot, act: Callable[[ConflictDialog], None]) -> list[str]:
    """Run ``act`` on the conflict dialog once it is shown; returns the fields it compared."""
    compared: list[str] = []

    def check() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, ConflictDialog):
            QTimer.singleShot(10, check)
            return
        compared.extend(dialog.fields)
        act(dialog)

    QTimer.singleShot(0, check)
    return compared


def change_behind_the_back(catalogue: CatalogService, rid: int) -> None:
    detail = catalogue.detail(rid)
    theirs = replace(RecordDraft.from_detail(detail), title="Minutes of the plenum",
                     source_ref="f. 1, op. 2")  # fmt: skip
    catalogue.editor.update_record(rid, theirs, detail.version)


def test_conflict_merges_the_fields_chosen(
    qtbot: QtBot, open_editor: OpenEditor, catalogue: CatalogService
) -> None:
    rid, _ = catalogue.editor.create_record(ORIGINAL)
    dialog = open_editor(rid)
    dialog.form.title.clear()
    type_into(qtbot, dialog.form.title, "Minutes (draft)")
    dialog.form.summary.clear()
    type_into(qtbot, dialog.form.summary, "Second reading.")
    change_behind_the_back(catalogue, rid)

    def choose(conflict: ConflictDialog) -> None:
        # The defaults: mine where I edited, theirs where only they did.
        assert conflict.choice("title") == "mine" and conflict.choice("summary") == "mine"
        assert conflict.choice("source_ref") == "theirs"
        theirs_title = conflict.findChild(QRadioButton, "conflictTheirs-title")
        assert theirs_title.text() == "Minutes of the plenum"
        qtbot.mouseClick(theirs_title, Qt.MouseButton.LeftButton)
        qtbot.mouseClick(conflict.save_button, Qt.MouseButton.LeftButton)

    compared = when_conflict_opens(qtbot, choose)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    assert compared == ["title", "summary", "source_ref"]
    detail = catalogue.detail(rid)
    assert (detail.title, detail.summary, detail.source_ref) == (
        "Minutes of the plenum",
        "Second reading.",
        "f. 1, op. 2",
    )
    assert dialog.version == detail.version and not dialog.is_dirty()
    assert dialog.form.title.text() == "Minutes of the plenum"


def test_cancelled_conflict_writes_nothing_and_keeps_the_edit(
    qtbot: QtBot, open_editor: OpenEditor, catalogue: CatalogService
) -> None:
    rid, _ = catalogue.editor.create_record(ORIGINAL)
    dialog = open_editor(rid)
    saved: list[int] = []
    dialog.saved.connect(lambda record_id, changes: saved.append(record_id))
    type_into(qtbot, dialog.form.classification, "Top secret")
    change_behind_the_back(catalogue, rid)
    when_conflict_opens(qtbot, lambda conflict: conflict.reject())
    qtbot.keyClick(dialog.form.title, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    detail = catalogue.detail(rid)
    assert (detail.title, detail.classification) == ("Minutes of the plenum", "")
    assert saved == [] and dialog.is_dirty()
    assert dialog.form.classification.text() == "Top secret"
