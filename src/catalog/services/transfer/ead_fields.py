"""What one EAD component (or the collection's ``archdesc``) says, as record fields.

The functions here read a single description level: its ``did`` (title, dates, unit id,
containers, repository, languages, extent, abstract), its ``scopecontent``, its
``controlaccess`` and its ``origination``. The walk over the hierarchy, the uids and the
relations are in ``ead``. Elements are named through ``Tags``, which qualifies local
names with the document's own namespace, so EAD3, "undeprecated" EAD3, namespaced EAD
2002 and DTD-era EAD without a namespace all read alike (and foreign content, such as
METS inside ``objectxmlwrap``, is never mistaken for EAD).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from lxml import etree

from catalog.domain.records import AuthorityKind, NameLink, Role
from catalog.services.transfer.xml_input import text_of

MAX_VOCABULARY = 200
"""The longest language the store keeps (a vocabulary value)."""

# controlaccess (and origination) elements: the authority kind, the separator of their
# EAD3 <part>s ("Hunt, James B., 1937-"; "North Carolina -- History -- 20th century").
NAME_ELEMENTS: dict[str, tuple[AuthorityKind, str]] = {
    "persname": (AuthorityKind.PERSON, ", "),
    "famname": (AuthorityKind.PERSON, ", "),
    "corpname": (AuthorityKind.ORGANISATION, ", "),
    "geogname": (AuthorityKind.PLACE, " -- "),
    "subject": (AuthorityKind.SUBJECT, " -- "),
    "genreform": (AuthorityKind.SUBJECT, " -- "),
    "function": (AuthorityKind.SUBJECT, " -- "),
    "occupation": (AuthorityKind.SUBJECT, " -- "),
}
_ROLES = {
    AuthorityKind.PERSON: Role.MENTIONED,
    AuthorityKind.ORGANISATION: Role.MENTIONED,
    AuthorityKind.PLACE: Role.MENTIONED,
    AuthorityKind.SUBJECT: Role.SUBJECT,
}
_CREATORS = ("persname", "famname", "corpname")
# A standard date or a date range end as EDTF reads it: 1971, 1971-03, 1971-03-02.
_ISO_DATE = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?")
_BULK = "bulk"


class Tags:
    """EAD element names qualified with one document's namespace ("" for none)."""

    def __init__(self, namespace: str) -> None:
        self.prefix = f"{{{namespace}}}" if namespace else ""
        self._known: dict[tuple[str, ...], tuple[str, ...]] = {}

    def __call__(self, *names: str) -> tuple[str, ...]:
        known = self._known.get(names)
        if known is None:  # the same few lists, thousands of times: build each once
            known = self._known[names] = tuple(self.prefix + name for name in names)
        return known

    def one(self, name: str) -> str:
        """The qualified name of one element."""
        return self.prefix + name

    def local(self, element: etree._Element) -> str:
        """The element's local name if it is in this namespace, else ""."""
        tag = element.tag
        if not isinstance(tag, str) or not tag.startswith(self.prefix):
            return ""
        local = tag[len(self.prefix) :]
        return "" if local.startswith("{") else local


def children(element: etree._Element, tags: Tags, *names: str) -> Iterator[etree._Element]:
    """The element's children with one of the local ``names``, in document order."""
    return element.iterchildren(*tags(*names))


def first_text(element: etree._Element | None, tags: Tags, name: str) -> str:
    """The text of the first ``name`` child that has any ("" when none has)."""
    if element is None:
        return ""
    for child in children(element, tags, name):
        text = text_of(child)
        if text:
            return text
    return ""


def name_text(element: etree._Element, tags: Tags, separator: str) -> str:
    """A name's text: its EAD3 ``part``s joined by ``separator``, else its whole text."""
    parts = [text_of(part) for part in children(element, tags, "part")]
    parts = [part for part in parts if part]
    return separator.join(parts) if parts else text_of(element)


def unique(values: Iterable[str]) -> tuple[str, ...]:
    """The non-blank values, first occurrence kept, in order."""
    return tuple(dict.fromkeys(v for v in values if v))


# --------------------------------------------------------------------------- dates


def _is_bulk(element: etree._Element) -> bool:
    kind = element.get("unitdatetype") or element.get("type") or ""
    return kind.strip().lower() == _BULK


def _standard(element: etree._Element | None) -> str:
    """A structured date end as EDTF: its @standarddate, or its text when that is ISO."""
    if element is None:
        return ""
    standard = (element.get("standarddate") or "").strip()
    if standard:
        return standard
    text = text_of(element)
    return text if _ISO_DATE.fullmatch(text) else ""


def _structured(element: etree._Element, tags: Tags) -> tuple[str, str]:
    """The text and EDTF of a ``unitdatestructured`` (its first ``daterange``/``datesingle``)."""
    for date in element.iter(*tags("daterange", "datesingle")):
        if tags.local(date) == "datesingle":
            text = text_of(date)
            return text, _standard(date) or ""
        start = next(children(date, tags, "fromdate"), None)
        end = next(children(date, tags, "todate"), None)
        first, last = text_of(start), text_of(end)
        text = f"{first} - {last}" if first and last else first or last
        low, high = _standard(start), _standard(end)
        edtf = f"{low or '..'}/{high or '..'}" if low or high else ""
        return text, edtf
    return text_of(element), ""


def dates(did: etree._Element, tags: Tags) -> tuple[str, str, list[str]]:
    """The date text, its EDTF (when the finding aid states one) and the bulk dates.

    The first ``unitdate`` that is not a bulk date gives the verbatim text and its
    ``@normal`` (EAD 2002 "1950/1960") the EDTF; a ``unitdatestructured`` gives the EDTF
    from ``@standarddate`` (or ISO text) and the text when no ``unitdate`` has one. The
    store parses the text when there is no EDTF, and keeps it when it cannot.
    """
    text = edtf = ""
    bulk: list[str] = []
    for element in children(did, tags, "unitdate", "unitdatestructured"):
        if tags.local(element) == "unitdate":
            found, normal = text_of(element), (element.get("normal") or "").strip()
        else:
            found, normal = _structured(element, tags)
        if _is_bulk(element):
            bulk.append(found or normal)
            continue
        text = text or found
        edtf = edtf or normal
    return text or edtf, edtf, [b for b in bulk if b]


# --------------------------------------------------------------------------- did fields


def containers(did: etree._Element, tags: Tags) -> list[str]:
    """Each container as "Box 3", "Folder 12" (type and number; the number alone if no type)."""
    found: list[str] = []
    for container in children(did, tags, "container"):
        value = text_of(container)
        if not value:
            continue
        kind = (container.get("localtype") or container.get("type") or "").strip()
        kind = kind.replace("_", " ")
        if kind and not value.lower().startswith(kind.lower()):
            value = f"{kind[:1].upper()}{kind[1:]} {value}"
        found.append(value)
    return found


def repository(did: etree._Element | None, tags: Tags) -> str:
    """The holding repository: its ``corpname`` (parts joined) or its text."""
    if did is None:
        return ""
    for element in children(did, tags, "repository"):
        for corpname in children(element, tags, "corpname"):
            name = name_text(corpname, tags, ", ")
            if name:
                return name
        text = text_of(element)
        if text:
            return text
    return ""


def languages(did: etree._Element, tags: Tags) -> tuple[str, ...]:
    """The materials' languages by name ("English"), or by code when unnamed."""
    found: list[str] = []
    for material in children(did, tags, "langmaterial"):
        for language in material.iter(*tags("language")):
            name = text_of(language) or (language.get("langcode") or "").strip()
            if len(name) <= MAX_VOCABULARY:
                found.append(name)
    return unique(found)


def extent(did: etree._Element, tags: Tags) -> str:
    """The extent ("3 linear feet"), from ``physdesc``, ``physdescstructured`` or sets."""
    found: list[str] = []
    for element in did.iter(*tags("physdesc", "physdescstructured")):
        if tags.local(element) == "physdescstructured":
            quantity = first_text(element, tags, "quantity")
            unit = first_text(element, tags, "unittype")
            found.append(" ".join(p for p in (quantity, unit) if p))
        else:
            extents = [text_of(e) for e in children(element, tags, "extent")]
            found.append(", ".join(e for e in extents if e) or text_of(element))
    return "; ".join(unique(found))


def summary(level: etree._Element, did: etree._Element | None, tags: Tags) -> str:
    """The scope and content, paragraph by paragraph; without one, the abstract(s)."""
    paragraphs: list[str] = []
    for scope in children(level, tags, "scopecontent"):
        texts = [text_of(p) for p in scope.iter(*tags("p"))]
        if not texts:
            texts = [text_of(scope)]
        paragraphs.extend(t for t in texts if t)
    if not paragraphs and did is not None:
        paragraphs = [t for t in (text_of(a) for a in children(did, tags, "abstract")) if t]
    return "\n\n".join(unique(paragraphs))


# --------------------------------------------------------------------------- names


def creators(did: etree._Element, tags: Tags) -> list[NameLink]:
    """The ``origination`` names, as authors."""
    found: list[NameLink] = []
    for origination in children(did, tags, "origination"):
        for element in children(origination, tags, *_CREATORS):
            kind, separator = NAME_ELEMENTS[tags.local(element)]
            name = name_text(element, tags, separator)
            if name:
                found.append(NameLink(kind, name, Role.AUTHOR))
    return found


def access_terms(level: etree._Element, tags: Tags) -> list[NameLink]:
    """The level's own ``controlaccess`` names, places and subjects (nested ones too)."""
    found: list[NameLink] = []
    for access in children(level, tags, "controlaccess"):
        for element in access.iter(*tags(*NAME_ELEMENTS)):
            kind, separator = NAME_ELEMENTS[tags.local(element)]
            name = name_text(element, tags, separator)
            if name:
                found.append(NameLink(kind, name, _ROLES[kind]))
    return found
