"""CSL-JSON: items that the CSL schema accepts and citeproc-py renders."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from catalog.domain.dates import parse_date, parse_edtf
from catalog.domain.errors import ExportError
from catalog.domain.records import AuthorityKind, RecordDetail, Role
from catalog.services.transfer.csl_json import CslJsonExporter, csl_item, issued

from .factories import link, make_record, plain_record, uid

TMP = settings(suppress_health_check=[HealthCheck.function_scoped_fixture])
DATES = [
    "December 06, 1955", "October, 1959", "1955", "c. 1950", "undated, 1955", "1955-12-06",
    "1959-10-00", "0000-00-00", "1900/1999", "January 1, 2015 - December 31, 2016", "1960~",
    "1961?", "1950s", "Spring 1955", "1985/..", "-0044-03-15", "1959-13-45", "not a date", "",
]  # fmt: skip


def export(records: list[RecordDetail], out: Path) -> list[dict[str, Any]]:
    assert CslJsonExporter().write(records, out) == len(records)
    items: list[dict[str, Any]] = json.loads(out.read_text(encoding="utf-8"))
    return items


def sample_records() -> list[RecordDetail]:
    return [make_record(n, date=parse_date(text)) for n, text in enumerate(DATES, start=1)] + [
        plain_record(100)
    ]


@pytest.fixture(scope="module")
def validator(corpus: Path) -> Any:
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads((corpus / "schemas" / "csl" / "csl-data.json").read_text("utf-8"))
    jsonschema.Draft7Validator.check_schema(schema)
    return jsonschema.Draft7Validator(schema)


def render(items: list[dict[str, Any]]) -> list[str]:
    """Each item rendered as a bibliography entry and a citation by citeproc-py."""
    citeproc = pytest.importorskip("citeproc")
    from citeproc.source.json import CiteProcJSON  # type: ignore[import-untyped]

    source = CiteProcJSON(json.loads(json.dumps(items)))  # citeproc-py changes what it gets
    style = citeproc.CitationStylesStyle("harvard-cite-them-right", validate=False)
    bibliography = citeproc.CitationStylesBibliography(style, source, citeproc.formatter.plain)
    citations = [citeproc.Citation([citeproc.CitationItem(item["id"])]) for item in items]
    for citation in citations:
        bibliography.register(citation)
    cited = [str(bibliography.cite(citation, lambda item: None)) for citation in citations]
    entries = [str(entry) for entry in bibliography.bibliography()]
    assert len(entries) == len(items)
    return [f"{cite} {entry}" for cite, entry in zip(cited, entries, strict=True)]


# ----------------------------------------------------------------------------- mapping


def test_a_record_becomes_a_manuscript_item() -> None:
    item = csl_item(make_record())
    assert item == {
        "id": uid(1),
        "type": "manuscript",
        "title": "Journal of Soviet Ambassador to the DPRK V. I. Ivanov, part 1",
        "issued": {"date-parts": [[1959, 10]]},
        "abstract": make_record().summary,
        "genre": "Journal/Diary",
        "archive": "Archive of Foreign Policy of the Russian Federation (AVPRF)",
        "archive_location": "f. 0102, op. 11, p. 65, d. 45, ll. 1-3; translated by Gary Goldberg",
        "language": "Russian, Korean, Chinese",
        "author": [{"literal": "Ivanov, V. I."}, {"literal": "Ministry of Foreign Affairs, USSR"}],
        "recipient": [{"literal": "Molotov, V. M."}],
        "keyword": "Citizenship, Soviet Koreans, todo, check: translation",
        "note": "Top Secret",
    }


def test_empty_fields_are_left_out() -> None:
    assert csl_item(plain_record(7)) == {"id": uid(7), "type": "manuscript", "title": "Record 7"}


def test_places_and_mentioned_people_are_not_authors() -> None:
    record = plain_record(authorities=(link(AuthorityKind.PLACE, "Pyongyang", Role.AUTHOR),))
    assert "author" not in csl_item(record)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("December 06, 1955", {"date-parts": [[1955, 12, 6]]}),
        ("October, 1959", {"date-parts": [[1959, 10]]}),
        ("1955", {"date-parts": [[1955]]}),
        ("1959-10-00", {"date-parts": [[1959, 10]]}),
        ("c. 1950", {"date-parts": [[1950]], "circa": True}),
        ("1900/1999", {"date-parts": [[1900], [1999]]}),
        ("January 1, 2015 - December 31, 2016", {"date-parts": [[2015, 1, 1], [2016, 12, 31]]}),
        ("1985/..", {"date-parts": [[1985]]}),
        ("1950s", {"literal": "1950s"}),
        ("undated", {"literal": "undated"}),
        ("not a date", {"literal": "not a date"}),
        ("1959-13-45", {"literal": "1959-13-45"}),
        ("", None),
    ],
)
def test_dates_at_the_precision_known(text: str, expected: dict[str, object] | None) -> None:
    assert issued(parse_date(text)) == expected


def test_a_date_without_text_uses_its_edtf_or_is_left_out() -> None:
    assert issued(parse_edtf("195X")) == {"literal": "195X"}
    assert issued(parse_edtf("XXXX")) is None
    assert issued(parse_edtf("1961-02")) == {"date-parts": [[1961, 2]]}


# ----------------------------------------------------------------------------- the file


def test_the_file_is_an_array_with_one_item_per_line(tmp_path: Path) -> None:
    records = [make_record(n) for n in range(1, 4)]
    items = export(records, tmp_path / "out.json")
    assert [item["id"] for item in items] == [uid(1), uid(2), uid(3)]
    lines = (tmp_path / "out.json").read_text(encoding="utf-8").splitlines()
    assert lines[0] == "[" and lines[-1] == "]" and len(lines) == 5
    assert "김일성" in lines[1]  # written as UTF-8, not escaped
    assert "Иванов" not in lines[1]  # variant names are not cited
    assert export([], tmp_path / "empty.json") == []


def test_an_unwritable_target_is_an_export_error(tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="cannot write"):
        CslJsonExporter().write([make_record()], tmp_path / "no" / "such" / "dir.json")


def test_every_item_validates_against_the_csl_schema(tmp_path: Path, validator: Any) -> None:
    items = export(sample_records(), tmp_path / "out.json")
    validator.validate(items)
    for item in items:
        assert not list(validator.iter_errors([item])), item["id"]


def test_the_schema_check_is_real(validator: Any) -> None:
    assert list(validator.iter_errors([{"id": "x", "type": "letter", "title": "A"}]))
    assert list(validator.iter_errors([{"id": "x", "type": "manuscript", "issued": "1959"}]))


def test_citeproc_renders_every_item(tmp_path: Path) -> None:
    items = export(sample_records(), tmp_path / "out.json")
    rendered = render(items)
    assert any("Ivanov, V. I." in text and "1959" in text for text in rendered)
    assert all("Journal of Soviet Ambassador" in text for text in rendered[:-1])


# ----------------------------------------------------------------------------- properties

CHARS = st.characters(codec="utf-8", exclude_characters="\x00")


@TMP
@given(
    title=st.text(CHARS, min_size=1).filter(str.strip),
    texts=st.lists(st.text(CHARS), min_size=4, max_size=4),
    date=st.sampled_from(DATES) | st.text(CHARS, max_size=20),
    people=st.lists(st.text(CHARS, min_size=1), max_size=3),
)
def test_arbitrary_records_validate_and_render(
    tmp_path: Path, validator: Any, title: str, texts: list[str], date: str, people: list[str]
) -> None:
    record = replace(
        make_record(),
        title=title,
        date=parse_date(date),
        summary=texts[0],
        doc_type=texts[1],
        archive=texts[2],
        classification=texts[3],
        authorities=tuple(link(AuthorityKind.PERSON, name, Role.AUTHOR) for name in people),
    )
    items = export([record], tmp_path / "out.json")
    validator.validate(items)
    render(items)
