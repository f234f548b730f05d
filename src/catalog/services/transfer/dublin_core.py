"""Dublin Core: ``oai_dc`` records, alone or in whole OAI-PMH responses.

Repositories (DSpace, Fedora, AtoM ...) publish their holdings over OAI-PMH; a harvest
saved to disk is a ``ListRecords`` or ``GetRecord`` response whose records carry an
``oai_dc:dc`` block. The importer reads such a response, a bare ``oai_dc:dc`` document, or
any wrapper holding several ``oai_dc:dc`` elements, streaming record by record.

The fifteen elements map as follows (``dc:`` 1.1 and ``dcterms:`` names alike):

* ``title``: the first is the title; further titles go to a note "Other titles: ...".
* ``description``: all of them, joined by blank lines, are the summary.
* ``date``: the first is the date (verbatim; the store parses it); the others, when they
  differ, go to a note "Other dates: ...".
* ``creator``: persons, authors; ``contributor``: persons, mentioned.
* ``subject``: subjects. Repositories often pack several into one element separated by
  ``;`` (``M;E 44;L 96``), so a subject is split there.
* ``coverage``: places, mentioned.
* ``type``: the first is the document type; the others go to a note "Other types: ...".
* ``language``: languages. ``publisher``: the first is the archive (others to a note).
* ``source`` and ``identifier``: joined by ``; `` into the source reference.
* ``rights``, ``relation`` and ``format`` are kept in notes ("Rights: ..." ...).

In an OAI-PMH response the header's ``setSpec`` values become collections and its
``identifier`` gives the record a stable uid (a UUID 5 of the identifier: the store's
uids are 36 characters, and identifiers such as ``oai:dspace.ubib.eur.nl:1765/315`` can be
longer), so harvesting the same records again skips the ones already imported. A
record whose header has no identifier is imported without one (and a warning says so).

Records whose header has ``status="deleted"`` are skipped and counted. After a read,
``skipped_deleted`` holds that count, ``resumption_token`` the token of a response that
continues on a next page, and ``warnings`` both, worded for the user. An OAI-PMH error
response, a response that holds no records (Identify, ListSets ...), records in another
metadata format and records without a title are refused with a clear error.
"""

from __future__ import annotations

import uuid
from collections.abc import Generator, Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

from lxml import etree

from catalog.domain.errors import CatalogError, ImportFileError, Notice, Word
from catalog.domain.records import AnnotationInput, AuthorityKind, NameLink, RecordInput, Role
from catalog.domain.wording import QT_TRANSLATE_NOOP
from catalog.services.transfer import xml_input
from catalog.services.transfer.dc_export import set_name

OAI_NS = "http://www.openarchives.org/OAI/2.0/"
OAI_DC_NS = "http://www.openarchives.org/OAI/2.0/oai_dc/"
DC_NAMESPACES = ("http://purl.org/dc/elements/1.1/", "http://purl.org/dc/terms/")

MAX_TITLE = 2000
MAX_VOCABULARY = 200
"""The longest document type or language the store keeps (a vocabulary value)."""

_UID_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, OAI_NS)
CATALOG_PREFIX = "oai:catalog:"
"""How Catalog's OAI-PMH export names a record (``oai:catalog:<uid>``)."""

_RECORD = f"{{{OAI_NS}}}record"
_HEADER = f"{{{OAI_NS}}}header"
_METADATA = f"{{{OAI_NS}}}metadata"
_ERROR = f"{{{OAI_NS}}}error"
_TOKEN = f"{{{OAI_NS}}}resumptionToken"
_REQUEST = f"{{{OAI_NS}}}request"
_DC = f"{{{OAI_DC_NS}}}dc"

# The OAI-PMH 2.0 error codes, explained for an error element that carries no text.
_ERROR_TEXTS = {
    "badArgument": QT_TRANSLATE_NOOP(
        "Errors", "the request had an illegal, missing or repeated argument"
    ),
    "badResumptionToken": QT_TRANSLATE_NOOP(
        "Errors", "the resumption token is invalid or has expired"
    ),
    "badVerb": QT_TRANSLATE_NOOP("Errors", "the request's verb is not a legal OAI-PMH verb"),
    "cannotDisseminateFormat": QT_TRANSLATE_NOOP(
        "Errors", "the repository does not offer the requested metadata format"
    ),
    "idDoesNotExist": QT_TRANSLATE_NOOP(
        "Errors", "the repository does not know the requested identifier"
    ),
    "noRecordsMatch": QT_TRANSLATE_NOOP("Errors", "no records match the request"),
    "noMetadataFormats": QT_TRANSLATE_NOOP("Errors", "the item has no metadata formats"),
    "noSetHierarchy": QT_TRANSLATE_NOOP("Errors", "the repository does not support sets"),
}
_HARVEST_HINT = Word(
    "Errors",
    QT_TRANSLATE_NOOP("Errors", "harvest with ListRecords or GetRecord and metadataPrefix=oai_dc"),
)
# Notes for elements that have no field of their own: element, and the note's label.
_NOTE_ELEMENTS = (("rights", "Rights"), ("relation", "Relation"), ("format", "Format"))


@dataclass(frozen=True)
class _Header:
    """What an OAI-PMH record header says about its record."""

    identifier: str = ""
    deleted: bool = False
    sets: tuple[str, ...] = ()


def _unique(values: Iterable[str]) -> list[str]:
    """The non-blank values, first occurrence kept, in order."""
    return list(dict.fromkeys(v for v in values if v))


def _header_of(record: etree._Element | None) -> _Header | None:
    """The header of an OAI-PMH ``record`` element (None outside OAI-PMH)."""
    if record is None:
        return None
    header = record.find(_HEADER)
    if header is None:
        return _Header()
    return _Header(
        identifier=xml_input.text_of(header.find(f"{{{OAI_NS}}}identifier")),
        deleted=header.get("status", "") == "deleted",
        sets=tuple(
            _unique(set_name(xml_input.text_of(s)) for s in header.iter(f"{{{OAI_NS}}}setSpec"))
        ),
    )


def _enclosing_record(dc: etree._Element) -> etree._Element | None:
    """The OAI-PMH ``record`` around an ``oai_dc:dc``, if any."""
    return next(dc.iterancestors(_RECORD), None)


def _line(element: etree._Element) -> int | None:
    """The line an element starts on, when lxml knows it."""
    line: object = element.sourceline  # the stubs type it oddly
    return line if isinstance(line, int) and line > 0 else None


def uid_for(identifier: str) -> str:
    """The stable uid of the record an OAI identifier names (the same on every harvest).

    Catalog's own exports name records ``oai:catalog:<uid>``: they keep that uid.
    """
    own = identifier.removeprefix(CATALOG_PREFIX)
    if own != identifier:
        try:
            return str(uuid.UUID(own))
        except ValueError:
            pass
    return str(uuid.uuid5(_UID_NAMESPACE, identifier))


def _elements(dc: etree._Element) -> dict[str, list[tuple[str, int | None]]]:
    """The Dublin Core elements of ``dc``, by local name: (text, line), in file order."""
    found: dict[str, list[tuple[str, int | None]]] = {}
    for child in dc:
        tag = child.tag
        if not isinstance(tag, str) or not tag.startswith("{"):
            continue  # comments, and elements in no namespace
        namespace, _, local = tag[1:].partition("}")
        if namespace in DC_NAMESPACES:
            found.setdefault(local, []).append((xml_input.text_of(child), _line(child)))
    return found


def _which(identifier: str) -> CatalogError:
    """ "record {identifier}" or "a record", to name the record a message is about."""
    if identifier:
        return CatalogError(
            QT_TRANSLATE_NOOP("Errors", "record {identifier}"), identifier=identifier
        )
    return CatalogError(QT_TRANSLATE_NOOP("Errors", "a record"))


def record_from_dc(dc: etree._Element, path: Path, header: _Header | None) -> RecordInput:
    """One record from an ``oai_dc:dc`` element (and its OAI-PMH header, if any)."""
    name = str(path)
    fields = _elements(dc)

    def texts(local: str) -> list[str]:
        return _unique(text for text, _ in fields.get(local, ()))

    titles = [(text, line) for text, line in fields.get("title", ()) if text]
    line = _line(dc)
    which = _which(header.identifier if header else "")
    if not titles:
        raise ImportFileError(
            name, QT_TRANSLATE_NOOP("Errors", "{which} has no dc:title"), line, which=which
        )
    title, title_line = titles[0]
    if len(title) > MAX_TITLE:
        raise ImportFileError(
            name,
            QT_TRANSLATE_NOOP(
                "Errors", "{which} has a title longer than {limit} characters ({count})"
            ),
            title_line,
            which=which,
            limit=MAX_TITLE,
            count=len(title),
        )
    for local in ("type", "language"):
        for text, at in fields.get(local, ()):
            if len(text) > MAX_VOCABULARY:
                raise ImportFileError(
                    name,
                    QT_TRANSLATE_NOOP(
                        "Errors", "{which} has a dc:{element} longer than {limit} characters"
                    ),
                    at,
                    which=which,
                    element=local,
                    limit=MAX_VOCABULARY,
                )

    dates, types, publishers = texts("date"), texts("type"), texts("publisher")
    notes: list[str] = []
    for label, extra in (
        ("Other titles", _unique(t for t, _ in titles[1:] if t != title)),
        ("Other dates", dates[1:]),
        ("Other types", types[1:]),
        ("Other publishers", publishers[1:]),
    ):
        if extra:
            notes.append(f"{label}: " + "; ".join(extra))
    for local, label in _NOTE_ELEMENTS:
        if values := texts(local):
            notes.append(f"{label}: " + "; ".join(values))

    subjects = _unique(part.strip() for s in texts("subject") for part in s.split(";"))
    links = [
        *(NameLink(AuthorityKind.PERSON, n, Role.AUTHOR) for n in texts("creator")),
        *(NameLink(AuthorityKind.PERSON, n, Role.MENTIONED) for n in texts("contributor")),
        *(NameLink(AuthorityKind.SUBJECT, n, Role.SUBJECT) for n in subjects),
        *(NameLink(AuthorityKind.PLACE, n, Role.MENTIONED) for n in texts("coverage")),
    ]
    identifier = header.identifier if header else ""
    return RecordInput(
        title=title,
        date_text=dates[0] if dates else "",
        summary="\n\n".join(texts("description")),
        doc_type=types[0] if types else "",
        languages=tuple(texts("language")),
        archive=publishers[0] if publishers else "",
        source_ref="; ".join(_unique([*texts("source"), *texts("identifier")])),
        collections=header.sets if header else (),
        names=tuple(dict.fromkeys(links)),
        notes=tuple(AnnotationInput(text) for text in notes),
        uid=uid_for(identifier) if identifier else None,
        line=line,
    )


@dataclass
class _Harvest:
    """What one read has seen so far, beyond the records it yielded."""

    path: Path
    records: int = 0
    deleted: int = 0
    without_identifier: int = 0
    verb: str = ""
    token: str | None = None
    identifiers: set[str] = field(default_factory=set)

    def fail(self, template: str, at: int | None = None, **values: object) -> ImportFileError:
        """The error for the response: ``template`` (marked in "Errors") says why, at line
        ``at`` if known."""
        return ImportFileError(str(self.path), template, at, **values)


class DublinCoreImporter:
    """Reads ``oai_dc`` records and OAI-PMH ListRecords / GetRecord responses, streaming.

    Attributes (set by each read, complete once it has finished):
        skipped_deleted: how many records the response marks as deleted (not imported).
        resumption_token: the token of a response that continues on a next page, or None.
        warnings: what the user should know about the import, in words.
    """

    name = "dc"
    label = QT_TRANSLATE_NOOP("Formats", "Dublin Core / OAI-PMH (XML)")

    def __init__(self) -> None:
        self.skipped_deleted = 0
        self.resumption_token: str | None = None
        self.warnings: list[str] = []

    def sniff(self, head: bytes, path: Path) -> bool:
        """True for XML whose start names the OAI-PMH or the oai_dc namespace."""
        if head.startswith((b"\xff\xfe", b"\xfe\xff")):
            text = head.decode("utf-16", errors="ignore")
        else:
            text = head.decode("utf-8", errors="ignore")
        return text.lstrip("\ufeff \t\r\n").startswith("<") and OAI_NS in text

    def read(self, path: Path) -> Iterator[RecordInput]:
        """Parse the file, yielding records in file order."""
        self.skipped_deleted = 0
        self.resumption_token = None
        self.warnings = []
        harvest = _Harvest(path)
        _refuse_empty(path)
        wanted = (_RECORD, _DC, _ERROR, _TOKEN, _REQUEST)
        in_record = False  # whether the current OAI record's oai_dc:dc has been read
        elements = xml_input.iter_elements(path, *wanted)
        try:
            for element in elements:
                tag = element.tag
                if tag == _DC:
                    record = _enclosing_record(element)
                    header = _header_of(record)
                    in_record = record is not None
                    if header is not None and header.deleted:
                        continue  # counted at the end of its record
                    item = record_from_dc(element, path, header)
                    if record is not None:
                        item = self._checked_identity(harvest, item, header, _line(record))
                    harvest.records += 1
                    yield item
                elif tag == _RECORD:
                    self._end_of_record(harvest, element, in_record)
                    in_record = False
                elif tag == _ERROR:
                    raise _error_response(harvest, element)
                elif tag == _TOKEN:
                    harvest.token = xml_input.text_of(element) or None
                elif tag == _REQUEST:
                    harvest.verb = element.get("verb", "")
        finally:
            # Ends the parse (and frees the file) at once when reading stops early.
            if isinstance(elements, Generator):
                elements.close()
        self._finish(harvest)

    def _checked_identity(
        self, harvest: _Harvest, item: RecordInput, header: _Header | None, line: int | None
    ) -> RecordInput:
        """The record located at its ``record`` element; a repeated identifier is refused."""
        identifier = header.identifier if header else ""
        if not identifier:
            harvest.without_identifier += 1
        elif identifier in harvest.identifiers:
            raise harvest.fail(
                QT_TRANSLATE_NOOP(
                    "Errors", "the record {identifier} appears twice in the response"
                ),
                line,
                identifier=identifier,
            )
        else:
            harvest.identifiers.add(identifier)
        return replace(item, line=line)

    def _end_of_record(self, harvest: _Harvest, record: etree._Element, had_dc: bool) -> None:
        """Count a deleted record; refuse one with no oai_dc metadata."""
        header = _header_of(record) or _Header()
        if header.deleted:
            harvest.deleted += 1
            return
        if had_dc:
            return
        which = _which(header.identifier)
        metadata = record.find(_METADATA)
        children = () if metadata is None else metadata
        inner = next((c for c in children if isinstance(c.tag, str)), None)
        if inner is None:
            raise harvest.fail(
                QT_TRANSLATE_NOOP("Errors", "{which} has no metadata and is not marked deleted"),
                _line(record),
                which=which,
            )
        qname = etree.QName(inner)
        found: object = qname.localname
        if qname.namespace:
            found = CatalogError(
                QT_TRANSLATE_NOOP("Errors", "<{element}> in {namespace}"),
                element=qname.localname,
                namespace=qname.namespace,
            )
        raise harvest.fail(
            QT_TRANSLATE_NOOP(
                "Errors", "{which} holds metadata of another format ({found}), not oai_dc: {hint}"
            ),
            _line(record),
            which=which,
            found=found,
            hint=_HARVEST_HINT,
        )

    def _finish(self, harvest: _Harvest) -> None:
        """Set the attributes and warnings; refuse a response with nothing to import."""
        self.skipped_deleted = harvest.deleted
        self.resumption_token = harvest.token
        if harvest.records == 0:
            if harvest.deleted:
                raise harvest.fail(
                    QT_TRANSLATE_NOOP(
                        "Errors",
                        "the response holds only deleted records ({count}): nothing to import",
                    ),
                    count=harvest.deleted,
                )
            if harvest.verb and harvest.verb not in ("ListRecords", "GetRecord"):
                raise harvest.fail(
                    QT_TRANSLATE_NOOP(
                        "Errors",
                        "this is an OAI-PMH {verb} response, which holds no records: {hint}",
                    ),
                    verb=harvest.verb,
                    hint=_HARVEST_HINT,
                )
            raise harvest.fail(QT_TRANSLATE_NOOP("Errors", "the file holds no oai_dc:dc records"))
        if harvest.deleted == 1:
            self.warnings.append(Notice(QT_TRANSLATE_NOOP("Errors", "1 deleted record skipped")))
        elif harvest.deleted:
            deleted = QT_TRANSLATE_NOOP("Errors", "{count} deleted records skipped")
            self.warnings.append(Notice(deleted, count=harvest.deleted))
        if harvest.without_identifier:
            anonymous = QT_TRANSLATE_NOOP(
                "Errors",
                "{count} records have no OAI identifier: importing the response again would"
                " add them again",
            )
            self.warnings.append(Notice(anonymous, count=harvest.without_identifier))
        if harvest.token:
            continues = QT_TRANSLATE_NOOP(
                "Errors",
                "the response continues: resumption token {token} — harvest the next page to"
                " import the rest",
            )
            self.warnings.append(Notice(continues, token=harvest.token))


def _error_response(harvest: _Harvest, error: etree._Element) -> ImportFileError:
    """The user-facing error for an OAI-PMH error response."""
    code = error.get("code", "") or "unknown"
    message: object = xml_input.text_of(error) or Word(
        "Errors", _ERROR_TEXTS.get(code, QT_TRANSLATE_NOOP("Errors", "no explanation given"))
    )
    return harvest.fail(
        QT_TRANSLATE_NOOP("Errors", "the OAI-PMH response is an error: {code}: {message}"),
        _line(error),
        code=code,
        message=message,
    )


def _refuse_empty(path: Path) -> None:
    """A clear error for an empty file (lxml would say "no element found")."""
    try:
        with path.open("rb") as handle:
            head = handle.read(4096)
    except OSError as error:
        raise ImportFileError.unreadable(str(path), error) from None
    if len(head) < 4096 and not head.strip(b" \t\r\n\xef\xbb\xbf"):
        raise ImportFileError(str(path), QT_TRANSLATE_NOOP("Errors", "the file is empty"))
