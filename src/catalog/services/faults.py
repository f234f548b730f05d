"""A fault found by the catalogue check, and the words its messages are made of."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Fault:
    """One problem found, and the repair for it.

    Attributes:
        area: what was checked ("integrity", "links", "attached files", "search index").
        problem: what is wrong, in a sentence.
        repair: what repairs it, in a sentence.
        fix: the automatic repair (see :func:`repair`); "" when a person must act.
    """

    area: str
    problem: str
    repair: str
    fix: str = ""

    @property
    def automatic(self) -> bool:
        """True when :func:`repair` can apply the repair."""
        return bool(self.fix)


def count(n: int, nouns: tuple[str, str]) -> str:
    """``1 note``, ``3 notes``."""
    return f"{n:,} {nouns[0] if n == 1 else nouns[1]}"
