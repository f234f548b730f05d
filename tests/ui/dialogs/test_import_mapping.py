"""The Import dialog's mapping step on a real catalogue: fields chosen per column,
separators, ignored columns, the AtoM preset, saved mappings, encodings and XML."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from catalog.domain.records import RecordDetail
from catalog.services.catalog import CatalogService
from catalog.ui.dialogs.import_dialog import ImportDialog, mapping_files
from tests.ui.dialogs.import_helpers import cell, choose_format, click, open_catalogue, open_dialog

ODD = "Heading,When,Who,Keys\nA letter home,4 March 1961,Kim Il Sung,harvest;weather;rice\n"


@pytest.fixture
def catalogue(tmp_path: Path) -> Iterator[CatalogService]:
    yield from open_catalogue(tmp_path)


def _write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


def _records(service: CatalogService) -> list[RecordDetail]:
    return sorted(
        (service.detail(i) for i in service.search("").ids), key=lambda detail: detail.title
    )


def _map(qtbot: QtBot, dialog: ImportDialog, source: str, field: str) -> None:
    """Choose the field of a source with the arrow keys (each step checks again)."""
    table = dialog.mapping_step.table
    row = table.row_of(source)
    assert row >= 0, table.names()
    choose_format(qtbot, table.field_combo(row), field)


def _type_separator(qtbot: QtBot, dialog: ImportDialog, source: str, text: str) -> None:
    edit = dialog.mapping_step.table.separator_edit(dialog.mapping_step.table.row_of(source))
    assert edit.isEnabled()
    edit.setFocus()
    qtbot.keyClick(edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(edit, text)
    qtbot.keyClick(edit, Qt.Key.Key_Return)


def _map_odd_columns(qtbot: QtBot, dialog: ImportDialog) -> None:
    _map(qtbot, dialog, "When", "date")
    _map(qtbot, dialog, "Who", "authors")
    _map(qtbot, dialog, "Keys", "tags")
    _type_separator(qtbot, dialog, "Keys", ";")


def test_odd_columns_are_mapped_by_choosing_fields(
    qtbot: QtBot, catalogue: CatalogService, tmp_path: Path, qtmodeltester: ModelTester
) -> None:
    dialog = open_dialog(qtbot, catalogue, _write(tmp_path / "odd.csv", ODD))
    step = dialog.mapping_step
    assert step.isVisible()
    assert step.table.names() == ["Heading", "When", "Who", "Keys"]
    assert step.table.field_combo(0).currentData() == "title"  # "Heading" means a title
    assert step.table.field_combo(1).currentText() == "(ignore)"
    assert dialog.review.format_combo.currentData() == "mapped-csv"
    _map_odd_columns(qtbot, dialog)
    preview = dialog.review.preview_model
    assert cell(preview, 0, "Title") == "A letter home"
    assert cell(preview, 0, "Date") == "4 March 1961"
    assert cell(preview, 0, "Understood as") == "1961-03-04"
    assert "harvest" in cell(preview, 0, "Tags")
    qtmodeltester.check(step.table.model())
    assert _records(catalogue) == []  # nothing written before Import
    click(qtbot, dialog.import_button)
    (record,) = _records(catalogue)
    assert record.title == "A letter home"
    assert record.date.text == "4 March 1961"
    assert [a.name for a in record.authorities] == ["Kim Il Sung"]
    assert record.tags == ("harvest", "rice", "weather")


def test_an_ignored_column_is_not_stored(
    qtbot: QtBot, catalogue: CatalogService, tmp_path: Path
) -> None:
    path = _write(tmp_path / "s.csv", "title,summary\nA letter,Private remarks\n")
    dialog = open_dialog(qtbot, catalogue, path)
    assert dialog.mapping_step.table.field_combo(1).currentData() == "summary"
    assert cell(dialog.review.preview_model, 0, "Summary") == "Private remarks"
    _map(qtbot, dialog, "summary", "")
    assert cell(dialog.review.preview_model, 0, "Summary") == ""
    click(qtbot, dialog.import_button)
    (record,) = _records(catalogue)
    assert (record.title, record.summary) == ("A letter", "")


def test_the_atom_preset_reads_the_isad_template(
    qtbot: QtBot, catalogue: CatalogService, corpus: Path
) -> None:
    path = corpus / "atom" / "example_information_objects_isad.csv"
    if not path.is_file():
        pytest.skip("the AtoM example is not in the corpus")
    dialog = open_dialog(qtbot, catalogue, path)
    choose_format(qtbot, dialog.mapping_step.preset_combo, "atom-isad")
    table = dialog.mapping_step.table
    assert table.field_combo(table.row_of("legacyId")).currentData() == "id"
    assert table.field_combo(table.row_of("eventDates")).currentData() == "date"
    assert dialog.plan is not None and dialog.plan.records == 2
    click(qtbot, dialog.import_button)
    records = _records(catalogue)
    assert len(records) == 2
    assert all(r.title for r in records)


def test_a_saved_mapping_loaded_again_reads_the_same(
    qtbot: QtBot, catalogue: CatalogService, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _write(tmp_path / "odd.csv", ODD)
    saved = tmp_path / "odd-mapping.json"
    monkeypatch.setattr(mapping_files, "ask_save_mapping", lambda parent, suggested: saved)
    monkeypatch.setattr(mapping_files, "ask_open_mapping", lambda parent, folder: saved)
    first = open_dialog(qtbot, catalogue, path)
    _map_odd_columns(qtbot, first)
    click(qtbot, first.mapping_step.save_button)
    assert saved.is_file()
    first.reject()

    second = open_dialog(qtbot, catalogue, path)
    assert cell(second.review.preview_model, 0, "Date") == ""  # automatic: When ignored
    click(qtbot, second.mapping_step.load_button)
    table = second.mapping_step.table
    assert table.field_combo(table.row_of("When")).currentData() == "date"
    assert table.separator_edit(table.row_of("Keys")).text() == ";"
    assert cell(second.review.preview_model, 0, "Date") == "4 March 1961"
    click(qtbot, second.import_button)
    (record,) = _records(catalogue)
    assert record.date.text == "4 March 1961"
    assert record.tags == ("harvest", "rice", "weather")


RUSSIAN = (
    "title,date,people\n"
    "Письмо посла в Москву о переговорах,1961,Иванов Иван Петрович\n"
    "Доклад о положении в сельском хозяйстве,1962,Смирнова Анна\n"
    "Записка о встрече с представителями министерства,1963,Кузнецов\n"
)


def test_a_cp1251_file_is_detected_and_read_correctly(
    qtbot: QtBot, catalogue: CatalogService, tmp_path: Path
) -> None:
    dialog = open_dialog(qtbot, catalogue, _write(tmp_path / "ru.csv", RUSSIAN, "cp1251"))
    step = dialog.mapping_step
    assert step.encoding_combo.isVisible()
    assert step.encoding_combo.currentData() == "cp1251"
    assert not step.encoding_missing()
    assert cell(dialog.review.preview_model, 0, "Title") == "Письмо посла в Москву о переговорах"
    click(qtbot, dialog.import_button)
    assert _records(catalogue)[0].title == "Доклад о положении в сельском хозяйстве"


def test_an_unsure_encoding_is_asked_before_anything_can_be_imported(
    qtbot: QtBot, catalogue: CatalogService, tmp_path: Path
) -> None:
    path = tmp_path / "mixed.csv"
    path.write_bytes("title,date\nCafé,1961\n".encode() + "Naïve note,1962\n".encode("cp1252"))
    dialog = open_dialog(qtbot, catalogue, path)
    step = dialog.mapping_step
    assert step.isVisible() and step.encoding_missing()
    assert step.encoding_combo.currentIndex() == -1
    assert step.table.names() == ["title", "date"]  # read as best they can be
    assert "cannot tell the text encoding" in step.status.text()
    assert not dialog.import_button.isEnabled()
    choose_format(qtbot, step.encoding_combo, "cp1252")
    assert not step.encoding_missing(), step.status.text()
    assert dialog.notice.text() == "", dialog.notice.text()
    assert dialog.import_button.isEnabled()
    click(qtbot, dialog.import_button)
    assert "Naïve note" in [r.title for r in _records(catalogue)]


VISITS = """<?xml version="1.0" encoding="UTF-8"?>
<visits>
  <visit><visitor>Kim Il Sung</visitor><start>1961-03-04</start><place>Moscow</place></visit>
  <visit><visitor>Zhou Enlai</visitor><start>1962-05-01</start><place>Hanoi</place></visit>
</visits>
"""


def test_xml_with_one_element_per_record_is_mapped_by_element_names(
    qtbot: QtBot, catalogue: CatalogService, tmp_path: Path
) -> None:
    dialog = open_dialog(qtbot, catalogue, _write(tmp_path / "visits.xml", VISITS))
    step = dialog.mapping_step
    assert step.isVisible()
    assert step.record_edit.isVisible() and step.record_edit.text() == "visit"
    assert not step.encoding_combo.isVisible()
    assert step.table.names() == ["visitor", "start", "place"]
    assert not dialog.import_button.isEnabled()  # nothing is a title yet
    assert "Title" in step.status.text()
    _map(qtbot, dialog, "visitor", "title")
    assert dialog.review.format_combo.currentData() == "mapped-xml"
    preview = dialog.review.preview_model
    assert cell(preview, 0, "Title") == "Kim Il Sung"
    assert cell(preview, 0, "Understood as") == "1961-03-04"
    click(qtbot, dialog.import_button)
    records = _records(catalogue)
    assert [r.title for r in records] == ["Kim Il Sung", "Zhou Enlai"]
    assert [a.name for a in records[1].authorities] == ["Hanoi"]
