"""Column mappings: automatic matching, the saved JSON format, presets, encoding detection."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from catalog.domain.errors import ImportFileError
from catalog.services.transfer.encoding import detect, resolve
from catalog.services.transfer.mapping import (
    ATOM_ISAD_PRESET,
    FieldMapping,
    Mapping,
    auto_mapping,
)

CHILE = ["id", "doc_id", "date", "year", "classification", "type", "title", "summary",
         "pages", "keywords", "people"]  # fmt: skip


def targets(mapping: Mapping) -> dict[str, str]:
    """Each source's first field (a reference is also the fallback of an empty title)."""
    found: dict[str, str] = {}
    for f in mapping.fields:
        found.setdefault(f.source, f.field)
    return found


def test_auto_mapping_of_the_chile_columns_reports_the_rest() -> None:
    mapping = auto_mapping(CHILE)
    assert targets(mapping) == {
        "id": "id",
        "doc_id": "source_ref",
        "date": "date",
        "classification": "classification",
        "type": "type",
        "title": "title",
        "summary": "summary",
        "keywords": "subjects",
        "people": "people",
    }
    assert mapping.unmapped(CHILE) == ["year", "pages"]
    assert {f.separator for f in mapping.fields if f.field == "people"} == {"|"}
    assert [f.source for f in mapping.fields if f.field == "title"] == ["title", "doc_id"]


def test_names_match_whatever_their_case_spaces_and_underscores() -> None:
    names = ["Document Title", "DOC-ID", "Persons", "Key_Words", "Repository", "Language", "UUID"]
    mapping = auto_mapping(names)
    assert targets(mapping) == {
        "Document Title": "title",
        "DOC-ID": "source_ref",
        "Persons": "people",
        "Key_Words": "subjects",
        "Repository": "archive",
        "Language": "languages",
        "UUID": "id",
    }


def test_start_and_end_make_a_range_and_description_falls_back() -> None:
    names = ["id", "start_date", "end_date", "visitor", "country_id", "country", "description"]
    mapping = auto_mapping(names)
    assert mapping.date_sources == ["start_date", "end_date"]
    assert targets(mapping)["description"] == "summary"
    assert not mapping.has_title()  # a visit has no title: the user maps one
    both = auto_mapping(["title", "summary", "description", "date", "start"])
    assert targets(both)["description"] == "notes"
    assert both.date_sources == ["date"]


def test_the_most_specific_name_wins_a_single_field() -> None:
    mapping = auto_mapping(["heading", "title", "abstract", "summary"])
    assert targets(mapping) == {"title": "title", "summary": "summary"}
    assert mapping.unmapped(["heading", "title", "abstract", "summary"]) == ["heading", "abstract"]


def test_a_saved_mapping_round_trips() -> None:
    mapping = Mapping(
        (
            FieldMapping("visitor", "title", prefix="Visit of "),
            FieldMapping("start-date", "date"),
            FieldMapping("end-date", "date"),
            FieldMapping("from/@id", "places", ";"),
        ),
        encoding="cp1252",
        record_path="visit",
        id_namespace="visits",
        name="State Department visits",
        empty_values=("NULL", "n/a"),
    )
    text = mapping.to_json()
    assert json.loads(text)["format"] == "catalog-mapping" and json.loads(text)["version"] == 1
    assert Mapping.from_json(text) == mapping
    assert Mapping.from_json(ATOM_ISAD_PRESET.to_json()) == ATOM_ISAD_PRESET


def test_save_and_load(tmp_path: Path) -> None:
    path = tmp_path / "m.json"
    ATOM_ISAD_PRESET.save(path)
    assert Mapping.load(path) == ATOM_ISAD_PRESET


GOOD = {"format": "catalog-mapping", "version": 1, "fields": [{"source": "t", "field": "title"}]}


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"format": "other"}, '"format" must be "catalog-mapping"'),
        ({"version": 2}, "written by a newer Catalog"),
        ({"version": "1"}, '"version" must be a whole number'),
        ({"colour": "red"}, "unknown keys colour"),
        ({"fields": []}, '"fields" must be a non-empty list'),
        ({"fields": [{"source": "t", "field": "headline"}]}, "unknown field 'headline'"),
        ({"fields": [{"source": "t", "field": "summary"}]}, "no source is mapped to the title"),
        ({"fields": [{"source": "", "field": "title"}]}, '"source" is empty'),
        ({"fields": [{"source": "t", "field": "title", "sep": "|"}]}, "unknown keys sep"),
        ({"fields": [{"source": 3, "field": "title"}]}, '"source" must be text'),
        ({"encoding": 5}, '"encoding" must be text or null'),
        ({"empty_values": "NULL"}, '"empty_values" must be a list of texts'),
    ],
)
def test_a_bad_mapping_says_what_is_wrong(change: dict[str, object], message: str) -> None:
    with pytest.raises(ImportFileError) as caught:
        Mapping.from_json(json.dumps({**GOOD, **change}), "m.json")
    assert message in str(caught.value) and str(caught.value).startswith("m.json: ")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("{", "not valid JSON"),
        ('{"format": "catalog-mapping", "format": "x"}', "a key appears twice"),
        ('{"version": NaN}', "NaN is not allowed"),
        ("[1]", "one JSON object"),
        ("[" * 100_000, "not valid JSON"),
    ],
)
def test_a_mapping_that_is_not_json_is_a_clear_error(text: str, message: str) -> None:
    with pytest.raises(ImportFileError, match=message):
        Mapping.from_json(text)


def test_a_missing_mapping_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ImportFileError, match="cannot read the mapping"):
        Mapping.load(tmp_path / "absent.json")


def test_the_atom_preset_covers_the_template_columns(corpus: Path) -> None:
    header = (corpus / "atom" / "example_information_objects_isad.csv").open().readline()
    columns = header.strip().split(",")
    assert set(ATOM_ISAD_PRESET.sources) <= set(columns)
    assert ATOM_ISAD_PRESET.has_title() and ATOM_ISAD_PRESET.empty_values == ("NULL",)


# ----------------------------------------------------------------------------- encodings


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ("title\nGenève\n".encode(), "utf-8"),
        ("title\nGenève\n".encode("utf-8-sig"), "utf-8-sig"),
        ("title\nGenève\n".encode("utf-16"), "utf-16"),
        ("title\nGenève\n".encode("utf-32"), "utf-32"),
        (b"title\nplain ascii\n", "utf-8"),
    ],
)
def test_boms_and_utf8_are_certain(tmp_path: Path, data: bytes, expected: str) -> None:
    path = tmp_path / "f.csv"
    path.write_bytes(data)
    found = detect(path)
    assert found.encoding == expected and found.confident


def test_windows_code_pages_are_detected(tmp_path: Path) -> None:
    russian = tmp_path / "ru.csv"
    text = "title,date\nТелеграмма посла в Москве о переговорах,1962\nПисьмо министра,1963\n"
    russian.write_bytes(text.encode("cp1251"))
    assert resolve(russian, None) == "cp1251"
    french = tmp_path / "fr.csv"
    text = "title\nLettre du ministre des Affaires étrangères\nNote sur la réunion à Genève\n"
    french.write_bytes(text.encode("cp1252"))
    assert resolve(french, None) == "cp1252"


def test_a_file_mixing_encodings_asks_the_user(tmp_path: Path) -> None:
    path = tmp_path / "mixed.csv"
    path.write_bytes("title\nGenève\n".encode() + "Zürich\n".encode("cp1252"))
    assert not detect(path).confident
    with pytest.raises(ImportFileError, match="could not be determined with confidence"):
        resolve(path, None)
    assert resolve(path, "CP1252") == "cp1252"  # the user's choice is taken as it is
    with pytest.raises(ImportFileError, match="unknown text encoding 'klingon'"):
        resolve(path, "klingon")
