"""The text of a digital archive's search-results page, as a researcher copies it.

A listing is a run of entries, each a date line (often bulleted: "  • October, 1959"), a
title and a summary of one or more paragraphs::

    Search in

    Digital Archive International History Declassified

      • December 06, 1955

        Journal of Soviet Ambassador to the DPRK V. I. Ivanov for 6 December 1955

        Nam Il tells Ivanov that Kim Il Sung is actively working to settle ...

The page reaches us however the browser and the editor left it: any line ending, tabs or
spaces, any bullet or none, with or without the page's header and navigation lines, in
UTF-8 (with or without a byte-order mark) or UTF-16 with a byte-order mark.

How entries are found:

* a line whose text (after its bullet) is short and is a date that
  ``catalog.domain.dates.parse_date`` understands is a *date line*;
* in a listing that uses bullets (at least half as many bulleted date lines as unbulleted
  ones followed by a title), every bulleted date line starts an entry and no other does:
  a summary paragraph that is a bare year stays in its summary;
* in a listing without bullets, a date line starts an entry only if the next non-blank
  line is not a date line too (a title follows it), so a summary paragraph that is a
  bare year, followed by the next entry's date, stays in its summary;
* everything before the first entry is the page's header and is ignored; navigation
  lines ("15 results", "Page 1 of 2", "Sort by ...") are dropped wherever they stand.

Inside an entry, blank lines separate paragraphs: the first is the title (a title wrapped
onto several lines is joined with spaces), the rest are the summary, joined with a blank
line. A file copied without any blank line inside its entries ("tight": no blank line
between any date and its title, never two paragraphs in an entry) reads the first line
after the date as the title and each further line as a summary paragraph.
"""

from __future__ import annotations

import codecs
import re
from array import array
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from itertools import chain, pairwise
from pathlib import Path
from typing import NamedTuple

from catalog.domain.dates import parse_date
from catalog.domain.doctypes import guess_document_type
from catalog.domain.errors import ImportFileError
from catalog.domain.records import RecordInput
from catalog.domain.wording import QT_TRANSLATE_NOOP
from catalog.services.transfer.listing_text import (
    LINE_BREAK,
    binary_data,
    decoded_lines,
    file_chunks,
    line_of,
)

MAX_TITLE = 2000
"""The longest title, in characters, that a listing may hold."""

MAX_DATE = 60
"""A date line is short: longer lines are text, whatever they contain."""

NO_ENTRIES = QT_TRANSLATE_NOOP(
    "Errors",
    "no entries found: expected a date line such as 'December 06, 1955' followed by a title",
)

# The invisible characters a web page leaves at either end of a line (beside spaces).
_INVISIBLE = "\ufeff\u200b\u200c\u200d\u200e\u200f\u2060"
# Runs of spaces inside a line, zero-width spaces among them.
_SPACES = re.compile(r"[\s\u200b\u2060]+")
_LONGEST_BOILERPLATE = 120  # page furniture is short: a longer line is text
# A bullet before a date line: typographic bullets may touch the text; ASCII ones may not.
_BULLET = re.compile(r"^(?:[•·●◦‣▪■□○∙⁃–—](?:\s*)|[-*+]\s+)")

_NAV_WORDS = r"(?:next|previous|prev|first|last|more|page)"
_BOILERPLATE = re.compile(
    "|".join(
        (
            r"search in",
            r"search(?: results?)?",
            r"(?:wilson center )?digital archive:?(?: international history declassified)?",
            r"international history declassified",
            r"\d[\d,.\s]*(?:results?|records?|documents?|items?|hits?)(?: found)?",
            r"(?:showing|displaying|viewing|results?)\s+\d[\d,]*\s*(?:-|–|to)\s*\d[\d,]*"
            r"\s+of\s+\d[\d,]*(?:\s+\w+)?",
            r"page\s+\d+(?:\s+of\s+\d+)?",
            r"sort(?:ed)?\s+by\b.{0,60}",
            r"(?:results?|items?|show)\s+per\s+page.{0,30}",
            r"(?:refine|filter|clear)(?: your| all)?(?: search| results| filters?)?",
            r"(?:load more|back to top|skip to (?:main )?content)",
            # Pager lines: page numbers, arrows and words such as "Next", nothing else.
            rf"(?=.*(?:\b{_NAV_WORDS}\b|[«‹<»›>]))(?:[\s\d.…|«‹<»›>]|{_NAV_WORDS})+",
        )
    ),
    re.IGNORECASE,
)


class _Line(NamedTuple):
    """A non-blank line of the listing."""

    number: int  # 1-based
    text: str  # without surrounding spaces, inner runs of spaces as one
    content: str  # the text without its bullet
    bulleted: bool
    is_date: bool


# --------------------------------------------------------------------------- decoding


def _decode_head(head: bytes) -> str:
    """The first bytes of a file as text, as well as they can be read (for sniffing)."""
    for bom, encoding in ((codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if head.startswith(bom) and not head.startswith(codecs.BOM_UTF32_LE):
            return head[: len(head) // 2 * 2].decode(encoding, errors="replace")
    return head.removeprefix(codecs.BOM_UTF8).decode("utf-8", errors="replace")


# --------------------------------------------------------------------------- lines


def _is_date(content: str) -> bool:
    """True when a line's text (bullet removed) is a date and nothing else."""
    if not content or len(content) > MAX_DATE:
        return False
    try:
        return parse_date(content).understood
    except (ValueError, OverflowError):
        return False


def normalise(raw: str) -> str:
    """A line without spaces and invisible characters at its ends, and with each run of
    spaces inside it as one space."""
    text = raw.strip()
    if text[:1] in _INVISIBLE or text[-1:] in _INVISIBLE:  # rare: a page's marks at an end
        while (stripped := text.strip().strip(_INVISIBLE)) != text:
            text = stripped
    if "\u200b" in text or "\u2060" in text:
        return _SPACES.sub(" ", text)
    return " ".join(text.split())  # str.split and the pattern's \s agree on what a space is


def _classify(number: int, raw: str) -> _Line | None:
    """A line as a ``_Line``, or None when it is blank or boilerplate."""
    stripped = normalise(raw)
    if not stripped or (len(stripped) <= _LONGEST_BOILERPLATE and _BOILERPLATE.fullmatch(stripped)):
        return None
    bullet = _BULLET.match(stripped)
    content = stripped[bullet.end() :].strip() if bullet else stripped
    if not content:
        return None
    return _Line(number, stripped, content, bullet is not None, _is_date(content))


def _scan(text: str) -> list[_Line | None]:
    """Each line of the text: a ``_Line``, or None for a blank or boilerplate line."""
    return [_classify(n, raw) for n, raw in enumerate(LINE_BREAK.split(text), start=1)]


def _next_line(lines: list[_Line | None], index: int) -> _Line | None:
    """The first non-blank line after ``index``."""
    for following in range(index + 1, len(lines)):
        line = lines[following]
        if line is not None:
            return line
    return None


# What the first reading keeps of each line: one byte.
_BLANK, _TEXT, _DATE, _BULLETED_DATE = 0, 1, 2, 3


@dataclass(frozen=True)
class _Outline:
    """Where a listing's entries start and how they are laid out (its first reading)."""

    codes: bytearray  # what each line is: _BLANK, _TEXT, _DATE or _BULLETED_DATE
    starts: array[int]  # 0-based indexes of the date lines that start entries
    tight: bool  # no blank line inside any entry: one line of title, a paragraph a line

    @classmethod
    def read(cls, lines: Iterable[str], path: str) -> _Outline:
        """Find the entries (see the module's description), keeping a byte per line."""
        codes = bytearray()
        bulleted = array("q")  # bulleted date lines
        titled = array("q")  # date lines, bulleted or not, that a title line follows
        unbulleted = 0
        waiting = -1  # a date line whose next non-blank line is still to come
        blank = True
        for index, raw in enumerate(lines):
            blank = blank and not raw.strip()
            line = _classify(index + 1, raw)
            if line is None:
                codes.append(_BLANK)
                continue
            code = (_BULLETED_DATE if line.bulleted else _DATE) if line.is_date else _TEXT
            codes.append(code)
            if waiting >= 0 and code == _TEXT:
                titled.append(waiting)
                unbulleted += codes[waiting] == _DATE
            waiting = -1 if code == _TEXT else index
            if code == _BULLETED_DATE:
                bulleted.append(index)
        if blank:
            raise ImportFileError(path, QT_TRANSLATE_NOOP("Errors", "the file is empty"))
        # A listing "uses bullets" when most of its entries have one: then a stray bare
        # year in a summary never starts an entry; otherwise a stray bulleted year does not
        # make the other, unbulleted, date lines into summary text.
        starts = bulleted if bulleted and 2 * len(bulleted) >= unbulleted else titled
        if not starts:
            raise ImportFileError(path, NO_ENTRIES)
        tight = all(
            not body or (body[0] != _BLANK and _BLANK not in body.rstrip(b"\x00"))
            for body in (codes[a + 1 : b] for a, b in pairwise(chain(starts, [len(codes)])))
        )
        return cls(codes, starts, tight)


def _paragraphs(body: list[_Line | None]) -> list[list[_Line]]:
    """The lines of an entry's body grouped into paragraphs at blank lines."""
    paragraphs: list[list[_Line]] = []
    current: list[_Line] = []
    for line in body:
        if line is None:
            if current:
                paragraphs.append(current)
                current = []
        else:
            current.append(line)
    if current:
        paragraphs.append(current)
    return paragraphs


# --------------------------------------------------------------------------- parsing


def parse_listing(text: str, path: str = "<text>") -> Iterator[RecordInput]:
    """Read the records of a listing's text, in order.

    Each record has the verbatim date text, the title, the summary, a document type
    guessed from the title, and the 1-based line of its date line. Raises
    ``ImportFileError`` (with the line where it applies) for an empty file, a file with no
    entries, NUL characters, an entry without a title and a title over 2,000 characters.
    """
    text = text.removeprefix("\ufeff")
    nul = text.find("\x00")
    if nul >= 0:
        raise binary_data(path, line_of(text[:nul]))
    yield from _records(lambda: iter(LINE_BREAK.split(text)), path)


def read_listing(chunks: Callable[[], Iterable[bytes]], path: str) -> Iterator[RecordInput]:
    """Read the records of a listing file, given as a fresh run of its bytes for each call
    of ``chunks``: it is read twice (where the entries start, then the entries), so
    that only one entry at a time is held, however long the file."""
    yield from _records(lambda: decoded_lines(chunks(), path), path)


def _records(lines: Callable[[], Iterator[str]], path: str) -> Iterator[RecordInput]:
    """The records of a listing whose lines ``lines`` gives afresh at each call."""
    outline = _Outline.read(lines(), path)
    starts = outline.starts
    upcoming = iter(starts[1:])
    next_start = starts[0]
    date: _Line | None = None
    body: list[_Line | None] = []
    for index, raw in enumerate(lines()):
        if index == next_start:
            if date is not None:
                yield _record(date, body, outline.tight, path)
            date, body = _classify(index + 1, raw), []
            next_start = next(upcoming, -1)
        elif date is not None:  # the first reading knows which lines are blank
            if outline.codes[index] == _BLANK:
                body.append(None)
            else:
                text = normalise(raw)
                body.append(_Line(index + 1, text, text, False, False))
    if date is not None:
        yield _record(date, body, outline.tight, path)


def _record(date: _Line, body: list[_Line | None], tight: bool, path: str) -> RecordInput:
    """The record of one entry: its date line, then the lines down to the next entry."""
    paragraphs = _paragraphs(body)
    if not paragraphs:
        raise ImportFileError(
            path,
            QT_TRANSLATE_NOOP(
                "Errors",
                "the entry dated {date} has no title (expected a title line below the date)",
            ),
            date.number,
            date=repr(date.content),
        )
    if tight:
        first, *rest = paragraphs[0]
        title_lines, summary = [first], [[line] for line in rest]
    else:
        title_lines, summary = paragraphs[0], paragraphs[1:]
    title = " ".join(line.text for line in title_lines)
    if len(title) > MAX_TITLE:
        raise ImportFileError(
            path,
            QT_TRANSLATE_NOOP("Errors", "the title is longer than {limit} characters ({count})"),
            title_lines[0].number,
            limit=f"{MAX_TITLE:,}",
            count=f"{len(title):,}",
        )
    return RecordInput(
        title=title,
        date_text=date.content,
        summary="\n\n".join(" ".join(line.text for line in para) for para in summary),
        doc_type=guess_document_type(title),
        line=date.number,
    )


# --------------------------------------------------------------------------- importer


def _looks_like_other_format(first: str) -> bool:
    """True when the first line of a file is JSON, XML, CSV, TSV, BibTeX or RIS."""
    if first[:1] in ("[", "{", "<", "@", '"'):
        return True
    if re.match(r"[A-Z][A-Z0-9]  - ", first):  # RIS
        return True
    if _is_date(first) or _BULLET.match(first):
        return False
    return first.count("\t") >= 2 or first.count(",") >= 2 or first.count(";") >= 2


class ListingImporter:
    """Reads the text of a digital archive's search-results page."""

    name = "listing"
    label = QT_TRANSLATE_NOOP("Formats", "Digital-archive listing (text)")

    def sniff(self, head: bytes, path: Path) -> bool:
        """True for a page's header, or a date line followed by a title-like line."""
        text = _decode_head(head)
        if "\x00" in text:
            return False
        first = next((line.strip() for line in LINE_BREAK.split(text) if line.strip()), "")
        if not first or _looks_like_other_format(first):
            return False
        if re.search(r"\bdigital archive\b", text, re.IGNORECASE):
            return True
        lines = _scan(text)
        for index, line in enumerate(lines):
            if line is not None and line.is_date:
                following = _next_line(lines, index)
                if (
                    following is not None
                    and not following.is_date
                    and len(following.text) <= MAX_TITLE
                    and any(ch.isalpha() for ch in following.text)
                ):
                    return True
        return False

    def read(self, path: Path) -> Iterator[RecordInput]:
        """Parse the file, yielding records in file order."""
        yield from read_listing(lambda: file_chunks(path), str(path))
