"""Import outcomes are summed up in one sentence."""

from __future__ import annotations

from catalog.domain.errors import ImportFileError
from catalog.domain.records import ImportReport
from catalog.ui.shell.operations import ImportOutcome, import_summary


def report(path: str, records: int, warnings: tuple[str, ...] = ()) -> ImportReport:
    return ImportReport(path, "csv", records, 0, False, warnings)


def test_one_file() -> None:
    outcome = ImportOutcome([report("/data/a.csv", 12, ("row 3: no date",))])
    assert import_summary(outcome) == "Imported 12 records from a.csv · 1 warning."


def test_several_files_with_a_failure_and_a_cancel() -> None:
    outcome = ImportOutcome(
        [report("a.csv", 1), report("b.csv", 2)],
        failures=[("c.csv", ImportFileError("c.csv", "the file is empty"))],
        cancelled="d.csv",
    )
    assert import_summary(outcome) == (
        "Imported 3 records from 2 files · 1 file(s) could not be imported"
        " · import of d.csv cancelled, nothing of it kept."
    )
    assert ImportOutcome([report("a.csv", 1, ("w",)), report("b.csv", 1, ("v",))]).warnings == [
        "a.csv: w",
        "b.csv: v",
    ]


def test_a_cancelled_import() -> None:
    assert import_summary(ImportOutcome(cancelled="big.json")) == (
        "Import of big.json cancelled; nothing was imported."
    )
