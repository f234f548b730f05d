"""CSL-JSON import: Zotero items in several scripts, the exporter's files back, bad files."""

from __future__ import annotations

import contextlib
import json
import uuid
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from catalog.domain.dates import parse_date
from catalog.domain.errors import ImportFileError
from catalog.domain.records import AuthorityKind, RecordInput, Role
from catalog.services.catalog import CatalogService
from catalog.services.importing import run_import
from catalog.services.transfer.csl_json import CslJsonExporter
from catalog.services.transfer.csl_json_import import CslJsonImporter
from catalog.services.transfer.native_json import NativeJsonExporter, NativeJsonImporter
from catalog.services.transfer.reference_fields import REFERENCE_NAMESPACE
from catalog.services.transfer.registry import Importer, Registry

from .factories import make_record, plain_record, uid

TMP = settings(suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None)
BAD = Path(__file__).resolve().parent.parent / "data" / "bad" / "csl"
ZOTERO_ITEMS = Path("wilson_center") / "zotero_translator_items.json"


def registry() -> Registry:
    return Registry(importers={"csl-json": CslJsonImporter()}, exporters={})


def write(tmp_path: Path, items: object, name: str = "items.json") -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(items, ensure_ascii=False, indent=1), encoding="utf-8")
    return path


def read(path: Path) -> list[RecordInput]:
    return list(CslJsonImporter().read(path))


def people(record: RecordInput, role: Role) -> list[str]:
    return [n.name for n in record.names if n.role is role and n.kind is AuthorityKind.PERSON]


# ----------------------------------------------------------------------------- Zotero


def zotero_items(corpus: Path) -> list[dict[str, Any]]:
    """The Zotero items of the translator test cases (not CSL-JSON: Zotero's own JSON)."""
    cases = json.loads((corpus / ZOTERO_ITEMS).read_text(encoding="utf-8"))
    return [item for case in cases for item in case["items"] if item["itemType"] == "manuscript"]


def zotero_to_csl(item: dict[str, Any], number: int) -> dict[str, Any]:
    """A Zotero item as Zotero's CSL-JSON export writes it (tags as a keyword list)."""
    csl: dict[str, Any] = {"id": f"http://zotero.org/users/1/items/WC{number:06d}"}
    csl["type"] = "manuscript"
    csl["title"] = item["title"]
    parts = [int(p) for p in item["date"].split("-")]
    csl["issued"] = {"date-parts": [parts]}
    names = []
    for creator in item["creators"]:
        if creator.get("fieldMode") == 1:
            names.append({"literal": creator["lastName"]})
        else:
            names.append({"family": creator["lastName"], "given": creator["firstName"]})
    if names:
        csl["author"] = names
    for zotero, key in (
        ("abstractNote", "abstract"),
        ("archive", "archive"),
        ("archiveLocation", "archive_location"),
        ("language", "language"),
        ("manuscriptType", "genre"),
        ("url", "URL"),
    ):
        if item.get(zotero):
            csl[key] = item[zotero]
    csl["keyword"] = [tag["tag"] for tag in item["tags"]]
    return csl


def test_the_wilson_center_zotero_items(
    corpus: Path, tmp_path: Path, service: CatalogService
) -> None:
    items = zotero_items(corpus)
    assert len(items) == 4
    path = write(tmp_path, [zotero_to_csl(item, n) for n, item in enumerate(items, 1)])
    records = read(path)
    assert [r.title for r in records] == [item["title"] for item in items]
    assert [r.date_text for r in records] == ["1958", "1944-05-19", "1989-12-06", "1945-10-16"]
    assert [r.doc_type for r in records] == ["Manuscript", "Manuscript", "Report", "Manuscript"]
    assert [r.languages for r in records] == [
        ("Russian",),
        ("English",),
        ("Hungarian",),
        ("Russian",),
    ]
    assert {r.archive for r in records} == {"History and Public Policy Program Digital Archive"}
    assert records[0].source_ref.startswith("RGANI, f. 5, op. 49, d. 131")
    assert people(records[1], Role.AUTHOR) == [
        "Djilas, Milovan", "Stalin, Joseph", "Molotov, Vyacheslav Mikhaylovich"
    ]  # fmt: skip
    assert people(records[3], Role.AUTHOR) == ["Telegraph Agency of the Soviet Union (TASS)"]
    assert records[2].tags[0] == "Bush, George, 1924-"  # a list keeps commas inside tags
    assert len(records[2].tags) == 10
    assert records[1].summary.startswith("Milovan Djilas recounts")
    report = run_import(service.db, registry(), path).report
    assert (report.records, service.count()) == (4, 4)


def test_the_zotero_translator_file_itself_is_not_taken_for_csl(corpus: Path) -> None:
    path = corpus / ZOTERO_ITEMS
    assert not CslJsonImporter().sniff(path.read_bytes()[:65536], path)


# ----------------------------------------------------------------------------- mapping

HANDMADE: list[dict[str, Any]] = [
    {
        "id": "ITEM-KR-1",
        "type": "personal_communication",
        "title": "김일성이 스탈린에게 보낸 편지",
        "issued": {"date-parts": [[1950, 6]], "circa": True},
        "author": [{"family": "김", "given": "일성"}, {"literal": "Kim Il Sung"}],
        "recipient": [{"family": "Сталин", "given": "И. В."}],
        "abstract": "Письмо о положении на фронте.\nВторая строка.",
        "archive": "РГАСПИ",
        "archive_location": "ф. 558, оп. 11, д. 346",
        "language": "Korean; Russian",
        "keyword": "Korean War; 朝鲜战争; Война в Корее",
        "note": "Translated by the archive.",
    },
    {
        "id": "ITEM-CN-2",
        "type": "report",
        "genre": "Telegram",
        "title": "毛泽东致斯大林电",
        "issued": {"date-parts": [["1950", "10", "2"]]},
        "author": [{"family": "毛", "given": "泽东"}, {"family": "Zhou", "given": "Enlai"}],
        "call-number": "AVPRF f. 059a",
        "language": "Chinese, Russian",
        "keyword": ["China", "USSR", "China"],
    },
    {
        "id": uid(3),
        "type": "manuscript",
        "title": "Record of a conversation, 1955–1957",
        "issued": {"date-parts": [[1955], [1957]]},
        "author": [{"family": "Gaulle", "non-dropping-particle": "de", "given": "Charles"}],
    },
    {"id": 4, "type": "document", "title": "Undated note", "issued": {"literal": "undated, 1955"}},
    {"id": "5", "type": "manuscript", "title": "Raw date", "issued": {"raw": "October, 1959"}},
    {
        "id": "6",
        "type": "manuscript",
        "title": "Parts not numbers",
        "issued": {"date-parts": [["soon"]]},
    },
    {"id": "7", "type": "manuscript", "title": "A string date", "issued": "1959-13-45"},
]


def test_handmade_items_in_several_scripts(tmp_path: Path) -> None:
    records = read(write(tmp_path, HANDMADE))
    korean, chinese, french, undated, raw, parts, string = records
    assert korean.title == "김일성이 스탈린에게 보낸 편지"
    assert (korean.date_text, parse_date(korean.date_text).approximate) == ("1950-06~", True)
    assert people(korean, Role.AUTHOR) == ["김, 일성", "Kim Il Sung"]
    assert people(korean, Role.RECIPIENT) == ["Сталин, И. В."]
    assert korean.summary == "Письмо о положении на фронте.\nВторая строка."
    assert (korean.archive, korean.source_ref) == ("РГАСПИ", "ф. 558, оп. 11, д. 346")
    assert korean.languages == ("Korean", "Russian")
    assert korean.tags == ("Korean War", "朝鲜战争", "Война в Корее")
    assert [n.text for n in korean.notes] == ["Translated by the archive."]
    assert korean.doc_type == "Letter"
    assert korean.line == 2
    assert korean.uid == str(uuid.uuid5(REFERENCE_NAMESPACE, "csl-json:ITEM-KR-1"))
    assert (chinese.doc_type, chinese.date_text, chinese.source_ref) == (
        "Telegram", "1950-10-02", "AVPRF f. 059a"
    )  # fmt: skip
    assert chinese.languages == ("Chinese", "Russian")
    assert chinese.tags == ("China", "USSR")
    assert people(chinese, Role.AUTHOR) == ["毛, 泽东", "Zhou, Enlai"]
    assert (french.uid, french.date_text, french.doc_type) == (uid(3), "1955/1957", "Manuscript")
    assert parse_date(french.date_text).edtf == "1955/1957"
    assert people(french, Role.AUTHOR) == ["de Gaulle, Charles"]
    assert (undated.date_text, undated.doc_type) == ("undated, 1955", "Document")
    assert raw.date_text == "October, 1959"
    assert parse_date(raw.date_text).edtf == "1959-10"
    assert parts.date_text == "soon"  # kept as text, never fatal
    assert string.date_text == "1959-13-45"
    assert len({r.uid for r in records}) == len(records)


def test_a_second_import_of_the_same_file_skips_every_record(
    tmp_path: Path, service: CatalogService
) -> None:
    path = write(tmp_path, HANDMADE)
    assert run_import(service.db, registry(), path).report.records == len(HANDMADE)
    again = run_import(service.db, registry(), path).report
    assert again.records == 0
    assert any("already in the catalogue" in w for w in again.warnings)
    assert service.count() == len(HANDMADE)


def test_unknown_fields_are_listed(tmp_path: Path) -> None:
    importer = CslJsonImporter()
    items = [{"id": "1", "type": "book", "title": "x", "URL": "u", "editor": [], "ISBN": "1"}]
    list(importer.read(write(tmp_path, items)))
    assert importer.ignored_fields == ["ISBN", "URL", "editor"]


# ----------------------------------------------------------------------------- detection


def test_detection_leaves_catalog_json_to_the_native_importer(tmp_path: Path) -> None:
    importer: Importer = CslJsonImporter()
    assert (importer.name, importer.label) == ("csl-json", "CSL-JSON (Zotero)")
    csl = tmp_path / "csl.json"
    CslJsonExporter().write([make_record(1), plain_record(2)], csl)
    native = tmp_path / "native.json"
    NativeJsonExporter().write([make_record(1)], native)
    bare = write(tmp_path, [{"uid": uid(1), "title": "x", "doc_type": "Letter"}], "bare.json")
    other = [{"id": "26660", "type": "CABLE", "title": "PRESIDENTIAL VISIT"}]
    chile = write(tmp_path, other, "other.json")  # a bare array from another system
    # CSL-JSON is tried before native JSON, whose sniff takes any array of titled objects
    reg = Registry(
        importers={"csl-json": CslJsonImporter(), "json": NativeJsonImporter()}, exporters={}
    )
    assert reg.detect(csl).name == "csl-json"
    assert reg.detect(native).name == "json"
    assert reg.detect(bare).name == "json"
    for path in (native, bare, chile):
        assert not importer.sniff(path.read_bytes(), path)
    long_first = [{"type": "manuscript", "id": "1", "abstract": "x" * 70000, "title": "t"}]
    path = write(tmp_path, long_first, "long.json")
    assert importer.sniff(path.read_bytes()[:65536], path)


# ----------------------------------------------------------------------------- round trip


def test_the_exporters_files_come_back(tmp_path: Path, service: CatalogService) -> None:
    originals = [make_record(1), make_record(2, tags=("單", "две")), plain_record(3)]
    path = tmp_path / "export.json"
    CslJsonExporter().write(originals, path)
    report = run_import(service.db, registry(), path, format_name="csl-json").report
    back = {d.uid: d for d in service.details(list(report.record_ids))}
    assert set(back) == {r.uid for r in originals}  # the uids are kept
    for original in originals:
        again = back[original.uid]
        assert again.title == original.title
        assert again.date.edtf == original.date.edtf
        assert again.summary == original.summary
        assert again.archive == original.archive
        assert sorted(again.languages) == sorted(original.languages)  # the store sorts them
        authors = [a.name for a in original.authorities if a.role is Role.AUTHOR]
        assert [a.name for a in again.authorities if a.role is Role.AUTHOR] == authors
        subjects = [a.name for a in original.authorities if a.kind is AuthorityKind.SUBJECT]
        assert sorted(again.tags) == sorted((*subjects, *original.tags))


# ----------------------------------------------------------------------------- bad files

BAD_FILES = [
    ("empty.json", "the file is empty", None),
    ("utf16_no_bom.json", "not UTF-8 text (it looks like UTF-16 text without a byte-order", 1),
    ("cp1251.json", "the file is not UTF-8 text", 3),
    ("truncated.json", "unexpected end of file (is the file cut short?)", 3),
    ("nul.json", 'item 2: "title" holds a NUL character', 3),
    ("lone_surrogate.json", 'item 2: "title" holds a lone surrogate', 3),
    ("nan.json", "record 2: NaN is not a number JSON allows", 3),
    ("duplicate_keys.json", "record 2: duplicate key 'title' in an object", 3),
    ("deep.json", "record 2: the JSON is nested too deeply", 3),
    ("no_title.json", 'item 2: has no title (a "title" is needed', 3),
    ("duplicate_ids.json", "item 2 repeats the id 'a1' of item 1", 3),
    ("object.json", "not CSL-JSON: the file is an object, not a list of items", None),
    ("not_items.json", "item 1: must be an object, not a string", 2),
]


@pytest.mark.parametrize(("name", "message", "line"), BAD_FILES)
def test_bad_input_gets_a_clear_error_and_leaves_nothing(
    service: CatalogService, tmp_path: Path, name: str, message: str, line: int | None
) -> None:
    run_import(service.db, registry(), write(tmp_path, [{"type": "manuscript", "title": "ok"}]))
    before = service.count()
    path = BAD / name
    with pytest.raises(ImportFileError) as caught:
        run_import(service.db, registry(), path, format_name="csl-json")
    assert message in caught.value.reason
    assert caught.value.line == line
    assert caught.value.path == str(path)
    assert service.count() == before


# ----------------------------------------------------------------------------- properties

NAMES = st.one_of(
    st.text(max_size=8),
    st.fixed_dictionaries({}, optional={"family": st.text(max_size=5), "given": st.text()}),
    st.integers(),
)
ITEMS = st.fixed_dictionaries(
    {},
    optional={
        "id": st.one_of(st.text(max_size=40), st.integers(), st.none()),
        "type": st.sampled_from(["manuscript", "letter", "report", "", "x-y_z"]),
        "title": st.one_of(st.text(), st.integers(), st.none(), st.lists(st.text())),
        "issued": st.one_of(
            st.text(),
            st.fixed_dictionaries(
                {},
                optional={
                    "date-parts": st.recursive(
                        st.integers() | st.text(max_size=4), lambda c: st.lists(c, max_size=4)
                    ),
                    "circa": st.booleans(),
                    "literal": st.text(),
                    "raw": st.integers(),
                },
            ),
            st.lists(st.integers()),
        ),
        "author": st.one_of(st.lists(NAMES, max_size=3), st.text()),
        "recipient": st.lists(NAMES, max_size=2),
        "keyword": st.one_of(st.text(), st.lists(st.one_of(st.text(), st.integers()))),
        "language": st.one_of(st.text(), st.floats(allow_nan=False)),
        "note": st.text(),
    },
)


@TMP
@given(items=st.lists(ITEMS, max_size=4))
def test_generated_items_import_or_fail_clearly(tmp_path: Path, items: list[Any]) -> None:
    path = tmp_path / "gen.json"
    path.write_text(json.dumps(items), encoding="utf-8")
    with contextlib.suppress(ImportFileError):
        read(path)


@TMP
@given(
    data=st.binary(max_size=300), prefix=st.sampled_from([b"", b"[", b'[{"type": "x", "title":'])
)
def test_generated_bytes_import_or_fail_clearly(tmp_path: Path, data: bytes, prefix: bytes) -> None:
    path = tmp_path / "gen.json"
    path.write_bytes(prefix + data)
    with contextlib.suppress(ImportFileError):
        read(path)


def test_date_parts_that_are_a_bare_number_are_kept_as_text(tmp_path: Path) -> None:
    """Found by the property test: ``"date-parts": 0`` raised a TypeError."""
    path = tmp_path / "odd.json"
    path.write_text('[{"type": "manuscript", "title": "A", "issued": {"date-parts": 0}}]')
    [record] = list(CslJsonImporter().read(path))
    assert record.date_text == "0"
