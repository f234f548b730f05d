"""Hostile values in every field, through every exporter: each file reads back with its
real reader, and no value escapes its field.

One record per hostile value, the value in every text field (title, date, summary, type,
languages, archive, reference, classification, collections, every kind of name, tags,
notes, attachment details, related records' titles). Formula starts (``=HYPERLINK``, ``+``,
``-``, ``@``, tab, CR) never reach a spreadsheet as formulas; ``</td><script>`` never becomes
markup; a newline and ``ER  -`` never ends a RIS record; unbalanced braces and backslashes
never break a BibTeX entry; C0 control characters never reach XML or HTML; a lone
surrogate is refused with a clear error or replaced, never a traceback.

The per-format tests in ``tests/services/test_*_export.py`` check each format's mapping;
this checks that none of the exporters in the registry (and the PDF report) was missed.
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Callable
from dataclasses import replace
from html.parser import HTMLParser
from pathlib import Path

import pytest
import rispy
from bibtexparser.entrypoint import parse_string
from lxml import etree
from openpyxl import load_workbook

from catalog.domain.dates import parse_date
from catalog.domain.errors import ExportError
from catalog.domain.records import (
    Annotation,
    Attachment,
    AuthorityKind,
    AuthorityLink,
    RecordDetail,
    RelationType,
    RelationView,
    Role,
)
from catalog.services.transfer.csv_format import unneutralise
from catalog.services.transfer.formats import default_registry
from catalog.services.transfer.registry import Exporter
from tests.services.factories import CREATED, make_record

HOSTILE = [
    '=HYPERLINK("http://evil.example/x","click me")',
    "=cmd|' /C calc'!A0",
    "+1+1",
    "-1-1",
    "@SUM(A1:A9)",
    "\t=1+1",
    "\r=1+1",
    "'=already quoted",
    "</td><script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "first line\nER  - \nTY  - JOUR\nTI  - injected record",
    "ER  - at the start",
    "unbalanced { brace",
    "closing } brace",
    "}, title = {injected}, note = {x",
    "back\\slash \\",
    "\\input{/etc/passwd}",
    "@comment{x} @string{y = 1}",
    "C0 \x00 \x01 \x08 \x0b \x0c \x1b \x1f \x7f end",
    "]]><![CDATA[<x/>]]>",
    "<!DOCTYPE x [<!ENTITY e SYSTEM 'file:///etc/passwd'>]>&e;",
    "&amp; &lt; &#x0; &#0;",
]
SURROGATE = "lone \ud800 surrogate"
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
C0 = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")
_INVISIBLE = re.compile("[\x00-\x1f\x7f\ufffd]")


def plain(text: str) -> str:
    """Text without control characters (or their replacements), white space collapsed:
    what every format must keep of a value, however it cleans it."""
    return " ".join(_INVISIBLE.sub(" ", text).split())


def hostile_record(n: int, value: str) -> RecordDetail:
    def link(kind: AuthorityKind, role: Role) -> AuthorityLink:
        return AuthorityLink(
            n * 10 + len(kind.value) + len(role.value), kind, value, role, (value,)
        )

    return make_record(
        n,
        title=value,
        date=parse_date(value),
        summary=value,
        doc_type=value,
        languages=(value,),
        archive=value,
        source_ref=value,
        classification=value,
        collections=(value,),
        authorities=(
            link(AuthorityKind.PERSON, Role.AUTHOR),
            link(AuthorityKind.PERSON, Role.RECIPIENT),
            link(AuthorityKind.PERSON, Role.MENTIONED),
            link(AuthorityKind.ORGANISATION, Role.MENTIONED),
            link(AuthorityKind.PLACE, Role.MENTIONED),
            link(AuthorityKind.SUBJECT, Role.SUBJECT),
        ),
        tags=(value,),
        annotations=(Annotation(n, value, value, CREATED, CREATED),),
        relations=(RelationView(n, RelationType.REPLY_TO, True, 999, "0" * 36, value),),
        attachments=(Attachment(n, "scans/scan.pdf", value, value, ""),),
    )


RECORDS = [hostile_record(n, value) for n, value in enumerate(HOSTILE, 1)]


def exporters() -> dict[str, Exporter]:
    registry = default_registry()
    return dict(registry.exporters)


def test_every_exporter_is_checked() -> None:
    assert set(exporters()) == set(READERS) - {"pdf"}


# ----------------------------------------------------------------------------- readers
# Each reads the file as the program at the other end would, and fails on any escape.


def read_json(path: Path, records: list[RecordDetail]) -> None:
    def refuse(name: str) -> None:
        raise AssertionError(f"{name} in the JSON")

    data = json.loads(path.read_text(encoding="utf-8"), parse_constant=refuse)
    items = data["records"] if isinstance(data, dict) else data
    assert [item["title"] for item in items] == [r.title for r in records]


def _csv_rows(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.reader(handle, strict=True))


def read_csv(path: Path, records: list[RecordDetail]) -> None:
    header, *rows = _csv_rows(path)
    assert len(rows) == len(records)
    for row in rows:
        assert len(row) == len(header)
        for cell in row:
            assert not cell.startswith(FORMULA_START), f"a formula cell: {cell!r}"
    titles = [unneutralise(row[header.index("title")]) for row in rows]
    assert titles == [r.title for r in records]


def read_xlsx(path: Path, records: list[RecordDetail]) -> None:
    book = load_workbook(path)  # not read-only: cell types are read as they are stored
    sheet = book.worksheets[0]
    rows = list(sheet.iter_rows())
    header = [c.value for c in rows[0]]
    assert len(rows) == len(records) + 1
    for row in rows[1:]:
        for cell in row:
            assert cell.data_type != "f", f"a formula cell: {cell.value!r}"
            if isinstance(cell.value, str):
                assert not cell.value.startswith(FORMULA_START), f"a formula start: {cell.value!r}"
                assert not C0.search(cell.value)
    titles = [unneutralise(str(row[header.index("title")].value)) for row in rows[1:]]
    assert titles == [C0.sub("", r.title) for r in records]


def read_ris(path: Path, records: list[RecordDetail]) -> None:
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines()
    assert sum(line.startswith("TY  - ") for line in lines) == len(records)
    assert sum(line.startswith("ER  - ") for line in lines) == len(records)
    assert not C0.search(text)
    entries = rispy.loads(text)
    assert len(entries) == len(records)
    assert all(e.get("type_of_reference") != "JOUR" for e in entries)
    titles = [plain(e.get("title") or e.get("primary_title")) for e in entries]
    assert titles == [plain(r.title) for r in records]


def read_bibtex(path: Path, records: list[RecordDetail]) -> None:
    text = path.read_text(encoding="utf-8")
    assert not C0.search(text)
    library = parse_string(text)
    assert library.failed_blocks == []
    assert len(library.entries) == len(records) == len(library.blocks)
    expected = set(library.entries[0].fields_dict)
    for entry in library.entries:
        assert set(entry.fields_dict) == expected, "a value added or removed a field"
        assert "injected" not in entry.fields_dict


XML_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)


def _read_xml(path: Path, records: list[RecordDetail], title_tag: str) -> None:
    data = path.read_bytes()
    text = data.decode("utf-8")
    assert not C0.search(text), "a control character XML cannot hold"
    root = etree.fromstring(data, XML_PARSER)  # strict: fails on anything not well formed
    assert root.getroottree().docinfo.internalDTD is None
    titles = [
        " ".join("".join(e.itertext()).split())
        for e in root.iter(title_tag)
        if isinstance(e.tag, str)
    ]
    for record in records:
        wanted = " ".join(C0.sub("", record.title).split())
        assert wanted in titles, f"{wanted!r} not among the titles"


def read_dc(path: Path, records: list[RecordDetail]) -> None:
    _read_xml(path, records, "{http://purl.org/dc/elements/1.1/}title")


def read_ead3(path: Path, records: list[RecordDetail]) -> None:
    _read_xml(path, records, "{http://ead3.archivists.org/schema/}unittitle")


class _Html(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.headings: list[str] = []
        self._heading: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        for name, value in attrs:
            assert not name.startswith("on"), f"an event handler attribute: {name}"
            assert "javascript:" not in (value or "").lower()
        if tag == "h2":
            self._heading = []

    def handle_endtag(self, tag: str) -> None:
        if tag == "h2" and self._heading is not None:
            self.headings.append("".join(self._heading))
            self._heading = None

    def handle_data(self, data: str) -> None:
        if self._heading is not None:
            self._heading.append(data)


def read_html(path: Path, records: list[RecordDetail]) -> None:
    text = path.read_text(encoding="utf-8")
    assert not C0.search(text)
    parser = _Html()
    parser.feed(text)
    parser.close()
    assert {"script", "img", "iframe", "object", "embed"}.isdisjoint(parser.tags)
    contents, *headings = [plain(h) for h in parser.headings]
    assert contents == "Contents"
    assert headings == [plain(r.title) for r in records]


def read_pdf(path: Path, records: list[RecordDetail]) -> None:
    pypdf = pytest.importorskip("pypdf")
    data = path.read_bytes()
    for action in (b"/JavaScript", b"/JS ", b"/Launch", b"/OpenAction", b"/SubmitForm"):
        assert action not in data, f"{action!r} in the PDF"
    reader = pypdf.PdfReader(path)
    assert len(reader.pages) >= 1
    for page in reader.pages:  # Qt writes an empty /Annots on every page
        annotations = page.get("/Annots")
        assert not (annotations.get_object() if annotations else []), "a link from record text"
    text = "".join("".join(page.extract_text().split()) for page in reader.pages)
    assert "<script>alert(1)</script>" in text  # shown as text


Reader = Callable[[Path, list[RecordDetail]], None]
READERS: dict[str, Reader] = {
    "json": read_json,
    "csl-json": read_json,
    "csv": read_csv,
    "xlsx": read_xlsx,
    "ris": read_ris,
    "bibtex": read_bibtex,
    "dc": read_dc,
    "oai-pmh": read_dc,
    "ead3": read_ead3,
    "html": read_html,
    "pdf": read_pdf,
}


def _exporter(name: str) -> Exporter:
    if name == "pdf":
        from catalog.ui.reports import PdfReportExporter

        return PdfReportExporter()
    return exporters()[name]


@pytest.fixture
def qt_if_needed(request: pytest.FixtureRequest) -> None:
    if request.node.callspec.params.get("name") == "pdf":
        request.getfixturevalue("qapp")


@pytest.mark.parametrize("name", list(READERS))
def test_hostile_values_stay_in_their_fields(name: str, tmp_path: Path, qt_if_needed: None) -> None:
    exporter = _exporter(name)
    out = tmp_path / f"export{exporter.suffix}"
    assert exporter.write(RECORDS, out) == len(RECORDS)
    READERS[name](out, RECORDS)


@pytest.mark.parametrize("name", list(READERS))
def test_a_lone_surrogate_is_refused_or_replaced(
    name: str, tmp_path: Path, qt_if_needed: None
) -> None:
    exporter = _exporter(name)
    out = tmp_path / f"export{exporter.suffix}"
    record = hostile_record(1, SURROGATE)
    try:
        exporter.write([record], out)
    except ExportError as error:
        assert "not valid Unicode" in str(error)
        return
    cleaned = replace(record, title=SURROGATE.replace("\ud800", "\ufffd"))
    READERS[name](out, [cleaned])
