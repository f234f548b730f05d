"""RecordTableModel holds ids in numpy and reads rows a page at a time into a bounded cache."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QModelIndex, Qt
from pytestqt.modeltest import ModelTester

from catalog.domain.errors import StorageUnavailable
from catalog.domain.records import AuthorityKind, AuthorityLink, Role
from catalog.store.ids import IdList
from catalog.ui.record_list.model import ID_ROLE, SCANS_BEFORE_INDEX, RecordTableModel
from tests.ui.fakes import FakeCatalogService, full_detail, make_detail
from tests.ui.record_list.services import FullService, MillionService

HEADERS = ["Date", "Title", "Type", "Archive", "Language", "People", "Id"]


def many(n: int) -> FakeCatalogService:
    return FakeCatalogService(
        {i: make_detail(i, f"Record {i}", "1959", "Cable") for i in range(1, n + 1)}
    )


def full_service() -> FullService:
    detail = full_detail()
    other = make_detail(
        7,
        "Record of a conversation",
        "1956",
        "Record",
        archive="AVPRF",
        languages=("Russian",),
        authorities=(
            AuthorityLink(1, AuthorityKind.PERSON, "Nam Il", Role.AUTHOR),
            AuthorityLink(2, AuthorityKind.PERSON, "V. I. Ivanov", Role.RECIPIENT),
        ),
    )
    return FullService({detail.id: detail, other.id: other})


def test_passes_the_model_tester(
    qtmodeltester: ModelTester, fake_service: FakeCatalogService
) -> None:
    model = RecordTableModel(fake_service)
    model.set_ids(fake_service.search("").ids)
    qtmodeltester.check(model)


def test_passes_the_model_tester_with_every_column_filled(qtmodeltester: ModelTester) -> None:
    model = RecordTableModel(full_service())
    model.set_ids([42, 7, 999])
    qtmodeltester.check(model)


def test_passes_the_model_tester_when_empty(
    qtmodeltester: ModelTester, fake_service: FakeCatalogService
) -> None:
    qtmodeltester.check(RecordTableModel(fake_service))


def test_rows_are_the_ids_and_cells_show_date_title_type(fake_service: FakeCatalogService) -> None:
    model = RecordTableModel(fake_service)
    model.set_ids([5, 1])
    assert model.rowCount() == 2 and model.columnCount() == len(HEADERS)
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(len(HEADERS))]
    assert headers == HEADERS
    row = [model.index(0, c).data() for c in range(3)]
    assert row == ["October, 1959", fake_service.records[5].title, "Cable"]
    assert model.index(1, 0).data(ID_ROLE) == 1


def test_archive_language_people_and_id_columns() -> None:
    model = RecordTableModel(full_service())
    model.set_ids([7, 42])
    assert [model.index(0, c).data() for c in range(3, 7)] == [
        "AVPRF",
        "Russian",
        "Nam Il; V. I. Ivanov",
        "7",
    ]
    assert model.index(1, 5).data() == "Kim Il Sung"  # persons only, not places or subjects
    assert model.index(0, 5).data(Qt.ItemDataRole.ToolTipRole) == "<qt>Nam Il<br>V. I. Ivanov</qt>"
    alignment = model.index(0, 6).data(Qt.ItemDataRole.TextAlignmentRole)
    assert alignment & Qt.AlignmentFlag.AlignRight
    assert model.index(0, 1).data(Qt.ItemDataRole.TextAlignmentRole) is None


def test_only_people_cannot_be_sorted_by(fake_service: FakeCatalogService) -> None:
    model = RecordTableModel(fake_service)
    unsortable = [c.key for c in model.columns if c.sort is None]
    assert unsortable == ["people"]
    tip = model.headerData(5, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
    assert tip == "This column cannot be sorted by."


def test_the_date_tooltip_says_how_the_date_was_understood(
    fake_service: FakeCatalogService,
) -> None:
    model = RecordTableModel(fake_service)
    model.set_ids([5])
    tooltip = model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert "October, 1959" in tooltip
    assert "1959-10 (1959-10-01 to 1959-10-31)" in tooltip


def test_an_id_list_is_held_as_its_array_without_a_copy() -> None:
    array = np.arange(1, 1_000_001, dtype=np.int64)
    model = RecordTableModel(MillionService())
    model.set_ids(IdList(array))
    assert model.rowCount() == 1_000_000
    assert np.shares_memory(model.id_array, array)
    assert not model.id_array.flags.writeable
    assert model.record_id(999_999) == 1_000_000
    assert model.ids[:3] == [1, 2, 3] and len(model.ids) == 1_000_000


def test_plain_sequences_and_ranges_are_accepted(fake_service: FakeCatalogService) -> None:
    model = RecordTableModel(fake_service)
    model.set_ids(range(3, 6))
    assert model.ids == [3, 4, 5]
    model.set_ids((6, 2))
    assert model.ids == [6, 2] and model.ids != [2, 6]
    other = RecordTableModel(fake_service)
    other.set_ids(np.array([6, 2]))
    assert model.ids == other.ids and model.ids != RecordTableModel(fake_service).ids


def test_row_of_finds_rows_by_scan_then_by_index() -> None:
    model = RecordTableModel(MillionService())
    model.set_ids(np.arange(1_000_000, 0, -1, dtype=np.int64))  # newest first
    for _ in range(SCANS_BEFORE_INDEX + 1):  # scans first, the sorted index after
        assert model.row_of(1) == 999_999
        assert model.row_of(1_000_000) == 0
        assert model.row_of(500_000) == 500_000
        assert model.row_of(0) is None and model.row_of(2_000_000) is None
    model.set_ids([9, 4])
    lookups = SCANS_BEFORE_INDEX + 1
    assert [model.row_of(4) for _ in range(lookups)] == [1] * lookups
    assert model.row_of(5) is None


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


def test_the_cache_keeps_the_recently_shown_pages_only() -> None:
    service = MillionService()
    model = RecordTableModel(service, page_size=10, max_pages=3)
    model.set_ids(np.arange(1, 1001, dtype=np.int64))
    for page in range(20):
        model.index(page * 10, 1).data()
        model.index(0, 1).data()  # page 0 is looked at all along: it stays
    assert model.cached_rows <= 30
    reads = len(service.called("summaries"))
    assert reads == 20
    assert model.index(5, 1).data() == "Record 6"
    assert len(service.called("summaries")) == reads
    assert model.index(15, 1).data() == "Record 16"  # page 1 was dropped long ago
    assert service.called("summaries")[-1] == list(range(11, 21))


def test_a_new_result_keeps_cached_rows(fake_service: FakeCatalogService) -> None:
    model = RecordTableModel(fake_service)
    model.set_ids([1, 2, 3])
    model.index(0, 1).data()
    model.set_ids([4])
    model.set_ids([3, 5, 1])  # two results before a repaint: rows are still at hand
    assert model.index(2, 1).data() == fake_service.records[1].title
    assert fake_service.called("summaries") == [[1, 2, 3], [5]]


def test_forget_reads_rows_again(fake_service: FakeCatalogService) -> None:
    model = RecordTableModel(fake_service)
    model.set_ids([1])
    assert model.index(0, 1).data() == fake_service.records[1].title
    fake_service.records[1] = make_detail(1, "Renamed", "1955")
    assert model.index(0, 1).data() != "Renamed"  # still cached
    model.forget([1])
    assert model.index(0, 1).data() == "Renamed"
    fake_service.records[1] = make_detail(1, "Renamed again", "1955")
    model.forget()
    assert model.index(0, 1).data() == "Renamed again"


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
    del fake_service.fail["summaries"]
    model.set_ids([1, 2])  # a new result asks again
    assert model.index(0, 1).data() == fake_service.records[1].title


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
