"""The check of attached files: each is there, inside its folder, with its recorded hash."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Connection, select

from catalog.domain.drafts import AttachmentChoice
from catalog.services.editing.attachments import AttachmentStore, attachments_root
from catalog.services.faults import Fault, count
from catalog.services.jobs import Progress, ProgressCallback
from catalog.store.engine import Database
from catalog.store.tables import Attachment


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
    missing: list[str] = []
    changed: list[str] = []
    outside: list[str] = []
    for done, (record_id, path, sha) in enumerate(rows, start=1):
        progress(Progress(done, len(rows), f"Checking attached files: {done:,} of {len(rows):,}"))
        choice = AttachmentChoice(path, sha or "")
        where = f"{Path(path).name} (record {record_id})"
        if not store.inside(choice):
            outside.append(where)
        elif not store.resolve(choice).is_file():
            missing.append(where)
        elif sha and not store.verify(choice):
            changed.append(where)
    faults = []
    folder = store.root
    if missing:
        faults.append(
            Fault(
                "attached files",
                f"{count(len(missing), ('attached file is', 'attached files are'))} missing"
                f" from {folder}: {_some(missing)}",
                "Put the files back in the attachment folder, or attach them again",
            )
        )
    if changed:
        faults.append(
            Fault(
                "attached files",
                f"{count(len(changed), ('attached file has', 'attached files have'))} changed"
                f" since they were attached: {_some(changed)}",
                "Attach the original files again (the catalogue keeps no second copy)",
            )
        )
    if outside:
        faults.append(
            Fault(
                "attached files",
                f"{count(len(outside), ('attachment points', 'attachments point'))} outside"
                f" the attachment folder and will not be opened: {_some(outside)}",
                "Remove these attachments and attach the files again",
            )
        )
    return faults


def _some(items: list[str], shown: int = 5) -> str:
    more = f" and {len(items) - shown:,} more" if len(items) > shown else ""
    return ", ".join(items[:shown]) + more
