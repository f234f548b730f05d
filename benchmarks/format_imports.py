"""The generated records imported as CSV and as a digital-archive listing, beside floors.

Issue 5 holds each format to the raw-SQL floor of the core benchmark: the native JSON
file's, the same records with all their fields. That is each row's floor here. Each
format carries less than native JSON, so beside it the note gives the ratio to the
raw-SQL import of the records as that format carries them: for CSV, what Catalog's CSV
export writes (no attachments, no variant names, notes as text only); for a listing, a
date, a title, a summary and the document type guessed from the title (little to write,
while reading and folding the text stays). Each import runs in a new process; its peak
memory and that of the process that reads the file are sampled together (issue 5: under
1 GB whatever the file size, by streaming).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from benchmarks import floor
from benchmarks.results import Row, median, say
from benchmarks.workspace import Files, remove_catalogue
from catalog.domain.doctypes import guess_document_type
from catalog.services.catalog import CatalogService

_PAGE = os.sysconf("SC_PAGE_SIZE")


# Imports one file into a new catalogue and prints the seconds import_file took.
_IMPORT = """
import sys, time
from pathlib import Path
from catalog.services.catalog import CatalogService
target, cache, source, format_name = sys.argv[1:5]
service = CatalogService.open(Path(target), cache_dir=Path(cache))
start = time.perf_counter()
report, _ = service.import_file(Path(source), format_name)
print(time.perf_counter() - start, report.records)
service.close()
"""


def _rss(pid: int) -> int:
    """Resident bytes of a process (0 once it is gone)."""
    try:
        with open(f"/proc/{pid}/statm") as statm:
            return int(statm.read().split()[1]) * _PAGE
    except (OSError, IndexError, ValueError):
        return 0


def _tree(pid: int) -> list[int]:
    """A process and its descendants."""
    found, waiting = [], [pid]
    while waiting:
        current = waiting.pop()
        found.append(current)
        try:
            with open(f"/proc/{current}/task/{current}/children") as listed:
                waiting.extend(int(child) for child in listed.read().split())
        except OSError:
            pass
    return found


def run_sampled(command: list[str], every: float = 0.2) -> tuple[str, int]:
    """Run a command; its output and the peak of its processes' resident memory summed."""
    peak = 0
    with subprocess.Popen(command, stdout=subprocess.PIPE, text=True) as process:
        while process.poll() is None:
            peak = max(peak, sum(_rss(pid) for pid in _tree(process.pid)))
            time.sleep(every)
        output = process.stdout.read() if process.stdout else ""
    if process.returncode:
        raise RuntimeError(f"{command[:3]} failed with exit code {process.returncode}")
    return output, peak


def _write_lines(path: Path, objects: Iterator[dict[str, Any]]) -> None:
    """Objects one per line, as ``floor.read_records`` reads them."""
    with path.open("w", encoding="utf-8") as out:
        out.write('{"format": "catalog", "version": 1, "records": [\n')
        for number, obj in enumerate(objects):
            out.write(("" if number == 0 else ",\n") + json.dumps(obj, ensure_ascii=False))
        out.write("\n]}\n")


def _as_csv_carries(objects: Iterator[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    for obj in objects:
        obj.pop("attachments", None)
        obj["names"] = [
            {key: value for key, value in link.items() if key != "variants"}
            for link in obj.get("names", [])
        ]
        if "notes" in obj:
            obj["notes"] = [{"text": note["text"]} for note in obj["notes"]]
        yield obj


def write_listing(source: Path, listing: Path, floor_source: Path) -> int:
    """The listing of the generated records and, for its floor, the records it carries."""
    count = 0

    def carried() -> Iterator[dict[str, Any]]:
        nonlocal count
        with listing.open("w", encoding="utf-8") as out:
            out.write("Search in\n\nDigital Archive International History Declassified\n\n")
            for obj in floor.read_records(source):
                count += 1
                date = (obj.get("date") or {}).get("text") or "undated"
                title, summary = obj["title"], obj.get("summary", "")
                out.write(f"  • {date}\n\n    {title}\n\n")
                if summary:
                    out.write(f"    {summary}\n\n")
                yield {
                    "uid": str(uuid.UUID(int=count)),
                    "title": title,
                    "summary": summary,
                    "date": {"text": date},
                    "doc_type": guess_document_type(title),
                }

    _write_lines(floor_source, carried())
    return count


def _time_import(
    files: Files, source: Path, format_name: str, runs: int, size: int
) -> tuple[list[float], int]:
    """Seconds of each import of ``source`` into a new catalogue, each in a new process,
    and the peak memory of that process with the one reading the file."""
    times: list[float] = []
    peak = 0
    scratch = files.folder / f"{format_name}-import.sqlite"
    cache = files.folder / f"{format_name}-cache"
    for _ in range(runs):
        remove_catalogue(scratch)
        shutil.rmtree(cache, ignore_errors=True)
        command = [sys.executable, "-c", _IMPORT, str(scratch), str(cache), str(source)]
        output, used = run_sampled([*command, format_name])
        seconds, records = output.split()
        assert int(records) == size, output
        times.append(float(seconds))
        peak = max(peak, used)
    remove_catalogue(scratch)
    shutil.rmtree(cache, ignore_errors=True)
    return times, peak


def _floor(files: Files, floor_source: Path, runs: int) -> float:
    seconds = []
    for _ in range(runs):
        remove_catalogue(files.floor_catalogue)
        seconds.append(floor.import_floor(floor_source, files.floor_catalogue).seconds)
        remove_catalogue(files.floor_catalogue)
    return median(seconds)


def format_import_rows(files: Files, size: int, runs: int, core_floor: float) -> list[Row]:
    """Import rows for CSV and the listing; ``files.catalogue`` holds the imported JSON,
    whose raw-SQL import took ``core_floor`` seconds."""
    work = files.folder / "formats"
    work.mkdir(exist_ok=True)
    csv_file, listing = work / "records.csv", work / "records.txt"
    csv_floor, listing_floor = work / "csv-floor.json", work / "listing-floor.json"
    service = CatalogService.open(files.catalogue, cache_dir=files.cache)
    try:
        service.export(list(service.search("").ids), "csv", csv_file)
    finally:
        service.close()
    _write_lines(csv_floor, _as_csv_carries(floor.read_records(files.source)))
    listed = write_listing(files.source, listing, listing_floor)
    assert listed == size
    rows = []
    plans = [
        ("csv", csv_file, csv_floor, "CSV (as Catalog exports it)"),
        ("listing", listing, listing_floor, "digital-archive listing"),
    ]
    for format_name, source, floor_source, label in plans:
        floor_seconds = _floor(files, floor_source, runs)
        times, peak = _time_import(files, source, format_name, runs, size)
        megabytes = source.stat().st_size / 2**20
        rows.append(
            Row(
                "Import",
                f"import the {label} file ({megabytes:,.0f} MB)",
                median=median(times),
                runs=len(times),
                floor=core_floor,
                hits=size,
                target="import",
                note=(
                    f"floor: the native JSON floor of the same records (the core"
                    f" benchmark's); against the raw-SQL import of what the file carries"
                    f" alone ({floor_seconds:.1f} s) {median(times) / floor_seconds:.2f}×;"
                    f" peak memory, importing and reading processes together,"
                    f" {peak / 2**20:,.0f} MB (limit 1 GB)"
                ),
            )
        )
        say(f"  {format_name}: {median(times):.1f} s, floor {floor_seconds:.1f} s")
    shutil.rmtree(work)
    return rows
