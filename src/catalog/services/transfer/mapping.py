"""Column mappings: which source column (key, element) of another system's file fills
which Catalog field.

A mapping is saved as a small JSON file so that the next export from the same system
imports the same way::

    {
      "format": "catalog-mapping",
      "version": 1,
      "name": "AtoM ISAD(G) CSV",
      "encoding": null,
      "record_path": null,
      "id_namespace": null,
      "empty_values": ["NULL"],
      "fields": [
        {"source": "title", "field": "title"},
        {"source": "subjectAccessPoints", "field": "subjects", "separator": "|"},
        {"source": "archivalHistory", "field": "notes", "prefix": "Archival history: "}
      ]
    }

``encoding`` names the text encoding (CSV only; null detects it). ``record_path`` is the
XML element that holds one record (``visit``), or for JSON the dotted path to the array
of records (``documents``; ``items`` inside each element of a top-level array). A field's
``source`` is a column name, a JSON key (``creators``, ``tags.tag``), or for XML a child
element or a simple path (``from``, ``from/@id``, ``@id``). ``separator`` splits a cell
into several values; ``prefix`` goes before each value (labels notes).
``empty_values`` are values that mean "none" (AtoM writes ``NULL``); they are dropped.

Several sources may fill one field: list fields take every value; two sources of
``date`` make a range ``start/end``; for other single fields they are fallbacks, the
first that has a value wins (``title``, else ``doc_id``). The
``id`` field becomes a stable uid (uuid5 of ``id_namespace``, or the file's name, and the
id) so that importing the same file again skips the records already there; ``parent``
links the record as part of the record with that id.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from catalog.domain.errors import CatalogError, ImportFileError
from catalog.domain.wording import QT_TRANSLATE_NOOP

FORMAT = "catalog-mapping"
VERSION = 1

SINGLE_FIELDS = (
    "title", "date", "summary", "type", "classification", "archive", "source_ref", "id",
)  # fmt: skip
LIST_FIELDS = (
    "languages", "collections", "authors", "recipients", "people", "organisations",
    "places", "subjects", "tags", "notes", "parent",
)  # fmt: skip
FIELDS = SINGLE_FIELDS + LIST_FIELDS
"""The Catalog fields a source can be mapped to."""

DEFAULT_SEPARATOR = "|"
"""The separator automatic mappings give list fields (AtoM's and Catalog's own)."""

# Normalised source names to fields, most specific first within a field. The key is
# the name casefolded without spaces, underscores, hyphens or dots.
_SYNONYMS: dict[str, tuple[str, ...]] = {
    "title": ("title", "titleproper", "documenttitle", "doctitle", "heading"),
    "date": ("date", "datetext", "dates", "docdate", "documentdate", "dateofcreation",
             "datecreated", "eventdates", "issued"),
    "summary": ("summary", "abstract", "abstractnote", "scopeandcontent", "scope",
                "shortdescription", "description"),
    "type": ("type", "doctype", "documenttype", "manuscripttype", "genre", "kind"),
    "classification": ("classification", "securityclassification", "secrecy"),
    "languages": ("language", "languages", "lang"),
    "archive": ("archive", "repository", "holdinginstitution", "institution"),
    "source_ref": ("sourceref", "docid", "documentid", "reference", "referencecode",
                   "refcode", "callnumber", "shelfmark", "archivelocation", "signature",
                   "filenumber"),
    "collections": ("collection", "collections", "series", "fonds"),
    "authors": ("author", "authors", "creator", "creators", "sender"),
    "recipients": ("recipient", "recipients", "addressee", "to"),
    "people": ("people", "persons", "person", "names", "visitor", "visitors",
               "nameaccesspoints"),
    "organisations": ("organisation", "organisations", "organization", "organizations",
                      "corporatebodies", "agency"),
    "places": ("place", "places", "country", "countries", "location", "placeaccesspoints"),
    "subjects": ("subject", "subjects", "keyword", "keywords", "topics",
                 "subjectaccesspoints"),
    "tags": ("tag", "tags", "label", "labels", "genreaccesspoints"),
    "notes": ("note", "notes", "comment", "comments", "remarks", "generalnote",
              "description"),
    "id": ("id", "identifier", "uid", "uuid", "recordid", "legacyid"),
    "parent": ("parent", "parentid"),
}  # fmt: skip
_RANGE = {"startdate": 0, "datefrom": 0, "fromdate": 0, "begin": 0, "start": 0,
          "enddate": 1, "dateto": 1, "todate": 1, "end": 1}  # fmt: skip


def normalise(name: str) -> str:
    """A source name as matching sees it: case, spaces, ``_``, ``-`` and ``.`` ignored."""
    return "".join(c for c in name.casefold() if c not in " _-.\t")


@dataclass(frozen=True)
class FieldMapping:
    """One source (column, key, element path) feeding one Catalog field."""

    source: str
    field: str
    separator: str = ""
    prefix: str = ""


@dataclass(frozen=True)
class Mapping:
    """How a file from another system becomes records (see the module's description)."""

    fields: tuple[FieldMapping, ...]
    encoding: str | None = None
    record_path: str | None = None
    id_namespace: str | None = None
    name: str = ""
    empty_values: tuple[str, ...] = ()
    auto: bool = field(default=False, compare=False)
    """Made by ``auto_mapping`` rather than chosen by a person."""

    @property
    def sources(self) -> list[str]:
        """The sources used, in mapping order, each once."""
        return list(dict.fromkeys(f.source for f in self.fields))

    @property
    def date_sources(self) -> list[str]:
        """The sources of the date (two make a range)."""
        return [f.source for f in self.fields if f.field == "date"]

    def has_title(self) -> bool:
        """True when some source fills the title."""
        return any(f.field == "title" for f in self.fields)

    def unmapped(self, names: Iterable[str]) -> list[str]:
        """The names that no field uses, in the order given."""
        used = set(self.sources)
        return [n for n in dict.fromkeys(names) if n not in used]

    def to_json(self) -> str:
        """The mapping as its saved JSON text."""
        payload: dict[str, Any] = {
            "format": FORMAT,
            "version": VERSION,
            "name": self.name,
            "encoding": self.encoding,
            "record_path": self.record_path,
            "id_namespace": self.id_namespace,
            "empty_values": list(self.empty_values),
            "fields": [_field_object(f) for f in self.fields],
        }
        return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"

    @classmethod
    def from_json(cls, text: str, path: str = "mapping") -> Mapping:
        """A mapping read from its saved JSON; ImportFileError says what is wrong."""
        try:
            payload = json.loads(text, object_pairs_hook=_unique, parse_constant=_no_constant)
        except (ValueError, RecursionError, _RejectedError) as error:
            raise ImportFileError(
                path,
                QT_TRANSLATE_NOOP("Errors", "the mapping is not valid JSON: {reason}"),
                reason=error,
            ) from None
        return _from_payload(payload, path)

    def save(self, path: Path) -> None:
        """Write the mapping to ``path``."""
        path.write_text(self.to_json(), encoding="utf-8")

    @classmethod
    def load(cls, path: Path) -> Mapping:
        """Read a saved mapping; ImportFileError when it cannot be used."""
        try:
            text = path.read_text(encoding="utf-8-sig")
        except OSError as error:
            raise ImportFileError(
                str(path),
                QT_TRANSLATE_NOOP("Errors", "cannot read the mapping: {reason}"),
                reason=error.strerror,
            ) from None
        except UnicodeDecodeError:
            raise ImportFileError(
                str(path), QT_TRANSLATE_NOOP("Errors", "the mapping is not UTF-8 text")
            ) from None
        return cls.from_json(text, str(path))


def _field_object(f: FieldMapping) -> dict[str, str]:
    out = {"source": f.source, "field": f.field}
    if f.separator:
        out["separator"] = f.separator
    if f.prefix:
        out["prefix"] = f.prefix
    return out


class _RejectedError(CatalogError):
    """What the JSON decoder's hooks refuse in a mapping."""


def _unique(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) < len(pairs):
        raise _RejectedError(QT_TRANSLATE_NOOP("Errors", "a key appears twice in an object"))
    return result


def _no_constant(name: str) -> None:
    raise _RejectedError(QT_TRANSLATE_NOOP("Errors", "{name} is not allowed"), name=name)


_TOP_KEYS = {
    "format", "version", "name", "encoding", "record_path", "id_namespace", "empty_values",
    "fields",
}  # fmt: skip
_FIELD_KEYS = {"source", "field", "separator", "prefix"}


def _from_payload(payload: object, path: str) -> Mapping:
    def fail(template: str, **values: object) -> ImportFileError:
        return ImportFileError(
            path,
            QT_TRANSLATE_NOOP("Errors", "not a usable mapping: {problem}"),
            problem=CatalogError(template, **values),
        )

    if not isinstance(payload, dict):
        raise fail(QT_TRANSLATE_NOOP("Errors", "the file must hold one JSON object"))
    if payload.get("format") != FORMAT:
        raise fail(QT_TRANSLATE_NOOP("Errors", '"format" must be "{format}"'), format=FORMAT)
    version = payload.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise fail(QT_TRANSLATE_NOOP("Errors", '"version" must be a whole number'))
    if version > VERSION:
        raise fail(
            QT_TRANSLATE_NOOP(
                "Errors", "written by a newer Catalog (version {version}; this one reads {ours})"
            ),
            version=version,
            ours=VERSION,
        )
    unknown = sorted(set(payload) - _TOP_KEYS)
    if unknown:
        raise fail(QT_TRANSLATE_NOOP("Errors", "unknown keys {keys}"), keys=", ".join(unknown))
    texts: dict[str, str | None] = {}
    for key in ("name", "encoding", "record_path", "id_namespace"):
        value = payload.get(key)
        if value is not None and not isinstance(value, str):
            raise fail(QT_TRANSLATE_NOOP("Errors", '"{key}" must be text or null'), key=key)
        texts[key] = value or None
    items = payload.get("fields")
    if not isinstance(items, list) or not items:
        raise fail(QT_TRANSLATE_NOOP("Errors", '"fields" must be a non-empty list'))
    fields = tuple(_field_from(item, n, fail) for n, item in enumerate(items, 1))
    empty = payload.get("empty_values", [])
    if not isinstance(empty, list) or not all(isinstance(v, str) for v in empty):
        raise fail(QT_TRANSLATE_NOOP("Errors", '"empty_values" must be a list of texts'))
    mapping = Mapping(
        fields,
        encoding=texts["encoding"],
        record_path=texts["record_path"],
        id_namespace=texts["id_namespace"],
        name=texts["name"] or "",
        empty_values=tuple(empty),
    )
    if not mapping.has_title():
        raise fail(QT_TRANSLATE_NOOP("Errors", "no source is mapped to the title"))
    return mapping


def _field_from(item: object, number: int, fail: Any) -> FieldMapping:
    if not isinstance(item, dict):
        raise fail(QT_TRANSLATE_NOOP("Errors", "field {number} must be an object"), number=number)
    unknown = sorted(set(item) - _FIELD_KEYS)
    if unknown:
        raise fail(
            QT_TRANSLATE_NOOP("Errors", "field {number} has unknown keys {keys}"),
            number=number,
            keys=", ".join(unknown),
        )
    values = {k: item.get(k, "") for k in _FIELD_KEYS}
    for key, value in values.items():
        if not isinstance(value, str):
            raise fail(
                QT_TRANSLATE_NOOP("Errors", 'field {number}: "{key}" must be text'),
                number=number,
                key=key,
            )
    if not values["source"].strip():
        raise fail(QT_TRANSLATE_NOOP("Errors", 'field {number}: "source" is empty'), number=number)
    if values["field"] not in FIELDS:
        raise fail(
            QT_TRANSLATE_NOOP("Errors", "field {number}: unknown field {field} (known: {known})"),
            number=number,
            field=repr(values["field"]),
            known=", ".join(FIELDS),
        )
    return FieldMapping(values["source"], values["field"], values["separator"], values["prefix"])


# ----------------------------------------------------------------------------- automatic


def _rank(name: str) -> tuple[str, int] | None:
    """The field a name means and how specific the match is (lower is better)."""
    key = normalise(name)
    for target, synonyms in _SYNONYMS.items():
        if key in synonyms:
            return target, synonyms.index(key)
    return None


def auto_mapping(source_names: Sequence[str]) -> Mapping:
    """A mapping for names that say what they hold (``Title``, ``doc_id``, ``People``...).

    Single fields take the most specific name (``summary`` over ``description``; a
    ``description`` beside a summary becomes a note); ``start_date`` and ``end_date`` make
    the date a range when no plain date is there. List fields split on ``|``. The names
    left out are ``mapping.unmapped(source_names)``. A title left empty falls back to
    the reference column, when there is one.
    """
    best: dict[str, tuple[int, str]] = {}
    lists: list[FieldMapping] = []
    ranges: dict[int, str] = {}
    for name in dict.fromkeys(source_names):
        found = _rank(name)
        if found is None:
            position = _RANGE.get(normalise(name))
            if position is not None:
                ranges.setdefault(position, name)
            continue
        target, rank = found
        if target in SINGLE_FIELDS:
            if target not in best or rank < best[target][0]:
                best[target] = (rank, name)
        else:
            lists.append(FieldMapping(name, target, DEFAULT_SEPARATOR))
    singles = [FieldMapping(name, target) for target, (_, name) in best.items()]
    if "date" not in best and ranges:
        singles += [FieldMapping(ranges[p], "date") for p in sorted(ranges)]
    taken = {f.source for f in singles}
    fields = [*singles, *(f for f in lists if f.source not in taken)]
    # A description that lost the summary to a better name becomes a note.
    for name in source_names:
        if normalise(name) == "description" and name not in {f.source for f in fields}:
            fields.append(FieldMapping(name, "notes"))
    order = {name: i for i, name in enumerate(source_names)}
    fields.sort(key=lambda f: order.get(f.source, len(order)))
    # A record with an empty title is named by its reference (doc_id) rather than
    # refused: real listings leave titles blank (381 of the Chile documents do).
    if "title" in best and "source_ref" in best:
        fields.append(FieldMapping(best["source_ref"][1], "title"))
    return Mapping(tuple(fields), name="automatic", auto=True)


# ----------------------------------------------------------------------------- presets


def _atom_fields() -> tuple[FieldMapping, ...]:
    bar = "|"
    notes = (
        ("extentAndMedium", "Extent and medium"),
        ("archivalHistory", "Archival history"),
        ("acquisition", "Immediate source of acquisition"),
        ("arrangement", "System of arrangement"),
        ("accessConditions", "Conditions governing access"),
        ("reproductionConditions", "Conditions governing reproduction"),
        ("physicalCharacteristics", "Physical characteristics"),
        ("findingAids", "Finding aids"),
        ("locationOfOriginals", "Location of originals"),
        ("locationOfCopies", "Location of copies"),
        ("relatedUnitsOfDescription", "Related units of description"),
        ("publicationNote", "Publication note"),
        ("generalNote", "Note"),
        ("archivistNote", "Archivist's note"),
    )
    return (
        FieldMapping("legacyId", "id"),
        FieldMapping("parentId", "parent"),
        FieldMapping("identifier", "source_ref"),
        FieldMapping("title", "title"),
        FieldMapping("levelOfDescription", "type"),
        FieldMapping("repository", "archive"),
        FieldMapping("scopeAndContent", "summary"),
        FieldMapping("language", "languages", bar),
        FieldMapping("subjectAccessPoints", "subjects", bar),
        FieldMapping("placeAccessPoints", "places", bar),
        FieldMapping("nameAccessPoints", "people", bar),
        FieldMapping("genreAccessPoints", "tags", bar),
        FieldMapping("eventDates", "date", bar),
        FieldMapping("eventActors", "authors", bar),
        *(FieldMapping(column, "notes", bar, f"{label}: ") for column, label in notes),
    )


ATOM_ISAD_PRESET = Mapping(
    _atom_fields(), name="AtoM ISAD(G) CSV", id_namespace="atom-isad", empty_values=("NULL",)
)
"""AtoM's CSV template for ISAD(G) descriptions (``legacyId``, ``parentId``, ``eventDates``
...): the first event's date is the record's date, notes are labelled by their column."""

PRESETS = {"atom-isad": ATOM_ISAD_PRESET}
"""The mappings Catalog ships, by name."""
