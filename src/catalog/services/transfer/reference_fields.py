"""What the reference-manager importers (CSL-JSON, RIS, BibTeX) share.

Reference managers know nothing of Catalog's uids, write their own item types, and
people save their exports in whatever encoding their tool chose. These helpers turn
those into Catalog's terms the same way for every format:

* ``source_uid``: an id that is already a UUID is kept (so an export from Catalog comes
  back as the same records); any other id becomes a stable UUID 5 of the format and the
  id, so importing the same file twice skips the records already imported.
* ``type_label``: an item type as a readable document type ("Letter").
* ``text_lines``: a file's lines as text, refusing what is not UTF-8 with a message that
  says what the file seems to be instead.
"""

from __future__ import annotations

import codecs
import re
import uuid
from collections.abc import Iterable, Iterator
from typing import BinaryIO, NoReturn

from catalog.domain.errors import CatalogError, ImportFileError
from catalog.domain.wording import QT_TRANSLATE_NOOP
from catalog.services.transfer.native_json_fields import bad_text

REFERENCE_NAMESPACE = uuid.UUID("6f2d7c1e-4b0a-5c8e-9d3f-2a1b0c9e8d7f")
"""The namespace of the uids made from reference-manager ids (fixed: changing it would
make a second import of the same file duplicate every record)."""

_UUID = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")
_SPLIT = re.compile(r"\s*;\s*")
_SPLIT_COMMA = re.compile(r"\s*[;,]\s*")
_LONE_CR = re.compile(rb"(?<=\r)(?!\n)")

# Item types (CSL, RIS, BibTeX, Zotero) as document types; others are title-cased.
TYPE_LABELS: dict[str, str] = {
    "manuscript": "Manuscript",
    "manscpt": "Manuscript",
    "unpublished": "Manuscript",
    "letter": "Letter",
    "personal_communication": "Letter",
    "pcomm": "Letter",
    "email": "Email",
    "icomm": "Email",
    "report": "Report",
    "rprt": "Report",
    "techreport": "Report",
    "interview": "Interview",
    "article-journal": "Journal article",
    "jour": "Journal article",
    "article": "Article",
    "article-newspaper": "Newspaper article",
    "news": "Newspaper article",
    "book": "Book",
    "chapter": "Book chapter",
    "chap": "Book chapter",
    "map": "Map",
    "thesis": "Thesis",
    "thes": "Thesis",
    "phdthesis": "Thesis",
    "mastersthesis": "Thesis",
    "speech": "Speech",
    "legislation": "Legislation",
    "treaty": "Treaty",
    "document": "Document",
    "generic": "",
    "gen": "",
    "misc": "",
    "article-magazine": "Magazine article",
    "mgzn": "Magazine article",
    "webpage": "Web page",
    "elec": "Web page",
    "hearing": "Hearing",
    "hear": "Hearing",
    "graphic": "Image",
}


def source_uid(format_name: str, source_id: str) -> str | None:
    """The uid for a reference manager's item id (see the module's description)."""
    text = source_id.strip()
    if not text:
        return None
    if _UUID.match(text):
        return text.lower()
    return str(uuid.uuid5(REFERENCE_NAMESPACE, f"{format_name}:{text}"))


def type_label(item_type: str) -> str:
    """A readable document type for an item type (``personal_communication`` → Letter)."""
    key = item_type.strip().casefold()
    if key in TYPE_LABELS:
        return TYPE_LABELS[key]
    return key.replace("_", " ").replace("-", " ").capitalize()


def split_list(text: str, commas: bool = True) -> tuple[str, ...]:
    """Values written in one field: split on ``;`` when there is one, else on ``,``."""
    parts = (_SPLIT if ";" in text or not commas else _SPLIT_COMMA).split(text)
    return tuple(unique(p.strip() for p in parts))


def unique(values: Iterable[str]) -> list[str]:
    """The non-empty values, first occurrence kept, in order."""
    seen: set[str] = set()
    result = []
    for value in values:
        if value and value not in seen:
            seen.add(value)
            result.append(value)
    return result


def date_text(parts: list[int]) -> str:
    """``[1959, 10]`` as ``1959-10``: year, month and day as far as they are known (not 0)."""
    year, known = parts[0], []
    for part in parts[1:3]:
        if part == 0:
            break  # a zero month or day is one that is not known
        known.append(part)
    text = f"-{-year:04d}" if year < 0 else f"{year:04d}"
    return text + "".join(f"-{part:02d}" for part in known)


def check_text(value: str, path: str, line: int | None, what: object) -> str:
    """``value``, or a clear error when it holds a NUL or a lone surrogate."""
    problem = bad_text(value)
    if problem:
        raise ImportFileError(
            path,
            QT_TRANSLATE_NOOP("Errors", "{what} holds {problem}"),
            line,
            what=what,
            problem=problem,
        )
    return value


def utf16_hint(data: bytes) -> CatalogError | None:
    """ "it is UTF-16 text" when the bytes look like UTF-16 (which has NULs in ASCII), or
    None (a phrase for a message, as an error: the window shows it translated)."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return CatalogError(QT_TRANSLATE_NOOP("Errors", "it is UTF-16 text"))
    sample = data[:4096]
    if len(sample) >= 2 and sample.count(0) * 3 >= len(sample):
        return CatalogError(
            QT_TRANSLATE_NOOP("Errors", "it looks like UTF-16 text without a byte-order mark")
        )
    return None


def encoding_guess(data: bytes) -> CatalogError | None:
    """What text that is not UTF-8 seems to be ("it looks like cp1251 text"), or None."""
    hint = utf16_hint(data)
    if hint:
        return hint
    try:
        from charset_normalizer import from_bytes

        best = from_bytes(data[:65536]).best()
    except Exception:  # a guess for the message only: it must never hide the real error
        return None
    if best is None or best.encoding in ("utf_8", "ascii"):
        return None
    return CatalogError(
        QT_TRANSLATE_NOOP("Errors", "it looks like {encoding} text"), encoding=best.encoding
    )


def not_utf8(
    path: str, data: bytes, line: int | None, kind: str, byte: int | None = None
) -> NoReturn:
    """Refuse a file that is not UTF-8, saying what it seems to be (and at which byte of
    the line, if known)."""
    guess = encoding_guess(data)
    where = (
        None
        if byte is None
        else CatalogError(QT_TRANSLATE_NOOP("Errors", "byte {byte} of the line"), byte=byte)
    )
    if where is not None and guess is not None:
        raise ImportFileError(
            path,
            QT_TRANSLATE_NOOP(
                "Errors", "the file is not UTF-8 text ({where}; {guess}); save it as UTF-8 {kind}"
            ),
            line,
            where=where,
            guess=guess,
            kind=kind,
        )
    details = where or guess
    if details is not None:
        raise ImportFileError(
            path,
            QT_TRANSLATE_NOOP(
                "Errors", "the file is not UTF-8 text ({details}); save it as UTF-8 {kind}"
            ),
            line,
            details=details,
            kind=kind,
        )
    raise ImportFileError(
        path,
        QT_TRANSLATE_NOOP("Errors", "the file is not UTF-8 text; save it as UTF-8 {kind}"),
        line,
        kind=kind,
    )


def text_lines(handle: BinaryIO, path: str, kind: str) -> Iterator[tuple[int, str]]:
    """Each line of the file as text, numbered from 1, line ends removed.

    Any line ends are accepted (``\\n``, ``\\r\\n``, ``\\r``) and a UTF-8 byte-order mark
    is skipped. A file that is not UTF-8 (UTF-16, cp1251 ...) or holds a NUL is refused,
    naming the line: guessing an encoding would import garbled names without a word.
    """
    number = 0
    for raw in handle:
        for part in _LONE_CR.split(raw) if b"\r" in raw else (raw,):
            if not part:
                continue
            number += 1
            if b"\x00" in part or (number == 1 and utf16_hint(part)):
                if utf16_hint(part):
                    not_utf8(path, part, number, kind)
                raise ImportFileError(
                    path, QT_TRANSLATE_NOOP("Errors", "the line holds a NUL character"), number
                )
            try:
                text = part.decode("utf-8")
            except UnicodeDecodeError as error:
                not_utf8(path, part, number, kind, error.start + 1)
            if number == 1:
                text = text.removeprefix("\ufeff")
            yield number, text.rstrip("\r\n")
