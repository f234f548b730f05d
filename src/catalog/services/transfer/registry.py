"""The formats Catalog reads and writes, registered by name and detected by content."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol, runtime_checkable

from catalog.domain.errors import ImportFileError
from catalog.domain.records import RecordDetail, RecordInput
from catalog.domain.wording import QT_TRANSLATE_NOOP
from catalog.services.transfer.export_options import ExportOptions, Extra

SNIFF_BYTES = 64 * 1024


class Importer(Protocol):
    """Reads one file format into records.

    ``read`` yields records as it parses; it raises ``ImportFileError`` (naming the file and
    the line or position) for anything it cannot read. The caller writes nothing until the
    whole file has been read without error.
    """

    name: str
    label: str

    def sniff(self, head: bytes, path: Path) -> bool:
        """True when the first bytes of the file look like this format."""
        ...

    def read(self, path: Path) -> Iterator[RecordInput]:
        """Parse the file, yielding records in file order."""
        ...


class Exporter(Protocol):
    """Writes records to one file format.

    ``carries`` names what the format holds beyond a record's own fields; the export
    service takes out of each record what the user chose to leave out.
    """

    name: str
    label: str
    suffix: str
    carries: frozenset[Extra]

    def write(self, records: Iterable[RecordDetail], out: Path) -> int:
        """Write every record to ``out``; return how many were written."""
        ...


@runtime_checkable
class TabularExporter(Exporter, Protocol):
    """A format of rows and columns (CSV, XLSX): the user picks the columns and order."""

    columns: tuple[str, ...]

    def configured(self, options: ExportOptions) -> Exporter:
        """An exporter writing the chosen columns (and, for CSV, the byte-order mark)."""
        ...


@dataclass
class Registry:
    """Importers and exporters by name."""

    importers: dict[str, Importer]
    exporters: dict[str, Exporter]

    def importer(self, name: str) -> Importer:
        """The importer called ``name``, or a clear error listing the known ones."""
        try:
            return self.importers[name]
        except KeyError:
            known = ", ".join(sorted(self.importers))
            raise ImportFileError(
                "",
                QT_TRANSLATE_NOOP("Errors", "unknown import format {name} (known: {known})"),
                name=repr(name),
                known=known,
            ) from None

    def detect(self, path: Path) -> Importer:
        """The importer whose ``sniff`` accepts the start of the file."""
        try:
            with path.open("rb") as handle:
                head = handle.read(SNIFF_BYTES)
        except OSError as error:
            raise ImportFileError.unreadable(str(path), error) from None
        if not head.strip():
            raise ImportFileError(str(path), QT_TRANSLATE_NOOP("Errors", "the file is empty"))
        for importer in self.importers.values():
            if importer.sniff(head, path):
                return importer
        raise ImportFileError(
            str(path),
            QT_TRANSLATE_NOOP(
                "Errors",
                "the format of this file is not recognised; choose the format explicitly",
            ),
        )
