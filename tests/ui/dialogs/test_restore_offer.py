"""A damaged catalogue at start-up: the newest good backup is offered, never forced."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QPushButton
from pytestqt.qtbot import QtBot

from catalog.app import BACKUPS_KEEP, kept
from catalog.domain.errors import StorageUnavailable
from catalog.services import backups
from catalog.services.catalog import CatalogService
from catalog.ui.dialogs.restore_offer import RestoreOffer, open_or_restore


@pytest.fixture
def catalogue(tmp_path: Path, sample_listing: Path) -> Path:
    path = tmp_path / "c.sqlite"
    service = CatalogService.open(path, cache_dir=tmp_path)
    service.import_file(sample_listing)
    service.close()
    return path


def damage(path: Path) -> None:
    with path.open("r+b") as handle:
        handle.write(b"not a database any more")


def opener(path: Path, tmp_path: Path) -> CatalogService:
    return CatalogService.open(path, cache_dir=tmp_path, lock=True, keep_backups=7)


def answer(button: str) -> None:
    """Press a button of the offer once it is shown (it blocks until answered)."""

    def press() -> None:
        offers = [w for w in QApplication.topLevelWidgets() if isinstance(w, RestoreOffer)]
        visible = [w for w in offers if w.isVisible()]
        if not visible:
            QTimer.singleShot(20, press)
            return
        found = visible[0].findChild(QPushButton, button)
        assert found is not None
        found.click()

    QTimer.singleShot(0, press)


def test_restore_is_offered_and_brings_the_backup_back(
    qtbot: QtBot, catalogue: Path, tmp_path: Path
) -> None:
    backups.take(catalogue, "daily")
    damage(catalogue)
    answer("restoreButton")
    service = open_or_restore(lambda: opener(catalogue, tmp_path))
    try:
        assert service.search("").total == 15 and not service.read_only
    finally:
        service.close()
    moved = list(catalogue.parent.glob("c.sqlite.damaged-*"))
    assert len(moved) == 1 and moved[0].read_bytes().startswith(b"not a database")


def test_declining_leaves_the_damaged_file_where_it_was(
    qtbot: QtBot, catalogue: Path, tmp_path: Path
) -> None:
    backups.take(catalogue, "daily")
    damage(catalogue)
    answer("quitButton")
    with pytest.raises(backups.CatalogueDamaged):
        open_or_restore(lambda: opener(catalogue, tmp_path))
    assert catalogue.read_bytes().startswith(b"not a database")
    assert not list(catalogue.parent.glob("c.sqlite.damaged-*"))


def test_the_offer_names_the_backups_date_and_keeps_the_damaged_file(
    qtbot: QtBot, catalogue: Path
) -> None:
    backups.take(catalogue, "daily")
    backup = backups.newest_good(catalogue)
    assert backup is not None
    offer = RestoreOffer(backups.CatalogueDamaged(catalogue, "file is not a database"), backup)
    qtbot.addWidget(offer)
    text = offer.findChild(QLabel, "restoreOfferText")
    assert text is not None
    shown = text.text()
    taken = backup.taken.astimezone().strftime("%Y-%m-%d %H:%M")
    assert "is damaged (file is not a database)" in shown
    assert f"Restore the backup of {taken}?" in shown
    assert "c.sqlite.damaged-…, never deleted" in shown


def test_no_backup_is_a_clear_error_and_nothing_moves(
    qtbot: QtBot, catalogue: Path, tmp_path: Path
) -> None:
    damage(catalogue)
    with pytest.raises(StorageUnavailable, match="no good backup of it was found"):
        open_or_restore(lambda: opener(catalogue, tmp_path))
    assert catalogue.read_bytes().startswith(b"not a database")


def test_the_number_of_backups_kept_comes_from_the_settings(tmp_path: Path) -> None:
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    assert kept(settings) == 7
    settings.setValue(BACKUPS_KEEP, 3)
    assert kept(settings) == 3
    settings.setValue(BACKUPS_KEEP, "many")
    assert kept(settings) == 7
