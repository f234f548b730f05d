"""CSV: one row per record, the format spreadsheets open.

The header names these columns, in this order::

    uid, title, date, edtf, summary, type, languages, archive, source_ref, classification,
    collections, authors, recipients, people, organisations, places, subjects, tags, notes,
    relations, created, modified

``date`` is the verbatim text and ``edtf`` its normalised form; ``created`` and
``modified`` are ISO 8601 UTC timestamps. ``authors`` and ``recipients`` are the persons
with those roles, ``people`` every other person; ``organisations``, ``places`` and
``subjects`` are those authorities whatever their role (read back as mentioned, and
subjects as subject). ``notes`` holds the notes' texts, ``relations`` the outgoing links
as ``type:uid``. Variant names, note authors and times, and attachments are not in CSV
(use native JSON for a lossless copy).

Multi-valued cells join their values with ``|``. Inside a value a backslash escapes a
``|``, a backslash, or white space at either end of the value (which the reader would
otherwise trim): ``a\\|b`` is one value ``a|b``. Any other backslash is kept as it is.

Cells that a spreadsheet would run as a formula (starting with ``=``, ``+``, ``-``, ``@``,
a tab or a carriage return) are written with a leading ``'``. So that a round trip is
exact, a value that starts with apostrophes followed by one of those characters gets one
more, and the reader takes exactly one off such cells.

The writer (``csv_export``) and the reader (``csv_import``) live apart; what is here is
what both, and the XLSX export, must agree on.
"""

from __future__ import annotations

from collections.abc import Iterable

from catalog.domain.records import AuthorityKind, Role

COLUMNS = (
    "uid", "title", "date", "edtf", "summary", "type", "languages", "archive", "source_ref",
    "classification", "collections", "authors", "recipients", "people", "organisations",
    "places", "subjects", "tags", "notes", "relations", "created", "modified",
)  # fmt: skip
"""The columns the exporter writes, in order, and the ones the importer knows."""

SEPARATOR = "|"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

# Which authorities go in which column, and the kind and role they are read back as.
NAME_COLUMNS: dict[str, tuple[AuthorityKind, Role]] = {
    "authors": (AuthorityKind.PERSON, Role.AUTHOR),
    "recipients": (AuthorityKind.PERSON, Role.RECIPIENT),
    "people": (AuthorityKind.PERSON, Role.MENTIONED),
    "organisations": (AuthorityKind.ORGANISATION, Role.MENTIONED),
    "places": (AuthorityKind.PLACE, Role.MENTIONED),
    "subjects": (AuthorityKind.SUBJECT, Role.SUBJECT),
}


def needs_guard(value: str) -> bool:
    """True when a spreadsheet would run the cell (or the cell only looks guarded)."""
    return value.lstrip("'").startswith(FORMULA_STARTS)


def neutralise(value: str) -> str:
    """The cell to write for ``value``: formula starts get a leading apostrophe."""
    return "'" + value if needs_guard(value) else value


def unneutralise(cell: str) -> str:
    """The value a cell written by ``neutralise`` holds."""
    return cell[1:] if cell.startswith("'") and needs_guard(cell) else cell


def escape_value(value: str) -> str:
    """``value`` as it goes into a multi-valued cell (see the module's description)."""
    body = value.replace("\\", "\\\\").replace(SEPARATOR, "\\" + SEPARATOR)
    core = body.strip()
    if core == body:
        return body
    start = body.index(core) if core else len(body)
    lead, trail = body[:start], body[start + len(core) :]
    return "".join("\\" + c for c in lead) + core + "".join("\\" + c for c in trail)


def join_values(values: Iterable[str]) -> str:
    """Values joined into one cell (empty values are left out)."""
    return SEPARATOR.join(escape_value(v) for v in values if v)


def split_values(cell: str) -> tuple[str, ...]:
    """The values of a multi-valued cell (see the module's description)."""
    if "\\" not in cell:
        return tuple(v for v in (part.strip() for part in cell.split(SEPARATOR)) if v)
    items: list[list[tuple[str, bool]]] = [[]]  # characters, and whether escaped
    i = 0
    while i < len(cell):
        char, following = cell[i], cell[i + 1 : i + 2]
        if char == "\\" and following and (following in "\\|" or following.isspace()):
            items[-1].append((following, True))
            i += 2
            continue
        if char == SEPARATOR:
            items.append([])
        else:
            items[-1].append((char, False))
        i += 1
    values = []
    for item in items:
        start, end = 0, len(item)
        while start < end and not item[start][1] and item[start][0].isspace():
            start += 1
        while end > start and not item[end - 1][1] and item[end - 1][0].isspace():
            end -= 1
        value = "".join(char for char, _ in item[start:end])
        if value:
            values.append(value)
    return tuple(values)
