"""EAD3 export: a finding aid valid against ead3.xsd, imported back by the EAD importer."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from catalog.domain.dates import parse_date
from catalog.domain.errors import ExportError
from catalog.domain.records import AuthorityKind, RecordDetail, RelationType, Role
from catalog.services.catalog import CatalogService
from catalog.services.transfer.dc_export import paragraphs, xml_text
from catalog.services.transfer.ead3_export import (
    DEFAULT_TITLE,
    EAD3_NS,
    NOT_IN_A_COLLECTION,
    Ead3Exporter,
)

from .factories import link, make_record, plain_record, uid

TMP = settings(suppress_health_check=[HealthCheck.function_scoped_fixture])

E = f"{{{EAD3_NS}}}"
DATES = ["October, 1959", "1955-12-06", "1955", "circa 1950", "1950-1960", "1959-10/1960-02",
         "ca. 1945-1950", "1961?", "195X", "undated", "", "not a date", "1985/.."]  # fmt: skip
TITLES = [
    "Телеграмма Молотова Иванову",
    "金日成同志的讲话",
    "김일성 동지의 연설",
    "Title with \x00NUL, \x07bell, \x1bescape, \x0bVT and a tab\tkept",
    "A lone surrogate \ud83d here & <angle> \"quotes\" 'apostrophes'",
]


def sample_records() -> list[RecordDetail]:
    """Records in several scripts and collections, every kind of date, edge cases."""
    records = [make_record(n, date=parse_date(text)) for n, text in enumerate(DATES, start=1)]
    records += [make_record(20 + n, title=title) for n, title in enumerate(TITLES)]
    records.append(make_record(30, collections=("Chinese documents",)))
    records.append(make_record(31, collections=(), date=parse_date("")))
    records.append(replace(plain_record(32), date=parse_date("")))
    return records


@pytest.fixture(scope="module")
def schema(corpus: Path) -> Any:
    """ead3.xsd, loaded offline from the corpus."""
    xmlschema = pytest.importorskip("xmlschema")
    return xmlschema.XMLSchema(str(corpus / "schemas" / "ead3" / "ead3.xsd"))


def export(records: list[RecordDetail], out: Path) -> etree._Element:
    now = datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)
    assert Ead3Exporter(now=now).write(records, out) == len(records)
    return etree.parse(str(out)).getroot()


def items(root: etree._Element) -> dict[str, etree._Element]:
    return {c.get("id", ""): c for c in root.iter(f"{E}c") if c.get("level") == "item"}


# --------------------------------------------------------------------------- structure


def test_the_finding_aid_validates(schema: Any, tmp_path: Path) -> None:
    out = tmp_path / "ead.xml"
    export(sample_records(), out)
    schema.validate(str(out))
    out.read_bytes().decode("utf-8")


def test_an_empty_selection_is_a_valid_finding_aid(schema: Any, tmp_path: Path) -> None:
    out = tmp_path / "ead.xml"
    root = export([], out)
    schema.validate(str(out))
    assert root.find(f"{E}archdesc/{E}dsc") is None


def test_records_are_items_of_a_series_per_collection(tmp_path: Path) -> None:
    root = export(sample_records(), tmp_path / "ead.xml")
    assert root.findtext(f"{E}control/{E}filedesc/{E}titlestmt/{E}titleproper") == DEFAULT_TITLE
    event = root.find(f".//{E}maintenanceevent/{E}eventdatetime")
    assert event is not None and event.get("standarddatetime") == "2026-01-02T03:04:05Z"
    archdesc = root.find(f"{E}archdesc")
    assert archdesc is not None and archdesc.get("level") == "collection"
    series = archdesc.findall(f"{E}dsc/{E}c")
    assert [s.get("level") for s in series] == ["series"] * 3
    titles = [s.findtext(f"{E}did/{E}unittitle") for s in series]
    assert titles == ["Soviet Koreans", "Chinese documents", NOT_IN_A_COLLECTION]
    assert len(series[0].findall(f"{E}c")) == len(DATES) + len(TITLES)
    assert [c.get("id") for c in series[2].findall(f"{E}c")] == [f"r-{uid(31)}", f"r-{uid(32)}"]


def test_an_item_carries_every_field(tmp_path: Path) -> None:
    root = export([make_record(1)], tmp_path / "ead.xml")
    item = items(root)[f"r-{uid(1)}"]
    did = item.find(f"{E}did")
    assert did is not None
    assert did.findtext(f"{E}unittitle", "").startswith("Journal of Soviet Ambassador")
    unitdate = did.find(f"{E}unitdate")
    assert unitdate is not None and unitdate.text == "October, 1959"
    assert unitdate.get("normal") == "1959-10"
    single = did.find(f"{E}unitdatestructured/{E}datesingle")
    assert single is not None and single.get("standarddate") == "1959-10"
    assert did.findtext(f"{E}unitid", "").startswith("f. 0102, op. 11")
    assert [x.text for x in did.iter(f"{E}language")] == ["Russian", "Korean", "Chinese"]
    origination = [p.text for p in did.iter(f"{E}part") if "Ivanov" in (p.text or "")]
    assert origination == ["Ivanov, V. I."]
    access = item.find(f"{E}controlaccess")
    assert access is not None
    recipient = access.find(f"{E}persname")
    assert recipient is not None and recipient.get("relator") == "recipient"
    assert access.findtext(f"{E}geogname/{E}part") == "Pyongyang"
    assert [s.findtext(f"{E}part") for s in access.iter(f"{E}subject")] == [
        "Citizenship",
        "Soviet Koreans",
    ]
    assert item.findtext(f"{E}scopecontent/{E}p", "").startswith("Nam Il tells Ivanov")
    notes = [p.text for odd in item.iter(f"{E}odd") for p in odd.iter(f"{E}p")]
    assert notes == [
        "Compare with the Chinese copy (中文).",
        "Ещё одна заметка | with a pipe",
        "Tags: todo; check: translation",
        "Also in: Korean War | aftermath",
    ]
    assert item.findtext(f"{E}accessrestrict/{E}p") == "Classification: Top Secret"


@pytest.mark.parametrize(
    ("text", "single", "start", "end"),
    [
        ("1955-12-06", "1955-12-06", None, None),
        ("1950-1960", None, "1950", "1960"),
        ("1959-10/1960-02", None, "1959-10", "1960-02"),
        ("circa 1950", None, None, None),
        ("1985/..", None, None, None),
        ("195X", None, None, None),
    ],
)
def test_structured_dates_only_for_simple_dates_and_ranges(
    text: str, single: str | None, start: str | None, end: str | None, tmp_path: Path
) -> None:
    root = export([make_record(1, date=parse_date(text))], tmp_path / "ead.xml")
    did = items(root)[f"r-{uid(1)}"].find(f"{E}did")
    assert did is not None
    found = did.find(f"{E}unitdatestructured/{E}datesingle")
    assert (found.get("standarddate") if found is not None else None) == single
    low = did.find(f"{E}unitdatestructured/{E}daterange/{E}fromdate")
    high = did.find(f"{E}unitdatestructured/{E}daterange/{E}todate")
    assert (low.get("standarddate") if low is not None else None) == start
    assert (high.get("standarddate") if high is not None else None) == end
    unitdate = did.find(f"{E}unitdate")
    assert unitdate is not None and unitdate.get("normal") == parse_date(text).edtf


def test_undated_records_have_no_normal_date(tmp_path: Path) -> None:
    records = [make_record(1, date=parse_date("undated")), make_record(2, date=parse_date(""))]
    found = items(export(records, tmp_path / "ead.xml"))
    first = found[f"r-{uid(1)}"].find(f"{E}did/{E}unitdate")
    assert first is not None and first.text == "undated" and first.get("normal") is None
    assert found[f"r-{uid(2)}"].find(f"{E}did/{E}unitdate") is None


def test_control_characters_never_reach_the_file(tmp_path: Path) -> None:
    out = tmp_path / "ead.xml"
    export([make_record(1, title=TITLES[3], summary="a\x01b\x02c")], out)
    data = out.read_bytes()
    assert not any(byte < 0x20 and byte not in b"\t\n\r" for byte in data)


def test_an_unwritable_file_is_an_export_error(tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="cannot write"):
        Ead3Exporter().write([make_record(1)], tmp_path / "missing" / "out.xml")


# --------------------------------------------------------------------------- round trip


def flat(text: str) -> str:
    """A text as the importer reads it: paragraphs kept, white space in them collapsed."""
    return "\n\n".join(" ".join(p.split()) for p in paragraphs(text))


def test_export_then_import_gives_components_with_the_same_fields(tmp_path: Path) -> None:
    records = sample_records()
    out = tmp_path / "ead.xml"
    export(records, out)
    service = CatalogService.open(tmp_path / "c.sqlite", cache_dir=tmp_path)
    try:
        report, _ = service.import_file(out, "ead")
        # The collection (the archdesc), each series and each record come back.
        assert report.records == 1 + 3 + len(records)
        back = service.details(list(report.record_ids))
    finally:
        service.close()
    by_title = {r.title: r for r in back}
    top = by_title[DEFAULT_TITLE]
    series = {by_title[t].uid for t in ("Soviet Koreans", "Chinese documents")}
    series.add(by_title[NOT_IN_A_COLLECTION].uid)
    for record in records:
        got = by_title[" ".join(xml_text(record.title).split())]
        expected_edtf = record.date.edtf
        assert got.date.edtf == expected_edtf
        assert got.date.text == record.date.text.strip()
        assert got.summary == flat(record.summary)
        assert got.source_ref == record.source_ref
        assert sorted(got.languages) == sorted(record.languages)
        for kind in AuthorityKind:
            if kind is AuthorityKind.REPOSITORY:
                continue
            want = {a.name for a in record.authorities if a.kind is kind}
            assert {a.name for a in got.authorities if a.kind is kind} == want
        authors = {a.name for a in got.authorities if a.role is Role.AUTHOR}
        assert authors == {a.name for a in record.authorities if a.role is Role.AUTHOR}
        # The hierarchy becomes "part of" relations; the finding aid is the collection.
        parents = {r.other_uid for r in got.relations if r.type is RelationType.PART_OF}
        assert len(parents) == 1 and parents <= series
        assert got.collections == (DEFAULT_TITLE,)
    assert not any(r.outgoing for r in top.relations)


def test_importing_the_same_export_again_adds_nothing(tmp_path: Path) -> None:
    out = tmp_path / "ead.xml"
    export([make_record(1), make_record(2)], out)
    service = CatalogService.open(tmp_path / "c.sqlite", cache_dir=tmp_path)
    try:
        first, _ = service.import_file(out, "ead")
        again, _ = service.import_file(out, "ead")
    finally:
        service.close()
    assert first.records == 4 and again.records == 0


# --------------------------------------------------------------------------- scale


@pytest.mark.parametrize(
    "count", [1_000, pytest.param(100_000, marks=pytest.mark.slow, id="100000")]
)
def test_writing_many_records_streams(
    count: int, tmp_path: Path, record_property: Callable[[str, object], None]
) -> None:
    template = make_record(1)
    collections = (("A",), ("B", "C"), ())
    records = (
        replace(template, id=n, uid=uid(n), collections=collections[n % 3]) for n in range(count)
    )
    started = time.perf_counter()
    assert Ead3Exporter().write(records, tmp_path / "ead.xml") == count
    elapsed = time.perf_counter() - started
    record_property("seconds", round(elapsed, 2))
    assert elapsed < count / 1_000 * 2  # 2 s per thousand at most


@TMP
@given(title=st.text(min_size=1), summary=st.text(), name=st.text(), collection=st.text())
def test_any_text_gives_a_valid_finding_aid(
    schema: Any, tmp_path: Path, title: str, summary: str, name: str, collection: str
) -> None:
    record = make_record(
        1,
        title=title,
        summary=summary,
        collections=(collection,),
        authorities=(link(AuthorityKind.PERSON, name, Role.RECIPIENT),),
    )
    out = tmp_path / "any.xml"
    Ead3Exporter().write([record], out)
    out.read_bytes().decode("utf-8")
    schema.validate(str(out))
