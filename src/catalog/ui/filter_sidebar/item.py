"""FacetItem: one node of the facet tree; a value carries the query clause it stands for."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from catalog.domain.records import Facet, FacetValue


@dataclass(eq=False)
class FacetItem:
    """A facet (a group) or one of its values; values may hold values (years in decades).

    Attributes:
        label: what the tree shows.
        count: how many records of the current result have this value (None for a group).
        clause: the query clause that selects the value ("" for a group).
        key: a stable name for a group (the facet's name), to remember expansion.
        parent: the item above (None for a group).
        children: the items below.
    """

    label: str
    count: int | None = None
    clause: str = ""
    key: str = ""
    parent: FacetItem | None = None
    children: list[FacetItem] = field(default_factory=list)

    @property
    def is_group(self) -> bool:
        """True for a facet heading."""
        return self.parent is None

    def add(self, child: FacetItem) -> FacetItem:
        """Append a child and return it."""
        child.parent = self
        self.children.append(child)
        return child

    def row(self) -> int:
        """This item's position under its parent (or among the groups)."""
        return 0 if self.parent is None else self.parent.children.index(self)


def value_item(value: FacetValue) -> FacetItem:
    """The tree item of a facet value."""
    return FacetItem(value.label, value.count, value.clause)


def build_groups(facets: Sequence[Facet]) -> list[FacetItem]:
    """Tree groups for facets: empty facets and zero counts left out, years under decades."""
    by_name = {facet.name: facet for facet in facets}
    years = by_name.get("year")
    groups: list[FacetItem] = []
    for facet in facets:
        if facet.name == "year" and "decade" in by_name:
            continue  # shown inside the decades
        values = [value for value in facet.values if value.count > 0]
        if not values:
            continue
        group = FacetItem(facet.title, key=facet.name)
        for value in values:
            item = group.add(value_item(value))
            if facet.name == "decade" and years is not None:
                for year in _years_of(item.label, years.values):
                    item.add(value_item(year))
        groups.append(group)
    return groups


def _years_of(decade_label: str, years: Sequence[FacetValue]) -> list[FacetValue]:
    """The years (with counts) that fall in a decade labelled like "1950s"."""
    try:
        decade = int(decade_label.removesuffix("s"))
    except ValueError:
        return []
    found = []
    for year in years:
        try:
            number = int(year.label)
        except ValueError:
            continue
        if number // 10 * 10 == decade and year.count > 0:
            found.append(year)
    return found
