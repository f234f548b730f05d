"""BibTeX export: one entry per record, for LaTeX (BibTeX and biblatex) and Zotero.

A record with a document type is an ``@unpublished`` entry (the type reference managers
use for manuscripts) with the type in ``type``; one without is ``@misc``. Fields, named
as Catalog's BibTeX importer (``bibtex.py``) reads them so that an export imports back:

======================  =================================================================
the key                 author, year and first title word, ASCII (``ivanov1959journal``);
                        a key already used in the file gets ``a``, ``b`` ... ``z``,
                        ``aa`` ... appended
``title``               the title
``author``              persons with the role author, joined with `` and ``
``recipient``           persons with the role recipient
``date``                the date's EDTF (biblatex reads ``1959-10``, ``1959~``,
                        ``1955/1957``); a date with no EDTF goes in ``year`` as its text
``year``, ``month``     the year and month for classic BibTeX styles (``month = oct``)
``abstract``            the summary
``type``                the document type
``language``            the languages, joined with ``, `` (``; `` when one holds a comma,
                        and a lone one with a comma ends with ``;``)
``archive``             the archive
``archive_location``    the source reference
``keywords``            the tags, joined the same way as the languages
``note``                the notes' texts, joined with a blank line
``ids``                 the uid (biblatex's key aliases; the key itself is not a uid)
======================  =================================================================

Every value is braced and escaped: ``\\ { } % & $ # _ ~ ^`` become LaTeX commands
(``\\textbackslash{}``, ``\\textbraceleft{}``, ``\\%`` ...), so braces always balance
whatever the text, and backticks and doubled apostrophes are kept from turning into
quotation marks. Line breaks are folded into spaces and control characters removed.
Korean, Chinese, Russian and other text is written as UTF-8 (biber and BibTeX 0.99+ with
``inputenc`` read it). A person's name holding `` and `` is braced as one name.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from pathlib import Path

from catalog.domain.dates import PartialDate, Precision, date_parts
from catalog.domain.errors import ExportError
from catalog.domain.records import AuthorityKind, RecordDetail, Role
from catalog.domain.wording import QT_TRANSLATE_NOOP
from catalog.services.transfer.export_options import Extra

MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_SPECIAL = {
    "\\": r"\textbackslash{}",
    "{": r"\textbraceleft{}",
    "}": r"\textbraceright{}",
    "%": r"\%",
    "&": r"\&",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
    "`": "{`}",
}
_ESCAPE = re.compile(r"[\\{}%&$#_~^`]|'(?=')")
_SPACE = re.compile(r"[\s\x85\u2028\u2029]+")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
_EDTF = re.compile(r"^[0-9X~?%/.\-]+$")
_AND = re.compile(r"\band\b|^others$", re.IGNORECASE)
_WORD = re.compile(r"[A-Za-z0-9]+")
_STOP = frozenset(("a", "an", "the", "of", "on", "in", "to", "and", "for", "from"))
_LATIN = (
    "a", "b", "v", "g", "d", "e", "e", "zh", "z", "i", "i", "k", "l", "m", "n", "o", "p",
    "r", "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "iu", "ia",
)  # fmt: skip
_CYRILLIC = dict(zip("абвгдеёжзийклмнопрстуфхцчшщъыьэюя", _LATIN, strict=True))


def escape(value: str) -> str:
    """``value`` as the inside of a braced BibTeX value (see the module's description)."""
    if value.isprintable() and "  " not in value:  # the common case: nothing to fold
        text = value.strip()
    else:
        text = _CONTROL.sub("", _SPACE.sub(" ", value)).strip()
    if not _ESCAPE.search(text):
        return text
    return _ESCAPE.sub(lambda found: _SPECIAL.get(found.group(0), "'{}"), text)


def ascii_words(text: str) -> list[str]:
    """The ASCII words of ``text``, lowercased: accents dropped, Cyrillic transliterated,
    other scripts left out."""
    if text.isascii():
        return _WORD.findall(text.lower())
    folded = "".join(_CYRILLIC.get(c, c) for c in text.casefold())
    plain = unicodedata.normalize("NFKD", folded).encode("ascii", "ignore").decode("ascii")
    return _WORD.findall(plain)


def key_base(record: RecordDetail) -> str:
    """The key before any suffix: first author's surname, year, first title word."""
    authors = _people(record, Role.AUTHOR)
    surname = ""
    if authors:
        name = authors[0]
        words = ascii_words(name.split(",")[0] if "," in name else name)
        surname = words[0] if "," in name and words else (words[-1] if words else "")
    parts = date_parts(record.date)
    year = f"{parts[0]:04d}" if parts is not None and parts[0] > 0 else ""
    title = next((w for w in ascii_words(record.title) if w not in _STOP), "")
    return f"{surname}{year}{title}" or "record"


def suffix(number: int) -> str:
    """The ``number``-th key suffix, from 0: ``a`` ... ``z``, ``aa``, ``ab`` ..."""
    letters = ""
    number += 1
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(ord("a") + rest) + letters
    return letters


class KeyMaker:
    """Unique keys for the entries of one file (in memory: the keys made, ~100 bytes a
    record)."""

    def __init__(self) -> None:
        self.used: set[str] = set()
        self._next: dict[str, int] = {}  # a base's next suffix to try

    def key(self, record: RecordDetail) -> str:
        base = key_base(record)
        key = base
        if key in self.used:
            number = self._next.get(base, 0)
            while base + suffix(number) in self.used:
                number += 1
            key = base + suffix(number)
            self._next[base] = number + 1
        self.used.add(key)
        return key


def _people(record: RecordDetail, role: Role) -> list[str]:
    return [
        a.name
        for a in record.authorities
        if a.kind is AuthorityKind.PERSON and a.role is role and a.name.strip()
    ]


def _names(names: list[str]) -> str:
    escaped = [escape(name) for name in names]
    return " and ".join(f"{{{n}}}" if _AND.search(n) else n for n in escaped if n)


def _joined(values: Iterable[str]) -> str:
    """Values as one field the importer splits back: on ``,``, or on ``;`` when a value
    holds a comma (a lone value then ends with ``;`` so that it is not split)."""
    items = [v.strip() for v in values if v.strip()]
    if not any("," in v for v in items):
        return ", ".join(items)
    return "; ".join(items) + (";" if len(items) == 1 else "")


def date_fields(date: PartialDate) -> list[tuple[str, str]]:
    """The ``date``, ``year`` and ``month`` fields of a date (``month`` as a macro)."""
    edtf = date.edtf or ""
    if not edtf or not _EDTF.match(edtf):
        text = escape(date.text)
        return [("year", f"{{{text}}}")] if text else []
    fields = [("date", f"{{{edtf}}}")]
    parts = date_parts(date)
    if parts is not None and parts[0] > 0:
        fields.append(("year", f"{{{parts[0]}}}"))
        plain = not (date.approximate or date.uncertain or "/" in edtf)
        if plain and date.precision >= Precision.MONTH and len(parts) > 1:
            fields.append(("month", MONTHS[parts[1] - 1]))
    return fields


def entry(record: RecordDetail, key: str) -> str:
    """A record as one BibTeX entry with the given key."""
    texts = {
        "title": escape(record.title),
        "author": _names(_people(record, Role.AUTHOR)),
        "recipient": _names(_people(record, Role.RECIPIENT)),
    }
    fields = [(k, f"{{{v}}}") for k, v in texts.items() if v]
    fields += date_fields(record.date)
    texts = {
        "abstract": escape(record.summary),
        "type": escape(record.doc_type),
        "language": escape(_joined(record.languages)),
        "archive": escape(record.archive),
        "archive_location": escape(record.source_ref),
        "keywords": escape(_joined(record.tags)),
        "note": "\n\n".join(filter(None, (escape(n.text) for n in record.annotations))),
        "ids": escape(record.uid),
    }
    fields += [(k, f"{{{v}}}") for k, v in texts.items() if v]
    kind = "unpublished" if record.doc_type.strip() else "misc"
    body = ",\n".join(f"  {name} = {value}" for name, value in fields)
    return f"@{kind}{{{key},\n{body}\n}}\n"


class BibtexExporter:
    """Writes records as BibTeX entries, one record at a time (UTF-8)."""

    name = "bibtex"
    label = QT_TRANSLATE_NOOP("Formats", "BibTeX")
    suffix = ".bib"
    carries: frozenset[Extra] = frozenset({Extra.NOTES})

    def write(self, records: Iterable[RecordDetail], out: Path) -> int:
        """Write every record to ``out``; return how many were written."""
        count = 0
        uid = ""
        keys = KeyMaker()
        try:
            with out.open("w", encoding="utf-8", newline="\n") as handle:
                for record in records:
                    uid = record.uid
                    handle.write(("\n" if count else "") + entry(record, keys.key(record)))
                    count += 1
        except UnicodeEncodeError:
            raise ExportError.not_unicode(uid) from None
        except OSError as error:
            raise ExportError.cannot_write(out, error) from None
        return count
