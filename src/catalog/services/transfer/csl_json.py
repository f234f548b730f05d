"""CSL-JSON: records as citation items, for Zotero and other citation tools.

The file is a JSON array with one item per line. Every item has the CSL type
``manuscript`` (the type Zotero and CSL styles use for archival documents, and one every
style cites in its bibliography; the document type goes into ``genre`` instead, because
``personal_communication``, the obvious type for a letter, is left out of the
bibliography by author-date styles such as APA). Fields:

=====================  ==================================================================
``id``                 the record's uid
``title``              the title
``issued``             ``date-parts`` as far as the date is known (``[[1959, 10]]``; an
                       interval has its start and end), ``"circa": true`` for an
                       approximate date; a date known less exactly than a year, or not
                       understood, as ``{"literal": text}``; left out when undated
``abstract``           the summary
``genre``              the document type
``archive``            the original archive
``archive_location``   the source reference (fond, opis, delo, list ...)
``language``           the languages, joined with ", "
``author``             persons and organisations with the role author, as literal names
``recipient``          persons and organisations with the role recipient
``keyword``            subjects, then tags, joined with ", "
``note``               the classification
=====================  ==================================================================

Empty fields are left out. The output validates against the CSL ``csl-data.json`` schema.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

from catalog.domain.dates import PartialDate, date_parts, parse_edtf
from catalog.domain.errors import ExportError
from catalog.domain.records import AuthorityKind, RecordDetail, Role
from catalog.domain.wording import QT_TRANSLATE_NOOP
from catalog.services.transfer.export_options import Extra

CSL_TYPE = "manuscript"
_OPEN_ENDS = ("", "..")
_NAMED = (AuthorityKind.PERSON, AuthorityKind.ORGANISATION)


def issued(date: PartialDate) -> dict[str, object] | None:
    """The CSL date of a record's date, or None when there is nothing to say."""
    start = date_parts(date)
    if start is None:
        literal = date.text.strip() or (date.edtf or "")
        if not any(char.isalnum() and char != "X" for char in literal):
            return None  # no text, and an EDTF such as XXXX that says nothing
        return {"literal": literal}
    parts: list[list[int]] = [start]
    if date.edtf is not None and "/" in date.edtf:
        end_edtf = date.edtf.split("/", 1)[1]
        end = None if end_edtf in _OPEN_ENDS else date_parts(parse_edtf(end_edtf))
        if end is not None:
            parts.append(end)
    result: dict[str, object] = {"date-parts": parts}
    if date.approximate:
        result["circa"] = True
    return result


def csl_item(record: RecordDetail) -> dict[str, object]:
    """A record as one CSL-JSON item."""
    item: dict[str, object] = {"id": record.uid, "type": CSL_TYPE, "title": record.title}
    date = issued(record.date)
    if date is not None:
        item["issued"] = date
    subjects = [a.name for a in record.authorities if a.kind is AuthorityKind.SUBJECT]
    texts = {
        "abstract": record.summary,
        "genre": record.doc_type,
        "archive": record.archive,
        "archive_location": record.source_ref,
        "language": ", ".join(v for v in record.languages if v.strip()),
        "keyword": ", ".join(v for v in (*subjects, *record.tags) if v.strip()),
        "note": record.classification,
    }
    item.update((key, value) for key, value in texts.items() if value.strip())
    for key, role in (("author", Role.AUTHOR), ("recipient", Role.RECIPIENT)):
        names = [
            {"literal": a.name}
            for a in record.authorities
            if a.role is role and a.kind in _NAMED and a.name.strip()
        ]
        if names:
            item[key] = names
    return item


class CslJsonExporter:
    """Writes records as a CSL-JSON array of ``manuscript`` items."""

    name = "csl-json"
    label = QT_TRANSLATE_NOOP("Formats", "CSL-JSON (Zotero, citation tools)")
    suffix = ".json"
    carries: frozenset[Extra] = frozenset()

    def write(self, records: Iterable[RecordDetail], out: Path) -> int:
        """Write every record to ``out``; return how many were written."""
        count = 0
        uid = ""
        try:
            with out.open("w", encoding="utf-8", newline="\n") as handle:
                handle.write("[")
                for record in records:
                    uid = record.uid
                    line = json.dumps(csl_item(record), ensure_ascii=False, allow_nan=False)
                    handle.write(("\n" if count == 0 else ",\n") + line)
                    count += 1
                handle.write("\n]\n" if count else "]\n")
        except UnicodeEncodeError:
            raise ExportError(f"record {uid} holds text that is not valid Unicode") from None
        except OSError as error:
            raise ExportError(f"cannot write {out}: {error.strerror or error}") from None
        return count
