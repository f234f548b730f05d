"""Record ids of some rows of the list, kept as row ranges over one numpy array.

A million selected rows are one range here, so a selection costs a few integers however
large it is; the ids become a numpy array only when asked, and Python ints only when
iterated. The service's ``IdList`` (or any object with an int64 ``array``) is taken as
is, without a Python object per id.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any, overload

import numpy as np
import numpy.typing as npt

IdArray = npt.NDArray[np.int64]


def id_array(ids: Sequence[int] | IdArray) -> IdArray:
    """A read-only int64 array of ids, sharing memory with ``ids`` when it holds one."""
    held = getattr(ids, "array", ids)
    if isinstance(held, np.ndarray):
        array = np.asarray(held, dtype=np.int64).reshape(-1).view()
    elif isinstance(ids, range):
        array = np.arange(ids.start, ids.stop, ids.step, dtype=np.int64)
    else:
        array = np.fromiter(ids, dtype=np.int64, count=len(ids))
    array.flags.writeable = False
    return array


def runs(mask: npt.NDArray[np.bool_]) -> tuple[IdArray, IdArray]:
    """Starts and stops of the runs of True in a boolean mask."""
    padded = np.zeros(len(mask) + 2, dtype=np.int8)
    padded[1:-1] = mask
    edges = np.diff(padded)
    return np.flatnonzero(edges == 1), np.flatnonzero(edges == -1)


def merge_runs(starts: IdArray, stops: IdArray) -> tuple[IdArray, IdArray]:
    """Sorted, non-overlapping runs covering the same rows as possibly overlapping ones."""
    if len(starts) == 0:
        return starts, stops
    order = np.argsort(starts, kind="stable")
    starts, stops = starts[order], stops[order]
    reach = np.maximum.accumulate(stops)
    first = np.ones(len(starts), dtype=bool)
    first[1:] = starts[1:] > reach[:-1]
    heads = np.flatnonzero(first)
    return starts[heads], np.maximum.reduceat(stops, heads)


class RecordIds(Sequence[int]):
    """The ids of some rows, in list order: runs of rows over the list's id array.

    Attributes:
        starts: the first row of each run (sorted, runs do not overlap).
        stops: the row after each run.
    """

    def __init__(
        self, ids: IdArray, starts: IdArray | None = None, stops: IdArray | None = None
    ) -> None:
        self._ids = ids
        if starts is None or stops is None:
            starts = np.array([0] if len(ids) else [], dtype=np.int64)
            stops = np.array([len(ids)] if len(ids) else [], dtype=np.int64)
        self.starts = starts
        self.stops = stops
        self._ends = np.cumsum(stops - starts)
        self._array: IdArray | None = None

    @property
    def array(self) -> IdArray:
        """The ids as one read-only array (a view when they are one run)."""
        if self._array is None:
            if len(self.starts) == 1:
                array = self._ids[int(self.starts[0]) : int(self.stops[0])]
            else:
                slices = [self._ids[a:b] for a, b in zip(self.starts, self.stops, strict=True)]
                array = np.concatenate(slices) if slices else np.empty(0, dtype=np.int64)
                array.flags.writeable = False
            self._array = array
        return self._array

    @property
    def rows(self) -> IdArray:
        """The rows these ids are in."""
        parts = [np.arange(a, b) for a, b in zip(self.starts, self.stops, strict=True)]
        return np.concatenate(parts) if parts else np.empty(0, dtype=np.int64)

    def __len__(self) -> int:
        return int(self._ends[-1]) if len(self._ends) else 0

    @overload
    def __getitem__(self, item: int) -> int: ...

    @overload
    def __getitem__(self, item: slice) -> RecordIds: ...

    def __getitem__(self, item: int | slice) -> int | RecordIds:
        if isinstance(item, slice):
            return RecordIds(self.array[item])
        position = item + len(self) if item < 0 else item
        if not 0 <= position < len(self):
            raise IndexError("record index out of range")
        run = int(np.searchsorted(self._ends, position, side="right"))
        before = int(self._ends[run - 1]) if run else 0
        return int(self._ids[int(self.starts[run]) + position - before])

    def __iter__(self) -> Iterator[int]:
        return iter(self.array.tolist())

    def __contains__(self, value: object) -> bool:
        return isinstance(value, int) and bool(np.any(self.array == value))

    def __array__(self, dtype: Any = None, copy: Any = None) -> IdArray:
        return self.array if dtype is None else self.array.astype(dtype)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, RecordIds):
            return bool(np.array_equal(self.array, other.array))
        if isinstance(other, list | tuple):
            return len(other) == len(self) and self.array.tolist() == list(other)
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]  # compared by value, like a list

    def __repr__(self) -> str:
        head = self.array[:10].tolist()
        return f"RecordIds({head}{'...' if len(self) > 10 else ''})"
