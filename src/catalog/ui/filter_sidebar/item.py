"""FacetItem: one node of the facet tree; a value carries the query clause it stands for."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from PySide6.QtCore import QCoreApplication

from catalog.domain.records import Facet, FacetValue
from catalog.domain.views import FacetName
from catalog.ui.translation import QT_TRANSLATE_NOOP

SIDEBAR_FACETS: tuple[FacetName, ...] = (
    FacetName.PERSON,
    FacetName.ORGANISATION,
    FacetName.PLACE,
    FacetName.SUBJECT,
    FacetName.ARCHIVE,
    FacetName.LANGUAGE,
    FacetName.TYPE,
    FacetName.COLLECTION,
    FacetName.TAG,
    FacetName.DECADE,
    FacetName.YEAR,
    FacetName.HAS,
)
"""The facets the sidebar shows, in its order (the month facet is the timeline's)."""
TOP_VALUES = 10
"""A facet with more values shows this many and a "Show all…" row."""
SHOW_ALL = QT_TRANSLATE_NOOP("FacetItems", "Show all…")
FACET_TITLES = (
    QT_TRANSLATE_NOOP("FacetItems", "Document type"),
    QT_TRANSLATE_NOOP("FacetItems", "Decade"),
    QT_TRANSLATE_NOOP("FacetItems", "Year"),
    QT_TRANSLATE_NOOP("FacetItems", "Original archive"),
    QT_TRANSLATE_NOOP("FacetItems", "Language"),
    QT_TRANSLATE_NOOP("FacetItems", "Collection"),
    QT_TRANSLATE_NOOP("FacetItems", "Tag"),
    QT_TRANSLATE_NOOP("FacetItems", "Person"),
    QT_TRANSLATE_NOOP("FacetItems", "Organisation"),
    QT_TRANSLATE_NOOP("FacetItems", "Place"),
    QT_TRANSLATE_NOOP("FacetItems", "Subject"),
    QT_TRANSLATE_NOOP("FacetItems", "Month"),
    QT_TRANSLATE_NOOP("FacetItems", "Has"),
)
"""The facets' titles as the services name them, marked for translation where shown."""
HAS_LABELS = (
    QT_TRANSLATE_NOOP("FacetItems", "Notes"),
    QT_TRANSLATE_NOOP("FacetItems", "Relations"),
    QT_TRANSLATE_NOOP("FacetItems", "Attachments"),
    QT_TRANSLATE_NOOP("FacetItems", "Date"),
    QT_TRANSLATE_NOOP("FacetItems", "Tags"),
)
"""The labels of the "Has" facet's values (fixed words, not record values)."""
_ALL_SHOWN = frozenset({FacetName.DECADE, FacetName.YEAR})  # dates read best complete


@dataclass(eq=False)
class FacetItem:
    """A facet (a group) or one of its values; values may hold values (years in decades).

    Attributes:
        label: what the tree shows.
        count: how many records of the current result have this value (None for a group).
        clause: the query clause that selects the value ("" for a group).
        key: a stable name for a group (the facet's name), to remember expansion.
        more_of: for the "Show all…" row, the name of the facet whose values it opens.
        parent: the item above (None for a group).
        children: the items below.
    """

    label: str
    count: int | None = None
    clause: str = ""
    key: str = ""
    more_of: str = ""
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


def facet_title(facet: Facet) -> str:
    """The facet's title in the user's language (query keywords are never translated)."""
    return QCoreApplication.translate("FacetItems", facet.title)


def value_label(facet_name: str, label: str) -> str:
    """A value's label as shown: the fixed words of "Has" and decades translated."""
    if facet_name == FacetName.HAS:
        return QCoreApplication.translate("FacetItems", label)
    if facet_name == FacetName.DECADE and label.endswith("s"):
        try:
            decade = int(label.removesuffix("s"))
        except ValueError:
            return label
        #: A decade: {0} is its first year, as in "1950s".
        return QCoreApplication.translate("FacetItems", "{0}s").format(decade)
    return label


def value_item(value: FacetValue, facet_name: str = "") -> FacetItem:
    """The tree item of a facet value."""
    return FacetItem(value_label(facet_name, value.label), value.count, value.clause)


def build_groups(facets: Sequence[Facet]) -> list[FacetItem]:
    """Tree groups for facets in the sidebar's order: empty facets, zero counts and the
    month facet left out, years under decades, long facets cut to their top values."""
    by_name = {facet.name: facet for facet in facets if facet.name != FacetName.MONTH}
    years = by_name.get(FacetName.YEAR)
    groups: list[FacetItem] = []
    for facet in sorted(by_name.values(), key=_position):
        if facet.name == FacetName.YEAR and FacetName.DECADE in by_name:
            continue  # shown inside the decades
        values = [value for value in facet.values if value.count > 0]
        if not values:
            continue
        group = FacetItem(facet_title(facet), key=facet.name)
        cut = len(values) > TOP_VALUES and facet.name not in _ALL_SHOWN
        for value in values[:TOP_VALUES] if cut else values:
            item = group.add(value_item(value, facet.name))
            if facet.name == FacetName.DECADE and years is not None:
                for year in _years_of(value.label, years.values):
                    item.add(value_item(year))
        if cut:
            more = QCoreApplication.translate("FacetItems", SHOW_ALL)
            group.add(FacetItem(more, more_of=facet.name))
        groups.append(group)
    return groups


def _position(facet: Facet) -> int:
    """Where a facet goes: the sidebar's order, then any other facet as given."""
    try:
        return SIDEBAR_FACETS.index(FacetName(facet.name))
    except ValueError:
        return len(SIDEBAR_FACETS)


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
