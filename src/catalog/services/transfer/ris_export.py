"""RIS export: records as the tagged references every reference manager reads.

Tags are the ones Catalog's RIS importer (``ris.py``) reads, as Zotero writes them for
archival items, so that an export imports back:

==========  ============================================================================
``TY``      the reference type, from the document type (``type_for``): ``PCOMM`` for
            letters, cables and any record with recipients, ``ICOMM`` for e-mails,
            ``RPRT`` for reports, ``MAP`` for maps, ``GEN`` when there is no type,
            ``MANSCPT`` for every other archival document
``ID``      the uid (the importer keeps a UUID as the uid)
``TI``      the title
``DA``      the date: a plain day, month or year as ``1959/10//``; any other date
            (approximate, uncertain, a range, a season, text) as its verbatim text
``PY``      the year, when the date has one
``AB``      the summary
``AU``      persons with the role author, one per line
``A2``      persons with the role recipient (read back for ``PCOMM`` and ``ICOMM``)
``DB``      the archive
``AN``      the source reference (Zotero's "Loc. in Archive")
``LA``      the languages, joined with ``; `` (``languages``)
``M3``      the document type, as written
``KW``      the tags, one per line
``N1``      the notes' texts, one per line
==========  ============================================================================

Safety: a RIS line is a tag, and a record ends at the first ``ER  - `` line, so a value
must never span lines. Every line break inside a value (``\\n``, ``\\r``, and the other
characters some readers break lines on) is folded with the white space around it into
one space: a summary holding a line ``ER  - `` cannot end the record. Other control
characters are removed. Empty values are left out.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from catalog.domain.dates import PartialDate, date_parts
from catalog.domain.errors import ExportError
from catalog.domain.records import AuthorityKind, RecordDetail, Role
from catalog.domain.wording import QT_TRANSLATE_NOOP
from catalog.services.transfer.export_options import Extra

_BREAKS = re.compile(r"\s*[\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]+\s*")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
_LETTER_WORDS = ("letter", "cable", "telegram", "telegramme")


def clean(value: str) -> str:
    """A value as one safe RIS line: line breaks folded to a space, controls removed."""
    if not value.isprintable():
        value = _CONTROL.sub("", _BREAKS.sub(" ", value))
    return value.strip()


def type_for(record: RecordDetail) -> str:
    """The RIS reference type of a record (see the module's description)."""
    kind = record.doc_type.casefold()
    if "e-mail" in kind or "email" in kind:
        return "ICOMM"
    if any(word in kind for word in _LETTER_WORDS) or _people(record, Role.RECIPIENT):
        return "PCOMM"
    if "report" in kind:
        return "RPRT"
    if kind.strip() == "map":
        return "MAP"
    return "MANSCPT" if kind.strip() else "GEN"


def ris_dates(date: PartialDate) -> list[tuple[str, str]]:
    """The ``DA`` and ``PY`` lines of a date (none when undated)."""
    parts = date_parts(date)
    edtf = date.edtf or ""
    lines: list[tuple[str, str]] = []
    known = [f"{parts[0]:04d}", *(f"{p:02d}" for p in parts[1:])] if parts else []
    if parts is not None and parts[0] > 0 and edtf == "-".join(known):  # a plain date
        lines.append(("DA", "/".join([*known, "", ""][:3]) + "/"))
    elif clean(date.text):
        lines.append(("DA", clean(date.text)))
    elif edtf:
        lines.append(("DA", edtf))
    if parts is not None and parts[0] > 0:
        lines.append(("PY", f"{parts[0]:04d}"))
    return lines


def languages(values: Iterable[str]) -> str:
    """The ``LA`` line: languages joined with ``; `` (the importer splits on ``;``, or on
    ``,`` when there is no ``;``: a lone language holding a comma ends with ``;``)."""
    items = [v for v in map(clean, values) if v]
    lone = len(items) == 1 and "," in items[0] and ";" not in items[0]
    return "; ".join(items) + (";" if lone else "")


def _people(record: RecordDetail, role: Role) -> list[str]:
    return [a.name for a in record.authorities if a.kind is AuthorityKind.PERSON and a.role is role]


def ris_lines(record: RecordDetail) -> list[tuple[str, str]]:
    """A record as its ``(tag, value)`` lines, ``TY`` first and ``ER`` last."""
    ris_type = type_for(record)
    lines: list[tuple[str, str]] = [
        ("TY", ris_type),
        ("ID", record.uid),
        ("TI", record.title),
        *ris_dates(record.date),
        ("AB", record.summary),
        *(("AU", name) for name in _people(record, Role.AUTHOR)),
    ]
    if ris_type in ("PCOMM", "ICOMM"):
        lines += [("A2", name) for name in _people(record, Role.RECIPIENT)]
    lines += [
        ("DB", record.archive),
        ("AN", record.source_ref),
        ("LA", languages(record.languages)),
        ("M3", record.doc_type),
        *(("KW", tag) for tag in record.tags),
        *(("N1", note.text) for note in record.annotations),
    ]
    cleaned = [(tag, clean(value)) for tag, value in lines]
    return [(tag, value) for tag, value in cleaned if value] + [("ER", "")]


def _text(record: RecordDetail) -> Iterator[str]:
    for tag, value in ris_lines(record):
        yield f"{tag}  - {value}\n" if value else f"{tag}  - \n"


class RisExporter:
    """Writes records as RIS, one record at a time (UTF-8, ``\\n`` line ends)."""

    name = "ris"
    label = QT_TRANSLATE_NOOP("Formats", "RIS (reference managers)")
    suffix = ".ris"
    carries: frozenset[Extra] = frozenset({Extra.NOTES})

    def write(self, records: Iterable[RecordDetail], out: Path) -> int:
        """Write every record to ``out``; return how many were written."""
        count = 0
        uid = ""
        try:
            with out.open("w", encoding="utf-8", newline="\n") as handle:
                for record in records:
                    uid = record.uid
                    handle.write("".join(_text(record)) + "\n")
                    count += 1
        except UnicodeEncodeError:
            raise ExportError.not_unicode(uid) from None
        except OSError as error:
            raise ExportError.cannot_write(out, error) from None
        return count
