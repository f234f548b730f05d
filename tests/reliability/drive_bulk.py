"""``python -m tests.reliability.drive_bulk CATALOGUE TAG``: add a tag to every record.

As in the window: a preview of the whole selection first, then one apply (one
transaction, one undo step). START is said once the preview is read.
"""

from __future__ import annotations

import sys

from catalog.services.catalog import CatalogService
from catalog.services.editing import bulk
from tests.reliability.protocol import Say


def main(catalogue: str, tag: str) -> None:
    say = Say()
    service = CatalogService.open(catalogue)
    editor = service.editor
    assert editor is not None
    op = bulk.AddTag(tag)
    preview = bulk.preview(editor, service.search("").ids, op)
    say.start(preview.count)
    bulk.apply(editor, preview, op)
    say("COMMITTED", preview.count)
    service.close()
    say.done()


if __name__ == "__main__":
    main(*sys.argv[1:])
