"""Reading XML files that may be hostile: no DTD loaded, no entity expanded, no network.

Every XML importer (Dublin Core, OAI-PMH, EAD, mapped XML) parses through here. An EAD
2002 ``DOCTYPE`` is accepted and its DTD never fetched; an internal entity declaration
(billion laughs, quadratic blow-up, external entities pointing at files or servers) is
refused before lxml sees the document.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from lxml import etree

from catalog.domain.errors import ImportFileError

# An entity declaration anywhere in the internal subset: refused, whatever it expands to.
_ENTITY_DECLARATION = re.compile(rb"<!ENTITY", re.IGNORECASE)
# The internal subset is at the top of the file; no legitimate prologue is this long.
_PROLOGUE_BYTES = 256 * 1024


def parser() -> etree.XMLParser:
    """An lxml parser that loads no DTD, resolves no entity and opens no connection."""
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_pis=True,
    )


def check_prologue(path: Path) -> None:
    """Refuse a file whose DOCTYPE declares entities (the XML attacks all need one)."""
    try:
        with path.open("rb") as handle:
            head = handle.read(_PROLOGUE_BYTES)
    except OSError as error:
        raise ImportFileError(str(path), f"cannot read the file: {error.strerror}") from None
    doctype = head.find(b"<!DOCTYPE")
    if doctype >= 0 and _ENTITY_DECLARATION.search(head, doctype):
        raise ImportFileError(
            str(path), "the file declares XML entities, which Catalog does not read (unsafe)"
        )


def parse(path: Path) -> etree._ElementTree:
    """The whole document, safely parsed; ImportFileError (with the line) when malformed."""
    check_prologue(path)
    try:
        return etree.parse(str(path), parser())
    except etree.XMLSyntaxError as error:
        raise syntax_error(path, error) from None
    except OSError as error:
        raise ImportFileError(str(path), f"cannot read the file: {error}") from None


def iter_elements(path: Path, *tags: str) -> Iterator[etree._Element]:
    """Each element named in ``tags`` ("{namespace}local" or "local"), as its end is read.

    Streams: an element and what came before it are freed once the caller moves on, so
    a file of any size is read in bounded memory. Callers copy what they need before
    taking the next element.
    """
    check_prologue(path)
    try:
        handle = path.open("rb")
    except OSError as error:
        raise ImportFileError(str(path), f"cannot read the file: {error.strerror}") from None
    # The file is opened here, not by lxml, so it is closed when reading stops early.
    with handle:
        events = etree.iterparse(
            handle,
            events=("end",),
            tag=tags or None,
            resolve_entities=False,
            no_network=True,
            load_dtd=False,
            huge_tree=False,
            remove_pis=True,
        )
        try:
            for _event, element in events:
                yield element
                element.clear(keep_tail=True)
                parent = element.getparent()
                while parent is not None and element.getprevious() is not None:
                    del parent[0]
        except etree.XMLSyntaxError as error:
            raise syntax_error(path, error) from None


def syntax_error(path: Path, error: etree.XMLSyntaxError) -> ImportFileError:
    """The user-facing error for malformed XML, with its line."""
    line = error.lineno if isinstance(error.lineno, int) and error.lineno > 0 else None
    message = str(error.msg or error).split(", line")[0].strip()
    return ImportFileError(str(path), f"the XML is malformed: {message}", line)


def text_of(element: etree._Element | None) -> str:
    """All the text inside an element, white space collapsed ("" for None)."""
    if element is None:
        return ""
    return " ".join("".join(str(part) for part in element.itertext()).split())
