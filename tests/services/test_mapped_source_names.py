"""The sources a mapping step offers: columns, JSON keys and paths, XML elements."""

from __future__ import annotations

from pathlib import Path

import pytest

from catalog.domain.errors import ImportFileError
from catalog.services.transfer.mapped import source_names


def test_csv_columns_in_header_order(tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    path.write_text("Heading;When;Who\nA letter;1961;Kim\n", encoding="utf-8")
    assert source_names(path, "csv") == ["Heading", "When", "Who"]


def test_json_keys_and_dotted_paths_from_every_record_read(tmp_path: Path) -> None:
    path = tmp_path / "a.json"
    path.write_text('[{"a": 1, "b": {"c": 2}}, {"d": [1, 2]}]', encoding="utf-8")
    assert source_names(path, "json") == ["a", "b", "b.c", "d"]


def test_xml_children_and_attributes_of_the_record_element(tmp_path: Path) -> None:
    path = tmp_path / "v.xml"
    path.write_text(
        '<visits><visit id="1"><visitor>A</visitor><start>1961</start></visit>'
        "<visit><visitor>B</visitor><end>1962</end></visit></visits>",
        encoding="utf-8",
    )
    assert source_names(path, "xml") == ["@id", "visitor", "start", "end"]
    assert source_names(path, "xml", record_path="visitor") == []


def test_an_unsure_encoding_must_be_given(tmp_path: Path) -> None:
    path = tmp_path / "mixed.csv"
    path.write_bytes("title\ncafé\n".encode() + "naïve\n".encode("cp1252"))
    with pytest.raises(ImportFileError, match="choose"):
        source_names(path, "csv")
    assert source_names(path, "csv", encoding="cp1252") == ["title"]


def test_a_bad_record_after_the_first_ends_the_list(tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    good = "title,date\n" + "Café,1961\n" * 2000  # past the first buffer of text
    path.write_bytes(good.encode() + "Naïve,1962\n".encode("cp1252"))
    assert source_names(path, "csv", encoding="utf-8", rows=5000) == ["title", "date"]
    with pytest.raises(ImportFileError):
        source_names(path, "xml")


def test_utf16_chosen_for_a_file_without_its_mark_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    path.write_bytes(b"title,date\nCaf\xc3\xa9,1961\n")
    with pytest.raises(ImportFileError, match="not valid utf-16"):
        source_names(path, "csv", encoding="utf-16")
