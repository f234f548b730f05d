"""FacetTreeModel: facets, values with counts and clauses, years under decades."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester

from catalog.domain.records import Facet, FacetValue
from catalog.ui.filter_sidebar.model import CLAUSE_ROLE, KEY_ROLE, FacetTreeModel

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
