"""At start: the saved theme, date display and language are applied, the hooks installed."""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QSettings, QTranslator
from PySide6.QtWidgets import QApplication

from catalog.ui import startup
from catalog.ui.palette import Theme, apply_theme, is_dark
from catalog.ui.record_list.columns import DateDisplay, date_display, set_date_display

TS = """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context><name>ImportDialog</name>
<message><source>Import records</source><translation>Datensätze importieren</translation></message>
</context>
</TS>
"""


@pytest.fixture
def app(qapp: QApplication) -> Iterator[QApplication]:
    yield qapp
    apply_theme(Theme.SYSTEM)
    set_date_display(DateDisplay.AS_WRITTEN)


def remove(app: QApplication, translators: list[QTranslator]) -> None:
    for translator in translators:
        app.removeTranslator(translator)


def test_the_saved_preferences_apply_at_start(app: QApplication, tmp_path: Path) -> None:
    settings = QSettings(str(tmp_path / "Catalog.ini"), QSettings.Format.IniFormat)
    settings.setValue("ui/theme", "dark")
    settings.setValue("ui/date_display", "iso")
    before = sys.excepthook
    hooks = startup.prepare(app, settings)
    try:
        assert is_dark(QApplication.palette())
        assert date_display() is DateDisplay.ISO
        assert sys.excepthook == hooks.excepthook
    finally:
        hooks.uninstall()
    assert sys.excepthook is before


def test_english_needs_no_translation(app: QApplication) -> None:
    assert startup.install_translators(app, "en") == []


def test_a_language_loads_qt_s_own_translation(app: QApplication, tmp_path: Path) -> None:
    installed = startup.install_translators(app, "de", tmp_path)
    try:
        assert len(installed) == 1  # Catalog has no German file here; Qt's own is there
        assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Abbrechen"
    finally:
        remove(app, installed)


def test_a_language_loads_catalog_s_translation_file(app: QApplication, tmp_path: Path) -> None:
    lrelease = shutil.which("pyside6-lrelease") or str(
        Path(sys.executable).with_name("pyside6-lrelease")
    )
    if not Path(lrelease).exists():
        pytest.skip("pyside6-lrelease is not installed")
    (tmp_path / "catalog_de.ts").write_text(TS, encoding="utf-8")
    subprocess.run(
        [lrelease, str(tmp_path / "catalog_de.ts"), "-qm", str(tmp_path / "catalog_de.qm")],
        check=True,
        capture_output=True,
    )
    installed = startup.install_translators(app, "de", tmp_path)
    try:
        assert len(installed) == 2
        translated = QCoreApplication.translate("ImportDialog", "Import records")
        assert translated == "Datensätze importieren"
    finally:
        remove(app, installed)
