"""Back and forward through the records the detail pane has shown, as a browser does.

Pure Python (no Qt), so the rules are tested on their own: visiting after going back
drops the forward entries, visiting the record already current changes nothing, and the
oldest entries go once the list is full.
"""

from __future__ import annotations

DEFAULT_LIMIT = 100
"""How many records the pane remembers: enough for a session's trail, bounded memory."""


class History:
    """The records visited, oldest first, and which of them is current.

    Attributes:
        limit: the most entries kept; the oldest are dropped beyond it.
    """

    def __init__(self, limit: int = DEFAULT_LIMIT) -> None:
        if limit < 1:
            raise ValueError(f"a history holds at least one entry, not {limit}")
        self.limit = limit
        self._entries: list[int] = []
        self._index = -1

    @property
    def entries(self) -> tuple[int, ...]:
        """Every remembered record id, oldest first."""
        return tuple(self._entries)

    @property
    def current(self) -> int | None:
        """The record at the current position, or None before the first visit."""
        return self._entries[self._index] if self._entries else None

    @property
    def can_go_back(self) -> bool:
        """True when there is an older entry to go back to."""
        return self._index > 0

    @property
    def can_go_forward(self) -> bool:
        """True when back() was used and a newer entry is still ahead."""
        return self._index < len(self._entries) - 1

    def visit(self, record_id: int) -> bool:
        """Make a record current; returns False when it already was (nothing changes).

        Entries ahead of the current one are dropped, as a browser drops its forward
        list when a new page is opened after going back.
        """
        if record_id == self.current:
            return False
        del self._entries[self._index + 1 :]
        self._entries.append(record_id)
        if len(self._entries) > self.limit:
            del self._entries[: len(self._entries) - self.limit]
        self._index = len(self._entries) - 1
        return True

    def back(self) -> int | None:
        """Step to the previous entry and return it; None (and no move) at the start."""
        if not self.can_go_back:
            return None
        self._index -= 1
        return self._entries[self._index]

    def forward(self) -> int | None:
        """Step to the next entry and return it; None (and no move) at the end."""
        if not self.can_go_forward:
            return None
        self._index += 1
        return self._entries[self._index]
