"""Backups with SQLite's online backup API (never a file copy of a live database).

A catalogue ``/x/name.sqlite`` keeps its backups in ``/x/name-backups/``, each named
``name-<UTC time>-<reason>.sqlite`` (reason: ``close``, ``daily``, ``before-0003``, …).
A backup is written under a temporary name and renamed only once ``quick_check`` has
passed, so every file with a backup's name is one that was verified.
"""

from __future__ import annotations

import re
import sqlite3
import time
from contextlib import closing
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from catalog.domain.errors import StorageUnavailable
from catalog.domain.wording import QT_TRANSLATE_NOOP

_STAMP = "%Y%m%dT%H%M%S%fZ"
_NAME = re.compile(r"-(?P<stamp>\d{8}T\d{12}Z)-(?P<reason>[A-Za-z0-9._-]+)\.sqlite")


@dataclass(frozen=True)
class BackupFile:
    """One backup of a catalogue.

    Attributes:
        path: the file.
        taken: when it was taken (UTC).
        reason: why (``close``, ``daily``, ``before-0003``, ``manual``, …).
    """

    path: Path
    taken: datetime
    reason: str


def backup_folder(catalogue: Path) -> Path:
    """Where the backups of a catalogue file are kept: a folder beside it."""
    return catalogue.parent / f"{catalogue.stem}-backups"


def backup_name(catalogue: Path, reason: str) -> Path:
    """A new, dated file name in the catalogue's backup folder."""
    stamp = datetime.now(UTC).strftime(_STAMP)
    return backup_folder(catalogue) / f"{catalogue.stem}-{stamp}-{reason}.sqlite"


def list_backups(catalogue: Path) -> list[BackupFile]:
    """The catalogue's backups, newest first (files being written are left out)."""
    folder = backup_folder(catalogue)
    if not folder.is_dir():
        return []
    prefix = catalogue.stem
    found: list[BackupFile] = []
    for path in folder.iterdir():
        name = path.name
        match = _NAME.fullmatch(name[len(prefix) :]) if name.startswith(prefix) else None
        if match is None or not path.is_file():
            continue
        taken = datetime.strptime(match["stamp"], _STAMP).replace(tzinfo=UTC)
        found.append(BackupFile(path, taken, match["reason"]))
    return sorted(found, key=lambda backup: (backup.taken, backup.path.name), reverse=True)


def rotate(catalogue: Path, keep: int) -> list[Path]:
    """Delete all but the newest ``keep`` backups (at least one is always kept).

    Only files with a backup's name count: a backup that failed its check never got one.
    Returns the files deleted.
    """
    removed: list[Path] = []
    for backup in list_backups(catalogue)[max(1, keep) :]:
        try:
            backup.path.unlink()
            for companion in _companions(backup.path):
                companion.unlink(missing_ok=True)
        except OSError:
            continue  # kept for now; the next rotation tries again
        removed.append(backup.path)
    removed += _sweep_partials(backup_folder(catalogue))
    return removed


STALE_PARTIAL = 3600.0
"""Seconds after which an unfinished backup (``.partial``) is taken for a killed one."""


def _sweep_partials(folder: Path) -> list[Path]:
    """Delete what backups killed half-way left (each as large as the catalogue): a
    ``.partial`` file and its journal untouched for an hour belong to no running backup."""
    swept: list[Path] = []
    now = time.time()
    for path in folder.glob("*.partial*"):
        try:
            if now - path.stat().st_mtime > STALE_PARTIAL:
                path.unlink()
                swept.append(path)
        except OSError:
            continue
    return swept


def quick_check(path: Path) -> str:
    """``ok`` when SQLite's ``quick_check`` passes on the file, else what is wrong."""
    if not path.is_file():
        return f"{path} does not exist"
    try:
        # Read-only: a damaged file and its write-ahead log are never changed by a check.
        with closing(sqlite3.connect(_read_only(path), uri=True)) as connection:
            rows = connection.execute("PRAGMA quick_check").fetchall()
    except sqlite3.Error as error:
        return str(error)
    verdicts = [str(row[0]) for row in rows]
    return "ok" if verdicts == ["ok"] else "; ".join(verdicts[:5])


def _read_only(path: Path) -> str:
    return f"{path.resolve().as_uri()}?mode=ro"


def state(path: Path) -> tuple[int, str] | None:
    """The catalogue's write counter and schema revision, read straight from the file;
    None when they cannot be read. Two files with the same state hold the same data."""
    try:
        with closing(sqlite3.connect(_read_only(path), uri=True)) as connection:
            generation = connection.execute(
                "SELECT generation FROM catalog_info WHERE id = 1"
            ).fetchone()
            revision = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.Error:
        return None
    if generation is None or revision is None:
        return None
    return int(generation[0]), str(revision[0])


def backup_sqlite(source: Path, destination: Path) -> Path:
    """Copy a SQLite catalogue through the backup API and check the copy.

    The copy is written beside its destination first and renamed only once
    ``quick_check`` has passed, so a failed backup never leaves a damaged file behind.
    """
    destination.parent.mkdir(parents=True, exist_ok=True)
    partial = destination.with_name(destination.name + ".partial")
    try:
        with closing(sqlite3.connect(source)) as src, closing(sqlite3.connect(partial)) as dst:
            src.backup(dst)
            # A backup is one self-contained file, not a database with a write-ahead log.
            dst.execute("PRAGMA journal_mode = DELETE")
        verdict = quick_check(partial)
        if verdict != "ok":
            raise StorageUnavailable(
                QT_TRANSLATE_NOOP("Errors", "The backup of {source} failed its check: {verdict}"),
                source=source,
                verdict=verdict,
            )
        partial.replace(destination)
    except sqlite3.Error as error:
        raise StorageUnavailable(
            QT_TRANSLATE_NOOP("Errors", "The backup of {source} could not be written: {reason}"),
            source=source,
            reason=error,
        ) from None
    except OSError as error:
        raise StorageUnavailable(
            QT_TRANSLATE_NOOP(
                "Errors", "The backup of {source} could not be written to {destination}: {reason}"
            ),
            source=source,
            destination=destination,
            reason=error.strerror,
        ) from None
    finally:
        for leftover in (partial, *_companions(partial)):
            leftover.unlink(missing_ok=True)
    return destination


def _companions(path: Path) -> list[Path]:
    """A database file's write-ahead log and shared-memory index."""
    return [path.with_name(path.name + suffix) for suffix in ("-wal", "-shm", "-journal")]


def move_aside(catalogue: Path, label: str = "damaged") -> Path:
    """Rename a catalogue (with its -wal and -shm) to ``<name>.<label>-<time>``; never
    deletes anything. Returns the new name of the catalogue file."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    aside = catalogue.with_name(f"{catalogue.name}.{label}-{stamp}")
    try:
        # The log first: a catalogue renamed without its log would lose committed work.
        for companion, moved in zip(_companions(catalogue), _companions(aside), strict=True):
            if companion.exists():
                companion.replace(moved)
        if catalogue.exists():
            catalogue.replace(aside)
    except OSError as error:
        raise StorageUnavailable(
            QT_TRANSLATE_NOOP(
                "Errors", "The catalogue {catalogue} could not be moved aside: {reason}"
            ),
            catalogue=catalogue,
            reason=error.strerror,
        ) from None
    return aside
