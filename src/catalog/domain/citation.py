"""A record's citation as the Wilson Center Digital Archive writes one, in plain text.

The archive's pages cite a document as::

    "Title," December 06, 1955, History and Public Policy Program Digital Archive,
    AVPRF, f. 0102, op. 11, d. 6, p. 60. Translated by Gary Goldberg. https://...

that is: the title in double quotes with a comma inside them, the date as the archive
wrote it, the collection, the original archive and its reference, then the address.
Researchers paste it into notes and papers, so it is one line of plain text.
"""

from __future__ import annotations

from catalog.domain.records import RecordDetail

NO_DATE = "n.d."
"""What stands for the date of an undated record, as in Chicago-style notes."""

_ENDS_SENTENCE = (".", "?", "!", ".'", ".’", '."', ".”", "?'", "!'")


def archive_citation(detail: RecordDetail) -> str:
    """The record's citation: title, date, collection, archive and reference, address."""
    title = _flat(detail.title).replace('"', "'")
    quoted = f'"{title}"' if title.endswith(("?", "!")) else f'"{title},"'
    date = _flat(detail.date.text) or detail.date.edtf or NO_DATE
    parts = [date, "; ".join(_flat(c) for c in detail.collections if c.strip())]
    archive, reference = _flat(detail.archive), _flat(detail.source_ref)
    if archive and not reference.casefold().startswith(archive.casefold()):
        parts.append(archive)
    parts.append(reference)
    body = ", ".join(part for part in parts if part)
    if not body.endswith(_ENDS_SENTENCE):
        body += "."
    identifier = _flat(detail.uid)
    return f"{quoted} {body} {identifier}" if identifier else f"{quoted} {body}"


def _flat(text: str) -> str:
    """The text on one line: every run of white space as a single space."""
    return " ".join(text.split())
