"""Where a size's generated files live, and the searches every size is timed with."""

from __future__ import annotations

import hashlib
import json
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import catalog
from benchmarks import floor, generate
from catalog.domain.query import format_clause
from catalog.ui.shell.search_controller import FACET_LIMITS

ROOT = Path(__file__).resolve().parents[1]
WORK = ROOT / "benchmarks" / "work"
_SCRIPT = Path(sys.executable).with_name("catalog")
CATALOG = [str(_SCRIPT)] if _SCRIPT.is_file() else [sys.executable, "-m", "catalog"]
PAGE = 50
EXPORT_SOME = 10_000
# The facets the window's sidebar shows, with the number of values it asks for.
SIDEBAR = {str(name.value): limit for name, limit in FACET_LIMITS.items()}


@dataclass(frozen=True)
class Query:
    """A search as typed in the window, and the same as hand-written SQL."""

    label: str
    text: str
    sql: floor.Filter


def queries() -> list[Query]:
    """The searches every size is timed with."""
    common = floor.text_filter(f'"{generate.COMMON_WORD}"')
    return [
        Query("all records", "", floor.Filter()),
        Query("common word", generate.COMMON_WORD, common),
        Query("rare word", generate.RARE_WORD, floor.text_filter(f'"{generate.RARE_WORD}"')),
        Query(
            "phrase",
            f'"{generate.PHRASE.lower()}"',
            floor.text_filter(f'"{generate.PHRASE.lower()}"'),
        ),
        Query("prefix", f"{generate.PREFIX}*", floor.text_filter(f'"{generate.PREFIX}" *')),
        Query("facet click", format_clause("type", "Cable"), floor.doc_type_filter("cable")),
        Query(
            "word + facet",
            f"{generate.COMMON_WORD} {format_clause('place', 'Pyongyang')}",
            floor.both(common, floor.authority_filter("place", "pyongyang")),
        ),
    ]


@dataclass(frozen=True)
class Files:
    """Where one size's generated files live."""

    folder: Path

    @property
    def source(self) -> Path:
        return self.folder / "records.json"

    @property
    def catalogue(self) -> Path:
        return self.folder / "catalog.sqlite"

    @property
    def floor_catalogue(self) -> Path:
        return self.folder / "floor.sqlite"

    @property
    def cache(self) -> Path:
        return self.folder / "cache"

    @property
    def exports(self) -> Path:
        return self.folder / "exports"

    @property
    def stamp(self) -> Path:
        return self.folder / "stamp.json"

    @property
    def results(self) -> Path:
        return self.folder / "results.json"


def _fingerprint(files: Sequence[Path], extra: str) -> str:
    digest = hashlib.sha256(extra.encode())
    for path in sorted(files):
        digest.update(path.read_bytes())
    return digest.hexdigest()


def stamps(size: int, seed: int) -> dict[str, str]:
    """What kept files depend on: the JSON on the generator, the catalogue also on Catalog."""
    generator = _fingerprint([Path(generate.__file__)], f"{size}|{seed}")
    source = Path(catalog.__file__).parent
    return {
        "json": generator,
        "catalogue": _fingerprint(list(source.rglob("*.py")), generator),
    }


def read_json(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text())
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def remove_catalogue(path: Path) -> None:
    """Delete a SQLite file with its WAL and shared-memory files."""
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
