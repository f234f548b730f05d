"""The EAD importer: real finding aids, the hierarchy, dates, names, hostile and broken files.

Record count, as the importer and these tests define it: the ``archdesc`` (the
collection) is one record, and so is every component element (``c``, ``c01`` ... ``c12``)
under the ``dsc`` whose own ``did/unittitle`` has non-blank text. The tests count that
with one XPath over local names, independently of the importer's walk.
"""

from __future__ import annotations

import contextlib
import socket
import threading
from collections.abc import Iterator
from pathlib import Path
from xml.sax.saxutils import escape

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from catalog.domain.errors import ImportFileError
from catalog.domain.records import (
    AuthorityKind,
    RecordDetail,
    RecordInput,
    RelationType,
    Role,
)
from catalog.services.catalog import CatalogService
from catalog.services.transfer import xml_input
from catalog.services.transfer.ead import NO_TITLES, EadImporter
from catalog.services.transfer.registry import Importer, Registry

TMP = settings(suppress_health_check=[HealthCheck.function_scoped_fixture])
BAD = Path(__file__).resolve().parent.parent / "data" / "bad" / "ead"
CANARY = "CANARY-d41f9c-SECRET"
EAD3 = "http://ead3.archivists.org/schema/"

_NAMES = "|c|" + "|".join(f"c{n:02d}" for n in range(1, 13)) + "|"
TITLED_COMPONENTS = (
    f"count(//*[local-name()='dsc']//*[contains('{_NAMES}', concat('|', local-name(), '|'))]"
    "[*[local-name()='did']/*[local-name()='unittitle'][normalize-space()]])"
)

SMALL_EAD3 = f"""<?xml version="1.0" encoding="UTF-8"?>
<ead xmlns="{EAD3}">
  <control><recordid>test-0001</recordid>
    <filedesc><titlestmt><titleproper>Guide to the Smith Papers</titleproper></titlestmt>
    </filedesc></control>
  <archdesc level="collection">
    <did>
      <unittitle>John Smith Papers</unittitle>
      <unitdate>1945-1970, bulk 1950-1960</unitdate>
      <unitdatestructured><daterange><fromdate standarddate="1945">1945</fromdate>
        <todate standarddate="1970">1970</todate></daterange></unitdatestructured>
      <unitdatestructured unitdatetype="bulk"><daterange><fromdate>1950</fromdate>
        <todate>1960</todate></daterange></unitdatestructured>
      <unitid>MC 00042</unitid>
      <origination><persname><part>Smith</part><part>John</part></persname></origination>
      <repository><corpname><part>Example University Libraries</part></corpname></repository>
      <langmaterial><language langcode="eng">English</language>
        <language langcode="fre"/></langmaterial>
      <physdescstructured physdescstructuredtype="spaceoccupied" coverage="whole">
        <quantity>3</quantity><unittype>linear feet</unittype></physdescstructured>
      <abstract>Abstract text.</abstract>
    </did>
    <scopecontent><head>Scope</head><p>First paragraph.</p><p>Second   paragraph.</p>
    </scopecontent>
    <controlaccess>
      <persname><part localtype="surname">Hunt</part><part>James B.</part>
        <part localtype="dates">1937-</part></persname>
      <corpname><part>United Nations</part></corpname>
      <geogname><part>North Carolina</part></geogname>
      <subject><part>Elections</part><part>History</part></subject>
      <genreform><part>Posters</part></genreform>
    </controlaccess>
    <dsc>
      <c id="ser1" level="series">
        <did><unittitle>Correspondence</unittitle><unitdate>1950-1960</unitdate></did>
        <c level="file">
          <did><unitdate>1955</unitdate><container localtype="box">1</container></did>
          <c level="item">
            <did><unittitle>Letter to <emph>Jane</emph></unittitle>
              <unitdatestructured><datesingle standarddate="1955-03-02">March 2, 1955
              </datesingle></unitdatestructured>
              <container localtype="box">3</container>
              <container localtype="folder">12</container>
              <unitid>F12</unitid></did>
            <controlaccess><persname><part>Doe, Jane</part></persname></controlaccess>
          </c>
        </c>
        <c level="file"><did><unittitle>Memo</unittitle><unitdate>undated, 1955</unitdate>
          <container localtype="Box">Box 4</container></did></c>
      </c>
      <c level="series"><did><unittitle>  </unittitle></did></c>
    </dsc>
  </archdesc>
</ead>
"""

SMALL_EAD2002 = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE ead PUBLIC "+//ISBN 1-931666-00-8//DTD ead.dtd (EAD Version 2002)//EN" "{dtd}">
<ead>
  <eadheader><eadid countrycode="us">us-xx-0002</eadid>
    <filedesc><titlestmt><titleproper>Guide</titleproper></titlestmt></filedesc></eadheader>
  <archdesc level="collection">
    <did>
      <unittitle>Jones Family Papers</unittitle>
      <unitdate type="inclusive" normal="1900/1999">20th century</unitdate>
      <unitid>MS 2</unitid>
      <repository><corpname>Example Historical Society</corpname></repository>
      <physdesc><extent>2 boxes</extent></physdesc>
    </did>
    <controlaccess><controlaccess>
      <persname>Jones, Mary, 1901-1980</persname><famname>Jones family</famname>
      <subject>Agriculture--History</subject><function>Farming</function>
    </controlaccess></controlaccess>
    <dsc type="combined">
      <c01 level="series" id="s1"><did><unittitle>Diaries</unittitle>
        <unitdate normal="1920/1930">1920s</unitdate></did>
        <c02 id="f1"><did><container type="Box">2</container><container type="Folder">5</container>
          <unittitle>Diary, 1925</unittitle></did></c02>
      </c01>
    </dsc>
  </archdesc>
</ead>
"""


# --------------------------------------------------------------------------- helpers


def registry() -> Registry:
    return Registry(importers={"ead": EadImporter()}, exporters={})


@pytest.fixture
def ead_service(service: CatalogService) -> CatalogService:
    """The test catalogue, with a registry that knows EAD."""
    return CatalogService(service.db, registry=registry(), user="tester")


def write(tmp_path: Path, text: str, name: str = "ead.xml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def read(path: Path) -> list[RecordInput]:
    return list(EadImporter().read(path))


def expected_records(path: Path) -> int:
    """1 (the collection) + the titled components, counted by XPath."""
    return 1 + int(xml_input.parse(path).xpath(TITLED_COMPONENTS))


def details(service: CatalogService, ids: object) -> dict[str, RecordDetail]:
    return {d.title: d for d in service.details(list(ids))}  # type: ignore[call-overload]


def names(record: RecordDetail, kind: AuthorityKind) -> list[tuple[str, Role]]:
    return sorted((a.name, a.role) for a in record.names_of(kind))


def parent_of(record: RecordDetail) -> str | None:
    parents = [
        r.other_title for r in record.relations if r.type is RelationType.PART_OF and r.outgoing
    ]
    assert len(parents) <= 1
    return parents[0] if parents else None


# --------------------------------------------------------------------------- real files


def _corpus_files(corpus: Path, *folders: str) -> list[Path]:
    return sorted(p for folder in folders for p in (corpus / "ead" / folder).glob("*.xml"))


def test_all_ncsu_and_umn_finding_aids_import(corpus: Path, ead_service: CatalogService) -> None:
    files = _corpus_files(corpus, "ead3/NCSU", "ead3/UMN")
    assert len(files) == 43
    total = 0
    for path in files:
        report, _ = ead_service.import_file(path, "ead")
        assert report.records == expected_records(path), path.name
        assert not report.warnings, (path.name, report.warnings[:3])
        total += report.records
    assert ead_service.count() == total
    assert total > 45_000


def test_every_component_hangs_from_a_record_of_the_same_file(corpus: Path) -> None:
    records = read(corpus / "ead" / "ead3" / "NCSU" / "mc00313.xml")
    uids = {r.uid for r in records}
    assert len(uids) == len(records) == 1294  # 221 untitled components are not records
    assert records[0].relations == ()
    for record in records[1:]:
        (relation,) = record.relations
        assert relation.type is RelationType.PART_OF
        assert relation.target_uid in uids


def test_a_real_collection_record(corpus: Path) -> None:
    first, series, *_ = read(corpus / "ead" / "ead3" / "NCSU" / "mc00003.xml")
    assert first.title == "James B. Hunt Papers"
    assert (first.date_text, first.edtf) == ("1971-1997", "1971/1997")
    assert (
        first.archive
        == "North Carolina State University Libraries, Special Collections Research Center"
    )
    assert first.source_ref == "MC 00003"
    assert first.collections == ("James B. Hunt Papers",)
    assert ("Hunt, James B., 1937-", Role.AUTHOR) in [(n.name, n.role) for n in first.names]
    subjects = [n.name for n in first.names if n.kind is AuthorityKind.SUBJECT]
    assert "North Carolina -- History -- 20th century -- Political campaigns" in subjects
    assert series.title == "Videotape"
    assert series.names == ()  # the collection's terms are not copied down
    assert series.collections == ("James B. Hunt Papers",)


@pytest.mark.parametrize(
    ("name", "records"),
    [
        ("ead2002/archivesspace_ead-dao-test.xml", 9),  # namespaced EAD 2002
        ("ead2002/Kitchen_sink_AT_output_EAD_with_enumerated_Cs.xml", 72),  # no namespace
        ("ead2002/kitchen_sink_EAD_for_testing_think_this_most_complete.xml", 2),  # mixed
        ("ead3/C1571.EAD3.xml", 12),
        ("ead3/C1571.EAD3-undeprecated.xml", 12),
        ("ead3/EAD3test.xml", 9),
        ("ead3/EAD3test-undeprecated.xml", 9),
        ("ead3/S.0001_valid.xml", 9),
        # Invalid against ead3.xsd (a misplaced c12) but well-formed: imported tolerantly;
        # the c12 inside <objectxmlwrap> is not part of the hierarchy and is untitled.
        ("ead3/EAD3test-xsd.xml", 9),
        ("ead3/EAD3test-rng.xml", 9),
    ],
)
def test_samples_and_ead2002_files_import(
    corpus: Path, ead_service: CatalogService, name: str, records: int
) -> None:
    path = corpus / "ead" / name
    assert expected_records(path) == records
    report, _ = ead_service.import_file(path, "ead")
    assert report.records == records


def test_undated_1955_and_normal_dates_of_ead2002(corpus: Path) -> None:
    records = read(corpus / "ead" / "ead2002" / "archivesspace_ead-dao-test.xml")
    assert (records[0].date_text, records[0].edtf) == ("1900/1999", "1900/1999")
    assert "undated, 1955" in [r.date_text for r in records]


# --------------------------------------------------------------------------- a small EAD3 file


@pytest.fixture
def small(tmp_path: Path, ead_service: CatalogService) -> dict[str, RecordDetail]:
    report, _ = ead_service.import_file(write(tmp_path, SMALL_EAD3), "ead")
    assert report.records == 4
    return details(ead_service, report.record_ids)


def test_the_hierarchy_becomes_part_of_relations(small: dict[str, RecordDetail]) -> None:
    # The untitled file and the series with a blank title are not records.
    assert sorted(small) == ["Correspondence", "John Smith Papers", "Letter to Jane", "Memo"]
    assert parent_of(small["John Smith Papers"]) is None
    assert parent_of(small["Correspondence"]) == "John Smith Papers"
    # The untitled file between them is not a record: the letter hangs from the series.
    assert parent_of(small["Letter to Jane"]) == "Correspondence"
    assert parent_of(small["Memo"]) == "Correspondence"
    series = small["Correspondence"]
    assert sorted(r.other_title for r in series.relations if not r.outgoing) == [
        "Letter to Jane",
        "Memo",
    ]


def test_dates_from_unitdate_and_unitdatestructured(small: dict[str, RecordDetail]) -> None:
    collection = small["John Smith Papers"].date
    assert collection.text == "1945-1970, bulk 1950-1960"
    assert collection.edtf == "1945/1970"
    assert small["Correspondence"].date.edtf == "1950/1960"
    letter = small["Letter to Jane"].date
    assert (letter.text, letter.edtf) == ("March 2, 1955", "1955-03-02")
    assert small["Memo"].date.text == "undated, 1955"
    assert small["Memo"].date.edtf == "1955"
    notes = [a.text for a in small["John Smith Papers"].annotations]
    assert notes == ["Bulk dates: 1950 - 1960", "Extent: 3 linear feet"]


def test_controlaccess_becomes_authorities_on_its_own_level(
    small: dict[str, RecordDetail],
) -> None:
    collection = small["John Smith Papers"]
    assert names(collection, AuthorityKind.PERSON) == [
        ("Hunt, James B., 1937-", Role.MENTIONED),
        ("Smith, John", Role.AUTHOR),
    ]
    assert names(collection, AuthorityKind.ORGANISATION) == [("United Nations", Role.MENTIONED)]
    assert names(collection, AuthorityKind.PLACE) == [("North Carolina", Role.MENTIONED)]
    assert names(collection, AuthorityKind.SUBJECT) == [
        ("Elections -- History", Role.SUBJECT),
        ("Posters", Role.SUBJECT),
    ]
    assert small["Correspondence"].authorities == ()
    assert names(small["Letter to Jane"], AuthorityKind.PERSON) == [("Doe, Jane", Role.MENTIONED)]


def test_containers_unitid_archive_collection_languages_summary(
    small: dict[str, RecordDetail],
) -> None:
    collection = small["John Smith Papers"]
    assert collection.source_ref == "MC 00042"
    assert small["Letter to Jane"].source_ref == "MC 00042, Box 3, Folder 12, F12"
    assert small["Memo"].source_ref == "MC 00042, Box 4"
    assert {r.archive for r in small.values()} == {"Example University Libraries"}
    assert {r.collections for r in small.values()} == {("John Smith Papers",)}
    assert collection.languages == ("English", "fre")
    assert small["Memo"].languages == ("English", "fre")  # inherited
    assert collection.summary == "First paragraph.\n\nSecond paragraph."


def test_importing_the_same_finding_aid_again_skips_it(
    tmp_path: Path, ead_service: CatalogService
) -> None:
    path = write(tmp_path, SMALL_EAD3)
    first, _ = ead_service.import_file(path, "ead")
    again, _ = ead_service.import_file(path, "ead")
    assert (first.records, again.records, again.skipped) == (4, 0, 4)
    assert ead_service.count() == 4


def test_ead2002_without_namespace_and_with_doctype(
    tmp_path: Path, ead_service: CatalogService
) -> None:
    path = write(tmp_path, SMALL_EAD2002.format(dtd="ead.dtd"))
    report, _ = ead_service.import_file(path, "ead")
    found = details(ead_service, report.record_ids)
    assert sorted(found) == ["Diaries", "Diary, 1925", "Jones Family Papers"]
    collection = found["Jones Family Papers"]
    assert (collection.date.text, collection.date.edtf) == ("20th century", "1900/1999")
    assert names(collection, AuthorityKind.PERSON) == [
        ("Jones family", Role.MENTIONED),
        ("Jones, Mary, 1901-1980", Role.MENTIONED),
    ]
    assert names(collection, AuthorityKind.SUBJECT) == [
        ("Agriculture--History", Role.SUBJECT),
        ("Farming", Role.SUBJECT),
    ]
    assert [a.text for a in collection.annotations] == ["Extent: 2 boxes"]
    assert found["Diary, 1925"].source_ref == "MS 2, Box 2, Folder 5"
    assert parent_of(found["Diary, 1925"]) == "Diaries"
    assert found["Diaries"].archive == "Example Historical Society"


def test_an_untitled_archdesc_takes_the_title_proper(tmp_path: Path) -> None:
    text = SMALL_EAD3.replace("<unittitle>John Smith Papers</unittitle>", "")
    records = read(write(tmp_path, text))
    assert records[0].title == "Guide to the Smith Papers"
    assert records[1].collections == ("Guide to the Smith Papers",)


# --------------------------------------------------------------------------- detection


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (SMALL_EAD3.encode(), True),
        (SMALL_EAD2002.encode(), True),
        (
            b'<?xml version="1.0"?>\n<!-- a comment -->\n'
            b'<ead:ead xmlns:ead="urn:isbn:1-931666-22-9">',
            True,
        ),
        (b"\xef\xbb\xbf<ead>", True),
        ('<?xml version="1.0" encoding="UTF-16"?><ead>'.encode("utf-16"), True),
        (b'<?xml version="1.0"?><OAI-PMH><ead></ead></OAI-PMH>', False),
        (b"<eadheader>", False),
        (b"title,date\nead,1950\n", False),
        (b"", False),
    ],
)
def test_sniff(head: bytes, expected: bool) -> None:
    assert EadImporter().sniff(head, Path("x.xml")) is expected


def test_importer_conforms_to_the_protocol() -> None:
    importer: Importer = EadImporter()
    assert (importer.name, importer.label) == ("ead", "EAD finding aid (EAD3 or EAD 2002)")


# --------------------------------------------------------------------------- bad input


@pytest.mark.parametrize(
    ("name", "message", "line"),
    [
        ("empty.xml", "the file is empty", None),
        ("blank.xml", "the file is empty", None),
        ("not_well_formed.xml", "the XML is malformed: Opening and ending tag mismatch", 6),
        ("truncated.xml", "the XML is malformed", 8),
        ("billion_laughs.xml", "declares XML entities", None),
        ("external_entity.xml", "declares XML entities", None),
        ("not_ead.xml", "not an EAD finding aid: the root element is <mods>", None),
        ("no_archdesc.xml", "the finding aid has no <archdesc>", 2),
        ("no_titles.xml", NO_TITLES, 4),
        ("not_utf8.xml", "not UTF-8 text at line 4", 4),
        ("nul_byte.xml", "the XML is malformed", 4),
    ],
)
def test_bad_files_get_a_clear_error_and_leave_nothing_behind(
    tmp_path: Path, ead_service: CatalogService, name: str, message: str, line: int | None
) -> None:
    ead_service.import_file(write(tmp_path, SMALL_EAD3), "ead")
    before = ead_service.count()
    path = BAD / name
    with pytest.raises(ImportFileError) as caught:
        ead_service.import_file(path, "ead")
    assert message in caught.value.reason
    assert caught.value.line == line
    assert caught.value.path == str(path)
    assert ead_service.count() == before


def test_an_external_dtd_is_never_read(ead_service: CatalogService) -> None:
    report, _ = ead_service.import_file(BAD / "external_dtd.xml", "ead")
    (record,) = ead_service.details(list(report.record_ids))
    assert CANARY not in repr(record)
    assert record.title == "Papers &leak;"  # the reference is kept, never expanded


@contextlib.contextmanager
def listener() -> Iterator[tuple[int, list[object]]]:
    """A local TCP server that counts the connections made to it."""
    server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    server.bind(("127.0.0.1", 0))
    server.listen(5)
    server.settimeout(0.1)
    connections: list[object] = []
    stop = threading.Event()

    def serve() -> None:
        while not stop.is_set():
            try:
                connection, _ = server.accept()
            except OSError:
                continue
            connections.append(connection)
            connection.close()

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        yield server.getsockname()[1], connections
    finally:
        stop.set()
        thread.join()
        server.close()


def test_an_ead2002_doctype_url_is_never_fetched(
    tmp_path: Path, ead_service: CatalogService
) -> None:
    with listener() as (port, connections):
        path = write(tmp_path, SMALL_EAD2002.format(dtd=f"http://127.0.0.1:{port}/ead.dtd"))
        assert EadImporter().sniff(path.read_bytes(), path)
        report, _ = ead_service.import_file(path, "ead")
    assert report.records == 3
    assert connections == []


# --------------------------------------------------------------------------- properties

_TEXT = st.text(max_size=12)


@st.composite
def components(draw: st.DrawFn, depth: int = 0) -> tuple[str, int]:
    """A generated component tree and how many of its components have a title."""
    tag = draw(st.sampled_from(["c", f"c{depth + 1:02d}"]))
    title, date, box = draw(st.none() | _TEXT), draw(st.none() | _TEXT), draw(st.none() | _TEXT)
    did = "".join(
        (
            "" if title is None else f"<unittitle>{escape(title)}</unittitle>",
            "" if date is None else f'<unitdate normal="{escape(date)}">{escape(date)}</unitdate>',
            "" if box is None else f'<container localtype="box">{escape(box)}</container>',
        )
    )
    inner = draw(st.lists(components(depth + 1), max_size=2)) if depth < 3 else []
    ident = draw(st.sampled_from(["", ' id="a"', ' id="b"']))
    text = f"<{tag}{ident}><did>{did}</did>{''.join(t for t, _ in inner)}</{tag}>"
    return text, int(bool(title and title.split())) + sum(n for _, n in inner)


@TMP
@given(
    title=_TEXT,
    parts=st.lists(components(), max_size=3),
    namespace=st.sampled_from(["", EAD3]),
)
def test_generated_finding_aids_import_or_fail_cleanly(
    tmp_path: Path, title: str, parts: list[tuple[str, int]], namespace: str
) -> None:
    xmlns = f' xmlns="{namespace}"' if namespace else ""
    text = (
        f"<ead{xmlns}><archdesc><did><unittitle>{escape(title)}</unittitle></did>"
        f"<dsc>{''.join(t for t, _ in parts)}</dsc></archdesc></ead>"
    )
    path = write(tmp_path, text)
    try:
        records = read(path)
    except ImportFileError as error:
        assert error.path == str(path)
        return
    assert len(records) == int(bool(title.split())) + sum(n for _, n in parts)
    assert len({r.uid for r in records}) == len(records)
    assert all(r.title.strip() for r in records)


@TMP
@given(data=st.binary(max_size=300))
def test_arbitrary_bytes_after_an_ead_start_fail_cleanly(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "in.xml"
    path.write_bytes(f'<ead xmlns="{EAD3}"><archdesc><did>'.encode() + data)
    with contextlib.suppress(ImportFileError):
        read(path)
