"""What a click on a column header does to the sort: the rules, apart from any widget.

The list keeps two keys, as a user reads them: the column clicked last, and the one
before it to order ties ("by type, then by date").
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication

from catalog.domain.views import SortKey, SortOrder

KEPT_KEYS = 2
DEFAULT_SORT: tuple[SortOrder, ...] = (SortOrder(SortKey.DATE),)


def after_click(orders: Sequence[SortOrder], key: SortKey) -> tuple[SortOrder, ...]:
    """The sort after a click on the column of ``key``.

    The primary column again reverses it; another column becomes primary (ascending)
    and the previous primary becomes the secondary key.
    """
    if orders and orders[0].key is key:
        first = SortOrder(key, not orders[0].descending)
        return (first, *orders[1:KEPT_KEYS])
    rest = [order for order in orders if order.key is not key]
    return (SortOrder(key), *rest[: KEPT_KEYS - 1])


def describe(orders: Sequence[SortOrder], headers: dict[SortKey, str]) -> str:
    """The sort in words, for the header's tooltip and screen readers (``headers``: the
    columns' headers as shown, translated)."""
    if not orders:
        return QCoreApplication.translate("RecordListSorting", "Not sorted.")
    words = [
        (
            QCoreApplication.translate("RecordListSorting", "{0} (descending)")
            if o.descending
            else QCoreApplication.translate("RecordListSorting", "{0} (ascending)")
        ).format(headers.get(o.key, o.key.value.title()))
        for o in orders
    ]
    then = "".join(
        QCoreApplication.translate("RecordListSorting", ", then {0}").format(w) for w in words[1:]
    )
    return QCoreApplication.translate("RecordListSorting", "Sorted by {0}.").format(words[0] + then)
