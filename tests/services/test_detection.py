"""Each format's files are recognised by content, in the registry's order of detection."""

from __future__ import annotations

from pathlib import Path

import pytest

from catalog.services.transfer.formats import default_registry


@pytest.mark.parametrize(
    ("relative", "expected"),
    [
        ("chile_declassified/chile_documents.json", "mapped-json"),
        ("chile_declassified/chile_documents.csv", "mapped-csv"),
        ("ead/ead3/NCSU/mc00246.xml", "ead"),
        ("ead/ead2002/archivesspace_ead-dao-test.xml", "ead"),
        ("oai_pmh/real_erasmus_dspace/erasmus_2004_ListRecords_oai_dc.xml", "dc"),
        ("atom/example_information_objects_isad.csv", "mapped-csv"),
        ("wilson_center/zotero_translator_items.json", "mapped-json"),
    ],
)
def test_corpus_files_are_recognised(corpus: Path, relative: str, expected: str) -> None:
    assert default_registry().detect(corpus / relative).name == expected


def test_the_sample_listing_and_catalog_exports_keep_their_importers(
    sample_listing: Path, tmp_path: Path
) -> None:
    registry = default_registry()
    own_csv = tmp_path / "export.csv"
    own_csv.write_text("uid,title,date\r\nabc,Cable,1959\r\n", encoding="utf-8")
    csl = tmp_path / "zotero.json"
    csl.write_text('[{"id": "a", "type": "manuscript", "title": "Letter"}]', encoding="utf-8")
    ris = tmp_path / "refs.ris"
    ris.write_text("TY  - GEN\nTI  - Letter\nER  - \n", encoding="utf-8")
    bib = tmp_path / "refs.bib"
    bib.write_text("@misc{a, title = {Letter}}\n", encoding="utf-8")

    found = [registry.detect(p).name for p in (sample_listing, own_csv, csl, ris, bib)]

    assert found == ["listing", "csv", "csl-json", "ris", "bibtex"]


@pytest.mark.parametrize("name", ["chile_documents.json", "chile_documents.csv"])
def test_the_chile_documents_import_as_detected_with_no_mapping_given(
    corpus: Path, tmp_path: Path, name: str
) -> None:
    from catalog.services.catalog import CatalogService

    service = CatalogService.open(tmp_path / "c.sqlite", cache_dir=tmp_path)
    try:
        report, _ = service.import_file(corpus / "chile_declassified" / name)
        assert report.records == 7781
        assert service.count() == 7781
    finally:
        service.close()
