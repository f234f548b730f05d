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
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from catalog.domain.dates import parse_date
from catalog.domain.doctypes import guess_document_type
from catalog.domain.errors import ImportFileError
from catalog.domain.records import RecordInput
from catalog.domain.wording import QT_TRANSLATE_NOOP

MAX_TITLE = 2000
"""The longest title, in characters, that a listing may hold."""

MAX_DATE = 60
"""A date line is short: longer lines are text, whatever they contain."""

NO_ENTRIES = QT_TRANSLATE_NOOP(
    "Errors",
    "no entries found: expected a date line such as 'December 06, 1955' followed by a title",
)

_LINE_BREAK = re.compile(r"\r\n|\r|\n")
# Spaces at either end of a line, and the invisible characters a web page leaves there.
_EDGES = re.compile(r"^[\s\ufeff\u200b-\u200f\u2060]+|[\s\ufeff\u200b-\u200f\u2060]+$")
_SPACES = re.compile(r"[\s\u200b\u2060]+")
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


@dataclass(frozen=True)
class _Line:
    """A non-blank line of the listing."""

    number: int  # 1-based
    text: str  # without surrounding spaces, inner runs of spaces as one
    content: str  # the text without its bullet
    bulleted: bool
    is_date: bool


# --------------------------------------------------------------------------- decoding


def _line_of(prefix: str) -> int:
    """The 1-based line on which the text that follows ``prefix`` starts."""
    return len(_LINE_BREAK.findall(prefix)) + 1


def decode_listing(data: bytes, path: str) -> str:
    """The text of a listing file: UTF-8 (with or without BOM), or UTF-16/32 with a BOM.

    Raises ``ImportFileError`` naming the line of a NUL byte or of the first byte that
    is not valid text.
    """
    for bom, encoding in (
        (codecs.BOM_UTF32_LE, "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError as error:
                line = _line_of(data[: error.start].decode(encoding, errors="replace"))
                name = encoding.upper()
                raise ImportFileError(
                    path,
                    QT_TRANSLATE_NOOP("Errors", "not {encoding} text at line {at}"),
                    line,
                    encoding=name,
                    at=line,
                ) from None
    skipped = len(codecs.BOM_UTF8) if data.startswith(codecs.BOM_UTF8) else 0
    data = data[skipped:]
    nul = data.find(b"\x00")
    if nul >= 0:
        line = _line_of(data[:nul].decode("utf-8", errors="replace"))
        raise ImportFileError(
            path, QT_TRANSLATE_NOOP("Errors", "binary data at line {at}"), line, at=line
        )
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = _line_of(data[: error.start].decode("utf-8", errors="replace"))
        byte = skipped + error.start + 1
        raise ImportFileError(
            path,
            QT_TRANSLATE_NOOP("Errors", "not UTF-8 text at line {at} (byte {byte})"),
            line,
            at=line,
            byte=byte,
        ) from None


def _decode_head(head: bytes) -> str:
    """The first bytes of a file as text, as well as they can be read (for sniffing)."""
    for bom, encoding in ((codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if head.startswith(bom) and not head.startswith(codecs.BOM_UTF32_LE):
            return head[: len(head) // 2 * 2].decode(encoding, errors="replace")
    return head.removeprefix(codecs.BOM_UTF8).decode("utf-8", errors="replace")


# --------------------------------------------------------------------------- lines


def _is_date(content: str) -> bool:
    """True when a line's text (bullet removed) is a date and nothing else."""
    if not content or len(content) > MAX_DATE or not any(ch.isalnum() for ch in content):
        return False
    try:
        return parse_date(content).understood
    except (ValueError, OverflowError):
        return False


def _scan(text: str) -> list[_Line | None]:
    """Each line of the text: a ``_Line``, or None for a blank or boilerplate line."""
    lines: list[_Line | None] = []
    for number, raw in enumerate(_LINE_BREAK.split(text), start=1):
        stripped = _SPACES.sub(" ", _EDGES.sub("", raw))
        if not stripped or _BOILERPLATE.fullmatch(stripped):
            lines.append(None)
            continue
        bullet = _BULLET.match(stripped)
        content = stripped[bullet.end() :].strip() if bullet else stripped
        if not content:
            lines.append(None)
            continue
        lines.append(_Line(number, stripped, content, bullet is not None, _is_date(content)))
    return lines


def _next_line(lines: list[_Line | None], index: int) -> _Line | None:
    """The first non-blank line after ``index``."""
    for following in range(index + 1, len(lines)):
        line = lines[following]
        if line is not None:
            return line
    return None


def _entry_starts(lines: list[_Line | None]) -> list[int]:
    """Indexes of the date lines that start entries (see the module's description)."""
    bulleted: list[int] = []  # bulleted date lines
    titled: list[int] = []  # date lines, bulleted or not, that a title line follows
    unbulleted = 0
    for index, line in enumerate(lines):
        if line is None or not line.is_date:
            continue
        if line.bulleted:
            bulleted.append(index)
        following = _next_line(lines, index)
        if following is not None and not following.is_date:
            titled.append(index)
            unbulleted += not line.bulleted
    # A listing "uses bullets" when most of its entries have one: then a stray bare year
    # in a summary never starts an entry; otherwise a stray bulleted year does not make
    # the other, unbulleted, date lines into summary text.
    if bulleted and 2 * len(bulleted) >= unbulleted:
        return bulleted
    return titled


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
        line = _line_of(text[:nul])
        raise ImportFileError(
            path, QT_TRANSLATE_NOOP("Errors", "binary data at line {at}"), line, at=line
        )
    if not text.strip():
        raise ImportFileError(path, QT_TRANSLATE_NOOP("Errors", "the file is empty"))
    lines = _scan(text)
    starts = _entry_starts(lines)
    if not starts:
        raise ImportFileError(path, NO_ENTRIES)
    bodies = [
        lines[start + 1 : end] for start, end in zip(starts, [*starts[1:], len(lines)], strict=True)
    ]
    grouped = [_paragraphs(body) for body in bodies]
    tight = all(len(paragraphs) <= 1 for paragraphs in grouped) and not any(
        body and body[0] is None for body in bodies
    )
    for start, paragraphs in zip(starts, grouped, strict=True):
        date = lines[start]
        assert date is not None  # starts are indexes of lines
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
                QT_TRANSLATE_NOOP(
                    "Errors", "the title is longer than {limit} characters ({count})"
                ),
                title_lines[0].number,
                limit=f"{MAX_TITLE:,}",
                count=f"{len(title):,}",
            )
        yield RecordInput(
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
        first = next((line.strip() for line in _LINE_BREAK.split(text) if line.strip()), "")
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
        try:
            data = path.read_bytes()
        except OSError as error:
            raise ImportFileError.unreadable(str(path), error) from None
        yield from parse_listing(decode_listing(data, str(path)), str(path))
