"""A fault found by the catalogue check, and the words its messages are made of.

A fault's ``area``, ``problem`` and ``repair`` are the English (``catalog check`` prints
them); a fault made by :meth:`Fault.of` also keeps each as a :class:`CatalogError` whose
template is marked ``QT_TRANSLATE_NOOP("Errors", ...)``, and the window shows those in its
language (``ui/translation.error_text``).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from catalog.domain.errors import CatalogError
from catalog.domain.wording import QT_TRANSLATE_NOOP


@dataclass(frozen=True)
class Fault:
    """One problem found, and the repair for it.

    Attributes:
        area: what was checked ("integrity", "links", "attached files", "search index").
        problem: what is wrong, in a sentence.
        repair: what repairs it, in a sentence.
        fix: the automatic repair (see :func:`repair`); "" when a person must act.
        area_message, problem_message, repair_message: the same, marked for translation
            (None for a fault made of plain English).
    """

    area: str
    problem: str
    repair: str
    fix: str = ""
    area_message: CatalogError | None = field(default=None, compare=False)
    problem_message: CatalogError | None = field(default=None, compare=False)
    repair_message: CatalogError | None = field(default=None, compare=False)

    @classmethod
    def of(
        cls, area: CatalogError, problem: CatalogError, repair: CatalogError, fix: str = ""
    ) -> Fault:
        """A fault whose area, problem and repair are these messages."""
        return cls(str(area), str(problem), str(repair), fix, area, problem, repair)

    @property
    def automatic(self) -> bool:
        """True when :func:`repair` can apply the repair."""
        return bool(self.fix)


def counted(n: int, nouns: tuple[str, str], **values: object) -> CatalogError:
    """``nouns[0]`` for one, else ``nouns[1]``: two marked templates, ``{count}`` in each
    filled with ``n`` (``1 note``, ``3 notes``; a translation may read right for any
    count, "заметок: {count}")."""
    return CatalogError(nouns[0] if n == 1 else nouns[1], count=f"{n:,}", **values)


def joined(parts: list[CatalogError], semicolons: bool = False) -> CatalogError:
    """``parts`` in a list, "a, b, c" (or "a; b; c"), each translated in turn."""
    if len(parts) == 1:
        return parts[0]
    if semicolons:
        template = QT_TRANSLATE_NOOP("Errors", "{first}; {rest}")
    else:
        template = QT_TRANSLATE_NOOP("Errors", "{first}, {rest}")
    return CatalogError(template, first=parts[0], rest=joined(parts[1:], semicolons))
