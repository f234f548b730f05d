"""One archivist in a separate process: random edits of shared records, each outcome logged.

``python -m tests.team.edit_client URL NAME COUNT SEED OUT`` edits COUNT times a random
record among those the catalogue holds, each time reading it, changing its title to
``NAME N`` and saving with the version it read. Each outcome goes to OUT as a JSON line:
``{"id", "title", "saved": true, "version"}`` when the save was acknowledged, or
``"saved": false`` when it was refused as a conflict (what the window would show).
"""

from __future__ import annotations

import json
import random
import sys
from dataclasses import replace
from pathlib import Path

from catalog.domain.drafts import RecordDraft
from catalog.domain.errors import EditConflict
from catalog.services.catalog import CatalogService


def main(url: str, name: str, count: int, seed: int, out: Path) -> int:
    chooser = random.Random(seed)
    service = CatalogService.open(url, user=name, cache_dir=out.parent / f"cache-{name}")
    editor = service.editor
    assert editor is not None
    ids = list(service.search("").ids)
    try:
        with out.open("w", encoding="utf-8") as log:
            for n in range(count):
                record_id = chooser.choice(ids)
                detail = service.detail(record_id)
                title = f"{name} {n}"
                draft = replace(RecordDraft.from_detail(detail), title=title)
                try:
                    editor.update_record(record_id, draft, detail.version)
                except EditConflict:
                    outcome = {"id": record_id, "title": title, "saved": False}
                else:
                    outcome = {"id": record_id, "title": title, "saved": True}
                    outcome["version"] = detail.version + 1
                log.write(json.dumps(outcome) + "\n")
                log.flush()
    finally:
        service.close()
    return 0


if __name__ == "__main__":
    url, name, count, seed, out = sys.argv[1:6]
    raise SystemExit(main(url, name, int(count), int(seed), Path(out)))
