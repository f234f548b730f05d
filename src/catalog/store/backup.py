"""Backups with SQLite's online backup API (never a file copy of a live database)."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from catalog.domain.errors import StorageUnavailable


def backup_folder(catalogue: Path) -> Path:
    """Where the backups of a catalogue file are kept: a folder beside it."""
    return catalogue.parent / f"{catalogue.stem}-backups"


def backup_name(catalogue: Path, reason: str) -> Path:
    """A new, dated file name in the catalogue's backup folder."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    return backup_folder(catalogue) / f"{catalogue.stem}-{stamp}-{reason}.sqlite"


def backup_sqlite(source: Path, destination: Path) -> Path:
    """Copy a SQLite catalogue through the backup API and check the copy.

    The copy is written beside its destination first and renamed only once
    ``quick_check`` has passed, so a failed backup never leaves a damaged file behind.
    """
    destination.parent.mkdir(parents=True, exist_ok=True)
    partial = destination.with_name(destination.name + ".partial")
    try:
        with sqlite3.connect(source) as src, sqlite3.connect(partial) as dst:
            src.backup(dst)
        with sqlite3.connect(partial) as check:
            verdict = check.execute("PRAGMA quick_check").fetchone()[0]
        if verdict != "ok":
            raise StorageUnavailable(f"The backup of {source} failed its check: {verdict}")
        partial.replace(destination)
    except sqlite3.Error as error:
        raise StorageUnavailable(f"The backup of {source} could not be written: {error}") from None
    except OSError as error:
        raise StorageUnavailable(
            f"The backup of {source} could not be written to {destination}: {error.strerror}"
        ) from None
    finally:
        partial.unlink(missing_ok=True)
    return destination
