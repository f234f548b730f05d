"""The Import dialog's tables are sound Qt models (pytest-qt's model tester)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from catalog.services.import_matching import Match
from catalog.services.import_plan import Duplicate, Issue, RecordPreview, Severity
from catalog.ui.dialogs.import_dialog.duplicates_model import DuplicatesModel
from catalog.ui.dialogs.import_dialog.preview_model import PreviewModel
from catalog.ui.dialogs.import_dialog.report_model import ReportModel

PREVIEW = RecordPreview(2, "Cable", "May 1961", "1961-05", "Cable", "AVPRF", "", "ru", "", "")


def test_preview_model(qtmodeltester: Any) -> None:
    model = PreviewModel()
    qtmodeltester.check(model)
    model.set_rows([PREVIEW, RecordPreview(3, "Note", "", "", "", "", "", "", "", "")])
    qtmodeltester.check(model)
    assert model.data(model.index(0, 3)) == "1961-05"
    assert model.data(model.index(1, 0)) == "3"


def test_report_model_draws_errors_in_red(qtmodeltester: Any) -> None:
    model = ReportModel()
    model.set_rows(
        [
            Issue("/data/a.csv", 4, "date", "not a date", Severity.WARNING),
            Issue("/data/a.csv", None, "", "no title", Severity.ERROR),
        ]
    )
    qtmodeltester.check(model)
    assert model.data(model.index(0, 0)) == "a.csv"
    assert model.data(model.index(1, 1)) == ""  # no line
    assert model.data(model.index(1, 4)) == "Error"
    assert isinstance(model.data(model.index(1, 3), Qt.ItemDataRole.ForegroundRole), QColor)
    assert model.data(model.index(0, 3), Qt.ItemDataRole.ForegroundRole) is None


def test_duplicates_model(qtmodeltester: Any) -> None:
    model = DuplicatesModel()
    model.set_rows(
        [
            Duplicate(2, "Cable", Match(7, "A cable", 3, True)),
            Duplicate(5, "Note", Match(9, "A note", 1, False)),
        ]
    )
    qtmodeltester.check(model)
    assert model.data(model.index(0, 2)) == "#7 A cable"
    assert model.data(model.index(0, 3)) == "same identifier"
    assert model.data(model.index(1, 3)) == "same date, similar title"
