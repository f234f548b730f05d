"""Between Qt's selection ranges and runs of rows, without a Python object per row.

A selection of a million rows is one ``QItemSelectionRange``; reading it as runs keeps
``selected_ids`` and the selected count as cheap as the number of ranges. Carrying a
selection into a new result matches ids with ``np.isin`` and selects the runs that
remain, up to a bound: a selection scattered into more runs than that keeps only the
current record, since Qt checks every range on each repaint.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from PySide6.QtCore import QAbstractItemModel, QItemSelection, QItemSelectionRange

from catalog.ui.record_list.ids import IdArray, RecordIds, merge_runs, runs

MAX_RUNS = 5000
"""The most separate runs of rows a new result re-selects."""


def selected_runs(selection: QItemSelection) -> tuple[IdArray, IdArray]:
    """Sorted, non-overlapping (start, stop) runs of the rows a selection touches."""
    ranges = (selection.at(n) for n in range(selection.size()))
    bounds = [(r.top(), r.bottom() + 1) for r in ranges if r.isValid()]
    pairs = np.array(bounds, dtype=np.int64).reshape(-1, 2)
    return merge_runs(pairs[:, 0], pairs[:, 1])


def kept_runs(
    old_ids: IdArray, new_ids: IdArray, kept: RecordIds
) -> tuple[IdArray, IdArray] | None:
    """Runs of rows of ``new_ids`` holding the ``kept`` ids; None when too scattered."""
    if len(kept) == 0 or len(new_ids) == 0:
        empty = np.empty(0, dtype=np.int64)
        return empty, empty
    if np.array_equal(old_ids, new_ids):
        starts, stops = kept.starts, kept.stops
    else:
        starts, stops = runs(np.isin(new_ids, kept.array))
    return (starts, stops) if len(starts) <= MAX_RUNS else None


def selection_of(
    model: QAbstractItemModel, starts: Sequence[int], stops: Sequence[int], columns: int
) -> QItemSelection:
    """Whole rows of each run, as a Qt selection."""
    selection = QItemSelection()
    last = columns - 1
    for start, stop in zip(starts, stops, strict=True):
        top_left = model.index(start, 0)
        selection.append(QItemSelectionRange(top_left, model.index(stop - 1, last)))
    return selection
