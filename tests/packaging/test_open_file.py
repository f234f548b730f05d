"""``catalog FILE`` (the desktop entry's ``catalog %F``): the window opens and offers the
file for import in the Import dialog."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from catalog.app import run_window
from catalog.cli import build_parser, main, window_files
from catalog.services.catalog import CatalogService
from catalog.ui.dialogs.import_dialog import ImportDialog
from tests.ui.dialogs.import_helpers import click


@pytest.fixture
def native_json(tmp_path: Path, sample_listing: Path) -> Path:
    """The sample records exported as Catalog's native JSON."""
    out = tmp_path / "sample.catalog.json"
    source = tmp_path / "source.sqlite"
    assert main(["--db", str(source), "import", str(sample_listing)]) == 0
    assert main(["--db", str(source), "export", "--format", "json", "--output", str(out)]) == 0
    assert json.loads(out.read_text(encoding="utf-8"))["format"] == "catalog"
    return out


def test_files_after_the_options_are_split_off(tmp_path: Path) -> None:
    one, two = tmp_path / "a.catalog.json", tmp_path / "b.csv"
    one.write_text("{}", encoding="utf-8")
    two.write_text("title\n", encoding="utf-8")
    parser = build_parser()
    assert window_files(parser, [str(one)]) == ([], [one])
    assert window_files(parser, ["--db", "c.sqlite", str(one), str(two)]) == (
        ["--db", "c.sqlite"],
        [one, two],
    )
    assert window_files(parser, ["--db=c.sqlite", str(one)]) == (["--db=c.sqlite"], [one])


@pytest.mark.parametrize(
    "words",
    [[], ["--version"], ["--db", "c.sqlite"], ["import", "FILE"], ["imprt", "x"], ["FILE", "nope"]],
)
def test_commands_and_missing_files_are_left_to_the_parser(
    tmp_path: Path, words: list[str]
) -> None:
    existing = tmp_path / "a.csv"
    existing.write_text("title\n", encoding="utf-8")
    words = [str(existing) if word == "FILE" else word for word in words]
    assert window_files(build_parser(), words) == (words, [])


def test_main_hands_the_files_to_the_window(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, native_json: Path
) -> None:
    seen: list[tuple[str | None, list[Path]]] = []
    monkeypatch.setattr(
        "catalog.app.run_window", lambda db, files=(): seen.append((db, list(files))) or 0
    )
    assert main(["--db", "c.sqlite", str(native_json)]) == 0
    assert seen == [("c.sqlite", [native_json])]


def test_a_mistyped_command_is_still_an_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["imprt", "nothing-here.csv"])
    assert exited.value.code == 2
    assert "invalid choice: 'imprt'" in capsys.readouterr().err


def test_the_window_offers_the_file_for_import(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, native_json: Path
) -> None:
    target = tmp_path / "new.sqlite"
    seen: list[ImportDialog] = []

    def dialogs() -> list[ImportDialog]:
        return [
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, ImportDialog) and w.isVisible()
        ]

    def user_session() -> int:
        """In place of the event loop: import from the dialog as a user would, then quit."""
        qtbot.waitUntil(lambda: bool(dialogs()) and dialogs()[0].import_button.isEnabled())
        dialog = dialogs()[0]
        seen.append(dialog)
        click(qtbot, dialog.import_button)
        qtbot.waitUntil(lambda: len(dialog.results) == 1, timeout=20_000)
        dialog.close()
        return 0

    monkeypatch.setattr(QApplication, "exec", staticmethod(user_session))
    assert run_window(str(target), [native_json]) == 0
    assert len(seen) == 1
    assert not QApplication.windowIcon().pixmap(64).isNull()  # the icon from resources/
    service = CatalogService.open(target)
    try:
        assert len(service.search("").ids) == 15
    finally:
        service.close()
