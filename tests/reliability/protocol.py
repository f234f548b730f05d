"""What a driver tells the test on its standard output, one flushed line at a time.

``START ...`` when the work begins (everything before it is start-up), ``COMMITTED ...``
after each commit the program acknowledged, ``DONE <seconds>`` when the work (from
START, closing included) is over. A line that reached the pipe was said before the kill.
"""

from __future__ import annotations

import sys
import time


class Say:
    """Prints protocol lines and times the work from START."""

    def __init__(self) -> None:
        self.started = 0.0

    def __call__(self, *words: object) -> None:
        sys.stdout.write(" ".join(str(word) for word in words) + "\n")
        sys.stdout.flush()

    def start(self, *words: object) -> None:
        self("START", *words)
        self.started = time.perf_counter()

    def done(self) -> None:
        self("DONE", f"{time.perf_counter() - self.started:.4f}")
