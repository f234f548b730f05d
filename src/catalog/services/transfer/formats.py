"""The registry of every format Catalog reads and writes."""

from __future__ import annotations

from catalog.services.transfer.csl_json import CslJsonExporter
from catalog.services.transfer.csv_format import CsvExporter, CsvImporter
from catalog.services.transfer.dublin_core import DublinCoreImporter
from catalog.services.transfer.listing import ListingImporter
from catalog.services.transfer.mapped import importers as mapped_importers
from catalog.services.transfer.native_json import NativeJsonExporter, NativeJsonImporter
from catalog.services.transfer.registry import Exporter, Importer, Registry


def default_registry() -> Registry:
    """Every format Catalog knows, importers in the order detection tries them."""
    importers: list[Importer] = [
        NativeJsonImporter(),
        CsvImporter(),
        DublinCoreImporter(),
        ListingImporter(),
        *mapped_importers(),
    ]
    exporters: list[Exporter] = [NativeJsonExporter(), CsvExporter(), CslJsonExporter()]
    return Registry(
        importers={i.name: i for i in importers},
        exporters={e.name: e for e in exporters},
    )
