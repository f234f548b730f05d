"""Select records once the list shows them: after an import, the new records.

An import announces its ChangeSet, the window searches again off the UI thread, and only
the next result holds the new rows. :class:`PendingSelection` keeps the ids until then
and selects those the result holds (a search may leave some out).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from PySide6.QtCore import QItemSelectionModel, QObject

from catalog.ui.record_list.ids import IdArray, id_array, runs
from catalog.ui.record_list.selection import MAX_RUNS, selection_of
from catalog.ui.record_list.widget import RecordList


def select_ids(view: RecordList, ids: Sequence[int] | IdArray) -> int:
    """Select the rows of these records (replacing the selection); returns how many.

    The first of them becomes current and is scrolled to. A selection scattered into
    more than MAX_RUNS runs keeps only its first MAX_RUNS (Qt checks every run on paint).
    """
    model = view.records
    wanted = id_array(ids)
    if len(wanted) == 0 or model.rowCount() == 0:
        return 0
    starts, stops = runs(np.isin(model.id_array, wanted))
    starts, stops = starts[:MAX_RUNS], stops[:MAX_RUNS]
    if len(starts) == 0:
        return 0
    selection = selection_of(model, starts.tolist(), stops.tolist(), model.columnCount())
    first = model.index(int(starts[0]), 0)
    flags = QItemSelectionModel.SelectionFlag
    view.selectionModel().setCurrentIndex(first, flags.NoUpdate)
    view.selectionModel().select(selection, flags.ClearAndSelect)
    view.scrollTo(first)
    return int((stops - starts).sum())


class PendingSelection(QObject):
    """Ids to select when the next search result is shown."""

    def __init__(self, view: RecordList) -> None:
        super().__init__(view)
        self._view = view
        self._ids: list[IdArray] = []

    @property
    def pending(self) -> int:
        """How many ids still wait for a result."""
        return sum(len(ids) for ids in self._ids)

    def select_after_refresh(self, ids: Sequence[int]) -> None:
        """Select these ids (with those still pending) once the next result is shown."""
        self._ids.append(id_array(ids))

    def on_results(self, _outcome: object = None) -> None:
        """A result was shown: select the pending ids it holds."""
        if self._ids:
            ids, self._ids = np.concatenate(self._ids), []
            select_ids(self._view, ids)
