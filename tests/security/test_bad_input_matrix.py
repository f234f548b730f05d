"""Every malformed-input case of QUALITY.md, through every importer in the registry.

One table: (case, importers it applies to, how the file is built, what must happen).
Each row runs against a catalogue that already holds records, through
``CatalogService.import_file`` with the format named. What must happen is one of:

* ``error``: ``ImportFileError`` naming the file (and the line where the case says so),
  its message holding one of the expected fragments, and the catalogue exactly as it was
  (same records, same details, same write counter);
* ``ok``: the import succeeds and a check on what was written holds (a BOM is not part of
  a title, an unknown date is kept as its text, NUL bytes never reach the store ...);
* ``either``: a clear error as above, or a correct import: never garbled text.

Any other exception (a traceback) fails the test. The per-format files in
``tests/data/bad/`` and the per-importer tests go deeper into each format; this matrix
proves that no importer was forgotten.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Literal

import pytest

from catalog.domain.errors import ImportFileError
from catalog.domain.records import ImportReport, RecordDetail
from catalog.services.catalog import CatalogService
from catalog.services.transfer.formats import default_registry
from tests.security.files import UIDS, Rec, build, build_xlsx_rows, recs, suffix

XML = ("dc", "ead", "mapped-xml")
JSON = ("json", "csl-json", "mapped-json")
CSV = ("csv", "mapped-csv")
TEXT = ("listing", *JSON, *CSV, "ris", "bibtex")
EVERY = (*TEXT, *XML, "xlsx")
WITH_IDS = tuple(f for f in EVERY if f != "listing")  # listings carry no identifiers


def test_the_matrix_covers_every_importer() -> None:
    """A new importer in the registry must be added to the table."""
    assert set(default_registry().importers) == set(EVERY)


# ----------------------------------------------------------------------------- damage


def with_records(*records: Rec) -> Callable[[str], bytes]:
    return lambda fmt: build(fmt, records)


def changed(**fields: str) -> Callable[[str], bytes]:
    """The two records, the second with some fields replaced."""
    return lambda fmt: build(fmt, [recs()[0], replace(recs()[1], **fields)])


def mixed_encodings(fmt: str) -> bytes:
    # Two files pasted together: the first record in UTF-8, the second in cp1252.
    data = build(fmt, [recs()[0], replace(recs()[1], title="Café Müller à Séoul")])
    return data.replace("Café Müller à Séoul".encode(), "Café Müller à Séoul".encode("cp1252"))


def cp1251(fmt: str) -> bytes:
    # Cyrillic in a Windows code page, with no declaration saying so.
    return build(fmt, recs()).decode("utf-8").encode("cp1251", errors="strict")


def utf8_bom(fmt: str) -> bytes:
    return b"\xef\xbb\xbf" + build(fmt, recs())


def utf16(fmt: str) -> bytes:
    text = build(fmt, recs()).decode("utf-8")
    return text.replace('encoding="UTF-8"', 'encoding="UTF-16"').encode("utf-16")


def cr_only(fmt: str) -> bytes:
    return build(fmt, recs()).replace(b"\n", b"\r")


def surrogate_bytes(fmt: str) -> bytes:
    # A lone surrogate written as CESU-style bytes: not UTF-8.
    data = build(fmt, [recs()[0], replace(recs()[1], title="Cable XSURROGATEX")])
    return data.replace(b"XSURROGATEX", b"\xed\xa0\x80")


def surrogate_json(fmt: str) -> bytes:
    data = build(fmt, [recs()[0], replace(recs()[1], title="Cable XSURROGATEX")])
    return data.replace(b"XSURROGATEX", b"\\ud800")


def surrogate_xml(fmt: str) -> bytes:
    data = build(fmt, [recs()[0], replace(recs()[1], title="Cable XSURROGATEX")])
    return data.replace(b"XSURROGATEX", b"&#xD800;")


def nul(fmt: str) -> bytes:
    data = build(fmt, [recs()[0], replace(recs()[1], title="Cable XNULX one")])
    return data.replace(b"XNULX", b"\x00")


def nul_short(fmt: str) -> bytes:
    # Little text around the NUL: too little for an encoding guess to lean on.
    data = build(fmt, [Rec("Ким XNULX", "1959", "Д")])
    return data.replace(b"XNULX", b"\x00")


def truncated(fmt: str) -> bytes:
    data = build(fmt, recs())
    if fmt == "ris":
        return data[: data.rindex(b"ER  - ")]
    if fmt == "bibtex":
        return data[: data.rindex(b"}")]
    if fmt in CSV:
        return data + b'"never-ending, cut short\n'
    return data[: len(data) * 2 // 3]


def unterminated_quote(fmt: str) -> bytes:
    data = build(fmt, recs())
    if fmt in CSV:
        # A quote opened in the first record's summary and never closed: the csv module
        # would swallow the second record into it.
        first = recs()[0]
        return data.replace(first.summary.encode(), b'"' + first.summary.encode())
    if fmt in JSON:
        return data.replace(b'"Second."', b'"Second.')
    assert fmt == "bibtex"
    return data.replace(b"Second.}", b"Second.")


def ragged(fmt: str) -> bytes:
    return build(fmt, recs()).replace(b"Second.", b"Second.,extra,cells")


def duplicate_columns(fmt: str) -> bytes:
    if fmt == "xlsx":
        return build_xlsx_rows([["id", "title", "title"], [UIDS[0], "One", "Two"]])
    data = build(fmt, recs())
    header = data.split(b"\n", 1)[0]
    return data.replace(header, header.replace(b",date,", b",title,"), 1)


def missing_title_column(fmt: str) -> bytes:
    if fmt == "xlsx":
        return build_xlsx_rows([["id", "when"], [UIDS[0], "1959"]])
    data = build(fmt, recs())
    header = data.split(b"\n", 1)[0]
    return data.replace(header, header.replace(b",title,", b",heading_x,"), 1)


def duplicate_json_key(fmt: str) -> bytes:
    return build(fmt, recs()).replace(b'"title": "Cable', b'"title": "First", "title": "Cable')


def nan_json(fmt: str) -> bytes:
    return build(fmt, recs()).replace(b'"title": "Cable', b'"extra": NaN, "title": "Cable')


def raw_control_json(fmt: str) -> bytes:
    # A line break typed into a string (JSON needs "\\n"); for mapped JSON, in a file that
    # is one record object (read whole, not streamed).
    if fmt == "mapped-json":
        return b'{"id": "x1",\n "title": "Cable\nfrom Pyongyang"}\n'
    return build(fmt, recs()).replace(b"Second.", b"Sec\nond.")


def deep_json(fmt: str) -> bytes:
    depth = 100_000
    return build(fmt, recs()).replace(
        b'"title": "Cable', b'"extra": ' + b"[" * depth + b"]" * depth + b', "title": "Cable'
    )


def deep_xml(fmt: str) -> bytes:
    depth = 100_000
    return build(fmt, recs()).replace(b"Second.", b"Second." + b"<x>" * depth + b"</x>" * depth)


def not_well_formed(fmt: str) -> bytes:
    return build(fmt, recs()).replace(b"</", b"</wrong", 3)


def internal_entity(fmt: str) -> bytes:
    data = build(fmt, recs())
    declaration = b'<?xml version="1.0" encoding="UTF-8"?>\n'
    root = data.split(b"\n")[1].split(b" ")[0].strip(b"<>")
    doctype = b"<!DOCTYPE " + root + b' [<!ENTITY who "Molotov">]>\n'
    return data.replace(declaration, declaration + doctype).replace(b"Second.", b"&who;")


def no_title(fmt: str) -> bytes:
    if fmt == "listing":  # a date line with nothing under it
        return changed(title="", summary="")(fmt)
    if fmt == "ead":  # an untitled level is only a grouping: none may have a title
        return build(fmt, [replace(r, title="") for r in recs()])
    return changed(title="")(fmt)


LONG_TITLE = "T" * 2001
HUGE = "Ж" * 300_000  # more than the csv module's default field limit (131,072)
UNKNOWN_DATE = "in the reign of Queen Anne"
IMPOSSIBLE_DATE = "1959-13-45"

# ----------------------------------------------------------------------------- outcomes


@dataclass(frozen=True)
class Imported:
    """What a successful import left behind, for a case's check."""

    report: ImportReport
    new: list[RecordDetail]


Check = Callable[[Imported, str], None]


def titles_exact(imported: Imported, fmt: str) -> None:
    """The records read as written: no BOM, no mojibake, no lost record."""
    # (In EAD the first record is the collection, the second its component.)
    assert sorted(r.title for r in imported.new) == sorted(r.title for r in recs())


def no_nul(imported: Imported, fmt: str) -> None:
    assert imported.new
    for record in imported.new:
        assert "\x00" not in record.title + record.summary
    assert any("NUL" in w for w in imported.report.warnings), imported.report.warnings


def no_surrogate(imported: Imported, fmt: str) -> None:
    for record in imported.new:
        record.title.encode("utf-8")  # raises on a lone surrogate
    assert any("surrogate" in w for w in imported.report.warnings), imported.report.warnings


def date_kept(text: str) -> Check:
    def check(imported: Imported, fmt: str) -> None:
        (record,) = [r for r in imported.new if r.title == "Cable from Pyongyang"]
        assert record.date.text == text
        assert record.date.lower is None and record.date.upper is None

    return check


def huge(fmt: str) -> str:
    """A longer value than the csv module reads by default; an XLSX cell holds 32,767."""
    return HUGE[:32_767] if fmt == "xlsx" else HUGE


def summary_whole(imported: Imported, fmt: str) -> None:
    (record,) = [r for r in imported.new if r.title == "Cable from Pyongyang"]
    assert record.summary == huge(fmt)


def distinct_records(imported: Imported, fmt: str) -> None:
    assert len({r.uid for r in imported.new}) == len(imported.new) == 2


@dataclass(frozen=True)
class Case:
    """One row of the table.

    Attributes:
        name: the QUALITY.md case.
        formats: the importers it applies to.
        make: the file's bytes, given the format.
        expect: error, ok, or either.
        fragments: one of these is in the error's message (case-insensitive).
        line: formats whose error must name a line.
        check: what must hold after a successful import.
    """

    name: str
    formats: tuple[str, ...]
    make: Callable[[str], bytes]
    expect: Literal["error", "ok", "either"]
    fragments: tuple[str, ...] = ()
    line: tuple[str, ...] = ()
    check: Check | None = None
    twice: bool = False


# Mapped CSV guesses the encoding of the whole file (another system's export may be in a
# code page) and asks the user to choose: that verdict has no line. The others read UTF-8
# and stop at the line where it breaks.
DECODED = tuple(f for f in EVERY if f != "mapped-csv")
ENCODING = ("encoding", "utf-8", "utf-16", "not text", "malformed")
NO_RECORDS = ("the file is empty",)

CASES: list[Case] = [
    Case("empty file", EVERY, lambda fmt: b"", "error", NO_RECORDS),
    Case(
        "blank file",
        EVERY,
        lambda fmt: b" \r\n\n\t \n",
        "error",
        (*NO_RECORDS, "not a readable xlsx"),
    ),
    Case("wrong encoding", (*TEXT, *XML), cp1251, "either", ENCODING, check=titles_exact),
    Case("mixed encodings", (*TEXT, *XML), mixed_encodings, "error", ENCODING, line=DECODED),
    Case("UTF-8 BOM", (*TEXT, *XML), utf8_bom, "ok", check=titles_exact),
    Case("UTF-16 with BOM", (*TEXT, *XML), utf16, "either", ENCODING, check=titles_exact),
    Case(
        "NUL byte",
        (*TEXT, *XML),
        nul,
        "either",
        ("nul", "binary data", "control character", "char 0x0"),
        line=EVERY,
        check=no_nul,
    ),
    Case(
        "NUL byte in a short file",
        (*TEXT, *XML),
        nul_short,
        "either",
        ("nul", "binary data", "control character", "char 0x0"),
        line=DECODED,
        check=no_nul,
    ),
    Case("CR-only line ends", (*TEXT, *XML), cr_only, "ok", check=titles_exact),
    Case(
        "unterminated quote",
        (*CSV, *JSON, "bibtex"),
        unterminated_quote,
        "error",
        ("never closed", "a quote is missing"),
        line=CSV,
    ),
    Case("ragged rows", CSV, ragged, "error", ("cells",), line=CSV),
    Case(
        "duplicate header columns",
        (*CSV, "xlsx"),
        duplicate_columns,
        "error",
        ("twice", "duplicate", "more than once"),
        line=CSV,
    ),
    Case("missing title column", (*CSV, "xlsx"), missing_title_column, "error", ("title",)),
    Case("duplicate JSON keys", JSON, duplicate_json_key, "error", ("twice", "duplicate")),
    Case("NaN in JSON", JSON, nan_json, "error", ("nan",), line=JSON),
    Case(
        "raw line break in a JSON string",
        JSON,
        raw_control_json,
        "error",
        ("a control character (a line break, tab or nul) inside a string",),
        line=JSON,
    ),
    Case("deep JSON nesting", JSON, deep_json, "error", ("nested too deeply",), line=JSON),
    Case("deep XML nesting", XML, deep_xml, "error", ("nested more than 256 deep",), line=XML),
    Case("lone surrogate (bytes)", (*TEXT, *XML), surrogate_bytes, "error", ENCODING, line=DECODED),
    Case(
        "lone surrogate (JSON escape)",
        JSON,
        surrogate_json,
        "either",
        ("surrogate", "invalid"),
        check=no_surrogate,
    ),
    Case(
        "lone surrogate (XML reference)",
        XML,
        surrogate_xml,
        "error",
        ("malformed",),
        line=XML,
    ),
    Case(
        "truncated file",
        tuple(f for f in EVERY if f != "listing"),
        truncated,
        "error",
        ("cut short", "never closed", "premature end", "malformed", "not a readable xlsx"),
        line=tuple(f for f in EVERY if f != "xlsx"),
    ),
    Case("XML not well formed", XML, not_well_formed, "error", ("malformed",), line=XML),
    Case("XML entity", XML, internal_entity, "error", ("entit",)),
    Case(
        "unknown date form",
        WITH_IDS,
        changed(date=UNKNOWN_DATE),
        "ok",
        check=date_kept(UNKNOWN_DATE),
    ),
    Case(
        "impossible date",
        WITH_IDS,
        changed(date=IMPOSSIBLE_DATE),
        "ok",
        check=date_kept(IMPOSSIBLE_DATE),
    ),
    Case(
        "over-long title", EVERY, changed(title=LONG_TITLE), "error", ("longer than",), line=EVERY
    ),
    Case(
        "over-long field",
        EVERY,
        lambda fmt: changed(summary=huge(fmt))(fmt),
        "either",
        ("too long", "longer than", "larger than"),
        check=summary_whole,
    ),
    Case("record with no title", EVERY, no_title, "error", ("title",), line=EVERY),
    Case(
        "duplicate identifiers in the file",
        tuple(f for f in WITH_IDS if f != "ead"),
        changed(uid=UIDS[0]),
        "error",
        ("twice", "repeats"),
        line=EVERY,
    ),
    # An EAD level's @id is only a hint: a repeated one falls back to the level's place.
    Case(
        "duplicate identifiers in the file",
        ("ead",),
        changed(uid=UIDS[0]),
        "ok",
        check=distinct_records,
    ),
    Case(
        "duplicate identifiers against the catalogue",
        WITH_IDS,
        with_records(*recs()),
        "ok",
        twice=True,
    ),
]


def _params() -> Iterator[object]:
    for case in CASES:
        for fmt in case.formats:
            yield pytest.param(case, fmt, id=f"{case.name}-{fmt}".replace(" ", "_"))


# ----------------------------------------------------------------------------- catalogue


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A closed catalogue file holding two records (copied for each test)."""
    folder = tmp_path_factory.mktemp("seeded")
    service = CatalogService.open(folder / "seed.sqlite", cache_dir=folder)
    seed = folder / "seed.json"
    uids = ("5b0c7f1e-0d2a-4c1b-9a51-3f0e7c2d9a0a", "5b0c7f1e-0d2a-4c1b-9a51-3f0e7c2d9a0b")
    seed.write_bytes(build("json", [Rec("Already here", uid=uids[0]), Rec("Old", uid=uids[1])]))
    try:
        service.import_file(seed, "json")
    finally:
        service.close()
    return folder / "seed.sqlite"


@pytest.fixture
def catalogue(seeded: Path, tmp_path: Path) -> Iterator[CatalogService]:
    target = tmp_path / "catalogue.sqlite"
    shutil.copyfile(seeded, target)
    service = CatalogService.open(target, user="tester", cache_dir=tmp_path)
    yield service
    service.close()


Snapshot = tuple[int, list[RecordDetail]]


def snapshot(service: CatalogService) -> Snapshot:
    return service.generation(), service.details(service.search("").ids)


# ----------------------------------------------------------------------------- the test


@pytest.mark.parametrize(("case", "fmt"), list(_params()))
def test_bad_input(case: Case, fmt: str, catalogue: CatalogService, tmp_path: Path) -> None:
    path = tmp_path / f"incoming{suffix(fmt)}"
    path.write_bytes(case.make(fmt))
    if case.twice:
        catalogue.import_file(path, fmt)
    before = snapshot(catalogue)
    try:
        report, _changes = catalogue.import_file(path, fmt)
    except ImportFileError as error:
        assert case.expect in ("error", "either"), f"refused: {error}"
        message = str(error)
        assert message.startswith(str(path)), message
        assert any(f in error.reason.casefold() for f in case.fragments), message
        assert "Traceback" not in message and "Error(" not in message
        assert not message.endswith((" at", ":", "(")), f"a message cut short: {message}"
        if fmt in case.line:
            assert error.line is not None, message
        assert snapshot(catalogue) == before, "a refused import wrote something"
        return
    assert case.expect in ("ok", "either"), f"imported what should be refused: {report}"
    after = snapshot(catalogue)
    old = {r.id for r in before[1]}
    new = [r for r in after[1] if r.id not in old]
    assert [r for r in after[1] if r.id in old] == before[1], "an import changed old records"
    if case.twice:  # (the change log notes the import; the records stay as they were)
        assert after[1] == before[1], "records already in the catalogue were imported again"
        assert report.records == 0 and report.skipped == 2
        assert any("already in the catalogue" in w for w in report.warnings)
    if case.check is not None:
        case.check(Imported(report, new), fmt)
