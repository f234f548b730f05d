"""The desktop entry, AppStream metainfo, MIME type and icon in resources/: they parse,
agree with each other and with the package (id, version, licence, program name), and
pass the freedesktop validators where those are installed."""

from __future__ import annotations

import configparser
import shutil
import subprocess
import tomllib
from pathlib import Path

import pytest
from lxml import etree

from catalog import __version__
from catalog.resources import APP_ID, ICON, resource_path
from catalog.services.transfer.native_json import NativeJsonExporter

REPO = Path(__file__).resolve().parents[2]
RESOURCES = REPO / "resources"
DESKTOP = RESOURCES / f"{APP_ID}.desktop"
METAINFO = RESOURCES / f"{APP_ID}.metainfo.xml"
MIME = RESOURCES / "mime" / f"{APP_ID}.xml"
SVG = RESOURCES / ICON
MIME_NS = "{http://www.freedesktop.org/standards/shared-mime-info}"
SVG_NS = "{http://www.w3.org/2000/svg}"
MIME_TYPE = "application/x-catalog+json"


def desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read(DESKTOP, encoding="utf-8")
    return parser["Desktop Entry"]


def pyproject() -> dict[str, object]:
    with (REPO / "pyproject.toml").open("rb") as f:
        return tomllib.load(f)["project"]  # type: ignore[no-any-return]


def test_the_desktop_entry_starts_catalog_on_a_file() -> None:
    entry = desktop_entry()
    assert entry["Type"] == "Application"
    assert entry["Name"] == "Catalog"
    assert entry["GenericName"] == "Archival catalogue"
    assert entry["Exec"] == "catalog %F"  # all the chosen files, to one window
    assert entry["Icon"] == APP_ID
    assert entry["Categories"].split(";")[:3] == ["Office", "Database", "Education"]
    assert entry["MimeType"].rstrip(";").split(";") == [MIME_TYPE]
    scripts = pyproject()["scripts"]
    assert isinstance(scripts, dict) and scripts["catalog"] == "catalog.cli:main"


def test_the_metainfo_agrees_with_the_package_and_the_desktop_entry() -> None:
    root = etree.parse(METAINFO).getroot()
    assert root.get("type") == "desktop-application"
    assert root.findtext("id") == APP_ID
    assert root.findtext("name") == desktop_entry()["Name"]
    assert root.findtext("metadata_license") == "CC0-1.0"
    licence = pyproject()["license"]
    assert isinstance(licence, dict) and root.findtext("project_license") == licence["text"]
    launchable = root.find("launchable")
    assert launchable is not None and launchable.text == DESKTOP.name
    assert launchable.get("type") == "desktop-id"
    assert [b.text for b in root.iterfind("provides/binary")] == ["catalog"]
    assert [m.text for m in root.iterfind("provides/mediatype")] == [MIME_TYPE]
    versions = [release.get("version") for release in root.iterfind("releases/release")]
    assert versions[0] == __version__  # the newest release comes first
    assert root.find("url") is None or all(u.text for u in root.iterfind("url"))
    assert len(root.findall("description/p")) >= 2


def test_the_mime_type_matches_what_the_native_json_export_writes(tmp_path: Path) -> None:
    root = etree.parse(MIME).getroot()
    (kind,) = root.iterfind(f"{MIME_NS}mime-type")
    assert kind.get("type") == MIME_TYPE
    assert [g.get("pattern") for g in kind.iterfind(f"{MIME_NS}glob")] == ["*.catalog.json"]
    (match,) = kind.iterfind(f"{MIME_NS}magic/{MIME_NS}match")
    assert (match.get("type"), match.get("offset")) == ("string", "0")
    out = tmp_path / "empty.json"
    NativeJsonExporter().write([], out)
    assert out.read_text(encoding="utf-8").startswith(match.get("value") or "?")


def test_the_icon_is_a_self_contained_svg() -> None:
    root = etree.parse(SVG).getroot()
    assert root.tag == f"{SVG_NS}svg"
    assert root.get("version") == "1.1"
    assert root.get("viewBox") == "0 0 128 128"
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue  # a comment
        assert etree.QName(element).localname not in {"image", "script", "foreignObject"}
        for name, value in element.attrib.items():
            if etree.QName(name).localname == "href":
                assert value.startswith("#"), value
            assert "url(" not in value or value.startswith("url(#"), value
    assert resource_path(ICON) == SVG  # the window finds it in a source checkout


def _tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.skip(f"{name} is not installed")
    return path


def test_desktop_file_validate_accepts_the_entry() -> None:
    done = subprocess.run(
        [_tool("desktop-file-validate"), str(DESKTOP)], capture_output=True, text=True
    )
    assert done.returncode == 0, done.stdout + done.stderr
    # Hints only (Office and Education are both main categories, as asked for).
    problems = [line for line in done.stdout.splitlines() if ": hint: " not in line]
    assert problems == []


def test_appstreamcli_accepts_the_metainfo() -> None:
    done = subprocess.run(
        [_tool("appstreamcli"), "validate", "--no-net", str(METAINFO)],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stdout + done.stderr
