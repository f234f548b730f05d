"""``catalog import FILE --mapping M.json``: a saved mapping applied from the shell."""

from __future__ import annotations

from pathlib import Path

import pytest

from catalog.cli import main
from catalog.services.transfer.mapping import ATOM_ISAD_PRESET, FieldMapping, Mapping


@pytest.fixture
def db(tmp_path: Path) -> str:
    return str(tmp_path / "cli.sqlite")


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = main(list(args))
    out, err = capsys.readouterr()
    return status, out, err


@pytest.fixture
def export(tmp_path: Path) -> Path:
    """A CSV from another system, whose columns say nothing Catalog recognises."""
    path = tmp_path / "export.csv"
    path.write_text(
        "Ref;Heading;When;Who\n"
        "A-1;Cable from Santiago;1973-09-00;ALLENDE, SALVADOR|KISSINGER, HENRY\n"
        "A-2;Memo on the coup;0000-00-00;\n",
        encoding="cp1252",
    )
    return path


@pytest.fixture
def saved(tmp_path: Path) -> Path:
    mapping = Mapping(
        (
            FieldMapping("Ref", "id"),
            FieldMapping("Heading", "title"),
            FieldMapping("When", "date"),
            FieldMapping("Who", "people", "|"),
        ),
        encoding="cp1252",
        name="Other system",
    )
    path = tmp_path / "m.json"
    mapping.save(path)
    return path


def test_a_saved_mapping_is_applied(
    db: str, export: Path, saved: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, err = run(capsys, "--db", db, "import", str(export), "--mapping", str(saved))
    assert status == 0, err
    assert "imported 2 records as mapped-csv" in out and err == ""
    status, out, err = run(capsys, "--db", db, "search", "--json", "")
    assert '"Cable from Santiago"' in out and '"edtf": "1973-09"' in out
    # The ids make stable uids: importing the file again adds nothing.
    status, out, _ = run(capsys, "--db", db, "import", str(export), "--mapping", str(saved))
    assert status == 0 and "imported 0 records" in out


def test_the_atom_preset_from_the_shell(
    db: str, corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    mapping = tmp_path / "atom.json"
    ATOM_ISAD_PRESET.save(mapping)
    source = corpus / "atom" / "example_information_objects_isad.csv"
    status, out, err = run(capsys, "--db", db, "import", str(source), "--mapping", str(mapping))
    assert status == 0 and "imported 2 records as mapped-csv" in out
    assert "not imported (no field chosen for them): qubitParentSlug, accessionNumber" in err
    assert "warning: eventDates: only the first" in err


def test_a_bad_mapping_is_one_line_and_changes_nothing(
    db: str, export: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "catalog-mapping", "version": 1, "fields": []}')
    status, out, err = run(capsys, "--db", db, "import", str(export), "--mapping", str(bad))
    assert status == 1 and out == ""
    assert (
        err.strip()
        == f'catalog: error: {bad}: not a usable mapping: "fields" must be a non-empty list'
    )
    status, _, err = run(capsys, "--db", db, "search", "")
    assert err.strip() == "0 records"


def test_a_mapping_with_a_missing_title_column_names_the_columns(
    db: str, saved: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    other = tmp_path / "other.csv"
    other.write_text("Reference,Date\nA-1,1959\n")
    status, _, err = run(capsys, "--db", db, "import", str(other), "--mapping", str(saved))
    assert status == 1
    assert (
        "the mapping's title column 'Heading' is not in the file (columns: Reference, Date)" in err
    )


def test_a_mapping_refuses_native_formats(
    db: str, export: Path, saved: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ("--db", db, "import", str(export), "--mapping", str(saved), "--format", "listing")
    status, _, err = run(capsys, *args)
    assert status == 1 and "a mapping reads only these formats" in err


def test_a_mapped_import_from_the_shell_is_one_undoable_step(tmp_path: Path) -> None:
    from catalog.services.catalog import CatalogService
    from catalog.services.transfer.mapped import MappedImporter
    from catalog.services.transfer.mapping import auto_mapping

    source = tmp_path / "other.csv"
    source.write_text("Heading,Written\nLetter from Hanoi,1965-02-01\n", encoding="utf-8")
    service = CatalogService.open(tmp_path / "c.sqlite", cache_dir=tmp_path)
    mapping = auto_mapping(["Heading", "Written"])
    importer = MappedImporter(mapping, "csv")

    report, _ = service.import_file(source, importer=importer)

    assert report.records == 1
    assert service.editor.history.undo_label == "Import other.csv"
    service.close()
