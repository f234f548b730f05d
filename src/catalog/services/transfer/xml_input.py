"""Reading XML files that may be hostile: no DTD loaded, no entity expanded, no network.

Every XML importer (Dublin Core, OAI-PMH, EAD, mapped XML) parses through here. An EAD
2002 ``DOCTYPE`` is accepted and its DTD never fetched; an internal entity declaration
(billion laughs, quadratic blow-up, external entities pointing at files or servers) is
refused before lxml sees the document. A declaration that check cannot see (a UTF-16
file, a DOCTYPE after a long comment) is refused once lxml has read the DOCTYPE, before
any element is handed on; the parser's settings keep it unexpanded until then.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from lxml import etree

from catalog.domain.errors import ImportFileError
from catalog.domain.wording import QT_TRANSLATE_NOOP

# An entity declaration anywhere in the internal subset: refused, whatever it expands to.
_ENTITY_DECLARATION = re.compile(rb"<!ENTITY", re.IGNORECASE)
_UNSAFE = QT_TRANSLATE_NOOP(
    "Errors", "the file declares XML entities, which Catalog does not read (unsafe)"
)
# What libxml2 says when declared entities reach it: the same refusal.
_ENTITY_ATTACK = re.compile(
    r"entity amplification|entity reference loop|PEReferences forbidden", re.IGNORECASE
)
# The internal subset is at the top of the file; no legitimate prologue is this long.
_PROLOGUE_BYTES = 256 * 1024
# libxml2's message for deep nesting names an option the user cannot set: said plainly.
_TOO_DEEP = re.compile(r"Excessive depth in document: (\d+).*")


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
    """Refuse an empty file, and one whose DOCTYPE declares entities (the XML attacks all
    need one)."""
    try:
        with path.open("rb") as handle:
            head = handle.read(_PROLOGUE_BYTES)
    except OSError as error:
        raise ImportFileError.unreadable(str(path), error) from None
    if not head.strip() and len(head) < _PROLOGUE_BYTES:
        raise ImportFileError(str(path), QT_TRANSLATE_NOOP("Errors", "the file is empty"))
    doctype = head.find(b"<!DOCTYPE")
    if doctype >= 0 and _ENTITY_DECLARATION.search(head, doctype):
        raise ImportFileError(str(path), _UNSAFE)


def _check_doctype(path: Path, tree: etree._ElementTree) -> None:
    """Refuse a document whose DOCTYPE, as lxml read it, declares entities."""
    dtd = tree.docinfo.internalDTD
    # (lxml-stubs do not know DTD.entities, which lists the declared entities.)
    if dtd is not None and dtd.entities():  # type: ignore[attr-defined]
        raise ImportFileError(str(path), _UNSAFE)


def parse(path: Path) -> etree._ElementTree:
    """The whole document, safely parsed; ImportFileError (with the line) when malformed."""
    check_prologue(path)
    try:
        tree = etree.parse(str(path), parser())
        _check_doctype(path, tree)
        return tree
    except etree.XMLSyntaxError as error:
        raise syntax_error(path, error) from None
    except OSError as error:
        raise ImportFileError(
            str(path),
            QT_TRANSLATE_NOOP("Errors", "cannot read the file: {reason}"),
            reason=error,
        ) from None


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
        raise ImportFileError.unreadable(str(path), error) from None
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
            for number, (_event, element) in enumerate(events):
                if number == 0:
                    _check_doctype(path, element.getroottree())
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
    if _ENTITY_ATTACK.search(message):
        return ImportFileError(str(path), _UNSAFE, line)
    deep = _TOO_DEEP.match(message)
    if deep is not None:
        return ImportFileError(
            str(path),
            QT_TRANSLATE_NOOP(
                "Errors", "the XML is malformed: elements nested more than {depth} deep"
            ),
            line,
            depth=deep.group(1),
        )
    message = _TOO_DEEP.sub(r"elements nested more than \1 deep", message)
    return ImportFileError(
        str(path),
        QT_TRANSLATE_NOOP("Errors", "the XML is malformed: {reason}"),
        line,
        reason=message,
    )


def text_of(element: etree._Element | None) -> str:
    """All the text inside an element, white space collapsed ("" for None)."""
    if element is None:
        return ""
    return " ".join("".join(str(part) for part in element.itertext()).split())
