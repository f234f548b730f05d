"""The bulk edit dialog speaks to assistive technology, and its fixed words (operations,
roles, fields, column headers) go through the translator while the keys stay."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from pytestqt.qtbot import QtBot

from catalog.domain.drafts import RecordDraft
from catalog.services.catalog import CatalogService
from catalog.services.editing import bulk
from catalog.ui.dialogs.bulk_edit import BulkEditDialog
from catalog.ui.jobs.runner import ImmediateJobRunner
from tests.ui.editor.accessible import Words, speechless

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


@pytest.fixture
def catalogue(tmp_path: Path) -> Iterator[CatalogService]:
    service = CatalogService.open(tmp_path / "c.sqlite", user="tester", cache_dir=tmp_path)
    service.editor.create_record(RecordDraft(title="Cable", tags=("citizenship",)))
    try:
        yield service
    finally:
        service.close()


def make_dialog(qtbot: QtBot, service: CatalogService) -> BulkEditDialog:
    dialog = BulkEditDialog(service, list(service.search("").ids), ImmediateJobRunner())
    qtbot.addWidget(dialog)
    with qtbot.waitExposed(dialog):
        dialog.show()
    return dialog


def test_every_control_has_a_name_and_a_description(
    qtbot: QtBot, catalogue: CatalogService
) -> None:
    dialog = make_dialog(qtbot, catalogue)
    assert speechless(dialog) == []
    dialog.form.select("replace")  # the find and replace controls
    assert speechless(dialog) == []


def test_fixed_words_are_translated_and_the_operation_keeps_its_key(
    qtbot: QtBot, catalogue: CatalogService
) -> None:
    words = Words(
        {
            "Add tag": "Добавить метку",
            "Author": "Автор",
            "Title": "Заголовок",
            "Tags": "Метки",
            "Field": "Поле",
        }
    )
    QCoreApplication.installTranslator(words)
    try:
        dialog = make_dialog(qtbot, catalogue)
        form = dialog.form
        assert form.operation_box.itemText(0) == "Добавить метку"
        assert form.operation_box.itemData(0) == "add_tag"
        assert "Автор" in [form.role.itemText(i) for i in range(form.role.count())]
        assert form.field.itemText(0) == "Заголовок" and form.field.itemData(0) == "title"
        form.value.setText("korea")
        dialog.start_preview()
        model = dialog.model
        assert model.headerData(1, Qt.Orientation.Horizontal) == "Поле"
        assert model.index(0, 1).data() == "Метки"
        assert isinstance(form.operation(), bulk.AddTag)
    finally:
        QCoreApplication.removeTranslator(words)
