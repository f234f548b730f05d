"""Automatic backups, the single-writer lock, damage found at open, and restoring.

Backups are taken on close and once a day (when the catalogue changed since the newest
backup: an unchanged catalogue would only push older, different backups out of the
rotation), always verified before they count, and rotated to the newest ``keep``.
A damaged catalogue is never deleted: restoring moves it aside, with its log, first.
"""

from __future__ import annotations

import logging
import re
import threading
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from catalog.domain.errors import StorageUnavailable
from catalog.domain.wording import QT_TRANSLATE_NOOP
from catalog.store import backup as files
from catalog.store.backup import BackupFile as BackupFile  # re-exported for the window
from catalog.store.file_lock import FileLock

DEFAULT_KEEP = 7
DAILY = timedelta(hours=24)
# Smaller files are checked (quick_check) at every open; it costs about 25 ms per 10 MB.
CHECK_AT_OPEN_BYTES = 32 * 1024 * 1024
_DAMAGE = re.compile(r"damaged|malformed|not a database|disk image", re.IGNORECASE)

log = logging.getLogger(__name__)


class CatalogueDamaged(StorageUnavailable):
    """The catalogue file is damaged; the newest good backup can take its place.

    Attributes:
        path: the damaged catalogue file.
        reason: what SQLite found.
    """

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "Errors",
                "The catalogue {path} is damaged ({reason}). `catalog restore` puts the newest"
                " good backup in its place and keeps the damaged file beside it.",
            ),
            path=path,
            reason=reason,
        )
        self.path = path
        self.reason = reason


@dataclass(frozen=True)
class Restored:
    """What a restore did: the backup put in place, and where the old file went."""

    backup: BackupFile
    moved_to: Path | None


def locked_message(path: Path) -> str:
    """Why a catalogue another program writes is open here for reading only."""
    return f"Another Catalog is using {path}; it is open here for reading only."


def take_lock(path: Path) -> tuple[FileLock | None, bool]:
    """Take the catalogue's single-writer lock: (the lock, True) when taken, (None, False)
    when another program holds it, (None, True) when there is nowhere to put a lock file
    (a read-only folder, where nothing can be written anyway)."""
    lock = FileLock(path)
    try:
        taken = lock.acquire()
    except OSError:
        return None, True
    return (lock, True) if taken else (None, False)


def let_go(lock: FileLock | None, error: StorageUnavailable | None) -> None:
    """Release the lock of a catalogue that failed to open, saying whether it is damaged."""
    if lock is None:
        return
    if isinstance(error, CatalogueDamaged):
        lock.release(f"damaged {error.reason}")
    else:
        lock.release(lock.previous or "closed")


def check_at_open(path: Path, previous: str) -> None:
    """Raise CatalogueDamaged when ``quick_check`` fails on the file. Run on small files,
    and on any file whose last session did not close cleanly or was found damaged."""
    if not path.is_file() or path.stat().st_size == 0:
        return
    unclean = previous.startswith(("open", "damaged"))
    if not unclean and path.stat().st_size > CHECK_AT_OPEN_BYTES:
        return
    verdict = files.quick_check(path)
    if verdict != "ok":
        raise CatalogueDamaged(path, verdict)


def as_damage(path: Path | None, error: StorageUnavailable) -> StorageUnavailable:
    """The error of a failed open: CatalogueDamaged when SQLite said the file is damaged."""
    cause = error.__cause__
    text = str(getattr(cause, "orig", cause) or "")
    if path is not None and path.is_file() and _DAMAGE.search(text):
        return CatalogueDamaged(path, text.strip().splitlines()[0])
    return error


def changed_since_backup(path: Path) -> bool:
    """True unless the newest backup holds what the catalogue holds now."""
    backups = files.list_backups(path)
    return not backups or files.state(backups[0].path) != files.state(path)


def daily_due(path: Path, now: datetime | None = None) -> bool:
    """True when the newest backup is more than a day old and the catalogue changed since."""
    backups = files.list_backups(path)
    moment = now or datetime.now(UTC)
    if backups and moment - backups[0].taken < DAILY:
        return False
    return changed_since_backup(path)


def take(path: Path, reason: str, keep: int = DEFAULT_KEEP) -> Path:
    """A verified backup, then the rotation (which only ever follows a good backup)."""
    written = files.backup_sqlite(path, files.backup_name(path, reason))
    files.rotate(path, keep)
    return written


def backup_on_close(path: Path, keep: int = DEFAULT_KEEP) -> Path | None:
    """The backup taken when a catalogue is closed (None: nothing changed since the last)."""
    return take(path, "close", keep) if changed_since_backup(path) else None


def daily(path: Path, keep: int = DEFAULT_KEEP, now: datetime | None = None) -> Path | None:
    """The daily backup when it is due (None otherwise).

    Raises CatalogueDamaged when the backup failed because the catalogue is damaged.
    """
    if not daily_due(path, now):
        return None
    try:
        return take(path, "daily", keep)
    except StorageUnavailable:
        verdict = files.quick_check(path)
        if verdict != "ok":
            raise CatalogueDamaged(path, verdict) from None
        raise


class Keeper:
    """The single-writer lock and the automatic backups of one open SQLite catalogue.

    Attributes:
        path: the catalogue file.
        keep: automatic backups kept (0: none are taken).
        damage: what the daily backup found wrong with the file ("" when nothing).
    """

    def __init__(self, path: Path, lock: FileLock, keep: int = 0) -> None:
        self.path = path
        self.keep = max(0, keep)
        self.damage = ""
        self._lock: FileLock | None = lock
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        """Run :meth:`daily` on a thread of its own."""
        if self.keep and self._thread is None:
            self._thread = threading.Thread(target=self.daily, name="catalog-backup", daemon=True)
            self._thread.start()

    def daily(self) -> Path | None:
        """The daily backup, when due. A backup that failed because the file is damaged
        leaves ``damaged`` in the lock file: the next open checks the file and offers a
        restore."""
        if not self.keep:
            return None
        try:
            return daily(self.path, self.keep)
        except CatalogueDamaged as damaged:
            self.damage = damaged.reason
            if self._lock is not None:
                self._lock.mark(f"damaged {damaged.reason}")
        except StorageUnavailable as error:
            log.warning("no daily backup: %s", error)
        return None

    def backup_on_close(self) -> Path | None:
        """The backup on close, if the catalogue changed since the newest backup."""
        return backup_on_close(self.path, self.keep) if self.keep else None

    def finish(self) -> None:
        """Wait for the daily backup, then take the backup on close (errors are logged:
        the catalogue is closing and nothing of it is lost)."""
        if self._thread is not None:
            self._thread.join()
            self._thread = None
        if self.keep and not self.damage:
            try:
                self.backup_on_close()
            except StorageUnavailable as error:
                log.warning("no backup on close: %s", error)

    def release(self) -> None:
        """Let go of the lock (after the database is closed)."""
        if self._lock is not None:
            self._lock.release(f"damaged {self.damage}" if self.damage else "closed")
            self._lock = None


def newest_good(path: Path) -> BackupFile | None:
    """The newest backup that passes ``quick_check`` and holds a catalogue."""
    for candidate in files.list_backups(path):
        if files.quick_check(candidate.path) == "ok" and files.state(candidate.path):
            return candidate
    return None


def chosen(path: Path, backup: Path | None) -> BackupFile:
    """The backup to restore: ``backup`` if given, else the newest good one."""
    if backup is None:
        found = newest_good(path)
        if found is None:
            raise StorageUnavailable(
                QT_TRANSLATE_NOOP("Errors", "No good backup of {path} was found in {folder}."),
                path=path,
                folder=files.backup_folder(path),
            )
        return found
    backup = Path(backup).expanduser().resolve()
    listed = {b.path: b for b in files.list_backups(path)}
    if backup in listed:
        return listed[backup]
    if not backup.is_file():
        raise StorageUnavailable(
            QT_TRANSLATE_NOOP("Errors", "The backup {backup} does not exist."), backup=backup
        )
    taken = datetime.fromtimestamp(backup.stat().st_mtime, UTC)
    return BackupFile(backup, taken, "chosen")


def restore(path: Path, backup: Path | None = None) -> Restored:
    """Put a backup (default: the newest good one) in the catalogue's place.

    The backup is copied beside the catalogue and checked first; only then is the
    catalogue (with its -wal and -shm) renamed to ``<name>.damaged-<time>`` (or
    ``.replaced-<time>`` when it was sound) and the copy renamed into its place. Refused
    while another Catalog has the catalogue open.
    """
    lock, free = take_lock(path)
    if not free:
        raise StorageUnavailable(
            QT_TRANSLATE_NOOP(
                "Errors", "Another Catalog is using {path}; close it before restoring a backup."
            ),
            path=path,
        )
    try:
        source = chosen(path, backup)
        verdict = files.quick_check(source.path)
        if verdict != "ok" or files.state(source.path) is None:
            if verdict == "ok":
                raise StorageUnavailable(
                    QT_TRANSLATE_NOOP(
                        "Errors",
                        "The backup {backup} cannot be restored: it is not a Catalog catalogue.",
                    ),
                    backup=source.path,
                )
            raise StorageUnavailable(
                QT_TRANSLATE_NOOP("Errors", "The backup {backup} cannot be restored: {problem}."),
                backup=source.path,
                problem=verdict,
            )
        staging = path.with_name(path.name + ".restoring")
        files.backup_sqlite(source.path, staging)
        moved = None
        if path.exists():
            label = "replaced" if files.quick_check(path) == "ok" else "damaged"
            try:
                moved = files.move_aside(path, label)
            except StorageUnavailable:
                staging.unlink(missing_ok=True)
                raise
        try:
            staging.replace(path)
        except OSError as error:
            raise StorageUnavailable(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "The backup could not be put in place of {path}: {reason}; it is at {staging}.",
                ),
                path=path,
                reason=error.strerror,
                staging=staging,
            ) from None
    finally:
        if lock is not None:
            lock.release()
    log.info("restored %s from %s (old file: %s)", path, source.path, moved)
    return Restored(source, moved)
