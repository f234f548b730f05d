"""EAD finding aids (EAD3 and EAD 2002): one record per titled description level.

A finding aid describes a collection (``archdesc``) and, inside its ``dsc``, a tree of
components (``c`` or numbered ``c01`` ... ``c12``). Each level with a title becomes a
record, so a researcher can find, date and cite a box or folder, not only the collection:

* **Records.** The ``archdesc`` is a record (its title is ``did/unittitle``; without one,
  the finding aid's ``titleproper``). Every component whose own ``did/unittitle`` has text
  is a record. A component without a title is not, but its descendants still are.
  Hence the record count of a file is 1 + the number of titled components.
* **Hierarchy.** Each component's record is "part of" the record of its nearest titled
  ancestor (the collection for top-level components).
* **Uids.** A UUID 5 of the finding aid's identifier (``control/recordid`` or
  ``eadheader/eadid``, else the collection's unit id and title) and of the level's
  ``@id`` (or, without one, its position in the tree): importing the same finding aid
  again skips what is already in the catalogue.
* **Fields.** Dates from ``unitdate`` (its ``@normal`` as EDTF) and ``unitdatestructured``
  (``@standarddate``); bulk dates go to a note. The summary is the ``scopecontent``
  paragraphs, else the ``abstract``. The source reference is the collection's unit id,
  the containers ("Box 3, Folder 12") and the component's own unit id. The archive is the
  collection's ``repository``; the collection title is every record's collection, so a
  facet groups the finding aid. Languages come from ``langmaterial`` (a component without
  its own inherits its parent's). The extent is a note "Extent: ...".
* **Names.** ``controlaccess`` persons and families, organisations, places, and subjects
  (``subject``, ``genreform``, ``function``, ``occupation``: a genre is a subject, not the
  document type, since a collection holds many genres) are linked to the level that
  states them only: the collection's terms stay on the collection record.
  ``origination`` names are linked as authors.

The whole document is parsed at once (finding aids run to a few megabytes; files over
``MAX_BYTES`` are refused), through ``xml_input``: an EAD 2002 ``DOCTYPE`` is accepted and
its DTD never fetched, and entity declarations are refused.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from catalog.domain.errors import ImportFileError
from catalog.domain.records import (
    AnnotationInput,
    NameLink,
    RecordInput,
    RelationInput,
    RelationType,
)
from catalog.domain.wording import QT_TRANSLATE_NOOP
from catalog.services.transfer import ead_fields as f
from catalog.services.transfer import xml_input
from catalog.services.transfer.ead_fields import Tags

MAX_BYTES = 256 * 1024 * 1024
"""The largest finding aid read (it is parsed whole)."""

NO_TITLES = QT_TRANSLATE_NOOP(
    "Errors", "the finding aid has no titled description (no did/unittitle with text)"
)

COMPONENTS = ("c", *(f"c{n:02d}" for n in range(1, 13)))

_UID_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "urn:catalog:import:ead")
# Before the root element: white space, the XML declaration, PIs, comments, a DOCTYPE.
_ROOT_IS_EAD = re.compile(
    rb"(?:\s|<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^\[>]*(?:\[.*?\])?\s*>)*<(?:[\w.-]+:)?ead[\s/>]",
    re.DOTALL | re.IGNORECASE,
)


_DECLARED_ENCODING = re.compile(rb"<\?xml[^>]*?encoding\s*=\s*[\"']([\w.:-]+)")


def _line(element: etree._Element) -> int | None:
    line: object = element.sourceline  # the stubs type it oddly
    return line if isinstance(line, int) and line > 0 else None


@dataclass(frozen=True)
class _Context:
    """What every record of one finding aid shares."""

    path: str
    tags: Tags
    key: str  # the finding aid's identifier, for uids
    archive: str
    collection: str
    call_number: str

    def uid(self, level_key: str) -> str:
        return str(uuid.uuid5(_UID_NAMESPACE, f"{self.key}\x1f{level_key}"))


@dataclass(frozen=True)
class _Pending:
    """A component still to read: where it hangs and what it inherits."""

    element: etree._Element
    parent_uid: str | None
    position: str
    languages: tuple[str, ...]


class EadImporter:
    """Reads an EAD3 or EAD 2002 finding aid, one record per titled description level."""

    name = "ead"
    label = QT_TRANSLATE_NOOP("Formats", "EAD finding aid (EAD3 or EAD 2002)")

    def sniff(self, head: bytes, path: Path) -> bool:
        """True when the root element is ``ead``."""
        if head.startswith((b"\xff\xfe", b"\xfe\xff")):
            head = head[: len(head) // 2 * 2].decode("utf-16", errors="replace").encode()
        return _ROOT_IS_EAD.match(head.removeprefix(b"\xef\xbb\xbf")) is not None

    def read(self, path: Path) -> Iterator[RecordInput]:
        """Parse the finding aid and yield its records, the collection first."""
        root = _parse(path)
        tags = Tags(etree.QName(root).namespace or "")
        if tags.local(root) != "ead":
            raise ImportFileError(
                str(path),
                QT_TRANSLATE_NOOP("Errors", "not an EAD finding aid: the root element is <{root}>"),
                root=etree.QName(root).localname,
            )
        archdesc = next(f.children(root, tags, "archdesc"), None)
        if archdesc is None:
            raise ImportFileError(
                str(path),
                QT_TRANSLATE_NOOP("Errors", "the finding aid has no <archdesc>"),
                _line(root),
            )
        context = _context(path, root, archdesc, tags)
        yield from _records(context, archdesc)


def _parse(path: Path) -> etree._Element:
    """The document's root, or ImportFileError for an empty, huge or malformed file."""
    try:
        size = path.stat().st_size
        with path.open("rb") as handle:
            blank = not handle.read(4096).strip()
    except OSError as error:
        raise ImportFileError.unreadable(str(path), error) from None
    if blank:
        raise ImportFileError(str(path), QT_TRANSLATE_NOOP("Errors", "the file is empty"))
    if size > MAX_BYTES:
        raise ImportFileError(
            str(path),
            QT_TRANSLATE_NOOP("Errors", "the finding aid is larger than {limit} MB; split it"),
            limit=MAX_BYTES // 2**20,
        )
    try:
        return xml_input.parse(path).getroot()
    except ImportFileError as error:
        # lxml reports bytes that are not in the file's encoding as an OSError, without
        # a line: find the line when the file is meant to be UTF-8.
        if error.reason.startswith("cannot read the file"):
            _check_utf8(path)
        raise
    except (etree.LxmlError, ValueError, LookupError) as error:
        # lxml reports a few problems (an unknown encoding ...) outside XMLSyntaxError.
        raise ImportFileError(
            str(path), QT_TRANSLATE_NOOP("Errors", "the XML cannot be read: {reason}"), reason=error
        ) from None


def _check_utf8(path: Path) -> None:
    """ImportFileError naming the line of the first byte that is not UTF-8, if any."""
    try:
        data = path.read_bytes()
    except OSError:
        return
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return  # UTF-16 or UTF-32, not ours to diagnose
    declared = _DECLARED_ENCODING.match(data.removeprefix(b"\xef\xbb\xbf"))
    if declared and declared.group(1).lower().replace(b"_", b"-") not in (b"utf-8", b"utf8"):
        return
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise ImportFileError(
            str(path),
            QT_TRANSLATE_NOOP("Errors", "not UTF-8 text at line {at} (byte {byte})"),
            line,
            at=line,
            byte=error.start + 1,
        ) from None


def _context(path: Path, root: etree._Element, archdesc: etree._Element, tags: Tags) -> _Context:
    did = next(f.children(archdesc, tags, "did"), None)
    title = f.first_text(did, tags, "unittitle") or _title_proper(root, tags)
    call_number = f.first_text(did, tags, "unitid")
    key = (
        f.first_text(next(f.children(root, tags, "control"), None), tags, "recordid")
        or f.first_text(next(f.children(root, tags, "eadheader"), None), tags, "eadid")
        or f"{call_number}\x1f{title}"
    )
    return _Context(str(path), tags, key, f.repository(did, tags), title, call_number)


def _title_proper(root: etree._Element, tags: Tags) -> str:
    """The finding aid's own title (``filedesc/titlestmt/titleproper``), EAD3 or 2002."""
    for header in f.children(root, tags, "control", "eadheader"):
        for statement in header.iter(*tags("titlestmt")):
            return f.first_text(statement, tags, "titleproper")
    return ""


def _records(context: _Context, archdesc: etree._Element) -> Iterator[RecordInput]:
    """The collection's record, then its components' in document order."""
    tags = context.tags
    top = _record(context, archdesc, "archdesc", None, ())
    parent_uid = top.uid if top is not None else None
    inherited = top.languages if top is not None else ()
    if top is not None:
        yield top
    count = int(top is not None)
    used: set[str] = set()
    stack = _children(archdesc, tags, parent_uid, "", inherited)
    while stack:
        pending = stack.pop()
        element = pending.element
        key = _level_key(element, pending.position, used)
        record = _record(context, element, key, pending.parent_uid, pending.languages)
        if record is not None:
            count += 1
            yield record
        parent = record.uid if record is not None else pending.parent_uid
        langs = record.languages if record is not None else pending.languages
        stack.extend(_children(element, tags, parent, pending.position, langs))
    if count == 0:
        raise ImportFileError(context.path, NO_TITLES, _line(archdesc))


def _children(
    element: etree._Element,
    tags: Tags,
    parent_uid: str | None,
    position: str,
    languages: tuple[str, ...],
) -> list[_Pending]:
    """The element's components (looking through ``dsc``), reversed for a stack."""
    found: list[etree._Element] = []
    for child in f.children(element, tags, "dsc", *COMPONENTS):
        if tags.local(child) == "dsc":
            found.extend(_components_of_dsc(child, tags))
        else:
            found.append(child)
    return [
        _Pending(child, parent_uid, f"{position}/{index}", languages)
        for index, child in reversed(list(enumerate(found, 1)))
    ]


def _components_of_dsc(dsc: etree._Element, tags: Tags) -> list[etree._Element]:
    """The components of a ``dsc``, including those of a ``dsc`` nested inside it."""
    found: list[etree._Element] = []
    stack = [dsc]
    while stack:
        for child in f.children(stack.pop(), tags, "dsc", *COMPONENTS):
            if tags.local(child) == "dsc":
                stack.append(child)
            else:
                found.append(child)
    return found


def _level_key(element: etree._Element, position: str, used: set[str]) -> str:
    """What identifies a component in its finding aid: its @id (if unique), else its place."""
    ident = (element.get("id") or "").strip()
    key = f"id:{ident}" if ident else ""
    if not key or key in used:
        key = f"at:{position}"
    used.add(key)
    return key


def _record(
    context: _Context,
    level: etree._Element,
    key: str,
    parent_uid: str | None,
    inherited: tuple[str, ...],
) -> RecordInput | None:
    """The record of one description level, or None when it has no title."""
    tags = context.tags
    did = next(f.children(level, tags, "did"), None)
    is_collection = key == "archdesc"
    title = f.first_text(did, tags, "unittitle")
    if is_collection:
        title = title or context.collection
    if not title:
        return None
    names: list[NameLink] = []
    notes: list[AnnotationInput] = []
    date_text = edtf = ""
    source = [context.call_number] if context.call_number else []
    languages = inherited
    if did is not None:
        date_text, edtf, bulk = f.dates(did, tags)
        if bulk:
            notes.append(AnnotationInput(f"Bulk dates: {'; '.join(bulk)}"))
        extent = f.extent(did, tags)
        if extent:
            notes.append(AnnotationInput(f"Extent: {extent}"))
        if not is_collection:
            source.extend(f.containers(did, tags))
            source.append(f.first_text(did, tags, "unitid"))
        languages = f.languages(did, tags) or inherited
        names.extend(f.creators(did, tags))
    names.extend(f.access_terms(level, tags))
    relations = (RelationInput(RelationType.PART_OF, parent_uid),) if parent_uid else ()
    return RecordInput(
        title=title,
        date_text=date_text,
        edtf=edtf or None,
        summary=f.summary(level, did, tags),
        languages=languages,
        archive=context.archive,
        source_ref=", ".join(f.unique(source)),
        collections=(context.collection,) if context.collection else (),
        names=tuple(dict.fromkeys(names)),
        notes=tuple(notes),
        relations=relations,
        uid=context.uid(key),
        line=_line(level),
    )
