"""Dublin Core export: ``oai_dc`` records, alone or as a whole OAI-PMH ListRecords response.

Two exporters share one mapping of a record to an ``oai_dc:dc`` element (the mirror of
the Dublin Core importer in ``dublin_core``, so that an export imports back):

==============  ===========================================================================
``title``       the title
``creator``     persons and organisations with the role author
``contributor`` every other person and organisation (recipients, persons mentioned)
``subject``     the subjects (one element each)
``description`` the summary, one element per paragraph (split at blank lines; the
                importer joins them with blank lines again)
``publisher``   the original archive
``date``        the date's EDTF (``1959-10``, ``1950~``, ``1945/1950``) when Catalog
                understood it, else the verbatim text; left out when undated and blank
``type``        the document type
``language``    each language
``identifier``  the source reference, then the record's uid as ``urn:uuid:...``
``coverage``    the places
``relation``    the uid of each related record, as ``urn:uuid:...``
==============  ===========================================================================

Dublin Core has no element for the classification, the tags, the notes or the
attachments: they are not exported (``dc:rights`` is about the rights in a resource, not
its security classification).

* ``DublinCoreExporter`` ("dc") writes a ``records`` wrapper element (no namespace)
  holding one ``oai_dc:dc`` per record; each ``oai_dc:dc`` validates against
  ``oai_dc.xsd`` (the wrapper itself belongs to no schema: it only holds them).
* ``OaiPmhExporter`` ("oai-pmh") writes a complete OAI-PMH 2.0 ``ListRecords`` response
  that validates against ``OAI-PMH.xsd``: each record's header has the identifier
  ``oai:catalog:<uid>``, the datestamp of its last change (UTC) and one ``setSpec`` per
  collection. A set spec admits only ``A-Z a-z 0-9 - _ . ! ~ * ' ( )``, so every other
  character of a collection name is written as ``~`` and two hex digits per UTF-8 byte
  ("Korean War" becomes ``Korean~20War``); ``set_name`` reverses it. A selection with no
  records is the protocol's ``noRecordsMatch`` error response.

Both stream: each record is written as it comes, so memory does not grow with the
selection. Characters XML cannot hold (C0 controls other than tab, newline and carriage
return; U+FFFE, U+FFFF) are dropped and lone surrogates become U+FFFD, so the file is
always well-formed UTF-8.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime
from pathlib import Path

from lxml import etree

from catalog.domain.dates import PartialDate
from catalog.domain.errors import ExportError
from catalog.domain.records import AuthorityKind, RecordDetail, Role
from catalog.domain.wording import QT_TRANSLATE_NOOP
from catalog.services.transfer.export_options import Extra

OAI_NS = "http://www.openarchives.org/OAI/2.0/"
OAI_DC_NS = "http://www.openarchives.org/OAI/2.0/oai_dc/"
DC_NS = "http://purl.org/dc/elements/1.1/"
XSI_NS = "http://www.w3.org/2001/XMLSchema-instance"
OAI_SCHEMA = "http://www.openarchives.org/OAI/2.0/OAI-PMH.xsd"
OAI_DC_SCHEMA = "http://www.openarchives.org/OAI/2.0/oai_dc.xsd"
BASE_URL = "urn:catalog:oai"
"""The ``request`` element's base URL: a file export answers no real endpoint."""

_DC_NSMAP = {"oai_dc": OAI_DC_NS, "dc": DC_NS}
_OAI_DC = f"{{{OAI_DC_NS}}}dc"
_SCHEMA_LOCATION = f"{{{XSI_NS}}}schemaLocation"
_NAMED = (AuthorityKind.PERSON, AuthorityKind.ORGANISATION)

# Characters XML 1.0 cannot hold: C0 controls (but tab, LF, CR), surrogates, U+FFFE/U+FFFF.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_SET_SAFE = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.!*'()")
_SET_ESCAPE = re.compile(r"~([0-9A-F]{2})")
_PARAGRAPH_BREAK = re.compile(r"\n[^\S\n]*\n\s*")


def _repair(match: re.Match[str]) -> str:
    return "\ufffd" if "\ud800" <= match.group() <= "\udfff" else ""


def xml_text(text: str) -> str:
    """``text`` with the characters XML cannot hold removed (lone surrogates: U+FFFD)."""
    return _NOT_XML.sub(_repair, text) if _NOT_XML.search(text) else text


def set_spec(collection: str) -> str:
    """A collection name as an OAI-PMH set spec ("" for a blank name)."""
    out: list[str] = []
    for char in collection.strip():
        if char in _SET_SAFE:
            out.append(char)
        else:
            out.extend(f"~{byte:02X}" for byte in char.encode("utf-8", "surrogatepass"))
    return "".join(out)


def set_name(spec: str) -> str:
    """The collection name a set spec written by ``set_spec`` stands for."""
    if "~" not in spec:
        return spec
    raw = bytearray()
    position = 0
    for match in _SET_ESCAPE.finditer(spec):
        raw += spec[position : match.start()].encode("utf-8")
        raw.append(int(match.group(1), 16))
        position = match.end()
    raw += spec[position:].encode("utf-8")
    return raw.decode("utf-8", "replace")


def dc_date(date: PartialDate) -> str:
    """The ``dc:date`` of a date: its EDTF when understood and dated, else its text."""
    if date.edtf and date.edtf != "XXXX":
        return date.edtf
    return date.text.strip()


def _unique(values: Iterable[str]) -> Iterator[str]:
    """The non-blank values (stripped), first occurrence kept, in order."""
    return iter(dict.fromkeys(v.strip() for v in values if v.strip()))


def paragraphs(text: str) -> list[str]:
    """The paragraphs of a text (split at blank lines), blank ones left out."""
    return [p.strip() for p in _PARAGRAPH_BREAK.split(text) if p.strip()]


def dc_fields(record: RecordDetail) -> list[tuple[str, str]]:
    """The Dublin Core elements of a record: (local name, text), in writing order."""
    links = record.authorities
    fields: list[tuple[str, str]] = [("title", record.title)]
    named = [a for a in links if a.kind in _NAMED]
    fields += (("creator", n) for n in _unique(a.name for a in named if a.role is Role.AUTHOR))
    others = (a.name for a in named if a.role is not Role.AUTHOR)
    fields += (("contributor", n) for n in _unique(others))
    subjects = (a.name for a in links if a.kind is AuthorityKind.SUBJECT)
    fields += (("subject", n) for n in _unique(subjects))
    fields += (("description", v) for v in _unique(paragraphs(record.summary)))
    fields += (("publisher", v) for v in _unique([record.archive]))
    fields += (("date", v) for v in _unique([dc_date(record.date)]))
    fields += (("type", v) for v in _unique([record.doc_type]))
    fields += (("language", v) for v in _unique(record.languages))
    fields += (("identifier", v) for v in _unique([record.source_ref, f"urn:uuid:{record.uid}"]))
    places = (a.name for a in links if a.kind is AuthorityKind.PLACE)
    fields += (("coverage", n) for n in _unique(places))
    related = (f"urn:uuid:{r.other_uid}" for r in record.relations if r.other_uid)
    fields += (("relation", v) for v in _unique(related))
    return fields


def dc_element(record: RecordDetail) -> etree._Element:
    """A record as an ``oai_dc:dc`` element."""
    dc = etree.Element(_OAI_DC, nsmap=_DC_NSMAP)
    dc.set(_SCHEMA_LOCATION, f"{OAI_DC_NS} {OAI_DC_SCHEMA}")
    for local, text in dc_fields(record):
        etree.SubElement(dc, f"{{{DC_NS}}}{local}").text = xml_text(text)
    return dc


def utc_stamp(moment: datetime) -> str:
    """A time as OAI-PMH's UTC datetime (``2024-03-04T06:16:17Z``); naive means UTC."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _oai(local: str) -> str:
    return f"{{{OAI_NS}}}{local}"


def _oai_element(local: str) -> etree._Element:
    """A top-level OAI-PMH element, in the default namespace as its parent declares it."""
    return etree.Element(_oai(local), nsmap={None: OAI_NS})  # type: ignore[dict-item]


def _header(record: RecordDetail) -> etree._Element:
    header = _oai_element("header")
    etree.SubElement(header, _oai("identifier")).text = f"oai:catalog:{record.uid}"
    etree.SubElement(header, _oai("datestamp")).text = utc_stamp(record.modified)
    for spec in dict.fromkeys(set_spec(xml_text(c)) for c in record.collections):
        if spec:
            etree.SubElement(header, _oai("setSpec")).text = spec
    return header


class DublinCoreExporter:
    """Writes one ``oai_dc:dc`` per record inside a ``records`` wrapper element."""

    name = "dc"
    label = QT_TRANSLATE_NOOP("Formats", "Dublin Core (oai_dc XML)")
    suffix = ".xml"
    carries: frozenset[Extra] = frozenset({Extra.RELATIONS})

    def write(self, records: Iterable[RecordDetail], out: Path) -> int:
        """Write every record to ``out``; return how many were written."""
        count = 0
        try:
            with etree.xmlfile(str(out), encoding="utf-8") as xf:
                xf.write_declaration()
                with xf.element("records"):
                    xf.write("\n")
                    for record in records:
                        xf.write(dc_element(record), pretty_print=True)
                        count += 1
        except OSError as error:
            raise ExportError.cannot_write(out, error) from None
        return count


class OaiPmhExporter:
    """Writes a complete OAI-PMH 2.0 ListRecords response (metadata prefix ``oai_dc``)."""

    name = "oai-pmh"
    label = QT_TRANSLATE_NOOP("Formats", "OAI-PMH ListRecords (Dublin Core)")
    suffix = ".xml"
    carries: frozenset[Extra] = frozenset({Extra.RELATIONS})

    def __init__(self, base_url: str = BASE_URL, now: datetime | None = None) -> None:
        self.base_url = base_url
        self.now = now

    def write(self, records: Iterable[RecordDetail], out: Path) -> int:
        """Write every record to ``out``; return how many were written."""
        count = 0
        items = iter(records)
        first = next(items, None)
        root_attributes = {_SCHEMA_LOCATION: f"{OAI_NS} {OAI_SCHEMA}"}
        try:
            with etree.xmlfile(str(out), encoding="utf-8") as xf:
                xf.write_declaration()
                nsmap = {None: OAI_NS, "xsi": XSI_NS}
                with xf.element(_oai("OAI-PMH"), root_attributes, nsmap=nsmap):
                    xf.write("\n")
                    response = _oai_element("responseDate")
                    response.text = utc_stamp(self.now or datetime.now(UTC))
                    xf.write(response, pretty_print=True)
                    request = _oai_element("request")
                    request.set("verb", "ListRecords")
                    request.set("metadataPrefix", "oai_dc")
                    request.text = self.base_url
                    xf.write(request, pretty_print=True)
                    if first is None:
                        error = _oai_element("error")
                        error.set("code", "noRecordsMatch")
                        error.text = "The selection holds no records."
                        xf.write(error, pretty_print=True)
                        return 0
                    with xf.element(_oai("ListRecords")):
                        xf.write("\n")
                        for record in _chain(first, items):
                            element = _oai_element("record")
                            element.append(_header(record))
                            metadata = etree.SubElement(element, _oai("metadata"))
                            metadata.append(dc_element(record))
                            xf.write(element, pretty_print=True)
                            count += 1
                    xf.write("\n")
        except OSError as error:
            raise ExportError.cannot_write(out, error) from None
        return count


def _chain(first: RecordDetail, rest: Iterator[RecordDetail]) -> Iterator[RecordDetail]:
    yield first
    yield from rest
