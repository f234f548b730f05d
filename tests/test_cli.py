"""The ``catalog`` command as a script uses it: exit status, output, one-line errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from catalog import __version__
from catalog.cli import main


@pytest.fixture
def db(tmp_path: Path) -> str:
    return str(tmp_path / "cli.sqlite")


@pytest.fixture
def loaded(db: str, sample_listing: Path, capsys: pytest.CaptureFixture[str]) -> str:
    assert main(["--db", db, "import", str(sample_listing)]) == 0
    capsys.readouterr()
    return db


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = main(list(args))
    out, err = capsys.readouterr()
    return status, out, err


def test_version() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "catalog", "--version"], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0 and done.stdout.strip() == f"catalog {__version__}"


def test_import_reports_what_it_wrote(
    db: str, sample_listing: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, err = run(capsys, "--db", db, "import", str(sample_listing))
    assert status == 0 and "imported 15 records as listing" in out and err == ""


@pytest.mark.parametrize(
    ("policy", "expected"),
    [("skip", "imported 0 records"), ("new", "imported 15 records"), ("update", "updated 15")],
)
def test_duplicates_are_skipped_added_or_updated(
    db: str, sample_listing: Path, capsys: pytest.CaptureFixture[str], policy: str, expected: str
) -> None:
    run(capsys, "--db", db, "import", str(sample_listing))
    status, out, err = run(
        capsys, "--db", db, "import", "--duplicates", policy, str(sample_listing)
    )
    assert status == 0 and expected in out, (out, err)


def test_dry_run_writes_nothing(
    db: str, sample_listing: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, _ = run(capsys, "--db", db, "import", "--dry-run", str(sample_listing))
    assert status == 0 and "would import 15 records" in out
    status, _, err = run(capsys, "--db", db, "search", "")
    assert status == 0 and err.strip() == "0 records"


def test_bad_file_is_one_line_naming_file_and_line_and_changes_nothing(
    loaded: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text('title,date\n"Cable one",1959\n"Cable two,1960\n')
    status, out, err = run(capsys, "--db", loaded, "import", str(bad))
    assert status == 1 and out == ""
    assert len(err.strip().splitlines()) == 1
    assert err.startswith(f"catalog: error: {bad}:3")
    status, _, err = run(capsys, "--db", loaded, "search", "")
    assert err.strip() == "15 records"


def test_unknown_format_is_a_clear_error(
    db: str, sample_listing: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, _, err = run(capsys, "--db", db, "import", "--format", "marc", str(sample_listing))
    assert status == 1 and "unknown import format 'marc'" in err


def test_missing_file_is_a_clear_error(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = run(capsys, "--db", db, "import", "/nonexistent/file.json")
    assert status == 1 and "/nonexistent/file.json" in err and "Traceback" not in err


def test_search_json_has_the_fields_scripts_need(
    loaded: str, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, _ = run(capsys, "--db", loaded, "search", "date:1959-10", "--json")
    records = json.loads(out)
    assert status == 0 and len(records) == 2
    first = records[0]
    assert {"id", "title", "date", "edtf", "summary"} <= first.keys()
    assert first["date"] == "October, 1959" and first["edtf"] == "1959-10"
    assert first["date_lower"] == "1959-10-01" and first["date_upper"] == "1959-10-31"


def test_search_limit_and_table(loaded: str, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, "--db", loaded, "search", "citizenship", "--limit", "3")
    assert status == 0 and len(out.splitlines()) == 3
    assert out.splitlines()[0].split("\t")[1] == "December 06, 1955"
    assert err.strip() == "10 records"


def test_malformed_query_is_one_line_with_its_position(
    loaded: str, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, err = run(capsys, "--db", loaded, "search", 'citizenship "soviet')
    assert status == 1 and out == ""
    assert len(err.strip().splitlines()) == 1 and "position 13" in err


def test_facets_json(loaded: str, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "--db", loaded, "facets", "citizenship", "--json")
    facets = json.loads(out)
    assert status == 0
    types = {v["value"]: v["count"] for v in facets["type"]}
    assert sum(types.values()) == 10
    assert {"value": "1950s", "count": 8, "clause": "date:1950s"} in facets["decade"]


def test_export_writes_the_query_results(
    loaded: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out_file = tmp_path / "cables.json"
    args = ["--db", loaded, "export", "type:cable", "--format", "csl-json"]
    status, out, _ = run(capsys, *args, "--output", str(out_file))
    assert status == 0 and "wrote 5 records" in out
    assert len(json.loads(out_file.read_text())) == 5


def test_export_lets_the_search_index_go_before_writing(
    loaded: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from catalog.services.catalog import CatalogService

    assert main(["--db", loaded, "facets"]) == 0  # builds and saves the search index
    held: list[bool] = []
    export = CatalogService.export

    def watched(self: CatalogService, *args: object, **kwargs: object) -> int:
        held.append(self.engine.index_ready)
        return export(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(CatalogService, "export", watched)
    out_file = tmp_path / "all.csv"
    status, out, _ = run(
        capsys, "--db", loaded, "export", "--format", "csv", "--output", str(out_file)
    )
    assert status == 0 and "wrote 15 records" in out
    assert held == [False]  # the index (hundreds of MB at 1M) was freed before the writer ran


def test_export_to_a_missing_folder_is_a_clear_error(
    loaded: str, capsys: pytest.CaptureFixture[str]
) -> None:
    status, _, err = run(
        capsys, "--db", loaded, "export", "--format", "json", "--output", "/nowhere/x.json"
    )
    assert status == 1 and "does not exist" in err


def test_check_and_backup(loaded: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "--db", loaded, "check")
    assert status == 0 and "no problems found (15 records)" in out
    copy = tmp_path / "copy.sqlite"
    status, _, _ = run(capsys, "--db", loaded, "backup", str(copy))
    status, out, err = run(capsys, "--db", str(copy), "search", "")
    assert status == 0 and err.strip() == "15 records"


def test_catalog_db_environment_variable(
    loaded: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("CATALOG_DB", loaded)
    status, _, err = run(capsys, "search", "citizenship")
    assert status == 0 and err.strip() == "10 records"


def test_a_newer_catalogue_is_read_but_never_written(
    loaded: str, sample_listing: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import sqlite3

    with sqlite3.connect(loaded) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '0099'")
    status, _, err = run(capsys, "--db", loaded, "search", "")
    assert status == 0 and err.strip() == "15 records"
    status, _, err = run(capsys, "--db", loaded, "import", str(sample_listing))
    assert status == 1 and "newer version of Catalog (schema revision 0099" in err
    assert "install a newer Catalog to change it" in err
    status, _, err = run(capsys, "--db", loaded, "search", "")
    assert err.strip() == "15 records"


@pytest.mark.parametrize("fmt", ["html", "pdf"])
def test_reports_are_exported_from_the_shell(
    db: str,
    sample_listing: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    fmt: str,
    qapp: object,  # the test process's QApplication, made before the command wants Qt
) -> None:
    run(capsys, "--db", db, "import", str(sample_listing))
    out_path = tmp_path / f"report.{fmt}"
    status, out, err = run(
        capsys, "--db", db, "export", "type:Memorandum", "--format", fmt, "--output", str(out_path)
    )
    assert status == 0 and "wrote 1 record as" in out, err
    if fmt == "pdf":
        from pypdf import PdfReader

        text = "".join(page.extract_text() for page in PdfReader(out_path).pages)
        assert "MemorandumtotheCPSUCC" in "".join(text.split())  # pypdf spaces words oddly
    else:
        assert "Memorandum to the CPSU CC" in out_path.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "fmt", ["json", "csv", "xlsx", "csl-json", "ris", "bibtex", "dc", "oai-pmh", "ead3"]
)
def test_every_export_format_named_by_the_issue_is_written(
    db: str, sample_listing: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], fmt: str
) -> None:
    run(capsys, "--db", db, "import", str(sample_listing))
    out_path = tmp_path / "export.out"
    status, out, err = run(capsys, "--db", db, "export", "--format", fmt, "--output", str(out_path))
    assert status == 0 and "wrote 15 records" in out, err
    assert out_path.stat().st_size > 0


def test_export_takes_columns_and_leaves_out_extras(
    loaded: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out_file = tmp_path / "chosen.csv"
    args = ["--db", loaded, "export", "--format", "csv", "--output", str(out_file)]
    status, _, err = run(capsys, *args, "--columns", "date, title,notes", "--no-notes", "--bom")
    assert status == 0, err
    lines = out_file.read_bytes().decode("utf-8").splitlines()
    assert lines[0] == "\ufeffdate,title" and len(lines) == 16

    status, _, err = run(capsys, *args, "--columns", "title,colour")
    assert status == 1 and "Unknown column 'colour'" in err


def test_keys_of_another_collation_are_made_again_first_and_said_so(
    loaded: str, capsys: pytest.CaptureFixture[str]
) -> None:
    import sqlite3
    from contextlib import closing

    from catalog.domain.collation import collation as collation_of
    from catalog.domain.collation import sort_key

    with closing(sqlite3.connect(loaded)) as connection, connection:
        connection.execute("UPDATE records SET title_key = 'zz' || title")
        connection.execute("UPDATE catalog_info SET sort_collation = 'folded r1'")
    code, out, err = run(capsys, "--db", loaded, "search", "pyongyang")
    assert code == 0 and out
    assert err.startswith("catalog: updating the sort order of titles and names…\n")
    with closing(sqlite3.connect(loaded)) as connection:
        rows = connection.execute("SELECT title, title_key FROM records").fetchall()
        named = connection.execute("SELECT sort_collation FROM catalog_info").fetchone()[0]
    assert named == collation_of().name and all(sort_key(t) == k for t, k in rows)
    assert "sort order" not in run(capsys, "--db", loaded, "search", "pyongyang")[2]  # once


def test_sort_order_is_shown_chosen_and_refused_when_unknown(
    loaded: str, capsys: pytest.CaptureFixture[str]
) -> None:
    pytest.importorskip("icu", reason="PyICU is not installed (Linux installs it)")
    from catalog.domain.collation import SORT_LANGUAGES

    assert run(capsys, "--db", loaded, "sort-order")[:2] == (0, "root\n")
    code, out, _ = run(capsys, "--db", loaded, "sort-order", "--list")
    assert code == 0 and out.split() == [locale or "root" for locale in SORT_LANGUAGES]
    code, out, err = run(capsys, "--db", loaded, "sort-order", "zh")
    assert code == 0 and out.startswith("titles and names sort in the order of zh (icu ")
    assert err == "catalog: sorting titles and names again…\n"
    assert run(capsys, "--db", loaded, "sort-order")[1] == "zh\n"
    code, _, err = run(capsys, "--db", loaded, "sort-order", "klingon")
    assert code == 1 and "no sort order called 'klingon'" in err
    assert run(capsys, "--db", loaded, "sort-order")[1] == "zh\n"  # unchanged
