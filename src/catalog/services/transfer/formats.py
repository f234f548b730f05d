"""The registry of every format Catalog reads and writes."""

from __future__ import annotations

from catalog.services.transfer.bibtex import BibtexImporter
from catalog.services.transfer.bibtex_export import BibtexExporter
from catalog.services.transfer.csl_json import CslJsonExporter
from catalog.services.transfer.csl_json_import import CslJsonImporter
from catalog.services.transfer.csv_export import CsvExporter
from catalog.services.transfer.csv_import import CsvImporter
from catalog.services.transfer.dc_export import DublinCoreExporter, OaiPmhExporter
from catalog.services.transfer.dublin_core import DublinCoreImporter
from catalog.services.transfer.ead import EadImporter
from catalog.services.transfer.ead3_export import Ead3Exporter
from catalog.services.transfer.html_report import HtmlReportExporter
from catalog.services.transfer.listing import ListingImporter
from catalog.services.transfer.mapped import importers as mapped_importers
from catalog.services.transfer.native_json import NativeJsonExporter, NativeJsonImporter
from catalog.services.transfer.registry import Exporter, Importer, Registry
from catalog.services.transfer.ris import RisImporter
from catalog.services.transfer.ris_export import RisExporter
from catalog.services.transfer.xlsx_export import XlsxExporter


def default_registry() -> Registry:
    """Every format Catalog knows, importers in the order detection tries them."""
    # CSL-JSON before native JSON (a Zotero item has a title too), the XML formats with a
    # root of their own before mapped XML, the mapped formats (anything with a title-like
    # column, key or element) last.
    importers: list[Importer] = [
        CslJsonImporter(),
        NativeJsonImporter(),
        CsvImporter(),
        EadImporter(),
        DublinCoreImporter(),
        RisImporter(),
        BibtexImporter(),
        ListingImporter(),
        *mapped_importers(),
    ]
    exporters: list[Exporter] = [
        NativeJsonExporter(),
        CsvExporter(),
        XlsxExporter(),
        CslJsonExporter(),
        RisExporter(),
        BibtexExporter(),
        DublinCoreExporter(),
        OaiPmhExporter(),
        Ead3Exporter(),
        HtmlReportExporter(),
    ]
    return Registry(
        importers={i.name: i for i in importers},
        exporters={e.name: e for e in exporters},
    )
