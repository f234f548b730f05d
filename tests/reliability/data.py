"""Generated CSV files of records with fixed identifiers, so two runs hold the same data."""

from __future__ import annotations

import csv
import random
import uuid
from pathlib import Path

_TYPES = ("Cable", "Memorandum", "Letter", "Telegram", "Report", "Record of a Conversation")
_LANGUAGES = ("Russian", "English", "Korean", "Chinese", "German")
_PEOPLE = ("Kim Il Sung", "Ivanov, V. I.", "Zhou Enlai", "Ri Dong-yong", "Pak Hon-yong")
_PLACES = ("Pyongyang", "Moscow", "Beijing", "Berlin", "Seoul")
_WORDS = (
    "trade", "citizenship", "delegation", "treaty", "harvest", "railway", "embassy",
    "students", "credit", "Soviet Koreans", "armistice", "cooperation", "radio", "grain",
)  # fmt: skip
HEADER = ("uid", "title", "date", "summary", "type", "languages", "people", "places", "tags")


def write_csv(path: Path, count: int, *, seed: int, first: int = 0) -> Path:
    """Write ``count`` records (numbered from ``first``) to ``path`` in Catalog's CSV."""
    rng = random.Random(seed)
    with path.open("w", newline="", encoding="utf-8") as handle:
        out = csv.writer(handle)
        out.writerow(HEADER)
        for number in range(first, first + count):
            words = rng.sample(_WORDS, 4)
            day = f"19{rng.randint(45, 89)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
            out.writerow(
                (
                    str(uuid.UUID(int=rng.getrandbits(128), version=4)),
                    f"{rng.choice(_TYPES)} no. {number} on {words[0]} and {words[1]}",
                    day,
                    f"On {words[0]}, {words[1]}, {words[2]} and {words[3]}. " * 3,
                    rng.choice(_TYPES),
                    rng.choice(_LANGUAGES),
                    rng.choice(_PEOPLE),
                    rng.choice(_PLACES),
                    f"box-{number % 40}",
                )
            )
    return path
