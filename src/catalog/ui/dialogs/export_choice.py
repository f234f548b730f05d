"""What the Export dialog offers and returns, and what it remembers between exports."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings

from catalog.services.transfer.export_options import EVERY_EXTRA, EVERYTHING, ExportOptions, Extra
from catalog.services.transfer.registry import Exporter, TabularExporter
from catalog.ui.translation import format_label


class ExportScope(Enum):
    """Which records to export."""

    SELECTED = "selected"
    RESULTS = "results"
    ALL = "all"


@dataclass(frozen=True)
class ExportFormat:
    """A format offered for export, with what it can carry.

    Attributes:
        carries: the extras (notes, relations, variant names) the format can hold.
        columns: a tabular format's columns in their own order (empty otherwise).
        bom: the format can start with a byte-order mark (CSV).
    """

    name: str
    label: str
    suffix: str
    carries: frozenset[Extra] = frozenset()
    columns: tuple[str, ...] = ()
    bom: bool = False

    @classmethod
    def of(cls, exporter: Exporter) -> ExportFormat:
        """How the dialog shows a registered exporter."""
        columns = exporter.columns if isinstance(exporter, TabularExporter) else ()
        bom = hasattr(exporter, "bom")
        return cls(
            exporter.name,
            format_label(exporter.label),
            exporter.suffix,
            exporter.carries,
            columns,
            bom,
        )


@dataclass(frozen=True)
class ScopeCounts:
    """How many records each scope holds, for the labels (0 disables a choice)."""

    selected: int = 0
    results: int = 0
    total: int = 0


@dataclass(frozen=True)
class ExportChoice:
    """What the user chose: format, records, file, options, and whether to show the file."""

    format_name: str
    scope: ExportScope
    path: Path
    options: ExportOptions = EVERYTHING
    reveal: bool = False


@dataclass(frozen=True)
class ExportMemory:
    """The choices of the last export, offered again by the next one."""

    format_name: str = ""
    extras: frozenset[Extra] = EVERY_EXTRA
    columns: dict[str, tuple[str, ...]] = field(default_factory=dict)
    bom: bool = False
    reveal: bool = True
    folder: Path | None = None


_PREFIX = "export/"


def load_memory(settings: QSettings | None) -> ExportMemory:
    """The remembered choices (defaults for anything missing or unreadable)."""
    if settings is None:
        return ExportMemory()
    known = {extra.value: extra for extra in Extra}

    def texts(key: str) -> list[str] | None:
        value: Any = settings.value(_PREFIX + key)
        if isinstance(value, str):  # QSettings gives a one-item list back as a string
            return [value] if value else []
        if isinstance(value, list) and all(isinstance(v, str) for v in value):
            return value
        return None

    extras = texts("extras")
    columns: dict[str, tuple[str, ...]] = {}
    settings.beginGroup(_PREFIX + "columns")
    names = settings.childKeys()
    settings.endGroup()
    for name in names:
        found = texts(f"columns/{name}")
        if found:
            columns[name] = tuple(found)
    folder = settings.value(_PREFIX + "folder")
    return ExportMemory(
        format_name=str(settings.value(_PREFIX + "format") or ""),
        extras=EVERY_EXTRA if extras is None else frozenset(known[e] for e in extras if e in known),
        columns=columns,
        bom=_flag(settings.value(_PREFIX + "bom"), False),
        reveal=_flag(settings.value(_PREFIX + "reveal"), True),
        folder=Path(folder) if isinstance(folder, str) and folder else None,
    )


def save_memory(settings: QSettings | None, choice: ExportChoice) -> None:
    """Remember a choice for the next export."""
    if settings is None:
        return
    options = choice.options
    settings.setValue(_PREFIX + "format", choice.format_name)
    if options.columns:  # a tabular format: its columns stand for the extras
        settings.setValue(f"{_PREFIX}columns/{choice.format_name}", list(options.columns))
        settings.setValue(_PREFIX + "bom", options.bom)
    else:
        settings.setValue(_PREFIX + "extras", sorted(extra.value for extra in options.extras))
    settings.setValue(_PREFIX + "reveal", choice.reveal)
    settings.setValue(_PREFIX + "folder", str(choice.path.parent))
    settings.sync()


def _flag(value: object, default: bool) -> bool:
    """A boolean read back from QSettings (INI files give "true"/"false" strings)."""
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value in ("true", "false"):
        return value == "true"
    return default


NO_COUNTS = ScopeCounts()
FIRST_EXPORT = ExportMemory()
"""The choices offered when nothing is remembered."""
