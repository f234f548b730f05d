"""HTML report: a well-formed, self-contained document that Chromium renders.

html5lib is not installed, so the document goes through Python's own HTML tokenizer
(``html.parser``, which follows the HTML5 tokenizing rules) with a strict structural
check on top: every element the report uses is closed explicitly and in order, ids are
unique, and only the expected elements appear.
"""

from __future__ import annotations

import shutil
import subprocess
import time
from dataclasses import replace
from html.parser import HTMLParser
from pathlib import Path

import pytest

from catalog.domain.dates import parse_date
from catalog.domain.errors import ExportError
from catalog.domain.records import RecordDetail
from catalog.services.transfer.html_report import HtmlReportExporter, record_html

from .factories import make_record, plain_record

VOID = {"meta", "br"}
ALLOWED = {
    "html", "head", "meta", "title", "style", "body", "h1", "h2", "nav", "p", "ol", "ul",
    "li", "a", "article", "dl", "dt", "dd", "span", "b",
}  # fmt: skip
HOSTILE_TITLE = "<script>alert(1)</script> & <img src=file:///etc/passwd> \"q\" 'a'"
HOSTILE_SUMMARY = (
    '<img src="file:///etc/passwd"><link rel=stylesheet href="http://evil.example/x.css">'
    "<style>@import url(http://evil.example/y.css);</style></dd></article>\x00\x07\ufffe"
)


class Structure(HTMLParser):
    """Collects what the tests check and fails on any structural fault."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.tags: list[str] = []
        self.attributes: list[tuple[str, str, str | None]] = []
        self.ids: list[str] = []
        self.doctype = ""
        self.toc: list[str] = []
        self.headings: list[str] = []
        self.style = ""
        self.text: list[str] = []
        self._capture: list[str] | None = None

    def handle_decl(self, decl: str) -> None:
        self.doctype = decl

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attributes += [(tag, name, value) for name, value in attrs]
        self.ids += [value or "" for name, value in attrs if name == "id"]
        if tag == "a" and "nav" in self.stack:
            self._capture = []
        if tag == "h2" and "article" in self.stack:
            self._capture = []
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        raise AssertionError(f"self-closing <{tag}/>")

    def handle_endtag(self, tag: str) -> None:
        assert tag not in VOID, f"end tag for void element {tag}"
        assert self.stack and self.stack[-1] == tag, f"</{tag}> closes {self.stack[-1:]}"
        self.stack.pop()
        if self._capture is not None and tag in ("a", "h2"):
            (self.toc if tag == "a" else self.headings).append("".join(self._capture))
            self._capture = None

    def handle_data(self, data: str) -> None:
        if self.stack and self.stack[-1] == "style":
            self.style += data
        self.text.append(data)
        if self._capture is not None:
            self._capture.append(data)


def parse(path: Path) -> Structure:
    raw = path.read_bytes()
    document = raw.decode("utf-8")  # strict: the file is valid UTF-8
    parser = Structure()
    parser.feed(document)
    parser.close()
    assert parser.doctype.lower() == "doctype html"
    assert parser.stack == [], f"unclosed elements {parser.stack}"
    assert set(parser.tags) <= ALLOWED, set(parser.tags) - ALLOWED
    assert len(parser.ids) == len(set(parser.ids)), "duplicate ids"
    assert parser.tags.count("html") == parser.tags.count("body") == 1
    return parser


def samples() -> list[RecordDetail]:
    return [
        make_record(1),
        make_record(2, title="김일성 동지에게 보내는 편지 (평양, 1950)"),
        make_record(3, title="中华人民共和国外交部档案: 关于朝鲜问题的报告"),
        make_record(4, title="Запись беседы с послом КНДР, 1959 г."),
        make_record(5, title=HOSTILE_TITLE, summary=HOSTILE_SUMMARY, date=parse_date("")),
        make_record(6, title="Same title twice?"),
        make_record(7, title="  Same\ttitle   twice?\n"),
        plain_record(8, title=""),
        plain_record(9, title="Only a title", uid="https://digitalarchive.example/document/9"),
    ]


def flat(value: str) -> str:
    return " ".join(value.split())


def test_every_title_once_in_the_contents_and_once_as_a_heading(tmp_path: Path) -> None:
    records = samples()
    out = tmp_path / "report.html"
    assert HtmlReportExporter().write(records, out) == len(records)
    parsed = parse(out)
    expected = [flat(r.title) or "(untitled)" for r in records]
    assert parsed.toc == expected
    assert parsed.headings == expected
    hrefs = [v for tag, name, v in parsed.attributes if name == "href"]
    assert hrefs == [f"#rec-{i}" for i in range(1, len(records) + 1)]
    assert [f"rec-{i}" for i in range(1, len(records) + 1)] == [
        i for i in parsed.ids if i.startswith("rec-")
    ]


def test_each_record_has_its_fields_and_citation(tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    HtmlReportExporter().write([make_record(1)], out)
    body = " ".join(flat(t) for t in parse(out).text)
    for value in (
        "October, 1959",
        "1959-10 (1959-10-01 to 1959-10-31)",
        "Journal/Diary",
        "Archive of Foreign Policy of the Russian Federation (AVPRF)",
        "f. 0102, op. 11, p. 65, d. 45, ll. 1-3",
        "Top Secret",
        "Russian, Korean, Chinese",
        "Ivanov, V. I. (author; Иванов В. И.)",
        "Citizenship",
        "Pyongyang (P'yŏngyang; 평양)",
        "todo, check: translation",
        "김일성, 金日成, Ким Ир Сен",
        "Compare with the Chinese copy (中文).",
        "reply to: An earlier letter",
        "has cover memo: Incoming link",
        '"Journal of Soviet Ambassador to the DPRK V. I. Ivanov, part 1," October, 1959, '
        "Soviet Koreans; Korean War | aftermath, Archive of Foreign Policy",
    ):
        assert value in body, value


def test_hostile_values_are_text_and_nothing_external_is_referenced(tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    HtmlReportExporter().write(samples(), out)
    parsed = parse(out)
    raw = out.read_text("utf-8")
    assert "<script" not in raw and "<img" not in raw and "<link" not in raw
    assert parsed.tags.count("style") == 1 and parsed.tags.count("article") == len(samples())
    assert "@import" not in parsed.style and "url(" not in parsed.style
    for tag, name, value in parsed.attributes:
        assert name != "src", (tag, name, value)
        if name == "href":
            assert (value or "").startswith("#"), value
    assert "http://" not in parsed.style and "https://" not in parsed.style
    body = "".join(parsed.text)
    assert HOSTILE_TITLE in body  # shown as text, exactly
    assert "\x00" not in raw and "\x07" not in raw and "\ufffe" not in raw
    assert "https://digitalarchive.example/document/9" in body  # the uid, as text only
    assert any(v and "default-src 'none'" in v for _, n, v in parsed.attributes if n == "content")


def test_an_empty_selection_is_a_valid_report(tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    assert HtmlReportExporter().write([], out) == 0
    assert parse(out).toc == []


def test_the_temporary_body_is_removed_and_write_errors_are_export_errors(
    tmp_path: Path,
) -> None:
    out = tmp_path / "report.html"
    HtmlReportExporter().write(iter(samples()), out)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.html"]
    with pytest.raises(ExportError, match="not valid Unicode"):
        HtmlReportExporter().write([make_record(1, title="bad \udc80")], out)
    with pytest.raises(ExportError, match="cannot write"):
        HtmlReportExporter().write([make_record(1)], tmp_path / "missing" / "report.html")


def test_record_markup_escapes_every_value() -> None:
    fields = {"summary": "<b>", "doc_type": "<i>", "archive": "a&b", "source_ref": "<x>"}
    markup = record_html(replace(make_record(1), **fields), 1)
    assert "<b>" not in markup.replace("<b>Cite as:</b>", "")
    assert "&lt;i&gt;" in markup and "a&amp;b" in markup and "&lt;x&gt;" in markup


def test_chromium_renders_the_report(tmp_path: Path) -> None:
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        pytest.skip("chromium is not installed (CI's .ci/run installs Debian's chromium)")
    out = tmp_path / "report.html"
    HtmlReportExporter().write(samples(), out)
    png = tmp_path / "shot.png"
    subprocess.run(
        [
            chromium,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            f"--user-data-dir={tmp_path / 'profile'}",
            "--window-size=1024,4000",
            f"--screenshot={png}",
            out.as_uri(),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    data = png.read_bytes()
    assert data.startswith(b"\x89PNG\r\n\x1a\n") and len(data) > 10_000


def test_a_thousand_records_within_five_seconds(tmp_path: Path) -> None:
    records = [make_record(n) for n in range(1, 1001)]
    started = time.perf_counter()
    assert HtmlReportExporter().write(records, tmp_path / "report.html") == 1000
    assert time.perf_counter() - started < 5
