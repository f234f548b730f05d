"""FacetTreeModel: facets, values with counts and clauses, years under decades."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester

from catalog.domain.records import Facet, FacetValue
from catalog.ui.filter_sidebar.item import SHOW_ALL, TOP_VALUES
from catalog.ui.filter_sidebar.model import (
    APPLIED_ROLE,
    CLAUSE_ROLE,
    KEY_ROLE,
    MORE_ROLE,
    FacetTreeModel,
)

FACETS = [
    Facet(
        "type",
        "Document type",
        (
            FacetValue("Cable", 5, "type:Cable"),
            FacetValue("Record of Conversation", 2, 'type:"Record of Conversation"'),
            FacetValue("Nothing", 0, "type:Nothing"),
        ),
    ),
    Facet(
        "decade",
        "Decade",
        (FacetValue("1950s", 9, "date:1950s"), FacetValue("1960s", 2, "date:1960s")),
    ),
    Facet(
        "year",
        "Year",
        (
            FacetValue("1955", 2, "date:1955"),
            FacetValue("1959", 7, "date:1959"),
            FacetValue("1960", 2, "date:1960"),
        ),
    ),
    Facet("tag", "Tag", ()),
]


def model_with(facets: list[Facet]) -> FacetTreeModel:
    model = FacetTreeModel()
    model.set_facets(facets)
    return model


def test_passes_the_model_tester(qtmodeltester: ModelTester) -> None:
    model = FacetTreeModel()
    qtmodeltester.check(model)
    model.set_facets(FACETS)
    qtmodeltester.check(model)
    model.set_facets([many("subject", TOP_VALUES + 5), *FACETS])
    qtmodeltester.check(model)


def test_groups_hold_values_with_counts_and_clauses() -> None:
    model = model_with(FACETS)
    groups = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert groups == ["Document type", "Decade"]  # empty Tag left out; years inside decades
    types = model.index(0, 0)
    assert model.index(0, 0).data(KEY_ROLE) == "type"
    assert model.rowCount(types) == 2  # the zero count is hidden
    cable = model.index(0, 0, types)
    assert cable.data() == "Cable"
    assert model.index(0, 1, types).data() == "5"
    assert cable.data(CLAUSE_ROLE) == "type:Cable"
    assert model.index(1, 0, types).data(CLAUSE_ROLE) == 'type:"Record of Conversation"'
    assert types.data(CLAUSE_ROLE) == ""


def test_years_are_nested_under_their_decade() -> None:
    model = model_with(FACETS)
    decades = model.group_index("decade")
    fifties = model.index(0, 0, decades)
    assert fifties.data() == "1950s"
    assert [model.index(r, 0, fifties).data() for r in range(model.rowCount(fifties))] == [
        "1955",
        "1959",
    ]
    assert model.index(1, 0, fifties).data(CLAUSE_ROLE) == "date:1959"
    assert model.index(1, 0, fifties).parent() == fifties
    sixties = model.index(1, 0, decades)
    assert model.rowCount(sixties) == 1


def test_find_value_and_flags() -> None:
    model = model_with(FACETS)
    found = model.find_value("1959")
    assert found.isValid() and found.data(CLAUSE_ROLE) == "date:1959"
    assert not model.find_value("Telegram").isValid()
    assert not (model.flags(model.group_index("type")) & Qt.ItemFlag.ItemIsSelectable)
    assert model.flags(model.find_value("Cable")) & Qt.ItemFlag.ItemIsSelectable


def test_years_without_decades_form_their_own_facet() -> None:
    model = model_with([FACETS[2]])
    assert model.index(0, 0).data() == "Year"
    assert model.rowCount(model.index(0, 0)) == 3


def many(name: str, count: int) -> Facet:
    return Facet(
        name,
        name.title(),
        tuple(FacetValue(f"V{n}", 100 - n, f"{name}:V{n}") for n in range(count)),
    )


def test_facets_come_in_the_sidebar_order_and_the_month_is_left_out() -> None:
    facets = [
        Facet("has", "Has", (FacetValue("Notes", 1, "has:notes"),)),
        Facet("month", "Month", (FacetValue("1959-10", 1, "date:1959-10"),)),
        *FACETS,
        Facet("person", "Person", (FacetValue("Nam Il", 3, 'person:"Nam Il"'),)),
        Facet("organisation", "Organisation", (FacetValue("CPSU", 1, "organisation:CPSU"),)),
    ]
    model = model_with(facets)
    keys = [model.index(r, 0).data(KEY_ROLE) for r in range(model.rowCount())]
    assert keys == ["person", "organisation", "type", "decade", "has"]


def test_a_long_facet_shows_its_top_values_and_a_show_all_row() -> None:
    model = model_with([many("person", TOP_VALUES + 1), many("tag", TOP_VALUES)])
    people = model.group_index("person")
    assert model.rowCount(people) == TOP_VALUES + 1
    last = model.index(TOP_VALUES, 0, people)
    assert last.data() == SHOW_ALL
    assert last.data(MORE_ROLE) == "person"
    assert last.data(CLAUSE_ROLE) == ""
    assert model.index(TOP_VALUES - 1, 0, people).data(MORE_ROLE) == ""
    tags = model.group_index("tag")
    assert model.rowCount(tags) == TOP_VALUES  # exactly the top: nothing more to show
    assert model.index(TOP_VALUES - 1, 0, tags).data() == f"V{TOP_VALUES - 1}"


def test_decades_and_years_are_never_cut() -> None:
    decades = Facet(
        "decade",
        "Decade",
        tuple(FacetValue(f"{1800 + 10 * n}s", 1, f"date:{1800 + 10 * n}s") for n in range(20)),
    )
    model = model_with([decades])
    assert model.rowCount(model.group_index("decade")) == 20


def test_applied_values_are_marked_and_announced(qtmodeltester: ModelTester) -> None:
    model = model_with(FACETS)
    changed: list[object] = []
    model.dataChanged.connect(lambda *args: changed.append(args))
    model.set_applied(["type:Cable"], ["date:1959"])
    qtmodeltester.check(model)
    assert changed
    cable, year = model.find_value("Cable"), model.find_value("1959")
    assert (cable.data(APPLIED_ROLE), year.data(APPLIED_ROLE)) == ("include", "exclude")
    assert cable.data(Qt.ItemDataRole.FontRole).bold()
    assert year.data(Qt.ItemDataRole.FontRole).strikeOut()
    assert model.find_value("1955").data(APPLIED_ROLE) == ""
    assert model.find_value("1955").data(Qt.ItemDataRole.FontRole) is None
    model.set_facets(FACETS)  # new counts keep the marks
    assert model.find_value("Cable").data(APPLIED_ROLE) == "include"


def test_values_have_accessible_text() -> None:
    model = model_with(FACETS)
    cable = model.find_value("Cable")
    assert cable.data(Qt.ItemDataRole.AccessibleTextRole) == "Cable, 5 records"
    assert "Shift+Enter" in cable.data(Qt.ItemDataRole.AccessibleDescriptionRole)
    assert "type:Cable" in cable.data(Qt.ItemDataRole.ToolTipRole)
