"""Dublin Core and OAI-PMH export: valid against the OAI schemas, and imported back."""

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
from catalog.domain.records import AuthorityKind, RecordDetail, Role
from catalog.services.catalog import CatalogService
from catalog.services.transfer.dc_export import (
    DC_NS,
    OAI_DC_NS,
    OAI_NS,
    DublinCoreExporter,
    OaiPmhExporter,
    dc_date,
    paragraphs,
    set_name,
    set_spec,
    xml_text,
)

from .factories import link, make_record, plain_record, uid

TMP = settings(suppress_health_check=[HealthCheck.function_scoped_fixture])

DATES = ["October, 1959", "1955-12-06", "circa 1950", "1950-1960", "ca. 1945-1950", "1961?",
         "undated", "", "not a date", "1950s", "1985/.."]  # fmt: skip
TITLES = [
    "Телеграмма Молотова Иванову",
    "金日成同志的讲话",
    "김일성 동지의 연설",
    "Title with \x00NUL, \x07bell, \x1bescape, \x0bVT and a tab\tkept",
    "A lone surrogate \ud83d here & <angle> \"quotes\" 'apostrophes'",
]


def sample_records() -> list[RecordDetail]:
    """Records in several scripts, with every kind of date, plus edge cases."""
    records = [make_record(n, date=parse_date(text)) for n, text in enumerate(DATES, start=1)]
    records += [make_record(20 + n, title=title) for n, title in enumerate(TITLES)]
    records.append(make_record(30, collections=(), summary="Undated, in no collection."))
    records.append(replace(plain_record(31), date=parse_date("")))
    return records


@pytest.fixture(scope="module")
def schemas(corpus: Path) -> tuple[Any, Any]:
    """(oai_dc.xsd, OAI-PMH.xsd), loaded offline from the corpus."""
    xmlschema = pytest.importorskip("xmlschema")
    folder = corpus / "schemas"
    oai_dc = folder / "dublin_core" / "oai_dc.xsd"
    dc_schema = xmlschema.XMLSchema(str(oai_dc))
    oai_schema = xmlschema.XMLSchema(
        str(folder / "oai_pmh" / "OAI-PMH.xsd"), locations=[(OAI_DC_NS, str(oai_dc))]
    )
    return dc_schema, oai_schema


def dc_blocks(path: Path) -> list[etree._Element]:
    return list(etree.parse(str(path)).getroot().iter(f"{{{OAI_DC_NS}}}dc"))


def texts(dc: etree._Element, local: str) -> list[str]:
    return [element.text or "" for element in dc.iter(f"{{{DC_NS}}}{local}")]


# --------------------------------------------------------------------------- mapping


def test_a_record_maps_to_the_fifteen_elements(tmp_path: Path) -> None:
    out = tmp_path / "dc.xml"
    assert DublinCoreExporter().write([make_record(1)], out) == 1
    (dc,) = dc_blocks(out)
    assert texts(dc, "title") == ["Journal of Soviet Ambassador to the DPRK V. I. Ivanov, part 1"]
    assert texts(dc, "creator") == ["Ivanov, V. I.", "Ministry of Foreign Affairs, USSR"]
    assert texts(dc, "contributor") == [
        "Molotov, V. M.", "Kim Il Sung", "Huang Yugui", "Korean Workers' Party"
    ]  # fmt: skip
    assert texts(dc, "subject") == ["Citizenship", "Soviet Koreans"]
    assert texts(dc, "description")[0].startswith("Nam Il tells Ivanov that Kim Il Sung (김일성")
    assert texts(dc, "publisher") == ["Archive of Foreign Policy of the Russian Federation (AVPRF)"]
    assert texts(dc, "date") == ["1959-10"]
    assert texts(dc, "type") == ["Journal/Diary"]
    assert texts(dc, "language") == ["Russian", "Korean", "Chinese"]
    assert texts(dc, "identifier") == [
        "f. 0102, op. 11, p. 65, d. 45, ll. 1-3; translated by Gary Goldberg",
        f"urn:uuid:{uid(1)}",
    ]
    assert texts(dc, "coverage") == ["Pyongyang"]
    assert texts(dc, "relation") == [f"urn:uuid:{uid(n)}" for n in (9, 8, 7)]
    assert texts(dc, "rights") == []  # the classification has no place in DC


def test_dates_are_edtf_when_understood_else_verbatim() -> None:
    assert dc_date(parse_date("circa 1950")) == "1950~"
    assert dc_date(parse_date("1950-1960")) == "1950/1960"
    assert dc_date(parse_date("not a date")) == "not a date"
    assert dc_date(parse_date("undated")) == "undated"
    assert dc_date(parse_date("")) == ""


def test_a_plain_record_has_only_its_title_and_uid(tmp_path: Path) -> None:
    out = tmp_path / "dc.xml"
    DublinCoreExporter().write([plain_record(5)], out)
    (dc,) = dc_blocks(out)
    assert [etree.QName(child).localname for child in dc] == ["title", "identifier"]


@pytest.mark.parametrize(
    "name", ["Soviet Koreans", "Korean War | aftermath", "a:b", "100% ~ tilde", "김일성", "x"]
)
def test_set_specs_are_legal_and_reversible(name: str) -> None:
    import re

    spec = set_spec(name)
    assert re.fullmatch(r"[A-Za-z0-9\-_.!~*'()]+", spec)
    assert set_name(spec) == name


def test_control_characters_are_dropped_and_surrogates_replaced() -> None:
    assert xml_text("a\x00b\x1fc\td\ne\rf\ufffeg") == "abc\td\ne\rfg"
    assert xml_text("x\udc80y") == "x\ufffdy"
    assert xml_text("plain") == "plain"


# --------------------------------------------------------------------------- schemas


def test_every_oai_dc_block_validates(schemas: tuple[Any, Any], tmp_path: Path) -> None:
    dc_schema, _ = schemas
    out = tmp_path / "dc.xml"
    records = sample_records()
    assert DublinCoreExporter().write(records, out) == len(records)
    blocks = dc_blocks(out)
    assert len(blocks) == len(records)
    for block in blocks:
        dc_schema.validate(block)
    out.read_bytes().decode("utf-8")  # valid UTF-8


def test_the_oai_pmh_response_validates(schemas: tuple[Any, Any], tmp_path: Path) -> None:
    _, oai_schema = schemas
    out = tmp_path / "oai.xml"
    records = sample_records()
    now = datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)
    assert OaiPmhExporter(now=now).write(records, out) == len(records)
    oai_schema.validate(str(out))
    root = etree.parse(str(out)).getroot()
    assert root.findtext(f"{{{OAI_NS}}}responseDate") == "2026-01-02T03:04:05Z"
    request = root.find(f"{{{OAI_NS}}}request")
    assert request is not None and request.get("verb") == "ListRecords"
    header = root.find(f".//{{{OAI_NS}}}header")
    assert header is not None
    assert header.findtext(f"{{{OAI_NS}}}identifier") == f"oai:catalog:{uid(1)}"
    assert header.findtext(f"{{{OAI_NS}}}datestamp") == "2024-03-04T06:16:17Z"  # +09:00 → Z
    specs = [s.text for s in header.iter(f"{{{OAI_NS}}}setSpec")]
    assert specs == ["Soviet~20Koreans", "Korean~20War~20~7C~20aftermath"]


def test_an_empty_selection_is_a_valid_no_records_match(
    schemas: tuple[Any, Any], tmp_path: Path
) -> None:
    _, oai_schema = schemas
    out = tmp_path / "oai.xml"
    assert OaiPmhExporter().write([], out) == 0
    oai_schema.validate(str(out))
    error = etree.parse(str(out)).getroot().find(f"{{{OAI_NS}}}error")
    assert error is not None and error.get("code") == "noRecordsMatch"
    assert DublinCoreExporter().write([], tmp_path / "dc.xml") == 0
    assert etree.parse(str(tmp_path / "dc.xml")).getroot().tag == "records"


def test_an_unwritable_file_is_an_export_error(tmp_path: Path) -> None:
    for exporter in (DublinCoreExporter(), OaiPmhExporter()):
        with pytest.raises(ExportError, match="cannot write"):
            exporter.write([make_record(1)], tmp_path / "missing" / "out.xml")


# --------------------------------------------------------------------------- round trips


def flat(text: str) -> str:
    """A text as the importers read it: paragraphs kept, white space in them collapsed."""
    return "\n\n".join(" ".join(p.split()) for p in paragraphs(text))


def names(record: RecordDetail, kind: AuthorityKind, role: Role | None = None) -> set[str]:
    return {
        a.name for a in record.authorities if a.kind is kind and (role is None or a.role is role)
    }


@pytest.mark.parametrize("format_name", ["dc", "oai-pmh"])
def test_export_then_import_gives_the_same_fields(format_name: str, tmp_path: Path) -> None:
    records = sample_records()
    out = tmp_path / "export.xml"
    exporter = DublinCoreExporter() if format_name == "dc" else OaiPmhExporter()
    exporter.write(records, out)
    service = CatalogService.open(tmp_path / "c.sqlite", cache_dir=tmp_path)
    try:
        report, _ = service.import_file(out, "dc")
        assert report.records == len(records)
        back = {r.title: r for r in service.details(list(report.record_ids))}
    finally:
        service.close()
    for record in records:
        got = back[" ".join(xml_text(record.title).split())]
        assert got.date.edtf == (record.date.edtf or None) or (
            record.date.edtf is None and got.date.text == record.date.text.strip()
        )
        assert got.summary == flat(record.summary)  # the importer collapses white space
        assert got.doc_type == record.doc_type
        assert sorted(got.languages) == sorted(record.languages)
        assert got.archive == record.archive
        assert names(got, AuthorityKind.PERSON, Role.AUTHOR) == {
            a.name for a in record.authorities if a.role is Role.AUTHOR
        }  # organisations among the creators come back as persons
        assert names(got, AuthorityKind.SUBJECT) == names(record, AuthorityKind.SUBJECT)
        assert names(got, AuthorityKind.PLACE) == names(record, AuthorityKind.PLACE)
        if format_name == "oai-pmh":
            assert sorted(set_name(c) for c in got.collections) == sorted(record.collections)
        else:
            assert got.collections == ()


# --------------------------------------------------------------------------- scale


@pytest.mark.parametrize(
    "count", [1_000, pytest.param(100_000, marks=pytest.mark.slow, id="100000")]
)
def test_writing_many_records_streams(
    count: int, tmp_path: Path, record_property: Callable[[str, object], None]
) -> None:
    template = make_record(1)
    records = (replace(template, id=n, uid=uid(n)) for n in range(count))
    started = time.perf_counter()
    assert OaiPmhExporter().write(records, tmp_path / "oai.xml") == count
    elapsed = time.perf_counter() - started
    record_property("seconds", round(elapsed, 2))
    assert elapsed < count / 1_000 * 2  # 2 s per thousand at most


# --------------------------------------------------------------------------- any text


@TMP
@given(title=st.text(min_size=1), summary=st.text(), name=st.text(), collection=st.text())
def test_any_text_gives_valid_xml(
    schemas: tuple[Any, Any], tmp_path: Path, title: str, summary: str, name: str, collection: str
) -> None:
    _, oai_schema = schemas
    record = make_record(
        1,
        title=title,
        summary=summary,
        collections=(collection,),
        authorities=(link(AuthorityKind.PERSON, name, Role.AUTHOR),),
    )
    out = tmp_path / "any.xml"
    OaiPmhExporter().write([record], out)
    out.read_bytes().decode("utf-8")
    oai_schema.validate(str(out))


def test_an_oai_pmh_export_comes_back_with_its_uids_and_collection_names(
    tmp_path: Path,
) -> None:
    from catalog.services.transfer.dc_export import OaiPmhExporter

    record = make_record(7)
    out = tmp_path / "harvest.xml"
    OaiPmhExporter().write([record], out)
    service = CatalogService.open(tmp_path / "c.sqlite", cache_dir=tmp_path)
    try:
        report, _ = service.import_file(out, "dc")
        back = service.detail(report.record_ids[0])
        assert back.uid == record.uid
        assert sorted(back.collections) == sorted(record.collections)
    finally:
        service.close()
