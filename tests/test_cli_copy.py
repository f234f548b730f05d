"""``catalog copy --from A --to B``: exit status, the verified counts, one-line errors."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy.engine import make_url

from catalog.cli import main
from tests import databases


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = main(list(args))
    out, err = capsys.readouterr()
    return status, out, err


@pytest.fixture
def source(tmp_path: Path, sample_listing: Path, capsys: pytest.CaptureFixture[str]) -> str:
    path = str(tmp_path / "source.sqlite")
    assert main(["--db", path, "import", str(sample_listing)]) == 0
    capsys.readouterr()
    return path


def test_copy_prints_each_table_and_verified(
    source: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    destination = str(tmp_path / "copy.sqlite")
    elsewhere = tmp_path / "untouched.sqlite"

    status, out, err = run(
        capsys, "--db", str(elsewhere), "copy", "--from", source, "--to", destination
    )

    assert status == 0, err
    lines = out.splitlines()
    assert lines[0] == f"copied {source} to {destination}"
    assert lines[1:].count("  records                      15") == 1
    assert lines[-1].startswith("verified: ") and "15 records in the search index" in lines[-1]
    assert "Copying records" in err
    assert not elsewhere.exists()  # --db plays no part in a copy
    status, out, _ = run(capsys, "--db", destination, "search", "citizenship")
    assert status == 0 and out.strip()


def test_refusals_are_one_line_and_exit_1(
    source: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cases = {
        "already holds a catalogue (15 records)": (source, source.replace("source", "again")),
        "the same catalogue": (source, source),
        "There is no catalogue at": (str(tmp_path / "missing.sqlite"), str(tmp_path / "x.sqlite")),
    }
    run(capsys, "copy", "--from", source, "--to", source.replace("source", "again"))
    for expected, (origin, target) in cases.items():
        status, out, err = run(capsys, "copy", "--from", origin, "--to", target)
        assert status == 1 and out == "", expected
        assert err.startswith("catalog: error: ") and expected in err
        assert err.count("\n") == 1, err
    assert not (tmp_path / "x.sqlite").exists()


def test_both_ends_are_required(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["copy", "--from", "a.sqlite"])
    assert exited.value.code == 2
    assert "--to" in capsys.readouterr().err


@pytest.mark.parametrize(
    "url",
    [
        "postgresql+psycopg://archivist:s3cr3t-pw@127.0.0.1:1/catalogue",  # nobody listens
        "postgresql+psycopg://archivist:s3cr3t-pw@host:notaport/catalogue",  # malformed
    ],
)
def test_a_password_is_never_printed(
    source: str, url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    for args in (("--from", source, "--to", url), ("--from", url, "--to", source + ".new")):
        status, out, err = run(capsys, "copy", *args)
        assert status == 1
        assert "s3cr3t-pw" not in out + err
        assert "archivist:***@" in err and err.count("\n") == 1, err


@pytest.mark.postgres
def test_copy_to_postgres_and_back(
    source: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    if not databases.PG_URL:
        pytest.skip("CATALOG_TEST_PG_URL is not set (.ci/postgres.sh starts a server)")
    back = str(tmp_path / "back.sqlite")
    with databases.postgres_catalogue(empty=True) as url:
        status, there, err = run(capsys, "copy", "--from", source, "--to", url)
        assert status == 0, err
        status, home, err = run(capsys, "copy", "--from", url, "--to", back)
        assert status == 0, err
        password = make_url(url).password
        assert f":{password}@" not in there + home + err
        assert ":***@" in there and ":***@" in home
    assert there.splitlines()[1:] == home.splitlines()[1:]  # the same counts both ways
    status, out, _ = run(capsys, "--db", back, "search", "citizenship")
    assert status == 0 and out.strip()
