"""The check of attached files: each is there, inside its folder, with its recorded hash."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Connection, select

from catalog.domain.drafts import AttachmentChoice
from catalog.domain.errors import CatalogError
from catalog.domain.wording import QT_TRANSLATE_NOOP
from catalog.services.editing.attachments import AttachmentStore, attachments_root
from catalog.services.faults import Fault, counted, joined
from catalog.services.jobs import Progress, ProgressCallback
from catalog.store.engine import Database
from catalog.store.tables import Attachment

_AREA = QT_TRANSLATE_NOOP("Errors", "attached files")
_MISSING = (
    QT_TRANSLATE_NOOP("Errors", "{count} attached file is missing from {folder}: {files}"),
    QT_TRANSLATE_NOOP("Errors", "{count} attached files are missing from {folder}: {files}"),
)
_CHANGED = (
    QT_TRANSLATE_NOOP(
        "Errors", "{count} attached file has changed since they were attached: {files}"
    ),
    QT_TRANSLATE_NOOP(
        "Errors", "{count} attached files have changed since they were attached: {files}"
    ),
)
_OUTSIDE = (
    QT_TRANSLATE_NOOP(
        "Errors",
        "{count} attachment points outside the attachment folder and will not be opened: {files}",
    ),
    QT_TRANSLATE_NOOP(
        "Errors",
        "{count} attachments point outside the attachment folder and will not be opened: {files}",
    ),
)


def attachment_faults(
    db: Database, connection: Connection, progress: ProgressCallback
) -> list[Fault]:
    """Attached files that are missing, changed or outside the catalogue's folder."""
    rows = connection.execute(
        select(Attachment.record_id, Attachment.path, Attachment.sha256).order_by(Attachment.id)
    ).all()
    if not rows:
        return []
    store = AttachmentStore(attachments_root(db))
    missing: list[CatalogError] = []
    changed: list[CatalogError] = []
    outside: list[CatalogError] = []
    checking = QT_TRANSLATE_NOOP("Errors", "Checking attached files: {done} of {total}")
    total = f"{len(rows):,}"
    for done, (record_id, path, sha) in enumerate(rows, start=1):
        progress(
            Progress.of(done, len(rows), CatalogError(checking, done=f"{done:,}", total=total))
        )
        choice = AttachmentChoice(path, sha or "")
        where = CatalogError(
            QT_TRANSLATE_NOOP("Errors", "{file} (record {record})"),
            file=Path(path).name,
            record=record_id,
        )
        if not store.inside(choice):
            outside.append(where)
        elif not store.resolve(choice).is_file():
            missing.append(where)
        elif sha and not store.verify(choice):
            changed.append(where)
    faults = []
    area = CatalogError(_AREA)
    if missing:
        put_back = QT_TRANSLATE_NOOP(
            "Errors", "Put the files back in the attachment folder, or attach them again"
        )
        problem = counted(len(missing), _MISSING, folder=store.root, files=_some(missing))
        faults.append(Fault.of(area, problem, CatalogError(put_back)))
    if changed:
        again = QT_TRANSLATE_NOOP(
            "Errors", "Attach the original files again (the catalogue keeps no second copy)"
        )
        problem = counted(len(changed), _CHANGED, files=_some(changed))
        faults.append(Fault.of(area, problem, CatalogError(again)))
    if outside:
        remove = QT_TRANSLATE_NOOP("Errors", "Remove these attachments and attach the files again")
        problem = counted(len(outside), _OUTSIDE, files=_some(outside))
        faults.append(Fault.of(area, problem, CatalogError(remove)))
    return faults


def _some(items: list[CatalogError], shown: int = 5) -> CatalogError:
    listed = joined(items[:shown])
    if len(items) <= shown:
        return listed
    more = QT_TRANSLATE_NOOP("Errors", "{files} and {more} more")
    return CatalogError(more, files=listed, more=f"{len(items) - shown:,}")
