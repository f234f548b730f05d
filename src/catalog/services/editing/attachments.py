"""Attachment files: copied under the catalogue's own folder, named by their content hash.

The record stores a path relative to that folder, so the catalogue and its files move
together; a stored path that points outside the folder is refused, never opened, and so
is one that names a device (``CON``, ``NUL``, ``COM1`` ... on Windows), holds a NUL or
another control character, or is longer than a file system takes.
"""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
from pathlib import Path, PurePosixPath, PureWindowsPath

from catalog import settings
from catalog.domain.drafts import AttachmentChoice
from catalog.domain.errors import InvalidEdit
from catalog.domain.wording import QT_TRANSLATE_NOOP
from catalog.store.engine import Database

_CHUNK = 1 << 20
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")
_SUFFIX = re.compile(r"\.[A-Za-z0-9]{1,10}")
# Windows opens these names (with any extension, in any folder) as devices.
_DEVICE = re.compile(
    r"(CON|PRN|AUX|NUL|CONIN\$|CONOUT\$|(COM|LPT)[0-9\u00b9\u00b2\u00b3])(\..*)?", re.I
)
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
NAME_BYTES = 255
"""The longest file or folder name most file systems take, in bytes."""
PATH_BYTES = 1024
"""The longest stored path (relative to the catalogue's folder), in bytes."""


def attachments_root(db: Database) -> Path:
    """The folder a catalogue keeps its attachment files in.

    A SQLite catalogue ``/x/name.sqlite`` keeps them beside it in ``/x/name-files/``; a
    server catalogue in the user's data folder, under a name made from its address.
    """
    if db.path is not None:
        return db.path.with_name(f"{db.path.stem}-files")
    return settings.data_dir() / "attachments" / safe_name(db.display_name)


def safe_name(text: str) -> str:
    """A folder name made from ``text``: readable, and unique through a short hash."""
    readable = _UNSAFE.sub("_", text).strip("._")[:60] or "catalogue"
    digest = hashlib.sha256(text.encode()).hexdigest()[:12]
    return f"{readable}-{digest}"


class AttachmentStore:
    """Stores, finds and checks attachment files under one root folder."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root)

    def store(self, source: Path, role: str = "", language: str = "") -> AttachmentChoice:
        """Copy ``source`` in (once per content) and return the choice that refers to it."""
        source = Path(source)
        if not source.is_file():
            raise InvalidEdit(
                QT_TRANSLATE_NOOP("Errors", "{path} is not a file that can be attached."),
                path=source,
            )
        suffix = source.suffix.lower() if _SUFFIX.fullmatch(source.suffix) else ""
        self.root.mkdir(parents=True, exist_ok=True)
        digest = hashlib.sha256()
        # Hash while copying into a temporary file in the root, then rename: a crash
        # leaves no half-written file under a real name.
        handle, temp_name = tempfile.mkstemp(prefix=".incoming-", dir=self.root)
        temp = Path(temp_name)
        try:
            with os.fdopen(handle, "wb") as out, source.open("rb") as src:
                while chunk := src.read(_CHUNK):
                    digest.update(chunk)
                    out.write(chunk)
            sha = digest.hexdigest()
            relative = PurePosixPath(sha[:2]) / f"{sha}{suffix}"
            final = self.root / relative
            if final.is_file() and _sha256(final) == sha:
                temp.unlink()
            else:
                final.parent.mkdir(parents=True, exist_ok=True)
                os.replace(temp, final)
        except OSError as error:
            temp.unlink(missing_ok=True)
            reason = error.strerror or error
            raise InvalidEdit(
                QT_TRANSLATE_NOOP("Errors", "Could not store {name}: {reason}"),
                name=source.name,
                reason=reason,
            ) from error
        except BaseException:
            temp.unlink(missing_ok=True)
            raise
        return AttachmentChoice(str(relative), sha, role.strip(), language.strip())

    def resolve(self, choice: AttachmentChoice) -> Path:
        """The file a choice refers to; InvalidEdit when its path leaves the root (or is
        not a name a file under it can have: see the module's description)."""
        text = choice.path
        pure = PurePosixPath(text.replace("\\", "/"))
        problem = _problem(text, pure)
        if problem:
            raise InvalidEdit(problem, path=_shown(text))
        root = self.root.resolve()
        target = (root / pure).resolve()
        if not target.is_relative_to(root):  # a symbolic link pointing out
            raise InvalidEdit(_OUTSIDE, path=text)
        return target

    def inside(self, choice: AttachmentChoice) -> bool:
        """True when the choice's path stays under the root."""
        try:
            self.resolve(choice)
        except InvalidEdit:
            return False
        return True

    def verify(self, choice: AttachmentChoice) -> bool:
        """True when the file is there and still has the content hash recorded."""
        try:
            path = self.resolve(choice)
        except InvalidEdit:
            return False
        return path.is_file() and _sha256(path) == choice.sha256.lower()


_OUTSIDE = QT_TRANSLATE_NOOP(
    "Errors", "The attachment path “{path}” is outside the catalogue's folder."
)


def _problem(text: str, pure: PurePosixPath) -> str | None:
    """Why a stored path cannot name a file under the root (a message's template, its
    ``{path}`` to fill), or None when it can."""
    if not text.strip() or pure.parts in ((), (".",)):
        return QT_TRANSLATE_NOOP("Errors", "The attachment path “{path}” does not name a file.")
    if pure.is_absolute() or PureWindowsPath(text).drive or ".." in pure.parts:
        return _OUTSIDE
    if _CONTROL.search(text):
        return QT_TRANSLATE_NOOP(
            "Errors", "The attachment path “{path}” holds a control character (such as NUL)."
        )
    try:
        encoded = os.fsencode(text)
    except UnicodeError:
        return QT_TRANSLATE_NOOP(
            "Errors", "The attachment path “{path}” holds characters no file name can have."
        )
    if len(encoded) > PATH_BYTES or any(len(os.fsencode(p)) > NAME_BYTES for p in pure.parts):
        return QT_TRANSLATE_NOOP(
            "Errors", "The attachment path “{path}” is too long for a file name."
        )
    if any(_DEVICE.fullmatch(part.rstrip(" .")) for part in pure.parts):
        return QT_TRANSLATE_NOOP(
            "Errors", "The attachment path “{path}” names a device, not a file."
        )
    return None


def _shown(text: str) -> str:
    """A path as a message shows it: control characters escaped, cut when very long."""
    shown = _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", text)
    return shown if len(shown) <= 80 else shown[:79] + "…"


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()
