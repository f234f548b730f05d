"""BibTeX import: entries as Zotero, JabRef or Better BibTeX write them, as records.

===============================================  ======================================
``title``                                        the title (required)
``date``, else ``year`` and ``month``            the date (``year = 1959, month = oct``
                                                 reads as ``1959-10``)
``abstract``                                     the summary
``author``                                       persons with the role author
``recipient``                                    persons with the role recipient
``archive``                                      the archive
``archive_location`` (or ``archivelocation``),
else ``callnumber``, ``lccn``, ``shelfmark``     the source reference
``language``, else ``langid``                    the languages (split on ``,`` or ``;``)
``type``, else the entry type                    the document type (``@unpublished``
                                                 reads as "Manuscript")
``keywords``                                     the tags (split on ``;``, else ``,``)
``note``, ``annote``, ``annotation``             notes
the entry key                                    the uid (``reference_fields.source_uid``)
===============================================  ======================================

LaTeX in values (``{\\"o}``, ``\\&``) is decoded and grouping braces removed; ``@string``
macros are resolved across the file; ``@comment`` and ``@preamble`` are skipped.

bibtexparser parses; this module feeds it the file one entry at a time (bounded memory)
and keeps the line numbers. A bad file is never half-imported: the first block
bibtexparser cannot parse (or an entry with a field given twice) stops the import with an
error naming its line, and so do entries with no title and keys repeated in the file.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from bibtexparser import middlewares
from bibtexparser.entrypoint import parse_string
from bibtexparser.model import (
    DuplicateBlockKeyBlock,
    DuplicateFieldKeyBlock,
    Entry,
    ParsingFailedBlock,
    String,
)
from pylatexenc.latex2text import (  # type: ignore[import-untyped]
    LatexNodes2Text,
    MacroTextSpec,
    SpecialsTextSpec,
    get_default_latex_context_db,
)

from catalog.domain.errors import CatalogError, ImportFileError
from catalog.domain.records import AnnotationInput, AuthorityKind, NameLink, RecordInput, Role
from catalog.domain.wording import QT_TRANSLATE_NOOP
from catalog.services.transfer.reference_fields import (
    source_uid,
    split_list,
    text_lines,
    type_label,
    unique,
)

MAX_ENTRY_LINES = 100_000
"""The most lines one entry may have (an unclosed brace would otherwise read on forever)."""

MONTHS = {
    name: number
    for number, names in enumerate(
        (("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"),
         ("may",), ("jun", "june"), ("jul", "july"), ("aug", "august"),
         ("sep", "sept", "september"), ("oct", "october"), ("nov", "november"),
         ("dec", "december")),
        start=1,
    )
    for name in names
}  # fmt: skip
_ENTRY_START = re.compile(r"^\s*@\s*[A-Za-z]+\s*[{(]", re.MULTILINE)
_SKIPPED = ("comment", "preamble")
_LATEX = re.compile(r"[\\{}$~`]|''")
_BARE = re.compile(r"(?<!\\)([%&])")
_NAME_FIELDS = ("author", "recipient")


class _Decoder(LatexNodes2Text):  # type: ignore[misc]
    """bibtexparser's LaTeX decoder, with three changes for archival data.

    ``--`` stays ``--``: LaTeX typesets it as an en dash, but in subject headings
    ("China--Foreign relations") and archival references the hyphens are the data. A bare
    ``%`` or ``&`` (invalid LaTeX, common in real files) is kept, not read as a comment
    (which would drop the rest of the value) or an alignment tab. Plain text is returned
    as it is without being walked: decoding every value made imports 7 times slower.
    """

    def __init__(self) -> None:
        context = get_default_latex_context_db()
        context.add_context_category(
            "catalog-bibtex",
            prepend=True,
            macros=[
                MacroTextSpec("url", simplify_repl="%s"),
                MacroTextSpec("textasciicircum", simplify_repl="^"),
            ],
            specials=[SpecialsTextSpec("---", "---"), SpecialsTextSpec("--", "--")],
        )
        super().__init__(latex_context=context, keep_braced_groups=True, math_mode="verbatim")

    def latex_to_text(self, latex: str, **kwargs: object) -> str:
        if not _LATEX.search(latex) or _DATE_LIKE.fullmatch(latex):
            return latex  # an EDTF date keeps its ~ (circa), which LaTeX reads as a space
        return str(super().latex_to_text(_BARE.sub(r"\\\1", latex), **kwargs))


_DATE_LIKE = re.compile(r"[0-9X~?%/.\-]+")

_DECODER = _Decoder()


def _clean(value: str) -> str:
    """A decoded value without its grouping braces and runs of white space."""
    return " ".join(value.replace("{", "").replace("}", "").split())


def bibtex_date(fields: dict[str, str]) -> str:
    """``date``, else ``year`` and ``month`` as ``1959-10`` (other forms as written)."""
    if fields.get("date"):
        return fields["date"]
    year, month = fields.get("year", ""), fields.get("month", "").strip().rstrip(".")
    if not month:
        return year
    number = MONTHS.get(month.casefold()) or (int(month) if month.isdigit() else 0)
    if re.fullmatch(r"\d{4}", year) and 1 <= number <= 12:
        return f"{year}-{number:02d}"
    return f"{month} {year}".strip()


def entry_record(entry: Entry, strings: dict[str, str], line: int) -> RecordInput:
    """One parsed entry as a record (see the module's description); no checks."""
    fields: dict[str, str] = {}
    people: dict[str, list[str]] = {}
    for field in entry.fields:
        key = field.key.casefold()
        if key in fields or key in people:
            continue  # the same field in another case: the first one counts
        value = field.value
        if isinstance(value, list):
            people[key] = unique(_clean(str(name)) for name in value)
            continue
        text = str(value)
        if field.enclosing == "no-enclosing":  # a macro: @string, or a month name
            text = strings.get(text.casefold(), text)
        fields[key] = _clean(text)
    names = [NameLink(AuthorityKind.PERSON, n, Role.AUTHOR) for n in people.get("author", [])]
    names += [
        NameLink(AuthorityKind.PERSON, n, Role.RECIPIENT) for n in people.get("recipient", [])
    ]

    def first(*keys: str) -> str:
        return next((fields[k] for k in keys if fields.get(k)), "")

    notes = unique(fields.get(k, "") for k in ("note", "annote", "annotation"))
    return RecordInput(
        title=fields.get("title", ""),
        date_text=bibtex_date(fields),
        summary=fields.get("abstract", ""),
        doc_type=fields.get("type") or type_label(entry.entry_type),
        languages=split_list(first("language", "langid")),
        archive=fields.get("archive", ""),
        source_ref=first(
            "archive_location", "archivelocation", "callnumber", "call-number", "lccn", "shelfmark"
        ),
        names=tuple(names),
        tags=split_list(fields.get("keywords", "")),
        notes=tuple(AnnotationInput(note) for note in notes),
        uid=source_uid("bibtex", entry.key),
        line=line,
    )


class BibtexImporter:
    """Reads BibTeX entries, streaming; refuses the file at its first bad block."""

    name = "bibtex"
    label = QT_TRANSLATE_NOOP("Formats", "BibTeX")

    def sniff(self, head: bytes, path: Path) -> bool:
        """True when a line starts an entry (``@article{``, ``@misc(`` ...)."""
        text = head.decode("utf-8", errors="ignore").lstrip("\ufeff \t\r\n")
        if text.startswith(("[", "{")):
            return False  # JSON
        return _ENTRY_START.search(text) is not None

    def read(self, path: Path) -> Iterator[RecordInput]:
        """Parse the file, yielding records in file order."""
        name = str(path)
        strings: dict[str, str] = {**{k: str(v) for k, v in MONTHS.items()}}
        keys: dict[str, int] = {}
        try:
            handle = path.open("rb")
        except OSError as error:
            raise ImportFileError.unreadable(name, error) from None
        with handle:
            for start, text in _blocks(text_lines(handle, name, "BibTeX"), name):
                for line, entry in _entries(text, start, name, strings):
                    where = (
                        CatalogError(
                            QT_TRANSLATE_NOOP("Errors", "the entry {key}"), key=repr(entry.key)
                        )
                        if entry.key
                        else CatalogError(QT_TRANSLATE_NOOP("Errors", "an entry"))
                    )
                    if entry.key in keys:
                        raise ImportFileError(
                            name,
                            QT_TRANSLATE_NOOP(
                                "Errors", "{where} repeats the key of the entry at line {first}"
                            ),
                            line,
                            where=where,
                            first=keys[entry.key],
                        )
                    keys[entry.key] = line
                    record = entry_record(entry, strings, line)
                    if not record.title:
                        raise ImportFileError(
                            name,
                            QT_TRANSLATE_NOOP("Errors", "{where} has no title"),
                            line,
                            where=where,
                        )
                    yield record


def _entries(
    text: str, start: int, path: str, strings: dict[str, str]
) -> Iterator[tuple[int, Entry]]:
    """The entries of one block of the file, each with its line; @strings are remembered."""
    try:
        library = parse_string(
            text,
            append_middleware=[
                middlewares.NormalizeFieldKeys(),
                middlewares.LatexDecodingMiddleware(decoder=_DECODER),
                middlewares.SeparateCoAuthors(name_fields=_NAME_FIELDS),
            ],
        )
    except Exception as error:  # bibtexparser and pylatexenc slips: never a traceback
        raise ImportFileError(
            path, QT_TRANSLATE_NOOP("Errors", "not valid BibTeX ({reason})"), start, reason=error
        ) from None
    for block in library.blocks:
        line = start + (block.start_line or 0)
        if isinstance(block, ParsingFailedBlock):
            problem = _failure(block)
            raise ImportFileError(path, problem.template, line, **problem.values)
        if isinstance(block, String):
            strings[block.key.casefold()] = _clean(str(block.value))
        elif isinstance(block, Entry) and block.entry_type.casefold() not in _SKIPPED:
            yield line, block


def _failure(block: ParsingFailedBlock) -> CatalogError:
    """What went wrong in a block, in a line (bibtexparser's messages run on)."""
    if isinstance(block, DuplicateFieldKeyBlock):
        fields = ", ".join(sorted(block.duplicate_keys))
        return CatalogError(
            QT_TRANSLATE_NOOP("Errors", "the entry gives the field {fields} more than once"),
            fields=fields,
        )
    if isinstance(block, DuplicateBlockKeyBlock):
        return CatalogError(
            QT_TRANSLATE_NOOP("Errors", "the key {key} is used by an earlier entry"),
            key=repr(block.key),
        )
    error = str(getattr(block.error, "abort_reason", "") or block.error).strip()
    if "end of file" in error.casefold():
        return CatalogError(
            QT_TRANSLATE_NOOP(
                "Errors", "the entry is never closed (a '}' is missing, or the file is cut short)"
            )
        )
    detail = error.splitlines()[-1].strip() if error else ""
    if detail:
        return CatalogError(
            QT_TRANSLATE_NOOP("Errors", "not valid BibTeX: {detail}"), detail=detail
        )
    return CatalogError(QT_TRANSLATE_NOOP("Errors", "not valid BibTeX"))


def _blocks(lines: Iterator[tuple[int, str]], path: str) -> Iterator[tuple[int, str]]:
    """The file cut before each line that starts an entry at brace depth 0, with its line.

    Text before the first entry is a comment. A block may hold more than one entry
    when braces do not balance; bibtexparser sorts that out.
    """
    start: int | None = None
    depth = 0
    block: list[str] = []
    blank = False
    for number, text in lines:
        blank = blank or bool(text.strip())
        if text.lstrip().startswith("@") and depth <= 0:
            if start is not None:
                yield start, "\n".join(block)
            start, block, depth = number, [], 0
        if start is None:
            continue
        block.append(text)
        depth += text.count("{") - text.count("}")
        if len(block) > MAX_ENTRY_LINES:
            raise ImportFileError(
                path,
                QT_TRANSLATE_NOOP(
                    "Errors", "the entry at line {at} runs past {limit} lines (is a '}}' missing?)"
                ),
                start,
                at=start,
                limit=MAX_ENTRY_LINES,
            )
    if start is not None:
        yield start, "\n".join(block)
    else:
        empty = QT_TRANSLATE_NOOP("Errors", "no BibTeX entry in the file (no line starts with '@')")
        raise ImportFileError(
            path, empty if blank else QT_TRANSLATE_NOOP("Errors", "the file is empty")
        )
