"""``python -m tests.reliability.drive_edits CATALOGUE SEED COUNT``: a random sequence
of edits, each one transaction, as an archivist makes them in the window.

Says ``START <checksum>`` with the catalogue's checksum before the first edit, then
``COMMITTED <checksum>`` after each edit the program acknowledged. The sequence depends
only on the seed and the catalogue, so two runs say the same checksums.
"""

from __future__ import annotations

import random
import sys
from dataclasses import replace
from pathlib import Path

from catalog.domain.drafts import RecordDraft
from catalog.domain.records import AuthorityKind, RelationType
from catalog.services.catalog import CatalogService
from catalog.services.editing import bulk
from catalog.services.editing.editor import Editor
from tests.reliability.content import checksum
from tests.reliability.protocol import Say

_DATES = ("1956", "March 1957", "1958-04-02", "c. 1960", "1961/1962", "")


def edit(service: CatalogService, editor: Editor, rng: random.Random, step: int) -> None:
    """Make one random edit (each kind ends in exactly one commit)."""
    ids = sorted(service.search("").ids)
    kind = rng.choice(
        ("save", "save", "note", "tag", "name", "trash", "restore", "link", "unlink", "undo")
    )
    record = rng.choice(ids)
    if kind == "save":
        detail = service.detail(record)
        draft = replace(
            RecordDraft.from_detail(detail),
            title=f"{detail.title.split(' ·')[0]} ·{step}",
            summary=f"Edited at step {step}. {detail.summary}"[:400],
            date_text=rng.choice(_DATES),
            tags=(*detail.tags, f"edit-{step % 7}"),
        )
        editor.update_record(record, draft, detail.version)
    elif kind == "note":
        editor.add_note(record, f"Note {step}: checked against the original.")
    elif kind == "tag":
        bulk.apply(editor, rng.sample(ids, 25), bulk.AddTag(f"batch-{step % 5}"))
    elif kind == "name":
        op = bulk.AddName(AuthorityKind.PERSON, f"Correspondent {step % 6}")
        bulk.apply(editor, rng.sample(ids, 10), op)
    elif kind == "trash":
        editor.trash(rng.sample(ids, 3))
    elif kind == "restore" and (trashed := editor.trashed()):
        editor.restore([trashed[-1].id])
    elif kind == "link":
        source, target = rng.sample(ids, 2)
        editor.link(source, target, rng.choice(list(RelationType)))
    elif kind == "unlink" and (links := service.detail(record).relations):
        editor.unlink(links[0].relation_id)
    elif kind == "undo" and editor.history.undo_steps:
        editor.undo()
    else:  # nothing to restore, unlink or undo: a note instead
        editor.add_note(record, f"Note {step}.")


def main(catalogue: str, seed: str, count: str) -> None:
    say = Say()
    path = Path(catalogue)
    service = CatalogService.open(path)
    editor = service.editor
    assert editor is not None
    rng = random.Random(int(seed))
    say.start(checksum(path))
    for step in range(int(count)):
        edit(service, editor, rng, step)
        say("COMMITTED", checksum(path))
    service.close()
    say.done()


if __name__ == "__main__":
    main(*sys.argv[1:])
