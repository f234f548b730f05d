"""An import's warnings read in Russian in a Russian window (the Import dialog's summary
and report, the message after an import); the report's strings, what the command line
prints, stay English."""

from __future__ import annotations

import json
import pickle
from pathlib import Path

import pytest

from catalog.domain.errors import Notice
from catalog.domain.wording import QT_TRANSLATE_NOOP
from catalog.services.catalog import CatalogService
from catalog.services.import_plan import Severity
from catalog.services.transfer.native_json import NativeJsonExporter
from catalog.ui.dialogs.import_dialog.report_model import issue_reason
from catalog.ui.translation import notice_text
from tests.services.factories import make_record, uid

OAI = """<?xml version="1.0" encoding="UTF-8"?>
<OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/">
  <responseDate>2024-01-01T00:00:00Z</responseDate>
  <request verb="ListRecords" metadataPrefix="oai_dc">https://example.org/oai</request>
  <ListRecords>
    <record>
      <header><identifier>oai:example.org:1</identifier><datestamp>2024-01-01</datestamp>
      </header>
      <metadata>
        <oai_dc:dc xmlns:oai_dc="http://www.openarchives.org/OAI/2.0/oai_dc/"
                   xmlns:dc="http://purl.org/dc/elements/1.1/">
          <dc:title>Cable from Pyongyang</dc:title><dc:date>1959</dc:date>
        </oai_dc:dc>
      </metadata>
    </record>
    <record><header status="deleted"><identifier>oai:example.org:2</identifier>
      <datestamp>2024-01-01</datestamp></header></record>
    <record><header status="deleted"><identifier>oai:example.org:3</identifier>
      <datestamp>2024-01-01</datestamp></header></record>
    <resumptionToken>page-2</resumptionToken>
  </ListRecords>
</OAI-PMH>
"""


def test_a_notice_is_its_english_and_survives_pickling() -> None:
    template = QT_TRANSLATE_NOOP("Errors", "{count} deleted records skipped")
    notice = Notice(template, count=3)
    assert notice == "3 deleted records skipped"
    assert str(notice) == "3 deleted records skipped"
    back = pickle.loads(pickle.dumps(notice))
    assert isinstance(back, Notice)
    assert (back, back.template, back.values) == (notice, template, {"count": 3})


@pytest.mark.usefixtures("russian")
def test_the_warnings_of_an_import_read_in_russian(tmp_path: Path) -> None:
    service = CatalogService.open(tmp_path / "c.sqlite", cache_dir=tmp_path)
    try:
        first = tmp_path / "first.json"
        NativeJsonExporter().write([make_record(1)], first)
        service.import_file(first, "json")
        second = tmp_path / "second.json"
        NativeJsonExporter().write([make_record(1), make_record(2)], second)
        data = json.loads(second.read_text(encoding="utf-8"))
        data["records"][1]["relations"] = [{"type": "reply_to", "target": uid(99)}]
        second.write_text(json.dumps(data), encoding="utf-8")  # every record on line 1
        report, _ = service.import_file(second, "json")
    finally:
        service.close()

    assert report.records == 1
    assert list(report.warnings) == [
        f"line 1: relation 'reply to' points at unknown record {uid(99)}; left out",
        "1 record already in the catalogue was skipped",
    ]
    assert [notice_text(w) for w in report.warnings] == [
        f"строка 1: связь «ответ на» указывает на неизвестную запись {uid(99)}; пропущена",
        "пропущена 1 запись, которая уже есть в каталоге",
    ]


@pytest.mark.usefixtures("russian")
def test_a_harvests_warnings_read_in_russian_in_the_report(tmp_path: Path) -> None:
    path = tmp_path / "harvest.xml"
    path.write_text(OAI, encoding="utf-8")
    service = CatalogService.open(tmp_path / "c.sqlite", cache_dir=tmp_path)
    try:
        plan = service.plan_import(path, "dc")
    finally:
        service.close()

    warnings = [i for i in plan.issues if i.severity is Severity.WARNING]
    assert [i.reason for i in warnings] == [
        "2 deleted records skipped",
        "the response continues: resumption token page-2 — harvest the next page to import"
        " the rest",
    ]
    assert [issue_reason(i) for i in warnings] == [
        "пропущено удалённых записей: 2",
        "у ответа есть продолжение: маркер возобновления page-2 — загрузите следующую"
        " страницу, чтобы импортировать остальное",
    ]
