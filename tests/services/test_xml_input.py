"""Hostile XML is refused or read without expanding anything; malformed XML names its line."""

from __future__ import annotations

from pathlib import Path

import pytest

from catalog.domain.errors import ImportFileError
from catalog.services.transfer import xml_input

BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;">]>
<records><record>&lol2;</record></records>"""

EXTERNAL = b"""<?xml version="1.0"?>
<!DOCTYPE r [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<records><record>&secret;</record></records>"""

EAD_2002_DOCTYPE = b"""<?xml version="1.0"?>
<!DOCTYPE ead PUBLIC "+//ISBN 1-931666-00-8//DTD ead.dtd (EAD Version 2002)//EN"
  "http://127.0.0.1:9/ead.dtd">
<ead><archdesc><did><unittitle>Papers</unittitle></did></archdesc></ead>"""


@pytest.mark.parametrize("payload", [BILLION_LAUGHS, EXTERNAL])
def test_entity_declarations_are_refused(tmp_path: Path, payload: bytes) -> None:
    path = tmp_path / "attack.xml"
    path.write_bytes(payload)
    with pytest.raises(ImportFileError, match="declares XML entities"):
        list(xml_input.iter_elements(path, "record"))
    with pytest.raises(ImportFileError, match="declares XML entities"):
        xml_input.parse(path)


def test_a_doctype_is_read_without_fetching_its_dtd(tmp_path: Path) -> None:
    path = tmp_path / "ead.xml"
    path.write_bytes(EAD_2002_DOCTYPE)
    titles = [xml_input.text_of(e) for e in xml_input.iter_elements(path, "unittitle")]
    assert titles == ["Papers"]


def test_malformed_xml_names_its_line(tmp_path: Path) -> None:
    path = tmp_path / "broken.xml"
    path.write_bytes(b"<records>\n<record>one</record>\n<record>two</rec>\n</records>")
    with pytest.raises(ImportFileError) as raised:
        list(xml_input.iter_elements(path, "record"))
    assert raised.value.line == 3
    assert "malformed" in str(raised.value)


def test_elements_stream_in_order(tmp_path: Path) -> None:
    path = tmp_path / "many.xml"
    path.write_bytes(
        b"<r>" + b"".join(b"<record><t>%d</t></record>" % i for i in range(1000)) + b"</r>"
    )
    texts = [xml_input.text_of(e.find("t")) for e in xml_input.iter_elements(path, "record")]
    assert texts == [str(i) for i in range(1000)]
