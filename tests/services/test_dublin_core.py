"""Dublin Core / OAI-PMH: real harvests, protocol edge cases, hostile and broken files."""

from __future__ import annotations

import contextlib
from collections.abc import Iterable
from pathlib import Path
from xml.sax.saxutils import escape

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from catalog.domain.errors import ImportFileError
from catalog.domain.records import AuthorityKind, RecordDetail, RecordInput, Role
from catalog.services.catalog import CatalogService
from catalog.services.importing import run_import
from catalog.services.transfer.dublin_core import DublinCoreImporter, uid_for
from catalog.services.transfer.registry import Importer, Registry

TMP = settings(suppress_health_check=[HealthCheck.function_scoped_fixture])
BAD = Path(__file__).resolve().parent.parent / "data" / "bad" / "dc"
ERASMUS = ("erasmus_2003_ListRecords_oai_dc.xml", "erasmus_2004_ListRecords_oai_dc.xml")
DC_OPEN = (
    '<oai_dc:dc xmlns:oai_dc="http://www.openarchives.org/OAI/2.0/oai_dc/" '
    'xmlns:dc="http://purl.org/dc/elements/1.1/">'
)


def registry() -> Registry:
    return Registry(importers={"dc": DublinCoreImporter()}, exporters={})


def read(path: Path) -> list[RecordInput]:
    return list(DublinCoreImporter().read(path))


def write(tmp_path: Path, text: str, name: str = "in.xml") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode("utf-8"))
    return path


def details(service: CatalogService, ids: Iterable[int]) -> list[RecordDetail]:
    return [service.detail(i) for i in ids]


def names(record: RecordDetail, kind: AuthorityKind, role: Role | None = None) -> list[str]:
    return [a.name for a in record.names_of(kind) if role is None or a.role is role]


@pytest.fixture
def oai(corpus: Path) -> Path:
    return corpus / "oai_pmh"


# --------------------------------------------------------------------------- real harvests


def test_importer_conforms_and_is_detected(oai: Path) -> None:
    importer: Importer = DublinCoreImporter()
    assert (importer.name, importer.label) == ("dc", "Dublin Core / OAI-PMH (XML)")
    reg = Registry(importers={"dc": importer}, exporters={})
    for path in sorted(oai.glob("*/*.xml")):
        if path.name != "ListRecordsBroken.xml":
            assert reg.detect(path) is importer, path.name


def test_the_erasmus_harvests_import_95_records(service: CatalogService, oai: Path) -> None:
    importer = DublinCoreImporter()
    reg = Registry(importers={"dc": importer}, exporters={})
    counts, deleted, ids = [], [], []
    for name in ERASMUS:
        report = run_import(service.db, reg, oai / "real_erasmus_dspace" / name).report
        counts.append(report.records)
        ids.extend(report.record_ids)
        deleted.append(importer.skipped_deleted)
        assert importer.resumption_token is None
    assert counts == [16, 79]  # 16 + 81 records, 2 of them deleted
    assert deleted == [0, 2]
    assert importer.warnings == ["2 deleted records skipped"]
    assert service.count() == 95
    records = details(service, ids)  # PostgreSQL hands out ids in blocks: not 1 to 95
    assert all(r.title and r.collections for r in records)
    many_subjects = [r for r in records if len(names(r, AuthorityKind.SUBJECT)) >= 5]
    assert len(many_subjects) > 50
    other_dates = [r for r in records if any("Other dates: " in a.text for a in r.annotations)]
    assert other_dates


def test_an_erasmus_record_maps_field_by_field(oai: Path) -> None:
    first = read(oai / "real_erasmus_dspace" / ERASMUS[0])[0]
    assert first.title == "Kijken in het brein: Over de mogelijkheden van neuromarketing"
    assert first.date_text == "2003-04-15T10:18:51Z"
    assert not any(n.text.startswith("Other dates") for n in first.notes)  # 3 equal dates
    assert first.summary.startswith("Met moderne beeldvormende")
    assert "\n\nModern neuroimaging techniques" in first.summary
    assert "ge??llustreerd" in first.summary  # the source's own damage, kept as it is
    assert first.doc_type == "Other"
    assert first.languages == ("other",)
    assert first.source_ref == "90-5892-036-4; http://hdl.handle.net/1765/308"
    assert first.collections == ("1:2",)
    assert first.uid == uid_for("hdl:1765/308")
    assert first.line == 2
    subjects = [n.name for n in first.names if n.kind is AuthorityKind.SUBJECT]
    assert subjects[:3] == ["neuroimaging", "neuromarketing", "neuroeconomics"]
    assert len(subjects) == 13
    assert all(n.role is Role.SUBJECT for n in first.names if n.kind is AuthorityKind.SUBJECT)
    people = [(n.name, n.role) for n in first.names if n.kind is AuthorityKind.PERSON]
    assert people == [("Smidts, A.", Role.MENTIONED)]
    notes = [n.text for n in first.notes]
    assert "Relation: EIA;EIA-12-MKT; ;EIA-2002-12-MKT" in notes
    assert "Format: 995607; application/pdf" in notes


def test_subjects_packed_with_semicolons_are_split(oai: Path) -> None:
    last = read(oai / "real_erasmus_dspace" / ERASMUS[1])[-1]
    subjects = [n.name for n in last.names if n.kind is AuthorityKind.SUBJECT]
    assert {"M", "E 44", "L 96", "bedrijfskunde", "financiële instellingen"} <= set(subjects)
    assert last.notes[0].text == "Other dates: January 2004"


def test_harvesting_again_skips_what_is_already_there(service: CatalogService, oai: Path) -> None:
    path = oai / "real_erasmus_dspace" / ERASMUS[0]
    run_import(service.db, registry(), path, format_name="dc")
    report = run_import(service.db, registry(), path, format_name="dc").report
    assert report.records == 0
    assert "16 records already in the catalogue" in report.warnings[0]
    assert service.count() == 16


def test_a_chinese_creator_name_survives(service: CatalogService, oai: Path) -> None:
    path = oai / "protocol_fixtures_sickle" / "GetRecord_utf8test.xml"
    report = run_import(service.db, registry(), path, format_name="dc").report
    (record,) = details(service, report.record_ids)
    assert names(record, AuthorityKind.PERSON, Role.AUTHOR) == ["某人"]
    assert record.archive == "Sample Publisher"
    assert record.date.text == "2011"


def test_deleted_records_and_the_resumption_token_are_reported(oai: Path) -> None:
    importer = DublinCoreImporter()
    items = list(importer.read(oai / "protocol_fixtures_sickle" / "ListRecords.xml"))
    assert len(items) == 1
    assert importer.skipped_deleted == 1
    assert importer.resumption_token == "ListRecords2.xml"
    assert importer.warnings == [
        "1 deleted record skipped",
        "the response continues: resumption token ListRecords2.xml — harvest the next page "
        "to import the rest",
    ]
    item = items[0]
    assert [n.name for n in item.names] == ["John Doe"]  # four equal creators, one link
    assert item.archive == "Sample Publisher"
    assert item.doc_type == "info:eu-repo/semantics/article"
    assert item.notes[0].text == "Other types: doc-type:article; text"
    assert item.languages == ("eng",)


def test_a_deleted_header_without_identifier_is_still_skipped(oai: Path) -> None:
    # ListRecords4.xml breaks the schema only in the deleted record's header: the live
    # record is whole, so it is imported, and the deleted one counted as usual.
    importer = DublinCoreImporter()
    items = list(importer.read(oai / "protocol_fixtures_sickle" / "ListRecords4.xml"))
    assert [i.uid for i in items] == [uid_for("oai:test.example.com:1585322")]
    assert importer.skipped_deleted == 1
    assert importer.resumption_token is None


def test_a_live_record_without_identifier_imports_with_a_warning(tmp_path: Path) -> None:
    text = (
        '<OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/"><ListRecords><record>'
        f"<header><datestamp>2020</datestamp></header><metadata>{DC_OPEN}"
        "<dc:title>T</dc:title></oai_dc:dc></metadata></record></ListRecords></OAI-PMH>"
    )
    importer = DublinCoreImporter()
    (item,) = importer.read(write(tmp_path, text))
    assert item.uid is None
    assert "1 records have no OAI identifier" in importer.warnings[0]


def test_bare_and_wrapped_oai_dc_documents(tmp_path: Path) -> None:
    bare = write(tmp_path, f"{DC_OPEN}<dc:title>One</dc:title></oai_dc:dc>", "bare.xml")
    assert [i.title for i in read(bare)] == ["One"]
    wrapped = "".join(
        f"<item>{DC_OPEN}<dc:title>{t}</dc:title><dc:title>{t} bis</dc:title>"
        f"<dc:coverage>Chile</dc:coverage><dc:rights>Public domain</dc:rights></oai_dc:dc></item>"
        for t in ("A", "B", "C")
    )
    items = read(write(tmp_path, f"<export>\n{wrapped}</export>", "many.xml"))
    assert [i.title for i in items] == ["A", "B", "C"]
    assert [n.text for n in items[0].notes] == ["Other titles: A bis", "Rights: Public domain"]
    assert [(n.kind, n.name) for n in items[0].names] == [(AuthorityKind.PLACE, "Chile")]
    assert all(i.uid is None and i.line == 2 for i in items)


def test_a_large_harvest_streams(tmp_path: Path) -> None:
    record = (
        "<record><header><identifier>oai:x:{n}</identifier><setSpec>s</setSpec></header>"
        "<metadata>" + DC_OPEN + "<dc:title>Record {n}</dc:title><dc:date>1959-10</dc:date>"
        "<dc:subject>a; b</dc:subject></oai_dc:dc></metadata></record>\n"
    )
    body = "".join(record.format(n=n) for n in range(20_000))
    # The file breaks after the last record: records come out before the end is parsed.
    text = f'<OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/"><ListRecords>\n{body}<oops'
    reader = DublinCoreImporter().read(write(tmp_path, text))
    for number, item in enumerate(reader):
        assert item.title == f"Record {number}"
        if number == 19_999:
            break
    with pytest.raises(ImportFileError, match="malformed"):
        next(reader)


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (b'<?xml version="1.0"?><OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/">', True),
        (b'<oai_dc:dc xmlns:oai_dc="http://www.openarchives.org/OAI/2.0/oai_dc/">', True),
        ('<OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/">'.encode("utf-16"), True),
        (b'<ead xmlns="urn:isbn:1-931666-22-9">', False),
        (b'{"records": ["http://www.openarchives.org/OAI/2.0/"]}', False),
        (b"broken xml", False),
    ],
)
def test_sniff(head: bytes, expected: bool) -> None:
    assert DublinCoreImporter().sniff(head, Path("x.xml")) is expected


# --------------------------------------------------------------------------- refusals

CORPUS_REFUSALS = [
    ("ListRecordsBroken.xml", "the XML is malformed: Start tag expected", 1),
    ("badArgument.xml", "the OAI-PMH response is an error: badArgument: the request", 12),
    ("badResumptionToken.xml", "error: badResumptionToken: This resumptionToken is invalid", 10),
    ("cannotDisseminateFormat.xml", "error: cannotDisseminateFormat: the repository", 10),
    ("idDoesNotExist.xml", "error: idDoesNotExist: oai:lcoa1.loc.gov:loc.rbc/rbpe", 11),
    ("noRecordsMatch.xml", "error: noRecordsMatch: no records match the request", 12),
    ("noSetHierarchy.xml", "error: noSetHierarchy: This repository does not support sets", 10),
    ("undefinedError.xml", "error: undefinedError: no explanation given", 12),
    ("ListIdentifiers.xml", "this is an OAI-PMH ListIdentifiers response, which holds no", None),
    ("Identify.xml", "this is an OAI-PMH Identify response", None),
    ("ListSets.xml", "this is an OAI-PMH ListSets response", None),
]


@pytest.mark.parametrize(("name", "message", "line"), CORPUS_REFUSALS)
def test_protocol_fixtures_that_hold_nothing_to_import(
    service: CatalogService, oai: Path, name: str, message: str, line: int | None
) -> None:
    path = oai / "protocol_fixtures_sickle" / name
    with pytest.raises(ImportFileError) as caught:
        run_import(service.db, registry(), path, format_name="dc")
    assert message in caught.value.reason
    assert caught.value.line == line
    assert service.count() == 0


def test_a_response_of_deleted_records_only(oai: Path) -> None:
    with pytest.raises(ImportFileError, match=r"only deleted records \(1\): nothing to import"):
        read(oai / "real_erasmus_dspace" / "erasmus_2004_GetRecord_hdl1765-1160.xml")


BAD_FILES = [
    ("empty.xml", "the file is empty", None),
    ("not_well_formed.xml", "the XML is malformed: Opening and ending tag mismatch", 3),
    ("billion_laughs.xml", "the file declares XML entities, which Catalog does not read", None),
    ("external_entity.xml", "the file declares XML entities, which Catalog does not read", None),
    ("truncated.xml", "the XML is malformed: Premature end of data", 18),
    ("no_title.xml", "record oai:example.org:2 has no dc:title", 16),
    ("control_char.xml", "the XML is malformed: xmlParseCharRef: invalid xmlChar value 7", 3),
    ("other_format.xml", "holds metadata of another format (<record> in http://www.loc", 5),
    ("duplicate_identifier.xml", "the record oai:example.org:1 appears twice", 13),
]


@pytest.mark.parametrize(("name", "message", "line"), BAD_FILES)
def test_bad_input_gets_a_clear_error_and_leaves_nothing(
    service: CatalogService, tmp_path: Path, name: str, message: str, line: int | None
) -> None:
    ok = write(tmp_path, f"{DC_OPEN}<dc:title>Already here</dc:title></oai_dc:dc>", "ok.xml")
    run_import(service.db, registry(), ok, format_name="dc")
    before = service.count()
    path = BAD / name
    with pytest.raises(ImportFileError) as caught:
        run_import(service.db, registry(), path, format_name="dc")
    assert message in caught.value.reason
    assert caught.value.line == line
    assert caught.value.path == str(path)
    assert service.count() == before


def test_the_canary_never_reaches_the_catalogue(service: CatalogService) -> None:
    secret = (BAD / "canary.secret").read_text("utf-8").strip()
    with pytest.raises(ImportFileError):
        run_import(service.db, registry(), BAD / "external_entity.xml", format_name="dc")
    assert service.count() == 0
    assert not service.search(f'"{secret}"').ids


# --------------------------------------------------------------------------- generated

_ELEMENTS = ("title", "creator", "subject", "date", "description", "type", "language", "rights")
_TEXT = st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=40)


@TMP
@given(fields=st.lists(st.tuples(st.sampled_from(_ELEMENTS), _TEXT), max_size=12))
def test_generated_oai_dc_imports_or_fails_cleanly(
    tmp_path: Path, fields: list[tuple[str, str]]
) -> None:
    body = "".join(f"<dc:{tag}>{escape(text)}</dc:{tag}>" for tag, text in fields)
    path = write(tmp_path, f"{DC_OPEN}\n{body}</oai_dc:dc>")
    try:
        items = read(path)
    except ImportFileError as error:
        assert error.path == str(path)
        return
    assert len(items) == 1
    assert items[0].title.strip()


@TMP
@given(data=st.binary(max_size=300))
def test_arbitrary_bytes_after_an_oai_dc_start_fail_cleanly(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "in.xml"
    path.write_bytes(DC_OPEN.encode() + data)
    with contextlib.suppress(ImportFileError):
        read(path)
