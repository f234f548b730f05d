"""Python's cycle collector paused while a long read or write runs.

An import allocates millions of small objects (parsed records, rows for the database)
and keeps a few batches alive at a time, so the collector ran every few hundred
records and walked every live object two dozen times per 100,000 records: a tenth of an
import's time, for no garbage (an import's objects are freed by reference counting; the
few cycles it leaves, SQLAlchemy's, do not grow with the file). Reference counting
carries on while the collector is paused.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_pauses = 0
_resume = False


@contextmanager
def collection_paused() -> Iterator[None]:
    """Pause the cycle collector for the ``with`` block (nested or on several threads:
    it resumes when the last block ends, if it was running before the first)."""
    global _pauses, _resume
    with _lock:
        if _pauses == 0:
            _resume = gc.isenabled()
            gc.disable()
        _pauses += 1
    try:
        yield
    finally:
        with _lock:
            _pauses -= 1
            if _pauses == 0 and _resume:
                gc.enable()
