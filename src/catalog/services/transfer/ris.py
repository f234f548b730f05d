"""RIS import: the tagged format every reference manager (Zotero, EndNote ...) exports.

Each record runs from ``TY  - `` to ``ER  - ``. Tags are read as Zotero writes them for
archival items (its RIS translator is the reference):

==================  =========================================================
``TI``, ``T1``      the title (``ST``, the short title, when there is no other)
``DA``, else
``PY``, ``Y1``      the date: ``1959/10//`` reads as ``1959-10``; other forms as written
``AB``, ``N2``      the summary
``AU``, ``A1``      persons with the role author
``A2``              for letters and e-mails (``PCOMM``, ``ICOMM``): the recipients
``DB``              the archive (Zotero's "Archive")
``AN``, else
``CN``, ``AV``      the source reference (Zotero's "Loc. in Archive", the call number)
``LA``              the languages (split on ``,`` or ``;``)
``M3``, else ``TY`` the document type (``PCOMM`` reads as "Letter")
``KW``              tags, one per line (a line may hold several, split on ``;``)
``N1``              notes, one per tag
``ID``              the uid (see ``reference_fields.source_uid``)
==================  =========================================================

The parsing of a record's lines is rispy's; this module cuts the stream into records
(one in memory at a time), keeps the line numbers and refuses, naming the line: a file
that is not UTF-8, NUL bytes, tags outside a record, a record cut short (no ``ER``),
records with no title and ids repeated inside the file. Tags Catalog has no place for
are listed in ``ignored_tags`` after a read.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import rispy

from catalog.domain.errors import ImportFileError
from catalog.domain.records import AnnotationInput, AuthorityKind, NameLink, RecordInput, Role
from catalog.domain.wording import QT_TRANSLATE_NOOP
from catalog.services.transfer.reference_fields import (
    date_text,
    source_uid,
    split_list,
    text_lines,
    type_label,
    unique,
)

MAX_RECORD_LINES = 100_000
"""The most lines one record may have (a missing ``ER`` would otherwise read on forever)."""

KNOWN_TAGS = frozenset(
    [
        "TY",
        "TI",
        "T1",
        "ST",
        "DA",
        "PY",
        "Y1",
        "AB",
        "N2",
        "AU",
        "A1",
        "A2",
        "DB",
        "AN",
        "CN",
        "AV",
        "LA",
        "M3",
        "KW",
        "N1",
        "ID",
        "ER",
    ]
)
_TAG = re.compile(r"^([A-Z][A-Z0-9])  -(?: |$)")
_START = re.compile(r"^\s*TY  - ", re.MULTILINE)
_RIS_DATE = re.compile(r"^\s*(\d{4})(?:/(\d{0,2})(?:/(\d{0,2})(?:/.*)?)?)?\s*$")
_RECIPIENT_TYPES = ("PCOMM", "ICOMM")
# rispy's keys for the tags this module reads that it does not know by default
_MAPPING = {**rispy.TAG_KEY_MAPPING, "AV": "archive_location", "A2": "secondary_authors"}
_LISTS = [*rispy.LIST_TYPE_TAGS, "LA"]


def ris_date(text: str) -> str:
    """``1959/10//`` as ``1959-10``; zero parts are unknown; other text is kept as it is."""
    found = _RIS_DATE.match(text)
    if found is None:
        return text.strip()
    numbers = [int(found.group(1))]
    for group in found.group(2, 3):
        if not group or int(group) == 0:
            break
        numbers.append(int(group))
    if numbers[0] == 0:
        return text.strip()
    return date_text(numbers)


def _first(entry: dict[str, Any], *keys: str) -> str:
    """The first non-empty value among ``keys`` (the first line of a repeated tag)."""
    for key in keys:
        value = entry.get(key)
        if isinstance(value, list):
            value = next((v for v in value if isinstance(v, str) and v.strip()), "")
        if isinstance(value, str) and value.strip():
            return value.strip()
    return ""


def _all(entry: dict[str, Any], *keys: str) -> list[str]:
    values: list[str] = []
    for key in keys:
        value = entry.get(key)
        if isinstance(value, str):
            values.append(value)
        elif isinstance(value, list):
            values.extend(v for v in value if isinstance(v, str))
    return unique(v.strip() for v in values)


def entry_record(entry: dict[str, Any], line: int) -> RecordInput:
    """One rispy entry as a record (see the module's description); no checks."""
    ris_type = _first(entry, "type_of_reference").upper()
    authors = _all(entry, "authors", "first_authors")
    recipients = _all(entry, "secondary_authors") if ris_type in _RECIPIENT_TYPES else []
    names = [NameLink(AuthorityKind.PERSON, n, Role.AUTHOR) for n in authors]
    names += [NameLink(AuthorityKind.PERSON, n, Role.RECIPIENT) for n in recipients]
    tags = [tag for value in _all(entry, "keywords") for tag in split_list(value, commas=False)]
    languages = [lang for value in _all(entry, "language") for lang in split_list(value)]
    return RecordInput(
        title=_first(entry, "title", "primary_title", "short_title"),
        date_text=ris_date(_first(entry, "date", "year", "publication_year")),
        summary=_first(entry, "abstract", "notes_abstract"),
        doc_type=_first(entry, "type_of_work") or type_label(ris_type),
        languages=tuple(unique(languages)),
        archive=_first(entry, "name_of_database"),
        source_ref=_first(entry, "accession_number", "call_number", "archive_location"),
        names=tuple(names),
        tags=tuple(unique(tags)),
        notes=tuple(AnnotationInput(note) for note in _all(entry, "notes")),
        uid=source_uid("ris", _first(entry, "id")),
        line=line,
    )


class RisImporter:
    """Reads RIS records, streaming.

    Attributes:
        ignored_tags: after a read, the tags Catalog has no place for, sorted.
    """

    name = "ris"
    label = QT_TRANSLATE_NOOP("Formats", "RIS (reference managers)")

    def __init__(self) -> None:
        self.ignored_tags: list[str] = []

    def sniff(self, head: bytes, path: Path) -> bool:
        """True when a line starts with ``TY  - `` (a record's type tag)."""
        text = head.decode("utf-8", errors="ignore")
        return _START.search(text) is not None

    def read(self, path: Path) -> Iterator[RecordInput]:
        """Parse the file, yielding records in file order."""
        self.ignored_tags = []
        name = str(path)
        ignored: set[str] = set()
        ids: dict[str, int] = {}
        try:
            handle = path.open("rb")
        except OSError as error:
            raise ImportFileError.unreadable(name, error) from None
        with handle:
            records = _records(text_lines(handle, name, "RIS"), name)
            for number, (line, lines) in enumerate(records, start=1):
                tags = (found.group(1) for found in map(_TAG.match, lines) if found)
                ignored.update(tag for tag in tags if tag not in KNOWN_TAGS)
                entry = _parse(lines, name, line)
                record = entry_record(entry, line)
                if not record.title:
                    raise ImportFileError(
                        name,
                        QT_TRANSLATE_NOOP(
                            "Errors",
                            "record {number} (TY at line {at}) has no title (no TI or T1 line)",
                        ),
                        line,
                        number=number,
                        at=line,
                    )
                source = _first(entry, "id")
                if source:
                    if source in ids:
                        raise ImportFileError(
                            name,
                            QT_TRANSLATE_NOOP(
                                "Errors",
                                "record {number} (TY at line {at}) repeats the ID {id} "
                                "of the record at line {first}",
                            ),
                            line,
                            number=number,
                            at=line,
                            id=repr(source[:60]),
                            first=ids[source],
                        )
                    ids[source] = line
                yield record
        self.ignored_tags = sorted(ignored)


def _parse(lines: list[str], path: str, line: int) -> dict[str, Any]:
    parser = rispy.RisParser(
        mapping=_MAPPING, list_tags=_LISTS, delimiter_tags_mapping={}, skip_unknown_tags=True
    )
    try:
        entries = parser.parse_lines(iter(lines))
    except (KeyError, TypeError, AttributeError, ValueError) as error:  # rispy's own slips
        raise ImportFileError(
            path,
            QT_TRANSLATE_NOOP("Errors", "the record cannot be read ({reason})"),
            line,
            reason=error,
        ) from None
    return entries[0] if entries else {}


def _records(lines: Iterator[tuple[int, str]], path: str) -> Iterator[tuple[int, list[str]]]:
    """Each record's lines (``TY`` to ``ER``) with the line its ``TY`` is on.

    Untagged text outside records is skipped, as Zotero does: databases write a header
    before the first record, rispy and EndNote number the records ("1.") between them.
    """
    start: int | None = None
    seen = blank = False  # a record seen; any text seen
    record: list[str] = []
    for number, text in lines:
        blank = blank or bool(text.strip())
        tag = _TAG.match(text)
        if start is None:
            if tag is not None and tag.group(1) == "TY":
                start, record, seen = number, [text], True
            elif tag is not None:
                raise ImportFileError(
                    path,
                    QT_TRANSLATE_NOOP(
                        "Errors", "the {tag} line is not inside a record (expected 'TY  - ')"
                    ),
                    number,
                    tag=tag.group(1),
                )
            continue
        if tag is not None and tag.group(1) == "TY":
            raise ImportFileError(
                path,
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "a new record starts before the record at line {at} ended with 'ER  - '",
                ),
                number,
                at=start,
            )
        record.append(text)
        if tag is not None and tag.group(1) == "ER":
            yield start, record
            start, record = None, []
        elif len(record) > MAX_RECORD_LINES:
            raise ImportFileError(
                path,
                QT_TRANSLATE_NOOP("Errors", "the record at line {at} has more than {limit} lines"),
                start,
                at=start,
                limit=MAX_RECORD_LINES,
            )
    if start is not None:
        raise ImportFileError(
            path,
            QT_TRANSLATE_NOOP(
                "Errors",
                "the record at line {at} has no 'ER  - ' end line (is the file cut short?)",
            ),
            start,
            at=start,
        )
    if not seen:
        empty = QT_TRANSLATE_NOOP(
            "Errors", "no RIS record in the file (no line starts with 'TY  - ')"
        )
        raise ImportFileError(
            path, empty if blank else QT_TRANSLATE_NOOP("Errors", "the file is empty")
        )
