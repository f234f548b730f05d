"""Well-formed files of every importable format, built from a few records.

The security tests damage these files, or fill them with hostile values.
"""

from __future__ import annotations

import io
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from openpyxl import Workbook

# ----------------------------------------------------------------------------- records


@dataclass(frozen=True)
class Rec:
    """What a file says about one record (in the file's own terms)."""

    title: str
    date: str = "1959-10-12"
    summary: str = "A summary."
    uid: str = ""


def recs() -> list[Rec]:
    """Two well-formed records with distinct ids (uuids, which every format carries)."""
    return [
        Rec("Письмо Молотову о гражданстве", "1959-10-12", "Первое.", UIDS[0]),
        Rec("Cable from Pyongyang", "1960-03-01", "Second.", UIDS[1]),
    ]


UIDS = ("5b0c7f1e-0d2a-4c1b-9a51-3f0e7c2d9a01", "5b0c7f1e-0d2a-4c1b-9a51-3f0e7c2d9a02")

# ----------------------------------------------------------------------------- builders
# Each builder writes a well-formed file of its format holding ``records``; the cases
# below damage it, or feed it damaging values.


def _xml_escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def build_listing(records: Sequence[Rec]) -> str:
    lines = ["Search in", "", "Digital Archive", ""]
    for r in records:
        lines += [f"  • {r.date}", "", f"    {r.title}", "", f"    {r.summary}", ""]
    return "\n".join(lines) + "\n"


def build_json(records: Sequence[Rec]) -> str:
    items = [
        json.dumps(
            {"uid": r.uid, "title": r.title, "date": r.date, "summary": r.summary},
            ensure_ascii=False,
        )
        for r in records
    ]
    return '{"format": "catalog", "version": 1, "records": [\n' + ",\n".join(items) + "\n]}\n"


def _csv_cell(value: str) -> str:
    if any(c in value for c in ',"\r\n'):
        return '"' + value.replace('"', '""') + '"'
    return value


def build_csv(records: Sequence[Rec]) -> str:
    rows = ["uid,title,date,summary"]
    rows += [",".join(_csv_cell(v) for v in (r.uid, r.title, r.date, r.summary)) for r in records]
    return "\n".join(rows) + "\n"


def build_mapped_csv(records: Sequence[Rec]) -> str:
    rows = ["id,title,date,description"]
    rows += [",".join(_csv_cell(v) for v in (r.uid, r.title, r.date, r.summary)) for r in records]
    return "\n".join(rows) + "\n"


def build_csl(records: Sequence[Rec]) -> str:
    items = [
        json.dumps(
            {
                "id": r.uid,
                "type": "manuscript",
                "title": r.title,
                "issued": {"raw": r.date},
                "abstract": r.summary,
            },
            ensure_ascii=False,
        )
        for r in records
    ]
    return "[\n" + ",\n".join(items) + "\n]\n"


def build_mapped_json(records: Sequence[Rec]) -> str:
    items = [
        json.dumps(
            {"id": r.uid, "title": r.title, "date": r.date, "description": r.summary},
            ensure_ascii=False,
        )
        for r in records
    ]
    return "[\n" + ",\n".join(items) + "\n]\n"


def build_ris(records: Sequence[Rec]) -> str:
    out = []
    for r in records:
        out += ["TY  - MANSCPT", f"ID  - {r.uid}", f"TI  - {r.title}", f"DA  - {r.date}"]
        out += [f"AB  - {r.summary}", "ER  - ", ""]
    return "\n".join(out)


def build_bibtex(records: Sequence[Rec]) -> str:
    out = []
    for r in records:
        out += [f"@misc{{{r.uid},", f"  title = {{{r.title}}},", f"  date = {{{r.date}}},"]
        out += [f"  abstract = {{{r.summary}}},", "}", ""]
    return "\n".join(out)


def build_dc(records: Sequence[Rec]) -> str:
    out = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/">',
        '<request verb="ListRecords" metadataPrefix="oai_dc">http://example.org/oai</request>',
        "<ListRecords>",
    ]
    for r in records:
        out += [
            "<record>",
            f"<header><identifier>oai:example.org:{r.uid}</identifier>"
            "<datestamp>2020-01-01</datestamp></header>",
            '<metadata><oai_dc:dc xmlns:oai_dc="http://www.openarchives.org/OAI/2.0/oai_dc/"'
            ' xmlns:dc="http://purl.org/dc/elements/1.1/">',
            f"<dc:title>{_xml_escape(r.title)}</dc:title>",
            f"<dc:date>{_xml_escape(r.date)}</dc:date>",
            f"<dc:description>{_xml_escape(r.summary)}</dc:description>",
            "</oai_dc:dc></metadata>",
            "</record>",
        ]
    out += ["</ListRecords>", "</OAI-PMH>", ""]
    return "\n".join(out)


def build_ead(records: Sequence[Rec]) -> str:
    """The first record is the collection (``archdesc``), the others its components."""
    first, *rest = records

    def did(r: Rec) -> str:
        title = f"<unittitle>{_xml_escape(r.title)}</unittitle>" if r.title else ""
        return f"<did>{title}<unitdate>{_xml_escape(r.date)}</unitdate></did>"

    def scope(r: Rec) -> str:
        return f"<scopecontent><p>{_xml_escape(r.summary)}</p></scopecontent>"

    out = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<ead xmlns="http://ead3.archivists.org/schema/">',
        "<control><recordid>fa-1</recordid></control>",
        '<archdesc level="collection">',
        did(first),
        scope(first),
        "<dsc>",
    ]
    out += [f'<c id="{r.uid}">{did(r)}{scope(r)}</c>' for r in rest]
    out += ["</dsc>", "</archdesc>", "</ead>", ""]
    return "\n".join(out)


def build_mapped_xml(records: Sequence[Rec]) -> str:
    out = ['<?xml version="1.0" encoding="UTF-8"?>', "<records>"]
    for r in records:
        out.append(
            f"<record><id>{r.uid}</id><title>{_xml_escape(r.title)}</title>"
            f"<date>{_xml_escape(r.date)}</date>"
            f"<description>{_xml_escape(r.summary)}</description></record>"
        )
    out += ["</records>", ""]
    return "\n".join(out)


def build_xlsx_rows(rows: Sequence[Sequence[object]]) -> bytes:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for row in rows:
        sheet.append(list(row))
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def build_xlsx(records: Sequence[Rec]) -> bytes:
    header = ["id", "title", "date", "description"]
    return build_xlsx_rows([header, *[[r.uid, r.title, r.date, r.summary] for r in records]])


TEXT_BUILDERS: dict[str, Callable[[Sequence[Rec]], str]] = {
    "listing": build_listing,
    "json": build_json,
    "csv": build_csv,
    "csl-json": build_csl,
    "ris": build_ris,
    "bibtex": build_bibtex,
    "mapped-csv": build_mapped_csv,
    "mapped-json": build_mapped_json,
    "dc": build_dc,
    "ead": build_ead,
    "mapped-xml": build_mapped_xml,
}


def build(fmt: str, records: Sequence[Rec]) -> bytes:
    """A well-formed file of ``fmt`` holding ``records``, as UTF-8 bytes (or an XLSX)."""
    if fmt == "xlsx":
        return build_xlsx(records)
    return TEXT_BUILDERS[fmt](records).encode("utf-8")


SUFFIXES = {
    "listing": ".txt",
    "json": ".json",
    "csl-json": ".json",
    "mapped-json": ".json",
    "csv": ".csv",
    "mapped-csv": ".csv",
    "ris": ".ris",
    "bibtex": ".bib",
    "dc": ".xml",
    "ead": ".xml",
    "mapped-xml": ".xml",
    "xlsx": ".xlsx",
}


def suffix(fmt: str) -> str:
    """The usual file name ending of a format."""
    return SUFFIXES[fmt]
