"""RecordTableModel holds ids and reads rows a page at a time."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from pytestqt.modeltest import ModelTester

from catalog.domain.errors import StorageUnavailable
from catalog.ui.record_list.model import ID_ROLE, RecordTableModel
from tests.ui.fakes import FakeCatalogService, make_detail


def many(n: int) -> FakeCatalogService:
    return FakeCatalogService(
        {i: make_detail(i, f"Record {i}", "1959", "Cable") for i in range(1, n + 1)}
    )


def test_passes_the_model_tester(
    qtmodeltester: ModelTester, fake_service: FakeCatalogService
) -> None:
    model = RecordTableModel(fake_service)
    model.set_ids(fake_service.search("").ids)
    qtmodeltester.check(model)


def test_passes_the_model_tester_when_empty(
    qtmodeltester: ModelTester, fake_service: FakeCatalogService
) -> None:
    qtmodeltester.check(RecordTableModel(fake_service))


def test_rows_are_the_ids_and_cells_show_date_title_type(fake_service: FakeCatalogService) -> None:
    model = RecordTableModel(fake_service)
    model.set_ids([5, 1])
    assert model.rowCount() == 2 and model.columnCount() == 3
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(3)]
    assert headers == ["Date", "Title", "Type"]
    row = [model.index(0, c).data() for c in range(3)]
    assert row == ["October, 1959", fake_service.records[5].title, "Cable"]
    assert model.index(1, 0).data(ID_ROLE) == 1


def test_the_date_tooltip_says_how_the_date_was_understood(
    fake_service: FakeCatalogService,
) -> None:
    model = RecordTableModel(fake_service)
    model.set_ids([5])
    tooltip = model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert "October, 1959" in tooltip
    assert "1959-10 (1959-10-01 to 1959-10-31)" in tooltip


def test_rows_are_read_a_page_at_a_time_and_cached() -> None:
    service = many(450)
    model = RecordTableModel(service, page_size=200)
    model.set_ids(list(range(1, 451)))
    assert service.called("summaries") == []
    model.index(0, 1).data()
    model.index(199, 1).data()
    model.index(5, 0).data()
    assert service.called("summaries") == [list(range(1, 201))]
    assert model.index(420, 1).data() == "Record 421"
    assert service.called("summaries")[-1] == list(range(401, 451))


def test_forget_reads_rows_again(fake_service: FakeCatalogService) -> None:
    model = RecordTableModel(fake_service)
    model.set_ids([1])
    assert model.index(0, 1).data() == fake_service.records[1].title
    fake_service.records[1] = make_detail(1, "Renamed", "1955")
    assert model.index(0, 1).data() != "Renamed"  # still cached
    model.forget([1])
    assert model.index(0, 1).data() == "Renamed"


def test_a_record_gone_since_the_search_shows_as_such(fake_service: FakeCatalogService) -> None:
    model = RecordTableModel(fake_service)
    model.set_ids([1, 999])
    assert model.index(1, 1).data() == "(no longer in the catalogue)"
    assert model.index(1, 0).data() == ""


def test_a_storage_error_shows_blank_rows_instead_of_crashing(
    fake_service: FakeCatalogService,
) -> None:
    fake_service.fail["summaries"] = StorageUnavailable("The catalogue is gone.")
    model = RecordTableModel(fake_service)
    model.set_ids([1, 2])
    assert model.index(0, 1).data() == "(could not be read)"


def test_titles_are_shown_on_one_line_and_tooltips_are_escaped() -> None:
    service = FakeCatalogService({1: make_detail(1, "<img src='file:///x'>\nsecond line")})
    model = RecordTableModel(service)
    model.set_ids([1])
    assert model.index(0, 1).data() == "<img src='file:///x'> second line"
    tooltip = model.index(0, 1).data(Qt.ItemDataRole.ToolTipRole)
    assert "<img" not in tooltip and "&lt;img" in tooltip


def test_a_table_has_no_children(fake_service: FakeCatalogService) -> None:
    model = RecordTableModel(fake_service)
    model.set_ids([1])
    assert model.rowCount(model.index(0, 0)) == 0
    assert model.data(QModelIndex()) is None
    assert model.row_of(1) == 0 and model.row_of(2) is None
