"""The import file chooser shows files of every format Catalog imports."""

from __future__ import annotations

from fnmatch import fnmatch
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog

from catalog.ui.dialogs import file_pickers

USUAL_NAMES = [
    "records.json",  # native JSON, CSL-JSON, a JSON array to map
    "records.csv",
    "records.tsv",
    "listing.txt",  # a digital archive's search results, copied
    "inventory.xlsx",
    "mc00246.xml",  # EAD3 or EAD 2002
    "ListRecords_oai_dc.xml",
    "zotero.ris",
    "library.bib",
]


@pytest.mark.usefixtures("qapp")
def test_the_first_filter_shows_a_file_of_every_format(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    offered: list[str] = []

    def chooser(_parent: object, _title: str, _folder: str, filters: str) -> tuple[list[str], str]:
        offered.extend(filters.split(";;"))
        return [str(tmp_path / "mc00246.xml")], offered[0]

    monkeypatch.setattr(QFileDialog, "getOpenFileNames", chooser)
    assert file_pickers.ask_import_files(None, tmp_path) == [tmp_path / "mc00246.xml"]
    first = offered[0]
    patterns = first[first.index("(") + 1 : first.rindex(")")].split()
    for name in USUAL_NAMES:
        assert any(fnmatch(name, pattern) for pattern in patterns), name
    assert offered[-1].endswith("(*)")  # and every file, whatever its name
