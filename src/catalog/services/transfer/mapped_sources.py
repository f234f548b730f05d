"""The rows of other systems' files, whatever their shape: CSV, XLSX, JSON, XML.

Each reader yields ``SourceRow``: the line a record starts on and its values by source
name (a column, a JSON key or dotted path, an XML child or ``child/@attr`` path), every
value already text. ``names`` are the top-level names a record offered (for automatic
mapping and the report of what was ignored). Every problem is an ImportFileError naming
the line.
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Generator, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

from lxml import etree

from catalog.domain.errors import CatalogError, ImportFileError
from catalog.domain.wording import QT_TRANSLATE_NOOP
from catalog.services.transfer import xml_input
from catalog.services.transfer.csv_format import unneutralise
from catalog.services.transfer.encoding import open_text, resolve
from catalog.services.transfer.json_stream import JsonArrayReader, plain_message

MAX_JSON_BYTES = 256 * 1024 * 1024
"""A JSON file that is one record object is read whole; larger ones are refused."""
FIELD_LIMIT = 64 * 1024 * 1024
_XML_DEPTH = 3  # how deep inside a record element paths are collected
_ARRAY_KEY = re.compile(r'"([^"\\]{1,200})"\s*:\s*\[\s*\{')


@dataclass
class SourceRow:
    """One record's values by source name, and where it starts."""

    line: int | None
    cells: dict[str, list[str]]
    names: list[str] = field(default_factory=list)
    header_line: int | None = None
    """Where the header row is (CSV, XLSX), for errors about columns."""


def _refuse(
    path: Path, template: str, line: int | None = None, **values: object
) -> ImportFileError:
    """The error for the file: ``template`` (marked in "Errors") and its values say why."""
    return ImportFileError(str(path), template, line, **values)


# ----------------------------------------------------------------------------- CSV


def csv_rows(path: Path, encoding: str | None) -> Iterator[SourceRow]:
    """The rows of a CSV file under its header (encoding detected unless chosen).

    Cells are separated by commas, or by semicolons or tabs when the header holds more of
    those (spreadsheets in much of Europe write ``;``).
    """
    chosen = resolve(path, encoding)
    csv.field_size_limit(max(csv.field_size_limit(), FIELD_LIMIT))
    with open_text(path, chosen) as handle:
        try:
            first = next((line for line in handle if line.strip()), "")
            handle.seek(0)
        except UnicodeError:  # UTF-16 without a BOM raises the base class
            first = ""
            handle.seek(0)
        reader = csv.reader(handle, delimiter=delimiter(first), strict=True)
        header: list[str] | None = None
        header_line = 1
        while True:
            line = reader.line_num + 1
            try:
                row = next(reader)
            except StopIteration:
                break
            except csv.Error as error:
                if "unexpected end of data" in str(error):
                    raise _refuse(
                        path,
                        QT_TRANSLATE_NOOP(
                            "Errors", "a quoted cell is never closed (a '\"' is missing)"
                        ),
                        line,
                    ) from None
                raise _refuse(
                    path, QT_TRANSLATE_NOOP("Errors", "not valid CSV: {reason}"), line, reason=error
                ) from None
            except UnicodeError:
                raise _refuse(
                    path,
                    QT_TRANSLATE_NOOP("Errors", "not valid {encoding} text; choose the encoding"),
                    line,
                    encoding=chosen,
                ) from None
            if not any(cell.strip() for cell in row):
                continue
            if header is None:
                if any("\x00" in cell for cell in row):
                    raise _refuse(
                        path,
                        QT_TRANSLATE_NOOP(
                            "Errors", "the header holds NUL bytes: this is not CSV text"
                        ),
                        line,
                    )
                header = _header([c.removeprefix("\ufeff") for c in row], path, line)
                header_line = line
                continue
            if len(row) > len(header):
                raise _refuse(
                    path,
                    QT_TRANSLATE_NOOP(
                        "Errors", "the row has {cells} cells but the header {header}"
                    ),
                    line,
                    cells=len(row),
                    header=len(header),
                )
            cells = {name: [row[i]] if i < len(row) else [] for i, name in enumerate(header)}
            yield SourceRow(line, cells, header, header_line)
        if header is None:
            raise _refuse(path, QT_TRANSLATE_NOOP("Errors", "the file is empty (no header row)"), 1)


def delimiter(line: str) -> str:
    """The cell separator a header line uses: ``,``, else ``;`` or a tab if more common."""
    counts = {d: line.count(d) for d in (",", ";", "\t")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] > counts[","] else ","


def _header(cells: list[Any], path: Path, line: int) -> list[str]:
    names: list[str] = []
    for i, cell in enumerate(cells):
        name = _text(cell).strip() or f"column {i + 1}"
        if name in names:
            raise _refuse(
                path,
                QT_TRANSLATE_NOOP("Errors", "the column {column} appears twice"),
                line,
                column=repr(name),
            )
        names.append(name)
    return names


# ----------------------------------------------------------------------------- XLSX


def xlsx_rows(path: Path) -> Iterator[SourceRow]:
    """The rows of the workbook's first sheet under its first non-blank row."""
    import zipfile

    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, ValueError, OSError) as error:
        if path.is_file() and path.stat().st_size == 0:
            raise _refuse(path, QT_TRANSLATE_NOOP("Errors", "the file is empty")) from None
        raise _refuse(
            path,
            QT_TRANSLATE_NOOP("Errors", "not a readable XLSX workbook ({reason})"),
            reason=type(error).__name__,
        ) from None
    try:
        if not book.worksheets:
            raise _refuse(path, QT_TRANSLATE_NOOP("Errors", "the workbook has no sheet"))
        header: list[str] | None = None
        header_line = 1
        rows = book.worksheets[0].iter_rows(values_only=True)
        for line, values in enumerate(rows, 1):
            # Catalog's own XLSX guards formula starts as its CSV does: take the guard off.
            row = [unneutralise(_text(v)) for v in values]
            if not any(cell.strip() for cell in row):
                continue
            if header is None:
                header, header_line = _header(row, path, line), line
                continue
            if any(cell.strip() for cell in row[len(header) :]):
                raise _refuse(
                    path,
                    QT_TRANSLATE_NOOP("Errors", "the row has cells beyond the header's {header}"),
                    line,
                    header=len(header),
                )
            cells = {name: [row[i]] if i < len(row) else [] for i, name in enumerate(header)}
            yield SourceRow(line, cells, header, header_line)
        if header is None:
            raise _refuse(
                path, QT_TRANSLATE_NOOP("Errors", "the first sheet is empty (no header row)"), 1
            )
    except (KeyError, ValueError, zipfile.BadZipFile) as error:
        raise _refuse(
            path,
            QT_TRANSLATE_NOOP("Errors", "the workbook is damaged ({reason})"),
            reason=type(error).__name__,
        ) from None
    finally:
        book.close()


def _text(value: object) -> str:
    """A cell or JSON scalar as text: whole floats without ``.0``, midnight without a time."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time() else value.isoformat()
    if isinstance(value, date | time):
        return value.isoformat()
    return str(value)


# ----------------------------------------------------------------------------- JSON


def json_rows(path: Path, record_path: str | None) -> Iterator[SourceRow]:
    """The record objects of a JSON file (see ``Mapping.record_path``), streaming.

    A top-level array is streamed element by element, and so is the array an object's
    member holds; a file that is a single object is one record, read whole (up to
    ``MAX_JSON_BYTES``).
    """
    steps = [s for s in (record_path or "").split(".") if s]
    try:
        handle = path.open("rb")
    except OSError as error:
        raise _refuse(
            path,
            QT_TRANSLATE_NOOP("Errors", "cannot read the file: {reason}"),
            reason=error.strerror,
        ) from None
    with handle:
        head = handle.read(64 * 1024)
        handle.seek(0)
        text = head.decode("utf-8", errors="replace").lstrip("\ufeff \t\r\n")
        if text.startswith("{"):
            key = steps.pop(0) if steps else _array_key(text)
            if key is None:
                yield from _single_object(path, handle.read(MAX_JSON_BYTES + 1))
                return
        else:
            key = "records"  # unused: a top-level array
        reader = JsonArrayReader(handle, str(path), max_value_chars=FIELD_LIMIT, array_key=key)
        for item in reader.items():
            for record in _descend(item.value, steps):
                if not isinstance(record, dict):
                    raise _refuse(
                        path,
                        QT_TRANSLATE_NOOP("Errors", "record {number} is not an object ({kind})"),
                        item.line,
                        number=item.number,
                        kind=type(record).__name__,
                    )
                yield SourceRow(item.line, flatten(record), list(record))


def _array_key(text: str) -> str | None:
    """The first member of the head whose value is an array of objects."""
    found = _ARRAY_KEY.search(text)
    return found.group(1) if found else None


def _single_object(path: Path, data: bytes) -> Iterator[SourceRow]:
    if len(data) > MAX_JSON_BYTES:
        raise _refuse(
            path,
            QT_TRANSLATE_NOOP("Errors", "a single JSON object larger than {limit} MB"),
            limit=MAX_JSON_BYTES // 2**20,
        )
    try:
        value = json.loads(
            data.decode("utf-8-sig"), object_pairs_hook=_unique, parse_constant=_no_constant
        )
    except UnicodeDecodeError:
        raise _refuse(path, QT_TRANSLATE_NOOP("Errors", "the file is not UTF-8 text")) from None
    except json.JSONDecodeError as error:
        raise _refuse(
            path,
            QT_TRANSLATE_NOOP("Errors", "not valid JSON: {reason}"),
            error.lineno,
            reason=plain_message(error.msg),
        ) from None
    except (ValueError, _RejectedError) as error:
        raise _refuse(
            path, QT_TRANSLATE_NOOP("Errors", "not valid JSON: {reason}"), reason=error
        ) from None
    except RecursionError:
        raise _refuse(path, QT_TRANSLATE_NOOP("Errors", "the JSON is nested too deeply")) from None
    yield SourceRow(1, flatten(value), list(value))


class _RejectedError(CatalogError):
    """What the JSON decoder's hooks refuse in a single object."""


def _unique(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) < len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise _RejectedError(
                    QT_TRANSLATE_NOOP("Errors", "duplicate key {key} in an object"),
                    key=repr(key[:40]),
                )
            seen.add(key)
    return result


def _no_constant(name: str) -> None:
    raise _RejectedError(
        QT_TRANSLATE_NOOP("Errors", "{name} is not a number JSON allows"), name=name
    )


def _descend(value: Any, steps: list[str]) -> Iterator[Any]:
    """The values at ``steps`` below ``value``; lists along the way are walked through."""
    if isinstance(value, list):
        for item in value:
            yield from _descend(item, steps)
    elif not steps:
        yield value
    elif isinstance(value, dict) and steps[0] in value:
        yield from _descend(value[steps[0]], steps[1:])


def flatten(record: dict[str, Any], prefix: str = "", depth: int = 0) -> dict[str, list[str]]:
    """A JSON object's values by key and dotted path (``tags.tag``), as text.

    A list gives one value per element; an object inside a list or value reads as a
    name when it looks like one (``lastName``/``firstName``, ``family``/``given``,
    ``name``) or as its single text member (Zotero's ``{"tag": ...}``).
    """
    cells: dict[str, list[str]] = {}
    for key, value in record.items():
        name = f"{prefix}{key}"
        items = value if isinstance(value, list) else [value]
        cells[name] = [v for v in (_json_text(item) for item in items) if v]
        objects = [item for item in items if isinstance(item, dict)]
        if objects and depth < _XML_DEPTH:
            for item in objects:
                for sub, values in flatten(item, f"{name}.", depth + 1).items():
                    cells.setdefault(sub, []).extend(values)
    return cells


def _json_text(value: Any) -> str:
    if isinstance(value, dict):
        last = value.get("lastName", value.get("family"))
        first = value.get("firstName", value.get("given"))
        if isinstance(last, str) and last:
            return f"{last}, {first}" if isinstance(first, str) and first else last
        texts = [v for v in value.values() if isinstance(v, str) and v]
        named = value.get("name")
        if isinstance(named, str):
            return named
        return texts[0] if len(texts) == 1 else ""
    if isinstance(value, list):
        return ""
    return _text(value)


# ----------------------------------------------------------------------------- XML


def record_element(path: Path) -> str:
    """The name of the element that repeats under the root (the records), from the start."""
    elements = xml_input.iter_elements(path)
    try:
        first = next(elements, None)
        node = first
        while node is not None and node.getparent() is not None:
            parent = node.getparent()
            if parent is not None and parent.getparent() is None:
                return etree.QName(node).localname
            node = parent
    finally:
        if isinstance(elements, Generator):
            elements.close()
    raise _refuse(
        path,
        QT_TRANSLATE_NOOP("Errors", "the XML has no record elements under its root element"),
        1,
    )


def xml_rows(path: Path, record_path: str | None) -> Iterator[SourceRow]:
    """Each record element (``record_path``, else the root's repeated child), streaming."""
    tag = record_path or record_element(path)
    wanted = tag if tag.startswith("{") else "{*}" + tag
    for element in xml_input.iter_elements(path, wanted):
        cells: dict[str, list[str]] = {}
        _collect(element, "", cells, 0)
        names = [f"@{_local(a)}" for a in element.attrib]
        names += list(dict.fromkeys(_local(child.tag) for child in element if _is_element(child)))
        line: object = element.sourceline  # typed loosely by lxml-stubs
        yield SourceRow(line if isinstance(line, int) else None, cells, names)


def _local(tag: object) -> str:
    return etree.QName(str(tag)).localname


def _is_element(node: etree._Element) -> bool:
    return isinstance(node.tag, str)


def _collect(element: etree._Element, prefix: str, cells: dict[str, list[str]], depth: int) -> None:
    for attribute, value in element.attrib.items():
        cells.setdefault(f"{prefix}@{_local(attribute)}", []).append(str(value))
    if depth >= _XML_DEPTH:
        return
    for child in element:
        if not _is_element(child):
            continue
        name = f"{prefix}{_local(child.tag)}"
        text = xml_input.text_of(child)
        values = cells.setdefault(name, [])
        if text:
            values.append(text)
        _collect(child, name + "/", cells, depth + 1)
