"""EAD3 export: the selection as one finding aid, a series per collection, an item per record.

The finding aid validates against the EAD3 1.1.1 schema (``ead3.xsd``):

* ``control``: ``recordid`` (``catalog-export`` unless given), the title as
  ``filedesc/titlestmt/titleproper``, ``maintenancestatus`` "new", Catalog as the
  ``maintenanceagency``, and a ``maintenancehistory`` with one "created" event (now, by
  a machine).
* ``archdesc level="collection"`` whose ``did/unittitle`` is the title, and a ``dsc``
  with one ``c level="series"`` per collection, in the order the collections are first
  met. A record is an item of its first collection; records in no collection go in a
  last series "Not in a collection". A record's other collections are named in a note.
* Each record is a ``c level="item" id="r-<uid>"``:

  =====================  ==============================================================
  ``did/origination``    persons (``persname``) and organisations (``corpname``) with
                         the role author, each name in one ``part``
  ``did/unittitle``      the title
  ``did/unitdate``       the verbatim date (its EDTF when it has no text), ``@normal``
                         the EDTF when Catalog understood it
  ``unitdatestructured`` for a simple date (``1959``, ``1959-10``, ``1959-10-05``) a
                         ``datesingle``, for a range of two such a ``daterange``, with
                         ``@standarddate``; left out for anything else (approximate,
                         uncertain, unspecified digits, open ends)
  ``did/unitid``         the source reference
  ``did/langmaterial``   one ``language`` per language (by name)
  ``did/repository``     the original archive
  ``accessrestrict/p``   "Classification: ..."
  ``controlaccess``      other persons and organisations (``@relator="recipient"`` for a
                         recipient), places (``geogname``), subjects (``subject``)
  ``scopecontent/p``     the summary, a ``p`` per paragraph (split at blank lines)
  ``odd/p``              each note; then "Tags: ...", "Also in: ..." collections
  =====================  ==============================================================

Not exported: relations between records (EAD3 ``relations`` point at outside
entities), attachments, the created and modified times, the version.

Records arrive in any order but the series must each be written whole, so each record's
``c`` is serialised as it comes into a temporary spool file and only its place (offset
and length) is kept per collection; the finding aid is then written series by series
from the spool. Memory holds two integers per record, never the records.
"""

from __future__ import annotations

import re
import tempfile
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path
from typing import BinaryIO

from lxml import etree

from catalog.domain.dates import PartialDate
from catalog.domain.errors import ExportError
from catalog.domain.records import AuthorityKind, RecordDetail, Role
from catalog.domain.wording import QT_TRANSLATE_NOOP
from catalog.services.transfer.dc_export import utc_stamp, xml_text
from catalog.services.transfer.export_options import Extra

EAD3_NS = "http://ead3.archivists.org/schema/"
EAD3_SCHEMA = "https://www.loc.gov/ead/ead3.xsd"
XSI_NS = "http://www.w3.org/2001/XMLSchema-instance"
DEFAULT_TITLE = "Records exported from Catalog"
RECORD_ID = "catalog-export"
NOT_IN_A_COLLECTION = "Not in a collection"
AGENCY = "Catalog"

# A date EAD3 can state as a standard date: a year, a month or a day (no qualifiers).
_SIMPLE_DATE = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?")
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
_NAME_ELEMENTS = {AuthorityKind.PERSON: "persname", AuthorityKind.ORGANISATION: "corpname"}

_Spool = dict[str | None, list[tuple[int, int]]]


def _sub(parent: etree._Element, tag: str, text: str | None = None) -> etree._Element:
    """A child element (no namespace: the fragment sits in the root's default namespace)."""
    child = etree.SubElement(parent, tag)
    if text is not None:
        child.text = xml_text(text)
    return child


def _name(parent: etree._Element, tag: str, name: str) -> etree._Element:
    """An EAD3 name element holding the whole name in one ``part``."""
    element = _sub(parent, tag)
    _sub(element, "part", name)
    return element


def _standard_dates(date: PartialDate) -> tuple[str, str] | None:
    """(from, to) standard dates of a simple date or range ("" to for a single date)."""
    edtf = date.edtf or ""
    if _SIMPLE_DATE.fullmatch(edtf):
        return edtf, ""
    start, slash, end = edtf.partition("/")
    if slash and _SIMPLE_DATE.fullmatch(start) and _SIMPLE_DATE.fullmatch(end):
        return start, end
    return None


def _dates(did: etree._Element, date: PartialDate) -> None:
    edtf = date.edtf if date.edtf and date.edtf != "XXXX" else ""
    text = date.text.strip() or edtf
    if not text:
        return
    unitdate = _sub(did, "unitdate", text)
    if edtf:
        unitdate.set("normal", edtf)
    standard = _standard_dates(date)
    if standard is None:
        return
    structured = _sub(did, "unitdatestructured")
    start, end = standard
    if not end:
        _sub(structured, "datesingle", start).set("standarddate", start)
        return
    daterange = _sub(structured, "daterange")
    _sub(daterange, "fromdate", start).set("standarddate", start)
    _sub(daterange, "todate", end).set("standarddate", end)


def _unique(values: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(v.strip() for v in values if v.strip()))


def item_element(record: RecordDetail) -> etree._Element:
    """A record as an EAD3 ``c level="item"`` (elements in no namespace; see the module)."""
    c = etree.Element("c", level="item", id=f"r-{record.uid}")
    did = _sub(c, "did")
    named = [a for a in record.authorities if a.kind in _NAME_ELEMENTS and a.name.strip()]
    authors = [a for a in named if a.role is Role.AUTHOR]
    if authors:
        origination = _sub(did, "origination")
        for link in authors:
            _name(origination, _NAME_ELEMENTS[link.kind], link.name.strip())
    _sub(did, "unittitle", record.title)
    _dates(did, record.date)
    if record.source_ref.strip():
        _sub(did, "unitid", record.source_ref.strip())
    languages = _unique(record.languages)
    if languages:
        material = _sub(did, "langmaterial")
        for language in languages:
            _sub(material, "language", language)
    if record.archive.strip():
        _name(_sub(did, "repository"), "corpname", record.archive.strip())
    if record.classification.strip():
        restrict = _sub(c, "accessrestrict")
        _sub(restrict, "p", f"Classification: {record.classification.strip()}")
    _access_terms(c, record)
    paragraphs = _unique(_PARAGRAPH_BREAK.split(record.summary))
    if paragraphs:
        scope = _sub(c, "scopecontent")
        for paragraph in paragraphs:
            _sub(scope, "p", paragraph)
    notes = _unique(a.text for a in record.annotations)
    tags = _unique(record.tags)
    if tags:
        notes.append("Tags: " + "; ".join(tags))
    others = _unique(record.collections)[1:]
    if others:
        notes.append("Also in: " + "; ".join(others))
    if notes:
        odd = _sub(c, "odd")
        for note in notes:
            _sub(odd, "p", note)
    return c


def _access_terms(c: etree._Element, record: RecordDetail) -> None:
    terms: list[tuple[str, str, str]] = []  # element, name, relator
    for link in record.authorities:
        name = link.name.strip()
        if not name:
            continue
        if link.kind in _NAME_ELEMENTS and link.role is not Role.AUTHOR:
            relator = "recipient" if link.role is Role.RECIPIENT else ""
            terms.append((_NAME_ELEMENTS[link.kind], name, relator))
        elif link.kind is AuthorityKind.PLACE:
            terms.append(("geogname", name, ""))
        elif link.kind is AuthorityKind.SUBJECT:
            terms.append(("subject", name, ""))
    if not terms:
        return
    access = _sub(c, "controlaccess")
    for tag, name, relator in dict.fromkeys(terms):
        element = _name(access, tag, name)
        if relator:
            element.set("relator", relator)


def _fragment(element: etree._Element) -> bytes:
    return etree.tostring(element, encoding="utf-8", pretty_print=True)


class Ead3Exporter:
    """Writes the records as one EAD3 finding aid: a series per collection, an item each."""

    name = "ead3"
    label = QT_TRANSLATE_NOOP("Formats", "EAD3 finding aid (XML)")
    suffix = ".xml"
    carries: frozenset[Extra] = frozenset({Extra.NOTES})

    def __init__(
        self, title: str = DEFAULT_TITLE, record_id: str = RECORD_ID, now: datetime | None = None
    ) -> None:
        self.title = title
        self.record_id = record_id
        self.now = now

    def write(self, records: Iterable[RecordDetail], out: Path) -> int:
        """Write every record to ``out``; return how many were written."""
        try:
            with tempfile.TemporaryFile() as spool:
                series, count = self._spool(records, spool)
                with out.open("wb") as handle:
                    self._write(handle, spool, series)
        except OSError as error:
            raise ExportError.cannot_write(out, error) from None
        return count

    @staticmethod
    def _spool(records: Iterable[RecordDetail], spool: BinaryIO) -> tuple[_Spool, int]:
        """Serialise each record's ``c`` into ``spool``; their places by first collection."""
        series: _Spool = {}
        count = offset = 0
        for record in records:
            collections = _unique(xml_text(c) for c in record.collections)
            key = collections[0] if collections else None
            data = _fragment(item_element(record))
            spool.write(data)
            series.setdefault(key, []).append((offset, len(data)))
            offset += len(data)
            count += 1
        if None in series:  # "Not in a collection" comes last
            series[None] = series.pop(None)
        return series, count

    def _write(self, handle: BinaryIO, spool: BinaryIO, series: _Spool) -> None:
        handle.write(b"<?xml version='1.0' encoding='utf-8'?>\n")
        handle.write(
            f'<ead xmlns="{EAD3_NS}" xmlns:xsi="{XSI_NS}" '
            f'xsi:schemaLocation="{EAD3_NS} {EAD3_SCHEMA}">\n'.encode()
        )
        handle.write(_fragment(self._control()))
        handle.write(b'<archdesc level="collection">\n')
        did = etree.Element("did")
        _sub(did, "unittitle", self.title)
        handle.write(_fragment(did))
        if series:
            handle.write(b"<dsc>\n")
        for number, (collection, places) in enumerate(series.items(), start=1):
            handle.write(f'<c level="series" id="s{number}">\n'.encode())
            did = etree.Element("did")
            _sub(did, "unittitle", NOT_IN_A_COLLECTION if collection is None else collection)
            handle.write(_fragment(did))
            for offset, length in places:
                spool.seek(offset)
                handle.write(spool.read(length))
            handle.write(b"</c>\n")
        if series:
            handle.write(b"</dsc>\n")
        handle.write(b"</archdesc>\n</ead>\n")

    def _control(self) -> etree._Element:
        control = etree.Element("control")
        _sub(control, "recordid", self.record_id)
        statement = _sub(_sub(control, "filedesc"), "titlestmt")
        _sub(statement, "titleproper", self.title)
        _sub(control, "maintenancestatus").set("value", "new")
        _sub(_sub(control, "maintenanceagency"), "agencyname", AGENCY)
        event = _sub(_sub(control, "maintenancehistory"), "maintenanceevent")
        _sub(event, "eventtype").set("value", "created")
        stamp = utc_stamp(self.now or datetime.now(UTC))
        _sub(event, "eventdatetime", stamp).set("standarddatetime", stamp)
        _sub(event, "agenttype").set("value", "machine")
        _sub(event, "agent", AGENCY)
        return control
